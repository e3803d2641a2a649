//! Fields a file holds that this version does not know. They are not an error (a file from a
//! colleague's newer build, a hand edit, a typo). Those of a record (the dataset, a body, an
//! actor, a source, a claim, an event) are kept as written in the record's
//! [`Extra`](crate::model::Extra) and written back at the next save ([`keep`]); the few that
//! cannot be kept (inside a quote, beside the format's header) are dropped at the next save.
//! Either way the user is told: each as a warning naming the field's path and its line.

use std::collections::HashMap;
use std::fmt;

use ron::value::RawValue;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use super::ron_out::is_field_name;
use crate::model::Dataset;

use crate::model::rules::validate::{Problem, Severity};
use crate::model::text::line_col;

/// At most this many unknown fields are reported one by one; the rest are counted.
const MAX_REPORTED: usize = 20;

/// Deserialises `text` as `T`, with the paths of the fields it ignored in document order
/// (`actors.3.nickname`), before they become warnings: the parallel parse joins the paths of
/// its pieces first.
pub(super) fn from_str_with_ignored<T: DeserializeOwned>(
    options: &ron::Options,
    text: &str,
) -> Result<(T, Vec<String>), ron::error::SpannedError> {
    // The fast reader reads what this program writes; anything else, the ron crate decides.
    if let Some(read) = super::fast_ron::from_str_with_ignored(text) {
        return Ok(read);
    }
    let mut deserializer = ron::Deserializer::from_str_with_options(text, options)?;
    let mut paths: Vec<String> = Vec::new();
    let value: T =
        serde_ignored::deserialize(&mut deserializer, |path| paths.push(path.to_string()))
            .map_err(|e| deserializer.span_error(e))?;
    deserializer.end().map_err(|e| deserializer.span_error(e))?;
    Ok((value, paths))
}

/// One warning per ignored path (`kept[i]`: the i-th was kept, see [`keep`]). The line is
/// that of the n-th `key:` in the text for the n-th ignored field of that name:
/// deserialisation reads the file in order, so they correspond unless a known field elsewhere
/// shares the unknown one's name (then the path still names it).
pub(super) fn warnings(text: &str, paths: &[String], kept: &[bool]) -> Vec<Problem> {
    let mut places: HashMap<&str, (Vec<usize>, usize)> = HashMap::new();
    let mut out = Vec::new();
    for (i, path) in paths.iter().enumerate().take(MAX_REPORTED) {
        let key = last_key(path);
        let (offsets, used) = places
            .entry(key)
            .or_insert_with(|| (key_offsets(text, key), 0));
        let place = offsets.get(*used).map(|&at| line_col(text, at));
        *used += 1;
        let fate = if kept.get(i).copied().unwrap_or(false) {
            "is not known to this version: it is kept as written"
        } else {
            "is ignored and will be dropped at the next save"
        };
        let message = match place {
            Some((line, _)) => format!("line {line}: unknown field \"{key}\" ({path}) {fate}"),
            None => format!("unknown field \"{key}\" ({path}) {fate}"),
        };
        out.push(Problem {
            severity: Severity::Warning,
            id: None,
            message,
        });
    }
    if paths.len() > MAX_REPORTED {
        let kept = kept.iter().skip(MAX_REPORTED).filter(|k| **k).count();
        out.push(Problem {
            severity: Severity::Warning,
            id: None,
            message: format!(
                "{} more unknown fields ({kept} of them kept as written)",
                paths.len() - MAX_REPORTED
            ),
        });
    }
    out
}

/// At most this many different unknown field names are kept from one file: a newer version
/// adds a few; many more is a damaged or hostile file, whose further names are dropped (and
/// said to be). Each name kept is held for the rest of the run (see `ron_out::field_name`).
pub(super) const MAX_KEPT_NAMES: usize = 64;

/// Unknown field names longer than this are not kept.
const MAX_NAME_BYTES: usize = 128;

/// The lists of records whose items keep their unknown fields.
const RECORD_LISTS: &[&str] = &["sub_bodies", "actors", "sources", "claims", "events"];

/// Which record an unknown field belongs to.
#[derive(Clone, Copy)]
enum Holder<'p> {
    Dataset,
    Body,
    Item(&'p str, usize),
}

/// The record and field name of an ignored path, when it is a record's own field.
fn record_field(path: &str) -> Option<(Holder<'_>, &str)> {
    let steps: Vec<&str> = path.split('.').collect();
    let (record, key) = match steps.as_slice() {
        ["dataset", key] => (Holder::Dataset, *key),
        ["dataset", "body", key] => (Holder::Body, *key),
        ["dataset", list, index, key] if RECORD_LISTS.contains(list) => {
            (Holder::Item(list, index.parse().ok()?), *key)
        }
        _ => return None,
    };
    (is_field_name(key) && key.len() <= MAX_NAME_BYTES).then_some((record, key))
}

/// `text` as `T` (a snapshot, the recovery file), with the unknown fields of the records of
/// the dataset it holds kept (see [`keep`]).
pub(super) fn from_str_keeping<T: DeserializeOwned>(
    options: &ron::Options,
    text: &str,
    dataset: impl FnOnce(&mut T) -> &mut Dataset,
) -> Result<T, ron::error::SpannedError> {
    let (mut value, paths) = from_str_with_ignored::<T>(options, text)?;
    keep(text, &paths, dataset(&mut value));
    Ok(value)
}

/// Puts each record's unknown fields (the `paths` the parse ignored) into its `extra`, with
/// their values' text as `text` holds them, and says which paths were kept.
pub(super) fn keep(text: &str, paths: &[String], dataset: &mut Dataset) -> Vec<bool> {
    let mut names: Vec<&str> = Vec::new();
    let wanted: Vec<Option<(Holder, &str)>> = paths
        .iter()
        .map(|p| {
            let (record, key) = record_field(p)?;
            if !names.contains(&key) {
                if names.len() == MAX_KEPT_NAMES {
                    return None;
                }
                names.push(key);
            }
            Some((record, key))
        })
        .collect();
    let mut tree = Want::default();
    for (i, path) in paths.iter().enumerate() {
        if wanted[i].is_some() {
            tree.add(path.split('.'), i);
        }
    }
    if tree.is_empty() {
        return vec![false; paths.len()];
    }
    let mut found: Vec<(usize, String)> = Vec::new();
    let read = ron::Deserializer::from_str(text).and_then(|mut d| {
        Walk {
            want: &tree,
            found: &mut found,
        }
        .deserialize(&mut d)
        .map_err(|e| d.span_error(e))
    });
    if read.is_err() {
        // The parse that just succeeded reads the same text: this does not happen, and if
        // it did, the fields would be reported as dropped rather than kept wrong.
        return vec![false; paths.len()];
    }
    let mut kept = vec![false; paths.len()];
    for (i, value) in found {
        let Some((record, key)) = wanted[i] else {
            continue;
        };
        let extra = match record {
            Holder::Dataset => Some(&mut dataset.extra),
            Holder::Body => Some(&mut dataset.body.extra),
            Holder::Item(list, at) => match list {
                "sub_bodies" => dataset.sub_bodies.get_mut(at).map(|r| &mut r.extra),
                "actors" => dataset.actors.get_mut(at).map(|r| &mut r.extra),
                "sources" => dataset.sources.get_mut(at).map(|r| &mut r.extra),
                "claims" => dataset.claims.get_mut(at).map(|r| &mut r.extra),
                _ => dataset.events.get_mut(at).map(|r| &mut r.extra),
            },
        };
        if let Some(extra) = extra {
            extra.keep(key, value);
            kept[i] = true;
        }
    }
    kept
}

/// A value's text as it will be written back: trimmed, unless that cuts the line break that
/// closes a trailing `// comment`; `None` when it would not read back as one value.
fn value_text(raw: &str) -> Option<String> {
    [raw.trim(), raw.trim_start()]
        .into_iter()
        .find(|t| RawValue::from_ron(t).is_ok())
        .map(str::to_string)
}

/// The parts of the file to go into: fields by name, list items by position; a leaf is a
/// value to keep, numbered by its path.
#[derive(Default)]
struct Want {
    fields: HashMap<String, Want>,
    items: HashMap<usize, Want>,
    leaf: Option<usize>,
}

impl Want {
    fn add<'s>(&mut self, mut steps: impl Iterator<Item = &'s str>, path: usize) {
        match steps.next() {
            None => self.leaf = Some(path),
            Some(step) => {
                let next = match step.parse::<usize>() {
                    Ok(index) => self.items.entry(index).or_default(),
                    Err(_) => self.fields.entry(step.to_string()).or_default(),
                };
                next.add(steps, path);
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.items.is_empty() && self.leaf.is_none()
    }
}

/// Reads the file along the wanted paths only, skipping the rest, and takes each wanted
/// value's text as written.
struct Walk<'w> {
    want: &'w Want,
    found: &'w mut Vec<(usize, String)>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record or a list of records")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Walk { want, found } = self;
        while let Some(key) = map.next_key::<String>()? {
            match want.fields.get(&key) {
                Some(Want {
                    leaf: Some(path), ..
                }) => {
                    let raw: Box<RawValue> = map.next_value()?;
                    if let Some(text) = value_text(raw.get_ron()) {
                        found.push((*path, text));
                    }
                }
                Some(want) => map.next_value_seed(Walk {
                    want,
                    found: &mut *found,
                })?,
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Walk { want, found } = self;
        let mut index = 0;
        loop {
            let more = match want.items.get(&index) {
                Some(want) => seq
                    .next_element_seed(Walk {
                        want,
                        found: &mut *found,
                    })?
                    .is_some(),
                None => seq.next_element::<IgnoredAny>()?.is_some(),
            };
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }
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
        } else if key.as_bytes().first() == Some(&b)
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
    fn a_trailing_comment_keeps_the_line_break_that_closes_it() {
        assert_eq!(value_text(" \"a\" ").as_deref(), Some("\"a\""));
        let kept = value_text(" \"Bibi\" // by hand\n").unwrap();
        assert!(RawValue::from_ron(&kept).is_ok(), "{kept:?}");
        assert_eq!(value_text("((("), None);
    }

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
