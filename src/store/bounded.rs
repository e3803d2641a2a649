//! The one way this program reads a file: regular files only, never more than a limit whatever
//! the file's metadata claims, and a cheap look at a dataset's text before it is parsed so that
//! a file of millions of tiny records is refused with a message instead of exhausting memory.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;

use super::error::LoadError;

/// Opens `path` for reading if it is a regular file. A FIFO, a device or a directory is refused
/// before anything is read from it: reading `/dev/zero` never ends, and opening a FIFO waits for
/// a writer that may never come (the open is non-blocking for that reason, and the file's type
/// is checked again on the handle, in case the path changed in between).
pub fn open_regular(path: &Path) -> Result<(File, std::fs::Metadata), LoadError> {
    let cannot = |e: std::io::Error| LoadError::new(format!("cannot read the file: {e}"));
    let meta = std::fs::metadata(path).map_err(cannot)?;
    refuse_special(&meta)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    refuse_special(&meta)?;
    Ok((file, meta))
}

fn refuse_special(meta: &std::fs::Metadata) -> Result<(), LoadError> {
    if meta.is_file() {
        return Ok(());
    }
    let what = if meta.is_dir() {
        "a folder"
    } else {
        special_kind(meta)
    };
    Err(LoadError::new(format!(
        "this is {what}, not a regular file: only regular files are read"
    )))
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::Metadata) -> &'static str {
    "a special file"
}

/// A regular file's bytes, at most `limit` of them: the read itself stops one byte past the
/// limit, so a file that lies about its size or grows while read cannot exhaust memory.
/// Errors carry the path.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    read_bounded_inner(path, limit).map_err(|e| e.in_file(path))
}

fn read_bounded_inner(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let (file, meta) = open_regular(path)?;
    let too_large = |size: u64| {
        LoadError::new(format!(
            "the file is too large to open: it is larger than {} MB ({} MB)",
            limit >> 20,
            size.div_ceil(1 << 20)
        ))
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    #[cfg(unix)]
    if let Some(bytes) = read_in_halves(&file, meta.len()) {
        return Ok(bytes);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::new(format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A large file read in two halves at once (copying 300 MB out of the page cache, and
/// touching the memory it goes to, takes a core a sixth of a second); `None` when the file is
/// small, or was not exactly `len` bytes long as it was read (it is then read the slow way,
/// which tells).
#[cfg(unix)]
fn read_in_halves(file: &File, len: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    if len < PARALLEL_COUNT_BYTES as u64 {
        return None;
    }
    let len_bytes = usize::try_from(len).ok()?;
    let mut bytes = vec![0u8; len_bytes];
    let (head, tail) = bytes.split_at_mut(len_bytes / 2);
    let tail_at = head.len() as u64;
    let read = std::thread::scope(|scope| {
        let tail_read = scope.spawn(|| file.read_exact_at(tail, tail_at));
        let head_read = file.read_exact_at(head, 0);
        head_read.is_ok() && tail_read.join().is_ok_and(|r| r.is_ok())
    });
    // Nothing past the end: a file that grew meanwhile is read again, bounded.
    let ended = file.read_at(&mut [0u8], len).is_ok_and(|n| n == 0);
    (read && ended).then_some(bytes)
}

/// A regular file's text: bounded as [`read_bounded`], UTF-8, a leading byte-order mark dropped.
pub fn read_text_bounded(path: &Path, limit: u64) -> Result<String, LoadError> {
    let bytes = read_bounded(path, limit)?;
    text_of(bytes).map_err(|e| e.in_file(path))
}

/// Bytes as UTF-8 text, without a leading byte-order mark (editors on Windows add one).
pub fn text_of(mut bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        LoadError::new(format!(
            "the file is not UTF-8 text (bad byte at offset {}); is it a dataset?",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Bytes of memory a parsed value costs beyond its text, at most: a record (an opening
/// parenthesis) becomes a struct of several strings and lists, an item (a comma or an opening
/// bracket) a string or an entry of a list.
const RECORD_COST: u64 = 160;
const ITEM_COST: u64 = 24;
/// Parsed data may take this many times the text's size before the load is refused. A dataset
/// this program writes has a record a line; its densest lines, claims of bare ids
/// (`(id: "c1", subject: Actor("a1"), fact: Status(Signed), source: "s1", rank: Normal),`), are
/// estimated at about seven times their length (the estimate is an upper bound).
const MEMORY_FACTOR: u64 = 8;
/// Below this, any text is parsed: the estimate is only an upper bound, and small files are
/// cheap whatever their shape.
const MEMORY_FLOOR: u64 = 64 << 20;

/// Refuses text whose parse would take more than [`MEMORY_FACTOR`] times its size, by counting
/// records and list items outside strings in one pass, before the parser allocates anything.
/// A dataset this program writes stays below (see [`MEMORY_FACTOR`]).
pub fn check_parse_cost(text: &str) -> Result<(), LoadError> {
    let allowed = (text.len() as u64 * MEMORY_FACTOR).max(MEMORY_FLOOR);
    // First without telling strings apart, which counts too many and vectorises: when even
    // that fits (any dataset this program writes), the exact count is not needed.
    // A large text is counted in two halves at once.
    let (records, items) = if text.len() >= PARALLEL_COUNT_BYTES {
        let (head, tail) = text.as_bytes().split_at(text.len() / 2);
        let ((r1, i1), counted) = std::thread::scope(|scope| {
            let counted = scope.spawn(|| quick_count(tail));
            (quick_count(head), counted.join())
        });
        let (r2, i2) = counted.unwrap_or_else(|_| quick_count(tail));
        (r1 + r2, i1 + i2)
    } else {
        quick_count(text.as_bytes())
    };
    if text.len() as u64 + records * RECORD_COST + items * ITEM_COST <= allowed {
        return Ok(());
    }
    let (mut records, mut items) = (0u64, 0u64);
    let mut in_string = false;
    let mut escaped = false;
    for &b in text.as_bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'(' => records += 1,
            b',' | b'[' => items += 1,
            _ => {}
        }
    }
    let estimate = text.len() as u64 + records * RECORD_COST + items * ITEM_COST;
    if estimate > allowed {
        return Err(LoadError::new(format!(
            "the file holds too many tiny records and list items to load safely ({records} \
             records, {items} items in {} MB would take about {} MB of memory): this is not a \
             dataset this program wrote",
            (text.len() as u64).div_ceil(1 << 20),
            estimate >> 20
        )));
    }
    Ok(())
}

/// Texts from this size on are counted on two threads.
const PARALLEL_COUNT_BYTES: usize = 4 << 20;

/// Opening parentheses, and commas and opening brackets, strings or not. Counted in blocks
/// of 255 bytes into byte-wide counters, which the compiler turns into vector compares (a
/// count a byte at a time into 64-bit counters takes four times as long).
fn quick_count(bytes: &[u8]) -> (u64, u64) {
    let (mut records, mut items) = (0u64, 0u64);
    for block in bytes.chunks(255) {
        let (mut r, mut i) = (0u8, 0u8);
        for &b in block {
            r += u8::from(b == b'(');
            i += u8::from(b == b',' || b == b'[');
        }
        records += u64::from(r);
        items += u64::from(i);
    }
    (records, items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_and_refuses_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!(read_text_bounded(&path, 100).unwrap(), "hello");
        let err = read_bounded(&path, 4).unwrap_err();
        assert!(err.message.contains("too large"), "{err}");
        let err = read_bounded(dir.path(), 100).unwrap_err();
        assert!(err.message.contains("folder"), "{err}");
    }

    #[test]
    fn a_large_file_read_in_halves_is_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("large.bin");
        // An odd length, and bytes that differ by place, so that a swapped or shifted half shows.
        let bytes: Vec<u8> = (0..(PARALLEL_COUNT_BYTES + 4097))
            .map(|i| (i % 251) as u8)
            .collect();
        std::fs::write(&path, &bytes).unwrap();
        assert!(read_bounded(&path, bytes.len() as u64).unwrap() == bytes);
        let err = read_bounded(&path, bytes.len() as u64 - 1).unwrap_err();
        assert!(err.message.contains("too large"), "{err}");
    }

    #[test]
    fn tiny_records_cost_too_much() {
        let tiny = "(a:[".to_string() + &"\"\",".repeat(30 << 20) + "])";
        assert!(
            check_parse_cost(&tiny)
                .unwrap_err()
                .message
                .contains("too many")
        );
        assert!(check_parse_cost("(a: \"(,,,,,\")").is_ok());
        // Brackets and commas inside strings do not count: a large text of them passes.
        let quoted = "(a:\"".to_string() + &"(,".repeat(30 << 20) + "\")";
        assert!(check_parse_cost(&quoted).is_ok());
    }

    /// The densest lines this program writes, claims of bare ids a line each (no quote, day
    /// or note), pass the guard however many there are.
    #[test]
    fn a_file_of_bare_claims_as_written_is_not_refused() {
        use crate::model::data::generate::{Spec, generate};
        let mut d = generate(Spec {
            actors: 2,
            claims_per_actor: 2,
            sources: 1,
            events: 0,
            seed: 1,
        });
        for claim in &mut d.claims {
            (claim.quote, claim.as_of, claim.note) = (None, None, String::new());
        }
        let text = crate::store::format::to_ron(&d);
        let line = text
            .lines()
            .find(|l| l.contains("fact: "))
            .expect("a claim's line");
        assert!(
            line.trim_start().starts_with("(id: "),
            "a claim a line: {line}"
        );
        let copies = (MEMORY_FLOOR as usize).div_ceil(line.len()) + 1;
        let dense = format!("(a: [\n{}])", format!("{line}\n").repeat(copies));
        assert!(dense.len() as u64 > MEMORY_FLOOR);
        if let Err(e) = check_parse_cost(&dense) {
            panic!("{e}");
        }
    }
}
