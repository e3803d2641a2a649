//! What can be imported (the roster CSV, Popolo JSON, FollowTheMoney entities), and reading
//! such a file through the one bounded reader into [`ImportData`] for the model to match.

use std::path::Path;

use crate::model::data::import::ImportData;

/// The formats an import reads: the command line's `import --format`, the window's File ▸
/// Import data… and the session's one list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum, strum::VariantArray)]
pub enum ImportFormat {
    /// The roster CSV (the columns `export --format csv` writes).
    Csv,
    /// Popolo JSON (organizations, persons, memberships).
    Popolo,
    /// FollowTheMoney entities, one JSON object a line.
    Ftm,
}

impl ImportFormat {
    /// Every format, in the order menus list them.
    pub const ALL: &'static [ImportFormat] = <ImportFormat as strum::VariantArray>::VARIANTS;

    /// Its name in the window.
    pub fn choice(self) -> &'static str {
        match self {
            ImportFormat::Csv => "Roster CSV",
            ImportFormat::Popolo => "Popolo JSON",
            ImportFormat::Ftm => "FollowTheMoney entities (JSON lines)",
        }
    }

    /// The format a file's name says: `.csv`; `.ftm.json` or `.jsonl` (FollowTheMoney);
    /// `.json` (Popolo). `None` when the name says none of these.
    pub fn from_name(path: &Path) -> Option<ImportFormat> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".csv") {
            Some(ImportFormat::Csv)
        } else if name.ends_with(".ftm.json") || name.ends_with(".jsonl") {
            Some(ImportFormat::Ftm)
        } else if name.ends_with(".json") {
            Some(ImportFormat::Popolo)
        } else {
            None
        }
    }

    /// The records of `text` in this format.
    pub fn read(self, text: &str) -> Result<ImportData, ImportError> {
        match self {
            ImportFormat::Csv => super::import_csv::read_csv(text),
            ImportFormat::Popolo => super::import_popolo::read_popolo(text),
            ImportFormat::Ftm => super::import_ftm::read_ftm(text),
        }
    }
}

/// Why a file cannot be imported at all: where (a line, when known) and what.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct ImportError {
    pub line: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub fn at(line: usize, message: impl Into<String>) -> Self {
        ImportError {
            line: (line > 0).then_some(line),
            message: message.into(),
        }
    }
}

/// The largest file imported.
pub const MAX_IMPORT_BYTES: u64 = super::MAX_FILE_BYTES;

/// Reads `path` (a regular file, bounded, UTF-8) and its records in `format`.
pub fn read_import(path: &Path, format: ImportFormat) -> Result<ImportData, ImportError> {
    let text = super::read_text_bounded(path, MAX_IMPORT_BYTES).map_err(|e| ImportError {
        line: e.place.map(|(line, _)| line),
        message: e.message,
    })?;
    format.read(&text)
}
