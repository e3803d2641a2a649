//! `merge BASE OURS THEIRS [-o OUT]`: git's merge driver (`%O %A %B`, result in OURS), and
//! `textconv FILE`: git's diff filter, one readable line per record (`git_setup.rs` installs
//! both).

use std::path::Path;

use serde_json::Value;

use crate::model::Dataset;
use crate::session::disk::{self, DatasetOrText, MergeFilesError};

/// Merges THEIRS into OURS with BASE as the common ancestor, writes the result atomically to
/// OUT (OURS by default) and reports. Conflicts are kept in the file; the command then fails
/// (exit 1) so that git marks the path conflicted.
pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    out: Option<&Path>,
) -> Result<String, String> {
    let out = out.unwrap_or(ours);
    let merged = disk::merge_files(base, ours, theirs, out).map_err(|e| match e {
        MergeFilesError::Load(e) => super::load_error(&e),
        other => super::error_line(other),
    })?;
    // Read in a terminal: the ids and values it quotes (from anyone's file), and the file's
    // name, show their control characters rather than obey them.
    let mut report: String = merged
        .report
        .iter()
        .map(|line| format!("{}\n", super::escape::terminal_cell(line)))
        .collect();
    let [actors, sources, claims, events] = merged.counts;
    report.push_str(&format!(
        "merged into {}: {actors} actors, {sources} sources, {claims} claims, {events} events\n",
        super::shown(out),
    ));
    if merged.conflicts == 0 {
        Ok(report)
    } else {
        report.push_str(&format!(
            "{} conflict(s) are kept in the file: open it in board-explorer to pick ours or \
             theirs, then `git add` it\n",
            merged.conflicts
        ));
        Err(report)
    }
}

/// The file as one line per record (`actors putin: name="Vladimir Putin" kind=Person`),
/// source texts below their source line, for `git diff` and `git log -p`. A small text file
/// that is not a dataset is printed as it is, so the diff still shows something; anything
/// else is refused.
pub fn textconv(file: &Path) -> Result<String, String> {
    match disk::dataset_or_text(file).map_err(|e| super::load_error(&e))? {
        DatasetOrText::Dataset(d) => records_text(*d),
        // Read by people in a terminal: each line's control characters shown, not obeyed.
        DatasetOrText::Text(text) => {
            let lines: Vec<_> = text.lines().map(super::escape::terminal_cell).collect();
            let end = if text.ends_with('\n') { "\n" } else { "" };
            Ok(lines.join("\n") + end)
        }
    }
}

/// One line per record, whatever fields the model has. The large lists are turned into
/// lines a record at a time: a whole dataset as a JSON tree would take ten times the file's
/// size in memory (3.4 GB for a million claims).
pub fn records_text(mut d: Dataset) -> Result<String, String> {
    let actors = std::mem::take(&mut d.actors);
    let sources = std::mem::take(&mut d.sources);
    let claims = std::mem::take(&mut d.claims);
    let events = std::mem::take(&mut d.events);
    let value = serde_json::to_value(&d).map_err(|e| e.to_string())?;
    let mut out = String::new();
    let Value::Object(top) = value else {
        return Ok(out);
    };
    for (key, v) in &top {
        let done = match key.as_str() {
            "actors" => lines(&mut out, key, &actors)?,
            "sources" => lines(&mut out, key, &sources)?,
            "claims" => lines(&mut out, key, &claims)?,
            "events" => lines(&mut out, key, &events)?,
            _ => false,
        };
        if done {
            continue;
        }
        match v {
            Value::Array(list) => {
                for record in list {
                    line(&mut out, key, record);
                }
            }
            other => line(&mut out, key, other),
        }
    }
    Ok(out)
}

/// The lines of one of the dataset's large lists, a record at a time, a share of a long list
/// on each core; always `true`.
fn lines<T: serde::Serialize + Sync>(
    out: &mut String,
    key: &str,
    list: &[T],
) -> Result<bool, String> {
    let some_lines = |records: &[T]| -> Result<String, String> {
        let mut text = String::new();
        for record in records {
            let value = serde_json::to_value(record).map_err(|e| e.to_string())?;
            line(&mut text, key, &value);
        }
        Ok(text)
    };
    let shares = crate::model::derive::shares::in_shares(list.len(), PARALLEL_RECORDS, |range| {
        some_lines(&list[range])
    });
    for share in shares {
        out.push_str(&share?);
    }
    Ok(true)
}

/// Below this many records, one core writes a list's lines.
const PARALLEL_RECORDS: usize = 20_000;

fn line(out: &mut String, list: &str, record: &Value) {
    out.push_str(list);
    let Value::Object(fields) = record else {
        out.push_str(": ");
        render(out, record);
        out.push('\n');
        return;
    };
    if let Some(id) = fields.get("id").and_then(Value::as_str) {
        out.push(' ');
        // One record, one line: a newline in an id must not forge another.
        out.push_str(&super::escape::terminal_cell(id));
    }
    out.push(':');
    let mut text = None;
    for (k, v) in fields {
        match k.as_str() {
            "id" => {}
            // The article text goes below, a line of text per line, so an edit shows as such.
            "text" if v.is_string() => text = v.as_str(),
            _ => {
                out.push(' ');
                out.push_str(k);
                out.push('=');
                render(out, v);
            }
        }
    }
    out.push('\n');
    for l in text.unwrap_or("").lines() {
        out.push_str("    | ");
        out.push_str(&super::escape::terminal_cell(l));
        out.push('\n');
    }
}

/// A value on the record's line, written where the line is built (a million claims' worth of
/// small strings would otherwise be made and dropped).
fn render(out: &mut String, v: &Value) {
    use std::fmt::Write;
    let separated = |out: &mut String, i: usize| {
        if i > 0 {
            out.push_str(", ");
        }
    };
    match v {
        Value::Null => out.push_str("none"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        // JSON's quoting: control characters as escapes.
        Value::String(_) => {
            let _ = write!(out, "{v}");
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separated(out, i);
                render(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let enum_like = map.len() == 1
                && map
                    .keys()
                    .all(|k| k.starts_with(|c: char| c.is_ascii_uppercase()));
            if let Some((k, v)) = map.iter().next().filter(|_| enum_like) {
                out.push_str(k);
                out.push('(');
                render(out, v);
                out.push(')');
            } else {
                out.push('{');
                for (i, (k, v)) in map.iter().enumerate() {
                    separated(out, i);
                    out.push_str(k);
                    out.push('=');
                    render(out, v);
                }
                out.push('}');
            }
        }
    }
}
