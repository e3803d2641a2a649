//! The recovery file: unsaved work written every few seconds, offered back after a crash.
//! It lives beside users' files (`saves/.recovery.ron`) and is removed once the work is saved
//! or deliberately discarded.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::LoadError;
use super::write_atomic;
use crate::model::Dataset;

const FORMAT: &str = "board-explorer-recovery";

#[derive(Debug, Serialize, Deserialize)]
pub struct Recovery {
    format: String,
    /// The file the work belongs to, if it had one.
    pub original: Option<PathBuf>,
    /// When it was written, as local time in words.
    pub written: String,
    pub dataset: Dataset,
}

pub fn write_recovery(
    path: &Path,
    original: Option<&Path>,
    dataset: &Dataset,
) -> std::io::Result<()> {
    let recovery = RecoveryRef {
        format: FORMAT,
        original,
        written: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        dataset,
    };
    let text = ron::ser::to_string_pretty(&recovery, ron::ser::PrettyConfig::new().new_line("\n"))
        .expect("a dataset always serialises");
    write_atomic(path, text.as_bytes())
}

#[derive(Serialize)]
struct RecoveryRef<'a> {
    format: &'a str,
    original: Option<&'a Path>,
    written: String,
    dataset: &'a Dataset,
}

/// Reads a recovery file; `Ok(None)` when there is none.
pub fn read_recovery(path: &Path) -> Result<Option<Recovery>, LoadError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(
                LoadError::new(format!("cannot read the recovery file: {e}")).in_file(path),
            );
        }
    };
    let recovery: Recovery = ron::Options::default().from_str(&text).map_err(|e| {
        LoadError::new(format!("the recovery file is damaged: {}", e.code))
            .at(Some((e.span.start.line, e.span.start.col)))
            .in_file(path)
    })?;
    if recovery.format != FORMAT {
        return Err(LoadError::new("not a recovery file").in_file(path));
    }
    Ok(Some(recovery))
}

pub fn clear_recovery(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// Where the recovery file goes, given the folder for users' files.
pub fn recovery_path(saves: &Path) -> PathBuf {
    saves.join(".recovery.ron")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_reads_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        let path = recovery_path(dir.path());
        assert!(read_recovery(&path).unwrap().is_none());
        let dataset = crate::store::embedded();
        write_recovery(&path, Some(Path::new("/x/board.ron")), &dataset).unwrap();
        let back = read_recovery(&path).unwrap().unwrap();
        assert!(back.dataset == dataset);
        assert_eq!(back.original.as_deref(), Some(Path::new("/x/board.ron")));
        clear_recovery(&path);
        assert!(!path.exists());
        std::fs::write(&path, "(format: \"board-explorer-recovery\", orig").unwrap();
        assert!(
            read_recovery(&path)
                .unwrap_err()
                .message
                .contains("damaged")
        );
    }
}
