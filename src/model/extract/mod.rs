//! Suggested claims from a report's text: for each sentence and each actor it names, the
//! facts it states about that actor (status along the life cycle, role, which body, as of
//! which day), with the shortest quote that states it and a confidence. Shared by the app and
//! the command line; the user accepts or rejects each suggestion.
//!
//! The text is read once: one automaton pass finds every known name, state, demonym and
//! organisation; then each sentence's tokens are read for noun phrases (mentions) and cue
//! words, and each cue is linked to the mentions on its side or in the list it opens (see
//! [`engine::Frame`]). The cue words are data: rule tables per language ([`table`]), the
//! report's language detected. Linear in the text; the automaton is built once per dataset
//! revision.

pub mod accept;
mod bodies;
mod countries;
mod dates;
mod engine;
mod entities;
mod heading;
mod leaders;
mod link;
mod money_words;
mod segment;
pub mod table;
mod tokens;

use std::sync::{Arc, OnceLock};

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use super::data::dataset::{ActorKind, Dataset, Fact, Id};
use super::data::date::PartialDate;

pub use accept::{EXTRACTED, accept_suggestions, body_known, claims_for_list};
pub use countries::{Countries, Country};
pub(crate) use entities::Finder;
pub use segment::sentences;
pub use table::{RuleSet, Table, TableError};

/// What the extractor needs from a dataset, built once per revision.
pub struct Extractor {
    finder: entities::Finder,
    /// The dataset's actors' ids, names and kinds, for rows and pronouns.
    actors: Vec<super::data::dataset::Actor>,
    /// The dataset's bodies by name and alias.
    bodies: bodies::Bodies,
    /// The dataset's leaders of states.
    leaders: leaders::Leaders,
    rules: Arc<RuleSet>,
}

/// The built-in rule tables, read once.
pub fn built_in_rules() -> Arc<RuleSet> {
    static RULES: OnceLock<Arc<RuleSet>> = OnceLock::new();
    RULES.get_or_init(|| Arc::new(RuleSet::built_in())).clone()
}

/// One suggested claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub actor: SuggestedActor,
    pub fact: Fact,
    /// None: the main body; else a body id (a sub-body's, or a new one's).
    pub body: Option<Id>,
    /// The name of a body the dataset lacks, when `body` is new: accepting creates it.
    pub new_body: Option<String>,
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
    /// The rule that made it and the words it read.
    pub rule: String,
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
    /// The rule that made it and the words it read.
    pub rule: String,
    /// A pledge's amount in whole units, and its currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The name of a body the dataset lacks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_alias: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub represents: Option<Id>,
}

impl Extractor {
    /// With the built-in rule tables.
    pub fn new(dataset: &Dataset) -> Extractor {
        Extractor::with_rules(dataset, built_in_rules())
    }

    /// With `rules` (the built-in tables and a user's).
    pub fn with_rules(dataset: &Dataset, rules: Arc<RuleSet>) -> Extractor {
        Extractor {
            finder: entities::Finder::with_languages(
                &dataset.actors,
                &rules.foreign_languages(),
                &rules.state_names(),
            ),
            actors: dataset.actors.clone(),
            bodies: bodies::Bodies::new(&dataset.body, &dataset.sub_bodies),
            leaders: leaders::Leaders::new(dataset, rules.lexicon(table::FALLBACK_LANGUAGE)),
            rules,
        }
    }

    /// The language of `text` the tables read (ISO 639-1), as detected; English when the
    /// detector is unsure or the tables lack it.
    pub fn language(&self, text: &str) -> String {
        self.rules.detect(text).to_string()
    }

    /// The languages the tables read.
    pub fn languages(&self) -> Vec<String> {
        self.rules.languages().map(str::to_string).collect()
    }

    /// Suggestions for `text` published on `published`, in its detected language.
    pub fn suggest(&self, text: &str, published: Option<NaiveDate>) -> Vec<Suggestion> {
        let language = self.language(text);
        self.suggest_in(text, published, &language)
    }

    /// Suggestions for `text` read with the tables of `language` (relative dates resolved
    /// against `published`), in the order of the text, one per actor, fact and body (the
    /// first statement of it).
    pub fn suggest_in(
        &self,
        text: &str,
        published: Option<NaiveDate>,
        language: &str,
    ) -> Vec<Suggestion> {
        let lex = self.rules.lexicon(language);
        let hits = self.finder.hits(text);
        let mut out: Vec<Suggestion> = Vec::new();
        let mut heading = heading::Heading::default();
        let mut h = 0;
        let sentences = segment::sentences(text);
        let lead_day = lead_day(lex, text, &sentences, published);
        for range in sentences {
            while h < hits.len() && hits[h].start < range.start {
                h += 1;
            }
            let first = h;
            let mut last = h;
            while last < hits.len() && hits[last].start < range.end {
                last += 1;
            }
            let in_sentence: Vec<entities::Hit> = hits[first..last]
                .iter()
                .filter(|x| x.end <= range.end)
                .copied()
                .collect();
            let toks = tokens::tokenize(text, range.clone());
            let mentions = self
                .finder
                .mentions(lex, &self.actors, text, &toks, &in_sentence);
            let headline = !text[..range.end].ends_with(['.', '!', '?', ':', '"', '”']);
            let title_case = headline && entities::is_title_case(&toks);
            let bodies = self.bodies.find(lex, text, &toks, title_case);
            let dates = dates::dates(lex, &toks, published);
            let s = link::LinkSentence {
                text,
                range: range.clone(),
                toks: &toks,
                mentions: &mentions,
                bodies: &bodies,
                dates: &dates,
                published,
                lead_day,
                finder: &self.finder,
                leaders: &self.leaders,
            };
            if heading.line(lex, &self.actors, &s, &mut out) {
                continue;
            }
            link::sentence(lex, &self.actors, &self.bodies, &s, &mut out);
            heading.open(lex, &self.bodies, &s);
        }
        dedupe(out)
    }

    /// The actors named inside `span` of `text`, known or new, each once, left to right: what
    /// a hand-entered claim can be about when the words selected name a list ("signed by
    /// Armenia, Bahrain and Kosovo"), whether or not a rule reads a fact there. Reads only the
    /// sentences the span touches.
    pub fn actors_named(
        &self,
        text: &str,
        span: Range<usize>,
        language: &str,
    ) -> Vec<SuggestedActor> {
        let lex = self.rules.lexicon(language);
        let hits = self.finder.hits(text);
        let mut out: Vec<SuggestedActor> = Vec::new();
        for range in segment::sentences(text) {
            if range.end <= span.start || range.start >= span.end {
                continue;
            }
            let in_sentence: Vec<entities::Hit> = hits
                .iter()
                .filter(|x| x.start >= range.start && x.end <= range.end)
                .copied()
                .collect();
            let toks = tokens::tokenize(text, range.clone());
            let mentions = self
                .finder
                .mentions(lex, &self.actors, text, &toks, &in_sentence);
            for m in mentions {
                if m.span.start < span.start || m.span.end > span.end {
                    continue;
                }
                let actor = match m.target {
                    entities::Target::Known { actor, .. } => SuggestedActor::Known(actor),
                    entities::Target::New(new) => SuggestedActor::New(new),
                    _ => continue,
                };
                if !out.contains(&actor) {
                    out.push(actor);
                }
            }
        }
        out
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
            rule: s.rule.clone(),
            amount: match &s.fact {
                Fact::Pledge(m) => Some(m.amount),
                _ => None,
            },
            currency: match &s.fact {
                Fact::Pledge(m) => Some(m.currency.clone()),
                _ => None,
            },
            new_body: s.new_body.clone(),
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

/// How many sentences open a report (headline, dateline, lead) whose day is the news's day.
const LEAD_SENTENCES: usize = 3;
/// How many days before publication the lead's day may be.
const LEAD_DAYS: i64 = 7;

/// The first exact day before publication the report's opening sentences give, within a week before
/// publication: "WASHINGTON, Jan 18", "The White House on Friday announced". Sentences that
/// give no day of their own took place then.
fn lead_day(
    lex: &table::Lexicon,
    text: &str,
    sentences: &[Range<usize>],
    published: Option<NaiveDate>,
) -> Option<PartialDate> {
    let p = published?;
    sentences.iter().take(LEAD_SENTENCES).find_map(|r| {
        let toks = tokens::tokenize(text, r.clone());
        dates::dates(lex, &toks, published)
            .into_iter()
            .map(|(_, d)| d)
            .find(|d| {
                d.is_exact_day() && {
                    let day = d.first_day();
                    day < p && (p - day).num_days() <= LEAD_DAYS
                }
            })
    })
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
