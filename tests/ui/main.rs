//! The window's tests (egui_kittest drives the app headlessly), in one test binary (one link,
//! not one per file): each file here is a module; run one with `cargo test --test ui review::`.
//!
//! The tests share one process: none may change its environment, working directory or other
//! process-wide state; what needs a process of its own runs as a child (`common/child.rs`).

#[path = "../common/bin.rs"]
mod bin;
#[path = "../common/child.rs"]
mod child;
#[path = "../common/mod.rs"]
mod common;
#[path = "../common/conflict_cases.rs"]
mod conflict_cases;
#[path = "../common/records.rs"]
mod records;

mod app;
mod bodies;
mod conflicts;
mod git_merge;
mod imports;
mod keys;
mod layout;
mod look;
mod merge;
mod one_path;
mod review;
mod roster;
mod save_fallback;
mod seats;
mod snapshots;
mod sources;
mod timeline;
