//! Turning accepted suggestions into edits, for the command line (`import-source --accept`) and
//! the app's review queue alike: new actors are added once, a name the dataset lacks becomes an
//! alias of the known actor, and each suggestion becomes a claim citing the source and quoting
//! its words, marked as extracted with its confidence. One [`Edit::Batch`], so an accepted
//! batch is one undo step.

use std::collections::{HashMap, HashSet};

use super::{NewActor, SuggestedActor, Suggestion};
use crate::model::data::dataset::{Actor, Body, Claim, Dataset, Fact, Id, Rank, Source, Subject};
use crate::model::data::edit::Edit;
use crate::model::data::ops::unique_id;
use crate::model::text::quote::Quote;

/// What marks a claim as made by the extractor (its note starts with it).
pub const EXTRACTED: &str = "extracted";

/// The edits that accept `suggestions` about the source `source_id`: new actors first (each
/// once, however many suggestions name it; an actor already in the dataset under the same id
/// and name is reused), then one claim per suggestion. A suggestion whose claim is already in
/// the dataset (same subject, fact, body, source and quoted span), or whose span is not in the
/// source's text, or whose body is not one of the dataset's (see [`body_known`]), adds nothing.
/// An empty batch when the source is unknown.
pub fn accept_suggestions(dataset: &Dataset, source_id: &str, suggestions: &[Suggestion]) -> Edit {
    let Some(source) = dataset.source(source_id) else {
        return Edit::Batch(Vec::new());
    };
    let mut batch = Batch::new(dataset, source_id);
    for s in suggestions
        .iter()
        .filter(|s| body_known(dataset, s) || s.new_body.is_some())
    {
        let Some(quote) = Quote::from_span(&source.text, s.start, s.end) else {
            continue;
        };
        let subject = match &s.actor {
            SuggestedActor::Known(at) => match dataset.actors.get(*at) {
                Some(a) => {
                    if let Some(alias) = &s.new_alias {
                        batch.alias(*at, alias);
                    }
                    a.id.clone()
                }
                None => continue,
            },
            SuggestedActor::New(new) => batch.new_actor(new, source, s),
        };
        let body = match (&s.body, &s.new_body) {
            (Some(id), Some(name)) if dataset.body_by_id(id).is_none() => {
                Some(batch.new_body(id, name))
            }
            _ => s.body.clone(),
        };
        batch.claim(
            source,
            subject,
            s.fact.clone(),
            body,
            quote,
            s.as_of.or(source.published),
            s.confidence,
        );
    }
    batch.into_edit()
}

/// One claim per actor named in a list ("signed by Armenia, Bahrain and Kosovo"), each with
/// `fact`, all quoting the same words `span` of the source: the claim form's hand entry of a
/// list. New actors are added with them; one batch, so one undo takes them all back. They are
/// the editor's own claims, not the extractor's: no "extracted" note.
pub fn claims_for_list(
    dataset: &Dataset,
    source_id: &str,
    actors: &[SuggestedActor],
    fact: &Fact,
    span: std::ops::Range<usize>,
) -> Edit {
    let suggestions: Vec<Suggestion> = actors
        .iter()
        .map(|actor| Suggestion {
            actor: actor.clone(),
            fact: fact.clone(),
            body: None,
            new_body: None,
            as_of: None,
            start: span.start,
            end: span.end,
            sentence: span.clone(),
            confidence: 1.0,
            new_alias: None,
            rule: "hand".into(),
        })
        .collect();
    let mut edit = accept_suggestions(dataset, source_id, &suggestions);
    by_hand(&mut edit);
    edit
}

/// Clears the extractor's note from the claims an edit adds.
fn by_hand(edit: &mut Edit) {
    match edit {
        Edit::InsertClaim { claim, .. } => claim.note.clear(),
        Edit::Batch(edits) => edits.iter_mut().for_each(by_hand),
        _ => {}
    }
}

/// Whether the suggestion's body (if any) is the dataset's body or one of its sub-bodies: a
/// claim about a body the dataset does not have would not validate, and putting it on the
/// main body would misreport it. A suggested new body (`new_body`) is created on acceptance.
pub fn body_known(dataset: &Dataset, s: &Suggestion) -> bool {
    s.body
        .as_deref()
        .is_none_or(|b| dataset.body_by_id(b).is_some())
}

/// The edits of one acceptance, with the ids they take.
struct Batch<'a> {
    d: &'a Dataset,
    /// Known actors given new aliases, by position.
    renamed: Vec<(usize, Actor)>,
    actors: Vec<Actor>,
    claims: Vec<Claim>,
    /// A new actor's suggested id → the id it was given (or the existing actor's).
    new_ids: HashMap<Id, Id>,
    actor_ids: Ids<'a>,
    claim_ids: Ids<'a>,
    /// The claims of this source already there or in the batch, to add none twice.
    seen: HashSet<ClaimKey>,
    /// Sub-bodies this batch creates, and the suggested id → the id each was given.
    bodies: Vec<Body>,
    body_ids: HashMap<Id, Id>,
}

/// What makes two extracted claims the same: subject, fact, body and quoted span.
type ClaimKey = (Subject, Fact, Option<Id>, usize, usize);

fn key(c: &Claim) -> Option<ClaimKey> {
    let q = c.quote.as_ref()?;
    Some((
        c.subject.clone(),
        c.fact.clone(),
        c.body.clone(),
        q.start,
        q.end,
    ))
}

/// Ids taken: the dataset's (borrowed, not copied: a call per article of a large import must
/// not clone every id) and those this batch gave.
struct Ids<'a> {
    existing: HashSet<&'a str>,
    added: HashSet<String>,
}

impl<'a> Ids<'a> {
    fn new(existing: impl Iterator<Item = &'a str>) -> Self {
        Ids {
            existing: existing.collect(),
            added: HashSet::new(),
        }
    }

    fn contains(&self, id: &str) -> bool {
        self.existing.contains(id) || self.added.contains(id)
    }

    /// An id from `base`, not taken (and now taken).
    fn fresh(&mut self, base: &str) -> String {
        let slug = unique_id(base, &HashSet::new());
        let id = std::iter::once(slug.clone())
            .chain((2..).map(|n| format!("{slug}-{n}")))
            .find(|id| !self.contains(id))
            .expect("unbounded");
        self.added.insert(id.clone());
        id
    }
}

impl<'a> Batch<'a> {
    fn new(d: &'a Dataset, source: &str) -> Self {
        Batch {
            d,
            renamed: Vec::new(),
            actors: Vec::new(),
            claims: Vec::new(),
            new_ids: HashMap::new(),
            actor_ids: Ids::new(d.actors.iter().map(|a| a.id.as_str())),
            claim_ids: Ids::new(d.claims.iter().map(|c| c.id.as_str())),
            seen: d
                .claims
                .iter()
                .filter(|c| c.source == source)
                .filter_map(key)
                .collect(),
            bodies: Vec::new(),
            body_ids: HashMap::new(),
        }
    }

    /// The id of a body the text names that the dataset lacks, created (under the main body,
    /// with no seat rule of its own) the first time a suggestion about it is accepted.
    fn new_body(&mut self, suggested: &str, name: &str) -> Id {
        if let Some(id) = self.body_ids.get(suggested) {
            return id.clone();
        }
        let taken: HashSet<&str> = std::iter::once(&self.d.body)
            .chain(&self.d.sub_bodies)
            .map(|b| b.id.as_str())
            .chain(self.bodies.iter().map(|b| b.id.as_str()))
            .collect();
        let id = unique_id(suggested, &taken);
        let mut body = crate::model::data::body::empty_sub_body(self.d, name);
        body.id.clone_from(&id);
        self.bodies.push(body);
        self.body_ids.insert(suggested.to_string(), id.clone());
        id
    }

    /// Adds `alias` to the known actor at `at`, unless it is already one of its names.
    fn alias(&mut self, at: usize, alias: &str) {
        let alias = alias.trim();
        let slot = match self.renamed.iter().position(|(i, _)| *i == at) {
            Some(i) => i,
            None => {
                self.renamed.push((at, self.d.actors[at].clone()));
                self.renamed.len() - 1
            }
        };
        let actor = &mut self.renamed[slot].1;
        let known = std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .any(|n| n.eq_ignore_ascii_case(alias));
        if !alias.is_empty() && !known {
            actor.aliases.push(alias.to_string());
        }
    }

    /// The id of the suggested new actor, adding it (with its office and whom it represents,
    /// as claims of the source) the first time it is named.
    fn new_actor(&mut self, new: &NewActor, source: &Source, s: &Suggestion) -> Id {
        if let Some(id) = self.new_ids.get(&new.id) {
            return id.clone();
        }
        // Accepted before (in an earlier batch): the same id and name is the same actor.
        if let Some(existing) = self.d.actor(&new.id).filter(|a| a.name == new.name) {
            self.new_ids.insert(new.id.clone(), existing.id.clone());
            return existing.id.clone();
        }
        let base = if new.id.trim().is_empty() {
            &new.name
        } else {
            &new.id
        };
        let id = self.actor_ids.fresh(base);
        self.new_ids.insert(new.id.clone(), id.clone());
        self.actors.push(Actor {
            id: id.clone(),
            name: new.name.trim().to_string(),
            aliases: new
                .aliases
                .iter()
                .filter(|a| **a != new.name)
                .cloned()
                .collect(),
            kind: new.kind,
            country: new.country.trim().to_string(),
            ..Default::default()
        });
        // The sentence that names the actor is where the source says what it is.
        let sentence = Quote::from_span(&source.text, s.sentence.start, s.sentence.end);
        if let Some(office) = new.office.as_deref().filter(|o| !o.trim().is_empty())
            && let Some(quote) = sentence.clone()
        {
            let fact = Fact::Office(office.trim().to_string());
            self.claim(
                source,
                id.clone(),
                fact,
                None,
                quote,
                source.published,
                s.confidence,
            );
        }
        if let Some(whom) = &new.represents
            && let Some(quote) = sentence
        {
            let whom = self
                .new_ids
                .get(whom)
                .cloned()
                .unwrap_or_else(|| whom.clone());
            if self.actor_ids.contains(&whom) && whom != id {
                let fact = Fact::Represents(whom);
                self.claim(
                    source,
                    id.clone(),
                    fact,
                    None,
                    quote,
                    source.published,
                    s.confidence,
                );
            }
        }
        id
    }

    #[allow(clippy::too_many_arguments)]
    fn claim(
        &mut self,
        source: &Source,
        subject: Id,
        fact: Fact,
        body: Option<Id>,
        quote: Quote,
        as_of: Option<crate::model::PartialDate>,
        confidence: f32,
    ) {
        let subject = Subject::Actor(subject);
        let key = (
            subject.clone(),
            fact.clone(),
            body.clone(),
            quote.start,
            quote.end,
        );
        if !self.seen.insert(key) {
            return;
        }
        let id = self.claim_ids.fresh(&format!(
            "c {} {} {}",
            subject.id(),
            fact.property().label(),
            source.id
        ));
        self.claims.push(Claim {
            extra: Default::default(),
            author: String::new(),
            id,
            subject,
            fact,
            body,
            source: source.id.clone(),
            quote: Some(quote),
            as_of,
            rank: Rank::Normal,
            negated: false,
            note: format!("{EXTRACTED} (confidence {confidence:.2})"),
        });
    }

    fn into_edit(self) -> Edit {
        let (actors_at, claims_at) = (self.d.actors.len(), self.d.claims.len());
        let d = self.d;
        // Position 0 is the main body; sub-bodies follow it.
        let bodies_at = d.sub_bodies.len() + 1;
        let bodies = self
            .bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| Edit::InsertBody {
                at: bodies_at + i,
                body,
            });
        let renamed = self
            .renamed
            .into_iter()
            .filter(|(at, actor)| *actor != d.actors[*at])
            .map(|(at, actor)| Edit::ReplaceActor { at, actor });
        let actors = self
            .actors
            .into_iter()
            .enumerate()
            .map(|(i, actor)| Edit::InsertActor {
                at: actors_at + i,
                actor,
            });
        let claims = self
            .claims
            .into_iter()
            .enumerate()
            .map(|(i, claim)| Edit::InsertClaim {
                at: claims_at + i,
                claim,
            });
        Edit::Batch(bodies.chain(renamed).chain(actors).chain(claims).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::rules::validate::{Severity, validate};
    use crate::model::{ActorKind, Role, Status};

    const TEXT: &str = "Hungarian Prime Minister Viktor Orbán has accepted. Finance Minister \
                        François-Philippe Champagne of Canada signed the charter.";

    fn dataset() -> Dataset {
        DatasetBuilder::new("Board")
            .actor("hungary-pm", "Prime Minister of Hungary", ActorKind::Person)
            .actor("canada", "Canada", ActorKind::State)
            .source("wire", "Wire", Some("2026-01-22"), TEXT)
            .build()
    }

    fn span(words: &str) -> (usize, usize) {
        let at = TEXT.find(words).unwrap();
        (at, at + words.len())
    }

    fn suggestion(actor: SuggestedActor, fact: Fact, words: &str, sentence: &str) -> Suggestion {
        let (start, end) = span(words);
        let (s, e) = span(sentence);
        Suggestion {
            actor,
            fact,
            body: None,
            as_of: None,
            start,
            end,
            sentence: s..e,
            confidence: 0.87,
            new_alias: None,
            new_body: None,
            rule: String::from("test"),
        }
    }

    fn champagne() -> SuggestedActor {
        SuggestedActor::New(NewActor {
            id: "francois-philippe-champagne".into(),
            name: "François-Philippe Champagne".into(),
            kind: ActorKind::Person,
            country: "Canada".into(),
            office: Some("Finance Minister".into()),
            represents: Some("canada".into()),
            aliases: vec!["Champagne".into()],
        })
    }

    fn suggestions() -> Vec<Suggestion> {
        let orban_sentence = "Hungarian Prime Minister Viktor Orbán has accepted.";
        let mut orban = suggestion(
            SuggestedActor::Known(0),
            Fact::Status(Status::Accepted),
            "Viktor Orbán has accepted",
            orban_sentence,
        );
        orban.new_alias = Some("Viktor Orbán".into());
        let sentence = "Finance Minister François-Philippe Champagne of Canada signed the charter.";
        let signed = suggestion(
            champagne(),
            Fact::Status(Status::Signed),
            "Champagne of Canada signed the charter",
            sentence,
        );
        let mut member = suggestion(
            champagne(),
            Fact::Role(Role::Member),
            "Champagne of Canada signed",
            sentence,
        );
        member.body = Some("body".into());
        vec![orban, signed, member]
    }

    #[test]
    fn accepting_adds_the_new_actor_once_its_claims_and_an_alias_in_one_step() {
        let mut d = dataset();
        let before = d.clone();
        let undo = accept_suggestions(&d, "wire", &suggestions())
            .apply(&mut d)
            .unwrap();
        assert!(
            validate(&d).iter().all(|p| p.severity != Severity::Error),
            "{:?}",
            validate(&d)
        );
        assert_eq!(d.actors[0].aliases, ["Viktor Orbán"]);
        let new = d.actor("francois-philippe-champagne").unwrap();
        assert_eq!(
            (new.kind, new.country.as_str()),
            (ActorKind::Person, "Canada")
        );
        assert_eq!(d.actors.len(), 3, "one new actor for two suggestions");
        let about = |id: &str| {
            d.claims
                .iter()
                .filter(|c| c.subject.id() == id)
                .map(|c| c.fact.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(about("hungary-pm"), [Fact::Status(Status::Accepted)]);
        assert_eq!(
            about("francois-philippe-champagne"),
            [
                Fact::Office("Finance Minister".into()),
                Fact::Represents("canada".into()),
                Fact::Status(Status::Signed),
                Fact::Role(Role::Member),
            ]
        );
        let signed = &d.claims[3];
        assert_eq!(signed.note, "extracted (confidence 0.87)");
        assert_eq!(signed.as_of, "2026-01-22".parse().ok(), "the source's date");
        let q = signed.quote.as_ref().unwrap();
        assert_eq!(
            &TEXT[q.start..q.end],
            "Champagne of Canada signed the charter"
        );
        assert_eq!(d.claims[4].body.as_deref(), Some("body"));
        // One undo step takes it all back.
        undo.apply(&mut d).unwrap();
        assert_eq!(d, before);
    }

    #[test]
    fn accepting_again_adds_nothing_and_bad_spans_are_skipped() {
        let mut d = dataset();
        accept_suggestions(&d, "wire", &suggestions())
            .apply(&mut d)
            .unwrap();
        let once = d.clone();
        let again = accept_suggestions(&d, "wire", &suggestions());
        assert_eq!(again, Edit::Batch(Vec::new()), "{again:?}");
        let mut bad = suggestions();
        bad[0].end = TEXT.len() + 5;
        bad.truncate(1);
        assert_eq!(
            accept_suggestions(&dataset(), "wire", &bad),
            Edit::Batch(Vec::new())
        );
        assert_eq!(
            accept_suggestions(&d, "nowhere", &suggestions()),
            Edit::Batch(Vec::new())
        );
        let mut elsewhere = suggestions();
        elsewhere[0].body = Some("executive-board".into());
        elsewhere.truncate(1);
        assert!(!body_known(&d, &elsewhere[0]));
        assert_eq!(
            accept_suggestions(&dataset(), "wire", &elsewhere),
            Edit::Batch(Vec::new())
        );
        assert_eq!(d, once);
    }
}
