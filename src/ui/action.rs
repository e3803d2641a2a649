//! What the window does for itself before (or instead of) asking the session: native file
//! dialogs, the typed-path window, the snapshot list. Everything that touches the dataset, a
//! file or a snapshot is a session [`Command`], carried here as `Run`.

use std::path::PathBuf;

use crate::session::{Command, ExportFormat};

#[derive(Clone, Debug, PartialEq)]
pub enum UiAction {
    /// A session command.
    Run(Command),
    /// Ask for a file with the native dialog, then open it.
    ChooseOpen,
    /// Ask for a file name with the native dialog, then save there.
    ChooseSaveAs,
    /// Save to the current file, or ask where when there is none.
    Save,
    /// Show the window where a path can be typed.
    TypePath(PathPurpose),
    /// Ask where with the native dialog, then export there.
    ChooseExport(ExportKind),
    ExportTo(ExportKind, PathBuf),
    /// Ask for a note, then take a snapshot.
    TakeSnapshot,
    /// Show or hide the list of snapshots.
    ToggleSnapshots,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Export(ExportKind),
}

/// What can be handed to people who do not run the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Csv,
    Markdown,
    Html,
    Popolo,
    Ftm,
    Png,
}

impl ExportKind {
    pub const ALL: [ExportKind; 6] = [
        ExportKind::Csv,
        ExportKind::Markdown,
        ExportKind::Html,
        ExportKind::Popolo,
        ExportKind::Ftm,
        ExportKind::Png,
    ];

    pub fn title(self) -> &'static str {
        match self {
            ExportKind::Csv => "Export roster as CSV",
            ExportKind::Markdown => "Export report as Markdown",
            ExportKind::Html => "Export report as HTML",
            ExportKind::Popolo => "Export as Popolo JSON",
            ExportKind::Ftm => "Export as FollowTheMoney entities",
            ExportKind::Png => "Export image of this panel",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Csv => "csv",
            ExportKind::Markdown => "md",
            ExportKind::Html => "html",
            ExportKind::Popolo | ExportKind::Ftm => "json",
            ExportKind::Png => "png",
        }
    }

    /// What the file is called after the dataset: "board_of_peace-roster.csv".
    pub fn file_stem(self) -> &'static str {
        match self {
            ExportKind::Csv => "roster",
            ExportKind::Markdown | ExportKind::Html => "report",
            ExportKind::Popolo => "popolo",
            ExportKind::Ftm => "ftm-entities",
            ExportKind::Png => "panel",
        }
    }

    /// The session's export, for those the session writes from the derived data.
    pub fn format(self) -> Option<ExportFormat> {
        match self {
            ExportKind::Csv => Some(ExportFormat::Csv),
            ExportKind::Markdown => Some(ExportFormat::Markdown),
            ExportKind::Html => Some(ExportFormat::Html),
            ExportKind::Popolo => Some(ExportFormat::Popolo),
            ExportKind::Ftm => Some(ExportFormat::Ftm),
            ExportKind::Png => None,
        }
    }
}
