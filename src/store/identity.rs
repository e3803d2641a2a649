//! What a file was when this program last read or wrote it: its size, modification time and a
//! hash of its bytes. Compared before a save, it tells whether another program (or another
//! instance) changed the file since, so that its work is not silently overwritten.
//!
//! The hash of a file just read is deferred: hashing 300 MB takes a quarter of a second of a
//! core, which, spent while the file parses and its derived data is built on every core,
//! delayed the window's first frame. Only a save (or the watch) compares it, and then only
//! when size and time agree, so it is taken later: on another thread once asked
//! ([`FileIdentity::hash_in_background`]), or by whoever needs it first, who waits for it.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use super::bounded::{open_regular, read_bounded};
use super::error::LoadError;

#[derive(Clone, Debug)]
pub struct FileIdentity {
    pub size: u64,
    pub modified: Option<SystemTime>,
    /// Shared by every copy, so it is computed once and copies compare without it.
    hash: Arc<Mutex<Hash>>,
}

/// Where the SHA-256 of the file's bytes is.
enum Hash {
    /// Not taken yet: the bytes wait for it (the file's own copy, no other).
    Waiting(Vec<u8>),
    /// Being taken on another thread.
    Running(JoinHandle<[u8; 32]>),
    Done([u8; 32]),
}

impl std::fmt::Debug for Hash {
    // Not the bytes: they are the whole file.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Hash::Waiting(bytes) => write!(f, "Waiting({} bytes)", bytes.len()),
            Hash::Running(_) => f.write_str("Running"),
            Hash::Done(hash) => write!(f, "Done({:02x?})", &hash[..4]),
        }
    }
}

/// Two identities are equal when they describe the same state of a file: same size, time and
/// bytes. Copies of one identity are equal at once; others may wait for their hashes.
impl PartialEq for FileIdentity {
    fn eq(&self, other: &Self) -> bool {
        self.size == other.size
            && self.modified == other.modified
            && (Arc::ptr_eq(&self.hash, &other.hash) || self.hash() == other.hash())
    }
}

impl Eq for FileIdentity {}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

impl FileIdentity {
    fn with(meta: &std::fs::Metadata, size: usize, hash: Hash) -> Self {
        FileIdentity {
            size: size as u64,
            modified: meta.modified().ok(),
            hash: Arc::new(Mutex::new(hash)),
        }
    }

    /// The identity of a file this program just wrote with `bytes` (hashed now: the text is
    /// the caller's and is dropped after the write).
    pub fn of_written(path: &Path, bytes: &[u8]) -> std::io::Result<Self> {
        let meta = std::fs::metadata(path)?;
        Ok(FileIdentity::with(
            &meta,
            bytes.len(),
            Hash::Done(sha256(bytes)),
        ))
    }

    /// The identity of `bytes` just read, their hash deferred (see the module's notes).
    fn deferred(meta: &std::fs::Metadata, bytes: Vec<u8>) -> Self {
        FileIdentity::with(meta, bytes.len(), Hash::Waiting(bytes))
    }

    /// The SHA-256 of the file's bytes: waits for the thread taking it, or takes it here when
    /// nobody has yet.
    pub fn hash(&self) -> [u8; 32] {
        let mut state = self.state();
        // The zeros stand in only while the lock is held; should the hashing thread have
        // panicked they stay, match no file, and the file counts as changed: a save then asks
        // or merges rather than overwrites.
        let hash = match std::mem::replace(&mut *state, Hash::Done([0; 32])) {
            Hash::Done(hash) => hash,
            Hash::Waiting(bytes) => sha256(&bytes),
            Hash::Running(thread) => thread
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        };
        *state = Hash::Done(hash);
        hash
    }

    /// Starts taking the hash on another thread, if nobody has. Called once the work that
    /// wants every core is done (the session calls it after deriving), so that a save rarely
    /// waits for it; the bytes are dropped once hashed.
    pub fn hash_in_background(&self) {
        let mut state = self.state();
        if let Hash::Waiting(bytes) = &mut *state {
            let bytes = std::mem::take(bytes);
            *state = Hash::Running(std::thread::spawn(move || sha256(&bytes)));
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, Hash> {
        self.hash.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether the file at `path` is no longer what this identity describes: changed, replaced
    /// or removed. The hash is only computed when size and time agree, so an unchanged file
    /// costs one read and a changed one usually none.
    pub fn changed_on_disk(&self, path: &Path, limit: u64) -> bool {
        let Ok((_, meta)) = open_regular(path) else {
            return true;
        };
        if meta.len() != self.size || meta.modified().ok() != self.modified {
            return true;
        }
        match read_bounded(path, limit) {
            Ok(bytes) => sha256(&bytes) != self.hash(),
            Err(_) => true,
        }
    }
}

/// A file's bytes through the bounded reader, given to `read` (a parse), with their identity
/// (its metadata taken just after the read: a change in between shows as a changed file at
/// the next save, never the reverse). The identity keeps the bytes for its hash, which is
/// deferred: a 300 MB file's hash takes a quarter of a second, which the parse, on every
/// core, would otherwise share its cores with.
pub fn read_identified<T>(
    path: &Path,
    limit: u64,
    read: impl FnOnce(&[u8]) -> Result<T, LoadError>,
) -> Result<(T, FileIdentity), LoadError> {
    let bytes = read_bounded(path, limit)?;
    let meta = std::fs::metadata(path)
        .map_err(|e| LoadError::new(format!("cannot read the file: {e}")).in_file(path))?;
    let value = read(&bytes)?;
    Ok((value, FileIdentity::deferred(&meta, bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: u64 = 1 << 20;

    /// A file read as a load reads it, with its deferred identity.
    fn read(path: &Path) -> FileIdentity {
        read_identified(path, LIMIT, |_| Ok(())).unwrap().1
    }

    /// Writes `text` over `path` as another program would, keeping its size and time, so
    /// only the hash can tell.
    fn overwrite_keeping_size_and_time(path: &Path, text: &str) {
        let modified = std::fs::metadata(path).unwrap().modified().unwrap();
        assert_eq!(std::fs::metadata(path).unwrap().len(), text.len() as u64);
        std::fs::write(path, text).unwrap();
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(modified).unwrap();
    }

    #[test]
    fn a_deferred_hash_still_sees_a_file_another_program_changed() {
        let dir = tempfile::tempdir().unwrap();
        for in_background in [false, true] {
            let path = dir.path().join("d.ron");
            std::fs::write(&path, "(version: 1)").unwrap();
            let identity = read(&path);
            if in_background {
                identity.hash_in_background();
            }
            overwrite_keeping_size_and_time(&path, "(version: 2)");
            assert!(identity.changed_on_disk(&path, LIMIT), "{identity:?}");
            // A copy (the watch's merge base) asks the same shared hash.
            assert!(identity.clone().changed_on_disk(&path, LIMIT));
        }
    }

    #[test]
    fn a_deferred_hash_does_not_take_an_unchanged_file_for_a_changed_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::write(&path, "(version: 1)").unwrap();
        let waiting = read(&path);
        assert!(!waiting.changed_on_disk(&path, LIMIT));
        let running = read(&path);
        running.hash_in_background();
        assert!(!running.changed_on_disk(&path, LIMIT));
        // Asked again once taken, and after being asked to start again (nothing to start).
        running.hash_in_background();
        assert!(!running.changed_on_disk(&path, LIMIT));
    }

    #[test]
    fn a_deferred_hash_is_the_hash_of_the_bytes_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::write(&path, "(version: 1)").unwrap();
        let expected = sha256(b"(version: 1)");
        let waiting = read(&path);
        assert_eq!(waiting.hash(), expected);
        let running = read(&path);
        running.hash_in_background();
        assert_eq!(running.hash(), expected);
        assert_eq!(running.hash(), expected, "asked twice");
        let written = FileIdentity::of_written(&path, b"(version: 1)").unwrap();
        assert_eq!(written.hash(), expected);
    }

    #[test]
    fn identities_are_equal_when_size_time_and_bytes_agree() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        std::fs::write(&path, "(version: 1)").unwrap();
        let first = read(&path);
        assert_eq!(first, first.clone());
        assert_eq!(first, read(&path), "read twice, hashed apart");
        overwrite_keeping_size_and_time(&path, "(version: 2)");
        let changed = read(&path);
        assert_eq!(
            (changed.size, changed.modified),
            (first.size, first.modified)
        );
        assert_ne!(first, changed);
    }
}
