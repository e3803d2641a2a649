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
    let mut report = merged.report();
    report.push_str(&format!(
        "merged into {}: {} actors, {} sources, {} claims, {} events\n",
        out.display(),
        merged.dataset.actors.len(),
        merged.dataset.sources.len(),
        merged.dataset.claims.len(),
        merged.dataset.events.len()
    ));
    if merged.conflicts.is_empty() {
        Ok(report)
    } else {
        report.push_str(&format!(
            "{} conflict(s) are kept in the file: open it in board-explorer to pick ours or \
             theirs, then `git add` it\n",
            merged.conflicts.len()
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
        DatasetOrText::Dataset(d) => records_text(&d),
        // Read by people in a terminal: each line's control characters shown, not obeyed.
        DatasetOrText::Text(text) => {
            let lines: Vec<_> = text.lines().map(super::escape::terminal_cell).collect();
            let end = if text.ends_with('\n') { "\n" } else { "" };
            Ok(lines.join("\n") + end)
        }
    }
}

/// One line per record, whatever fields the model has.
pub fn records_text(d: &Dataset) -> Result<String, String> {
    let value = serde_json::to_value(d).map_err(|e| e.to_string())?;
    let mut out = String::new();
    let Value::Object(top) = value else {
        return Ok(out);
    };
    for (key, v) in &top {
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

fn line(out: &mut String, list: &str, record: &Value) {
    out.push_str(list);
    let Value::Object(fields) = record else {
        out.push_str(&format!(": {}\n", render(record)));
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
            _ => out.push_str(&format!(" {k}={}", render(v))),
        }
    }
    out.push('\n');
    for l in text.unwrap_or("").lines() {
        out.push_str(&format!("    | {}\n", super::escape::terminal_cell(l)));
    }
}

fn render(v: &Value) -> String {
    match v {
        Value::Null => "none".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => Value::String(s.clone()).to_string(),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(render).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let enum_like = map.len() == 1
                && map
                    .keys()
                    .all(|k| k.starts_with(|c: char| c.is_ascii_uppercase()));
            if enum_like {
                let (k, v) = map.iter().next().expect("one entry");
                format!("{k}({})", render(v))
            } else {
                let inner: Vec<String> = map
                    .iter()
                    .map(|(k, v)| format!("{k}={}", render(v)))
                    .collect();
                format!("{{{}}}", inner.join(", "))
            }
        }
    }
}
