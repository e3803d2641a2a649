//! Reading Popolo JSON (popoloproject.com) back: persons and organizations become actors
//! (states by their classification, the body by "international body" or as the organization
//! most memberships name), identifiers of scheme `wikidata` their Wikidata ids, other names
//! their aliases, a person's `national_identity` its country and `summary` its office; a
//! membership of the body makes its member a member, with its role (other than the plain
//! "member"), its start date as the joining day and `on_behalf_of_id` whom it represents.
//! Memberships of other organizations and sub-bodies are skipped, with their place.

use std::collections::HashMap;

use serde::Deserialize;

use crate::model::data::import::{ImportData, ImportFact, ImportRow, Skipped};
use crate::model::rules::validate_values::wikidata_problem;
use crate::model::text::fact_text::parse_fact;
use crate::model::{ActorKind, Fact, Status};

use super::import::ImportError;

#[derive(Deserialize)]
struct PopoloFile {
    organizations: Option<Vec<ReadOrganization>>,
    persons: Option<Vec<ReadPerson>>,
    memberships: Option<Vec<ReadMembership>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReadOrganization {
    id: String,
    name: String,
    classification: String,
    other_names: Vec<ReadOtherName>,
    identifiers: Vec<ReadIdentifier>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReadPerson {
    id: String,
    name: String,
    other_names: Vec<ReadOtherName>,
    identifiers: Vec<ReadIdentifier>,
    national_identity: Option<String>,
    summary: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReadMembership {
    person_id: Option<String>,
    member: Option<ReadMemberRef>,
    organization_id: Option<String>,
    role: Option<String>,
    on_behalf_of_id: Option<String>,
    start_date: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReadMemberRef {
    id: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReadOtherName {
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReadIdentifier {
    scheme: String,
    identifier: String,
}

/// The classification of the body tracked, as the export writes it.
const BODY: &str = "international body";

/// The actors and memberships of a Popolo document.
pub fn read_popolo(text: &str) -> Result<ImportData, ImportError> {
    let doc: PopoloFile = serde_json::from_str(text).map_err(|e| {
        ImportError::at(
            e.line(),
            format!("not Popolo JSON: {e} (column {})", e.column()),
        )
    })?;
    if doc.organizations.is_none() && doc.persons.is_none() && doc.memberships.is_none() {
        return Err(ImportError::at(
            0,
            "not Popolo JSON: it has none of organizations, persons, memberships",
        ));
    }
    let (organizations, persons, memberships) = (
        doc.organizations.unwrap_or_default(),
        doc.persons.unwrap_or_default(),
        doc.memberships.unwrap_or_default(),
    );
    let body = body_of(&organizations, &memberships);
    let mut data = ImportData {
        contents: format!(
            "{} organizations, {} persons, {} memberships",
            organizations.len(),
            persons.len(),
            memberships.len()
        ),
        ..ImportData::default()
    };
    for (i, o) in organizations.iter().enumerate() {
        let place = format!("organizations[{i}]");
        if Some(o.id.as_str()) == body {
            data.body = Some((o.id.clone(), o.name.clone()));
            continue;
        }
        let kind = match o.classification.as_str() {
            "state" | "country" => ActorKind::State,
            "sub-body" => {
                data.skipped.push(Skipped {
                    place,
                    why: format!("\"{}\" is a sub-body: add it with `body add`", o.name),
                });
                continue;
            }
            _ => ActorKind::Organisation,
        };
        actor(
            &mut data,
            place,
            &o.id,
            &o.name,
            kind,
            &o.other_names,
            &o.identifiers,
        );
    }
    for (i, p) in persons.iter().enumerate() {
        let place = format!("persons[{i}]");
        let Some(row) = actor(
            &mut data,
            place.clone(),
            &p.id,
            &p.name,
            ActorKind::Person,
            &p.other_names,
            &p.identifiers,
        ) else {
            continue;
        };
        row.country = p.national_identity.clone().unwrap_or_default();
        if let Some(office) = p.summary.as_deref().filter(|s| !s.trim().is_empty()) {
            row.facts.push(ImportFact {
                place,
                membership: false,
                fact: Fact::Office(office.trim().to_string()),
            });
        }
    }
    let rows: HashMap<String, usize> = data
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    for (i, m) in memberships.iter().enumerate() {
        let place = format!("memberships[{i}]");
        match membership(m, body, &place) {
            Ok((member, facts)) => match rows.get(member) {
                Some(&r) => data.rows[r].facts.extend(facts),
                None => data.skipped.push(Skipped {
                    place,
                    why: format!(
                        "its member \"{member}\" is not among the persons and organizations"
                    ),
                }),
            },
            Err(why) => data.skipped.push(Skipped { place, why }),
        }
    }
    Ok(data)
}

/// The body's id: the organization classified as the body tracked, else the one most
/// memberships name.
fn body_of<'a>(
    organizations: &'a [ReadOrganization],
    memberships: &'a [ReadMembership],
) -> Option<&'a str> {
    if let Some(o) = organizations.iter().find(|o| o.classification == BODY) {
        return Some(&o.id);
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in memberships {
        if let Some(o) = &m.organization_id {
            *counts.entry(o).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(id, _)| id)
}

/// Adds a person or organization as a row; `None` (and the reason kept) when its Wikidata id
/// is not one.
fn actor<'d>(
    data: &'d mut ImportData,
    place: String,
    id: &str,
    name: &str,
    kind: ActorKind,
    other_names: &[ReadOtherName],
    identifiers: &[ReadIdentifier],
) -> Option<&'d mut ImportRow> {
    let wikidata = identifiers
        .iter()
        .find(|i| i.scheme.eq_ignore_ascii_case("wikidata"))
        .map(|i| i.identifier.trim().to_string());
    if let Some(why) = wikidata.as_deref().and_then(wikidata_problem) {
        data.skipped.push(Skipped { place, why });
        return None;
    }
    data.rows.push(ImportRow {
        place,
        id: id.to_string(),
        name: name.to_string(),
        kind,
        wikidata,
        aliases: other_names.iter().map(|n| n.name.clone()).collect(),
        ..ImportRow::default()
    });
    data.rows.last_mut()
}

/// A membership of the body: its member's id and the facts it states; why not otherwise.
fn membership<'m>(
    m: &'m ReadMembership,
    body: Option<&str>,
    place: &str,
) -> Result<(&'m str, Vec<ImportFact>), String> {
    let member = m
        .person_id
        .as_deref()
        .or(m.member.as_ref().map(|r| r.id.as_str()))
        .ok_or("it names no person_id nor member")?;
    let org = m.organization_id.as_deref().unwrap_or_default();
    if Some(org) != body {
        return Err(format!("a membership of \"{org}\", not of the body"));
    }
    let fact = |fact: Fact, membership: bool| ImportFact {
        place: place.to_string(),
        membership,
        fact,
    };
    let mut facts = vec![fact(Fact::Status(Status::Member), true)];
    if let Some(role) = m.role.as_deref().filter(|r| !is_plain_member(r)) {
        facts.push(fact(
            parse_fact(&format!("role={role}")).map_err(|e| e.to_string())?,
            false,
        ));
    }
    if let Some(start) = &m.start_date {
        let day = start.parse().map_err(|e| format!("start_date: {e}"))?;
        facts.push(fact(Fact::Joined(day), false));
    }
    if let Some(whom) = &m.on_behalf_of_id {
        facts.push(fact(Fact::Represents(whom.clone()), false));
    }
    Ok((member, facts))
}

/// Whether a membership's role says only that it is one ("member"): the membership itself,
/// not a role claim (the exports write it where no role is claimed).
pub(super) fn is_plain_member(role: &str) -> bool {
    role.trim().is_empty() || role.trim().eq_ignore_ascii_case("member")
}
