//! A user's own extraction rule tables: every `*.rules.ron` file in the dataset's folder (the
//! folder's own files only: a link out of it is not followed), and files named on the command
//! line. Each is read bounded and parsed; a table that does not parse is refused with its file
//! and position, so a typo never silently drops a rule.

use std::path::{Path, PathBuf};

use crate::model::extract::{Table, TableError, table::parse_table};

/// The largest rule table read.
pub const MAX_TABLE_BYTES: u64 = 1 << 20;
/// The most tables read from one folder.
pub const MAX_TABLES: usize = 64;
/// How a table beside a dataset is named.
pub const TABLE_SUFFIX: &str = ".rules.ron";

#[derive(Debug, thiserror::Error)]
pub enum RuleTableError {
    #[error("{0}")]
    Read(#[from] super::LoadError),
    #[error(transparent)]
    Table(#[from] TableError),
    #[error("{folder}: more than {MAX_TABLES} rule tables")]
    TooMany { folder: String },
}

/// The tables beside `dataset` (none for the embedded dataset) and then `extra`, in that order.
pub fn rule_tables(
    dataset: Option<&Path>,
    extra: &[PathBuf],
) -> Result<Vec<Table>, RuleTableError> {
    let mut paths = match dataset {
        Some(d) => beside(d)?,
        None => Vec::new(),
    };
    paths.extend(extra.iter().cloned());
    paths.iter().map(|p| read_table(p)).collect()
}

/// One table file.
pub fn read_table(path: &Path) -> Result<Table, RuleTableError> {
    let text = super::read_text_bounded(path, MAX_TABLE_BYTES)?;
    Ok(parse_table(&path.display().to_string(), &text)?)
}

/// The `*.rules.ron` regular files in the dataset's folder, by name.
fn beside(dataset: &Path) -> Result<Vec<PathBuf>, RuleTableError> {
    let folder = match dataset.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Ok(Vec::new());
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(TABLE_SUFFIX))
        // A link could lead out of the folder: only the folder's own files.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .take(MAX_TABLES + 1)
        .collect();
    if found.len() > MAX_TABLES {
        return Err(RuleTableError::TooMany {
            folder: folder.display().to_string(),
        });
    }
    found.sort();
    Ok(found)
}
