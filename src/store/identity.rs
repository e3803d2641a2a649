//! What a file was when this program last read or wrote it: its size, modification time and a
//! hash of its bytes. Compared before a save, it tells whether another program (or another
//! instance) changed the file since, so that its work is not silently overwritten.

use std::path::Path;
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use super::bounded::{open_regular, read_bounded};
use super::error::LoadError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileIdentity {
    pub size: u64,
    pub modified: Option<SystemTime>,
    pub hash: [u8; 32],
}

impl FileIdentity {
    fn new(meta: &std::fs::Metadata, bytes: &[u8]) -> Self {
        let mut hash = [0; 32];
        hash.copy_from_slice(&Sha256::digest(bytes));
        FileIdentity {
            size: bytes.len() as u64,
            modified: meta.modified().ok(),
            hash,
        }
    }

    /// The identity of a file this program just wrote with `bytes`.
    pub fn of_written(path: &Path, bytes: &[u8]) -> std::io::Result<Self> {
        Ok(FileIdentity::new(&std::fs::metadata(path)?, bytes))
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
            Ok(bytes) => Sha256::digest(&bytes).as_slice() != self.hash,
            Err(_) => true,
        }
    }
}

/// A file's bytes through the bounded reader, given to `read` (a parse), with their identity
/// (its metadata taken just after the read: a change in between shows as a changed file at
/// the next save, never the reverse). The bytes are hashed on another thread while `read`
/// runs: a 300 MB file's hash takes a quarter of a second.
pub fn read_identified<T>(
    path: &Path,
    limit: u64,
    read: impl FnOnce(&[u8]) -> Result<T, LoadError>,
) -> Result<(T, FileIdentity), LoadError> {
    let bytes = read_bounded(path, limit)?;
    let meta = std::fs::metadata(path)
        .map_err(|e| LoadError::new(format!("cannot read the file: {e}")).in_file(path))?;
    let (value, identity) = std::thread::scope(|scope| {
        let identity = scope.spawn(|| FileIdentity::new(&meta, &bytes));
        let value = read(&bytes);
        let identity = identity
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (value, identity)
    });
    Ok((value?, identity))
}
