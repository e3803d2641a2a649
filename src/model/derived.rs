//! Derived data, cached per revision of the dataset and as-of date: the UI asks for it every
//! frame, and it is rebuilt only when an edit (or a new as-of date) makes it stale.

use chrono::NaiveDate;

use super::dataset::Dataset;
use super::index::Index;
use super::roster::{Roster, roster};
use super::seats::{SeatOutcome, seat};

#[derive(Debug, Default)]
pub struct Derived {
    key: Option<(u64, Option<NaiveDate>)>,
    pub index: Index,
    pub roster: Roster,
    /// One per roster row, same order.
    pub seats: Vec<SeatOutcome>,
    /// Properties in conflict across the roster (counted once, shown every frame).
    pub conflicts: usize,
}

impl Derived {
    /// A fact's value in words, with actor ids shown as names (through the index, so it is
    /// cheap enough for every frame).
    pub fn fact_label(&self, d: &Dataset, fact: &crate::model::Fact) -> String {
        match fact {
            crate::model::Fact::Represents(id) => match self.index.actor_by_id.get(id) {
                Some(&at) => d.actors[at].name.clone(),
                None => id.clone(),
            },
            other => other.value_label(),
        }
    }

    /// A source by id, through the index.
    pub fn source<'d>(&self, d: &'d Dataset, id: &str) -> Option<&'d crate::model::Source> {
        self.index.source_by_id.get(id).map(|&s| &d.sources[s])
    }

    /// The dataset revision this was derived from.
    pub fn revision(&self) -> u64 {
        self.key.map_or(0, |(r, _)| r)
    }

    /// The as-of date this was derived for (`None`: everything known).
    pub fn as_of(&self) -> Option<NaiveDate> {
        self.key.and_then(|(_, d)| d)
    }

    /// Rebuilds if the dataset changed or the as-of date moved; returns whether it did.
    pub fn refresh(&mut self, dataset: &Dataset, as_of: Option<NaiveDate>) -> bool {
        let key = Some((dataset.revision.get(), as_of));
        if self.key == key {
            return false;
        }
        self.index = Index::build(dataset);
        self.roster = roster(dataset, &self.index, as_of);
        let rules = &dataset.body.seat_rules;
        self.seats = self
            .roster
            .rows
            .iter()
            .map(|row| seat(rules, dataset, &self.index, row))
            .collect();
        self.conflicts = self.roster.conflicts();
        self.key = key;
        true
    }
}
