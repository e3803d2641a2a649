//! What the command line's `--format json` prints: one serde shape per command (`roster`,
//! `seats`, `seats --amount`, `body list`, `compare`, `diff`, `check`, `claims`), built from
//! the report and the model's own results. Field names are stable (documented in the README's
//! "JSON output"); dates are ISO strings (`"2026-01-19"`, `"2026-01"`, `"~2026-01-19"`), money
//! is `{amount, currency}`.
//! The text is exact: the command line never escapes it.

use serde::Serialize;

use crate::model::data::money::Money;
use crate::model::derive::compare::{ClaimMatrix, Verdict, row_name};
use crate::model::derive::index::Index;
use crate::model::derive::report::Report;
use crate::model::merge::diff::DiffChange;
use crate::model::{Claim, Dataset, Fact, PartialDate, Property, Subject};

/// The text of a shape, pretty-printed, with a closing line break.
pub fn json_text(shape: &impl Serialize) -> String {
    let mut out = serde_json::to_string_pretty(shape).expect("the shapes always serialize");
    out.push('\n');
    out
}

#[derive(Serialize)]
pub struct BodyJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// `roster --format json`.
#[derive(Serialize)]
pub struct RosterJson<'a> {
    pub body: BodyJson<'a>,
    pub as_of: Option<String>,
    pub actors: Vec<RosterActorJson<'a>>,
    /// The bodies' own properties in conflict, and actors' places on sub-bodies.
    pub body_conflicts: Vec<BodyConflictJson<'a>>,
}

#[derive(Serialize)]
pub struct RosterActorJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    pub country: &'a str,
    pub wikidata: Option<&'a str>,
    pub aliases: &'a [String],
    /// `null` when nothing is known; "not member" when the winning claim denies it.
    pub status: Option<&'static str>,
    pub role: Option<String>,
    pub seat: &'static str,
    pub pledge: Option<&'a Money>,
    pub joined: Option<PartialDate>,
    /// Distinct sources behind the claims counted.
    pub sources: usize,
    /// The properties in conflict.
    pub conflicts: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct BodyConflictJson<'a> {
    pub body: &'a str,
    pub actor: Option<&'a str>,
    pub property: &'static str,
}

fn body_ref(d: &Dataset) -> BodyJson<'_> {
    BodyJson {
        id: &d.body.id,
        name: &d.body.name,
    }
}

fn day(report: &Report) -> Option<String> {
    report.as_of.map(|d| d.to_string())
}

pub fn roster<'a>(report: &Report<'a>) -> RosterJson<'a> {
    let d = report.dataset;
    let actors = report
        .rows
        .iter()
        .map(|r| {
            let (actor, row) = (r.actor, r.row);
            let status = match row.status_label(d) {
                "—" => None,
                label => Some(label),
            };
            RosterActorJson {
                id: &actor.id,
                name: &actor.name,
                kind: actor.kind.label(),
                country: &actor.country,
                wikidata: actor.wikidata.as_deref(),
                aliases: &actor.aliases,
                status,
                role: row
                    .get(Property::Role)
                    .map(|_| row.value_label(d, Property::Role)),
                seat: r.seat.kind.label(),
                pledge: match row.fact(d, Property::Pledge) {
                    Some(Fact::Pledge(m)) => Some(m),
                    _ => None,
                },
                joined: match row.fact(d, Property::Joined) {
                    Some(Fact::Joined(day)) => Some(*day),
                    _ => None,
                },
                sources: row.sources,
                conflicts: row
                    .values
                    .iter()
                    .filter(|v| v.conflict)
                    .map(|v| v.property.label())
                    .collect(),
            }
        })
        .collect();
    RosterJson {
        body: body_ref(d),
        as_of: day(report),
        actors,
        body_conflicts: report
            .body_conflicts
            .iter()
            .map(|c| BodyConflictJson {
                body: c.body,
                actor: c.actor.map(|a| a.id.as_str()),
                property: c.property.label(),
            })
            .collect(),
    }
}

/// `seats --format json`.
#[derive(Serialize)]
pub struct SeatsJson<'a> {
    pub body: BodyJson<'a>,
    pub as_of: Option<String>,
    pub members: Vec<SeatJson<'a>>,
    pub totals: TotalsJson,
}

#[derive(Serialize)]
pub struct SeatJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub seat: &'static str,
    pub term_start: Option<PartialDate>,
    pub term_end: Option<PartialDate>,
    pub pledge: Option<&'a Money>,
    /// What is lacking for a permanent seat, in the threshold's currency; `null` where it
    /// does not apply or cannot be counted (a pledge without an exchange rate).
    pub shortfall: Option<Money>,
    pub reason: String,
    /// The person whose acceptance or signature counts for this member.
    pub via: Option<ViaJson<'a>>,
}

#[derive(Serialize)]
pub struct ViaJson<'a> {
    pub actor: &'a str,
    pub status: &'static str,
}

#[derive(Serialize)]
pub struct TotalsJson {
    pub permanent: usize,
    pub term: usize,
    pub chair: usize,
    pub seatless: usize,
    pub pledged: Money,
    /// Pledges not counted in `pledged` for want of an exchange rate.
    pub unconverted: usize,
    /// Terms ending in each year ("2029": 3).
    pub terms_ending: std::collections::BTreeMap<String, usize>,
}

/// What a seat lacks to be permanent, in the threshold's currency, where that applies.
fn shortfall(o: &crate::model::SeatOutcome, rules: &crate::model::SeatRules) -> Option<Money> {
    o.shortfall
        .filter(|_| o.shortfall_applies())
        .map(|s| money(s, &rules.threshold.currency))
}

/// An amount counted in a currency, in whole units.
fn money(amount: f64, currency: &str) -> Money {
    Money {
        amount: amount.max(0.0).round() as u64,
        currency: currency.to_string(),
    }
}

pub fn seats<'a>(report: &Report<'a>) -> SeatsJson<'a> {
    let d = report.dataset;
    let rules = &d.body.seat_rules;
    let members = report
        .member_rows()
        .map(|r| {
            let o = r.seat;
            SeatJson {
                id: &r.actor.id,
                name: &r.actor.name,
                seat: o.kind.label(),
                term_start: o.term_start,
                term_end: o.term_end,
                pledge: o.pledge.as_ref(),
                shortfall: shortfall(o, rules),
                reason: o.reason(rules).to_string(),
                via: o.via.as_ref().map(|(actor, status)| ViaJson {
                    actor,
                    status: status.label(),
                }),
            }
        })
        .collect();
    let t = &report.totals;
    SeatsJson {
        body: body_ref(d),
        as_of: day(report),
        members,
        totals: TotalsJson {
            permanent: t.permanent,
            term: t.term,
            chair: t.chair,
            seatless: t.seatless,
            pledged: money(t.pledged, &t.currency),
            unconverted: t.unconverted,
            terms_ending: t
                .expiries
                .iter()
                .map(|(year, n)| (year.to_string(), *n))
                .collect(),
        },
    }
}

/// `seats --amount … --format json`: what one amount, joining on a day, buys.
#[derive(Serialize)]
pub struct QuickSeatJson {
    pub amount: Money,
    pub joined: Option<PartialDate>,
    pub seat: &'static str,
    pub term_end: Option<PartialDate>,
    /// What is lacking for a permanent seat, in the threshold's currency; `null` where it
    /// does not apply.
    pub shortfall: Option<Money>,
    pub reason: String,
}

pub fn quick_seat(
    rules: &crate::model::SeatRules,
    amount: &Money,
    joined: Option<PartialDate>,
    o: &crate::model::SeatOutcome,
) -> QuickSeatJson {
    QuickSeatJson {
        amount: amount.clone(),
        joined,
        seat: o.kind.label(),
        term_end: o.term_end,
        shortfall: shortfall(o, rules),
        reason: o.reason(rules).to_string(),
    }
}

/// `body list --format json`: the main body first, then its sub-bodies.
#[derive(Serialize)]
pub struct BodiesJson<'a> {
    pub bodies: Vec<BodyListedJson<'a>>,
}

#[derive(Serialize)]
pub struct BodyListedJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub parent: Option<&'a str>,
    pub charter_signed: Option<PartialDate>,
    pub in_force: Option<PartialDate>,
}

/// `compare --format json`: every chosen source, every row.
#[derive(Serialize)]
pub struct CompareJson<'a> {
    pub sources: &'a [String],
    pub counts: VerdictCounts,
    pub rows: Vec<CompareRowJson<'a>>,
}

#[derive(Serialize)]
pub struct VerdictCounts {
    pub agree: usize,
    pub conflict: usize,
    pub single: usize,
    pub history: usize,
}

#[derive(Serialize)]
pub struct CompareRowJson<'a> {
    pub subject: &'a str,
    pub subject_name: String,
    pub body: Option<&'a str>,
    pub property: &'static str,
    /// What each source says, by source id: its distinct values; sources that say nothing
    /// in the row are left out.
    pub says: std::collections::BTreeMap<&'a str, Vec<String>>,
    pub verdict: &'static str,
}

pub fn compare<'a>(
    d: &'a Dataset,
    index: &Index,
    m: &'a ClaimMatrix,
    conflicts_only: bool,
) -> CompareJson<'a> {
    let rows = m
        .rows
        .iter()
        .filter(|r| !conflicts_only || r.verdict == Verdict::Conflict)
        .map(|r| CompareRowJson {
            subject: subject_id(&r.subject),
            subject_name: row_name(d, index, r).into_owned(),
            body: r.body.as_deref(),
            property: r.property.label(),
            says: r
                .cells
                .iter()
                .enumerate()
                .filter(|(_, claims)| !claims.is_empty())
                .map(|(column, _)| (m.sources[column].as_str(), r.value_labels(d, column)))
                .collect(),
            verdict: r.verdict.label(),
        })
        .collect();
    CompareJson {
        sources: &m.sources,
        counts: VerdictCounts {
            agree: m.count(Verdict::Agree),
            conflict: m.count(Verdict::Conflict),
            single: m.count(Verdict::Single),
            history: m.count(Verdict::History),
        },
        rows,
    }
}

fn subject_id(s: &Subject) -> &str {
    match s {
        Subject::Actor(id) | Subject::Body(id) => id,
    }
}

/// `diff --format json`.
#[derive(Serialize)]
pub struct DiffJson<'a> {
    pub changes: Vec<DiffChangeJson<'a>>,
}

#[derive(Serialize)]
pub struct DiffChangeJson<'a> {
    /// joined, left, changed, claim_added, claim_removed, source_added, source_removed.
    pub kind: &'static str,
    /// The actor, claim or source it is about, by name.
    pub subject: &'a str,
    pub text: &'a str,
}

pub fn diff(changes: &[DiffChange]) -> DiffJson<'_> {
    DiffJson {
        changes: changes
            .iter()
            .map(|c| DiffChangeJson {
                kind: c.kind.into(),
                subject: &c.subject,
                text: &c.text,
            })
            .collect(),
    }
}

/// `check --format json` for a file that is ok. One that does not load, or holds unresolved
/// merge conflicts, is an error: text on standard error, exit 1, as without `--format json`.
#[derive(Serialize)]
pub struct CheckJson<'a> {
    /// The file checked; `null` for the embedded dataset.
    pub file: Option<String>,
    pub actors: usize,
    pub sources: usize,
    pub claims: usize,
    pub events: usize,
    /// Properties in conflict under the one rule (what the roster marks ⚠).
    pub conflicts: usize,
    /// What loading noted without refusing the file (an unknown field, a quote found by
    /// its words), each with its line.
    pub warnings: &'a [String],
    pub snapshot: Option<SnapshotJson<'a>>,
}

#[derive(Serialize)]
pub struct SnapshotJson<'a> {
    pub as_of: Option<String>,
    pub taken: &'a str,
    pub note: &'a str,
}

/// `claims --format json`.
#[derive(Serialize)]
pub struct ClaimsJson<'a> {
    pub as_of: Option<String>,
    pub claims: Vec<ClaimJson<'a>>,
}

#[derive(Serialize)]
pub struct ClaimJson<'a> {
    pub id: &'a str,
    /// "actor" or "body".
    pub subject_kind: &'static str,
    pub subject: &'a str,
    pub body: Option<&'a str>,
    pub property: &'static str,
    /// The value in words ("accepted", "$1 billion", "2026-01-22").
    pub value: String,
    /// A pledge's or a seat threshold's amount.
    pub money: Option<&'a Money>,
    /// A date the fact states (joined, charter signed, entry into force).
    pub date: Option<PartialDate>,
    /// The source says it does not hold ("not member").
    pub negated: bool,
    pub source: &'a str,
    pub quote: Option<&'a str>,
    pub as_of: Option<PartialDate>,
    /// preferred, normal or deprecated.
    pub rank: &'static str,
    pub author: &'a str,
    pub note: &'a str,
}

pub fn claim(c: &Claim) -> ClaimJson<'_> {
    let (subject_kind, subject) = match &c.subject {
        Subject::Actor(id) => ("actor", id.as_str()),
        Subject::Body(id) => ("body", id.as_str()),
    };
    ClaimJson {
        id: &c.id,
        subject_kind,
        subject,
        body: c.body.as_deref(),
        property: c.fact.property().label(),
        value: c.fact.value_label(),
        money: match &c.fact {
            Fact::Pledge(m) | Fact::SeatThreshold(m) => Some(m),
            _ => None,
        },
        date: match &c.fact {
            Fact::Joined(d) | Fact::CharterSigned(d) | Fact::InForce(d) => Some(*d),
            _ => None,
        },
        negated: c.negated,
        source: &c.source,
        quote: c.quote.as_ref().map(|q| q.exact.as_str()),
        as_of: c.as_of,
        rank: c.rank.label(),
        author: &c.author,
        note: &c.note,
    }
}
