//! One writer at a time per dataset file. Every program that reads a dataset, changes it and
//! writes it back (the command line's writing verbs, the window's save, the merge driver with
//! `-o`) holds the lock of the file from before its last read until after its write, so two
//! writers can never both build on the same old content and lose one change.
//!
//! The lock is a file of its own beside the dataset, `.NAME.lock`: the dataset itself cannot
//! carry it, since every save renames a new file over it (a lock on the old file would guard
//! nothing). The lock file is never deleted: removing it while another writer waits on it
//! would let a third writer lock a fresh file of the same name beside them.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::atomic::write_target;

/// How long a writer waits for another to finish before it gives up, writing nothing. A save
/// of the largest dataset takes a few seconds; a writer stuck longer is better reported than
/// waited on forever.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How often a waiting writer tries again.
const RETRY_EVERY: Duration = Duration::from_millis(20);

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{} is being written by another program (its lock {} is held); waited {} s, \
         nothing was written: try again once it is done",
        path.display(), lock.display(), waited.as_secs()
    )]
    Busy {
        path: PathBuf,
        lock: PathBuf,
        waited: Duration,
    },
    #[error("cannot lock {} (through {}): {source}", path.display(), lock.display())]
    Io {
        path: PathBuf,
        lock: PathBuf,
        source: io::Error,
    },
}

/// The held lock of one dataset file; released when dropped (or when the process ends, even
/// killed: the system releases a dead process's locks, so a crash never leaves one stuck).
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    path: PathBuf,
}

impl FileLock {
    /// Waits up to [`LOCK_WAIT`] for the lock of `path`.
    pub fn acquire(path: &Path) -> Result<FileLock, LockError> {
        FileLock::acquire_within(path, LOCK_WAIT)
    }

    /// Waits up to `wait` for the lock of `path` (the file need not exist yet).
    pub fn acquire_within(path: &Path, wait: Duration) -> Result<FileLock, LockError> {
        let lock = lock_path(path);
        let io_error = |source| LockError::Io {
            path: path.to_path_buf(),
            lock: lock.clone(),
            source,
        };
        let file = open_lock_file(&lock).map_err(io_error)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => {
                    return Ok(FileLock {
                        _file: file,
                        path: lock,
                    });
                }
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(RETRY_EVERY);
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(LockError::Busy {
                        path: path.to_path_buf(),
                        lock,
                        waited: start.elapsed(),
                    });
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io_error(e)),
            }
        }
    }

    /// The lock file held.
    pub fn lock_file(&self) -> &Path {
        &self.path
    }
}

/// Where the lock of `path` is: `.NAME.lock` beside the file a save really writes (a symlink's
/// target, so that two names of one file share one lock).
pub fn lock_path(path: &Path) -> PathBuf {
    super::atomic::beside(&write_target(path), ".", ".lock")
}

/// Opens the lock file, creating it if needed. A lock file another user created and this one
/// may not write is opened to read: a lock needs no more.
fn open_lock_file(lock: &Path) -> io::Result<File> {
    if let Some(dir) = lock.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock)
    {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied && lock.exists() => File::open(lock),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_gives_up_with_the_file_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        let held = FileLock::acquire(&path).unwrap();
        assert_eq!(held.lock_file(), dir.path().join(".d.ron.lock"));
        let err = FileLock::acquire_within(&path, Duration::ZERO).unwrap_err();
        assert!(matches!(err, LockError::Busy { .. }), "{err}");
        assert!(err.to_string().contains("d.ron is being written"), "{err}");
        drop(held);
        FileLock::acquire_within(&path, Duration::ZERO).unwrap();
        // Never deleted: a writer waiting on it must lock the file the next one will lock.
        assert!(dir.path().join(".d.ron.lock").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_and_its_target_share_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("d.ron");
        std::fs::write(&target, "x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let _held = FileLock::acquire(&target).unwrap();
        assert!(FileLock::acquire_within(&link, Duration::ZERO).is_err());
    }
}
