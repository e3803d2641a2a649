//! What every panel draws from: the dataset, the data derived from it, the as-of date, the
//! selection, and where its commands go. Everything in it is shared (`&ViewCtx` goes to every
//! helper beside `&mut self`); commands, a change of selection among them, are queued through
//! `&self` while drawing and performed by the session once, after the frame's UI. A panel
//! never changes the dataset or the selection itself.

use std::cell::RefCell;

use chrono::NaiveDate;

use super::keys::Keys;
use crate::model::{Dataset, Derived, Edit};
use crate::session::{Command, EditLog, Select, Selection, ViewParts};

pub struct ViewCtx<'a> {
    pub dataset: &'a Dataset,
    /// Fresh for `dataset` and `as_of`.
    pub derived: &'a Derived,
    /// The day everything is shown as of; `None`: everything known.
    pub as_of: Option<NaiveDate>,
    /// Which rows recent edits touched, for views that follow edits row by row.
    pub edit_log: &'a EditLog,
    /// What is selected, whichever tab shows it. Changed by a command like any other
    /// ([`ViewCtx::select`]), performed at the frame's end: a view change, not an edit.
    pub selection: &'a Selection,
    /// Whether a modal window owns the keyboard this frame: panel shortcuts ask it.
    pub keys: Keys,
    commands: &'a CommandQueue,
}

/// A command queued while drawing, with what to say once it went through: the message goes to
/// the status bar after the outcome, never before the command ran (a refused edit says why
/// it was refused instead).
#[derive(Debug)]
pub struct Queued {
    pub command: Command,
    pub said_when_done: Option<String>,
}

/// Where a frame's commands wait until its UI is drawn: owned by the window, lent to the
/// panels through the view context, and pushed to through a shared reference.
#[derive(Debug, Default)]
pub struct CommandQueue(RefCell<Vec<Queued>>);

impl CommandQueue {
    pub fn push(&self, queued: Queued) {
        self.0.borrow_mut().push(queued);
    }

    /// The commands queued so far, in order; the queue is left empty.
    pub fn take(&self) -> Vec<Queued> {
        self.0.take()
    }
}

impl<'a> ViewCtx<'a> {
    pub fn new(parts: ViewParts<'a>, keys: Keys, commands: &'a CommandQueue) -> Self {
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
    pub fn send(&self, command: Command) {
        self.commands.push(Queued {
            command,
            said_when_done: None,
        });
    }

    /// Queues a command, and what the status bar says once it went through (only then).
    pub fn send_saying(&self, command: Command, said_when_done: impl Into<String>) {
        self.commands.push(Queued {
            command,
            said_when_done: Some(said_when_done.into()),
        });
    }

    /// Queues a change of the selection (performed with the other commands, at the frame's
    /// end; the next frame shows it).
    pub fn select(&self, change: Select) {
        self.send(Command::Select(change));
    }

    /// The selected actor, unless it is gone (deleted or merged away; the roster sends the
    /// command that clears it).
    pub fn selected_actor(&self) -> Option<&'a str> {
        self.selection
            .actor
            .as_deref()
            .filter(|id| self.derived.index.actor_by_id.contains_key(*id))
    }

    /// Queues an edit as one undoable step called `label`.
    pub fn edit(&self, edit: Edit, label: impl Into<String>) {
        self.send(Command::edit(edit, label));
    }
}
