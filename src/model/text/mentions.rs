//! Finding known actors in a text by their names and aliases ("Putin", "Vladimir Putin",
//! "the Russian leader"), in any case, with or without accents, across line breaks: the
//! extractor's finder, so one automaton serves both; and the sentence around a mention, as the
//! extractor splits sentences (what the claim-from-text form asks the extractor about).
//!
//! Matching runs over a folded copy of the text, made here (lowercase ASCII, one space for
//! any run of white space), with a map from each folded byte back to the original, so every
//! mention is reported as a span of the original text, ready to become a quote.

use crate::model::data::dataset::Actor;
use crate::model::extract::Finder;

/// One place a known actor is named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownMention {
    /// The actor's position in the dataset.
    pub actor: usize,
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
}

/// A text folded for matching, with the original byte offset of every folded byte.
pub(crate) struct Folded {
    pub text: String,
    pub origin: Vec<usize>,
}

pub(crate) fn fold(raw: &str) -> Folded {
    let mut text = String::with_capacity(raw.len());
    let mut origin = Vec::with_capacity(raw.len() + 1);
    let mut last_space = true;
    let mut buf = [0u8; 4];
    for (at, c) in raw.char_indices() {
        if c.is_whitespace() {
            if !last_space {
                text.push(' ');
                origin.push(at);
            }
            last_space = true;
            continue;
        }
        last_space = false;
        let ascii = deunicode::deunicode_char(c).filter(|s| !s.trim().is_empty());
        let piece: &str = match ascii {
            Some(s) => s,
            None => c.encode_utf8(&mut buf),
        };
        for l in piece.chars().flat_map(char::to_lowercase) {
            text.push(l);
            origin.extend(std::iter::repeat_n(at, l.len_utf8()));
        }
    }
    origin.push(raw.len());
    Folded { text, origin }
}

pub(crate) fn fold_name(name: &str) -> String {
    fold(name).text.trim().to_string()
}

/// Known actors named in a text: the extractor's automaton over every actor's name and
/// aliases, built once per dataset revision.
pub struct MentionFinder {
    finder: Finder,
}

impl MentionFinder {
    pub fn new(actors: &[Actor]) -> MentionFinder {
        MentionFinder {
            finder: Finder::with_languages(actors, &[], &[]),
        }
    }

    /// Every mention in `text`, in order, longest first where names overlap ("Vladimir Putin"
    /// rather than "Putin"), whole words only, names in other scripts included.
    pub fn find(&self, text: &str) -> Vec<KnownMention> {
        self.finder
            .known(text)
            .into_iter()
            .map(|(actor, span)| KnownMention {
                actor,
                start: span.start,
                end: span.end,
            })
            .collect()
    }
}

/// The end of the character starting at `at`.
pub(crate) fn end_in_original(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(0, char::len_utf8)
}

/// Up to `chars` characters either side of a span, on one line: what a mention is shown with.
pub fn context(text: &str, start: usize, end: usize, chars: usize) -> String {
    let before: String = text[..start]
        .chars()
        .rev()
        .take(chars)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[end..].chars().take(chars).collect();
    let line = format!("…{before}[{}]{after}…", &text[start..end]);
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentence around a span, as the extractor splits sentences (so "U.S." or "Jan." does
/// not end one): from the start of the sentence holding `start` to the end of the one holding
/// `end`, trimmed.
pub fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let ranges = crate::model::extract::sentences(text);
    let from = ranges
        .iter()
        .find(|r| r.end > start)
        .map_or(start, |r| r.start.min(start));
    let to = ranges
        .iter()
        .rev()
        .find(|r| r.start < end.max(start + 1))
        .map_or(end, |r| r.end.max(end));
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn putin(aliases: &[&str]) -> Vec<Actor> {
        vec![
            Actor {
                id: "putin".into(),
                name: "Vladimir Putin".into(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                ..Default::default()
            },
            Actor {
                id: "erdogan".into(),
                name: "Recep Tayyip Erdoğan".into(),
                aliases: vec!["Erdogan".into()],
                ..Default::default()
            },
        ]
    }

    fn found(actors: &[Actor], text: &str) -> Vec<String> {
        MentionFinder::new(actors)
            .find(text)
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn finds_names_and_aliases_in_any_case_and_across_lines() {
        let actors = putin(&["Putin", "the Russian leader"]);
        let text = "VLADIMIR\n  PUTIN spoke. Later putin said more, and The Russian\nleader left.";
        assert_eq!(
            found(&actors, text),
            ["VLADIMIR\n  PUTIN", "putin", "The Russian\nleader"]
        );
    }

    #[test]
    fn aliases_only_count_when_they_are_aliases() {
        let text = "The Russian leader spoke.";
        assert!(found(&putin(&[]), text).is_empty());
        assert_eq!(found(&putin(&["the Russian leader"]), text).len(), 1);
    }

    #[test]
    fn matches_whole_words_with_or_without_accents() {
        let actors = putin(&["Putin"]);
        assert!(found(&actors, "Putinism and Rasputin are not mentions.").is_empty());
        assert_eq!(
            found(&actors, "Erdogan met Erdoğan’s aide (Putin)."),
            ["Erdogan", "Erdoğan", "Putin"]
        );
    }

    #[test]
    fn mentions_point_at_the_right_actor() {
        let actors = putin(&["Putin"]);
        let m = MentionFinder::new(&actors).find("Erdoğan and Putin");
        assert_eq!(m.iter().map(|m| m.actor).collect::<Vec<_>>(), [1, 0]);
    }

    #[test]
    fn sentences_run_past_abbreviations() {
        let text = "Short one. The U.S. delegate met Mr. Lee on Feb. 3 in Oslo. After that.";
        let at = text.find("Lee").unwrap();
        let (a, b) = sentence(text, at, at + 3);
        assert_eq!(
            &text[a..b],
            "The U.S. delegate met Mr. Lee on Feb. 3 in Oslo."
        );
        let both = sentence(text, 0, at);
        assert_eq!(&text[both.0..both.1], &text[..b]);
    }

    #[test]
    fn context_is_one_line_around_the_span() {
        let text = "one two\nthree Putin four five";
        let at = text.find("Putin").unwrap();
        assert_eq!(context(text, at, at + 5, 6), "…three [Putin] four …");
    }
}
