//! The open document: the dataset, the file it came from, the undo and redo history, and
//! whether it has unsaved changes. Every change goes through [`Document::apply`], so undo and
//! dirty tracking come from here (autosave, in `session::autosave`, watches the revision).
//! No egui here: the session drives it, tests too.

use std::path::{Path, PathBuf};

use crate::model::{Dataset, Edit, EditError};
use crate::store::{self, LoadError, SaveError};

/// One step of history: the edit that goes back (on the undo stack) or forward (on the redo
/// stack), what the user called it, and the states it connects.
#[derive(Debug)]
struct UndoStep {
    label: String,
    edit: Edit,
    before: u64,
    after: u64,
}

#[derive(Debug)]
pub struct Document {
    dataset: Dataset,
    /// The file it was loaded from or last saved to; `None` for the embedded or a new dataset.
    pub path: Option<PathBuf>,
    undo: Vec<UndoStep>,
    redo: Vec<UndoStep>,
    /// Which state the dataset is in: undoing back to the saved state makes it clean again.
    state: u64,
    saved_state: Option<u64>,
    next_state: u64,
    /// What `path` held when this document read or last wrote it: a save first checks that the
    /// file is still that, so another writer's work is not erased silently.
    identity: Option<store::FileIdentity>,
    /// What it is called while it has no file ("snapshot \"note\"", "new dataset"); `None`
    /// is the embedded dataset.
    pub origin: Option<String>,
}

impl Document {
    pub fn new(mut dataset: Dataset, path: Option<PathBuf>) -> Self {
        dataset.touch();
        Document {
            dataset,
            path,
            undo: Vec::new(),
            redo: Vec::new(),
            state: 0,
            saved_state: Some(0),
            next_state: 1,
            identity: None,
            origin: None,
        }
    }

    pub fn embedded() -> Self {
        Document::new(store::embedded(), None)
    }

    /// A recovered document: its content was never saved to `path`, so it starts dirty.
    pub fn recovered(dataset: Dataset, path: Option<PathBuf>) -> Self {
        let mut doc = Document::new(dataset, path);
        doc.saved_state = None;
        doc
    }

    /// Loads a file; on failure nothing changes anywhere.
    pub fn open(path: &Path) -> Result<(Self, Vec<String>), LoadError> {
        let (loaded, identity) = store::load_file_identified(path)?;
        let warnings = loaded.warnings.iter().map(ToString::to_string).collect();
        let mut doc = Document::new(loaded.dataset, Some(path.to_path_buf()));
        doc.identity = Some(identity);
        Ok((doc, warnings))
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// What the file held when this document last read or wrote it.
    pub fn identity(&self) -> Option<&store::FileIdentity> {
        self.identity.as_ref()
    }

    /// Starts taking the hash of the file's bytes as read on another thread (see
    /// `store::FileIdentity`): the session asks once the work that wants every core is done.
    pub fn hash_in_background(&self) {
        if let Some(identity) = &self.identity {
            identity.hash_in_background();
        }
    }

    /// The file was read again (a reload, a merge of what came in): later saves compare with
    /// this. `clean`: the dataset now is what the file holds.
    pub fn reread(&mut self, identity: store::FileIdentity, clean: bool) {
        self.identity = Some(identity);
        if clean {
            self.saved_state = Some(self.state);
        }
    }

    /// The dataset, leaving the document behind (no copy).
    pub fn into_dataset(self) -> Dataset {
        self.dataset
    }

    /// Applies an edit as one undoable step called `label` ("Delete Vladimir Putin").
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>) -> Result<(), EditError> {
        let inverse = edit.apply(&mut self.dataset)?;
        let after = self.fresh_state();
        self.undo.push(UndoStep {
            label: label.into(),
            edit: inverse,
            before: self.state,
            after,
        });
        self.state = after;
        self.redo.clear();
        Ok(())
    }

    /// The edit an undo would apply now (the inverse of the last step).
    pub fn undo_edit(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    /// The edit a redo would apply now.
    pub fn redo_edit(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self) -> Option<String> {
        let step = self.undo.pop()?;
        let forward = step
            .edit
            .apply(&mut self.dataset)
            .expect("an inverse always applies");
        self.state = step.before;
        let label = step.label.clone();
        self.redo.push(UndoStep {
            edit: forward,
            ..step
        });
        Some(label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self) -> Option<String> {
        let step = self.redo.pop()?;
        let back = step
            .edit
            .apply(&mut self.dataset)
            .expect("a redo always applies");
        self.state = step.after;
        let label = step.label.clone();
        self.undo.push(UndoStep { edit: back, ..step });
        Some(label)
    }

    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state)
    }

    /// Saves to `path` (atomically) and makes it the document's file.
    /// Refuses (writing nothing) a dataset that would not load again, naming the problem.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        SaveError::check(&self.dataset)?;
        self.identity = Some(store::save_file_identified(path, &self.dataset)?);
        self.path = Some(path.to_path_buf());
        self.saved_state = Some(self.state);
        Ok(())
    }

    /// Whether `path` is this document's file and someone else changed it (or removed it)
    /// since this document read or wrote it. A file this document never read is not checked.
    pub fn changed_on_disk(&self, path: &Path) -> bool {
        self.path.as_deref() == Some(path)
            && self
                .identity
                .as_ref()
                .is_some_and(|id| id.changed_on_disk(path, store::MAX_FILE_BYTES))
    }

    /// The file name shown in the title bar.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => self
                .origin
                .clone()
                .unwrap_or_else(|| "embedded dataset".to_string()),
        }
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

    fn fresh_state(&mut self) -> u64 {
        self.next_state += 1;
        self.next_state
    }
}

/// Where users' files go by default: `saves/` beside the working directory.
pub fn saves_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_default().join("saves")
}
