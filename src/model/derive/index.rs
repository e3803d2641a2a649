//! Lookups by id, and what the derivation needs to know of each claim (whose it is, the date it
//! speaks for), built once per dataset and then kept up to date edit by edit (see
//! [`crate::model::Derived::apply_edit`]): an edit that inserts or removes one claim moves the
//! positions after it, and only the lists holding such positions are fixed up.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::sync::OnceLock;

use rustc_hash::{FxBuildHasher, FxHashMap};

use chrono::NaiveDate;

use crate::model::data::dataset::{
    Claim, Dataset, EDITORS_NOTE, Property, Rank, Reliability, Subject,
};
use crate::model::data::date::PartialDate;

/// Whose a claim is, by the claim's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimOwner {
    /// The actor at this position.
    Actor(usize),
    /// A body (its seat rules, for instance).
    Body,
    /// An actor id no actor has (yet): the claim counts for no one.
    Orphan,
    /// Inserted or replaced by an edit being applied; read once the whole edit is known.
    Pending,
}

/// Whose claims moved (or changed) in one step of an edit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Moved {
    /// Actors, each once.
    pub actors: Vec<usize>,
    pub body: bool,
    pub orphans: bool,
}

/// What the derivation reads of one claim, cached so that deriving a row hashes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    owner: ClaimOwner,
    /// The date the claim speaks for: its own, else its source's publication.
    date: Option<PartialDate>,
    /// The first day on which the claim is known (the last day its date covers).
    known: Option<NaiveDate>,
    property: Property,
    rank: Rank,
    /// How far the claim's source is trusted (its own grade, else its outlet's).
    reliability: Reliability,
    /// When it is a hand edit (cited to the editor's note): a hash of its author ("" for a
    /// claim from before authors were recorded), whose own newer hand edit replaces it.
    hand: Option<u64>,
    /// A hash of the source id: counting a row's distinct sources compares strings only
    /// when two hashes agree.
    source: u64,
    /// The claim is about a sub-body ("a member of the Executive Board"), not the main one.
    sub_body: bool,
    /// A hash of the claim's id, for [`Index::claim_id_taken`].
    id: u64,
}

const PENDING: Slot = Slot {
    owner: ClaimOwner::Pending,
    date: None,
    known: None,
    property: Property::Invited,
    rank: Rank::Normal,
    reliability: Reliability::Normal,
    hand: None,
    source: 0,
    sub_body: false,
    id: 0,
};

/// From this many claims on, the index is built a share of the claims on each core.
const PARALLEL_CLAIMS: usize = 20_000;

#[derive(Debug, Default, PartialEq)]
pub struct Index {
    pub actor_by_id: HashMap<String, usize>,
    pub source_by_id: HashMap<String, usize>,
    /// For each actor (by position), the positions of the claims about it, in file order.
    pub claims_by_actor: Vec<Vec<usize>>,
    /// Claims about bodies, in file order.
    pub body_claims: Vec<usize>,
    /// One per claim, by position.
    slots: Vec<Slot>,
    /// The publication date and reliability each source id stands for; when they change, so
    /// do the dates of the undated claims citing it, and the weight of every claim citing it.
    source_dates: HashMap<String, (Option<PartialDate>, Reliability)>,
    /// The main body's id: a claim naming it is about the main body, like one naming none.
    main_body: String,
    /// How many claims have each id hash: built at the first question (opening a file never
    /// pays for it), then kept up to date by edits.
    ids: IdCounts,
}

/// Claims per id hash, once asked for. Two indexes are equal when their counts are, or when
/// either has not built them yet (they are a view of the slots, which are compared).
#[derive(Debug, Default)]
struct IdCounts(OnceLock<FxHashMap<u64, u32>>);

impl PartialEq for IdCounts {
    fn eq(&self, other: &Self) -> bool {
        match (self.0.get(), other.0.get()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

fn id_hash(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}

/// Whether a claim first known on `known` is known by `as_of` (everything is, without one).
pub fn known_by(known: Option<NaiveDate>, as_of: Option<NaiveDate>) -> bool {
    match (known, as_of) {
        (Some(known), Some(day)) => known <= day,
        _ => true,
    }
}

impl Index {
    pub fn build(dataset: &Dataset) -> Index {
        let actor_by_id: HashMap<String, usize> = dataset
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut index = Index {
            actor_by_id,
            claims_by_actor: vec![Vec::new(); dataset.actors.len()],
            slots: Vec::with_capacity(dataset.claims.len()),
            main_body: dataset.body.id.clone(),
            ..Index::default()
        };
        index.refresh_sources(dataset);
        // Each claim's slot reads only the lookups above: a share of a million on each core.
        let claims = &dataset.claims;
        let shares = super::shares::in_shares(claims.len(), PARALLEL_CLAIMS, |range| {
            claims[range]
                .iter()
                .map(|c| index.slot(c))
                .collect::<Vec<_>>()
        });
        for slot in shares.into_iter().flatten() {
            let i = index.slots.len();
            match slot.owner {
                ClaimOwner::Actor(a) => index.claims_by_actor[a].push(i),
                ClaimOwner::Body => index.body_claims.push(i),
                ClaimOwner::Orphan | ClaimOwner::Pending => {}
            }
            index.slots.push(slot);
        }
        index
    }

    /// The date claim `claim` speaks for: its own, else its source's publication date.
    pub fn claim_date(&self, claim: usize) -> Option<PartialDate> {
        self.slots[claim].date
    }

    /// Whether claim `claim` is known by `as_of`.
    pub fn claim_known_by(&self, claim: usize, as_of: Option<NaiveDate>) -> bool {
        known_by(self.slots[claim].known, as_of)
    }

    /// The first day on which claim `claim` is known (`None`: always).
    pub fn known_from(&self, claim: usize) -> Option<NaiveDate> {
        self.slots[claim].known
    }

    /// The property claim `claim` is about, and its rank.
    pub fn claim_property_rank(&self, claim: usize) -> (Property, Rank) {
        (self.slots[claim].property, self.slots[claim].rank)
    }

    /// How far the source of claim `claim` is trusted.
    pub fn claim_reliability(&self, claim: usize) -> Reliability {
        self.slots[claim].reliability
    }

    /// Whether claim `claim` is a hand edit (cited to the editor's note).
    pub fn claim_is_hand_edit(&self, claim: usize) -> bool {
        self.slots[claim].hand.is_some()
    }

    /// When claim `claim` is a hand edit, a hash of its author (equal authors, equal hashes;
    /// claims from before authors were recorded all share one).
    pub fn claim_hand_author(&self, claim: usize) -> Option<u64> {
        self.slots[claim].hand
    }

    /// A hash of the source id of claim `claim` (equal ids, equal hashes).
    pub fn source_hash(&self, claim: usize) -> u64 {
        self.slots[claim].source
    }

    /// The main body's id the index was built with.
    pub(crate) fn main_body(&self) -> &str {
        &self.main_body
    }

    /// Whether claim `claim` is about a sub-body rather than the main body.
    pub fn claim_sub_body(&self, claim: usize) -> bool {
        self.slots[claim].sub_body
    }

    /// Whose claim `claim` is.
    pub fn owner(&self, claim: usize) -> ClaimOwner {
        self.slots[claim].owner
    }

    /// Whether a claim has the id `id`, without reading every claim: true for every id taken
    /// (and, on a hash collision, perhaps for one that is not; a new id then takes the next
    /// number, which is harmless).
    pub fn claim_id_taken(&self, id: &str) -> bool {
        let ids = self.ids.0.get_or_init(|| {
            let mut ids = FxHashMap::default();
            for slot in self.slots.iter().filter(|s| s.owner != ClaimOwner::Pending) {
                *ids.entry(slot.id).or_insert(0) += 1;
            }
            ids
        });
        ids.contains_key(&id_hash(id))
    }

    /// Counts a claim's id in or out of `ids`, if they were built.
    fn count_id(&mut self, slot: Slot, up: bool) {
        let Some(ids) = self
            .ids
            .0
            .get_mut()
            .filter(|_| slot.owner != ClaimOwner::Pending)
        else {
            return;
        };
        if up {
            *ids.entry(slot.id).or_insert(0) += 1;
        } else if let Some(n) = ids.get_mut(&slot.id) {
            *n -= 1;
            if *n == 0 {
                ids.remove(&slot.id);
            }
        }
    }

    /// How many claims the index covers.
    pub fn claims(&self) -> usize {
        self.slots.len()
    }

    fn slot(&self, claim: &Claim) -> Slot {
        let owner = match &claim.subject {
            Subject::Actor(id) => self
                .actor_by_id
                .get(id)
                .map_or(ClaimOwner::Orphan, |&a| ClaimOwner::Actor(a)),
            Subject::Body(_) => ClaimOwner::Body,
        };
        let source = self.source_dates.get(&claim.source).copied();
        let date = claim.as_of.or_else(|| source.and_then(|(d, _)| d));
        Slot {
            owner,
            date,
            known: date.map(|d| d.last_day()),
            property: claim.fact.property(),
            rank: claim.rank,
            reliability: source.map_or(Reliability::Normal, |(_, r)| r),
            hand: (claim.source == EDITORS_NOTE)
                .then(|| BuildHasherDefault::<DefaultHasher>::default().hash_one(&claim.author)),
            source: BuildHasherDefault::<DefaultHasher>::default().hash_one(&claim.source),
            sub_body: claim.body.as_deref().is_some_and(|b| b != self.main_body),
            id: id_hash(&claim.id),
        }
    }

    /// Rebuilds the source lookups; returns the ids whose publication date or reliability
    /// changed (a source added, removed, re-dated, re-graded or renamed), so the claims citing
    /// them can be read again.
    pub(crate) fn refresh_sources(&mut self, dataset: &Dataset) -> Vec<String> {
        self.source_by_id = dataset
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let dates: HashMap<String, (Option<PartialDate>, Reliability)> = self
            .source_by_id
            .iter()
            .map(|(id, &s)| {
                let source = &dataset.sources[s];
                (id.clone(), (source.published, dataset.reliability(source)))
            })
            .collect();
        let mut changed: Vec<String> = dates
            .iter()
            .filter(|&(id, date)| self.source_dates.get(id) != Some(date))
            .map(|(id, _)| id.clone())
            .chain(
                self.source_dates
                    .keys()
                    .filter(|id| !dates.contains_key(*id))
                    .cloned(),
            )
            .collect();
        changed.sort();
        self.source_dates = dates;
        changed
    }

    /// Reads again the claims citing `sources` (their date, if undated, and their source's
    /// reliability); returns whose claims changed (actors in order, possibly repeated).
    pub(crate) fn redate(&mut self, dataset: &Dataset, sources: &[String]) -> Moved {
        let mut moved = Moved::default();
        for (i, claim) in dataset.claims.iter().enumerate() {
            if self.slots[i].owner == ClaimOwner::Pending
                || sources.binary_search(&claim.source).is_err()
            {
                continue;
            }
            let slot = self.slot(claim);
            if slot != self.slots[i] {
                self.slots[i] = slot;
                // Claims about bodies and unknown actors are compared too (the claim matrix).
                match slot.owner {
                    ClaimOwner::Actor(a) => moved.actors.push(a),
                    ClaimOwner::Body => moved.body = true,
                    ClaimOwner::Orphan => moved.orphans = true,
                    ClaimOwner::Pending => {}
                }
            }
        }
        moved
    }

    /// A claim was inserted at `at`; its content is read later, by [`Index::settle`]. Returns
    /// the actors whose claims moved up one position.
    pub(crate) fn insert_pending(&mut self, at: usize) -> Moved {
        self.slots.insert(at, PENDING);
        self.shift(at + 1, at, true)
    }

    /// The claim at `at` was removed: returns whose it was and the actors whose claims moved
    /// down one position.
    pub(crate) fn remove(&mut self, at: usize) -> (ClaimOwner, Moved) {
        let gone = self.slots.remove(at);
        self.count_id(gone, false);
        let owner = gone.owner;
        self.unlist(owner, at);
        (owner, self.shift(at, at, false))
    }

    /// The claim at `at` was replaced: returns whose it was; the new one is read by `settle`.
    pub(crate) fn replace_pending(&mut self, at: usize) -> ClaimOwner {
        let old = std::mem::replace(&mut self.slots[at], PENDING);
        self.count_id(old, false);
        let owner = old.owner;
        self.unlist(owner, at);
        owner
    }

    /// Reads the claim now at `at` (inserted or replaced) into its owner's list.
    pub(crate) fn settle(&mut self, dataset: &Dataset, at: usize) -> ClaimOwner {
        let slot = self.slot(&dataset.claims[at]);
        self.slots[at] = slot;
        self.count_id(slot, true);
        let list = match slot.owner {
            ClaimOwner::Actor(a) => &mut self.claims_by_actor[a],
            ClaimOwner::Body => &mut self.body_claims,
            ClaimOwner::Orphan | ClaimOwner::Pending => return slot.owner,
        };
        let i = list.partition_point(|&c| c < at);
        list.insert(i, at);
        slot.owner
    }

    /// An actor was appended at `at`: it takes the claims already made about its id. Fails
    /// when another actor has the id (then the claims' owner depends on file order: rebuild).
    /// Returns whether it took any; `None` when it cannot be followed.
    pub(crate) fn add_last_actor(&mut self, dataset: &Dataset, at: usize) -> Option<bool> {
        let id = &dataset.actors.get(at)?.id;
        if at != self.claims_by_actor.len() || self.actor_by_id.contains_key(id) {
            return None;
        }
        self.actor_by_id.insert(id.clone(), at);
        let mut claims = Vec::new();
        for (i, slot) in self.slots.iter_mut().enumerate() {
            if slot.owner == ClaimOwner::Orphan
                && matches!(&dataset.claims[i].subject, Subject::Actor(s) if s == id)
            {
                slot.owner = ClaimOwner::Actor(at);
                claims.push(i);
            }
        }
        let took = !claims.is_empty();
        self.claims_by_actor.push(claims);
        Some(took)
    }

    /// The last actor was removed: its claims become orphans. Returns false, changing nothing,
    /// when another actor has its id (then that one would take the claims: rebuild).
    pub(crate) fn remove_last_actor(&mut self, dataset: &Dataset) -> bool {
        let Some(at) = self.claims_by_actor.len().checked_sub(1) else {
            return false;
        };
        let Some(id) = self
            .actor_by_id
            .iter()
            .find(|&(_, &a)| a == at)
            .map(|(id, _)| id.clone())
        else {
            return false;
        };
        if dataset.actors.iter().any(|a| a.id == id) {
            return false;
        }
        self.actor_by_id.remove(&id);
        for c in self.claims_by_actor.pop().unwrap_or_default() {
            self.slots[c].owner = ClaimOwner::Orphan;
        }
        true
    }

    fn unlist(&mut self, owner: ClaimOwner, at: usize) {
        let list = match owner {
            ClaimOwner::Actor(a) => &mut self.claims_by_actor[a],
            ClaimOwner::Body => &mut self.body_claims,
            ClaimOwner::Orphan | ClaimOwner::Pending => return,
        };
        if let Ok(i) = list.binary_search(&at) {
            list.remove(i);
        }
    }

    /// Moves every listed position at or after `from` one up (`up`) or down, given that the
    /// claims now at `scan..` are the ones that moved. Returns their actors, each once.
    fn shift(&mut self, scan: usize, from: usize, up: bool) -> Moved {
        let mut seen = vec![false; self.claims_by_actor.len()];
        let mut moved = Moved::default();
        for slot in &self.slots[scan.min(self.slots.len())..] {
            match slot.owner {
                ClaimOwner::Actor(a) if !seen[a] => {
                    seen[a] = true;
                    moved.actors.push(a);
                }
                ClaimOwner::Actor(_) | ClaimOwner::Pending => {}
                ClaimOwner::Body => moved.body = true,
                ClaimOwner::Orphan => moved.orphans = true,
            }
        }
        for &a in &moved.actors {
            shift_list(&mut self.claims_by_actor[a], from, up);
        }
        if moved.body {
            shift_list(&mut self.body_claims, from, up);
        }
        moved
    }
}

/// Moves the positions at or after `from` in a sorted list one up or down.
fn shift_list(list: &mut [usize], from: usize, up: bool) {
    let start = list.partition_point(|&c| c < from);
    for c in &mut list[start..] {
        *c = if up { *c + 1 } else { *c - 1 };
    }
}

/// Moves one position the way an insert at `at` (`up`) or a removal at `at` moves it (the
/// removed position itself stays: whoever held it is derived again).
pub(crate) fn shift_position(c: &mut usize, at: usize, up: bool) {
    if up && *c >= at {
        *c += 1;
    } else if !up && *c > at {
        *c -= 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Subject;
    use crate::model::data::generate::{Spec, generate};

    /// Built a share of the claims on each core, the index lists each actor's claims, and the
    /// body's, in file order, with a date for each claim, as one pass would.
    #[test]
    fn a_large_index_lists_each_actors_claims_in_file_order() {
        let d = generate(Spec {
            actors: 2_100,
            claims_per_actor: 10,
            sources: 5,
            events: 0,
            seed: 6,
        });
        assert!(d.claims.len() >= super::PARALLEL_CLAIMS);
        let index = super::Index::build(&d);
        let mut expected = vec![Vec::new(); d.actors.len()];
        for (i, c) in d.claims.iter().enumerate() {
            if let Subject::Actor(id) = &c.subject {
                expected[index.actor_by_id[id]].push(i);
            }
        }
        assert_eq!(index.claims_by_actor, expected);
        assert_eq!(index.slots.len(), d.claims.len());
        let dated = (0..d.claims.len())
            .filter(|&c| index.claim_date(c).is_some())
            .count();
        assert!(dated > d.claims.len() / 2, "{dated} claims dated");
    }
}
