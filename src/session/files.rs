//! File commands: new, open, save, save as, quit, and the exports (CSV, Markdown, PNG).

use std::path::Path;

use super::document::Document;
use super::{Command, Confirm, ExportFormat, Outcome, Session};
use crate::store;

impl Session {
    /// New, Open, Save, Save As and Quit, without asking about unsaved changes.
    pub(super) fn file(&mut self, command: Command) -> Outcome {
        match command {
            Command::Quit => Outcome {
                quit: true,
                ..Outcome::default()
            },
            Command::New => {
                let dataset = crate::model::Dataset::new_body("New body");
                self.doc = Document::new(dataset, None);
                self.doc.origin = Some("new dataset".into());
                self.autosave.clear();
                Outcome {
                    replaced: true,
                    ..Outcome::info("Started a new dataset")
                }
            }
            Command::Open(path) => match Document::open(&path) {
                Ok((opened, warnings)) => {
                    self.doc = opened;
                    self.autosave.clear();
                    self.remember(&path);
                    let mut text = format!("Opened {}", path.display());
                    if !warnings.is_empty() {
                        text.push_str(&format!(" ({} warnings: {})", warnings.len(), warnings[0]));
                    }
                    Outcome {
                        replaced: true,
                        ..Outcome::info(text)
                    }
                }
                Err(e) => Outcome {
                    detail: Some(e.to_string()),
                    ..Outcome::error(format!("Could not open {}: {}", path.display(), e.message))
                },
            },
            Command::Save => match self.doc.path.clone() {
                Some(path) => self.file(Command::SaveAs(path)),
                None => Outcome::error("The dataset has no file yet: save it as a new file."),
            },
            Command::SaveAs(path) => self.save_checked(path),
            other => unreachable!("not a file command: {other:?}"),
        }
    }

    /// Saves to `path`. When another program changed it since this document read or wrote it
    /// (a teammate's command, a `git pull`), its changes are merged into this work first, as
    /// the file watch does, and the result is saved: nobody's change is written over. Only a
    /// file that cannot be merged from (unreadable, never read here) makes the user choose
    /// (Overwrite, Save as, Merge, Reload), and a merge that finds fields changed on both sides
    /// stops before writing so the user can pick. The check, the merge and the write happen
    /// under the file's lock, so no other writer's change can land between them unseen.
    fn save_checked(&mut self, path: std::path::PathBuf) -> Outcome {
        let _lock = match store::FileLock::acquire(&path) {
            Ok(lock) => lock,
            Err(e) => return not_saved(&path, &e),
        };
        if !self.doc.changed_on_disk(&path) {
            return self.save_locked(path);
        }
        self.watch.last_conflicts = 0;
        let came_in = self.take_in_disk_changes();
        if self.doc.changed_on_disk(&path) {
            let why = came_in
                .and_then(|o| o.notice)
                .map_or_else(String::new, |n| format!(" ({})", n.text));
            return Outcome {
                confirm: Some(Confirm::ChangedOnDisk { path: path.clone() }),
                ..Outcome::error(format!(
                    "{} changed on disk since it was opened and its changes could not be merged \
                     in{why}: nothing was saved yet",
                    path.display()
                ))
            };
        }
        // Only touched (the same bytes): nothing came in, a plain save.
        let Some(came_in) = came_in else {
            return self.save_locked(path);
        };
        // Fields changed on both sides in this merge (not counted from the list, which also
        // holds earlier conflicts and loses those the other side settled).
        if self.watch.last_conflicts > 0 {
            let merged = came_in.notice.clone().map_or_else(String::new, |n| n.text);
            return Outcome {
                notice: Some(super::Notice::error(format!(
                    "{merged}. Nothing was saved yet: pick the values, then save again"
                ))),
                ..came_in
            };
        }
        let saved = self.save_locked(path);
        if saved.is_error() {
            return saved;
        }
        let text = format!(
            "Saved {}, with the changes another program made there meanwhile merged in (Undo \
             takes them back)",
            self.doc.display_name()
        );
        Outcome {
            notice: Some(super::Notice::info(text)),
            written: saved.written,
            ..came_in
        }
    }

    /// Saves to `path` without asking whether it changed on disk (the user answered
    /// "Overwrite"), still under the file's lock so as not to cut into another writer's
    /// read and write.
    pub(super) fn save_over(&mut self, path: std::path::PathBuf) -> Outcome {
        match store::FileLock::acquire(&path) {
            Ok(_lock) => self.save_locked(path),
            Err(e) => not_saved(&path, &e),
        }
    }

    /// The save itself; the caller holds the file's lock.
    fn save_locked(&mut self, path: std::path::PathBuf) -> Outcome {
        let was_dirty = self.doc.is_dirty();
        match self.doc.save_as(&path) {
            Ok(()) => {
                self.remember(&path);
                if was_dirty {
                    self.autosave.clear();
                }
                Outcome {
                    written: Some(path.clone()),
                    ..Outcome::info(format!("Saved {}", path.display()))
                }
            }
            Err(e) => Outcome::error(format!(
                "Could not save {}: {e}. Nothing was lost: your changes are still open.",
                path.display()
            )),
        }
    }

    /// Writes the roster (CSV) or the report (Markdown, HTML…) of what is shown, from the data
    /// already derived; the HTML report with the sources' full texts only when `with_texts`.
    pub(super) fn export(&self, format: ExportFormat, path: &Path, with_texts: bool) -> Outcome {
        let text = self.export_text_with(format, with_texts);
        match store::write_atomic(path, text.as_bytes()) {
            Ok(()) => Outcome {
                written: Some(path.to_path_buf()),
                ..Outcome::info(format!("Exported to {}", path.display()))
            },
            Err(e) => Outcome::error(format!("Could not export to {}: {e}", path.display())),
        }
    }

    /// The roster as CSV, or the report (Markdown, HTML, Popolo, FollowTheMoney), of what is
    /// shown, without the sources' full texts.
    pub fn export_text(&self, format: ExportFormat) -> String {
        self.export_text_with(format, false)
    }

    /// The same, with the sources' full texts in the HTML report when `with_texts`; written
    /// today (the day an as-of-less report says it is as of).
    pub fn export_text_with(&self, format: ExportFormat, with_texts: bool) -> String {
        let options = store::ExportOptions {
            with_texts,
            ..store::ExportOptions::new(chrono::Local::now().date_naive())
        };
        format.write(&self.report(), &options)
    }

    pub(super) fn export_image(&self, path: &Path, size: [usize; 2], rgba: Vec<u8>) -> Outcome {
        match write_png(path, size, rgba) {
            Ok(()) => Outcome {
                written: Some(path.to_path_buf()),
                ..Outcome::info(format!("Saved the image to {}", path.display()))
            },
            Err(e) => Outcome::error(format!(
                "Could not save the image to {}: {e}",
                path.display()
            )),
        }
    }

    /// Puts a file at the top of the recent list (at most eight).
    fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(8);
    }
}

/// A save that could not even start (the file's lock): the work stays open.
fn not_saved(path: &Path, error: &store::LockError) -> Outcome {
    Outcome::error(format!(
        "Could not save {}: {error}. Nothing was lost: your changes are still open.",
        path.display()
    ))
}

fn write_png(path: &Path, [w, h]: [usize; 2], rgba: Vec<u8>) -> Result<(), String> {
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
        .ok_or("the image has the wrong size")?;
    let mut png = Vec::new();
    buffer
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    store::write_atomic(path, &png).map_err(|e| e.to_string())
}

/// Writes a file atomically (the old one, if any, stays whole until the new one is complete).
pub fn write_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    store::write_atomic(path, contents)
}

/// Writes a new file atomically, failing with `AlreadyExists` if one is there when it appears.
pub fn write_new_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    store::write_new(path, contents)
}

/// The largest article file read: by the import form, `import-source` and `suggest --text`. A
/// long report is well under 1 MB; 64 MB leaves room for whole books while refusing a wrong
/// file (a video, a disk image) before it is read.
pub const MAX_ARTICLE_BYTES: u64 = 64 << 20;

/// An article file as read: its text as written, and whether it is HTML (by its extension,
/// else by its look).
#[derive(Debug)]
pub struct ArticleFile {
    pub raw: String,
    pub html: bool,
}

impl ArticleFile {
    /// The text a source stores: HTML stripped, whitespace tidied, so offsets match an import.
    pub fn stored_text(&self) -> String {
        crate::model::text::stored_text(&self.raw, self.html)
    }
}

/// Reads an article (a .txt, .md or .html file) through the bounded reader: a regular file of
/// at most [`MAX_ARTICLE_BYTES`], in UTF-8 (a file that is not is refused with where, since a
/// replaced byte would be quoted as if the outlet wrote it).
pub fn read_article(path: &Path) -> Result<ArticleFile, store::LoadError> {
    let bytes = store::read_bounded(path, MAX_ARTICLE_BYTES)?;
    let raw = String::from_utf8(bytes).map_err(|e| {
        store::LoadError::new(format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
        .in_file(path)
    })?;
    let html = crate::model::text::is_html(path.extension().and_then(|e| e.to_str()), &raw);
    Ok(ArticleFile { raw, html })
}

/// A dataset as the text of its file.
pub fn dataset_text(dataset: &crate::model::Dataset) -> String {
    store::to_ron(dataset)
}

/// The file name a dataset is saved under by default: its file's, else its body's name
/// ("board_of_peace.ron").
pub fn default_file_name(doc: &Document) -> String {
    doc.path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| {
            let slug = crate::model::text::slug(&doc.dataset().body.name, "_", usize::MAX);
            format!("{slug}.ron")
        })
}

/// "board_of_peace-roster.csv": the dataset's default name, what is exported, its extension.
pub fn export_file_name(doc: &Document, what: &str, extension: &str) -> String {
    let stem = default_file_name(doc);
    let stem = stem.strip_suffix(".ron").unwrap_or(&stem);
    format!("{stem}-{what}.{extension}")
}
