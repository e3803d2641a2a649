//! Building datasets in code: for tests, benchmarks and generated data. Ids are given by the
//! caller; text hashes are computed here so the result always validates.

use super::dataset::*;
use super::date::PartialDate;
use crate::model::text::content_hash;
use crate::model::text::quote::Quote;

#[derive(Debug, Default)]
pub struct DatasetBuilder {
    dataset: Dataset,
}

impl DatasetBuilder {
    pub fn new(body_name: &str) -> Self {
        DatasetBuilder {
            dataset: Dataset::new_body(body_name),
        }
    }

    pub fn actor(mut self, id: &str, name: &str, kind: ActorKind) -> Self {
        self.dataset.actors.push(Actor {
            id: id.into(),
            name: name.into(),
            kind,
            ..Default::default()
        });
        self
    }

    pub fn source(mut self, id: &str, outlet: &str, published: Option<&str>, text: &str) -> Self {
        self.dataset.sources.push(Source {
            id: id.into(),
            title: format!("{outlet} report"),
            outlet: outlet.into(),
            published: published.map(|d| d.parse().expect("a valid date")),
            text: text.into(),
            hash: content_hash(text),
            ..Default::default()
        });
        self
    }

    /// A claim about an actor. Its id is `c<n>`; the quote, if given, is found in the source.
    pub fn claim(
        mut self,
        actor: &str,
        fact: Fact,
        source: &str,
        as_of: Option<&str>,
        quote: Option<&str>,
    ) -> Self {
        let quote = quote.map(|q| {
            let text = &self
                .dataset
                .source(source)
                .expect("source added first")
                .text;
            Quote::find(text, q).expect("the quote occurs in the source")
        });
        let id = format!("c{}", self.dataset.claims.len());
        self.dataset.claims.push(Claim {
            extra: Default::default(),
            author: String::new(),
            id,
            body: None,
            subject: Subject::Actor(actor.into()),
            fact,
            source: source.into(),
            quote,
            as_of: as_of.map(|d| d.parse::<PartialDate>().expect("a valid date")),
            rank: Rank::Normal,
            negated: false,
            note: String::new(),
        });
        self
    }

    /// Sets the rank of the last claim added.
    pub fn ranked(mut self, rank: Rank) -> Self {
        if let Some(c) = self.dataset.claims.last_mut() {
            c.rank = rank;
        }
        self
    }

    /// Makes the last claim added a negative one ("not a member").
    pub fn negated(mut self) -> Self {
        if let Some(c) = self.dataset.claims.last_mut() {
            c.negated = true;
        }
        self
    }

    /// Grades the last source added.
    pub fn reliability(mut self, reliability: Reliability) -> Self {
        if let Some(s) = self.dataset.sources.last_mut() {
            s.reliability = Some(reliability);
        }
        self
    }

    /// Names what the last source added relays ("Bloomberg").
    pub fn relays(mut self, relays: &str) -> Self {
        if let Some(s) = self.dataset.sources.last_mut() {
            s.relays = relays.into();
        }
        self
    }

    /// A claim about an actor as the editor's own hand edit (source: the editor's note).
    pub fn hand_edit(self, actor: &str, fact: Fact, as_of: Option<&str>) -> Self {
        self.claim(actor, fact, EDITORS_NOTE, as_of, None)
    }

    pub fn build(self) -> Dataset {
        self.dataset
    }
}
