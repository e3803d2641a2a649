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
    ChooseExport(ExportFormat),
    ExportTo(ExportFormat, PathBuf),
    /// Ask where with the native dialog, then save a picture of the window there (PNG): the
    /// one export only the window makes.
    ChooseImage,
    ImageTo(PathBuf),
    /// Ask for a note, then take a snapshot.
    TakeSnapshot,
    /// Show or hide the list of snapshots.
    ToggleSnapshots,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Export(ExportFormat),
    Image,
}
