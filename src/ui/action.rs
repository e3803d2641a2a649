//! What the window does for itself before (or instead of) asking the session: native file
//! dialogs, the typed-path window, the snapshot list. Everything that touches the dataset, a
//! file or a snapshot is a session [`Command`], carried here as `Run`.

use std::path::PathBuf;

use crate::session::{Command, ExportFormat, ImportFormat};

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
    /// Ask where with the native dialog, then export there (the HTML report with the
    /// sources' full texts when `with_texts`).
    ChooseExport {
        format: ExportFormat,
        with_texts: bool,
    },
    ExportTo {
        format: ExportFormat,
        path: PathBuf,
        with_texts: bool,
    },
    /// Ask where with the native dialog, then save a picture of the window there (PNG): the
    /// one export only the window makes.
    ChooseImage,
    ImageTo(PathBuf),
    /// Ask for another tool's file with the native dialog, then import it.
    ChooseImport,
    /// Import this file, in this format (`None`: the one its name says).
    ImportFrom(Option<ImportFormat>, PathBuf),
    /// Ask for a note, then take a snapshot.
    TakeSnapshot,
    /// Show or hide the list of snapshots.
    ToggleSnapshots,
    /// The answer to "Save the changes?": save them first (`true`) or drop them, then carry
    /// out the action that asked. Queued by the dialog, run at the frame's end like the rest.
    AfterUnsaved {
        save: bool,
        then: Box<UiAction>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Export(ExportFormat),
    Image,
    /// Another tool's file to import, in this format (`None`: the one its name says).
    Import(Option<ImportFormat>),
}
