//! `merge BASE OURS THEIRS [-o OUT]`: git's merge driver (`%O %A %B`, result in OURS), and
//! `textconv FILE`: git's diff filter, one readable line per record (`git_setup.rs` installs
//! both).

use std::path::Path;

use serde_json::Value;

use crate::model::Dataset;
use crate::model::merge::merge as merge_datasets;
use crate::store;

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
    let _lock = lock_unless_git_temp(out)?;
    // Git passes an empty BASE when both sides added the file: nothing in common then.
    let base = load(base, true)?;
    let (ours_d, theirs_d) = (load(ours, false)?, load(theirs, false)?);
    let merged = merge_datasets(base, ours_d, theirs_d).map_err(super::error_line)?;
    store::SaveError::check(&merged.dataset).map_err(|e| {
        format!("error: the merged dataset would not load ({e}); nothing was written")
    })?;
    let text = store::to_ron(&merged.dataset);
    store::replace_atomic(out, text.as_bytes())
        .map_err(|e| format!("error: cannot write {}: {e}", out.display()))?;
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

/// The lock of the file the merge writes, held from before OURS is read: a merge by hand into
/// a dataset others write (`merge BASE OURS THEIRS`, `-o OUT`) is one more writer. Git's
/// driver writes over git's own temporary copy (`.merge_file_XXXXXX`), which nobody else
/// writes: no lock file is left beside it in the work tree.
fn lock_unless_git_temp(out: &Path) -> Result<Option<store::FileLock>, String> {
    let git_temp = out
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with(".merge_file_"));
    if git_temp {
        return Ok(None);
    }
    store::FileLock::acquire(out)
        .map(Some)
        .map_err(super::error_line)
}

fn load(path: &Path, empty_is_nothing: bool) -> Result<Dataset, String> {
    if empty_is_nothing && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        return Ok(Dataset::default());
    }
    store::load_file(path)
        .map(|l| l.dataset)
        .map_err(|e| super::load_error(&e))
}

/// The file as one line per record (`actors putin: name="Vladimir Putin" kind=Person`),
/// source texts below their source line, for `git diff` and `git log -p`. A file that is not
/// a dataset is printed as it is, so the diff still shows something.
pub fn textconv(file: &Path) -> Result<String, String> {
    let bytes =
        store::read_bounded(file, store::MAX_FILE_BYTES).map_err(|e| super::load_error(&e))?;
    match store::parse_bytes(&bytes, Some(file)) {
        Ok(loaded) => records_text(&loaded.dataset),
        Err(_) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
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
        out.push_str(&format!("    | {l}\n"));
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
