//! The parallel parse of a large dataset file. A million claims take seconds to parse on one
//! core, and they are nine tenths of such a file: one linear scan finds the dataset's claims
//! list and cuts it at element boundaries, the pieces parse on every core while the rest of
//! the file (with the list emptied) parses too, and the results are stitched in file order.
//!
//! The fast path only ever gives what the serial parse gives. Anything it does not expect
//! (an error in any piece, comments in block form, raw strings, characters, deep nesting, a
//! key given twice) makes it step aside, and the caller parses the whole text serially, so
//! every error message and line number is the serial parse's own.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

use serde::de::DeserializeOwned;

use super::unknown_fields::from_str_with_ignored;
use crate::model::Claim;

/// Below this many bytes the serial parse is quick enough, and threads would only add work.
pub const THRESHOLD_BYTES: usize = 4 << 20;

/// The size of a piece of the claims list. Small enough that the cores share the work evenly
/// and each piece's copy (with its brackets) costs little memory; large enough that a million
/// claims make a few dozen pieces.
pub const CHUNK_BYTES: usize = 8 << 20;

/// Deeper nesting than this is left to the serial parse, which applies the recursion limit.
/// A dataset this program writes nests fewer than ten levels.
pub(super) const MAX_SCAN_DEPTH: usize = 12;

/// The bytes the scan stops at inside the claims list (see [`scan`]'s match).
const CLAIMS_MARKS: [bool; 256] = marks(b"\"()[]{},/#'");

/// A table of the bytes a scan stops at: `stops` marked, every other byte skipped.
pub(super) const fn marks(stops: &[u8]) -> [bool; 256] {
    let mut marks = [false; 256];
    let mut i = 0;
    while i < stops.len() {
        marks[stops[i] as usize] = true;
        i += 1;
    }
    marks
}

/// Where things stand in a dataset file's text, from [`scan`].
#[derive(Debug, PartialEq)]
struct FileLayout {
    /// The `[` and `]` of the dataset's claims list.
    open: usize,
    close: usize,
    /// How many pieces the list was cut into.
    pieces: usize,
    /// The keys of the file's top record and of its dataset record, with their offsets, to
    /// tell which ignored fields stand before the claims and which after.
    file_keys: Vec<(String, usize)>,
    dataset_keys: Vec<(String, usize)>,
}

/// What a file record parses into when its claims come from the pieces: the record type
/// gives access to its dataset's claims.
pub trait WithClaims {
    fn claims_mut(&mut self) -> &mut Vec<Claim>;
}

/// Parses `text` as `T` with its claims parsed in pieces on `threads` threads, giving the
/// value and the paths of ignored fields in document order, exactly as
/// [`from_str_with_ignored`] would; or `None` when the serial parse must decide.
///
/// The scan hands each piece over as soon as it has found its end, so the other threads parse
/// while this one still scans; then this one parses the rest of the file and joins in.
pub fn parse_split<T: DeserializeOwned + WithClaims>(
    text: &str,
    options: &ron::Options,
    chunk_bytes: usize,
    threads: usize,
) -> Option<(T, Vec<String>)> {
    type Piece = (usize, Vec<Claim>, Vec<String>);
    let (send, receive) = mpsc::channel::<(usize, &str)>();
    let receive = Mutex::new(receive);
    let parsed: Mutex<Vec<Piece>> = Mutex::new(Vec::new());
    let failed = AtomicBool::new(false);
    // Each thread takes the next piece until none is left or one has failed.
    let work = || {
        while !failed.load(Ordering::Relaxed) {
            let next = receive.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok((at, piece)) = next else { return };
            if let Some((claims, paths)) = super::fast_ron::items_with_ignored::<Claim>(piece) {
                parsed
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((at, claims, paths));
                continue;
            }
            let mut list = String::with_capacity(piece.len() + 2);
            list.push('[');
            list.push_str(piece);
            list.push(']');
            match from_str_with_ignored::<Vec<Claim>>(options, &list) {
                Ok((claims, paths)) => parsed
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((at, claims, paths)),
                Err(_) => failed.store(true, Ordering::Relaxed),
            }
        }
    };
    let (layout, rest) = std::thread::scope(|scope| {
        for _ in 1..threads.max(1) {
            scope.spawn(work);
        }
        let layout = scan(text, chunk_bytes, |at, piece| {
            // The receivers live until the scope ends; a failed send means one panicked.
            let _ = send.send((at, piece));
        });
        drop(send);
        let Some(layout) = layout else {
            failed.store(true, Ordering::Relaxed);
            return (None, None);
        };
        let mut rest = String::with_capacity(text.len() - (layout.close - layout.open) + 1);
        rest.push_str(&text[..=layout.open]);
        rest.push_str(&text[layout.close..]);
        let value = from_str_with_ignored::<T>(options, &rest);
        drop(rest);
        if value.is_err() {
            failed.store(true, Ordering::Relaxed);
        }
        work();
        (Some(layout), value.ok())
    });
    let (layout, (mut value, rest_paths)) = (layout?, rest?);
    let mut parsed = parsed.into_inner().ok()?;
    if failed.load(Ordering::Relaxed) || parsed.len() != layout.pieces {
        return None;
    }
    parsed.sort_unstable_by_key(|&(at, _, _)| at);
    let total: usize = parsed.iter().map(|(_, claims, _)| claims.len()).sum();
    let mut pieces = parsed.into_iter();
    let (_, mut claims, first_paths) = pieces.next()?;
    // The first piece's list grows in place (a large block is remapped, not copied).
    claims.reserve_exact(total - claims.len());
    let mut claim_paths = Vec::new();
    let mut remap = |paths: Vec<String>, base: usize| -> Option<()> {
        for path in paths {
            // A piece's path starts with the claim's index in the piece: `3.nickname`.
            let (index, tail) = path.split_once('.').unwrap_or((&path, ""));
            let at = base + index.parse::<usize>().ok()?;
            claim_paths.push(if tail.is_empty() {
                format!("dataset.claims.{at}")
            } else {
                format!("dataset.claims.{at}.{tail}")
            });
        }
        Some(())
    };
    remap(first_paths, 0)?;
    for (_, piece, paths) in pieces {
        remap(paths, claims.len())?;
        claims.extend(piece);
    }
    *value.claims_mut() = claims;
    let paths = in_document_order(&layout, rest_paths, claim_paths)?;
    Some((value, paths))
}

/// `bytes` as UTF-8 text, checked in two halves at once when large; the error is the offset of
/// the first bad byte, as [`std::str::from_utf8`] gives it.
pub fn utf8_text(bytes: &[u8]) -> Result<&str, usize> {
    let whole = |bytes| std::str::from_utf8(bytes).map_err(|e| e.valid_up_to());
    if bytes.len() < THRESHOLD_BYTES {
        return whole(bytes);
    }
    // Cut where a character begins, so that no character is split between the halves: both
    // halves valid means the whole is valid, and the first bad byte is in the first half that
    // has one.
    let mut mid = bytes.len() / 2;
    while mid < bytes.len() && bytes[mid] & 0xC0 == 0x80 {
        mid += 1;
    }
    let (head, tail) = bytes.split_at(mid);
    let (head_ok, tail_ok) = std::thread::scope(|scope| {
        let tail_ok = scope.spawn(|| std::str::from_utf8(tail).map_err(|e| e.valid_up_to()));
        let head_ok = std::str::from_utf8(head).map_err(|e| e.valid_up_to());
        (head_ok, tail_ok.join())
    });
    head_ok?;
    match tail_ok {
        // SAFETY: both halves are valid UTF-8, and two valid UTF-8 texts one after the other
        // are valid UTF-8 (a character never spans them: each half ends on a whole one).
        Ok(Ok(_)) => Ok(unsafe { std::str::from_utf8_unchecked(bytes) }),
        Ok(Err(at)) => Err(mid + at),
        Err(_) => whole(bytes),
    }
}

/// The ignored paths of the rest of the file and of the claims, in the order a serial parse
/// reports them: the rest's paths that stand before the claims list, the claims' paths, then
/// the rest's others. Where a path stands is where its first key stands.
fn in_document_order(
    layout: &FileLayout,
    rest: Vec<String>,
    claims: Vec<String>,
) -> Option<Vec<String>> {
    if rest.is_empty() {
        return Some(claims);
    }
    let offset_of = |keys: &[(String, usize)], key: &str| {
        keys.iter().find(|(k, _)| k == key).map(|&(_, at)| at)
    };
    let dataset_at = offset_of(&layout.file_keys, "dataset")?;
    let mut before = Vec::new();
    let mut after = Vec::new();
    for path in rest {
        let (head, tail) = path.split_once('.').unwrap_or((&path, ""));
        let at = if head == "dataset" {
            let key = tail.split('.').next().unwrap_or(tail);
            offset_of(&layout.dataset_keys, key)?
        } else {
            let at = offset_of(&layout.file_keys, head)?;
            if at == dataset_at {
                return None;
            }
            at
        };
        if at < layout.open {
            &mut before
        } else {
            &mut after
        }
        .push(path);
    }
    before.extend(claims);
    before.extend(after);
    Some(before)
}

/// Finds the dataset's claims list and cuts it into pieces of about `chunk_bytes`, at commas
/// between claims, in one pass that knows strings, escapes, line comments and nesting; `None`
/// for anything else it meets. Each piece (the text between the cuts, without brackets) goes
/// to `piece` with its number as soon as its end is found.
fn scan<'t>(
    text: &'t str,
    chunk_bytes: usize,
    mut piece: impl FnMut(usize, &'t str),
) -> Option<FileLayout> {
    let bytes = text.as_bytes();
    // The file must start with its record: no attributes (`#![enable(..)]`) that would change
    // how the pieces parse.
    let start = skip_space_and_line_comments(bytes, 0)?;
    if bytes.get(start) != Some(&b'(') {
        return None;
    }
    let mut depth = 0usize;
    let mut file_keys: Vec<(String, usize)> = Vec::new();
    let mut dataset_keys: Vec<(String, usize)> = Vec::new();
    // The depth-1 key whose value comes next, and whether the dataset record is open.
    let mut pending_dataset = false;
    let mut in_dataset = false;
    let mut claims: Option<(usize, Option<usize>)> = None;
    let mut in_claims = false;
    let mut pieces = 0usize;
    let mut last_cut = 0usize;
    let mut i = start;
    while i < bytes.len() {
        if in_claims {
            // Inside the claims list no name matters: only what opens or closes a string, a
            // bracket or a comment, and the commas that separate claims.
            match bytes[i..]
                .iter()
                .position(|&b| CLAIMS_MARKS[usize::from(b)])
            {
                Some(n) => i += n,
                None => break,
            }
        }
        let b = bytes[i];
        match b {
            b'"' => {
                i = past_string(bytes, i)?;
                continue;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_SCAN_DEPTH {
                    return None;
                }
                if depth == 2 && pending_dataset {
                    pending_dataset = false;
                    in_dataset = b == b'(';
                }
            }
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return None;
                }
                if in_claims && depth == 3 {
                    in_claims = false;
                    claims = Some((claims?.0, Some(i)));
                    piece(pieces, &text[last_cut..i]);
                    pieces += 1;
                }
                depth -= 1;
                if depth < 2 {
                    in_dataset = false;
                }
            }
            b',' if in_claims && depth == 3 && i + 1 - last_cut >= chunk_bytes => {
                piece(pieces, &text[last_cut..=i]);
                pieces += 1;
                last_cut = i + 1;
            }
            b'/' => {
                if bytes.get(i + 1) != Some(&b'/') {
                    return None; // A block comment (or a stray slash): let the parser decide.
                }
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'#' | b'\'' => return None,
            _ if (depth == 1 || (depth == 2 && in_dataset))
                && (b.is_ascii_alphabetic() || b == b'_')
                && (i == 0 || !is_ident(bytes[i - 1])) =>
            {
                let end = i + bytes[i..].iter().take_while(|&&c| is_ident(c)).count();
                let colon = skip_space_and_line_comments(bytes, end)?;
                if bytes.get(colon) == Some(&b':') {
                    let key = &text[i..end];
                    let keys = if depth == 1 {
                        &mut file_keys
                    } else {
                        &mut dataset_keys
                    };
                    if keys.iter().any(|(k, _)| k == key) {
                        return None; // Given twice: the parser names the error.
                    }
                    keys.push((key.to_string(), i));
                    if depth == 1 && key == "dataset" {
                        pending_dataset = true;
                    }
                    if depth == 2 && key == "claims" {
                        let open = skip_space_and_line_comments(bytes, colon + 1)?;
                        if bytes.get(open) != Some(&b'[') {
                            return None;
                        }
                        depth += 1;
                        claims = Some((open, None));
                        in_claims = true;
                        last_cut = open + 1;
                        i = open + 1;
                        continue;
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let (open, close) = claims?;
    Some(FileLayout {
        open,
        close: close?,
        pieces,
        file_keys,
        dataset_keys,
    })
}

/// The offset past the string whose quote is at `at`; `None` for a raw or byte string
/// (`r"…"`, `b"…"`), which the parser reads.
pub(super) fn past_string(bytes: &[u8], at: usize) -> Option<usize> {
    if at > 0 && is_ident(bytes[at - 1]) {
        return None;
    }
    end_of_string(bytes, at + 1)
}

/// The offset just past the string whose body starts at `from`.
pub(super) fn end_of_string(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = from + memchr::memchr2(b'"', b'\\', &bytes[from..])?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        from = at + 2;
        if from > bytes.len() {
            return None;
        }
    }
}

/// The first offset from `at` that is neither white space nor in a line comment.
pub(super) fn skip_space_and_line_comments(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b'/'), Some(b'/')) => {
                at += memchr::memchr(b'\n', &bytes[at..])?;
            }
            (Some(b'/'), Some(b'*')) => return None,
            _ => return Some(at),
        }
    }
}

/// A byte of an identifier. Bytes of non-ASCII characters count, so that a key is never
/// found inside a longer identifier spelled with them.
pub(super) fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::model::Dataset;
    use crate::model::data::generate::{Spec, generate};
    use crate::store::format::to_ron;
    use crate::store::unknown_fields::warnings;

    /// The file record, as the loader reads it.
    #[derive(Debug, PartialEq, Deserialize)]
    struct File {
        format: String,
        version: u32,
        dataset: Dataset,
    }

    impl WithClaims for File {
        fn claims_mut(&mut self) -> &mut Vec<Claim> {
            &mut self.dataset.claims
        }
    }

    fn options() -> ron::Options {
        ron::Options::default().with_recursion_limit(32)
    }

    fn generated(actors: usize) -> String {
        let mut d = generate(Spec {
            actors,
            claims_per_actor: 10,
            sources: 5,
            events: 20,
            seed: 11,
        });
        // Notes full of what the scan must not take for structure.
        d.claims[3].note = "a, ] ) ( [ \" // not a comment \\".into();
        d.claims[40].note = "\\\"],".into();
        to_ron(&d)
    }

    /// The parallel parse gives what the serial one gives, value and ignored paths alike, for
    /// every piece size and number of threads.
    fn assert_same(text: &str, chunk_bytes: usize, threads: usize) {
        let serial: (File, Vec<String>) = from_str_with_ignored(&options(), text).unwrap();
        let split = parse_split::<File>(text, &options(), chunk_bytes, threads)
            .expect("the parallel path takes this text");
        assert_eq!(split.0, serial.0);
        assert_eq!(split.1, serial.1);
        assert_eq!(
            warnings(text, &split.1, &[]),
            warnings(text, &serial.1, &[])
        );
    }

    #[test]
    fn a_generated_dataset_parses_the_same_in_pieces() {
        let text = generated(120);
        for (chunk, threads) in [(1, 2), (700, 3), (5000, 2), (usize::MAX, 2), (3000, 1)] {
            assert_same(&text, chunk, threads);
        }
        let (file, _) = parse_split::<File>(&text, &options(), 700, 2).unwrap();
        assert_eq!(file.dataset.claims.len(), 1200);
    }

    /// Inserts `field` after the `n`-th occurrence of `after`.
    fn insert_after(text: &str, after: &str, n: usize, field: &str) -> String {
        let (at, _) = text.match_indices(after).nth(n).unwrap();
        let at = at + after.len();
        format!("{}{field}{}", &text[..at], &text[at..])
    }

    /// Inserts `field` before the `n`-th claim's `fact`, ending its line (so that a `//`
    /// comment ends there).
    fn in_claim(text: &str, n: usize, field: &str) -> String {
        let (at, _) = text.match_indices(" fact: ").nth(n).unwrap();
        let at = at + 1;
        format!("{}{field}\n{}", &text[..at], &text[at..])
    }

    #[test]
    fn unknown_fields_are_reported_in_the_same_order_and_lines() {
        let mut text = generated(60);
        // Before and after the claims, at the top, in the dataset, in records, in claims.
        text = insert_after(&text, "version: 2,", 0, "\n    early: 1,");
        text = insert_after(&text, "body: (", 0, "\n        shade: \"x\",");
        text = insert_after(&text, "id: \"a0\",", 0, " nickname: 1,");
        text = insert_after(
            &text,
            "claims: [",
            0,
            "\n        // a comment ] ) with brackets\n",
        );
        text = in_claim(&text, 5, "weight: 3,");
        text = in_claim(&text, 400, "weight: [1, 2],");
        text = in_claim(&text, 401, "// a comment, with ( brackets [");
        let tail = text.trim_end().strip_suffix(')').unwrap().to_string();
        text = format!("{tail}    late: (a: 1),\n)\n");
        text = text.replacen("    dataset: (", "    dataset: (\n        sorted: true,", 1);
        let (_, paths) = from_str_with_ignored::<File>(&options(), &text).unwrap();
        assert!(paths.len() >= 6, "{paths:?}");
        assert!(
            paths.iter().any(|p| p.starts_with("dataset.claims.")),
            "{paths:?}"
        );
        for (chunk, threads) in [(1, 2), (2000, 3), (usize::MAX, 2)] {
            assert_same(&text, chunk, threads);
        }
    }

    #[test]
    fn errors_and_unusual_shapes_step_aside() {
        let text = generated(30);
        let broken = text.replacen("source: \"", "source: 5, x: \"", 30);
        assert!(parse_split::<File>(&broken, &options(), 500, 2).is_none());
        let broken = text.replacen("version: 2,", "version: \"2\",", 1);
        assert!(parse_split::<File>(&broken, &options(), 500, 2).is_none());
        let attributes = format!("#![enable(implicit_some)]\n{text}");
        assert!(parse_split::<File>(&attributes, &options(), 500, 2).is_none());
        let block = text.replacen("claims: [", "claims: [ /* ] */", 1);
        assert!(parse_split::<File>(&block, &options(), 500, 2).is_none());
        let twice = text.replacen("    dataset: (", "    dataset: (\n        claims: [],", 1);
        assert!(parse_split::<File>(&twice, &options(), 500, 2).is_none());
        let cut = &text[..text.len() / 2];
        assert!(parse_split::<File>(cut, &options(), 500, 2).is_none());
    }

    #[test]
    fn an_error_in_a_large_files_claims_gives_the_serial_message() {
        let text = generated(3000);
        assert!(text.len() > THRESHOLD_BYTES);
        let ok = crate::store::format::parse(&text, None).unwrap();
        assert_eq!(ok.dataset.claims.len(), 30_000);
        let (at, _) = text.match_indices("source: \"").nth(9000).unwrap();
        let after = &text[at + "source: ".len()..];
        let broken = format!("{}source: 5, x: {after}", &text[..at]);
        let line = text[..at].lines().count();
        let err = crate::store::format::parse(&broken, None).unwrap_err();
        assert_eq!(err.place.map(|(l, _)| l), Some(line), "{err}");
        // The same text that the scan refuses at once (a block comment on the first line)
        // gives the same message at the same place.
        let serial = crate::store::format::parse(&format!("/**/{broken}"), None).unwrap_err();
        assert_eq!(err.message, serial.message);
        assert_eq!(err.place, serial.place);
    }

    #[test]
    fn utf8_is_checked_in_halves_with_the_same_offsets() {
        let text = "é".repeat(THRESHOLD_BYTES);
        assert_eq!(utf8_text(text.as_bytes()), Ok(text.as_str()));
        for bad in [
            3,
            text.len() / 2 - 1,
            text.len() / 2,
            text.len() / 2 + 1,
            text.len() - 1,
        ] {
            let mut bytes = text.clone().into_bytes();
            bytes[bad] = 0xFF;
            let expected = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
            assert_eq!(utf8_text(&bytes), Err(expected), "bad byte at {bad}");
        }
        let cut = &text.as_bytes()[..text.len() - 1];
        assert_eq!(
            utf8_text(cut),
            Err(std::str::from_utf8(cut).unwrap_err().valid_up_to())
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        /// Any piece size, any thread count, an unknown field in any claim: the same result.
        #[test]
        fn any_cut_gives_the_serial_result(
            chunk in 1usize..4000,
            threads in 1usize..4,
            claim in 0usize..200,
        ) {
            let text = in_claim(&generated(20), claim, "extra: Some((1, \"]\")),");
            assert_same(&text, chunk, threads);
        }
    }
}
