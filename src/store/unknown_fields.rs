//! Fields a file holds that this version does not know. They are not an error (a file from a
//! colleague's newer build, a hand edit, a typo), but they are dropped at the next save, so the
//! user is told: each as a warning naming the field's path and its line.

use std::collections::HashMap;

use serde::de::DeserializeOwned;

use crate::model::rules::validate::{Problem, Severity};
use crate::model::text::line_col;

/// At most this many unknown fields are reported one by one; the rest are counted.
const MAX_REPORTED: usize = 20;

/// Deserialises `text` as `T` with `options`, collecting the paths of the fields it ignored,
/// in document order, as warnings with their line.
pub fn from_str_noting_unknown<T: DeserializeOwned>(
    options: &ron::Options,
    text: &str,
) -> Result<(T, Vec<Problem>), ron::error::SpannedError> {
    let (value, paths) = from_str_with_ignored::<T>(options, text)?;
    Ok((value, warnings(text, &paths)))
}

/// Deserialises `text` as `T`, with the paths of the fields it ignored in document order
/// (`actors.3.nickname`), before they become warnings: the parallel parse joins the paths of
/// its pieces first.
pub(super) fn from_str_with_ignored<T: DeserializeOwned>(
    options: &ron::Options,
    text: &str,
) -> Result<(T, Vec<String>), ron::error::SpannedError> {
    let mut deserializer = ron::Deserializer::from_str_with_options(text, options)?;
    let mut paths: Vec<String> = Vec::new();
    let value: T =
        serde_ignored::deserialize(&mut deserializer, |path| paths.push(path.to_string()))
            .map_err(|e| deserializer.span_error(e))?;
    deserializer.end().map_err(|e| deserializer.span_error(e))?;
    Ok((value, paths))
}

/// One warning per ignored path. The line is that of the n-th `key:` in the text for the n-th
/// ignored field of that name: deserialisation reads the file in order, so they correspond
/// unless a known field elsewhere shares the unknown one's name (then the path still names it).
pub(super) fn warnings(text: &str, paths: &[String]) -> Vec<Problem> {
    let mut places: HashMap<&str, (Vec<usize>, usize)> = HashMap::new();
    let mut out = Vec::new();
    for path in paths.iter().take(MAX_REPORTED) {
        let key = last_key(path);
        let (offsets, used) = places
            .entry(key)
            .or_insert_with(|| (key_offsets(text, key), 0));
        let place = offsets.get(*used).map(|&at| line_col(text, at));
        *used += 1;
        let message = match place {
            Some((line, _)) => format!(
                "line {line}: unknown field \"{key}\" ({path}) is ignored and will be dropped at the next save"
            ),
            None => format!(
                "unknown field \"{key}\" ({path}) is ignored and will be dropped at the next save"
            ),
        };
        out.push(Problem {
            severity: Severity::Warning,
            id: None,
            message,
        });
    }
    if paths.len() > MAX_REPORTED {
        out.push(Problem {
            severity: Severity::Warning,
            id: None,
            message: format!(
                "{} more unknown fields are ignored",
                paths.len() - MAX_REPORTED
            ),
        });
    }
    out
}

/// The field name at the end of a path such as `dataset.actors[3].nickname`.
fn last_key(path: &str) -> &str {
    let tail = path.rsplit('.').next().unwrap_or(path);
    tail.split('[').next().unwrap_or(tail)
}

/// Where `key` stands as a field name (`key:` after a non-identifier character), outside
/// strings, in one pass over the text.
fn key_offsets(text: &str, key: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if !key.is_empty()
            && bytes[i..].starts_with(key.as_bytes())
            && (i == 0 || !is_ident(bytes[i - 1]))
        {
            let after = text[i + key.len()..].trim_start();
            if after.starts_with(':') {
                out.push(i);
            }
        }
        i += 1;
    }
    out
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_outside_strings_only() {
        let text = "(\n a: \"nick: x\",\n nick: 1,\n)";
        let found: Vec<_> = key_offsets(text, "nick")
            .into_iter()
            .map(|at| line_col(text, at).0)
            .collect();
        assert_eq!(found, vec![3]);
        assert_eq!(last_key("dataset.actors[3].nickname"), "nickname");
    }
}
