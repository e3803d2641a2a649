//! The edit that turns one dataset into another (the file on disk after a pull, a merge
//! result), so that a reload is one more undoable step and the history before it still applies.
//!
//! Records are matched by id. Records gone from the target are removed, new ones inserted at
//! their place, changed ones replaced. When the records both keep come in another order, or
//! a part this does not know changed, there is no such edit (`None`): the caller replaces the
//! document instead.

use std::collections::HashSet;

use super::Record;
use crate::model::data::dataset::{Actor, Claim, Dataset, Event, Source};
use crate::model::data::edit::Edit;

/// The edit from `from` to `to`, or `None` if one cannot be made (see the module comment).
pub fn edit_to(from: &Dataset, to: &Dataset) -> Option<Edit> {
    let mut edits = Vec::new();
    list(
        &from.actors,
        &to.actors,
        &mut edits,
        |at| Edit::RemoveActor { at },
        |at, r: &Actor| Edit::InsertActor {
            at,
            actor: r.clone(),
        },
        |at, r: &Actor| Edit::ReplaceActor {
            at,
            actor: r.clone(),
        },
    )?;
    list(
        &from.sources,
        &to.sources,
        &mut edits,
        |at| Edit::RemoveSource { at },
        |at, r: &Source| Edit::InsertSource {
            at,
            source: r.clone(),
        },
        |at, r: &Source| Edit::ReplaceSource {
            at,
            source: r.clone(),
        },
    )?;
    list(
        &from.claims,
        &to.claims,
        &mut edits,
        |at| Edit::RemoveClaim { at },
        |at, r: &Claim| Edit::InsertClaim {
            at,
            claim: r.clone(),
        },
        |at, r: &Claim| Edit::ReplaceClaim {
            at,
            claim: r.clone(),
        },
    )?;
    list(
        &from.events,
        &to.events,
        &mut edits,
        |at| Edit::RemoveEvent { at },
        |at, r: &Event| Edit::InsertEvent {
            at,
            event: r.clone(),
        },
        |at, r: &Event| Edit::ReplaceEvent {
            at,
            event: r.clone(),
        },
    )?;
    if from.body != to.body || from.sub_bodies != to.sub_bodies {
        edits.push(Edit::SetBodies {
            body: Box::new(to.body.clone()),
            sub_bodies: to.sub_bodies.clone(),
        });
    }
    if from.merge_conflicts != to.merge_conflicts {
        edits.push(Edit::SetMergeConflicts(to.merge_conflicts.clone()));
    }
    // Whatever else differs is a part added to the model since: no edit for it here.
    let mut check = from.clone();
    let edit = Edit::Batch(edits);
    edit.clone().apply(&mut check).ok()?;
    (check == *to).then_some(edit)
}

/// One list: removals from the end first (so earlier positions hold), then in the target's
/// order, inserts and replaces.
fn list<T: Record + Clone>(
    from: &[T],
    to: &[T],
    edits: &mut Vec<Edit>,
    remove: impl Fn(usize) -> Edit,
    insert: impl Fn(usize, &T) -> Edit,
    replace: impl Fn(usize, &T) -> Edit,
) -> Option<()> {
    let target: HashSet<&str> = to.iter().map(Record::id).collect();
    let mut kept = Vec::with_capacity(from.len());
    for (at, r) in from.iter().enumerate().rev() {
        if target.contains(r.id()) {
            kept.push(r);
        } else {
            edits.push(remove(at));
        }
    }
    kept.reverse();
    let mut next = kept.into_iter().peekable();
    for (at, r) in to.iter().enumerate() {
        match next.peek() {
            Some(k) if k.id() == r.id() => {
                if *k != r {
                    edits.push(replace(at, r));
                }
                next.next();
            }
            _ => edits.push(insert(at, r)),
        }
    }
    // A kept record not met in order: the lists were reordered.
    next.peek().is_none().then_some(())
}
