//! The session: the open document with its undo history, the data derived from it, the one
//! as-of date, the selection, a snapshot viewed read-only, autosave and recovery. Every change
//! arrives as one [`Command`] through [`Session::perform`], which answers with an [`Outcome`].
//! No egui here: the window, the command line and tests are clients of the same session, and
//! only the session reaches files (through `store`).

mod autosave;
mod command;
pub mod disk;
pub mod document;
mod edit_log;
mod files;
mod import;
pub mod json_view;
mod snapshots;
mod watch;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use self::autosave::{AUTOSAVE_AFTER_SECONDS, Tick};
pub use self::command::{
    Command, Confirm, ExportFormat, Focus, ImportFormat, Notice, Outcome, Select, Selection,
};
pub use self::document::{Document, saves_dir};
pub use self::edit_log::EditLog;
pub use self::files::{
    ArticleFile, MAX_ARTICLE_BYTES, dataset_text, default_file_name, export_file_name,
    read_article, write_file, write_new_file,
};
pub use self::watch::WATCH_EVERY_SECONDS;
use crate::model::derive::report::Report;
use crate::model::{Dataset, Derived};
pub use crate::store::{
    FileLock, LoadError, LockError, Recovery, SaveError, SnapshotInfo, recovery_path,
};
use autosave::Autosave;

/// A name as claims are signed with it: one line of words (a control character in it is
/// nobody's name), without spaces around it.
pub fn author_name(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}

/// What a view draws from, borrowed from the session for one frame.
pub struct ViewParts<'a> {
    pub dataset: &'a Dataset,
    /// Fresh for `dataset` and `as_of`.
    pub derived: &'a Derived,
    pub as_of: Option<NaiveDate>,
    pub edit_log: &'a EditLog,
    pub selection: &'a Selection,
}

/// A snapshot being viewed: what it is, and the working document and as-of date to return to.
#[derive(Debug)]
pub struct ReadOnly {
    pub note: String,
    pub taken: String,
    /// The snapshot's file, to open it again or restore it once the working file is saved.
    pub path: PathBuf,
    stashed: Document,
    stashed_as_of: Option<NaiveDate>,
}

impl ReadOnly {
    /// The working document waiting, untouched, until the snapshot is closed.
    pub fn working(&self) -> &Document {
        &self.stashed
    }
}

/// Why an edit or a save is refused while a snapshot is open.
pub const READ_ONLY: &str = "This snapshot is open read-only: nothing in it can change. \
                             \"Restore as a new working file\" to edit it, or close it.";
/// Why another dataset cannot be opened while a snapshot is open.
pub const CLOSE_SNAPSHOT_FIRST: &str = "Close the snapshot first (the bar at the top).";

/// Whether a command may run now ([`Session::check`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// It runs.
    Go,
    /// It is refused, for this reason.
    Refused(&'static str),
    /// It has nothing to act on: it does nothing, silently.
    Nothing,
    /// Unsaved changes would be lost: ask first (Save / Don't save / Cancel).
    AskUnsaved,
}

/// A file opened by [`Session::open_any`].
#[derive(Debug)]
pub struct Opened {
    pub session: Session,
    /// What is worth telling the user about the file.
    pub warnings: Vec<String>,
    /// What a snapshot says of itself; `None` for a dataset file.
    pub snapshot: Option<SnapshotHead>,
}

/// A snapshot's as-of day, note and when it was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotHead {
    pub as_of: Option<NaiveDate>,
    pub note: String,
    pub taken: String,
}

#[derive(Debug)]
pub struct Session {
    doc: Document,
    derived: Derived,
    /// The day everything is shown as of; `None` is "everything known", today.
    as_of: Option<NaiveDate>,
    pub selection: Selection,
    read_only: Option<ReadOnly>,
    autosave: Autosave,
    /// Where snapshots go: `saves/`.
    snapshots_dir: PathBuf,
    /// Recently opened or saved files, newest first.
    recent: Vec<PathBuf>,
    /// Which rows recent edits touched.
    edit_log: EditLog,
    /// The open file, watched for changes made on disk.
    watch: watch::Watch,
    /// Who makes the claims this session adds (empty: nobody named); see [`Session::set_author`].
    author: String,
}

impl Session {
    /// A session on a document, without autosave; derived at once.
    pub fn new(doc: Document) -> Self {
        Session::viewed_as_of(doc, None)
    }

    /// A session on a document viewed as of `as_of`, derived once for that day.
    fn viewed_as_of(doc: Document, as_of: Option<NaiveDate>) -> Self {
        let mut session = Session {
            doc,
            derived: Derived::default(),
            as_of,
            selection: Selection::default(),
            read_only: None,
            autosave: Autosave::default(),
            snapshots_dir: saves_dir(),
            recent: Vec::new(),
            edit_log: EditLog::default(),
            watch: watch::Watch::default(),
            author: String::new(),
        };
        session.refresh();
        session
    }

    /// Who makes the claims this session adds from now on: each claim added by hand or
    /// accepted from a suggestion records it, so that one reporter's newer hand edit replaces
    /// only their own older one, and two reporters' opposite edits show as a conflict.
    pub fn set_author(&mut self, name: &str) {
        self.author = author_name(name);
    }

    /// Who makes the claims this session adds (empty: nobody named).
    pub fn author(&self) -> &str {
        &self.author
    }

    /// A session on the embedded dataset.
    pub fn embedded() -> Self {
        Session::new(Document::embedded())
    }

    /// A session on a dataset file, with the file's warnings.
    pub fn open(path: &Path) -> Result<(Self, Vec<String>), LoadError> {
        let (doc, warnings) = Document::open(path)?;
        Ok((Session::new(doc), warnings))
    }

    /// A session on a dataset or snapshot file, or on the embedded dataset when there is no
    /// file, for commands that read without writing back: viewed as of `as_of`, else as of a
    /// snapshot's own day, and derived once, for that day.
    pub fn open_any(path: Option<&Path>, as_of: Option<NaiveDate>) -> Result<Opened, LoadError> {
        let Some(path) = path else {
            return Ok(Opened {
                session: Session::viewed_as_of(Document::embedded(), as_of),
                warnings: Vec::new(),
                snapshot: None,
            });
        };
        let file = crate::store::load_any(path)?;
        let doc = Document::new(file.dataset, Some(path.to_path_buf()));
        let mut session = Session::viewed_as_of(doc, as_of.or(file.as_of));
        // A snapshot is read-only here as in the window: `check` refuses an edit of it alike.
        // No working file waits behind it on the command line: an empty one stands in.
        if let Some((note, taken)) = &file.snapshot {
            session.read_only = Some(ReadOnly {
                note: note.clone(),
                taken: taken.clone(),
                path: path.to_path_buf(),
                stashed: Document::new(Dataset::default(), None),
                stashed_as_of: None,
            });
        }
        Ok(Opened {
            session,
            warnings: file.warnings.iter().map(ToString::to_string).collect(),
            snapshot: file.snapshot.map(|(note, taken)| SnapshotHead {
                as_of: file.as_of,
                note,
                taken,
            }),
        })
    }

    // ----- Queries -----

    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The document itself, for tests and tools that set its file; edits go through
    /// [`Session::perform`].
    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.doc
    }

    /// Puts another document in place (no question asked), returning the old one.
    pub fn replace_document(&mut self, doc: Document) -> Document {
        let old = std::mem::replace(&mut self.doc, doc);
        self.selection = Selection::default();
        self.refresh();
        old
    }

    pub fn dataset(&self) -> &Dataset {
        self.doc.dataset()
    }

    /// The derived data, fresh for the dataset and as-of date.
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    pub fn as_of(&self) -> Option<NaiveDate> {
        self.as_of
    }

    /// The snapshot open read-only, if any.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    /// Work found in the recovery file, waiting for `RestoreRecovery` or `DiscardRecovery`.
    pub fn recovery_offer(&self) -> Option<&Recovery> {
        self.autosave.offer.as_ref()
    }

    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    pub fn set_recent(&mut self, recent: Vec<PathBuf>) {
        self.recent = recent;
    }

    /// Where snapshots are taken and listed.
    pub fn snapshots_dir(&self) -> &Path {
        &self.snapshots_dir
    }

    pub fn set_snapshots_dir(&mut self, dir: PathBuf) {
        self.snapshots_dir = dir;
    }

    /// The snapshots in the snapshots folder (reads the folder: call it when it may have
    /// changed, not every frame).
    pub fn snapshots(&self) -> Vec<SnapshotInfo> {
        crate::store::list_snapshots(&self.snapshots_dir)
    }

    /// The report of what is shown: roster, seats, conflicts, timeline, sources.
    pub fn report(&self) -> Report<'_> {
        Report::new(self.doc.dataset(), &self.derived)
    }

    /// Which rows recent edits touched, for views that follow edits row by row.
    pub fn edit_log(&self) -> &EditLog {
        &self.edit_log
    }

    /// The parts a view draws from (it changes none of them but by a command).
    pub fn view_parts(&self) -> ViewParts<'_> {
        ViewParts {
            dataset: self.doc.dataset(),
            derived: &self.derived,
            as_of: self.as_of,
            edit_log: &self.edit_log,
            selection: &self.selection,
        }
    }

    // ----- Changes -----

    /// Autosaves to `path` (this instance's recovery file, from `store::recovery_path`) from
    /// now on, and offers back work left there by an earlier session, or in the same folder
    /// by an instance that is no longer running. Files of running instances (their lock is
    /// held) are never offered, touched or deleted.
    /// The sources the window has ticked for comparison: written with unsaved work to the
    /// recovery file, so that a restore after a crash ticks them again.
    pub fn remember_chosen_sources(&mut self, chosen: &[String]) {
        if self.autosave.chosen != chosen {
            self.autosave.chosen = chosen.to_vec();
        }
    }

    /// The window is closing cleanly: the recovery file's lock is let go and removed. The
    /// recovery file itself stays only if it holds work that was never saved, which the next
    /// start offers back.
    pub fn close(&mut self) {
        if let Some(path) = &self.autosave.file {
            crate::store::release_recovery(path);
        }
    }

    pub fn enable_recovery(&mut self, path: PathBuf) -> Outcome {
        let mut outcome = Outcome::default();
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let own = path.exists().then(|| path.clone());
        for orphan in own
            .into_iter()
            .chain(crate::store::orphan_recoveries(&folder))
        {
            match crate::store::read_recovery(&orphan) {
                Ok(Some(offer)) => {
                    self.autosave.offer = Some(offer);
                    self.autosave.offer_file = Some(orphan);
                    break;
                }
                Ok(None) => {}
                Err(e) => outcome = Outcome::error(format!("{e} (it was left in place)")),
            }
        }
        self.autosave.file = Some(path);
        outcome
    }

    /// Writes unsaved work to the recovery file when it is due; `now` is the caller's clock
    /// in seconds.
    pub fn autosave(&mut self, now: f64) -> Tick {
        self.autosave.tick(&self.doc, now)
    }

    /// Re-derives what the dataset or the as-of date made stale (a no-op otherwise).
    pub fn refresh(&mut self) {
        self.derived.refresh(self.doc.dataset(), self.as_of);
        // A file just read is hashed from here on, beside what follows (the window's first
        // frame, a command's work): before, the hash shared the cores with the parse and this
        // derive, delaying the first frame at 100,000 actors. Once started, this does nothing.
        self.doc.hash_in_background();
    }

    /// Carries out a command; the derived data is fresh when it returns.
    pub fn perform(&mut self, command: Command) -> Outcome {
        // What the file held before this command changes the document: the base a later merge
        // with the file's new content needs (a copy, once per load or save).
        if !command.only_views() {
            self.keep_base();
        }
        let outcome = self.dispatch(command);
        if outcome.replaced {
            self.selection = Selection::default();
        }
        self.refresh();
        outcome
    }

    /// Whether a command may run now, apart from running it: the one place for the rules
    /// about a snapshot viewed read-only and about unsaved changes. The window asks it before
    /// opening a dialog; [`Session::perform`] asks it before every command.
    pub fn check(&self, command: &Command) -> Check {
        let read_only = self.read_only.is_some();
        match command {
            Command::Edit { .. } | Command::Import { .. } if read_only => Check::Refused(READ_ONLY),
            // Undo and redo have nothing to act on in a snapshot: they do nothing.
            Command::Undo | Command::Redo if read_only => Check::Nothing,
            Command::Save | Command::SaveAs(_) if read_only => Check::Refused(READ_ONLY),
            Command::New | Command::Open(_) if read_only => Check::Refused(CLOSE_SNAPSHOT_FIRST),
            // Viewing a snapshot, another one picked in the list is refused while the waiting
            // working file has unsaved work (close the snapshot to save it); the one viewed is
            // restored from the banner, which asks.
            Command::RestoreSnapshot(_)
                if self
                    .read_only
                    .as_ref()
                    .is_some_and(|ro| ro.stashed.is_dirty()) =>
            {
                Check::Refused(
                    "Your working file has unsaved changes: close the snapshot and save them \
                     before restoring another one.",
                )
            }
            // Restoring replaces the working file: its unsaved work is asked about first
            // (Save / Don't save / Cancel), like Open, also while it waits behind the snapshot
            // viewed read-only.
            Command::RestoreSnapshot(_) | Command::RestoreOpenSnapshot
                if self.working_is_dirty() =>
            {
                Check::AskUnsaved
            }
            Command::New | Command::Open(_) | Command::Quit if self.doc.is_dirty() => {
                Check::AskUnsaved
            }
            // The user answered for the unsaved changes: only what is refused outright stays.
            Command::Confirmed(inner) => match &**inner {
                Command::RestoreSnapshot(_) | Command::RestoreOpenSnapshot | Command::Quit => {
                    Check::Go
                }
                other => match self.check(other) {
                    Check::AskUnsaved => Check::Go,
                    verdict => verdict,
                },
            },
            _ => Check::Go,
        }
    }

    fn dispatch(&mut self, command: Command) -> Outcome {
        match self.check(&command) {
            Check::Go => self.execute(command),
            Check::Refused(why) => Outcome::error(why),
            Check::Nothing => Outcome::default(),
            Check::AskUnsaved => Outcome {
                confirm: Some(Confirm::UnsavedChanges {
                    then: Box::new(command),
                }),
                ..Outcome::default()
            },
        }
    }

    /// Runs a command that [`Session::check`] let through.
    fn execute(&mut self, command: Command) -> Outcome {
        match command {
            Command::Edit {
                edit,
                label,
                made_here,
            } => self.edit(*edit, &label, made_here),
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::ShowActor(id) => {
                self.selection.actor = Some(id.clone());
                Outcome::focus(Focus::Actor(id))
            }
            Command::ShowSource { source, claim } => {
                self.selection.source = Some((source.clone(), claim.clone()));
                Outcome::focus(Focus::Source { source, claim })
            }
            Command::ShowEvent(id) => {
                self.selection.event = Some(id.clone());
                Outcome::focus(Focus::Event(id))
            }
            Command::Select(change) => {
                self.selection.apply(change);
                Outcome::default()
            }
            Command::SetAsOf(day) => {
                self.set_as_of(day);
                Outcome::default()
            }
            Command::SetAuthor(name) => {
                self.set_author(&name);
                Outcome::default()
            }
            Command::TakeSnapshot { note } => self.take_snapshot(&note),
            Command::OpenSnapshot(path) => self.open_snapshot(&path),
            Command::CloseSnapshot => {
                self.close_snapshot();
                Outcome {
                    replaced: true,
                    ..Outcome::default()
                }
            }
            Command::RestoreSnapshot(path) => self.restore_snapshot(&path),
            Command::RestoreOpenSnapshot => self.restore_open_snapshot(),
            Command::CompareSnapshot(path) => self.compare_snapshot(&path),
            Command::RestoreRecovery => self.restore_recovery(),
            Command::DiscardRecovery => self.discard_recovery(),
            Command::Export {
                format,
                path,
                with_texts,
            } => self.export(format, &path, with_texts),
            Command::Import { format, path } => self.import(format, &path),
            Command::ExportImage { path, size, rgba } => self.export_image(&path, size, rgba),
            Command::Confirmed(command) => self.confirmed(*command),
            Command::New
            | Command::Open(_)
            | Command::Quit
            | Command::Save
            | Command::SaveAs(_) => self.file(command),
        }
    }

    /// Applies an edit as one undoable step; the claims it makes here are signed by the
    /// session's author.
    fn edit(&mut self, mut edit: crate::model::Edit, label: &str, made_here: bool) -> Outcome {
        if made_here && !self.author.is_empty() {
            edit.sign_new_claims(&self.author);
        }
        // Kept for the derived data to follow; far cheaper than deriving again.
        let applied = edit.clone();
        let before = self.doc.dataset().revision.get();
        match self.doc.apply(edit, label.to_string()) {
            Ok(()) => {
                self.follow(before, &applied);
                Outcome {
                    clear_notice: true,
                    ..Outcome::default()
                }
            }
            Err(e) => Outcome::error(format!("{label} failed: {e}. Nothing was changed.")),
        }
    }

    /// Undoes (`undo`) or redoes the last step.
    fn undo_redo(&mut self, undo: bool) -> Outcome {
        let applied = if undo {
            self.doc.undo_edit().cloned()
        } else {
            self.doc.redo_edit().cloned()
        };
        let before = self.doc.dataset().revision.get();
        let done = if undo {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        let Some(label) = done else {
            return Outcome::default();
        };
        if let Some(edit) = applied {
            self.follow(before, &edit);
        }
        let verb = if undo { "Undid" } else { "Redid" };
        Outcome::info(format!("{verb}: {label}"))
    }

    fn discard_recovery(&mut self) -> Outcome {
        self.autosave.offer = None;
        // Only the offered file goes: another running instance's is never touched.
        match self.autosave.offer_file.take() {
            Some(orphan) if Some(&orphan) != self.autosave.file.as_ref() => {
                crate::store::clear_orphan(&orphan);
            }
            _ => self.autosave.clear(),
        }
        Outcome::default()
    }

    /// A command the user confirmed despite unsaved changes.
    fn confirmed(&mut self, command: Command) -> Outcome {
        // Saved, or deliberately discarded: the recovery file has done its job.
        self.autosave.clear();
        if matches!(command, Command::Quit) {
            // Quitting without saving: no later tick may write the discarded work back before
            // the window closes.
            self.autosave.file = None;
        }
        match command {
            // Overwrite a file that changed on disk: the user answered for it.
            Command::SaveAs(path) => self.save_over(path),
            Command::New | Command::Open(_) | Command::Quit => self.file(command),
            other => self.execute(other),
        }
    }

    /// The derived data follows an edit just applied, re-deriving only what it touched.
    fn follow(&mut self, before: u64, applied: &crate::model::Edit) {
        let dataset = self.doc.dataset();
        self.derived.apply_edit(dataset, applied);
        let after = dataset.revision.get();
        self.edit_log
            .record(before, after, self.derived.change(), applied);
    }

    /// Whether the working file has unsaved changes, also while it waits behind a snapshot.
    fn working_is_dirty(&self) -> bool {
        match &self.read_only {
            Some(ro) => ro.stashed.is_dirty(),
            None => self.doc.is_dirty(),
        }
    }

    fn set_as_of(&mut self, day: Option<NaiveDate>) {
        self.as_of = day;
    }
}
