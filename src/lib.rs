//! board-explorer: who sits on an international body, on whose word, and since when.
//!
//! - [`model`]: the dataset of claims and what is derived from it (no egui, no I/O);
//! - [`session`]: the open document, derived data, as-of date, selection, autosave; the one
//!   `Command` path every client (window, command line, tests) goes through;
//! - [`store`]: RON files, loading, saving (reached only through the session and the CLI);
//! - [`cli`]: the command line for scripts;
//! - [`ui`]: the eframe app and its panels.

pub mod cli;
pub mod model;
pub mod session;
pub mod store;
pub mod ui;

/// The open document and its undo history (kept at this path for scripts and tests).
pub use session::document;
