//! The report: one value, read from data already derived (roster, seats, index), holding
//! what every export and every command-line table shows: roster rows with their seats, the
//! members and totals, conflicts with their competing claims, the timeline, the sources.
//! Writers (CSV, Markdown, aligned text) only render it; nothing here derives a second time.

use chrono::NaiveDate;

use super::dataset::{Actor, Claim, Dataset, Event, Property, Source};
use super::derived::Derived;
use super::roster::{RosterRow, rivals};
use super::seats::{SeatKind, SeatOutcome, Totals, totals};

/// One roster row with its actor and seat.
#[derive(Debug)]
pub struct ReportRow<'a> {
    pub actor: &'a Actor,
    pub row: &'a RosterRow,
    pub seat: &'a SeatOutcome,
}

/// A property in conflict under the one rule ([`super::conflict`]): the best claim first,
/// then those that conflict with it.
#[derive(Debug)]
pub struct ReportConflict<'a> {
    pub actor: &'a Actor,
    pub property: Property,
    pub claims: Vec<ReportClaim<'a>>,
}

#[derive(Debug)]
pub struct ReportClaim<'a> {
    pub claim: &'a Claim,
    /// The source's outlet, or the claim's source id when the source is missing.
    pub source: &'a str,
}

#[derive(Debug)]
pub struct Report<'a> {
    pub dataset: &'a Dataset,
    pub as_of: Option<NaiveDate>,
    /// Every actor, in roster order.
    pub rows: Vec<ReportRow<'a>>,
    /// Positions in `rows` of those with a seat.
    pub members: Vec<usize>,
    /// Totals over the members.
    pub totals: Totals,
    pub conflicts: Vec<ReportConflict<'a>>,
    /// Events by date.
    pub timeline: Vec<&'a Event>,
    pub sources: &'a [Source],
}

impl<'a> Report<'a> {
    /// The report of `derived`, which must be fresh for `dataset` (its as-of date is used).
    pub fn new(dataset: &'a Dataset, derived: &'a Derived) -> Self {
        let d = dataset;
        let rows: Vec<ReportRow<'a>> = derived
            .roster
            .rows
            .iter()
            .zip(&derived.seats)
            .map(|(row, seat)| ReportRow {
                actor: &d.actors[row.actor],
                row,
                seat,
            })
            .collect();
        let members: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.seat.kind != SeatKind::None)
            .map(|(i, _)| i)
            .collect();
        let totals = totals(members.iter().map(|&i| rows[i].seat));
        let mut conflicts = Vec::new();
        for row in &derived.roster.rows {
            for r in row.values.iter().filter(|r| r.conflict) {
                let competing = std::iter::once(r.best).chain(rivals(d, &derived.index, r));
                let claims = competing
                    .map(|c| {
                        let claim = &d.claims[c];
                        let source = derived
                            .source(d, &claim.source)
                            .map_or(claim.source.as_str(), |s| s.outlet.as_str());
                        ReportClaim { claim, source }
                    })
                    .collect();
                conflicts.push(ReportConflict {
                    actor: &d.actors[row.actor],
                    property: r.property,
                    claims,
                });
            }
        }
        let mut timeline: Vec<&Event> = d.events.iter().collect();
        timeline.sort_by_key(|e| e.date);
        Report {
            dataset,
            as_of: derived.as_of(),
            rows,
            members,
            totals,
            conflicts,
            timeline,
            sources: &d.sources,
        }
    }

    /// The members: rows with a seat.
    pub fn member_rows(&self) -> impl Iterator<Item = &ReportRow<'a>> {
        self.members.iter().map(|&i| &self.rows[i])
    }
}
