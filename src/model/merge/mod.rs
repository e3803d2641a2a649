//! Two datasets side by side: the three-way merge (here, with its parts below) and what
//! changed between two states ([`diff`]).
//!
//! The three-way merge of two editions of a dataset that share an ancestor (`git merge`'s
//! BASE, OURS and THEIRS), keyed by ids, not lines.
//!
//! Records added on either side are kept; a record deleted on one side and unchanged on the
//! other is deleted (unless the other side still points at it); a field changed on one side
//! takes that side's value. Claims are statements: two different claims are two records and
//! never conflict (the conflict rule of the model shows their disagreement). The same field
//! changed differently on both sides is a [`MergeConflict`], kept in the dataset as data: ours
//! stays in place, both values are recorded, the file still loads and the editor picks one
//! (see [`resolve`]). The same new id given to two different records is split (see `ids`).
//!
//! Records merge field by field through serde values (see `value`), so fields added to the
//! model later merge without code here. The big lists are compared as typed records first and
//! only records changed on both sides go through values, which keeps 100,000 actors fast.

pub mod diff;
mod edit_to;
mod ids;
mod resolve;
mod sources;
mod value;

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::data::dataset::{Actor, Claim, Dataset, Event, Fact, Id, Source, Subject};

pub use edit_to::edit_to;
pub use ids::Renamed;
pub use resolve::{Pick, ResolveError, resolve};
pub use value::id_step;

/// A field both sides of a merge changed, each in its own way. Ours stays in the record until
/// the editor picks; the conflict says which side said what.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MergeConflict {
    /// Where the value lies: the list (`"actors"`), `id=ID` for the record, then field names.
    /// A path that ends at the record means the whole record (deleted on one side).
    pub path: Vec<String>,
    /// The value on each side as JSON text; `null` where that side deleted it.
    pub ours: String,
    pub theirs: String,
}

impl MergeConflict {
    /// The list the record is in ("actors", "sources", "body").
    pub fn collection(&self) -> &str {
        self.path.first().map_or("", String::as_str)
    }

    /// The record's id, when the record is in a list.
    pub fn record(&self) -> Option<&str> {
        self.path.get(1).and_then(|s| s.strip_prefix("id="))
    }

    /// The field, as `name` or `seat_rules.threshold`; empty for the whole record.
    pub fn field(&self) -> String {
        let skip = if self.record().is_some() { 2 } else { 1 };
        self.path
            .iter()
            .skip(skip)
            .cloned()
            .collect::<Vec<_>>()
            .join(".")
    }

    /// "actors putin: name: ours "Vladimir Putin", theirs "V. Putin"".
    pub fn describe(&self) -> String {
        let mut place = self.collection().to_string();
        if let Some(id) = self.record() {
            place.push(' ');
            place.push_str(id);
        }
        let field = self.field();
        let what = if field.is_empty() {
            "the record".to_string()
        } else {
            field
        };
        format!("{place}: {what}: {}", self.sides())
    }

    /// "ours \"Vladimir Putin\", theirs \"V. V. Putin\"": each side's value for people.
    pub fn sides(&self) -> String {
        format!("ours {}, theirs {}", shown(&self.ours), shown(&self.theirs))
    }

    /// The conflict's name on the command line, one word a shell leaves alone:
    /// `actors/putin/name`, `body/seat_rules/threshold`, `claims/c-1` (the whole record).
    pub fn key(&self) -> String {
        self.path
            .iter()
            .map(|step| step.strip_prefix("id=").unwrap_or(step))
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// Where the conflict named `key` (see [`MergeConflict::key`]) is in the dataset's list.
pub fn conflict_at(d: &Dataset, key: &str) -> Option<usize> {
    d.merge_conflicts.iter().position(|c| c.key() == key)
}

/// A side's value for people: "deleted" for an absent value, long texts shortened.
fn shown(json: &str) -> String {
    if json == "null" {
        return "deleted".into();
    }
    let count = json.chars().count();
    if count > 80 {
        let head: String = json.chars().take(77).collect();
        format!("{head}… ({count} characters)")
    } else {
        json.to_string()
    }
}

/// What a merge made, and what it has to tell.
#[derive(Debug)]
pub struct Merged {
    pub dataset: Dataset,
    /// The conflicts this merge found (the dataset lists them with any left from before).
    pub conflicts: Vec<MergeConflict>,
    pub renamed: Vec<Renamed>,
    /// Quotes moved to where their words are in the merged text of their source.
    pub reanchored: usize,
    /// Claims whose quoted words are not in the merged text of their source.
    pub orphaned: Vec<Id>,
}

impl Merged {
    /// The merge in words, one line each: renamed ids, re-anchored and orphaned quotes,
    /// conflicts.
    pub fn report(&self) -> String {
        self.report_lines()
            .into_iter()
            .map(|line| line + "\n")
            .collect()
    }

    /// The report's lines, each whole though what it quotes (an id, a value) may hold a line
    /// break: a terminal escapes each line where it lands.
    pub fn report_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for r in &self.renamed {
            out.push(format!(
                "renamed: {} {} was given to two different records; one of them is now {}",
                r.collection, r.from, r.to
            ));
        }
        if self.reanchored > 0 {
            out.push(format!(
                "re-anchored: {} quote(s) in merged source texts",
                self.reanchored
            ));
        }
        for id in &self.orphaned {
            out.push(format!(
                "orphaned: claim {id}: its quoted words are not in the merged source text"
            ));
        }
        for c in &self.conflicts {
            out.push(format!("conflict: {}", c.describe()));
        }
        out
    }
}

/// A record of a list: what the typed merge needs to know.
trait Record: Serialize + DeserializeOwned + PartialEq {
    fn id(&self) -> &str;
}

macro_rules! record {
    ($($t:ty),*) => {$(
        impl Record for $t {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}
record!(Actor, Source, Claim, Event);

/// Why a merge failed: a record, or the dataset, that does not fit the model once merged (a
/// defect, named), never a conflict.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// A record or the dataset could not be read as a value.
    #[error(transparent)]
    Value(serde_json::Error),
    #[error("{name} {id}: the merged record does not fit: {source}")]
    RecordDoesNotFit {
        name: String,
        id: String,
        source: serde_json::Error,
    },
    #[error("the merged dataset: {0}")]
    Dataset(#[source] serde_json::Error),
}

/// Merges OURS and THEIRS, two editions of BASE. Fails only when a merged record does not fit
/// the model (a defect, named), never on a conflict: conflicts are in the result.
pub fn merge(base: Dataset, ours: Dataset, theirs: Dataset) -> Result<Merged, MergeError> {
    merge_with(base, ours, theirs, Ancestry::Common)
}

/// Merges two datasets that have no common ancestor: both branches added the file (git's
/// add/add, which passes an empty base). Both started from one dataset, so a record with the
/// same id on both sides is one record, merged field by field, a field that differs a
/// conflict; nothing is split into two (a rename on one side must not make two Trumps).
pub fn merge_added_on_both_sides(ours: Dataset, theirs: Dataset) -> Result<Merged, MergeError> {
    merge_with(Dataset::default(), ours, theirs, Ancestry::None)
}

/// Whether the two sides share an ancestor (the base), or both added the file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ancestry {
    Common,
    None,
}

fn merge_with(
    mut base: Dataset,
    mut ours: Dataset,
    mut theirs: Dataset,
    ancestry: Ancestry,
) -> Result<Merged, MergeError> {
    // The same new id on two records means two records only when the sides share a base
    // that lacks it; without a base, every id is new on both sides and names one record.
    let renamed = match ancestry {
        Ancestry::Common => ids::separate(&base, &mut ours, &mut theirs),
        Ancestry::None => Vec::new(),
    };
    let keep = referenced_deletions(&base, &ours, &theirs);
    let hashes = |d: &Dataset| -> HashMap<Id, String> {
        d.sources
            .iter()
            .map(|s| (s.id.clone(), s.hash.clone()))
            .collect()
    };
    let (our_hashes, their_hashes) = (hashes(&ours), hashes(&theirs));
    let mut ctx = value::MergeCtx::default();
    let claim_lists = (
        std::mem::take(&mut base.claims),
        std::mem::take(&mut ours.claims),
        std::mem::take(&mut theirs.claims),
    );
    let keep = &keep;
    let (claims, actors, sources, events) = std::thread::scope(|scope| {
        // The claims (by far the longest list) merge on a second thread meanwhile.
        let claims = scope.spawn(move || {
            let mut ctx = value::MergeCtx::default();
            let (b, o, t) = claim_lists;
            merge_list("claims", b, o, t, keep, &mut ctx).map(|list| (list, ctx.conflicts))
        });
        macro_rules! list {
            ($field:ident) => {
                merge_list(
                    stringify!($field),
                    std::mem::take(&mut base.$field),
                    std::mem::take(&mut ours.$field),
                    std::mem::take(&mut theirs.$field),
                    keep,
                    &mut ctx,
                )
            };
        }
        let (actors, sources, events) = (list!(actors), list!(sources), list!(events));
        let claims = claims.join().expect("the claims merge does not panic");
        Ok::<_, MergeError>((claims?, actors?, sources?, events?))
    })?;
    let (claims, mut claim_conflicts) = claims;
    ctx.conflicts.append(&mut claim_conflicts);
    // Conflicts left from an earlier merge: the editor resolves them on either side.
    let earlier = set_merge(
        &std::mem::take(&mut base.merge_conflicts),
        &std::mem::take(&mut ours.merge_conflicts),
        &std::mem::take(&mut theirs.merge_conflicts),
    );
    // Everything else (the body, its rules, sub-bodies, fields added later) generically.
    let to_value = |d: &Dataset| serde_json::to_value(d).map_err(MergeError::Value);
    let rest = value::merge(
        Some(&to_value(&base)?),
        Some(&to_value(&ours)?),
        Some(&to_value(&theirs)?),
        &mut ctx,
    )
    .unwrap_or(Value::Null);
    let mut dataset: Dataset = serde_json::from_value(rest).map_err(MergeError::Dataset)?;
    dataset.actors = actors;
    dataset.sources = sources;
    dataset.claims = claims;
    dataset.events = events;
    let mut conflicts = ctx.conflicts;
    let (reanchored, orphaned) =
        sources::settle(&mut dataset, &mut conflicts, &our_hashes, &their_hashes);
    dataset.merge_conflicts = earlier;
    dataset.merge_conflicts.extend(conflicts.iter().cloned());
    dataset.touch();
    Ok(Merged {
        dataset,
        conflicts,
        renamed,
        reanchored,
        orphaned,
    })
}

/// Ours' items that theirs kept or that are new, then theirs' new items.
fn set_merge<T: Eq + std::hash::Hash + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let (b, o, t): (HashSet<&T>, HashSet<&T>, HashSet<&T>) = (
        base.iter().collect(),
        ours.iter().collect(),
        theirs.iter().collect(),
    );
    let kept = ours.iter().filter(|v| t.contains(v) || !b.contains(v));
    let added = theirs.iter().filter(|v| !o.contains(v) && !b.contains(v));
    kept.chain(added).cloned().collect()
}

/// Actors and sources one side deleted while the other side's claims or events still point at
/// them: they are kept (with a conflict), so the merged file never points at nothing.
fn referenced_deletions(base: &Dataset, ours: &Dataset, theirs: &Dataset) -> HashSet<Id> {
    fn present(d: &Dataset) -> rustc_hash::FxHashSet<&str> {
        d.actors
            .iter()
            .map(|a| a.id.as_str())
            .chain(d.sources.iter().map(|s| s.id.as_str()))
            .collect()
    }
    let (o, t) = (present(ours), present(theirs));
    let deleted: HashSet<&str> = base
        .actors
        .iter()
        .map(|a| a.id.as_str())
        .chain(base.sources.iter().map(|s| s.id.as_str()))
        .filter(|id| !o.contains(id) || !t.contains(id))
        .collect();
    if deleted.is_empty() {
        return HashSet::new();
    }
    let mut keep = HashSet::new();
    for d in [ours, theirs] {
        for c in &d.claims {
            let mut refs = vec![c.subject.id(), c.source.as_str()];
            if let Fact::Represents(id) = &c.fact {
                refs.push(id);
            }
            if let Subject::Body(_) = c.subject {
                refs.remove(0);
            }
            keep.extend(
                refs.into_iter()
                    .filter(|id| deleted.contains(id))
                    .map(String::from),
            );
        }
        for e in &d.events {
            let refs = e.actors.iter().chain(&e.sources);
            keep.extend(refs.filter(|id| deleted.contains(id.as_str())).cloned());
        }
    }
    keep
}

/// Where a merged record comes from: ours at a position, theirs at a position (records only
/// theirs has, in theirs' order, after all of ours), or merged anew.
enum From<T> {
    Ours(usize),
    Theirs(usize),
    Merged(T),
}

/// One list by id, typed: records equal on two sides are settled without serde; only those
/// changed on both sides are merged field by field. Records are moved, not copied, except the
/// few taken from theirs in ours' place.
fn merge_list<T: Record + Clone>(
    name: &str,
    base: Vec<T>,
    ours: Vec<T>,
    theirs: Vec<T>,
    keep: &HashSet<Id>,
    ctx: &mut value::MergeCtx,
) -> Result<Vec<T>, MergeError> {
    fn index<T: Record>(list: &[T]) -> FxHashMap<&str, usize> {
        let mut map = FxHashMap::with_capacity_and_hasher(list.len(), Default::default());
        for (i, r) in list.iter().enumerate() {
            map.entry(r.id()).or_insert(i);
        }
        map
    }
    let mut picks = Vec::with_capacity(ours.len().max(theirs.len()));
    {
        let (b, o, t) = (index(&base), index(&ours), index(&theirs));
        for (i, r) in ours.iter().enumerate() {
            if o.get(r.id()) != Some(&i) {
                continue; // A repeated id (an invalid file): the first one stands.
            }
            let bv = b.get(r.id()).map(|&k| &base[k]);
            match t.get(r.id()) {
                Some(&j) => {
                    let tv = &theirs[j];
                    if r == tv || bv == Some(tv) {
                        picks.push(From::Ours(i));
                    } else if bv == Some(r) {
                        picks.push(From::Merged(tv.clone()));
                    } else {
                        picks.push(From::Merged(both_changed(name, bv, r, tv, ctx)?));
                    }
                }
                None => match bv {
                    None => picks.push(From::Ours(i)),
                    Some(b) if b == r && !keep.contains(r.id()) => {}
                    Some(_) => {
                        deletion_conflict(name, r.id(), Some(r), None, ctx)?;
                        picks.push(From::Ours(i));
                    }
                },
            }
        }
        for (j, r) in theirs.iter().enumerate() {
            if o.contains_key(r.id()) || t.get(r.id()) != Some(&j) {
                continue;
            }
            match b.get(r.id()).map(|&k| &base[k]) {
                None => picks.push(From::Theirs(j)),
                Some(b) if b == r && !keep.contains(r.id()) => {}
                Some(_) => {
                    deletion_conflict(name, r.id(), None, Some(r), ctx)?;
                    picks.push(From::Theirs(j));
                }
            }
        }
    }
    drop(base);
    // Positions only grow within each side, so each list is walked once.
    let mut ours = ours.into_iter().enumerate();
    let mut theirs = theirs.into_iter().enumerate();
    let take = |list: &mut std::iter::Enumerate<std::vec::IntoIter<T>>, at: usize| {
        list.find(|(k, _)| *k == at).map(|(_, r)| r)
    };
    Ok(picks
        .into_iter()
        .filter_map(|p| match p {
            From::Ours(i) => take(&mut ours, i),
            From::Theirs(j) => take(&mut theirs, j),
            From::Merged(r) => Some(r),
        })
        .collect())
}

fn to_value<T: Serialize>(r: &T) -> Result<Value, MergeError> {
    serde_json::to_value(r).map_err(MergeError::Value)
}

/// A record both sides changed: field by field.
fn both_changed<T: Record>(
    name: &str,
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    ctx: &mut value::MergeCtx,
) -> Result<T, MergeError> {
    let b = base.map(to_value).transpose()?;
    let (o, t) = (to_value(ours)?, to_value(theirs)?);
    ctx.path = vec![name.to_string(), id_step(ours.id())];
    let merged = value::merge(b.as_ref(), Some(&o), Some(&t), ctx);
    ctx.path.clear();
    serde_json::from_value(merged.unwrap_or(o)).map_err(|source| MergeError::RecordDoesNotFit {
        name: name.to_string(),
        id: ours.id().to_string(),
        source,
    })
}

/// A record deleted on one side and changed (or still pointed at) on the other: it is kept.
fn deletion_conflict<T: Record>(
    name: &str,
    id: &str,
    ours: Option<&T>,
    theirs: Option<&T>,
    ctx: &mut value::MergeCtx,
) -> Result<(), MergeError> {
    let (o, t) = (
        ours.map(to_value).transpose()?,
        theirs.map(to_value).transpose()?,
    );
    ctx.path = vec![name.to_string(), id_step(id)];
    ctx.conflict(o.as_ref(), t.as_ref());
    ctx.path.clear();
    Ok(())
}
