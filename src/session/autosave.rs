//! Autosave and recovery: unsaved work is written to the recovery file a few seconds after the
//! last change, so that a crash loses at most those seconds; work found there at start is
//! offered back. The clock comes in as a parameter: no UI timer here.

use std::path::PathBuf;

use super::document::Document;
use crate::store::{self, Recovery};

/// Unsaved work is written to the recovery file this long after the last change.
pub const AUTOSAVE_AFTER_SECONDS: f64 = 3.0;

#[derive(Debug, Default)]
pub struct Autosave {
    /// Where unsaved work is autosaved; `None` turns autosave off (tests, scripts).
    pub(super) file: Option<PathBuf>,
    /// Work found in the recovery file at start, waiting for "restore" or "discard".
    pub(super) offer: Option<Recovery>,
    /// The file the offer was read from: another, no longer running, instance's.
    pub(super) offer_file: Option<PathBuf>,
    /// When the dataset last changed (the caller's clock), and which revision the recovery
    /// file holds.
    changed_at: Option<(u64, f64)>,
    written: Option<u64>,
    /// Whether the recovery file holds work of this session (written, or restored from).
    pub(super) on_disk: bool,
    /// The sources the window has ticked for comparison, written with the work.
    pub(super) chosen: Vec<String>,
}

/// What one autosave tick did.
#[derive(Debug, Default, PartialEq)]
pub struct Tick {
    /// Call again after this many seconds (a write is due then).
    pub again_after: Option<f64>,
    /// The write failed: say so.
    pub error: Option<String>,
}

impl Autosave {
    /// Forgets what was written and removes the recovery file.
    pub(super) fn clear(&mut self) {
        if let Some(path) = &self.file {
            store::clear_recovery(path);
        }
        self.written = None;
        self.on_disk = false;
    }

    pub(super) fn tick(&mut self, doc: &Document, now: f64) -> Tick {
        let Some(path) = self.file.clone() else {
            return Tick::default();
        };
        if self.offer.is_some() {
            return Tick::default(); // Never overwrite work the user has not answered for.
        }
        let revision = doc.dataset().revision.get();
        if !doc.is_dirty() {
            if self.on_disk {
                self.clear();
            }
            return Tick::default();
        }
        if self.changed_at.is_none_or(|(r, _)| r != revision) {
            self.changed_at = Some((revision, now));
        }
        let (_, changed) = self.changed_at.expect("set above");
        if self.written == Some(revision) {
            return Tick::default();
        }
        let due = changed + AUTOSAVE_AFTER_SECONDS;
        if now < due {
            return Tick {
                again_after: Some(due - now),
                error: None,
            };
        }
        // Written or not, do not retry every frame.
        self.written = Some(revision);
        match store::write_recovery(&path, doc.path.as_deref(), doc.dataset(), &self.chosen) {
            Ok(()) => {
                self.on_disk = true;
                Tick::default()
            }
            Err(e) => Tick {
                again_after: None,
                error: Some(format!("Autosave to {} failed: {e}", path.display())),
            },
        }
    }
}
