//! Files of lines another program owns (git's `.gitattributes` and `info/exclude`): a line is
//! added once, the file read bounded and written atomically, and never through a link, since
//! a link in a checkout may point anywhere on the disk.

use std::io;
use std::path::Path;

use super::bounded::read_text_bounded;

/// More than any hand-kept list of patterns; a bigger file is not one of these.
const MAX_LINE_FILE_BYTES: u64 = 1 << 20;

/// Adds `line` to the file at `path` unless a line of it already says so (spaces around it
/// ignored); makes the file if there is none. Whether it wrote.
pub fn add_line_once(path: &Path, line: &str) -> io::Result<bool> {
    let existing = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it is a link, which is not followed",
            ));
        }
        Ok(_) => read_text_bounded(path, MAX_LINE_FILE_BYTES)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.message))?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    if existing.lines().any(|l| l.trim() == line) {
        return Ok(false);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    // No backup: the file is the other program's, which keeps its own history.
    super::replace_atomic(path, text.as_bytes())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_a_line_once_and_keeps_what_was_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("attributes");
        std::fs::write(&path, "*.txt text").unwrap();
        assert!(add_line_once(&path, "*.ron merge=x").unwrap());
        assert!(!add_line_once(&path, "*.ron merge=x").unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "*.txt text\n*.ron merge=x\n");
    }

    #[test]
    fn makes_the_file_when_there_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("info").join("exclude");
        assert!(add_line_once(&path, ".*.lock").unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), ".*.lock\n");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_link_and_leaves_its_target_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, "kept\n").unwrap();
        let link = dir.path().join(".gitattributes");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = add_line_once(&link, "*.ron merge=x").unwrap_err();
        assert!(err.to_string().contains("link"), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept\n");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("exclude");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(
            made.is_ok_and(|s| s.success()),
            "mkfifo (coreutils) makes the FIFO"
        );
        assert!(add_line_once(&fifo, ".*.lock").is_err());
    }
}
