//! Which body a sentence speaks of, from the dataset's own bodies: the main body and each
//! sub-body by its name and aliases ("Board of Peace", "Peace Council"). A capitalised name the
//! dataset lacks that ends in a body noun of the tables ("the Gaza Executive Board") is a new
//! sub-body, suggested as such. Nothing about one particular body is written here.

use std::collections::HashMap;

use super::table::{Class, Lexicon};
use super::tokens::{Token, tokenize};
use crate::model::data::dataset::{Body, Id};
use crate::model::data::ops::free_id;

/// A body a phrase names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyRef {
    /// The dataset's main body.
    Main,
    /// One of its sub-bodies, by id.
    Sub(Id),
    /// A body the dataset lacks: a fresh id and the name the text gives.
    New { id: Id, name: String },
}

impl BodyRef {
    /// The id a claim names (None: the main body).
    pub fn id(&self) -> Option<&str> {
        match self {
            BodyRef::Main => None,
            BodyRef::Sub(id) | BodyRef::New { id, .. } => Some(id),
        }
    }
}

/// The dataset's bodies' names, as folded words, by first word.
#[derive(Clone, Debug, Default)]
pub struct Bodies {
    phrases: HashMap<String, Vec<(Vec<String>, BodyRef)>>,
    ids: Vec<Id>,
}

fn words(name: &str) -> Vec<String> {
    tokenize(name, 0..name.len())
        .into_iter()
        .filter(|t| t.word)
        .map(|t| t.lower)
        .collect()
}

impl Bodies {
    pub fn new(main: &Body, subs: &[Body]) -> Bodies {
        let mut b = Bodies::default();
        b.add(main, BodyRef::Main);
        for s in subs {
            b.add(s, BodyRef::Sub(s.id.clone()));
        }
        b.ids = std::iter::once(main)
            .chain(subs)
            .map(|x| x.id.clone())
            .collect();
        b
    }

    fn add(&mut self, body: &Body, to: BodyRef) {
        for name in std::iter::once(&body.name).chain(&body.aliases) {
            let w = words(name);
            if let Some(first) = w.first() {
                self.phrases
                    .entry(first.clone())
                    .or_default()
                    .push((w, to.clone()));
            }
        }
    }

    /// The known body whose name is `toks[i..]`, longest first, and its length.
    fn known_at(&self, toks: &[Token], i: usize) -> Option<(usize, &BodyRef)> {
        self.phrases
            .get(&toks[i].lower)?
            .iter()
            .filter(|(w, _)| {
                w.iter()
                    .enumerate()
                    .all(|(k, x)| toks.get(i + k).is_some_and(|t| t.lower == *x))
            })
            .max_by_key(|(w, _)| w.len())
            .map(|(w, b)| (w.len(), b))
    }

    /// The body a name denotes: a known one by name or alias, else a new one.
    pub fn by_name(&self, name: &str) -> BodyRef {
        let toks = tokenize(name, 0..name.len());
        match (0..toks.len()).find_map(|i| self.known_at(&toks, i)) {
            Some((_, b)) => b.clone(),
            None => self.new_body(name),
        }
    }

    fn new_body(&self, name: &str) -> BodyRef {
        let id = free_id(name, |id| self.ids.iter().any(|taken| taken == id));
        BodyRef::New {
            id,
            name: name.to_string(),
        }
    }

    /// Every body named in the tokens: its first token and the body, in order. In a headline
    /// (every word capitalised) only known names count.
    pub fn find(
        &self,
        lex: &Lexicon,
        text: &str,
        toks: &[Token],
        headline: bool,
    ) -> Vec<(usize, BodyRef)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some((len, b)) = self.known_at(toks, i) {
                out.push((i, b.clone()));
                i += len;
            } else if let Some(end) = (!headline).then(|| new_name_end(lex, toks, i)).flatten() {
                let name = &text[toks[i].span.start..toks[end - 1].span.end];
                out.push((i, self.new_body(name)));
                i = end;
            } else {
                i += 1;
            }
        }
        out
    }
}

/// A run of two to six capitalised words from `i` that ends in a body noun ("Gaza Executive
/// Board", "International Stabilization Force"): its end.
fn new_name_end(lex: &Lexicon, toks: &[Token], i: usize) -> Option<usize> {
    if !toks[i].cap || lex.is(toks, i, Class::Article) {
        return None;
    }
    let run = (i..(i + 6).min(toks.len()))
        .take_while(|&k| toks[k].cap && toks[k].word)
        .last()?;
    let end = (i + 1..=run)
        .rev()
        .find(|&k| lex.is(toks, k, Class::BodyNoun))?;
    Some(end + 1)
}
