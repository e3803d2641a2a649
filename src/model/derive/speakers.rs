//! Who speaks for whom: seats are held by states and organisations, and a person who represents
//! one (Netanyahu for Israel) speaks for it. Kept per actor, so that when one actor's row is
//! derived again only its old and new member need their seats decided again.

use super::index::Index;
use super::roster::RosterRow;
use crate::model::data::dataset::{ActorKind, Dataset, Fact, Property};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Speakers {
    /// For each actor (by position), the state or organisation its best "represents" claim
    /// names, when that is an actor of such a kind.
    speaks_for: Vec<Option<usize>>,
    /// For each actor, those who speak for it, in actor order.
    speakers: Vec<Vec<usize>>,
    /// Each actor's kind when last seen: a change of kind changes who can hold a seat.
    kinds: Vec<ActorKind>,
}

/// Whether an actor of this kind holds seats (and can be spoken for).
pub fn holds_seats(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::State | ActorKind::Organisation)
}

/// The member the actor of `row` speaks for, if its best "represents" claim names a state or
/// an organisation of the dataset (other than itself).
pub fn target(d: &Dataset, index: &Index, row: &RosterRow) -> Option<usize> {
    let Some(Fact::Represents(id)) = row.fact(d, Property::Represents) else {
        return None;
    };
    let &at = index.actor_by_id.get(id)?;
    (at != row.actor && holds_seats(d.actors[at].kind)).then_some(at)
}

impl Speakers {
    /// From the rows of every actor (one per actor, in actor order).
    pub fn build(d: &Dataset, index: &Index, rows: &[RosterRow]) -> Speakers {
        let mut s = Speakers {
            speaks_for: vec![None; d.actors.len()],
            speakers: vec![Vec::new(); d.actors.len()],
            kinds: d.actors.iter().map(|a| a.kind).collect(),
        };
        for row in rows {
            s.set(row.actor, target(d, index, row));
        }
        s
    }

    pub fn speaks_for(&self, actor: usize) -> Option<usize> {
        self.speaks_for.get(actor).copied().flatten()
    }

    pub fn speakers(&self, actor: usize) -> &[usize] {
        self.speakers.get(actor).map_or(&[], Vec::as_slice)
    }

    /// Whether any actor's kind differs from the one these links were made with.
    pub fn kinds_changed(&self, d: &Dataset) -> bool {
        self.kinds.len() != d.actors.len()
            || d.actors.iter().zip(&self.kinds).any(|(a, &k)| a.kind != k)
    }

    /// Records that `actor` now speaks for `to`; returns whom it spoke for before.
    pub fn set(&mut self, actor: usize, to: Option<usize>) -> Option<usize> {
        if actor >= self.speaks_for.len() {
            self.speaks_for.resize(actor + 1, None);
            self.speakers.resize(actor + 1, Vec::new());
        }
        let old = std::mem::replace(&mut self.speaks_for[actor], to);
        if old == to {
            return old;
        }
        if let Some(o) = old
            && let Some(list) = self.speakers.get_mut(o)
        {
            list.retain(|&a| a != actor);
        }
        if let Some(t) = to {
            if t >= self.speakers.len() {
                self.speakers.resize(t + 1, Vec::new());
            }
            let list = &mut self.speakers[t];
            let i = list.partition_point(|&a| a < actor);
            list.insert(i, actor);
        }
        old
    }

    /// An actor appended at the end, speaking for no one yet.
    pub fn push_actor(&mut self, kind: ActorKind) {
        self.speaks_for.push(None);
        self.speakers.push(Vec::new());
        self.kinds.push(kind);
    }

    /// The last actor removed: it speaks for no one, and no one speaks for it.
    pub fn pop_actor(&mut self) {
        let last = self.speaks_for.len().saturating_sub(1);
        self.set(last, None);
        for a in self.speakers.get(last).cloned().unwrap_or_default() {
            self.speaks_for[a] = None;
        }
        self.speaks_for.pop();
        self.speakers.pop();
        self.kinds.pop();
    }
}
