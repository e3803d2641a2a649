//! The report: one value, read from data already derived (roster, seats, index), holding
//! what every export and every command-line table shows: roster rows with their seats, the
//! members and totals, conflicts with their competing claims, the timeline, the sources.
//! Writers (CSV, Markdown, HTML, aligned text) only render it; nothing here derives a second
//! time. What only the HTML page shows (every claim with its quote placed, the claim matrix over
//! every source) is the report's [`ReportDetail`], built on first use: the CSV and the terminal
//! tables never pay for it. The sub-bodies' rosters (rows and seats under each sub-body's own
//! rules) are built the same way, once, for the exports that list memberships.

use std::cell::OnceCell;

use chrono::NaiveDate;

use super::body_roster::{BodyChoice, BodyRoster, body_roster};
use super::compare::{ClaimMatrix, compare_where, subject_name};
use super::derived::Derived;
use super::index::Index;
use super::roster::{RosterRow, rivals};
use super::seats::{SeatKind, SeatOutcome, Totals, totals};
use crate::model::data::dataset::{
    Actor, Body, Claim, Dataset, Event, Property, Reliability, Source,
};
use crate::model::data::date::PartialDate;
use crate::model::data::money::format_money;
use crate::model::rules::{Comparison, SeatRules};
use crate::model::text::quote::Anchor;

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
    /// The actor's position in the report's rows.
    pub row: usize,
    pub property: Property,
    pub claims: Vec<ReportClaim<'a>>,
}

/// A property in conflict outside the main roster (two days of a body's entry into force, an
/// actor's place on a sub-body): the body's name, the best claim first, then those that
/// conflict with it.
#[derive(Debug)]
pub struct ReportBodyConflict<'a> {
    pub body: &'a str,
    /// The actor whose place on the (sub-)body is disputed; `None` for the body's own.
    pub actor: Option<&'a Actor>,
    pub property: Property,
    pub claims: Vec<ReportClaim<'a>>,
}

#[derive(Debug)]
pub struct ReportClaim<'a> {
    pub claim: &'a Claim,
    /// The claim's position in `dataset.claims`.
    pub at: usize,
    /// The source's outlet, or the claim's source id when the source is missing.
    pub source: &'a str,
    /// The source's position in `dataset.sources`, when it exists.
    pub source_at: Option<usize>,
    /// The day the claim speaks for: its own, else its source's publication.
    pub date: Option<PartialDate>,
    /// How far its source is trusted (its own grade, else its outlet's; normal for the editor).
    pub reliability: Reliability,
    /// Whose words the source relays ("Bloomberg"), trimmed; empty when it relays none.
    pub relays: &'a str,
}

impl ReportClaim<'_> {
    /// The source's standing in words: "low reliability", "high reliability, per Bloomberg".
    pub fn standing(&self) -> String {
        match self.relays {
            "" => format!("{} reliability", self.reliability.label()),
            who => format!("{} reliability, per {who}", self.reliability.label()),
        }
    }
}

/// A sub-body with its roster under its own seat rules: the actors with claims about it.
#[derive(Debug)]
pub struct SubBodyReport<'a> {
    pub body: &'a Body,
    pub roster: BodyRoster,
}

impl SubBodyReport<'_> {
    /// The positions in `roster.rows` of its members (see [`is_member`]).
    pub fn members(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.roster.rows.len()).filter(|&i| self.roster.seats[i].is_member())
    }
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
    /// Positions in `rows` of the members of the body (see [`is_member`]): those with a seat,
    /// and those who speak for a member.
    pub memberships: Vec<usize>,
    pub conflicts: Vec<ReportConflict<'a>>,
    /// The bodies' own properties and the actors' on sub-bodies in conflict: with `conflicts`,
    /// as many as `Derived::conflicts`.
    pub body_conflicts: Vec<ReportBodyConflict<'a>>,
    /// Events by date.
    pub timeline: Vec<&'a Event>,
    pub sources: &'a [Source],
    index: &'a Index,
    detail: OnceCell<ReportDetail<'a>>,
    sub_bodies: OnceCell<Vec<SubBodyReport<'a>>>,
}

/// What the full report (the HTML page) shows beyond the tables.
#[derive(Debug)]
pub struct ReportDetail<'a> {
    /// Every claim known by the as-of date, in file order.
    pub claims: Vec<ReportClaim<'a>>,
    /// For each claim position in `dataset.claims`, its place in `claims`, if it is listed.
    pub listed: Vec<Option<usize>>,
    /// Where each listed claim's quote stands in its source's text, by position in `claims`.
    pub spans: Vec<Option<(usize, usize)>>,
    /// For each source (as `sources`), the quotes placed in its text, by start then end.
    pub quotes: Vec<Vec<QuoteMark>>,
    /// The claim matrix over every source, in dataset order, of the listed claims.
    pub matrix: ClaimMatrix,
}

/// One quote placed in its source's text: byte offsets and the claim that cites it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct QuoteMark {
    pub start: usize,
    pub end: usize,
    /// The claim's position in `dataset.claims`.
    pub claim: usize,
}

impl<'a> Report<'a> {
    /// How many properties are in conflict, the actors' and the bodies' (what `check` and the
    /// status bar count).
    pub fn conflict_count(&self) -> usize {
        self.conflicts.len() + self.body_conflicts.len()
    }

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
        let totals = totals(
            members.iter().map(|&i| rows[i].seat),
            &d.body.seat_rules.threshold.currency,
        );
        let memberships = (0..rows.len())
            .filter(|&i| rows[i].seat.is_member())
            .collect();
        let conflicts = derived
            .roster
            .rows
            .iter()
            .enumerate()
            .flat_map(|(at, row)| conflicts_of(d, &derived.index, row, at))
            .collect();
        let body_conflicts = derived
            .other_conflicts()
            .map(|c| ReportBodyConflict {
                body: d.body_by_id(&c.body).map_or(c.body.as_str(), |b| &b.name),
                actor: c.actor.map(|a| &d.actors[a]),
                property: c.property,
                claims: std::iter::once(c.best)
                    .chain(c.rivals.iter().copied())
                    .map(|at| report_claim(d, &derived.index, at))
                    .collect(),
            })
            .collect();
        let mut timeline: Vec<&Event> = d.events.iter().collect();
        timeline.sort_by_key(|e| e.date);
        Report {
            dataset,
            as_of: derived.as_of(),
            rows,
            members,
            totals,
            memberships,
            conflicts,
            body_conflicts,
            timeline,
            sources: &d.sources,
            index: &derived.index,
            detail: OnceCell::new(),
            sub_bodies: OnceCell::new(),
        }
    }

    /// Each sub-body with its roster, in file order, built the first time they are asked for.
    pub fn sub_bodies(&self) -> &[SubBodyReport<'a>] {
        self.sub_bodies.get_or_init(|| {
            // Their conflicts are the report's `body_conflicts`, from the one rule.
            let d = self.dataset;
            d.sub_bodies
                .iter()
                .filter_map(|body| {
                    let choice = BodyChoice::Sub(body.id.clone());
                    let roster = body_roster(d, self.index, self.as_of, &choice)?;
                    Some(SubBodyReport { body, roster })
                })
                .collect()
        })
    }

    /// The members of the body: rows with a seat or speaking for a member.
    pub fn membership_rows(&self) -> impl Iterator<Item = &ReportRow<'a>> {
        self.memberships.iter().map(|&i| &self.rows[i])
    }

    /// When the actor of `row` joined the body (see [`super::seats::joined`]).
    pub fn joined(&self, row: &RosterRow, seat: &SeatOutcome) -> Option<PartialDate> {
        super::seats::joined(self.dataset, self.index, row, seat)
    }

    /// A claim of the dataset as the report shows it (source, date, reliability).
    pub fn claim(&self, c: usize) -> ReportClaim<'a> {
        report_claim(self.dataset, self.index, c)
    }

    /// The full report's claims, quotes and matrix, built the first time they are asked for.
    pub fn detail(&self) -> &ReportDetail<'a> {
        self.detail.get_or_init(|| self.build_detail())
    }

    fn build_detail(&self) -> ReportDetail<'a> {
        let (d, index) = (self.dataset, self.index);
        let mut claims = Vec::new();
        let mut listed = vec![None; d.claims.len()];
        for (c, slot) in listed.iter_mut().enumerate() {
            if index.claim_known_by(c, self.as_of) {
                *slot = Some(claims.len());
                claims.push(report_claim(d, index, c));
            }
        }
        let mut quotes = vec![Vec::new(); d.sources.len()];
        let spans = claims
            .iter()
            .map(|rc| {
                let (quote, s) = (rc.claim.quote.as_ref()?, rc.source_at?);
                let text = &d.sources[s].text;
                let start = match quote.anchor(text) {
                    Anchor::Exact => quote.start,
                    Anchor::Moved(at) => at,
                    Anchor::Orphaned => return None,
                };
                let end = start + quote.exact.len();
                quotes[s].push(QuoteMark {
                    start,
                    end,
                    claim: rc.at,
                });
                Some((start, end))
            })
            .collect();
        for marks in &mut quotes {
            marks.sort_unstable();
        }
        let ids: Vec<String> = d.sources.iter().map(|s| s.id.clone()).collect();
        let matrix = compare_where(d, index, &ids, |c| listed[c].is_some());
        ReportDetail {
            claims,
            listed,
            spans,
            quotes,
            matrix,
        }
    }

    /// What a subject (an actor or a body) is called.
    pub fn subject_name<'s>(
        &'s self,
        subject: &'s crate::model::data::dataset::Subject,
    ) -> &'s str {
        subject_name(self.dataset, self.index, subject)
    }

    /// What a claim matrix row is called: its subject, and the sub-body it is about.
    pub fn row_name<'s>(&'s self, row: &'s super::compare::MatrixRow) -> std::borrow::Cow<'s, str> {
        super::compare::row_name(self.dataset, self.index, row)
    }

    /// An actor's position in the dataset (and the roster), by id.
    pub fn actor_at(&self, id: &str) -> Option<usize> {
        self.index.actor_by_id.get(id).copied()
    }

    /// A source's position in the dataset, by id.
    pub fn source_at(&self, id: &str) -> Option<usize> {
        self.index.source_by_id.get(id).copied()
    }

    /// The body's seat rule in words: "a pledge of at least $1 billion buys a permanent seat;
    /// other members serve 3-year terms".
    pub fn seat_rule(&self) -> String {
        seat_rule_words(&self.dataset.body.seat_rules)
    }

    /// The members: rows with a seat.
    pub fn member_rows(&self) -> impl Iterator<Item = &ReportRow<'a>> {
        self.members.iter().map(|&i| &self.rows[i])
    }
}

/// The properties of `row` in conflict, each with its best claim and those that conflict
/// with it; `at` is the actor's position in the report's rows.
fn conflicts_of<'a>(
    d: &'a Dataset,
    index: &Index,
    row: &RosterRow,
    at: usize,
) -> Vec<ReportConflict<'a>> {
    row.values
        .iter()
        .filter(|r| r.conflict)
        .map(|r| ReportConflict {
            actor: &d.actors[row.actor],
            row: at,
            property: r.property,
            claims: std::iter::once(r.best)
                .chain(rivals(d, index, r))
                .map(|c| report_claim(d, index, c))
                .collect(),
        })
        .collect()
}

fn report_claim<'a>(d: &'a Dataset, index: &Index, c: usize) -> ReportClaim<'a> {
    let claim = &d.claims[c];
    let source_at = index.source_by_id.get(&claim.source).copied();
    ReportClaim {
        claim,
        at: c,
        source: source_at.map_or(claim.source.as_str(), |s| d.sources[s].outlet.as_str()),
        source_at,
        date: index.claim_date(c),
        reliability: index.claim_reliability(c),
        relays: source_at.map_or("", |s| d.sources[s].relays.trim()),
    }
}

/// Seat rules in one sentence, for readers of a report.
pub fn seat_rule_words(rules: &SeatRules) -> String {
    let cmp = match rules.comparison {
        Comparison::AtLeast => "at least",
        Comparison::MoreThan => "more than",
    };
    let mut out = format!(
        "a pledge of {cmp} {} buys a permanent seat",
        format_money(&rules.threshold)
    );
    if let Some(w) = &rules.window {
        out.push_str(&format!(
            " if paid within {} months after {}",
            w.months, w.after
        ));
        if let Some(from) = w.from {
            out.push_str(&format!(" ({from})"));
        }
    }
    match rules.term_years {
        0 => out.push_str("; other members sit without a term limit"),
        y => out.push_str(&format!("; other members serve {y}-year terms")),
    }
    if rules.chair_can_renew {
        out.push_str(", renewable by the chair");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;

    #[test]
    fn seat_rules_read_as_a_sentence() {
        let mut rules = SeatRules::default();
        assert_eq!(
            seat_rule_words(&rules),
            "a pledge of at least $1 billion buys a permanent seat; other members serve \
             3-year terms"
        );
        rules.comparison = Comparison::MoreThan;
        rules.term_years = 0;
        rules.chair_can_renew = true;
        assert_eq!(
            seat_rule_words(&rules),
            "a pledge of more than $1 billion buys a permanent seat; other members sit \
             without a term limit, renewable by the chair"
        );
    }

    #[test]
    fn the_detail_places_quotes_and_lists_what_was_known() {
        use crate::model::{ActorKind, Fact, Status};
        let text = "Hungary has accepted. Canada was invited. Hungary has accepted.";
        let mut d = DatasetBuilder::new("Board")
            .actor("hu", "Hungary", ActorKind::State)
            .actor("ca", "Canada", ActorKind::State)
            .source("s", "Outlet", Some("2026-01-19"), text)
            .claim(
                "hu",
                Fact::Status(Status::Accepted),
                "s",
                None,
                Some("Hungary has accepted"),
            )
            .claim(
                "ca",
                Fact::Invited(true),
                "s",
                None,
                Some("Canada was invited"),
            )
            .claim(
                "ca",
                Fact::Status(Status::Declined),
                "s",
                Some("2026-02-01"),
                None,
            )
            .build();
        // The second quote's words are gone from the text: it is not placed anywhere.
        d.claims[1].quote.as_mut().unwrap().exact = "Canada was never invited".into();
        d.touch();
        let mut derived = Derived::default();
        derived.refresh(&d, NaiveDate::from_ymd_opt(2026, 1, 20));
        let report = Report::new(&d, &derived);
        let detail = report.detail();
        // The claim dated in February is not known on 20 January.
        assert_eq!(detail.claims.len(), 2);
        assert_eq!(detail.listed, vec![Some(0), Some(1), None]);
        assert_eq!(detail.spans, vec![Some((0, 20)), None]);
        assert_eq!(
            detail.quotes,
            vec![vec![QuoteMark {
                start: 0,
                end: 20,
                claim: 0
            }]]
        );
        assert_eq!(detail.matrix.sources, vec!["s".to_string()]);
        assert_eq!(report.subject_name(&d.claims[1].subject), "Canada");
    }

    /// A membership is not a seat: the person who speaks for a member state holds none, yet is
    /// a member of the body; the day the claim seated them is the day they count as joined.
    #[test]
    fn who_speaks_for_a_member_is_a_member_without_a_seat() {
        use crate::model::{ActorKind, Fact, Status};
        let d = DatasetBuilder::new("Board")
            .actor("il", "Israel", ActorKind::State)
            .actor("pm", "Prime Minister", ActorKind::Person)
            .actor("ca", "Canada", ActorKind::State)
            .source("s", "Outlet", Some("2026-01-19"), "text")
            .claim("pm", Fact::Represents("il".into()), "s", None, None)
            .claim(
                "pm",
                Fact::Status(Status::Member),
                "s",
                Some("2026-01-20"),
                None,
            )
            .claim("ca", Fact::Invited(true), "s", None, None)
            .build();
        let mut derived = Derived::default();
        derived.refresh(&d, None);
        let report = Report::new(&d, &derived);
        let at = |id: &str| report.rows.iter().position(|r| r.actor.id == id).unwrap();
        let (il, pm, ca) = (at("il"), at("pm"), at("ca"));
        assert_eq!(report.rows[pm].seat.kind, SeatKind::None);
        assert!(report.members.contains(&il) && !report.members.contains(&pm));
        assert!(report.memberships.contains(&pm) && report.memberships.contains(&il));
        assert!(!report.memberships.contains(&ca), "invited is not a member");
        let joined = |i: usize| report.joined(report.rows[i].row, report.rows[i].seat);
        assert_eq!(joined(pm), "2026-01-20".parse().ok());
        assert_eq!(joined(ca), None, "no joining date for who is not a member");
        assert!(report.sub_bodies().is_empty());
    }
}
