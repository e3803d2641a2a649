//! A heading followed by lines of names: "Members of the executive board:" then one name a
//! line. The heading opens the list (a list cue of the tables, or a body's name, which lists
//! its members); each following line that starts with a name is an item, until a line that
//! does not.

use super::Suggestion;
use super::bodies::{Bodies, BodyRef};
use super::engine::{Cue, heading_cue};
use super::link::{LinkSentence, heading_line};
use super::table::{Class, Lexicon};
use crate::model::data::dataset::Actor;

/// The open heading, if any.
#[derive(Default)]
pub struct Heading {
    open: Option<(Cue, BodyRef)>,
}

/// The most words a line of a list holds: a name and an office.
const MAX_LINE_WORDS: usize = 16;

impl Heading {
    /// Whether `s` is a line of the open heading's list; if so its item is suggested.
    pub fn line(
        &mut self,
        lex: &Lexicon,
        actors: &[Actor],
        s: &LinkSentence,
        out: &mut Vec<Suggestion>,
    ) -> bool {
        let Some((cue, body)) = &self.open else {
            return false;
        };
        let first_word = s.toks.iter().position(|t| t.word);
        let item = first_word.and_then(|w| s.mentions.iter().position(|m| m.toks.start == w));
        let short = s.toks.iter().filter(|t| t.word).count() <= MAX_LINE_WORDS;
        match item {
            Some(m) if short && !lex.class(Class::End).has(&s.toks[s.toks.len() - 1].lower) => {
                heading_line(lex, actors, s, cue, body, m, out);
                true
            }
            _ => {
                self.open = None;
                false
            }
        }
    }

    /// Opens a list when `s` is a heading: it ends with a colon and holds a list cue or names
    /// a body.
    pub fn open(&mut self, lex: &Lexicon, bodies: &Bodies, s: &LinkSentence) {
        self.open = None;
        let Some(last) = s.toks.last() else {
            return;
        };
        if !lex.class(Class::Apposition).has(&last.lower) {
            return;
        }
        let starts: Vec<usize> = s.bodies.iter().map(|(at, _)| *at).collect();
        let body = s.bodies.first().map_or(BodyRef::Main, |(_, b)| b.clone());
        if let Some(cue) = heading_cue(lex, s.toks, &starts) {
            self.open = Some((cue, body));
        } else if !s.bodies.is_empty()
            && let Some(cue) = super::engine::body_heading(lex, s.toks)
        {
            let _ = bodies;
            self.open = Some((cue, body));
        }
    }
}
