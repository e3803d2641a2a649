//! The eframe app: a menu bar, four tabs over one session, a status bar.
//! Panels draw from one view context ([`ViewCtx`]) and queue session commands; they never
//! touch files, and nothing here reaches the store.

mod action;
mod actor_search;
mod app;
mod citation;
mod fact_input;
mod file_menu;
mod keys;
mod merge_conflicts;
mod roster;
mod seats;
mod shortcuts;
mod snapshots;
mod sources;
mod timeline;
mod view;

pub use action::{PathPurpose, UiAction};
pub use app::{BoardExplorerApp, Panels, Tab, Window, startup_document};
pub use keys::Keys;
pub use roster::table::{Column, RosterQuery};
pub use roster::{RosterPanel, SELECT_HINT};
pub use seats::{SeatsPanel, calculator_money};
pub use snapshots::SnapshotsPanel;
pub use sources::{SourcesPanel, SourcesView, reanchor_notice};
pub use timeline::{LATEST_DAYS, MARKS_LEGEND, OPENING_DAYS, TimelinePanel};
pub use view::{Queued, ViewCtx};

/// Opens the window: on `file` when one is given, else on the file last open (or the
/// embedded dataset).
pub fn run_native(file: Option<std::path::PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("board-explorer")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "board-explorer",
        options,
        Box::new(|cc| Ok(Box::new(BoardExplorerApp::new(cc, file)))),
    )
}
