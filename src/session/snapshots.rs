//! Snapshot commands: take one, view one read-only (the working document waits, untouched),
//! restore one as a new working file, compare one with the working file; and taking back the
//! work found in the recovery file.

use std::path::Path;

use super::document::Document;
use super::{Outcome, ReadOnly, Session};
use crate::model::merge::diff::{Side, diff, report};
use crate::model::rules::validate::{Severity, validate};
use crate::store::{self, SaveError};

impl Session {
    pub(super) fn take_snapshot(&mut self, note: &str) -> Outcome {
        match self.write_snapshot(note) {
            Ok(path) => Outcome {
                written: Some(path.clone()),
                ..Outcome::info(format!("Snapshot taken: {}", path.display()))
            },
            Err(e) => Outcome::error(format!("Could not take the snapshot: {e}")),
        }
    }

    /// Freezes the dataset and the as-of date, with a note, into the snapshots folder, named
    /// for its time and note; returns its path.
    pub fn write_snapshot(&self, note: &str) -> Result<std::path::PathBuf, SaveError> {
        store::take_snapshot(&self.snapshots_dir, self.doc.dataset(), self.as_of, note)
    }

    /// The text of a snapshot of the dataset and the as-of date, taken at `taken`.
    pub fn snapshot_text(&self, note: &str, taken: &str) -> String {
        store::snapshot_text(self.doc.dataset(), self.as_of, note, taken)
    }

    /// The snapshot at `path`, or what to say when it cannot be read.
    fn read_snapshot(path: &Path) -> Result<store::Snapshot, String> {
        store::read_snapshot(path).map_err(|e| format!("Could not read the snapshot: {e}"))
    }

    pub(super) fn compare_snapshot(&self, path: &Path) -> Outcome {
        let snapshot = match Self::read_snapshot(path) {
            Ok(s) => s,
            Err(why) => return Outcome::error(why),
        };
        // Against the working file, even while another snapshot is being viewed.
        let (working, as_of) = match &self.read_only {
            Some(ro) => (ro.stashed.dataset(), ro.stashed_as_of),
            None => (self.doc.dataset(), self.as_of),
        };
        let changes = diff(
            Side {
                dataset: &snapshot.dataset,
                as_of: snapshot.as_of,
            },
            Side {
                dataset: working,
                as_of,
            },
        );
        let title = format!(
            "From snapshot \"{}\" ({}) to the working file",
            snapshot.note, snapshot.taken
        );
        Outcome {
            comparison: Some((title, report(&changes))),
            changes,
            ..Outcome::default()
        }
    }

    pub(super) fn open_snapshot(&mut self, path: &Path) -> Outcome {
        let snapshot = match Self::read_snapshot(path) {
            Ok(s) => s,
            Err(why) => return Outcome::error(why),
        };
        if self.read_only.is_some() {
            self.close_snapshot();
        }
        let mut viewed = Document::new(snapshot.dataset, None);
        viewed.origin = Some(snapshot_name(&snapshot.note, &snapshot.taken) + " (read-only)");
        let stashed = std::mem::replace(&mut self.doc, viewed);
        self.read_only = Some(ReadOnly {
            note: snapshot.note,
            taken: snapshot.taken,
            path: path.to_path_buf(),
            stashed,
            stashed_as_of: self.as_of,
        });
        self.as_of = snapshot.as_of;
        Outcome {
            replaced: true,
            ..Outcome::default()
        }
    }

    pub(super) fn restore_snapshot(&mut self, path: &Path) -> Outcome {
        let snapshot = match Self::read_snapshot(path) {
            Ok(s) => s,
            Err(why) => return Outcome::error(why),
        };
        // Unsaved work was asked about before (Save / Don't save / Cancel): see `dispatch`.
        self.read_only = None;
        self.doc = Document::recovered(snapshot.dataset, None);
        self.doc.origin = Some(snapshot_name(&snapshot.note, &snapshot.taken));
        self.as_of = None;
        Outcome {
            replaced: true,
            ..Outcome::info(format!(
                "Restored snapshot \"{}\" as a new, unsaved working file.",
                snapshot.note
            ))
        }
    }

    /// The snapshot open read-only becomes a new working file. The working file it set aside
    /// goes: its unsaved work was asked about before (Save / Don't save / Cancel), see
    /// `dispatch`.
    pub(super) fn restore_open_snapshot(&mut self) -> Outcome {
        let Some(ro) = self.read_only.take() else {
            return Outcome::default();
        };
        let snapshot = std::mem::replace(&mut self.doc, ro.stashed);
        self.doc = Document::recovered(snapshot.into_dataset(), None);
        self.doc.origin = Some(snapshot_name(&ro.note, &ro.taken));
        self.as_of = None;
        Outcome {
            replaced: true,
            ..Outcome::info("Restored the snapshot as a new, unsaved working file.")
        }
    }

    pub(super) fn close_snapshot(&mut self) {
        if let Some(ro) = self.read_only.take() {
            self.doc = ro.stashed;
            self.as_of = ro.stashed_as_of;
        }
    }

    pub(super) fn restore_recovery(&mut self) -> Outcome {
        let Some(offer) = self.autosave.offer.take() else {
            return Outcome::default();
        };
        let problems = validate(&offer.dataset);
        self.doc = Document::recovered(offer.dataset, offer.original);
        // The dead instance's file becomes this instance's: kept until the work is saved.
        let adopted = match (self.autosave.offer_file.take(), &self.autosave.file) {
            (Some(orphan), Some(own)) if orphan == *own => true,
            (Some(orphan), Some(own)) => {
                let moved = std::fs::rename(&orphan, own).is_ok();
                if moved {
                    crate::store::clear_orphan(&orphan);
                }
                moved
            }
            _ => false,
        };
        self.autosave.on_disk = adopted;
        let notice = match problems.iter().find(|p| p.severity == Severity::Error) {
            Some(p) => Outcome::error(format!(
                "Restored, but the work has a problem to fix before saving: {p}"
            )),
            None => Outcome::info("Restored unsaved work: save it to keep it."),
        };
        Outcome {
            replaced: true,
            ..notice
        }
    }
}

/// What a document made from a snapshot is called until it is saved: its note, or when it
/// has none, the time it was taken.
fn snapshot_name(note: &str, taken: &str) -> String {
    if note.is_empty() {
        format!("snapshot of {taken}")
    } else {
        format!("snapshot \"{note}\"")
    }
}
