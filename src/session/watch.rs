//! Watching the open file: when another program (`git pull`, a colleague's save on a shared
//! drive) changes it, a clean document reloads and says what came in; a document with unsaved
//! edits gets the file's changes merged in with the three-way merge of `git merge` (base: the
//! file as this document last read or wrote it). Either way the change is one undoable edit,
//! so the history before it still applies. The clock comes in as a parameter, as for autosave.

use std::time::SystemTime;

use super::{Command, Outcome, Session};
use crate::model::Dataset;
use crate::model::merge::diff::{DiffChange, Side, diff, report};
use crate::model::merge::{edit_to, merge};
use crate::store::{self, FileIdentity};

/// How often the file's size and time are looked at.
pub const WATCH_EVERY_SECONDS: f64 = 1.0;

#[derive(Debug, Default)]
pub(super) struct Watch {
    /// Whether saves merge the file's new content in first (the window's way), which needs
    /// the base kept (see [`Session::merge_on_save`]).
    merging: bool,
    /// The dataset as the file held it, and which state of the file that was: a merge's base.
    base: Option<(Dataset, FileIdentity)>,
    next_check: f64,
    /// A change that could not be read (a half-written file): not read again until the file
    /// changes again.
    unreadable: Option<(u64, Option<SystemTime>)>,
    /// How many fields the last merge of the file's changes found changed on both sides (a
    /// save stops before writing when there are any).
    pub(super) last_conflicts: usize,
}

impl Session {
    /// Looks at the open file when due (`now`: the caller's clock in seconds) and takes in a
    /// change made on disk. Returns what to tell the user, when something came in.
    pub fn watch_file(&mut self, now: f64) -> Option<Outcome> {
        self.merge_on_save();
        if self.read_only.is_some() {
            return None;
        }
        // The base is copied when a command is about to change the document, not here: a copy
        // of a million claims in the first frame would hold up the window by half a second.
        if now < self.watch.next_check {
            return None;
        }
        self.watch.next_check = now + WATCH_EVERY_SECONDS;
        self.take_in_disk_changes()
    }

    /// Takes in the file as it is on disk now, if it changed since this document read or
    /// wrote it: a reload, or a merge into unsaved edits.
    pub(super) fn take_in_disk_changes(&mut self) -> Option<Outcome> {
        let path = self.doc.path.clone()?;
        let identity = self.doc.identity()?.clone();
        let meta = std::fs::metadata(&path).ok()?;
        let seen = (meta.len(), meta.modified().ok());
        if seen == (identity.size, identity.modified) || self.watch.unreadable == Some(seen) {
            return None;
        }
        // Only now that something came in: copied at every tick while nothing changed, the
        // base cost the window's first frame 0.3 s at 100,000 actors.
        self.keep_base();
        let (loaded, disk_identity) = match store::load_file_identified(&path) {
            Ok(read) => read,
            Err(e) => {
                self.watch.unreadable = Some(seen);
                return Some(Outcome::error(format!(
                    "{} changed on disk but cannot be read ({}); your work is untouched",
                    path.display(),
                    e.message
                )));
            }
        };
        self.watch.unreadable = None;
        if disk_identity.hash() == identity.hash() {
            // Touched, not changed.
            let clean = !self.doc.is_dirty();
            self.doc.reread(disk_identity, clean);
            return None;
        }
        let disk = loaded.dataset;
        let name = self.doc.display_name();
        if !self.doc.is_dirty() {
            let (words, list) = changes(self.doc.dataset(), &disk);
            let outcome = self.take_in(&disk, "Reload from disk", disk_identity.clone(), true);
            self.watch.base = Some((disk, disk_identity));
            let notice = if outcome.is_error() {
                outcome.notice
            } else {
                Outcome::info(format!(
                    "{name} changed on disk and was reloaded (Undo takes the reload back)"
                ))
                .notice
            };
            return Some(Outcome {
                comparison: Some((format!("What came in: {name} changed on disk"), words)),
                changes: list,
                notice,
                ..outcome
            });
        }
        let Some((base, _)) = self.watch.base.clone() else {
            return Some(Outcome::error(format!(
                "{name} changed on disk; this document was never saved there, so there is \
                 nothing to merge from: saving will ask before overwriting"
            )));
        };
        let merged = match merge(base, self.doc.dataset().clone(), disk.clone()) {
            Ok(merged) => merged,
            Err(e) => return Some(Outcome::error(format!("Could not merge {name}: {e}"))),
        };
        let (words, list) = changes(self.doc.dataset(), &merged.dataset);
        let conflicts = merged.conflicts.len();
        self.watch.last_conflicts = conflicts;
        let mut outcome = self.take_in(
            &merged.dataset,
            "Merge changes from disk",
            disk_identity.clone(),
            false,
        );
        self.watch.base = Some((disk, disk_identity));
        let mut text = format!(
            "{name} changed on disk: its changes were merged into your unsaved work (save to \
             write the result)"
        );
        if conflicts > 0 {
            text.push_str(&format!(
                "; {conflicts} field(s) changed on both sides: see Merge conflicts"
            ));
        }
        // Ids split apart and orphaned quotes are news too: in the message (whole on hover);
        // the conflicts have their own window.
        let merge_report = merged.report();
        let news: Vec<&str> = merge_report
            .lines()
            .filter(|l| !l.starts_with("conflict:"))
            .collect();
        if !news.is_empty() {
            text.push_str("; ");
            text.push_str(&news.join("; "));
        }
        let mut detail = words;
        detail.push_str(&merge_report);
        outcome.comparison = Some((format!("What came in: {name} merged"), detail));
        outcome.changes = list;
        outcome.notice = if conflicts > 0 {
            Outcome::error(text).notice
        } else {
            Outcome::info(text).notice
        };
        Some(outcome)
    }

    /// Makes a save merge the file's new content into this work first when another program
    /// changed the file (and the watch take such changes in): the window's way, since its
    /// edits rest on what it read earlier. It costs a copy of the dataset per load or save
    /// (the merge's base), which a command-line run does not need: it holds the file's lock
    /// from its read to its write.
    pub fn merge_on_save(&mut self) {
        self.watch.merging = true;
    }

    /// A clean document is what its file holds: that is the base of a later merge. Kept up
    /// (a copy, once per save or load) whenever the document is clean and its file changed.
    pub(super) fn keep_base(&mut self) {
        if !self.watch.merging {
            return;
        }
        let Some(identity) = self.doc.identity() else {
            return;
        };
        if self.doc.path.is_some()
            && !self.doc.is_dirty()
            && self.watch.base.as_ref().is_none_or(|(_, i)| i != identity)
        {
            self.watch.base = Some((self.doc.dataset().clone(), identity.clone()));
        }
    }

    /// Makes `target` the document's dataset as one undoable edit (or, when no such edit can
    /// be made, a fresh document on it) and records the file's new identity.
    fn take_in(
        &mut self,
        target: &Dataset,
        label: &str,
        identity: FileIdentity,
        clean: bool,
    ) -> Outcome {
        let outcome = match edit_to(self.doc.dataset(), target) {
            Some(edit) => self.perform(Command::carry(edit, label)),
            None => {
                let path = self.doc.path.clone();
                let doc = if clean {
                    super::Document::new(target.clone(), path)
                } else {
                    super::Document::recovered(target.clone(), path)
                };
                self.replace_document(doc);
                Outcome {
                    replaced: true,
                    ..Outcome::default()
                }
            }
        };
        self.doc.reread(identity, clean);
        outcome
    }
}

/// What changed, in the words of the `diff` command.
/// What changed from `old` to `new`, in the words of the `diff` verb and one by one (for the
/// window's table).
fn changes(old: &Dataset, new: &Dataset) -> (String, Vec<DiffChange>) {
    let changes = diff(
        Side {
            dataset: old,
            as_of: None,
        },
        Side {
            dataset: new,
            as_of: None,
        },
    );
    (report(&changes), changes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window's watch ticks from its first frame on: while the file stays as read, no
    /// tick copies the dataset as a merge's base; once it changes, what came in is the base.
    #[test]
    fn the_base_is_copied_when_the_file_changes_not_at_every_tick() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        store::save_file(&path, &store::embedded()).unwrap();
        let (mut session, _) = Session::open(&path).unwrap();
        session.merge_on_save();
        assert!(session.watch_file(0.0).is_none());
        assert!(session.watch_file(2.0).is_none());
        assert!(session.watch.base.is_none(), "copied with nothing come in");

        let mut theirs = store::embedded();
        theirs.actors[0].name = "Renamed On Disk".into();
        std::fs::write(&path, store::to_ron(&theirs)).unwrap();
        let outcome = session.watch_file(4.0).unwrap();
        assert!(!outcome.is_error(), "{outcome:?}");
        assert_eq!(session.dataset().actors[0].name, "Renamed On Disk");
        let (base, _) = session.watch.base.as_ref().unwrap();
        assert_eq!(base.actors[0].name, "Renamed On Disk");
    }
}
