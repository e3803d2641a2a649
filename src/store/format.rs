//! The file format: RON with the format name and version at the top.
//!
//! ```text
//! (
//!     format: "board-explorer",
//!     version: 2,
//!     dataset: ( body: (..), actors: [..], sources: [..], claims: [..], events: [..] ),
//! )
//! ```
//! Version 2 added what the one conflict rule reads: negative claims (`negated`), a source's
//! `reliability` and what it `relays`, outlets' default reliability, and approximate dates
//! ("~2026-01-19"). A version-1 file still opens: it is migrated on load ([`migrate`]) and
//! written as version 2 only when the user saves it.
//! Saving uses a fixed layout, a record a line (see [`layout`]), and the dataset's own order,
//! so two saves diff cleanly. Loading checks the version before anything else, then the syntax (errors
//! carry line and column), then the references (errors point at the offending record's id).

use std::path::Path;

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::bounded::check_parse_cost;
use super::error::LoadError;
use super::identity::{FileIdentity, read_identified};
use super::parallel::{CHUNK_BYTES, THRESHOLD_BYTES, WithClaims, parse_split, utf8_text};
use super::ron_out::pretty;
use super::unknown_fields::{from_str_with_ignored, keep, warnings};
use super::write_atomic;
use crate::model::Dataset;
use crate::model::rules::validate::{Problem, Severity, validate};
use crate::model::text::line_col;
use crate::model::text::quote_words::place_quotes;

pub const FORMAT: &str = "board-explorer";
/// The newest version this build reads and the one it writes.
pub const VERSION: u32 = 2;

/// The largest file the loader reads. A dataset of 100,000 actors and a million claims is
/// about 400 MB; beyond this, reading would risk exhausting memory, so it is refused first.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// How deep lists and records may nest. A dataset needs fewer than ten levels; the limit stops
/// a hostile file from exhausting the stack.
pub(super) const MAX_NESTING: usize = 32;

/// The dataset the app opens on: the Board of Peace as reported in January 2026.
const EMBEDDED: &str = include_str!("../../assets/board_of_peace.ron");

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    dataset: &'a Dataset,
}

#[derive(Deserialize, Debug, PartialEq)]
pub(super) struct FileIn {
    format: String,
    version: u32,
    pub(super) dataset: Dataset,
}

impl WithClaims for FileIn {
    fn claims_mut(&mut self) -> &mut Vec<crate::model::Claim> {
        &mut self.dataset.claims
    }
}

/// A dataset that loaded, with what is worth telling the user about it.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub warnings: Vec<Problem>,
    /// The format version the file was written in (older ones were migrated on load).
    pub version: u32,
}

/// Parses a dataset file's text. `path` only serves the error messages.
pub fn parse(text: &str, path: Option<&Path>) -> Result<Loaded, LoadError> {
    let with_path = |e: LoadError| match path {
        Some(p) => e.in_file(p),
        None => e,
    };
    check_header(text).map_err(with_path)?;
    let (mut file, unknown) = parse_syntax(text).map_err(with_path)?;
    let kept = keep(text, &unknown, &mut file.dataset);
    let unknown = warnings(text, &unknown, &kept);
    if file.format != FORMAT {
        return Err(with_path(LoadError::new(format!(
            "this is not a board-explorer dataset (its format is \"{}\")",
            file.format
        ))));
    }
    // The header scan catches newer files whose syntax changed; this catches any it missed.
    if file.version > VERSION {
        return Err(with_path(newer_version(file.version as u64)));
    }
    let mut dataset = migrate(file.version, file.dataset);
    if file.version <= 1 {
        // Version 1 could name the main body on a claim; the model now leaves it empty.
        crate::model::data::body::migrate_v1(&mut dataset);
    }
    // Quotes given by their words are placed before the check, which then sees positions.
    let placed = place_quotes(&mut dataset);
    let problems = validate(&dataset);
    let (errors, mut warnings): (Vec<Problem>, Vec<Problem>) = problems
        .into_iter()
        .partition(|p| p.severity == Severity::Error);
    warnings.extend(placed);
    warnings.extend(unknown);
    if let Some(first) = errors.first() {
        let mut err = LoadError::new(format!(
            "{} ({} problem{} in all)",
            first.message,
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        ))
        .at(first.id.as_deref().and_then(|id| place_of_id(text, id)));
        err.more = errors[1..]
            .iter()
            .take(20)
            .map(
                |p| match p.id.as_deref().and_then(|id| place_of_id(text, id)) {
                    Some((line, col)) => format!("{line}:{col}: {}", p.message),
                    None => p.message.clone(),
                },
            )
            .collect();
        return Err(with_path(err));
    }
    Ok(Loaded {
        dataset,
        warnings,
        version: file.version,
    })
}

/// The file record of `text` and the paths of the fields it ignored. A large file parses on
/// every core ([`parse_split`]); when that path steps aside (on any error, or a shape it does
/// not expect), the one-thread parse gives the answer and its error messages.
fn parse_syntax(text: &str) -> Result<(FileIn, Vec<String>), LoadError> {
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    if text.len() >= THRESHOLD_BYTES {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if threads > 1
            && let Some(parsed) = parse_split::<FileIn>(text, &options, CHUNK_BYTES, threads)
        {
            return Ok(parsed);
        }
    }
    from_str_with_ignored(&options, text).map_err(|e| syntax_error(&e, text))
}

/// Brings a dataset read from an older format version up to this one, in memory only.
/// Version 1 knew no negative claims, reliability, relays or approximate dates: its records
/// read as positive claims from sources of normal reliability (every new field defaults so),
/// which is what they meant, so the migration has nothing to rewrite. A future version that
/// renames or reshapes a field converts it here, by the version it came from.
pub fn migrate(from: u32, mut dataset: Dataset) -> Dataset {
    debug_assert!(from <= VERSION, "newer versions are refused before this");
    // 1 → 2: the same shape; the new fields default to what version 1 meant.
    // Any version: "invited: yes" is said as the status "invited" now (one meaning per fact).
    crate::model::data::one_meaning::one_meaning_per_fact(&mut dataset);
    dataset
}

/// The version is read on its own first, so that a file from a newer version is refused with
/// that reason rather than with whatever syntax it added.
fn check_header(text: &str) -> Result<(), LoadError> {
    let head: String = text.chars().take(4096).collect();
    let Some(at) = head.find("version") else {
        return Err(LoadError::new(
            "no format version found near the top: this is not a board-explorer dataset, or it is damaged",
        ));
    };
    let after = head[at + "version".len()..].trim_start();
    let Some(after) = after.strip_prefix(':') else {
        return Ok(()); // Let the parser name the syntax error.
    };
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    match digits.parse::<u64>() {
        Ok(v) if v > VERSION as u64 => Err(newer_version(v).at(Some(line_col(text, at)))),
        Ok(0) => {
            Err(LoadError::new("format version 0 does not exist").at(Some(line_col(text, at))))
        }
        _ => Ok(()),
    }
}

fn newer_version(v: u64) -> LoadError {
    LoadError::new(format!(
        "this file was written by a newer board-explorer (format version {v}; this one reads up \
         to version {VERSION}). Update board-explorer to open it; the file was not changed."
    ))
}

fn syntax_error(e: &ron::error::SpannedError, text: &str) -> LoadError {
    // An error on the last line of an unfinished file is most likely a cut-off file.
    let last_line = text.trim_end().lines().count();
    let unfinished = !text.trim_end().ends_with(')');
    let message = match &e.code {
        ron::Error::Eof => "the file ends too early (it may be truncated)".to_string(),
        ron::Error::ExceededRecursionLimit => format!(
            "lists or records are nested too deeply (more than {MAX_NESTING} levels): this is not a dataset this program wrote"
        ),
        other if unfinished && e.span.start.line >= last_line => {
            format!("the file ends too early (it may be truncated): {other}")
        }
        other => other.to_string(),
    };
    LoadError::new(message).at(Some((e.span.start.line, e.span.start.col)))
}

/// Where a record's `id: "…"` stands in the file, to point an error at it.
fn place_of_id(text: &str, id: &str) -> Option<(usize, usize)> {
    let needle = format!("id: {}", ron::to_string(id).ok()?);
    text.find(&needle).map(|at| line_col(text, at))
}

/// How deep a file is laid out over lines: the file, its dataset and their lists. Each
/// record of a list (an actor, a claim with its quote) stands on one line of its own, so a
/// line is a record in `git diff` and in git's own line merge, and a file of a million claims
/// is half the bytes it would be with a line per field: half the bytes for git to compress,
/// hash and write at every commit and merge, and for every load to read.
const LINES_DEPTH: usize = 3;

/// How every file holding a dataset is laid out: datasets, snapshots and the recovery file.
pub(super) fn layout() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .depth_limit(LINES_DEPTH)
        .struct_names(false)
        .extensions(Extensions::empty())
}

/// The file text for a dataset.
pub fn to_ron(dataset: &Dataset) -> String {
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        dataset,
    };
    pretty(&file, layout())
}

/// Loads a dataset file through the bounded reader (without the identity of its bytes, whose
/// hash a merge of three large files need not spend time on).
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    parse_bytes(
        &super::bounded::read_bounded(path, MAX_FILE_BYTES)?,
        Some(path),
    )
}

/// Loads a dataset file through the bounded reader, with the identity of the bytes read, so
/// a later save can tell whether someone else changed the file in between.
pub fn load_file_identified(path: &Path) -> Result<(Loaded, FileIdentity), LoadError> {
    read_identified(path, MAX_FILE_BYTES, |bytes| parse_bytes(bytes, Some(path)))
}

/// Parses a dataset file's bytes, which must be UTF-8 text (a byte-order mark is accepted).
/// `path` only serves the messages.
pub fn parse_bytes(bytes: &[u8], path: Option<&Path>) -> Result<Loaded, LoadError> {
    let with_path = |err: LoadError| match path {
        Some(p) => err.in_file(p),
        None => err,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = utf8_text(bytes).map_err(|at| {
        with_path(LoadError::new(format!(
            "the file is not UTF-8 text (bad byte at offset {at}); is it a dataset?"
        )))
    })?;
    check_parse_cost(text).map_err(with_path)?;
    parse(text, path)
}

/// Saves atomically, keeping the previous file as `name.ron.bak`.
pub fn save_file(path: &Path, dataset: &Dataset) -> std::io::Result<()> {
    save_file_identified(path, dataset).map(|_| ())
}

/// Saves as [`save_file`] and gives the identity of what was written.
pub fn save_file_identified(path: &Path, dataset: &Dataset) -> std::io::Result<FileIdentity> {
    let text = to_ron(dataset);
    write_atomic(path, text.as_bytes())?;
    FileIdentity::of_written(path, text.as_bytes())
}

/// The embedded Board of Peace dataset. It is checked by the test suite, so failing here is a
/// build defect, not a user error.
pub fn embedded() -> Dataset {
    parse(EMBEDDED, None)
        .unwrap_or_else(|e| panic!("the embedded dataset is invalid: {e}"))
        .dataset
}
