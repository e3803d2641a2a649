//! The integration tests that need no window harness, in one test binary (one link, not one per
//! file): the model and what is derived from it, files and the store, the session, the command
//! line, merging, extraction, and the property tests. Each file here is a module; run one with
//! `cargo test --test it edits::`.
//!
//! The tests share one process: none may change its environment, working directory or other
//! process-wide state; what needs a process of its own runs as a child (`common/child.rs`).

use proptest::test_runner::{Config as ProptestConfig, FileFailurePersistence};

#[path = "../common/bin.rs"]
mod bin;
#[path = "../common/child.rs"]
mod child;
#[path = "../common/conflict_cases.rs"]
mod conflict_cases;
#[path = "../common/records.rs"]
mod records;

mod anchors;
mod cli;
mod cli_attacks;
mod cli_bodies;
mod cli_claims;
mod cli_edits;
mod cli_json;
mod cli_merge_conflicts;
mod cli_suggest;
mod compare;
mod conflict_counts;
mod crash_safety;
mod derived_incremental;
mod edits;
mod embedded_dataset;
mod extract;
mod extract_kinds;
mod extract_tables;
mod files;
mod hostile_input;
mod html_report;
mod imports;
mod layers;
mod merge_props;
mod merge_rules;
mod model_on_embedded;
mod one_meaning;
mod open_data_exports;
mod safe_exports;
mod session;
mod shared_files;
mod team_writes;
mod text_merge;
mod unknown_fields;
mod validation_values;
mod watch;

/// Proptest's settings for a property test here: `cases` cases, and the failures it found kept
/// beside the module's file (`tests/it/edits.proptest-regressions` for `edits.rs`). Proptest's
/// default (`SourceParallel`) would look for them in `tests/proptest-regressions/edits.txt`
/// instead, as this binary's `main.rs` sits beside the modules.
fn proptest_config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::with_cases(cases)
    }
}
