//! The same new id given to two different records, one on each side ("un" for the United
//! Nations and for a UN envoy): one of them takes a fresh id, and every reference on its side
//! moves along, so both records survive the merge.
//!
//! Which one is renamed depends on the records alone (the one whose content sorts later), not
//! on which side is "ours": merging A into B and B into A gives the same dataset.

use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::data::dataset::{Dataset, Fact, Id, Subject};

/// An id that was split: `from` stays with one record, `to` is the other's new id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renamed {
    pub collection: &'static str,
    pub from: Id,
    pub to: Id,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Actor,
    Source,
    Claim,
    Event,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Actor => "actors",
            Kind::Source => "sources",
            Kind::Claim => "claims",
            Kind::Event => "events",
        }
    }

    /// A record's content, for telling records apart and ordering them.
    fn json(self, d: &Dataset, at: usize) -> String {
        fn json<T: serde::Serialize>(r: &T) -> String {
            serde_json::to_string(r).unwrap_or_default()
        }
        match self {
            Kind::Actor => json(&d.actors[at]),
            Kind::Source => json(&d.sources[at]),
            Kind::Claim => json(&d.claims[at]),
            Kind::Event => json(&d.events[at]),
        }
    }

    fn ids(self, d: &Dataset) -> Vec<&str> {
        match self {
            Kind::Actor => d.actors.iter().map(|r| r.id.as_str()).collect(),
            Kind::Source => d.sources.iter().map(|r| r.id.as_str()).collect(),
            Kind::Claim => d.claims.iter().map(|r| r.id.as_str()).collect(),
            Kind::Event => d.events.iter().map(|r| r.id.as_str()).collect(),
        }
    }
}

/// Splits ids both sides added for different records; returns what was renamed.
pub(super) fn separate(base: &Dataset, ours: &mut Dataset, theirs: &mut Dataset) -> Vec<Renamed> {
    let mut renamed = Vec::new();
    for kind in [Kind::Actor, Kind::Source, Kind::Claim, Kind::Event] {
        let clashes: Vec<(Id, bool)> = {
            let base_ids: FxHashSet<&str> = kind.ids(base).into_iter().collect();
            // Only records new on theirs can clash: usually a few among many.
            let mut theirs_new: FxHashMap<&str, usize> = FxHashMap::default();
            for (j, id) in kind.ids(theirs).into_iter().enumerate() {
                if !base_ids.contains(id) {
                    theirs_new.entry(id).or_insert(j);
                }
            }
            let mut found = Vec::new();
            if !theirs_new.is_empty() {
                let mut seen = FxHashSet::default();
                for (i, id) in kind.ids(ours).into_iter().enumerate() {
                    let Some(&j) = theirs_new.get(id) else {
                        continue;
                    };
                    let (o, t) = (kind.json(ours, i), kind.json(theirs, j));
                    // The record whose content sorts later is renamed, on whichever side.
                    if o != t && seen.insert(id) {
                        found.push((id.to_string(), o > t));
                    }
                }
            }
            found
        };
        if clashes.is_empty() {
            continue;
        }
        let mut taken: HashSet<String> = [base, &*ours, &*theirs]
            .into_iter()
            .flat_map(|d| kind.ids(d).into_iter().map(String::from))
            .collect();
        for (from, rename_ours) in clashes {
            let to = (2..)
                .map(|n| format!("{from}-{n}"))
                .find(|id| !taken.contains(id))
                .expect("some suffix is free");
            taken.insert(to.clone());
            let side = if rename_ours {
                &mut *ours
            } else {
                &mut *theirs
            };
            rename(side, kind, &from, &to);
            renamed.push(Renamed {
                collection: kind.name(),
                from,
                to,
            });
        }
    }
    renamed
}

/// Gives the record `from` of `kind` the id `to`, and moves every reference to it.
fn rename(d: &mut Dataset, kind: Kind, from: &str, to: &str) {
    let set = |id: &mut Id| {
        if id == from {
            *id = to.to_string();
        }
    };
    match kind {
        Kind::Actor => {
            // The first record only: a repeated id (an invalid file) keeps its other records.
            if let Some(a) = d.actors.iter_mut().find(|a| a.id == from) {
                a.id = to.to_string();
            }
            for c in &mut d.claims {
                if let Subject::Actor(id) = &mut c.subject {
                    set(id);
                }
                if let Fact::Represents(id) = &mut c.fact {
                    set(id);
                }
            }
            for e in &mut d.events {
                e.actors.iter_mut().for_each(set);
            }
        }
        Kind::Source => {
            if let Some(s) = d.sources.iter_mut().find(|s| s.id == from) {
                s.id = to.to_string();
            }
            d.claims.iter_mut().for_each(|c| set(&mut c.source));
            for e in &mut d.events {
                e.sources.iter_mut().for_each(set);
            }
        }
        Kind::Claim => {
            if let Some(c) = d.claims.iter_mut().find(|c| c.id == from) {
                c.id = to.to_string();
            }
        }
        Kind::Event => {
            if let Some(e) = d.events.iter_mut().find(|e| e.id == from) {
                e.id = to.to_string();
            }
        }
    }
}
