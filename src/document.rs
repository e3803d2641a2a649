//! The open document: the dataset, the file it came from, and whether it has unsaved changes.
//! No egui here: the UI drives it, tests drive it directly.

use std::path::{Path, PathBuf};

use crate::model::Dataset;
use crate::store::{self, LoadError};

#[derive(Debug)]
pub struct Document {
    pub dataset: Dataset,
    /// The file it was loaded from or last saved to; `None` for the embedded dataset.
    pub path: Option<PathBuf>,
    /// The dataset revision that matches the file on disk.
    saved_revision: u64,
}

impl Document {
    pub fn new(mut dataset: Dataset, path: Option<PathBuf>) -> Self {
        dataset.touch();
        let saved_revision = dataset.revision.get();
        Document {
            dataset,
            path,
            saved_revision,
        }
    }

    pub fn embedded() -> Self {
        Document::new(store::embedded(), None)
    }

    /// Loads a file; on failure the current document is left as it was.
    pub fn open(path: &Path) -> Result<(Self, Vec<String>), LoadError> {
        let loaded = store::load_file(path)?;
        let warnings = loaded.warnings.iter().map(ToString::to_string).collect();
        Ok((
            Document::new(loaded.dataset, Some(path.to_path_buf())),
            warnings,
        ))
    }

    pub fn is_dirty(&self) -> bool {
        self.dataset.revision.get() != self.saved_revision
    }

    /// Saves to `path` (atomically) and makes it the document's file.
    pub fn save_as(&mut self, path: &Path) -> std::io::Result<()> {
        store::save_file(path, &self.dataset)?;
        self.path = Some(path.to_path_buf());
        self.saved_revision = self.dataset.revision.get();
        Ok(())
    }

    /// The file name shown in the title bar.
    pub fn display_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "embedded dataset".to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// "Board of Peace — file.ron •": the body's name, the file, and a mark when unsaved.
    pub fn window_title(&self) -> String {
        let dirty = if self.is_dirty() { " •" } else { "" };
        format!(
            "{} — {}{dirty} — board-explorer",
            self.dataset.body.name,
            self.display_name()
        )
    }
}

/// Where users' files go by default: `saves/` beside the working directory.
pub fn saves_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_default().join("saves")
}
