//! Saving so that a crash never leaves a half-written file: write a temporary file beside the
//! target, flush it to disk, keep the old file as a backup, then rename over the target.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where the previous version of `path` is kept: `name.ron` → `name.ron.bak`.
/// A name too long for that loses the end of its own name to fit.
pub fn backup_path(path: &Path) -> PathBuf {
    beside(path, "", ".bak")
}

fn temp_path(path: &Path) -> PathBuf {
    beside(path, "", &format!(".{}.tmp", std::process::id()))
}

/// The temporary copy a backup of `path` is made through: `NAME.bak.PID.tmp`, a name of its
/// own even when a long name is cut (the file's own temporary name is `NAME.PID.tmp`).
fn backup_temp_path(path: &Path) -> PathBuf {
    beside(path, "", &format!(".bak.{}.tmp", std::process::id()))
}

/// The longest file name most file systems allow, in bytes.
const MAX_NAME_BYTES: usize = 255;

/// A file beside `path` named `prefix` + its name + `suffix`, the name cut (at a character)
/// so the whole fits in [`MAX_NAME_BYTES`]: a file whose name is 250 bytes long can still be
/// saved in place, its temporary, backup and lock files beside it.
pub(super) fn beside(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    let name = path.file_name().unwrap_or_default();
    let room = MAX_NAME_BYTES.saturating_sub(prefix.len() + suffix.len());
    let mut fitted = std::ffi::OsString::from(prefix);
    if name.len() <= room {
        // Whole, in whatever bytes it has (a name need not be UTF-8).
        fitted.push(name);
    } else {
        let name = name.to_string_lossy();
        let mut cut = room;
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        fitted.push(&name[..cut]);
    }
    fitted.push(suffix);
    path.with_file_name(fitted)
}

/// The file a save really writes: a symlink's target (so the link stays a link and its target
/// gets the new content), else the path itself.
pub(super) fn write_target(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Writes `contents` to `path` atomically; the file that was there is kept as a backup, its
/// permissions are kept, and a symlink is written through to its target.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_inner(path, contents, true)
}

/// As [`write_atomic`], without the backup: for files another program owns and keeps its own
/// history of (git's merge driver writes the result over git's temporary file).
pub fn replace_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_inner(path, contents, false)
}

/// How far a written file must have reached before it replaces the old one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Flushed to the disk: a crash right after the rename finds the new file whole.
    Disk,
    /// Handed to the system only. For files another program reads back at once and keeps
    /// itself (git's temporary merge file): a crash loses the merge, which git redoes, never
    /// work; and flushing 300 MB would take a second of the merge's five.
    Handed,
}

/// As [`replace_atomic`], the contents written by `write` straight into the temporary file,
/// so that a large file is never built whole in memory first.
pub fn replace_atomic_with(
    path: &Path,
    durability: Durability,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    write_atomic_with(path, false, |tmp| write_temp_with(tmp, durability, write))
}

fn write_atomic_inner(path: &Path, contents: &[u8], keep_backup: bool) -> io::Result<()> {
    write_atomic_with(path, keep_backup, |path| write_temp(path, contents))
}

fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    write_temp: impl FnOnce(&Path) -> io::Result<PathBuf>,
) -> io::Result<()> {
    let path = &write_target(path);
    prepare_dir(path)?;
    let tmp = write_temp(path)?;
    let result = (|| {
        if let Ok(meta) = fs::metadata(path) {
            keep_owner(&tmp, &meta);
            // The new file takes the old one's permissions: a private file stays private.
            // After the owner: changing it may clear the set-id bits.
            fs::set_permissions(&tmp, meta.permissions())?;
            // Copy, not rename: the target must exist at every instant. The copy goes through
            // a temporary name too, so a crash mid-copy never leaves a half backup.
            if keep_backup {
                backup(path)?;
            }
        }
        fs::rename(&tmp, path)?;
        sync_dir(path);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Gives the new file the old one's owner and group, as far as this writer may: a teammate's
/// save in a shared folder must not take the file away from the group that shares it. Only
/// the superuser may give a file away; any user may give it a group they belong to. Best
/// effort: when neither is allowed the file is still written, as the writer's own.
#[cfg(unix)]
fn keep_owner(tmp: &Path, old: &fs::Metadata) {
    use std::os::unix::fs::{MetadataExt, chown};
    if chown(tmp, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = chown(tmp, None, Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_tmp: &Path, _old: &fs::Metadata) {}

/// Writes `contents` to `path` only if no file is there, checked at the moment the file
/// appears (a hard link of the finished temporary file, which fails if the name is taken), so
/// two writers racing for one name cannot both succeed. Fails with `AlreadyExists` otherwise.
pub fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    prepare_dir(path)?;
    let tmp = write_temp(path, contents)?;
    let linked = match fs::hard_link(&tmp, path) {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists && !path.exists() => {
            // A file system without hard links: create-new still refuses an existing file,
            // though a crash mid-copy may then leave a partial file.
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .and_then(|mut f| {
                    f.write_all(contents)?;
                    f.sync_all()
                })
        }
        other => other,
    };
    let _ = fs::remove_file(&tmp);
    linked?;
    sync_dir(path);
    Ok(())
}

fn prepare_dir(path: &Path) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    remove_stale_temps(path);
    Ok(())
}

/// The complete new content under a temporary name beside `path`, flushed to disk; nothing
/// of it is left behind if writing fails (a full disk, a file-size limit).
fn write_temp(path: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    write_temp_with(path, Durability::Disk, |file| file.write_all(contents))
}

/// As [`write_temp`], the content written by `write` through a buffer.
fn write_temp_with(
    path: &Path,
    durability: Durability,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let tmp = temp_path(path);
    let written = File::create(&tmp).and_then(|file| {
        let mut buffered = io::BufWriter::with_capacity(1 << 20, file);
        write(&mut buffered)?;
        let file = buffered
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        match durability {
            Durability::Disk => file.sync_all(),
            Durability::Handed => Ok(()),
        }
    });
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Copies `path` to its backup through a temporary name; on failure the temporary copy is
/// removed and the message names the backup.
fn backup(path: &Path) -> io::Result<()> {
    let bak = backup_path(path);
    let bak_tmp = backup_temp_path(path);
    let copied = fs::copy(path, &bak_tmp).and_then(|_| {
        // The previous version stays the group's to read, as the file itself does (the copy
        // already has its mode; re-applied after the owner, which may clear set-id bits).
        let meta = fs::metadata(path)?;
        keep_owner(&bak_tmp, &meta);
        fs::set_permissions(&bak_tmp, meta.permissions())?;
        fs::rename(&bak_tmp, &bak)
    });
    copied.map_err(|e| {
        let _ = fs::remove_file(&bak_tmp);
        io::Error::new(
            e.kind(),
            format!(
                "could not write the backup {}: {e}; {} was not changed",
                bak.display(),
                path.display()
            ),
        )
    })
}

/// Removes `NAME.PID.tmp` (and `NAME.bak.PID.tmp`) files beside `path` left by writers that
/// were killed: their process is gone. Files of running processes are left alone.
fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy();
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(rest) = file_name
            .strip_prefix(&*name)
            .and_then(|r| r.strip_prefix(".bak").or(Some(r)))
            .and_then(|r| r.strip_prefix('.'))
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        if let Ok(pid) = rest.parse::<u32>()
            && pid != std::process::id()
            && !process_alive(pid)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a process with this id runs (on systems that cannot tell, it is assumed to).
pub fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Makes the rename durable; best effort, as not every platform can open a directory.
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_a_name_of_250_bytes_is_saved_in_place_twice() {
        let dir = tempfile::tempdir().unwrap();
        // Two-byte letters, so the cut must fall between characters.
        let name = format!("{}.ron", "é".repeat(123));
        assert_eq!(name.len(), 250);
        let path = dir.path().join(&name);
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let backup = backup_path(&path);
        assert!(backup.file_name().unwrap().len() <= MAX_NAME_BYTES);
        assert_eq!(fs::read(&backup).unwrap(), b"one");
        let lock = super::super::lock_path(&path);
        assert!(lock.file_name().unwrap().len() <= MAX_NAME_BYTES);
        assert!(super::super::FileLock::acquire(&path).is_ok());
    }

    #[test]
    fn replaces_the_file_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("d.ron");
        write_atomic(&path, b"one").unwrap();
        assert!(!backup_path(&path).exists());
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .collect();
        assert!(leftovers.is_empty());
    }

    /// A file a teammate saves keeps its owner, group and mode. Giving a file away takes the
    /// superuser, so the owner half runs only as root (as in CI containers).
    #[cfg(unix)]
    #[test]
    fn replacing_keeps_owner_group_and_mode() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt, chown};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        // SAFETY: geteuid has no preconditions.
        let root = unsafe { libc::geteuid() } == 0;
        let (uid, gid) = if root {
            (4321, 8765)
        } else {
            let meta = fs::metadata(&path).unwrap();
            (meta.uid(), meta.gid())
        };
        chown(&path, Some(uid), Some(gid)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!((meta.uid(), meta.gid()), (uid, gid));
        assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.ron");
        fs::write(&path, b"old").unwrap();
        // A directory where the temporary file should go makes creation fail.
        fs::create_dir(temp_path(&path)).unwrap();
        assert!(write_atomic(&path, b"new").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }
}
