//! The files the command line names itself, beside a session's dataset: the articles and list
//! of an import, rule tables, the three files of a git merge and git's own settings files.
//! The command line reaches the store only through here and the session, so that each such
//! read is bounded, each write atomic and locked, and each chosen in one place.

use std::path::{Path, PathBuf};

use crate::model::Dataset;
use crate::model::merge::{MergeError, merge, merge_added_on_both_sides};
use crate::store::{self, FileLock, LoadError, LockError, SaveError};

pub use crate::store::{
    MAX_FILE_BYTES as MAX_DATASET_BYTES, RuleTableError, add_line_once, read_bounded, rule_tables,
};

/// The size of a regular file (a FIFO or a device is refused before anything is read).
pub fn file_len(path: &Path) -> Result<u64, LoadError> {
    store::open_regular(path)
        .map(|(_, meta)| meta.len())
        .map_err(|e| e.in_file(path))
}

/// A file git asks to show: the dataset it holds, or its text when it is another small text
/// file matched by the same pattern (a rule table, notes).
pub enum DatasetOrText {
    Dataset(Box<Dataset>),
    Text(String),
}

/// The largest file that is not a dataset `textconv` shows as it is.
pub const MAX_SHOWN_TEXT_BYTES: usize = 16 << 20;

/// Reads a file for `textconv`, bounded as a dataset is. What is neither a dataset nor a small
/// UTF-8 text is refused, so that a stray video named `.ron` cannot flood `git log -p`.
pub fn dataset_or_text(file: &Path) -> Result<DatasetOrText, LoadError> {
    let bytes = store::read_bounded(file, store::MAX_FILE_BYTES)?;
    let not_dataset = match store::parse_bytes(&bytes, Some(file)) {
        Ok(loaded) => return Ok(DatasetOrText::Dataset(Box::new(loaded.dataset))),
        Err(e) => e,
    };
    let refuse = |why: &str| {
        LoadError::new(format!(
            "not a dataset ({}), and {why}: textconv shows datasets and small text files",
            not_dataset.message
        ))
        .in_file(file)
    };
    if bytes.len() > MAX_SHOWN_TEXT_BYTES {
        return Err(refuse("over 16 MB"));
    }
    String::from_utf8(bytes)
        .map(DatasetOrText::Text)
        .map_err(|_| refuse("not UTF-8 text"))
}

/// Why a merge of three files wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum MergeFilesError {
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Merge(#[from] MergeError),
    #[error("the merged dataset would not load ({0}); nothing was written")]
    WouldNotLoad(SaveError),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What a merge of three files wrote: its report (renamed ids, re-anchored and orphaned
/// quotes, conflicts, one line each) and the merged file's counts.
#[derive(Debug)]
pub struct FilesMerged {
    /// One line each (see [`crate::model::merge::Merged::report_lines`]).
    pub report: Vec<String>,
    pub conflicts: usize,
    /// Actors, sources, claims and events.
    pub counts: [usize; 4],
}

/// Merges THEIRS into OURS with BASE as the common ancestor and writes the result atomically
/// to `out`, under `out`'s lock taken before OURS is read. Conflicts are kept in the file.
///
/// The three files are first merged record by record on their text
/// ([`store::merge_texts`]), which is what a team's merge of a large file usually needs;
/// whatever that leaves to a field merge (a record changed on both sides, a deletion, a
/// conflict), the typed merge does, on the files read anew.
pub fn merge_files(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    out: &Path,
) -> Result<FilesMerged, MergeFilesError> {
    let _lock = lock_unless_git_temp(out)?;
    // Git passes an empty BASE when both sides added the file: no common ancestor then.
    let no_base = file_len(base).is_ok_and(|len| len == 0);
    if !no_base && let Some(merged) = merge_by_text(base, ours, theirs, out)? {
        return Ok(merged);
    }
    // Two files are read at once: each read has steps that use one core (reading,
    // checking), which the other's fill. The third waits: three read at once would hold three
    // texts besides three datasets (2.9 GB for two sides of a million claims, against 2.2).
    let (ours_d, theirs_d) = std::thread::scope(|scope| {
        let theirs_d = scope.spawn(|| store::load_file(theirs));
        let ours_d = store::load_file(ours);
        let theirs_d = theirs_d
            .join()
            .unwrap_or_else(|_| Err(store::LoadError::new("the reading thread failed")));
        (ours_d, theirs_d)
    });
    let (ours_d, theirs_d) = (ours_d?.dataset, theirs_d?.dataset);
    let base_d = (!no_base).then(|| store::load_file(base));
    let merged = match base_d {
        None => merge_added_on_both_sides(ours_d, theirs_d)?,
        Some(base_d) => merge(base_d?.dataset, ours_d, theirs_d)?,
    };
    SaveError::check(&merged.dataset).map_err(MergeFilesError::WouldNotLoad)?;
    store::replace_atomic(out, store::to_ron(&merged.dataset).as_bytes())
        .map_err(|source| write_error(out, source))?;
    let d = &merged.dataset;
    Ok(FilesMerged {
        report: merged.report_lines(),
        conflicts: merged.conflicts.len(),
        counts: [
            d.actors.len(),
            d.sources.len(),
            d.claims.len(),
            d.events.len(),
        ],
    })
}

/// The merge record by record on the files' text, written to `out`; `None` when the typed
/// merge must decide (nothing is written then). Only the first read's errors are reported:
/// the typed merge reads the files again and names what is wrong with them.
fn merge_by_text(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    out: &Path,
) -> Result<Option<FilesMerged>, MergeFilesError> {
    // Each file read on a core of its own. Their bytes need not be checked as UTF-8 text: the
    // merge reads as text only what it takes from theirs, and checks that.
    let read = |path: &Path| store::read_bounded(path, MAX_DATASET_BYTES);
    let (b, o, t) = std::thread::scope(|scope| {
        let t = scope.spawn(|| read(theirs));
        let b = scope.spawn(|| read(base));
        let o = read(ours);
        let joined = |r: std::thread::ScopedJoinHandle<'_, _>| {
            r.join()
                .unwrap_or_else(|_| Err(store::LoadError::new("the reading thread failed")))
        };
        (joined(b), o, joined(t))
    });
    let (b, o, t) = (b?, o?, t?);
    let Some(merged) = store::merge_texts(&b, &o, &t) else {
        return Ok(None);
    };
    // Git's temporary file is read back at once and kept by git: it need not reach the disk.
    let durability = if is_git_temp(out) {
        store::Durability::Handed
    } else {
        store::Durability::Disk
    };
    store::replace_atomic_with(out, durability, |w| merged.write_to(w))
        .map_err(|source| write_error(out, source))?;
    Ok(Some(FilesMerged {
        report: Vec::new(),
        conflicts: 0,
        counts: merged.counts(),
    }))
}

fn write_error(out: &Path, source: std::io::Error) -> MergeFilesError {
    MergeFilesError::Write {
        path: out.to_path_buf(),
        source,
    }
}

/// Whether `out` is git's own temporary copy of a file being merged (`.merge_file_XXXXXX`).
fn is_git_temp(out: &Path) -> bool {
    out.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(".merge_file_"))
}

/// The lock of the file a merge writes: a merge by hand into a dataset others write is one
/// more writer. Git's driver writes over git's own temporary copy (`.merge_file_XXXXXX`),
/// which nobody else writes: no lock file is left beside it in the work tree.
fn lock_unless_git_temp(out: &Path) -> Result<Option<FileLock>, LockError> {
    if is_git_temp(out) {
        return Ok(None);
    }
    FileLock::acquire(out).map(Some)
}

/// Why a file named in a list is not read.
#[derive(Debug, thiserror::Error)]
pub enum OutsideError {
    #[error("\"{0}\" is not a path relative to the list's folder")]
    NotRelative(String),
    #[error("\"{0}\" leads out of the list's folder (through \"..\" or a link)")]
    Outside(String),
    #[error("cannot read \"{name}\": {source}")]
    Unreadable {
        name: String,
        source: std::io::Error,
    },
}

/// The file `name` names inside `folder`: a relative path that stays inside it once `..` and
/// links are followed. A list from anyone must not read `/etc/hostname` or `../secret.txt` into
/// a dataset that is then published.
pub fn inside(folder: &Path, name: &str) -> Result<PathBuf, OutsideError> {
    let relative = Path::new(name);
    if !relative.is_relative() {
        return Err(OutsideError::NotRelative(name.to_string()));
    }
    let unreadable = |source| OutsideError::Unreadable {
        name: name.to_string(),
        source,
    };
    let folder = std::fs::canonicalize(folder).map_err(unreadable)?;
    let file = std::fs::canonicalize(folder.join(relative)).map_err(unreadable)?;
    if file.starts_with(&folder) {
        Ok(file)
    } else {
        Err(OutsideError::Outside(name.to_string()))
    }
}

/// The name git knows the user by in the repository around `dir` (`git config user.name`), the
/// default author of the claims a session adds; `None` without git or a name.
pub fn git_user_name(dir: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["config", "--get", "user.name"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(out.stdout).ok()?;
    let name = name.trim();
    (out.status.success() && !name.is_empty() && name.len() <= 200).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_keeps_a_list_to_its_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("list");
        std::fs::create_dir_all(folder.join("sub")).unwrap();
        std::fs::write(folder.join("sub").join("a.txt"), "a").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "s").unwrap();
        assert!(inside(&folder, "sub/a.txt").is_ok());
        assert!(inside(&folder, "sub/../sub/a.txt").is_ok());
        assert!(matches!(
            inside(&folder, "../secret.txt"),
            Err(OutsideError::Outside(_))
        ));
        let absolute = tmp.path().join("secret.txt");
        assert!(matches!(
            inside(&folder, absolute.to_str().unwrap()),
            Err(OutsideError::NotRelative(_))
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), folder.join("link.txt"))
                .unwrap();
            assert!(matches!(
                inside(&folder, "link.txt"),
                Err(OutsideError::Outside(_))
            ));
        }
    }
}
