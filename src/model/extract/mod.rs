//! Suggested claims from a report's text: for each sentence and each actor it names, the
//! facts it states about that actor (status along the life cycle, role, which body, as of
//! which day), with the shortest quote that states it and a confidence. Shared by the app and
//! the command line; the user accepts or rejects each suggestion.
//!
//! The text is read once: one automaton pass finds every known name, state, demonym and
//! organisation; then each sentence's tokens are read for noun phrases (mentions) and cue
//! words, and each cue is linked to the mentions on its side (see [`cues::Frame`]). Linear in
//! the text; the automaton is built once per dataset revision.

pub mod accept;
mod bodies;
mod countries;
mod cue_rules;
mod cues;
mod dates;
mod entities;
mod lexicon;
mod link;
mod segment;
mod tokens;

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use super::dataset::{ActorKind, Dataset, Fact, Id};
use super::date::PartialDate;

pub use accept::{EXTRACTED, accept_suggestions, body_known};
pub use countries::{Countries, Country};
pub use segment::sentences;

/// What the extractor needs from a dataset, built once per revision.
pub struct Extractor {
    finder: entities::Finder,
    /// The dataset's actors' ids, names and kinds, for rows and pronouns.
    actors: Vec<super::dataset::Actor>,
    /// The dataset's id for a body the extractor names otherwise ("ncag" is its
    /// "gaza-committee"), so accepting a suggestion finds the body.
    body_ids: Vec<(&'static str, Id)>,
}

/// One suggested claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub actor: SuggestedActor,
    pub fact: Fact,
    /// None: the main body; else a body id ("executive-board", "gaza-executive-board", "ncag").
    pub body: Option<Id>,
    pub as_of: Option<PartialDate>,
    /// Byte offsets of the quote (the shortest span stating the fact) in the text.
    pub start: usize,
    pub end: usize,
    /// The whole sentence.
    pub sentence: Range<usize>,
    /// 0..=1.
    pub confidence: f32,
    /// A known actor named here in a way the dataset lacks ("Viktor Orbán" for the "Prime
    /// Minister of Hungary"): offered as an alias.
    pub new_alias: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SuggestedActor {
    /// Position in `dataset.actors`.
    Known(usize),
    New(NewActor),
}

/// An actor the dataset does not know yet, as the text introduces them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewActor {
    /// A slug free in the dataset.
    pub id: Id,
    pub name: String,
    pub kind: ActorKind,
    pub country: String,
    pub office: Option<String>,
    /// The state or organisation they act for (an actor id, maybe itself new).
    pub represents: Option<Id>,
    pub aliases: Vec<String>,
}

/// A suggestion as the command line prints it in JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SuggestionRow {
    pub actor_id: Option<Id>,
    pub actor_name: String,
    pub new_actor: bool,
    pub kind: &'static str,
    pub body: Option<Id>,
    pub property: &'static str,
    pub value: String,
    pub as_of: Option<String>,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_alias: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub represents: Option<Id>,
}

/// A lower-case ASCII id from a name: "François-Philippe Champagne" is
/// "francois-philippe-champagne".
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out = String::new();
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl Extractor {
    pub fn new(dataset: &Dataset) -> Extractor {
        Extractor {
            finder: entities::Finder::new(&dataset.actors),
            actors: dataset.actors.clone(),
            body_ids: bodies::dataset_ids(&dataset.sub_bodies),
        }
    }

    /// Suggestions for `text` published on `published` (relative dates resolved against it),
    /// in the order of the text, one per actor, fact and body (the first statement of it).
    pub fn suggest(&self, text: &str, published: Option<NaiveDate>) -> Vec<Suggestion> {
        let hits = self.finder.hits(text);
        let mut out: Vec<Suggestion> = Vec::new();
        let mut h = 0;
        for sentence in segment::sentences(text) {
            while h < hits.len() && hits[h].start < sentence.start {
                h += 1;
            }
            let first = h;
            let mut last = h;
            while last < hits.len() && hits[last].start < sentence.end {
                last += 1;
            }
            let in_sentence: Vec<entities::Hit> = hits[first..last]
                .iter()
                .filter(|x| x.end <= sentence.end)
                .copied()
                .collect();
            let toks = tokens::tokenize(text, sentence.clone());
            let mentions = self
                .finder
                .mentions(&self.actors, text, &toks, &in_sentence);
            link::sentence(
                &self.actors,
                text,
                &sentence,
                &toks,
                &mentions,
                published,
                &mut out,
            );
        }
        for s in &mut out {
            if let Some(b) = &s.body
                && let Some((_, id)) = self.body_ids.iter().find(|(ours, _)| ours == b)
            {
                s.body = Some(id.clone());
            }
        }
        dedupe(out)
    }

    /// Every place `text` names a known actor (position in `dataset.actors`, byte span),
    /// names written in another script included ("Трамп" for Trump).
    pub fn known_mentions(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        self.finder.known(text)
    }

    /// The JSON row of a suggestion.
    pub fn row(&self, text: &str, s: &Suggestion) -> SuggestionRow {
        let (actor_id, actor_name, new_actor, kind, office, country, represents) = match &s.actor {
            SuggestedActor::Known(i) => {
                let a = &self.actors[*i];
                (
                    Some(a.id.clone()),
                    a.name.clone(),
                    false,
                    a.kind,
                    None,
                    None,
                    None,
                )
            }
            SuggestedActor::New(n) => (
                None,
                n.name.clone(),
                true,
                n.kind,
                n.office.clone(),
                (!n.country.is_empty()).then(|| n.country.clone()),
                n.represents.clone(),
            ),
        };
        SuggestionRow {
            actor_id,
            actor_name,
            new_actor,
            kind: kind.label(),
            body: s.body.clone(),
            property: s.fact.property().label(),
            value: s.fact.value_label(),
            as_of: s.as_of.map(|d| d.to_string()),
            quote: text[s.start..s.end].to_string(),
            start: s.start,
            end: s.end,
            confidence: (s.confidence * 100.0).round() / 100.0,
            new_alias: s.new_alias.clone(),
            office,
            country,
            represents,
        }
    }

    /// The actor's name as shown.
    pub fn actor_name<'a>(&'a self, s: &'a Suggestion) -> &'a str {
        match &s.actor {
            SuggestedActor::Known(i) => &self.actors[*i].name,
            SuggestedActor::New(n) => &n.name,
        }
    }
}

/// The key a suggestion repeats under: the same actor, fact and body.
fn key(s: &Suggestion) -> (String, &Fact, Option<&str>) {
    let who = match &s.actor {
        SuggestedActor::Known(i) => format!("#{i}"),
        SuggestedActor::New(n) => n.id.clone(),
    };
    (who, &s.fact, s.body.as_deref())
}

/// One suggestion per actor, fact and body: the first, with the highest confidence any
/// statement of it had.
fn dedupe(all: Vec<Suggestion>) -> Vec<Suggestion> {
    let mut seen: std::collections::HashMap<(String, Fact, Option<String>), usize> =
        std::collections::HashMap::new();
    let mut out: Vec<Suggestion> = Vec::new();
    for s in all {
        let (who, fact, body) = key(&s);
        let k = (who, fact.clone(), body.map(str::to_string));
        match seen.get(&k) {
            Some(&i) => {
                let kept = &mut out[i];
                kept.confidence = kept.confidence.max(s.confidence);
                if kept.new_alias.is_none() {
                    kept.new_alias = s.new_alias;
                }
            }
            None => {
                seen.insert(k, out.len());
                out.push(s);
            }
        }
    }
    out
}
