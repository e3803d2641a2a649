//! The recovery file: unsaved work written every few seconds, offered back after a crash.
//! It lives beside users' files, one per running instance (`saves/.recovery-PID.ron`, held by
//! a lock on `saves/.recovery-PID.lock` while the instance runs), and is removed once the work
//! is saved or deliberately discarded. At start only files whose instance is gone (its lock
//! free) are offered, so two instances never offer, delete or overwrite each other's work.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::bounded::{check_parse_cost, read_text_bounded};
use super::error::LoadError;
use super::format::MAX_FILE_BYTES;
use super::unknown_fields::from_str_keeping;
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
    /// The sources ticked for comparison in the window, restored with the work.
    #[serde(default)]
    pub chosen: Vec<String>,
}

/// Writes the unsaved work, the file it belongs to, and the sources ticked for comparison.
pub fn write_recovery(
    path: &Path,
    original: Option<&Path>,
    dataset: &Dataset,
    chosen: &[String],
) -> std::io::Result<()> {
    let recovery = RecoveryRef {
        format: FORMAT,
        original,
        written: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        dataset,
        chosen,
    };
    let text = super::ron_out::pretty(&recovery, super::format::layout());
    write_atomic(path, text.as_bytes())
}

#[derive(Serialize)]
struct RecoveryRef<'a> {
    format: &'a str,
    original: Option<&'a Path>,
    written: String,
    dataset: &'a Dataset,
    chosen: &'a [String],
}

/// Reads a recovery file; `Ok(None)` when there is none.
pub fn read_recovery(path: &Path) -> Result<Option<Recovery>, LoadError> {
    if !path.exists() {
        return Ok(None);
    }
    let text = read_text_bounded(path, MAX_FILE_BYTES).map_err(|e| LoadError {
        message: format!("cannot read the recovery file: {}", e.message),
        ..e
    })?;
    check_parse_cost(&text).map_err(|e| e.in_file(path))?;
    let options = ron::Options::default().with_recursion_limit(32);
    let recovery: Recovery = from_str_keeping(&options, &text, |r: &mut Recovery| &mut r.dataset)
        .map_err(|e| {
        let what = match e.code {
            ron::Error::ExceededRecursionLimit => {
                "lists or records are nested too deeply (more than 32 levels)".to_string()
            }
            other => other.to_string(),
        };
        LoadError::new(format!("the recovery file is damaged: {what}"))
            .at(Some((e.span.start.line, e.span.start.col)))
            .in_file(path)
    })?;
    if recovery.format != FORMAT {
        return Err(LoadError::new("not a recovery file").in_file(path));
    }
    let mut recovery = recovery;
    crate::model::data::one_meaning::one_meaning_per_fact(&mut recovery.dataset);
    Ok(Some(recovery))
}

/// Removes a recovery file and the backup its writes left beside it (`NAME.ron.bak`), which
/// would otherwise keep old unsaved work forever.
pub fn clear_recovery(path: &Path) {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(super::atomic::backup_path(path));
}

/// Where this instance's recovery file goes, given the folder for users' files. The first
/// call for a folder takes the lock that marks the file as this running instance's; the lock
/// lasts as long as the process.
pub fn recovery_path(saves: &Path) -> PathBuf {
    let pid = std::process::id();
    let _ = std::fs::create_dir_all(saves);
    let lock = saves.join(format!(".recovery-{pid}.lock"));
    let mut held = HELD
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !held.iter().any(|(p, _)| *p == lock)
        && let Ok(file) = std::fs::File::create(&lock)
        && file.try_lock().is_ok()
    {
        held.push((lock, file));
    }
    saves.join(format!(".recovery-{pid}.ron"))
}

/// Lets go of the lock this instance holds beside its recovery file `recovery` and removes
/// the lock file: on a clean exit, so that none is left behind. A recovery file still there
/// (work that was never saved) is then offered by the next start, as after a crash.
pub fn release_recovery(recovery: &Path) {
    let Some(name) = recovery.file_name().and_then(|n| n.to_str()) else {
        return;
    };
    let Some(stem) = name.strip_suffix(".ron") else {
        return;
    };
    let lock = recovery.with_file_name(format!("{stem}.lock"));
    let mut held = HELD
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let before = held.len();
    // Dropping the file closes it, which lets go of the lock.
    held.retain(|(p, _)| *p != lock);
    if held.len() < before {
        let _ = std::fs::remove_file(&lock);
    }
}

/// The locks this process holds on its recovery files (one per folder).
static HELD: std::sync::Mutex<Vec<(PathBuf, std::fs::File)>> = std::sync::Mutex::new(Vec::new());

/// Recovery files in `saves` left by instances that are no longer running, oldest first:
/// their lock is free (or they predate locks). This instance's own file is never among them.
pub fn orphan_recoveries(saves: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(saves) else {
        return Vec::new();
    };
    let own = format!(".recovery-{}.ron", std::process::id());
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name == own {
                return None;
            }
            let owner_gone = if name == ".recovery.ron" {
                true // From a version without per-instance files.
            } else {
                let pid = name.strip_prefix(".recovery-")?.strip_suffix(".ron")?;
                lock_is_free(&saves.join(format!(".recovery-{pid}.lock")))
            };
            let modified = e.metadata().ok()?.modified().ok()?;
            owner_gone.then(|| (modified, e.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// Whether no running instance holds this lock file (a missing file is free).
fn lock_is_free(lock: &Path) -> bool {
    match std::fs::OpenOptions::new().write(true).open(lock) {
        Ok(file) => match file.try_lock() {
            Ok(()) => {
                let _ = file.unlock();
                true
            }
            Err(_) => false,
        },
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// Removes another instance's recovery file once its work was taken or discarded, and its
/// lock file with it.
pub fn clear_orphan(path: &Path) {
    clear_recovery(path);
    if let Some(name) = path.file_name().and_then(|n| n.to_str())
        && let Some(stem) = name.strip_suffix(".ron")
    {
        let _ = std::fs::remove_file(path.with_file_name(format!("{stem}.lock")));
    }
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
        write_recovery(
            &path,
            Some(Path::new("/x/board.ron")),
            &dataset,
            &["s".into()],
        )
        .unwrap();
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
