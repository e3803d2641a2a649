//! What every panel draws from: the dataset, the data derived from it, the as-of date, the
//! selection, and where its commands go. Commands are queued while drawing and performed by
//! the session once, after the frame's UI; a panel never changes the dataset itself.

use chrono::NaiveDate;

use super::keys::Keys;
use crate::model::{Dataset, Derived, Edit};
use crate::session::{Command, EditLog, Selection, ViewParts};

pub struct ViewCtx<'a> {
    pub dataset: &'a Dataset,
    /// Fresh for `dataset` and `as_of`.
    pub derived: &'a Derived,
    /// The day everything is shown as of; `None`: everything known.
    pub as_of: Option<NaiveDate>,
    /// Which rows recent edits touched, for views that follow edits row by row.
    pub edit_log: &'a EditLog,
    /// What is selected, whichever tab shows it (a view change, not an edit: set at once).
    pub selection: &'a mut Selection,
    /// Whether a modal window owns the keyboard this frame: panel shortcuts ask it.
    pub keys: Keys,
    commands: &'a mut Vec<Queued>,
}

/// A command queued while drawing, with what to say once it went through: the message goes to
/// the status bar after the outcome, never before the command ran (a refused edit says why
/// it was refused instead).
#[derive(Debug)]
pub struct Queued {
    pub command: Command,
    pub said_when_done: Option<String>,
}

impl<'a> ViewCtx<'a> {
    pub fn new(parts: ViewParts<'a>, keys: Keys, commands: &'a mut Vec<Queued>) -> Self {
        ViewCtx {
            dataset: parts.dataset,
            derived: parts.derived,
            as_of: parts.as_of,
            edit_log: parts.edit_log,
            selection: parts.selection,
            keys,
            commands,
        }
    }

    /// Queues a command, performed after this frame's UI.
    pub fn send(&mut self, command: Command) {
        self.commands.push(Queued {
            command,
            said_when_done: None,
        });
    }

    /// Queues a command, and what the status bar says once it went through (only then).
    pub fn send_saying(&mut self, command: Command, said_when_done: impl Into<String>) {
        self.commands.push(Queued {
            command,
            said_when_done: Some(said_when_done.into()),
        });
    }

    /// Queues an edit as one undoable step called `label`.
    pub fn edit(&mut self, edit: Edit, label: impl Into<String>) {
        self.send(Command::edit(edit, label));
    }
}
