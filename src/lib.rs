//! board-explorer: who sits on an international body, on whose word, and since when.
//!
//! - [`model`]: the dataset of claims and what is derived from it (no egui, no I/O);
//! - [`store`]: RON files, loading, saving;
//! - [`cli`]: the command line for scripts;
//! - [`ui`]: the eframe app and its panels.

pub mod cli;
pub mod document;
pub mod model;
pub mod store;
pub mod ui;
