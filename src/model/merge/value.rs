//! The generic three-way merge of serde values: a record is merged field by field whatever its
//! fields are, so fields added to the model later merge without code here.
//!
//! Rules, applied at every level: a value both sides agree on is kept; a value changed on one
//! side only takes that side's value; structs (objects whose keys are field names) merge key by
//! key; lists of records (objects with an `id`) merge by id; lists of plain words (aliases,
//! ids) merge as sets; anything else changed differently on both sides is a conflict: ours is
//! kept in place and both values are recorded.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::MergeConflict;

/// The path being merged and the conflicts found so far.
#[derive(Default)]
pub(super) struct MergeCtx {
    pub path: Vec<String>,
    pub conflicts: Vec<MergeConflict>,
}

impl MergeCtx {
    pub fn conflict(&mut self, ours: Option<&Value>, theirs: Option<&Value>) {
        self.conflicts.push(MergeConflict {
            path: self.path.clone(),
            ours: json_text(ours),
            theirs: json_text(theirs),
        });
    }
}

/// A side's value as the conflict keeps it: JSON text, `null` for a value that is absent.
pub(super) fn json_text(v: Option<&Value>) -> String {
    v.map_or_else(|| "null".to_string(), Value::to_string)
}

/// A path step naming the record with this id in a list.
pub fn id_step(id: &str) -> String {
    format!("id={id}")
}

/// Fields of running text (a source's article): edited on both sides, they merge line by line
/// (a paragraph is a line of the normalised text), a conflict only where both sides changed
/// the same lines.
const LINES: &[&str] = &["text"];

/// A text longer than this is not merged line by line (the diff's work grows with its length
/// times the number of changes): edited on both sides, it is one conflict, as any value.
const MAX_LINE_MERGED_BYTES: usize = 1 << 20;

/// Fields whose parts only mean something together: a quote's words, context and position
/// come from one selection, so two edits of a quote are two values, never mixed.
const WHOLE: &[&str] = &["quote"];

/// Struct fields are snake_case; enum variants (serde's one-key objects) are CamelCase. Only
/// structs merge key by key: two different variants are two different values.
fn is_struct(m: &Map<String, Value>) -> bool {
    m.keys()
        .all(|k| k.starts_with(|c: char| c.is_ascii_lowercase() || c == '_'))
}

fn record_id(v: &Value) -> Option<&str> {
    v.as_object()?.get("id")?.as_str()
}

fn is_word(v: &Value) -> bool {
    v.is_string()
}

/// Merges one value. `None` is a value that is absent on that side (a deleted record, a field
/// left out because it is empty).
pub(super) fn merge(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    ctx: &mut MergeCtx,
) -> Option<Value> {
    if ours == theirs {
        return ours.cloned();
    }
    if base == ours {
        return theirs.cloned();
    }
    if base == theirs {
        return ours.cloned();
    }
    // A list left out of a record because it is empty is an empty list.
    let empty = Value::Array(Vec::new());
    let any_list = [base, ours, theirs]
        .into_iter()
        .flatten()
        .any(Value::is_array);
    let (b, o, t) = if any_list {
        (
            base.or(Some(&empty)),
            ours.or(Some(&empty)),
            theirs.or(Some(&empty)),
        )
    } else {
        (base, ours, theirs)
    };
    let whole = ctx.path.last().is_some_and(|k| WHOLE.contains(&k.as_str()));
    if let (Some(Value::String(bs)), Some(Value::String(os)), Some(Value::String(ts))) = (b, o, t)
        && let Some(merged) = merge_lines(ctx, bs, os, ts)
    {
        return Some(Value::String(merged));
    }
    match (b, o, t) {
        (b, Some(Value::Object(om)), Some(Value::Object(tm)))
            if !whole
                && is_struct(om)
                && is_struct(tm)
                && b.is_none_or(|b| b.as_object().is_some_and(is_struct)) =>
        {
            Some(Value::Object(merge_struct(
                b.and_then(Value::as_object),
                om,
                tm,
                ctx,
            )))
        }
        (Some(Value::Array(ba)), Some(Value::Array(oa)), Some(Value::Array(ta))) => {
            let all = || ba.iter().chain(oa).chain(ta);
            if all().all(|v| record_id(v).is_some()) {
                Some(Value::Array(merge_by_id(ba, oa, ta, ctx)))
            } else if all().all(is_word) {
                Some(Value::Array(merge_set(ba, oa, ta)))
            } else {
                ctx.conflict(ours, theirs);
                ours.cloned()
            }
        }
        _ => {
            ctx.conflict(ours, theirs);
            ours.cloned()
        }
    }
}

/// A text field both sides edited, merged three-way by line when each side changed other
/// lines; `None` (a conflict) otherwise, or when the field is not running text.
fn merge_lines(ctx: &MergeCtx, base: &str, ours: &str, theirs: &str) -> Option<String> {
    let lines = ctx.path.last().is_some_and(|k| LINES.contains(&k.as_str()));
    let small = [base, ours, theirs]
        .iter()
        .all(|t| t.len() <= MAX_LINE_MERGED_BYTES);
    if !lines || !small {
        return None;
    }
    diffy::merge(base, ours, theirs).ok()
}

/// Key by key, in ours' order, then keys only theirs has.
pub(super) fn merge_struct(
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    ctx: &mut MergeCtx,
) -> Map<String, Value> {
    let mut out = Map::new();
    let keys = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
    for key in keys {
        ctx.path.push(key.clone());
        let b = base.and_then(|m| m.get(key));
        if let Some(v) = merge(b, ours.get(key), theirs.get(key), ctx) {
            out.insert(key.clone(), v);
        }
        ctx.path.pop();
    }
    out
}

/// A list of words as a set: what either side added is in, what either side removed is out;
/// ours' order, then theirs' additions.
fn merge_set(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let b: HashSet<&Value> = base.iter().collect();
    let t: HashSet<&Value> = theirs.iter().collect();
    let o: HashSet<&Value> = ours.iter().collect();
    let kept = ours.iter().filter(|v| t.contains(v) || !b.contains(v));
    let added = theirs.iter().filter(|v| !o.contains(v) && !b.contains(v));
    kept.chain(added).cloned().collect()
}

/// A list of records by id: added on either side is kept; deleted on one side and unchanged on
/// the other is deleted; deleted on one side and changed on the other is kept and a conflict.
fn merge_by_id(base: &[Value], ours: &[Value], theirs: &[Value], ctx: &mut MergeCtx) -> Vec<Value> {
    let by_id = |list: &'_ [Value]| -> HashMap<String, usize> {
        let mut map = HashMap::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            if let Some(id) = record_id(v) {
                map.entry(id.to_string()).or_insert(i);
            }
        }
        map
    };
    let (b, o, t) = (by_id(base), by_id(ours), by_id(theirs));
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    let ids = ours.iter().chain(
        theirs
            .iter()
            .filter(|v| !record_id(v).is_some_and(|id| o.contains_key(id))),
    );
    let mut done = HashSet::new();
    for v in ids {
        let Some(id) = record_id(v) else { continue };
        if !done.insert(id) {
            continue;
        }
        let (bv, ov, tv) = (
            b.get(id).map(|&i| &base[i]),
            o.get(id).map(|&i| &ours[i]),
            t.get(id).map(|&i| &theirs[i]),
        );
        ctx.path.push(id_step(id));
        if let Some(merged) = merge_record(bv, ov, tv, ctx) {
            out.push(merged);
        }
        ctx.path.pop();
    }
    out
}

/// One record, present on at least one side.
pub(super) fn merge_record(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    ctx: &mut MergeCtx,
) -> Option<Value> {
    match (ours, theirs) {
        (Some(_), Some(_)) => merge(base, ours, theirs, ctx),
        // Deleted on one side: gone if the other left it as it was, else kept and a conflict.
        (Some(kept), None) | (None, Some(kept)) => match base {
            None => Some(kept.clone()),
            Some(b) if b == kept => None,
            Some(_) => {
                ctx.conflict(ours, theirs);
                Some(kept.clone())
            }
        },
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(b: Value, o: Value, t: Value) -> (Value, Vec<MergeConflict>) {
        let mut ctx = MergeCtx::default();
        let v = merge(Some(&b), Some(&o), Some(&t), &mut ctx).unwrap();
        (v, ctx.conflicts)
    }

    #[test]
    fn fields_changed_on_different_sides_both_arrive() {
        let (v, c) = run(
            json!({"id": "a", "name": "A", "note": ""}),
            json!({"id": "a", "name": "Alpha", "note": ""}),
            json!({"id": "a", "name": "A", "note": "seen"}),
        );
        assert_eq!(v, json!({"id": "a", "name": "Alpha", "note": "seen"}));
        assert!(c.is_empty());
    }

    #[test]
    fn a_text_edited_in_two_paragraphs_keeps_both_edits() {
        let base = "First part.\n\nSecond part.\n\nThird part.";
        let (v, c) = run(
            json!({"id": "s", "text": base}),
            json!({"id": "s", "text": base.replace("First", "Opening")}),
            json!({"id": "s", "text": base.replace("Third", "Closing")}),
        );
        assert!(c.is_empty(), "{c:?}");
        assert_eq!(v["text"], "Opening part.\n\nSecond part.\n\nClosing part.");
        // The same paragraph changed on both sides: a conflict, ours kept.
        let (v, c) = run(
            json!({"id": "s", "text": base}),
            json!({"id": "s", "text": base.replace("Second", "Middle")}),
            json!({"id": "s", "text": base.replace("Second", "Central")}),
        );
        assert_eq!(c.len(), 1);
        assert_eq!(v["text"], base.replace("Second", "Middle"));
        // Only running text merges by line: another string changed twice is one conflict.
        let (_, c) = run(
            json!({"id": "s", "note": "a\nb"}),
            json!({"id": "s", "note": "A\nb"}),
            json!({"id": "s", "note": "a\nB"}),
        );
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn the_same_field_changed_twice_is_a_conflict_keeping_ours() {
        let (v, c) = run(
            json!({"fact": {"Status": "Invited"}}),
            json!({"fact": {"Status": "Accepted"}}),
            json!({"fact": {"Role": "Chair"}}),
        );
        assert_eq!(v, json!({"fact": {"Status": "Accepted"}}));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].path, vec!["fact".to_string()]);
        assert_eq!(c[0].theirs, r#"{"Role":"Chair"}"#);
    }

    #[test]
    fn records_and_words_merge_by_id_and_as_sets() {
        let (v, c) = run(
            json!({"l": [{"id": "x", "n": 1}, {"id": "y", "n": 1}], "w": ["a", "b"]}),
            json!({"l": [{"id": "x", "n": 2}, {"id": "y", "n": 1}, {"id": "o"}], "w": ["a", "c"]}),
            json!({"l": [{"id": "x", "n": 1}, {"id": "t"}], "w": ["a", "b", "d"]}),
        );
        assert_eq!(
            v,
            json!({"l": [{"id": "x", "n": 2}, {"id": "o"}, {"id": "t"}], "w": ["a", "c", "d"]})
        );
        assert!(c.is_empty());
    }

    #[test]
    fn a_quote_is_one_value() {
        let q = |exact: &str, start: u32| json!({"quote": {"exact": exact, "start": start}});
        let (v, c) = run(q("a", 0), q("b", 0), q("a", 5));
        assert_eq!(v, q("b", 0));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].path, vec!["quote".to_string()]);
    }

    #[test]
    fn deleted_against_changed_keeps_the_record_and_says_so() {
        let (v, c) = run(
            json!({"l": [{"id": "x", "n": 1}]}),
            json!({"l": []}),
            json!({"l": [{"id": "x", "n": 2}]}),
        );
        assert_eq!(v, json!({"l": [{"id": "x", "n": 2}]}));
        assert_eq!(c[0].path, vec!["l".to_string(), "id=x".to_string()]);
        assert_eq!(c[0].ours, "null");
    }
}
