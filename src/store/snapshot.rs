//! Snapshots: the dataset frozen with the as-of date it was viewed at, when it was taken and a
//! note, as RON in `saves/`, named for its date and note. Opened read-only, compared with other
//! snapshots or the working file, or restored as a new working file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::atomic::write_new;
use super::bounded::{check_parse_cost, open_regular, read_bounded, read_text_bounded, text_of};
use super::error::{LoadError, SaveError};
use super::format::{Loaded, MAX_FILE_BYTES, parse_bytes};
use super::unknown_fields::from_str_keeping;
use crate::model::Dataset;
use crate::model::rules::validate::{Problem, Severity, validate};

pub const SNAPSHOT_FORMAT: &str = "board-explorer-snapshot";
/// A snapshot holds a dataset as the dataset file does, so its version is the dataset
/// format's: version 2 snapshots may hold negative claims, reliability and approximate dates.
/// An older snapshot is migrated on load as an older dataset file is.
pub const SNAPSHOT_VERSION: u32 = super::format::VERSION;
/// As deep as a dataset file may nest (see `format`).
const MAX_NESTING: usize = 32;
/// Snapshot files end in this, so the list can tell them from working files.
pub const SNAPSHOT_SUFFIX: &str = ".snapshot.ron";

#[derive(Debug, Serialize, Deserialize)]
pub struct Snapshot {
    pub format: String,
    pub version: u32,
    /// Local time it was taken, "2026-11-24 14:03".
    pub taken: String,
    pub note: String,
    /// The day the roster was viewed as of; `None`: everything known.
    pub as_of: Option<NaiveDate>,
    pub dataset: Dataset,
}

/// What the snapshot list shows, read from the top of the file without parsing the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotInfo {
    pub path: PathBuf,
    pub taken: String,
    pub note: String,
    pub as_of: Option<NaiveDate>,
}

pub fn snapshot_text(
    dataset: &Dataset,
    as_of: Option<NaiveDate>,
    note: &str,
    taken: &str,
) -> String {
    #[derive(Serialize)]
    struct SnapshotFile<'a> {
        format: &'a str,
        version: u32,
        taken: &'a str,
        note: &'a str,
        as_of: Option<NaiveDate>,
        dataset: &'a Dataset,
    }
    let out = SnapshotFile {
        format: SNAPSHOT_FORMAT,
        version: SNAPSHOT_VERSION,
        taken,
        note,
        as_of,
        dataset,
    };
    super::ron_out::pretty(&out, super::format::layout())
}

/// "board-of-peace-2026-01-22-after-davos.snapshot.ron": the body, the day the snapshot views
/// ("latest" for everything known) and the note; never the clock, so that the name says what
/// the snapshot shows.
pub fn snapshot_file_name(body: &str, as_of: Option<NaiveDate>, note: &str) -> String {
    let slug = |text: &str, words| crate::model::text::slug(text, "-", words);
    let day = as_of.map_or_else(|| "latest".to_string(), |d| d.to_string());
    let parts = [slug(body, 4), day, slug(note, 8)];
    let stem: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    format!("{}{SNAPSHOT_SUFFIX}", stem.join("-"))
}

/// Writes a snapshot into `dir` (atomically) and returns its path. Refuses a dataset that would
/// not load again.
pub fn take_snapshot(
    dir: &Path,
    dataset: &Dataset,
    as_of: Option<NaiveDate>,
    note: &str,
) -> Result<PathBuf, SaveError> {
    SaveError::check(dataset)?;
    let now = chrono::Local::now().naive_local();
    let taken = now.format("%Y-%m-%d %H:%M").to_string();
    let text = snapshot_text(dataset, as_of, note, &taken);
    // Two snapshots of the same day and note get "-2", "-3"…: a name is taken at the moment
    // the file appears, so no snapshot ever replaces another.
    let name = snapshot_file_name(&dataset.body.name, as_of, note);
    let stem = name.strip_suffix(SNAPSHOT_SUFFIX).unwrap_or(&name);
    for n in 1..=1000 {
        let path = if n == 1 {
            dir.join(&name)
        } else {
            dir.join(format!("{stem}-{n}{SNAPSHOT_SUFFIX}"))
        };
        match write_new(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!("a thousand snapshots named {name} exist already"),
    )
    .into())
}

pub fn read_snapshot(path: &Path) -> Result<Snapshot, LoadError> {
    let text = read_text_bounded(path, MAX_FILE_BYTES)?;
    parse_snapshot(&text).map_err(|e| e.in_file(path))
}

pub fn parse_snapshot(text: &str) -> Result<Snapshot, LoadError> {
    check_parse_cost(text)?;
    // The version first: a newer snapshot may use syntax this build cannot read, and is
    // refused for being newer, not as damaged.
    if let Some(v) = head_version(text)
        && v > u64::from(SNAPSHOT_VERSION)
    {
        return Err(newer_snapshot(v));
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let mut snapshot: Snapshot =
        from_str_keeping(&options, text, |s: &mut Snapshot| &mut s.dataset).map_err(|e| {
            let what = match e.code {
                ron::Error::ExceededRecursionLimit => format!(
                    "lists or records are nested too deeply (more than {MAX_NESTING} levels)"
                ),
                other => other.to_string(),
            };
            LoadError::new(format!("the snapshot is damaged: {what}"))
                .at(Some((e.span.start.line, e.span.start.col)))
        })?;
    if snapshot.format != SNAPSHOT_FORMAT {
        return Err(LoadError::new(format!(
            "not a snapshot (its format is \"{}\")",
            snapshot.format
        )));
    }
    if snapshot.version > SNAPSHOT_VERSION {
        return Err(newer_snapshot(u64::from(snapshot.version)));
    }
    if snapshot.version == 0 {
        return Err(LoadError::new("snapshot version 0 does not exist"));
    }
    // Migrated in memory like a dataset file of its version; the file is left as it is.
    let dataset = std::mem::take(&mut snapshot.dataset);
    snapshot.dataset = super::format::migrate(snapshot.version, dataset);
    if snapshot.version <= 1 {
        crate::model::data::body::migrate_v1(&mut snapshot.dataset);
    }
    if let Some(p) = validate(&snapshot.dataset)
        .into_iter()
        .find(|p| p.severity == Severity::Error)
    {
        return Err(LoadError::new(format!(
            "the snapshot's dataset is invalid: {p}"
        )));
    }
    Ok(snapshot)
}

fn newer_snapshot(v: u64) -> LoadError {
    LoadError::new(format!(
        "this snapshot was written by a newer board-explorer (version {v}; this one reads up to \
         version {SNAPSHOT_VERSION}); update to open it"
    ))
}

/// The number after the first `version:` near the top of the text, if there is one.
fn head_version(text: &str) -> Option<u64> {
    let head: String = text.chars().take(4096).collect();
    let at = head.find("version")?;
    let after = head[at + "version".len()..]
        .trim_start()
        .strip_prefix(':')?;
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(20)
        .collect();
    digits.parse().ok()
}

/// The snapshots in `dir`, newest first. Only the top of each file is read.
pub fn list_snapshots(dir: &Path) -> Vec<SnapshotInfo> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut list: Vec<SnapshotInfo> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(SNAPSHOT_SUFFIX))
        })
        .filter_map(|path| {
            let head = read_head(&path)?;
            let field = |name: &str| {
                head.lines().map(str::trim).find_map(|l| {
                    l.strip_prefix(name)?
                        .strip_prefix(':')
                        .map(|v| v.trim().trim_end_matches(',').to_string())
                })
            };
            let text = |name: &str| {
                field(name)
                    .and_then(|v| ron::from_str::<String>(&v).ok())
                    .unwrap_or_default()
            };
            let as_of = field("as_of")
                .and_then(|v| ron::from_str::<Option<NaiveDate>>(&v).ok())
                .flatten();
            Some(SnapshotInfo {
                taken: text("taken"),
                note: text("note"),
                as_of,
                path,
            })
        })
        .collect();
    list.sort_by(|a, b| b.taken.cmp(&a.taken).then_with(|| b.path.cmp(&a.path)));
    list
}

fn read_head(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut buf = vec![0; 4096];
    let (mut file, _) = open_regular(path).ok()?;
    let n = file.read(&mut buf).ok()?;
    buf.truncate(n);
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// A dataset or snapshot file as the commands that only read it see it.
#[derive(Debug)]
pub struct AnyFile {
    pub dataset: Dataset,
    /// The day a snapshot was viewed as of (`None` for a dataset file, or a snapshot of
    /// everything known).
    pub as_of: Option<NaiveDate>,
    /// A snapshot's note and when it was taken; `None` for a dataset file.
    pub snapshot: Option<(String, String)>,
    /// What is worth telling the user about the file (a dataset's unknown fields, placed quotes).
    pub warnings: Vec<Problem>,
}

/// Loads a dataset or a snapshot file, told apart by the format named at its top: the one
/// loader of every command that reads a file without writing it back.
pub fn load_any(path: &Path) -> Result<AnyFile, LoadError> {
    let bytes = read_bounded(path, MAX_FILE_BYTES)?;
    let head = &bytes[..bytes.len().min(200)];
    if head
        .windows(SNAPSHOT_FORMAT.len())
        .any(|w| w == SNAPSHOT_FORMAT.as_bytes())
    {
        let text = text_of(bytes).map_err(|e| e.in_file(path))?;
        let s = parse_snapshot(&text).map_err(|e| e.in_file(path))?;
        return Ok(AnyFile {
            dataset: s.dataset,
            as_of: s.as_of,
            snapshot: Some((s.note, s.taken)),
            warnings: Vec::new(),
        });
    }
    let Loaded {
        dataset, warnings, ..
    } = parse_bytes(&bytes, Some(path))?;
    Ok(AnyFile {
        dataset,
        as_of: None,
        snapshot: None,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_lists_and_reads_snapshots() {
        let dir = tempfile::tempdir().unwrap();
        let d = crate::store::embedded();
        let day: NaiveDate = "2026-01-19".parse().unwrap();
        let path = take_snapshot(dir.path(), &d, Some(day), "Before the summit: Ünïcode").unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(
            name,
            "board-of-peace-2026-01-19-before-the-summit-unicode.snapshot.ron"
        );
        // The same day and note again: a second file, the first untouched.
        let again = take_snapshot(dir.path(), &d, Some(day), "Before the summit: Ünïcode").unwrap();
        assert_eq!(
            again.file_name().unwrap().to_string_lossy(),
            "board-of-peace-2026-01-19-before-the-summit-unicode-2.snapshot.ron"
        );
        std::fs::remove_file(&again).unwrap();
        let latest = take_snapshot(dir.path(), &d, None, "").unwrap();
        assert_eq!(
            latest.file_name().unwrap().to_string_lossy(),
            "board-of-peace-latest.snapshot.ron"
        );
        std::fs::remove_file(&latest).unwrap();
        let list = list_snapshots(dir.path());
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].note, "Before the summit: Ünïcode");
        assert_eq!(list[0].as_of, Some(day));
        let s = read_snapshot(&path).unwrap();
        assert!(s.dataset == d);
        assert_eq!(s.as_of, Some(day));
        assert_eq!(load_any(&path).unwrap().as_of, Some(day));
    }

    #[test]
    fn bad_snapshots_are_refused() {
        assert!(
            parse_snapshot("(format: \"board-explorer-snapshot\", vers")
                .unwrap_err()
                .message
                .contains("damaged")
        );
        let newer = snapshot_text(&crate::store::embedded(), None, "x", "now").replacen(
            "version: 2",
            "version: 9",
            1,
        );
        assert!(
            parse_snapshot(&newer)
                .unwrap_err()
                .message
                .contains("newer")
        );
    }

    #[test]
    fn snapshots_are_written_in_the_dataset_formats_version() {
        let d = crate::store::embedded();
        let text = snapshot_text(&d, None, "x", "now");
        assert!(text.contains(&format!("version: {},", super::super::format::VERSION)));
        assert_eq!(parse_snapshot(&text).unwrap().version, SNAPSHOT_VERSION);
    }

    #[test]
    fn a_version_1_snapshot_opens_migrated() {
        let mut d = crate::store::embedded();
        // Version 1 could name the main body on a claim: it reads as the main body's claim.
        d.claims[0].body = Some(d.body.id.clone());
        let v1 = snapshot_text(&d, None, "old", "2026-01-20 10:00").replacen(
            "version: 2,",
            "version: 1,",
            1,
        );
        assert!(v1.contains("version: 1,"));
        let s = parse_snapshot(&v1).unwrap();
        assert_eq!(s.version, 1);
        assert_eq!(s.dataset.claims[0].body, None);
        assert_eq!(s.note, "old");
    }

    #[test]
    fn a_newer_snapshot_is_refused_as_newer_even_when_its_syntax_changed() {
        let text = snapshot_text(&crate::store::embedded(), None, "x", "now")
            .replacen("version: 2,", "version: 3,", 1)
            .replacen("note:", "stars: <<new syntax>>, note:", 1);
        let e = parse_snapshot(&text).unwrap_err();
        assert!(e.message.contains("written by a newer"), "{}", e.message);
        assert!(e.message.contains("version 3"), "{}", e.message);
        let zero = snapshot_text(&crate::store::embedded(), None, "x", "now").replacen(
            "version: 2,",
            "version: 0,",
            1,
        );
        assert!(parse_snapshot(&zero).is_err());
    }
}
