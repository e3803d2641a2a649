//! Popolo and FollowTheMoney exports, checked against the fields their specifications publish,
//! and, where the `followthemoney` Python package is installed, validated by it.
//!
//! Field lists: Popolo's JSON schemas (popolo-project/popolo-spec, schemas/organization.json,
//! person.json, membership.json, link.json, other_name.json, identifier.json); FollowTheMoney's
//! schema files (followthemoney/schema/Thing.yaml, LegalEntity.yaml, Organization.yaml,
//! PublicBody.yaml, Person.yaml, Interval.yaml, Interest.yaml, Membership.yaml,
//! Representation.yaml): for each schema this export writes, the properties it has or inherits
//! from Thing, LegalEntity, Interval and Interest (Organization's own, unused here, left out).

use std::collections::{HashMap, HashSet};
use std::process::Command;

use board_explorer::model::derive::report::Report;
use board_explorer::model::{Claim, Dataset, Derived, Fact, Rank, Status, Subject};
use board_explorer::store::{embedded, ftm_entities, popolo_json};
use serde_json::Value;

const POPOLO_ORGANIZATION: &[&str] = &[
    "id",
    "name",
    "other_names",
    "identifiers",
    "classification",
    "parent_id",
    "parent",
    "area_id",
    "area",
    "founding_date",
    "dissolution_date",
    "image",
    "contact_details",
    "links",
    "memberships",
    "posts",
    "created_at",
    "updated_at",
    "sources",
];
const POPOLO_PERSON: &[&str] = &[
    "id",
    "name",
    "other_names",
    "identifiers",
    "family_name",
    "given_name",
    "additional_name",
    "honorific_prefix",
    "honorific_suffix",
    "patronymic_name",
    "sort_name",
    "email",
    "gender",
    "birth_date",
    "death_date",
    "image",
    "summary",
    "biography",
    "national_identity",
    "contact_details",
    "links",
    "memberships",
    "created_at",
    "updated_at",
    "sources",
];
const POPOLO_MEMBERSHIP: &[&str] = &[
    "id",
    "label",
    "role",
    "member",
    "person_id",
    "person",
    "organization_id",
    "organization",
    "post_id",
    "post",
    "on_behalf_of_id",
    "on_behalf_of",
    "area_id",
    "area",
    "start_date",
    "end_date",
    "contact_details",
    "links",
    "created_at",
    "updated_at",
    "sources",
];
const POPOLO_LINK: &[&str] = &["url", "note"];

/// FollowTheMoney properties by schema (own and inherited), as published.
fn ftm_properties() -> HashMap<&'static str, HashSet<&'static str>> {
    let thing = [
        "name",
        "summary",
        "description",
        "country",
        "alias",
        "previousName",
        "weakAlias",
        "sourceUrl",
        "publisher",
        "publisherUrl",
        "alephUrl",
        "wikipediaUrl",
        "wikidataId",
        "keywords",
        "topics",
        "address",
        "addressEntity",
        "program",
        "notes",
        "proof",
        "indexText",
        "modifiedAt",
        "retrievedAt",
    ];
    let legal_entity = [
        "email",
        "phone",
        "website",
        "legalForm",
        "incorporationDate",
        "dissolutionDate",
        "taxStatus",
        "status",
        "sector",
        "classification",
        "registrationNumber",
        "idNumber",
        "taxNumber",
        "vatCode",
        "jurisdiction",
        "mainCountry",
        "opencorporatesUrl",
        "bvdId",
        "icijId",
        "okpoCode",
        "innCode",
        "dunsCode",
        "swiftBic",
        "parent",
        "subsidiaries",
        "passport",
    ];
    let person = [
        "title",
        "firstName",
        "secondName",
        "middleName",
        "fatherName",
        "motherName",
        "lastName",
        "nameSuffix",
        "birthDate",
        "birthPlace",
        "birthCountry",
        "deathDate",
        "position",
        "nationality",
        "citizenship",
        "passportNumber",
        "gender",
        "ethnicity",
        "religion",
        "political",
        "education",
        "spokenLanguage",
    ];
    let interval = [
        "startDate",
        "endDate",
        "date",
        "summary",
        "description",
        "recordId",
        "sourceUrl",
        "publisher",
        "publisherUrl",
        "modifiedAt",
        "retrievedAt",
    ];
    let interest = ["role", "status"];
    let with = |parts: &[&[&'static str]]| -> HashSet<&'static str> {
        parts.iter().flat_map(|p| p.iter().copied()).collect()
    };
    HashMap::from([
        ("Person", with(&[&thing, &legal_entity, &person])),
        ("Organization", with(&[&thing, &legal_entity])),
        ("PublicBody", with(&[&thing, &legal_entity])),
        (
            "Membership",
            with(&[&interval, &interest, &["member", "organization"]]),
        ),
        (
            "Representation",
            with(&[&interval, &interest, &["agent", "client"]]),
        ),
    ])
}

/// The embedded dataset with web addresses for its sources, a person who sits for a state
/// (Netanyahu, for Israel, reported as a member), and a member of the sub-body (Blair, of the
/// committee of Palestinian experts, quoted).
fn dataset() -> Dataset {
    let mut d = embedded();
    for (i, s) in d.sources.iter_mut().enumerate() {
        s.url = Some(format!("https://news.example/{i}"));
    }
    d.claims.push(Claim {
        extra: Default::default(),
        author: String::new(),
        id: "netanyahu-member".into(),
        subject: Subject::Actor("netanyahu".into()),
        fact: Fact::Status(Status::Member),
        negated: false,
        body: None,
        source: d.sources[0].id.clone(),
        quote: None,
        as_of: None,
        rank: Rank::Preferred,
        note: String::new(),
    });
    let quote = d
        .claims
        .iter()
        .find(|c| c.subject == Subject::Actor("blair".into()) && c.quote.is_some())
        .cloned()
        .unwrap();
    // Reported on an approximate day: the formats' dates have no "~", so the day is written.
    d.claims.push(Claim {
        id: "blair-committee".into(),
        fact: Fact::Status(Status::Member),
        body: Some("gaza-committee".into()),
        as_of: Some("~2026-01-20".parse().unwrap()),
        rank: Rank::Normal,
        ..quote
    });
    d.touch();
    d
}

fn with_report<T>(d: &Dataset, f: impl FnOnce(&Report) -> T) -> T {
    let mut derived = Derived::default();
    derived.refresh(d, None);
    f(&Report::new(d, &derived))
}

fn keys_within(object: &Value, allowed: &[&str], what: &str) {
    for key in object.as_object().expect("an object").keys() {
        assert!(
            allowed.contains(&key.as_str()),
            "{what} has no field {key:?}"
        );
    }
}

fn is_popolo_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts[0].len() == 4
        && parts[1..].iter().all(|p| p.len() == 2)
        && parts.len() <= 3
        && s.chars().all(|c| c.is_ascii_digit() || c == '-')
}

#[test]
fn popolo_uses_the_published_fields_and_its_ids_resolve() {
    let d = dataset();
    let doc: Value = serde_json::from_str(&with_report(&d, popolo_json)).unwrap();
    let list = |k: &str| doc[k].as_array().unwrap().clone();
    let (orgs, persons, memberships) =
        (list("organizations"), list("persons"), list("memberships"));
    let org_ids: HashSet<&str> = orgs.iter().map(|o| o["id"].as_str().unwrap()).collect();
    let person_ids: HashSet<&str> = persons.iter().map(|p| p["id"].as_str().unwrap()).collect();
    for o in &orgs {
        keys_within(o, POPOLO_ORGANIZATION, "an organization");
        if let Some(parent) = o.get("parent_id") {
            assert!(org_ids.contains(parent.as_str().unwrap()));
        }
    }
    for p in &persons {
        keys_within(p, POPOLO_PERSON, "a person");
    }
    // The body and its sub-body, with the sub-body's parent.
    let committee = orgs.iter().find(|o| o["id"] == "gaza-committee").unwrap();
    assert_eq!(committee["parent_id"], d.body.id.as_str());
    assert!(!memberships.is_empty());
    for m in &memberships {
        keys_within(m, POPOLO_MEMBERSHIP, "a membership");
        assert!(org_ids.contains(m["organization_id"].as_str().unwrap()));
        assert!(m["role"].is_string());
        match (m.get("person_id"), m.get("member")) {
            (Some(p), None) => assert!(person_ids.contains(p.as_str().unwrap())),
            (None, Some(member)) => assert!(org_ids.contains(member["id"].as_str().unwrap())),
            other => panic!("a membership names one member: {other:?}"),
        }
        for date in ["start_date", "end_date"] {
            if let Some(v) = m.get(date) {
                assert!(is_popolo_date(v.as_str().unwrap()), "{v}");
            }
        }
        for s in m["sources"].as_array().into_iter().flatten() {
            keys_within(s, POPOLO_LINK, "a source link");
            assert!(s["url"].as_str().unwrap().starts_with("https://"));
            assert!(!s["note"].as_str().unwrap().is_empty());
        }
    }
    // Netanyahu is a member of the board for Israel, though the seat is Israel's: a
    // membership is not a seat.
    let netanyahu = memberships
        .iter()
        .find(|m| m["person_id"] == "netanyahu")
        .unwrap();
    assert_eq!(netanyahu["on_behalf_of_id"], "israel");
    assert_eq!(netanyahu["organization_id"], d.body.id.as_str());
    assert!(
        netanyahu["label"]
            .as_str()
            .unwrap()
            .contains("speaks for Israel"),
        "{netanyahu}"
    );
    assert!(org_ids.contains("israel"));
    // Blair is a member of the committee too: a membership of the sub-body, whose ids resolve.
    let on_committee: Vec<&Value> = memberships
        .iter()
        .filter(|m| m["organization_id"] == "gaza-committee")
        .collect();
    assert_eq!(on_committee.len(), 1, "{on_committee:?}");
    assert_eq!(on_committee[0]["person_id"], "blair");
    assert_eq!(on_committee[0]["start_date"], "2026-01-20");
    for m in &memberships {
        let label = m["label"].as_str().unwrap();
        assert!(!label.contains("seat seat"), "{label}");
    }
    assert!(org_ids.contains("gaza-committee"));
    assert_ne!(on_committee[0]["id"], netanyahu["id"]);
    let membership_ids: HashSet<&str> = memberships
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        membership_ids.len(),
        memberships.len(),
        "membership ids are unique"
    );
    let blair = memberships
        .iter()
        .find(|m| m["person_id"] == "blair" && m["organization_id"] == d.body.id.as_str())
        .unwrap();
    assert!(blair["start_date"].is_string());
    let notes: Vec<&str> = blair["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["note"].as_str().unwrap())
        .collect();
    assert!(
        notes.iter().any(|n| n.contains('“')),
        "quoted words: {notes:?}"
    );
}

fn ftm_lines(d: &Dataset) -> Vec<Value> {
    with_report(d, ftm_entities)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

#[test]
fn followthemoney_uses_the_published_properties_and_its_references_resolve() {
    let d = dataset();
    let entities = ftm_lines(&d);
    let schemas = ftm_properties();
    let ids: HashMap<&str, &str> = entities
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["schema"].as_str().unwrap()))
        .collect();
    assert_eq!(ids.len(), entities.len(), "ids are unique");
    for e in &entities {
        let schema = e["schema"].as_str().unwrap();
        let allowed = schemas
            .get(schema)
            .unwrap_or_else(|| panic!("schema {schema}"));
        for (property, values) in e["properties"].as_object().unwrap() {
            assert!(
                allowed.contains(property.as_str()),
                "{schema} has no {property}"
            );
            let values = values.as_array().unwrap();
            assert!(!values.is_empty() && values.iter().all(Value::is_string));
            if ["country", "nationality"].contains(&property.as_str()) {
                for v in values {
                    let v = v.as_str().unwrap();
                    assert!(
                        v.len() == 2 && v.chars().all(|c| c.is_ascii_lowercase()),
                        "{v}"
                    );
                }
            }
            if ["member", "organization", "agent", "client", "parent"].contains(&property.as_str())
            {
                for v in values {
                    assert!(ids.contains_key(v.as_str().unwrap()), "{property} -> {v}");
                }
            }
        }
        // What each schema requires.
        let has = |p: &str| e["properties"].get(p).is_some();
        match schema {
            "Membership" => assert!(has("member") && has("organization")),
            "Representation" => assert!(has("agent") && has("client")),
            _ => assert!(has("name")),
        }
    }
    let by_schema = |s: &str| entities.iter().filter(|e| e["schema"] == s).count();
    // One membership per member of the body (a seat or speaking for a member) and of each
    // sub-body.
    let members = with_report(&d, |r| {
        r.memberships.len()
            + r.sub_bodies()
                .iter()
                .map(|s| s.members().count())
                .sum::<usize>()
    });
    assert_eq!(by_schema("Membership"), members);
    let with_seat = with_report(&d, |r| r.members.len());
    assert!(
        members > with_seat,
        "Netanyahu and the committee: {members} > {with_seat}"
    );
    let committee: Vec<&Value> = entities
        .iter()
        .filter(|e| {
            e["schema"] == "Membership"
                && e["properties"]["organization"][0] == "be-body-gaza-committee"
        })
        .collect();
    assert_eq!(committee.len(), 1);
    assert_eq!(committee[0]["properties"]["member"][0], "be-actor-blair");
    assert_eq!(committee[0]["properties"]["startDate"][0], "2026-01-20");
    assert_eq!(ids["be-body-gaza-committee"], "PublicBody");
    let netanyahu = entities
        .iter()
        .find(|e| {
            e["schema"] == "Membership" && e["properties"]["member"][0] == "be-actor-netanyahu"
        })
        .expect("Netanyahu's membership of the board");
    assert_eq!(
        netanyahu["properties"]["organization"][0],
        format!("be-body-{}", d.body.id)
    );
    assert_eq!(by_schema("Representation"), 1, "Netanyahu for Israel");
    assert!(by_schema("Person") > 0 && by_schema("PublicBody") >= 2);
    // A membership carries its role, start date, sources and the words they quote.
    let blair = entities
        .iter()
        .find(|e| {
            e["schema"] == "Membership"
                && e["properties"]["member"][0] == "be-actor-blair"
                && e["properties"]["organization"][0] == format!("be-body-{}", d.body.id)
        })
        .unwrap();
    for p in ["role", "startDate", "sourceUrl", "summary"] {
        assert!(blair["properties"].get(p).is_some(), "{p}");
    }
}

/// The check the `followthemoney` package itself makes: every schema and property exists,
/// every value cleans to its type, references point at entities of the right schema, and
/// required properties are there.
const FTM_CHECK: &str = r#"
import json, sys
from followthemoney import model
ents = [json.loads(line) for line in sys.stdin if line.strip()]
by_id = {e["id"]: e for e in ents}
errors = []
for e in ents:
    schema = model.get(e["schema"])
    if schema is None or schema.abstract:
        errors.append("schema %s" % e["schema"]); continue
    for name, values in e["properties"].items():
        prop = schema.get(name)
        if prop is None:
            errors.append("%s has no %s" % (schema.name, name)); continue
        for v in values:
            if prop.type.clean(v) is None:
                errors.append("%s.%s=%r is not a %s" % (schema.name, name, v, prop.type.name))
            if prop.type.name == "entity":
                target = by_id.get(v)
                if target is None or not model.get(target["schema"]).is_a(prop.range):
                    errors.append("%s.%s -> %s" % (schema.name, name, v))
    for req in schema.required:
        if not e["properties"].get(req):
            errors.append("%s lacks %s" % (schema.name, req))
    model.get_proxy(e, cleaned=False)
print("\n".join(errors) if errors else "ok %d" % len(ents))
sys.exit(1 if errors else 0)
"#;

/// The Python that has the `followthemoney` package: `FTM_PYTHON` (a virtual environment's,
/// say), else python3; `None` (and the reason printed) where it has none.
pub(crate) fn ftm_python() -> Option<String> {
    let python = std::env::var("FTM_PYTHON").unwrap_or_else(|_| "python3".into());
    let probe = Command::new(&python)
        .args(["-c", "import followthemoney"])
        .output();
    match probe {
        Ok(out) if out.status.success() => Some(python),
        Ok(_) => {
            println!(
                "skipped: {python} has no followthemoney package (pip install followthemoney, set FTM_PYTHON)"
            );
            None
        }
        Err(e) => {
            println!("skipped: cannot run {python}: {e}");
            None
        }
    }
}

#[test]
fn followthemoney_itself_accepts_the_entities() {
    let Some(python) = ftm_python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entities.json");
    std::fs::write(&path, with_report(&dataset(), ftm_entities)).unwrap();
    let out = Command::new(&python)
        .args(["-c", FTM_CHECK])
        .stdin(std::fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "followthemoney refuses the entities:\n{said}"
    );
    println!("followthemoney: {said}");
}

#[test]
fn the_cli_writes_popolo_and_followthemoney() {
    for (format, check) in [
        (
            "popolo",
            (|t: &str| serde_json::from_str::<Value>(t).is_ok()) as fn(&str) -> bool,
        ),
        ("ftm", |t: &str| {
            t.lines().count() > 10 && t.lines().all(|l| serde_json::from_str::<Value>(l).is_ok())
        }),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_board-explorer"))
            .args(["export", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        assert!(check(&String::from_utf8(out.stdout).unwrap()), "{format}");
    }
}
