//! What a client asks of the session (one [`Command`] enum), and what the session answers
//! ([`Outcome`]): messages, what to show, a question to put to the user. The session never
//! reaches into widgets; the window, the command line and tests read the outcome.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::merge::{Pick, resolve};
use crate::model::{Dataset, Edit};
/// The one list of export formats, the session's as well as the command line's and the window's.
pub use crate::store::ExportFormat;
/// The one list of import formats.
pub use crate::store::ImportFormat;

/// Every change to the open dataset, its file, its snapshots and the view date.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Apply an edit as one undoable step with this label ("Delete Vladimir Putin").
    Edit {
        edit: Box<Edit>,
        label: String,
        /// Whether the claims it adds are made here, by the session's author, who signs
        /// them; false for claims carried from elsewhere (a teammate's, taken in from the
        /// file or settled in a merge conflict), which keep whatever author they had.
        made_here: bool,
    },
    Undo,
    Redo,
    /// Start an empty dataset (asks first when there are unsaved changes).
    New,
    /// Open a dataset file (asks first when there are unsaved changes).
    Open(PathBuf),
    /// Save to the document's file (refused when it has none: use `SaveAs`).
    Save,
    SaveAs(PathBuf),
    /// Write the roster as CSV, or the report as Markdown, HTML, Popolo or FollowTheMoney, as
    /// of the session's date.
    Export {
        format: ExportFormat,
        path: PathBuf,
        /// The sources' full texts in the HTML report (left out otherwise: wire copy may not
        /// be republishable).
        with_texts: bool,
    },
    /// Bring in another tool's file (a roster CSV, Popolo JSON, FollowTheMoney entities) as
    /// one undoable step: actors matched or made, each new value a claim citing the file.
    Import {
        format: ImportFormat,
        path: PathBuf,
    },
    /// Write a picture of the window (RGBA pixels, row by row) as a PNG.
    ExportImage {
        path: PathBuf,
        size: [usize; 2],
        rgba: Vec<u8>,
    },
    /// Freeze the dataset and the as-of date, with a note, into the snapshots folder.
    TakeSnapshot {
        note: String,
    },
    /// View a snapshot read-only; the working document waits until it is closed.
    OpenSnapshot(PathBuf),
    /// Back to the working document.
    CloseSnapshot,
    /// Continue from a snapshot file as a new, unsaved working file.
    RestoreSnapshot(PathBuf),
    /// Continue from the snapshot open read-only as a new, unsaved working file.
    RestoreOpenSnapshot,
    /// What changed from a snapshot to the working file (answered in `Outcome::comparison`).
    CompareSnapshot(PathBuf),
    /// Take back the work found in the recovery file at start.
    RestoreRecovery,
    /// Delete the work found in the recovery file at start.
    DiscardRecovery,
    /// Close the application (asks first when there are unsaved changes).
    Quit,
    /// The user agreed to lose unsaved changes: carry out the command without asking.
    Confirmed(Box<Command>),
    /// Select an actor and show it.
    ShowActor(String),
    /// Show a source, and the claim's quote in it.
    ShowSource {
        source: String,
        claim: Option<String>,
    },
    /// Select an event and show it.
    ShowEvent(String),
    /// Change what is selected, without bringing it into view: a view change, like the as-of
    /// date (not an undoable edit; the document stays as it is).
    Select(Select),
    /// Show the whole dataset as it stood on this day (`None`: everything known).
    SetAsOf(Option<NaiveDate>),
    /// Who makes the claims added from now on (recorded on each; see `Session::set_author`).
    SetAuthor(String),
}

impl Command {
    /// Whether the command only shows, picks or writes out, and never changes the document:
    /// the base a later merge needs is not copied for it (a copy of a million claims would
    /// hold up the window's first frame, which picks what to show).
    pub fn only_views(&self) -> bool {
        matches!(
            self,
            Command::ShowActor(_)
                | Command::ShowSource { .. }
                | Command::ShowEvent(_)
                | Command::Select(_)
                | Command::SetAsOf(_)
                | Command::SetAuthor(_)
                | Command::Export { .. }
                | Command::ExportImage { .. }
                | Command::CompareSnapshot(_)
        )
    }

    pub fn edit(edit: Edit, label: impl Into<String>) -> Self {
        Command::Edit {
            edit: Box::new(edit),
            label: label.into(),
            made_here: true,
        }
    }

    /// An edit that brings in claims made elsewhere: they are not signed by this session's
    /// author (see `Command::Edit`).
    pub fn carry(edit: Edit, label: impl Into<String>) -> Self {
        Command::Edit {
            edit: Box::new(edit),
            label: label.into(),
            made_here: false,
        }
    }

    /// The edit that settles merge conflict `at` of `d` with the picked side, as one undoable
    /// step (undo brings the conflict back): what the Merge conflicts window and the
    /// `resolve` verb send. An error says why it cannot be settled (no such conflict, a
    /// damaged value).
    pub fn resolve_conflict(d: &Dataset, at: usize, pick: Pick) -> Result<Self, String> {
        let edit = resolve(d, at, pick).map_err(|e| e.to_string())?;
        let side = match pick {
            Pick::Ours => "ours",
            Pick::Theirs => "theirs",
        };
        let what = d.merge_conflicts[at].describe();
        Ok(Command::carry(
            edit,
            format!("Resolve conflict ({side}): {what}"),
        ))
    }
}

/// A message for the status bar: what just happened, or what went wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            is_error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            is_error: true,
        }
    }
}

/// What the client should bring into view.
#[derive(Clone, Debug, PartialEq)]
pub enum Focus {
    Actor(String),
    Source {
        source: String,
        claim: Option<String>,
    },
    Event(String),
}

/// A question the client must put to the user before the command can go ahead.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirm {
    /// Save the unsaved changes first? `then` is carried out (as `Command::Confirmed`) once
    /// they are saved or deliberately dropped.
    UnsavedChanges { then: Box<Command> },
    /// The file changed on disk since it was opened or saved (another program or instance
    /// wrote it). Overwrite it (`Command::Confirmed(SaveAs(path))`), save elsewhere, or reload
    /// it (`Command::Confirmed(Open(path))`, dropping the changes here).
    ChangedOnDisk { path: std::path::PathBuf },
}

/// What a command did, for the client to show.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// A new message for the status bar.
    pub notice: Option<Notice>,
    /// The previous message no longer applies (an edit went through).
    pub clear_notice: bool,
    /// A long error to show in full (a load error can run to several lines).
    pub detail: Option<String>,
    pub focus: Option<Focus>,
    pub confirm: Option<Confirm>,
    /// A comparison to show: its title and the change list.
    pub comparison: Option<(String, String)>,
    /// The comparison's changes one by one, for a table.
    pub changes: Vec<crate::model::merge::diff::DiffChange>,
    /// Another dataset is open now: views of the old one must not carry over.
    pub replaced: bool,
    /// The client should close.
    pub quit: bool,
    /// The file the command wrote (a save, an export, a snapshot).
    pub written: Option<PathBuf>,
    /// What the command did, line by line (an import: each new actor, each skipped row with
    /// its place and why), for the command line to print; the window shows the notice.
    pub report: Option<String>,
}

impl Outcome {
    /// Brings something into view.
    pub fn focus(focus: Focus) -> Self {
        Outcome {
            focus: Some(focus),
            ..Outcome::default()
        }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Outcome {
            notice: Some(Notice::info(text)),
            ..Outcome::default()
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Outcome {
            notice: Some(Notice::error(text)),
            ..Outcome::default()
        }
    }

    /// Whether the command failed (its message is an error).
    pub fn is_error(&self) -> bool {
        self.notice.as_ref().is_some_and(|n| n.is_error)
    }
}

/// A change of one part of the selection (`None`: nothing selected there).
#[derive(Clone, Debug, PartialEq)]
pub enum Select {
    Actor(Option<String>),
    Event(Option<String>),
}

/// What is selected, whichever tab shows it: kept across tabs, cleared with the document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// The selected actor, by id (positions shift as actors are added and removed).
    pub actor: Option<String>,
    /// The source last shown, and the claim picked in it.
    pub source: Option<(String, Option<String>)>,
    /// The selected event, by id.
    pub event: Option<String>,
}

impl Selection {
    /// Makes the change.
    pub fn apply(&mut self, change: Select) {
        match change {
            Select::Actor(id) => self.actor = id,
            Select::Event(id) => self.event = id,
        }
    }
}
