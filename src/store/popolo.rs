//! The report as Popolo JSON (popoloproject.com), which membership tools read: the body and its
//! sub-bodies as organizations (`parent_id`), states and organisations as organizations, people
//! as persons, and one membership per member of the body and of each sub-body (the sub-body
//! as its `organization_id`), with its role, start date, the state a person sits for
//! (`on_behalf_of_id`) and the sources it rests on (url and note). A membership is not a seat:
//! a person who speaks for a member state is a member of the body though the seat is the
//! state's (the label says which).
//!
//! Popolo has one value per field: the best claim is written, and ranks, competing claims and
//! conflicts are not (the HTML report keeps them). A Popolo link needs a url, so a source
//! without an http(s) address cannot be cited.

use serde::Serialize;

use crate::model::derive::report::Report;
use crate::model::derive::seats::SeatReason;
use crate::model::{Actor, ActorKind, Body, Fact, Property, RosterRow, SeatKind, SeatOutcome};

use super::html::writer::safe_url;

#[derive(Serialize)]
struct Popolo<'a> {
    organizations: Vec<Organization<'a>>,
    persons: Vec<Person<'a>>,
    memberships: Vec<Membership<'a>>,
}

#[derive(Serialize)]
struct Organization<'a> {
    id: &'a str,
    name: &'a str,
    classification: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    other_names: Vec<OtherName<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    identifiers: Vec<Identifier<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Link>,
}

#[derive(Serialize)]
struct Person<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    other_names: Vec<OtherName<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    identifiers: Vec<Identifier<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    national_identity: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Link>,
}

#[derive(Serialize)]
struct Membership<'a> {
    id: String,
    label: String,
    role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    person_id: Option<&'a str>,
    /// A state or organisation that is itself the member.
    #[serde(skip_serializing_if = "Option::is_none")]
    member: Option<MemberRef<'a>>,
    organization_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    on_behalf_of_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Link>,
}

#[derive(Serialize)]
struct MemberRef<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    id: &'a str,
}

#[derive(Serialize)]
struct OtherName<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct Identifier<'a> {
    scheme: &'static str,
    identifier: &'a str,
}

#[derive(Serialize, PartialEq)]
struct Link {
    url: String,
    note: String,
}

/// The report as a Popolo JSON document (pretty-printed).
pub fn popolo_json(report: &Report) -> String {
    let d = report.dataset;
    let mut organizations = Vec::new();
    for (body, classification) in std::iter::once((&d.body, "international body"))
        .chain(d.sub_bodies.iter().map(|b| (b, "sub-body")))
    {
        organizations.push(Organization {
            id: &body.id,
            name: &body.name,
            classification,
            // A sub-body without a parent belongs to the body tracked.
            parent_id: (body.id != d.body.id).then(|| body.parent.as_deref().unwrap_or(&d.body.id)),
            other_names: Vec::new(),
            identifiers: Vec::new(),
            sources: Vec::new(),
        });
    }
    let mut persons = Vec::new();
    for r in &report.rows {
        let a = r.actor;
        match a.kind {
            ActorKind::Person => persons.push(Person {
                id: &a.id,
                name: &a.name,
                other_names: other_names(a),
                identifiers: identifiers(a),
                national_identity: Some(a.country.as_str()).filter(|c| !c.is_empty()),
                summary: r.row.fact(d, Property::Office).map(|f| d.fact_label(f)),
                sources: sources(report, r.row, Property::ALL),
            }),
            ActorKind::State | ActorKind::Organisation => organizations.push(Organization {
                id: &a.id,
                name: &a.name,
                classification: if a.kind == ActorKind::State {
                    "state"
                } else {
                    "organisation"
                },
                parent_id: None,
                other_names: other_names(a),
                identifiers: identifiers(a),
                sources: sources(report, r.row, Property::ALL),
            }),
        }
    }
    let mut memberships: Vec<Membership> = report
        .membership_rows()
        .map(|r| membership(report, &d.body, r.row, r.seat))
        .collect();
    for sub in report.sub_bodies() {
        let roster = &sub.roster;
        memberships.extend(
            sub.members()
                .map(|i| membership(report, sub.body, &roster.rows[i], &roster.seats[i])),
        );
    }
    let doc = Popolo {
        organizations,
        persons,
        memberships,
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("Popolo values serialise");
    out.push('\n');
    out
}

/// The membership of the actor of `row` in `body`, whose seat under its rules is `seat`.
fn membership<'a>(
    report: &Report<'a>,
    body: &'a Body,
    row: &RosterRow,
    seat: &SeatOutcome,
) -> Membership<'a> {
    let d = report.dataset;
    let a = &d.actors[row.actor];
    let role = match row.fact(d, Property::Role) {
        Some(f) => d.fact_label(f),
        None if seat.kind == SeatKind::Chair => "chair".into(),
        None => "member".into(),
    };
    let on_behalf_of = match row.fact(d, Property::Represents) {
        Some(Fact::Represents(id)) => report.actor_at(id).map(|i| d.actors[i].id.as_str()),
        _ => None,
    };
    let start = report.joined(row, seat);
    let (person_id, member) = match a.kind {
        ActorKind::Person => (Some(a.id.as_str()), None),
        _ => (
            None,
            Some(MemberRef {
                kind: "Organization",
                id: &a.id,
            }),
        ),
    };
    let seat_words = match (&seat.why, seat.kind) {
        (SeatReason::SpeaksFor(name), _) => format!("speaks for {name}, whose seat it is"),
        (_, SeatKind::Seatless) => "no seat of their own".to_string(),
        (_, kind) => format!("{} seat", kind.label()),
    };
    Membership {
        id: format!("{}-{}", a.id, body.id),
        label: format!("{} of the {}: {}", role, body.name, seat_words),
        role,
        person_id,
        member,
        organization_id: &body.id,
        on_behalf_of_id: on_behalf_of,
        start_date: start.map(iso_date),
        // A term seat ends when its term does; permanent and chair seats do not.
        end_date: seat.term_end.map(iso_date),
        sources: sources(report, row, &crate::model::derive::seats::SEAT_INPUTS),
    }
}

/// A date as ISO 8601 (a year, a month or a day): an approximate day ("~2026-01-19") is
/// written as the day, since neither Popolo nor FollowTheMoney can mark a date approximate.
pub(crate) fn iso_date(date: crate::model::PartialDate) -> String {
    date.with_approx(false).to_string()
}

fn other_names(a: &Actor) -> Vec<OtherName<'_>> {
    a.aliases
        .iter()
        .filter(|n| **n != a.name)
        .map(|name| OtherName { name })
        .collect()
}

fn identifiers(a: &Actor) -> Vec<Identifier<'_>> {
    a.wikidata
        .iter()
        .map(|q| Identifier {
            scheme: "wikidata",
            identifier: q,
        })
        .collect()
}

/// The sources behind the best claims of `properties` that have a web address, each with a
/// note: outlet, title, date and the quoted words.
fn sources(report: &Report, row: &RosterRow, properties: &[Property]) -> Vec<Link> {
    let d = report.dataset;
    let mut out: Vec<Link> = Vec::new();
    for resolved in row
        .values
        .iter()
        .filter(|v| properties.contains(&v.property))
    {
        let claim = &d.claims[resolved.best];
        let Some(source) = report.source_at(&claim.source).map(|s| &d.sources[s]) else {
            continue;
        };
        let Some(url) = source.url.as_deref().and_then(safe_url) else {
            continue;
        };
        let what = format!(
            "{} {}",
            resolved.property.label(),
            d.fact_label(&claim.fact)
        );
        let mut note = citation(d, source, &what);
        if let Some(q) = &claim.quote {
            note.push_str(&format!(": “{}”", q.exact));
        }
        let link = Link {
            url: url.to_string(),
            note,
        };
        if !out.contains(&link) {
            out.push(link);
        }
    }
    out
}

/// "DPA, “Putin invited…”, 2026-01-19 (high reliability, per Bloomberg): status accepted":
/// who said what, when, and how far the source stands.
pub(crate) fn citation(
    d: &crate::model::Dataset,
    source: &crate::model::Source,
    what: &str,
) -> String {
    let mut out = source.name().to_string();
    if !source.title.is_empty() && source.title != source.name() {
        out.push_str(&format!(", “{}”", source.title));
    }
    if let Some(p) = source.published {
        out.push_str(&format!(", {p}"));
    }
    let standing = d.source_standing(source);
    if !standing.is_empty() {
        out.push_str(&format!(" ({standing})"));
    }
    out.push_str(": ");
    out.push_str(what);
    out
}
