//! Every change to a dataset is an `Edit`, applied in one place. Applying returns the inverse
//! edit, so undo and redo are two stacks of edits, and dirty tracking and autosave hang off the
//! same spot (see `crate::session::document`).
//!
//! Edits address records by position, which makes every inverse exact: undoing a delete puts
//! the record back where it was, so a save after undo is byte-identical to the one before.

use super::dataset::{Actor, Body, Claim, Dataset, Event, OutletReliability, Source};
use crate::model::merge::MergeConflict;
use crate::model::rules::SeatRules;

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    InsertActor {
        at: usize,
        actor: Actor,
    },
    RemoveActor {
        at: usize,
    },
    ReplaceActor {
        at: usize,
        actor: Actor,
    },
    InsertClaim {
        at: usize,
        claim: Claim,
    },
    RemoveClaim {
        at: usize,
    },
    ReplaceClaim {
        at: usize,
        claim: Claim,
    },
    InsertSource {
        at: usize,
        source: Source,
    },
    RemoveSource {
        at: usize,
    },
    ReplaceSource {
        at: usize,
        source: Source,
    },
    InsertEvent {
        at: usize,
        event: Event,
    },
    RemoveEvent {
        at: usize,
    },
    ReplaceEvent {
        at: usize,
        event: Event,
    },
    SetSeatRules(SeatRules),
    /// A sub-body inserted at `at` among all bodies (0 is the main body, so `at` >= 1).
    InsertBody {
        at: usize,
        body: Body,
    },
    /// The sub-body at `at` among all bodies (never 0, the main body).
    RemoveBody {
        at: usize,
    },
    /// The body at `at` among all bodies (0: the main body) replaced: a rename, a new parent.
    ReplaceBody {
        at: usize,
        body: Body,
    },
    /// The body and its sub-bodies, whole (a reload, a merge conflict resolved in them).
    SetBodies {
        body: Box<Body>,
        sub_bodies: Vec<Body>,
    },
    /// The merge conflicts waiting for the editor (one resolved, a merge come in).
    SetMergeConflicts(Vec<MergeConflict>),
    /// The outlets' default reliability, all of it.
    SetOutlets(Vec<OutletReliability>),
    /// Several edits that stand or fall together (a delete with its claims, a merge).
    Batch(Vec<Edit>),
}

/// An edit that does not fit the dataset it was applied to (a stale position). The dataset is
/// left exactly as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("cannot insert {what} at position {at} (there are {len})")]
    CannotInsert {
        what: &'static str,
        at: usize,
        len: usize,
    },
    #[error("no {what} at position {at} (there are {len})")]
    NoSuchPosition {
        what: &'static str,
        at: usize,
        len: usize,
    },
}

fn insert<T>(list: &mut Vec<T>, at: usize, value: T, what: &'static str) -> Result<(), EditError> {
    if at > list.len() {
        return Err(EditError::CannotInsert {
            what,
            at,
            len: list.len(),
        });
    }
    list.insert(at, value);
    Ok(())
}

fn remove<T>(list: &mut Vec<T>, at: usize, what: &'static str) -> Result<T, EditError> {
    if at >= list.len() {
        return Err(EditError::NoSuchPosition {
            what,
            at,
            len: list.len(),
        });
    }
    Ok(list.remove(at))
}

fn replace<T>(list: &mut [T], at: usize, value: T, what: &'static str) -> Result<T, EditError> {
    let len = list.len();
    match list.get_mut(at) {
        Some(slot) => Ok(std::mem::replace(slot, value)),
        None => Err(EditError::NoSuchPosition { what, at, len }),
    }
}

impl Edit {
    /// Signs the claims this edit adds that have no author yet with `author`: the session
    /// signs what its user makes (a claim added by hand, a suggestion accepted). A claim that
    /// already has one (a teammate's, brought back by an undo or a merge) keeps it.
    pub fn sign_new_claims(&mut self, author: &str) {
        match self {
            Edit::InsertClaim { claim, .. } if claim.author.is_empty() => {
                claim.author = author.to_string();
            }
            Edit::Batch(edits) => {
                for edit in edits {
                    edit.sign_new_claims(author);
                }
            }
            _ => {}
        }
    }

    /// Applies the edit and returns its inverse. On error nothing has changed.
    pub fn apply(self, d: &mut Dataset) -> Result<Edit, EditError> {
        let inverse = self.apply_inner(d)?;
        d.touch();
        Ok(inverse)
    }

    fn apply_inner(self, d: &mut Dataset) -> Result<Edit, EditError> {
        use Edit::*;
        Ok(match self {
            InsertActor { at, actor } => {
                insert(&mut d.actors, at, actor, "actor")?;
                RemoveActor { at }
            }
            RemoveActor { at } => InsertActor {
                at,
                actor: remove(&mut d.actors, at, "actor")?,
            },
            ReplaceActor { at, actor } => ReplaceActor {
                at,
                actor: replace(&mut d.actors, at, actor, "actor")?,
            },
            InsertClaim { at, claim } => {
                insert(&mut d.claims, at, claim, "claim")?;
                RemoveClaim { at }
            }
            RemoveClaim { at } => InsertClaim {
                at,
                claim: remove(&mut d.claims, at, "claim")?,
            },
            ReplaceClaim { at, claim } => ReplaceClaim {
                at,
                claim: replace(&mut d.claims, at, claim, "claim")?,
            },
            InsertSource { at, source } => {
                insert(&mut d.sources, at, source, "source")?;
                RemoveSource { at }
            }
            RemoveSource { at } => InsertSource {
                at,
                source: remove(&mut d.sources, at, "source")?,
            },
            ReplaceSource { at, source } => ReplaceSource {
                at,
                source: replace(&mut d.sources, at, source, "source")?,
            },
            InsertEvent { at, event } => {
                insert(&mut d.events, at, event, "event")?;
                RemoveEvent { at }
            }
            RemoveEvent { at } => InsertEvent {
                at,
                event: remove(&mut d.events, at, "event")?,
            },
            ReplaceEvent { at, event } => ReplaceEvent {
                at,
                event: replace(&mut d.events, at, event, "event")?,
            },
            SetSeatRules(rules) => SetSeatRules(std::mem::replace(&mut d.body.seat_rules, rules)),
            // The main body is position 0; sub-bodies follow, so positions >= 1 index them.
            InsertBody { at, body } => {
                let sub = at.checked_sub(1).ok_or(EditError::CannotInsert {
                    what: "body",
                    at,
                    len: d.sub_bodies.len() + 1,
                })?;
                insert(&mut d.sub_bodies, sub, body, "body")?;
                RemoveBody { at }
            }
            RemoveBody { at } => {
                let sub = at.checked_sub(1).ok_or(EditError::NoSuchPosition {
                    what: "sub-body",
                    at,
                    len: d.sub_bodies.len() + 1,
                })?;
                InsertBody {
                    at,
                    body: remove(&mut d.sub_bodies, sub, "body")?,
                }
            }
            ReplaceBody { at: 0, body } => ReplaceBody {
                at: 0,
                body: std::mem::replace(&mut d.body, body),
            },
            ReplaceBody { at, body } => ReplaceBody {
                at,
                body: replace(&mut d.sub_bodies, at - 1, body, "body")?,
            },
            SetBodies { body, sub_bodies } => SetBodies {
                body: Box::new(std::mem::replace(&mut d.body, *body)),
                sub_bodies: std::mem::replace(&mut d.sub_bodies, sub_bodies),
            },
            SetMergeConflicts(list) => {
                SetMergeConflicts(std::mem::replace(&mut d.merge_conflicts, list))
            }
            SetOutlets(outlets) => SetOutlets(std::mem::replace(&mut d.outlets, outlets)),
            Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply_inner(d) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            // Roll back what was applied: a batch stands or falls whole.
                            for inverse in inverses.into_iter().rev() {
                                inverse.apply_inner(d).expect("an inverse always applies");
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Batch(inverses)
            }
        })
    }
}
