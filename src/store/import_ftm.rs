//! Reading FollowTheMoney entities (one JSON object a line) back: `Person`, `Organization`
//! (and `Company`, `LegalEntity`) and `PublicBody` become actors (a PublicBody with a
//! `parent` is a sub-body and skipped; the one the memberships name most is the body), with
//! their `alias`, `wikidataId`, `nationality` or `country` (an ISO code, read back as the
//! country's ISO name) and `position` or `description` as the office. A `Membership` of the
//! body gives its member's `status`, `role` (other than the plain "member") and `startDate`;
//! a `Representation` whom its agent represents. Ids this program wrote (`be-actor-…`) come
//! back as the actor ids they were.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::model::data::import::{ImportData, ImportFact, ImportRow, Skipped};
use crate::model::rules::validate_values::wikidata_problem;
use crate::model::text::fact_text::parse_fact;
use crate::model::{ActorKind, Fact, Status};

use super::ftm::{ACTOR_PREFIX, BODY_PREFIX, CountryCodes};
use super::import::ImportError;
use super::import_popolo::is_plain_member;

#[derive(Deserialize)]
struct ReadEntity {
    id: String,
    schema: String,
    #[serde(default)]
    properties: BTreeMap<String, Vec<String>>,
}

impl ReadEntity {
    fn first(&self, property: &str) -> Option<&str> {
        self.properties
            .get(property)
            .and_then(|v| v.first())
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    }

    fn all(&self, property: &str) -> &[String] {
        self.properties.get(property).map_or(&[], Vec::as_slice)
    }
}

/// An actor's id in the dataset from its entity id.
fn actor_id(entity: &str) -> &str {
    entity.strip_prefix(ACTOR_PREFIX).unwrap_or(entity)
}

/// The actors, memberships and representations of FollowTheMoney entities.
pub fn read_ftm(text: &str) -> Result<ImportData, ImportError> {
    let mut entities = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let e: ReadEntity = serde_json::from_str(line).map_err(|e| {
            ImportError::at(
                n + 1,
                format!(
                    "not a FollowTheMoney entity (an object with id, schema and properties): \
                     {e}"
                ),
            )
        })?;
        entities.push((n + 1, e));
    }
    let body = body_of(&entities);
    let mut data = ImportData {
        contents: format!("{} entities", entities.len()),
        ..ImportData::default()
    };
    let mut rows: HashMap<&str, usize> = HashMap::new();
    let mut links = Vec::new();
    for (line, e) in &entities {
        let place = format!("line {line}");
        let kind = match e.schema.as_str() {
            _ if Some(e.id.as_str()) == body => {
                let id = e.id.strip_prefix(BODY_PREFIX).unwrap_or(&e.id).to_string();
                data.body = Some((id, e.first("name").unwrap_or_default().to_string()));
                continue;
            }
            "Person" => ActorKind::Person,
            "Organization" | "Company" | "LegalEntity" => ActorKind::Organisation,
            "PublicBody" if e.first("parent").is_some() => {
                data.skipped.push(Skipped {
                    place,
                    why: "a sub-body (a PublicBody with a parent): add it with `body add`".into(),
                });
                continue;
            }
            "PublicBody" => ActorKind::State,
            "Membership" | "Representation" => {
                links.push((place, e));
                continue;
            }
            other => {
                data.skipped.push(Skipped {
                    place,
                    why: format!("schema \"{other}\" is not imported"),
                });
                continue;
            }
        };
        match actor(e, kind, &place) {
            Ok(row) => {
                rows.insert(e.id.as_str(), data.rows.len());
                data.rows.push(row);
            }
            Err(why) => data.skipped.push(Skipped { place, why }),
        }
    }
    for (place, e) in links {
        let (member, facts) = match link(e, body, &place) {
            Ok(found) => found,
            Err(why) => {
                data.skipped.push(Skipped { place, why });
                continue;
            }
        };
        match rows.get(member) {
            Some(&r) => data.rows[r].facts.extend(facts),
            None => data.skipped.push(Skipped {
                place,
                why: format!("\"{member}\" is not an entity of the file"),
            }),
        }
    }
    Ok(data)
}

/// The body's entity id: the organization most memberships name, else the first PublicBody
/// with neither parent nor country.
fn body_of(entities: &[(usize, ReadEntity)]) -> Option<&str> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (line, e) in entities.iter().filter(|(_, e)| e.schema == "Membership") {
        if let Some(o) = e.first("organization") {
            let c = counts.entry(o).or_insert((0, *line));
            c.0 += 1;
        }
    }
    let named = counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(id, _)| id);
    named.or_else(|| {
        entities
            .iter()
            .map(|(_, e)| e)
            .find(|e| {
                e.schema == "PublicBody"
                    && e.first("parent").is_none()
                    && e.first("country").is_none()
            })
            .map(|e| e.id.as_str())
    })
}

/// A person, organization or state as a row, or why it is skipped.
fn actor(e: &ReadEntity, kind: ActorKind, place: &str) -> Result<ImportRow, String> {
    let wikidata = e.first("wikidataId").map(|q| q.trim().to_string());
    if let Some(why) = wikidata.as_deref().and_then(wikidata_problem) {
        return Err(why);
    }
    let country = e
        .first("nationality")
        .or(e.first("country"))
        .and_then(CountryCodes::name_of)
        .unwrap_or_default();
    let office = match kind {
        ActorKind::Person => e.first("position"),
        _ => e.first("description"),
    };
    Ok(ImportRow {
        place: place.to_string(),
        id: actor_id(&e.id).to_string(),
        name: e.first("name").unwrap_or_default().to_string(),
        kind,
        country,
        wikidata,
        aliases: e.all("alias").to_vec(),
        facts: office
            .map(|o| ImportFact {
                place: place.to_string(),
                membership: false,
                fact: Fact::Office(o.trim().to_string()),
            })
            .into_iter()
            .collect(),
    })
}

/// A membership of the body or a representation: the entity id of the actor it is about and
/// the facts it states, or why it is skipped.
fn link<'e>(
    e: &'e ReadEntity,
    body: Option<&str>,
    place: &str,
) -> Result<(&'e str, Vec<ImportFact>), String> {
    let fact = |fact: Fact, membership: bool| ImportFact {
        place: place.to_string(),
        membership,
        fact,
    };
    if e.schema == "Representation" {
        let (Some(agent), Some(client)) = (e.first("agent"), e.first("client")) else {
            return Err("a Representation needs an agent and a client".into());
        };
        let whom = Fact::Represents(actor_id(client).to_string());
        return Ok((agent, vec![fact(whom, false)]));
    }
    let member = e.first("member").ok_or("a Membership without a member")?;
    let org = e.first("organization").unwrap_or_default();
    if Some(org) != body {
        return Err(format!("a membership of \"{org}\", not of the body"));
    }
    let mut facts = Vec::new();
    match e.first("status") {
        Some(s) => facts.push(fact(
            parse_fact(&format!("status={s}")).map_err(|e| e.to_string())?,
            false,
        )),
        None => facts.push(fact(Fact::Status(Status::Member), true)),
    }
    if let Some(role) = e.first("role").filter(|r| !is_plain_member(r)) {
        facts.push(fact(
            parse_fact(&format!("role={role}")).map_err(|e| e.to_string())?,
            false,
        ));
    }
    if let Some(start) = e.first("startDate") {
        let day = start.parse().map_err(|e| format!("startDate: {e}"))?;
        facts.push(fact(Fact::Joined(day), false));
    }
    Ok((member, facts))
}
