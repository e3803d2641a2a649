//! Accepting suggested claims: one edit that adds the new actors they need, the aliases they
//! found for known actors, and the claims themselves, quoted from the source. One edit, so one
//! undo takes a whole accepted batch back.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::dataset::{Actor, Claim, Dataset, Fact, Rank, Subject};
use super::edit::Edit;
use super::extract::{NewActor, SuggestedActor, Suggestion};
use super::ops::unique_id;
use super::quote::Quote;

/// The edit adding `suggestions` as claims of the source `source`. Suggestions whose quote no
/// longer fits the text, or whose known actor is gone, are left out; an unknown source gives
/// an empty batch.
pub fn accept_suggestions(d: &Dataset, source: &str, suggestions: &[Suggestion]) -> Edit {
    let Some(src) = d.source(source) else {
        return Edit::Batch(Vec::new());
    };
    let mut edits = Vec::new();
    let mut actor_ids: HashSet<String> = d.actors.iter().map(|a| a.id.clone()).collect();
    // A new actor named by several suggestions is added once: suggested id -> given id.
    let mut created: HashMap<&str, String> = HashMap::new();
    for s in suggestions {
        let SuggestedActor::New(n) = &s.actor else {
            continue;
        };
        if created.contains_key(n.id.as_str()) {
            continue;
        }
        let id = free_id(&n.id, &actor_ids);
        actor_ids.insert(id.clone());
        edits.push(Edit::InsertActor {
            at: d.actors.len() + created.len(),
            actor: new_actor(n, id.clone()),
        });
        created.insert(&n.id, id);
    }
    // Names of known actors the text uses and the dataset lacks become aliases.
    let mut aliases: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for s in suggestions {
        if let (SuggestedActor::Known(a), Some(alias)) = (&s.actor, &s.new_alias)
            && let Some(actor) = d.actors.get(*a)
            && actor.name != *alias
            && !actor.aliases.contains(alias)
        {
            let list = aliases.entry(*a).or_default();
            if !list.contains(alias) {
                list.push(alias.clone());
            }
        }
    }
    for (a, list) in aliases {
        let mut actor = d.actors[a].clone();
        actor.aliases.extend(list);
        edits.push(Edit::ReplaceActor { at: a, actor });
    }
    let mut claims = ClaimIds::new(d);
    let mut described: HashSet<&str> = HashSet::new();
    let mut seen: HashSet<(String, &Fact, usize, usize)> = HashSet::new();
    for s in suggestions {
        let subject = match &s.actor {
            SuggestedActor::Known(a) => match d.actors.get(*a) {
                Some(actor) => actor.id.clone(),
                None => continue,
            },
            SuggestedActor::New(n) => created[n.id.as_str()].clone(),
        };
        let Some(quote) = Quote::from_span(&src.text, s.start, s.end) else {
            continue;
        };
        if !seen.insert((subject.clone(), &s.fact, s.start, s.end)) {
            continue;
        }
        let note = format!("extracted ({:.0}% confident)", s.confidence * 100.0);
        let as_of = s.as_of.or(src.published);
        let mut add = |fact: Fact, quote: Quote| {
            edits.push(Edit::InsertClaim {
                at: d.claims.len() + claims.added,
                claim: Claim {
                    id: claims.fresh(&subject, &fact, source),
                    subject: Subject::Actor(subject.clone()),
                    fact,
                    source: source.to_string(),
                    quote: Some(quote),
                    as_of,
                    rank: Rank::Normal,
                    note: note.clone(),
                },
            });
        };
        add(s.fact.clone(), quote);
        // What the text says a new actor is (office, whom they act for), quoted by the
        // sentence that introduces them, once per actor.
        if let SuggestedActor::New(n) = &s.actor
            && described.insert(&n.id)
            && let Some(sentence) = Quote::from_span(&src.text, s.sentence.start, s.sentence.end)
        {
            if let Some(office) = n.office.as_ref().filter(|o| !o.trim().is_empty()) {
                add(Fact::Office(office.trim().to_string()), sentence.clone());
            }
            let whom = n.represents.as_ref().and_then(|r| {
                created
                    .get(r.as_str())
                    .cloned()
                    .or_else(|| d.actor(r).map(|a| a.id.clone()))
            });
            if let Some(whom) = whom.filter(|w| *w != subject) {
                add(Fact::Represents(whom), sentence);
            }
        }
    }
    Edit::Batch(edits)
}

fn new_actor(n: &NewActor, id: String) -> Actor {
    Actor {
        id,
        name: n.name.trim().to_string(),
        aliases: n.aliases.clone(),
        kind: n.kind,
        country: n.country.clone(),
        ..Default::default()
    }
}

/// `wanted`, or `wanted-2`, `wanted-3`… if taken.
fn free_id(wanted: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(wanted) {
        return wanted.to_string();
    }
    (2..)
        .map(|n| format!("{wanted}-{n}"))
        .find(|id| !taken.contains(id))
        .expect("unbounded")
}

/// Fresh claim ids, unique among the dataset's and those of this batch.
struct ClaimIds {
    taken: HashSet<String>,
    added: usize,
}

impl ClaimIds {
    fn new(d: &Dataset) -> ClaimIds {
        ClaimIds {
            taken: d.claims.iter().map(|c| c.id.clone()).collect(),
            added: 0,
        }
    }

    fn fresh(&mut self, subject: &str, fact: &Fact, source: &str) -> String {
        let base = unique_id(
            &format!("c {subject} {} {source}", fact.property().label()),
            &HashSet::new(),
        );
        let id = free_id(&base, &self.taken);
        self.taken.insert(id.clone());
        self.added += 1;
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::builder::DatasetBuilder;
    use crate::model::{ActorKind, Status};

    const TEXT: &str = "Hungary has accepted the invitation. World Bank President Ajay Banga \
                        was invited. Banga accepted. Viktor Orbán signed.";

    fn dataset() -> Dataset {
        let mut d = DatasetBuilder::new("Board")
            .actor("hungary-pm", "Prime Minister of Hungary", ActorKind::Person)
            .actor("ajay-banga", "Someone else", ActorKind::Person)
            .source("wire", "Wire", Some("2026-01-25"), TEXT)
            .build();
        d.touch();
        d
    }

    fn span(words: &str) -> (usize, usize) {
        let at = TEXT.find(words).unwrap();
        (at, at + words.len())
    }

    fn suggestion(actor: SuggestedActor, fact: Fact, words: &str) -> Suggestion {
        let (start, end) = span(words);
        Suggestion {
            actor,
            fact,
            body: None,
            as_of: None,
            start,
            end,
            sentence: start..end,
            confidence: 0.8,
            new_alias: None,
        }
    }

    fn banga() -> SuggestedActor {
        SuggestedActor::New(NewActor {
            id: "ajay-banga".into(),
            name: "Ajay Banga".into(),
            kind: ActorKind::Person,
            country: "US".into(),
            office: Some("World Bank President".into()),
            represents: Some("world-bank".into()),
            aliases: vec!["Banga".into()],
        })
    }

    #[test]
    fn a_new_actor_is_added_once_with_its_office_and_its_claims_undo_in_one_step() {
        let mut d = dataset();
        let before = d.clone();
        let batch = [
            suggestion(banga(), Fact::Invited(true), "Ajay Banga was invited"),
            suggestion(banga(), Fact::Status(Status::Accepted), "Banga accepted"),
        ];
        let undo = accept_suggestions(&d, "wire", &batch)
            .apply(&mut d)
            .unwrap();
        // The id the extractor proposed was taken: the new actor gets a free one.
        let added: Vec<&Actor> = d.actors.iter().filter(|a| a.name == "Ajay Banga").collect();
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].id, "ajay-banga-2");
        assert_eq!(added[0].aliases, ["Banga"]);
        let claims: Vec<&Claim> = d
            .claims
            .iter()
            .filter(|c| c.subject == Subject::Actor("ajay-banga-2".into()))
            .collect();
        let facts: Vec<&Fact> = claims.iter().map(|c| &c.fact).collect();
        assert_eq!(
            facts,
            [
                &Fact::Invited(true),
                &Fact::Office("World Bank President".into()),
                &Fact::Status(Status::Accepted)
            ],
            "the office once; no 'represents' for an actor nobody added"
        );
        assert!(claims.iter().all(|c| c.source == "wire"
            && c.as_of == Some("2026-01-25".parse().unwrap())
            && c.note.starts_with("extracted")));
        assert_eq!(claims[2].quote.as_ref().unwrap().exact, "Banga accepted");
        let ids: HashSet<&str> = d.claims.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), d.claims.len(), "claim ids are unique");
        undo.apply(&mut d).unwrap();
        assert_eq!(d, before);
    }

    #[test]
    fn a_name_the_dataset_lacks_becomes_an_alias_and_stale_suggestions_are_skipped() {
        let mut d = dataset();
        let mut orban = suggestion(
            SuggestedActor::Known(0),
            Fact::Status(Status::Signed),
            "Viktor Orbán signed",
        );
        orban.new_alias = Some("Viktor Orbán".into());
        orban.as_of = Some("2026-01-22".parse().unwrap());
        let mut stale = orban.clone();
        stale.actor = SuggestedActor::Known(9);
        let mut outside = orban.clone();
        outside.end = TEXT.len() + 5;
        accept_suggestions(&d, "wire", &[orban.clone(), orban, stale, outside])
            .apply(&mut d)
            .unwrap();
        assert_eq!(d.actors[0].aliases, ["Viktor Orbán"]);
        assert_eq!(d.claims.len(), 1, "the same suggestion twice is one claim");
        assert_eq!(d.claims[0].as_of, Some("2026-01-22".parse().unwrap()));
        assert_eq!(
            accept_suggestions(&d, "nowhere", &[]),
            Edit::Batch(Vec::new())
        );
    }
}
