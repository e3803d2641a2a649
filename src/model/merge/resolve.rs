//! Resolving a merge conflict: the editor picks ours or theirs, and that becomes one
//! [`Edit`] (the record with the picked value, and the conflict list without this one), so
//! undo puts the conflict back.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::super::text::content_hash;
use super::MergeConflict;
use crate::model::data::dataset::{Body, Dataset};
use crate::model::data::edit::Edit;
use crate::model::data::{ops, source_ops};
use crate::model::text::quote::{Anchor, Quote};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Ours,
    Theirs,
}

/// Why a merge conflict cannot be settled with the side picked.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("there is no merge conflict number {0}")]
    NoSuchConflict(usize),
    #[error("the conflict's value is damaged: {0}")]
    Damaged(#[source] serde_json::Error),
    #[error("{0}: no such record in this dataset")]
    NoSuchRecord(String),
    #[error(
        "conflicts in \"{0}\" cannot be picked here: edit the file, then remove the conflict \
         from its merge_conflicts list"
    )]
    CannotPick(String),
    #[error("the picked record does not fit: {0}")]
    RecordDoesNotFit(#[source] serde_json::Error),
    #[error(transparent)]
    Value(serde_json::Error),
    #[error("the picked record: {0}")]
    PickedRecord(#[source] serde_json::Error),
    #[error("no field {0} here")]
    NoField(String),
    #[error("the picked value does not fit: {0}")]
    ValueDoesNotFit(#[source] serde_json::Error),
}

/// The edit that settles conflict `at` of the dataset's list with the picked side's value.
pub fn resolve(d: &Dataset, at: usize, pick: Pick) -> Result<Edit, ResolveError> {
    let conflict = d
        .merge_conflicts
        .get(at)
        .ok_or(ResolveError::NoSuchConflict(at + 1))?;
    let chosen = match pick {
        Pick::Ours => &conflict.ours,
        Pick::Theirs => &conflict.theirs,
    };
    let chosen: Value = serde_json::from_str(chosen).map_err(ResolveError::Damaged)?;
    let mut remaining = d.merge_conflicts.clone();
    remaining.remove(at);
    let mut edits = record_edits(d, conflict, chosen)?;
    edits.push(Edit::SetMergeConflicts(remaining));
    Ok(Edit::Batch(edits))
}

fn record_edits(d: &Dataset, c: &MergeConflict, chosen: Value) -> Result<Vec<Edit>, ResolveError> {
    let field: Vec<&str> = c
        .path
        .iter()
        .skip(if c.record().is_some() { 2 } else { 1 })
        .map(String::as_str)
        .collect();
    let unknown = || ResolveError::NoSuchRecord(c.describe());
    if c.collection() == "body" {
        let body = with_field(&d.body, &field, chosen)?;
        return Ok(vec![Edit::SetBodies {
            body: Box::new(body),
            sub_bodies: d.sub_bodies.clone(),
        }]);
    }
    let id = c.record().ok_or_else(unknown)?;
    let whole = field.is_empty();
    let delete = whole && chosen.is_null();
    if whole && !exists(d, c.collection(), id) {
        // Gone already (an earlier pick deleted it with what depended on it): deleting is
        // done; keeping puts the record back.
        return if delete {
            Ok(Vec::new())
        } else {
            insert(d, c, chosen)
        };
    }
    Ok(match c.collection() {
        "actors" => {
            let at = d
                .actors
                .iter()
                .position(|r| r.id == id)
                .ok_or_else(unknown)?;
            if delete {
                vec![ops::delete_actor(d, at).0]
            } else {
                let actor = with_field(&d.actors[at], &field, chosen)?;
                vec![Edit::ReplaceActor { at, actor }]
            }
        }
        "sources" => {
            let at = d
                .sources
                .iter()
                .position(|r| r.id == id)
                .ok_or_else(unknown)?;
            if delete {
                vec![source_ops::delete_source(d, at).0]
            } else {
                let mut source = with_field(&d.sources[at], &field, chosen)?;
                source.hash = content_hash(&source.text);
                let mut edits = reanchor(d, &source.id, &source.text);
                edits.push(Edit::ReplaceSource { at, source });
                edits
            }
        }
        "claims" => {
            let at = d
                .claims
                .iter()
                .position(|r| r.id == id)
                .ok_or_else(unknown)?;
            if delete {
                vec![Edit::RemoveClaim { at }]
            } else {
                let claim = with_field(&d.claims[at], &field, chosen)?;
                vec![Edit::ReplaceClaim { at, claim }]
            }
        }
        "events" => {
            let at = d
                .events
                .iter()
                .position(|r| r.id == id)
                .ok_or_else(unknown)?;
            if delete {
                vec![Edit::RemoveEvent { at }]
            } else {
                let event = with_field(&d.events[at], &field, chosen)?;
                vec![Edit::ReplaceEvent { at, event }]
            }
        }
        "sub_bodies" => {
            let at = d
                .sub_bodies
                .iter()
                .position(|r| r.id == id)
                .ok_or_else(unknown)?;
            let mut sub_bodies: Vec<Body> = d.sub_bodies.clone();
            if delete {
                sub_bodies.remove(at);
            } else {
                sub_bodies[at] = with_field(&d.sub_bodies[at], &field, chosen)?;
            }
            vec![Edit::SetBodies {
                body: Box::new(d.body.clone()),
                sub_bodies,
            }]
        }
        other => {
            return Err(ResolveError::CannotPick(other.to_string()));
        }
    })
}

fn exists(d: &Dataset, collection: &str, id: &str) -> bool {
    match collection {
        "actors" => d.actors.iter().any(|r| r.id == id),
        "sources" => d.sources.iter().any(|r| r.id == id),
        "claims" => d.claims.iter().any(|r| r.id == id),
        "events" => d.events.iter().any(|r| r.id == id),
        "sub_bodies" => d.sub_bodies.iter().any(|r| r.id == id),
        // A list this code does not know: let the lookup below say so.
        _ => true,
    }
}

/// A whole record put back at the end of its list.
fn insert(d: &Dataset, c: &MergeConflict, chosen: Value) -> Result<Vec<Edit>, ResolveError> {
    let fit = ResolveError::RecordDoesNotFit;
    Ok(vec![match c.collection() {
        "actors" => Edit::InsertActor {
            at: d.actors.len(),
            actor: serde_json::from_value(chosen).map_err(fit)?,
        },
        "sources" => Edit::InsertSource {
            at: d.sources.len(),
            source: serde_json::from_value(chosen).map_err(fit)?,
        },
        "claims" => Edit::InsertClaim {
            at: d.claims.len(),
            claim: serde_json::from_value(chosen).map_err(fit)?,
        },
        "events" => Edit::InsertEvent {
            at: d.events.len(),
            event: serde_json::from_value(chosen).map_err(fit)?,
        },
        _ => {
            let mut sub_bodies = d.sub_bodies.clone();
            sub_bodies.push(serde_json::from_value(chosen).map_err(fit)?);
            Edit::SetBodies {
                body: Box::new(d.body.clone()),
                sub_bodies,
            }
        }
    }])
}

/// The claims quoting source `id` whose words moved in its new `text`, re-anchored.
fn reanchor(d: &Dataset, id: &str, text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (at, claim) in d.claims.iter().enumerate() {
        let Some(q) = claim.quote.as_ref().filter(|_| claim.source == id) else {
            continue;
        };
        if let Anchor::Moved(start) = q.anchor(text) {
            let mut claim = claim.clone();
            claim.quote = Quote::from_span(text, start, start + q.exact.len());
            edits.push(Edit::ReplaceClaim { at, claim });
        }
    }
    edits
}

/// `record` with the value at `field` (a path of field names and `id=` steps) replaced.
fn with_field<T: Serialize + DeserializeOwned>(
    record: &T,
    field: &[&str],
    chosen: Value,
) -> Result<T, ResolveError> {
    let mut value = serde_json::to_value(record).map_err(ResolveError::Value)?;
    let Some((last, parents)) = field.split_last() else {
        return serde_json::from_value(chosen).map_err(ResolveError::PickedRecord);
    };
    let mut at = &mut value;
    for step in parents {
        at = step_into(at, step).ok_or_else(|| ResolveError::NoField(step.to_string()))?;
    }
    match (at, last.strip_prefix("id=")) {
        (Value::Array(list), Some(id)) => {
            let i = list
                .iter()
                .position(|v| v.get("id").and_then(Value::as_str) == Some(id));
            match (i, chosen.is_null()) {
                (Some(i), true) => {
                    list.remove(i);
                }
                (Some(i), false) => list[i] = chosen,
                (None, false) => list.push(chosen),
                (None, true) => {}
            }
        }
        (Value::Object(map), None) => {
            if chosen.is_null() {
                map.remove(*last);
            } else {
                map.insert(last.to_string(), chosen);
            }
        }
        _ => return Err(ResolveError::NoField(last.to_string())),
    }
    serde_json::from_value(value).map_err(ResolveError::ValueDoesNotFit)
}

fn step_into<'v>(v: &'v mut Value, step: &str) -> Option<&'v mut Value> {
    match step.strip_prefix("id=") {
        Some(id) => v
            .as_array_mut()?
            .iter_mut()
            .find(|r| r.get("id").and_then(Value::as_str) == Some(id)),
        None => v.as_object_mut()?.get_mut(step),
    }
}
