//! The report as FollowTheMoney entities (followthemoney.tech), one JSON object a line, which
//! investigative and sanctions tools (Aleph, OpenSanctions, nomenklatura) read: the body and its
//! sub-bodies as PublicBody, people as Person, states as PublicBody with their country,
//! organisations as Organization, one Membership per member of the body and of each sub-body
//! (the sub-body's PublicBody as its organization; role, status, start date, the sources'
//! addresses, and the quoted words as its summary), and a Representation where a person sits
//! for a state. A membership is not a seat: a person who speaks for a member state is a
//! member, though the seat is the state's.
//!
//! Every property holds a list of values, but they carry no rank and no source of their own:
//! the best claim is written, and ranks, competing claims and conflicts are not. Countries are
//! ISO 3166-1 codes (FollowTheMoney's country type), matched from the actor's country name.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::model::derive::report::{Report, ReportRow};
use crate::model::derive::seats::SeatReason;
use crate::model::{Actor, ActorKind, Body, Fact, Property, RosterRow, SeatKind, SeatOutcome};

use super::html::writer::safe_url;
use super::popolo::{citation, iso_date};

/// One entity: an id, its schema, and each property's values.
#[derive(Serialize)]
struct Entity {
    id: String,
    schema: &'static str,
    properties: BTreeMap<&'static str, Vec<String>>,
}

impl Entity {
    fn new(id: String, schema: &'static str) -> Self {
        Entity {
            id,
            schema,
            properties: BTreeMap::new(),
        }
    }

    /// Adds a value, unless it is empty or already there.
    fn add(&mut self, property: &'static str, value: impl Into<String>) -> &mut Self {
        let value = value.into();
        let values = self.properties.entry(property).or_default();
        if !value.trim().is_empty() && !values.contains(&value) {
            values.push(value);
        }
        if values.is_empty() {
            self.properties.remove(property);
        }
        self
    }
}

/// Entity ids: prefixed, so that the body, an actor and a membership never share one.
pub(super) fn body_id(id: &str) -> String {
    format!("{BODY_PREFIX}{id}")
}

/// What a body's entity id starts with (an import takes it off again).
pub(super) const BODY_PREFIX: &str = "be-body-";

pub(super) fn actor_id(id: &str) -> String {
    format!("{ACTOR_PREFIX}{id}")
}

/// What an actor's entity id starts with (an import takes it off again).
pub(super) const ACTOR_PREFIX: &str = "be-actor-";

/// The report as FollowTheMoney entities, one JSON object a line.
pub fn ftm_entities(report: &Report) -> String {
    let d = report.dataset;
    let countries = CountryCodes::new();
    let mut entities = Vec::new();
    for body in std::iter::once(&d.body).chain(&d.sub_bodies) {
        let mut e = Entity::new(body_id(&body.id), "PublicBody");
        e.add("name", &body.name)
            .add("description", &body.description);
        if body.id != d.body.id {
            // A sub-body is part of the body that oversees it (its own parent, else the body).
            let parent = body.parent.as_deref().unwrap_or(&d.body.id);
            e.add("parent", body_id(parent));
        }
        entities.push(e);
    }
    for r in &report.rows {
        entities.push(actor(report, r, &countries));
    }
    let main = report.membership_rows().map(|r| (&d.body, r.row, r.seat));
    let subs = report.sub_bodies().iter().flat_map(|sub| {
        sub.members()
            .map(move |i| (sub.body, &sub.roster.rows[i], &sub.roster.seats[i]))
    });
    for (body, row, seat) in main.chain(subs) {
        entities.push(membership(report, body, row, seat));
        if let Some(e) = representation(report, body, row) {
            entities.push(e);
        }
    }
    let mut out = String::new();
    for e in &entities {
        out.push_str(&serde_json::to_string(e).expect("entities serialise"));
        out.push('\n');
    }
    out
}

fn actor(report: &Report, r: &ReportRow, countries: &CountryCodes) -> Entity {
    let d = report.dataset;
    let a: &Actor = r.actor;
    let schema = match a.kind {
        ActorKind::Person => "Person",
        ActorKind::State => "PublicBody",
        ActorKind::Organisation => "Organization",
    };
    let mut e = Entity::new(actor_id(&a.id), schema);
    e.add("name", &a.name);
    for alias in a.aliases.iter().filter(|n| **n != a.name) {
        e.add("alias", alias);
    }
    if let Some(code) = countries.code(&a.country) {
        e.add(
            if a.kind == ActorKind::Person {
                "nationality"
            } else {
                "country"
            },
            code,
        );
    }
    if let Some(q) = &a.wikidata {
        e.add("wikidataId", q);
    }
    if let Some(f) = r.row.fact(d, Property::Office) {
        e.add(
            if a.kind == ActorKind::Person {
                "position"
            } else {
                "description"
            },
            d.fact_label(f),
        );
    }
    e.add("notes", &a.note);
    e
}

/// The membership of the actor of `row` in `body`, whose seat under its rules is `seat`.
fn membership(report: &Report, body: &Body, row: &RosterRow, seat: &SeatOutcome) -> Entity {
    let d = report.dataset;
    let a = &d.actors[row.actor];
    let mut e = Entity::new(format!("be-membership-{}-{}", a.id, body.id), "Membership");
    e.add("member", actor_id(&a.id))
        .add("organization", body_id(&body.id));
    let role = match row.fact(d, Property::Role) {
        Some(f) => d.fact_label(f),
        None if seat.kind == SeatKind::Chair => "chair".into(),
        None => "member".into(),
    };
    e.add("role", role);
    if let Some(s) = row.status(d) {
        e.add("status", s.label());
    }
    let start = report.joined(row, seat);
    if let Some(s) = start {
        e.add("startDate", iso_date(s));
    }
    if let Some(end) = seat.term_end {
        e.add("endDate", iso_date(end));
    }
    let reason = seat.reason(&body.seat_rules);
    // "term seat: …"; the reason alone where there is no seat to name.
    let description = match (&seat.why, seat.kind) {
        (SeatReason::SpeaksFor(_), _) | (_, SeatKind::Seatless) => reason.to_string(),
        (_, kind) => format!("{} seat: {reason}", kind.label()),
    };
    e.add("description", description);
    for resolved in row
        .values
        .iter()
        .filter(|v| crate::model::derive::seats::SEAT_INPUTS.contains(&v.property))
    {
        let claim = &d.claims[resolved.best];
        let source = report.source_at(&claim.source).map(|s| &d.sources[s]);
        if let Some(url) = source.and_then(|s| s.url.as_deref()).and_then(safe_url) {
            e.add("sourceUrl", url);
        }
        if let (Some(q), Some(source)) = (&claim.quote, source) {
            let what = format!("{} {}", resolved.property.label(), claim.value_label(d));
            e.add(
                "summary",
                format!("{}: “{}”", citation(d, source, &what), q.exact),
            );
        }
    }
    e
}

/// A person who sits on `body` for a state or organisation: FollowTheMoney's Representation
/// (the agent acts for the client).
fn representation(report: &Report, body: &Body, row: &RosterRow) -> Option<Entity> {
    let d = report.dataset;
    let Some(Fact::Represents(id)) = row.fact(d, Property::Represents) else {
        return None;
    };
    let (agent, client) = (&d.actors[row.actor], &d.actors[report.actor_at(id)?]);
    // The main body's keeps its id of before sub-bodies had memberships.
    let id = if body.id == d.body.id {
        format!("be-represents-{}-{}", agent.id, client.id)
    } else {
        format!("be-represents-{}-{}-{}", agent.id, client.id, body.id)
    };
    let mut e = Entity::new(id, "Representation");
    e.add("agent", actor_id(&agent.id))
        .add("client", actor_id(&client.id))
        .add("role", format!("sits on the {} for", body.name));
    Some(e)
}

/// Country names (ISO short names, unofficial names, codes) to lower-case ISO 3166-1 alpha-2
/// codes, from keshvar.
pub(super) struct CountryCodes {
    by_name: HashMap<String, String>,
}

impl CountryCodes {
    pub(super) fn new() -> Self {
        let mut by_name = HashMap::new();
        for c in keshvar::CountryIterator::new() {
            let code = c.alpha2().to_string().to_ascii_lowercase();
            let names = std::iter::once(c.iso_short_name().to_string())
                .chain(c.unofficial_name_list().iter().map(|n| n.to_string()))
                .chain([c.alpha2().to_string(), c.alpha3().to_string()]);
            for name in names {
                by_name.insert(name.to_lowercase(), code.clone());
            }
        }
        CountryCodes { by_name }
    }

    /// The ISO short name of a country code ("us" → "United States of America"), as an import
    /// reads FollowTheMoney's `country` and `nationality` back.
    pub(super) fn name_of(code: &str) -> Option<String> {
        keshvar::Alpha2::try_from(code.trim().to_uppercase().as_str())
            .ok()
            .map(|a| a.to_country().iso_short_name().to_string())
    }

    fn code(&self, name: &str) -> Option<&str> {
        let name = name.trim().to_lowercase();
        if name.is_empty() {
            return None;
        }
        self.by_name.get(&name).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_names_become_iso_codes() {
        let c = CountryCodes::new();
        assert_eq!(c.code("United States"), Some("us"));
        assert_eq!(c.code("russia"), Some("ru"));
        assert_eq!(c.code("Turkey"), Some("tr"));
        assert_eq!(c.code("United Kingdom"), Some("gb"));
        assert_eq!(c.code("Atlantis"), None);
        assert_eq!(c.code(""), None);
        // Back from the code, and to the same code again.
        let name = CountryCodes::name_of("tr").unwrap();
        assert_eq!(c.code(&name), Some("tr"));
        assert_eq!(CountryCodes::name_of("xx"), None);
    }
}
