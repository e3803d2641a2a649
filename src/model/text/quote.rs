//! Quotes anchored in a source's text, after the W3C Web Annotation model: the exact words,
//! a little context either side, and their position.
//!
//! Positions are UTF-8 byte offsets into the source's normalised text (what Rust slices by);
//! the W3C model counts characters, but bytes make the check a plain slice comparison.
//! A quote whose words are still at its position is `Exact`; one whose words moved (text was
//! inserted earlier) is `Moved` and can be re-anchored; one whose words are gone is
//! `Orphaned`, and is flagged, never silently moved or dropped.

use serde::{Deserialize, Serialize};

/// How much context to keep either side of a quote.
const CONTEXT_CHARS: usize = 32;

/// The position of a quote not placed yet: a file may give only the quoted words, and loading
/// finds them (see [`crate::model::text::quote_words`]). No text is this long, so it never names a
/// real position; it is never written to a file.
pub const UNPLACED: usize = usize::MAX;

fn unplaced() -> usize {
    UNPLACED
}

fn is_unplaced(at: &usize) -> bool {
    *at == UNPLACED
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default = "unplaced", skip_serializing_if = "is_unplaced")]
    pub start: usize,
    #[serde(default = "unplaced", skip_serializing_if = "is_unplaced")]
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The words are at the stored position.
    Exact,
    /// The words are found elsewhere (at this byte offset); the stored position is stale.
    Moved(usize),
    /// The words are no longer in the text.
    Orphaned,
}

impl Quote {
    /// A quote given by its words alone (and, optionally, context to tell occurrences apart),
    /// to be placed in its source's text.
    pub fn words(exact: &str) -> Quote {
        Quote {
            exact: exact.to_string(),
            prefix: String::new(),
            suffix: String::new(),
            start: UNPLACED,
            end: UNPLACED,
        }
    }

    /// Whether the quote's position agrees with its words' length, so it can be checked in
    /// place; otherwise it has to be found by its words.
    pub fn is_placed(&self) -> bool {
        self.start != UNPLACED
            && self.end != UNPLACED
            && self.end.checked_sub(self.start) == Some(self.exact.len())
    }

    /// Anchors the text between `start` and `end` (byte offsets on char boundaries).
    pub fn from_span(text: &str, start: usize, end: usize) -> Option<Quote> {
        let exact = text.get(start..end)?;
        if exact.trim().is_empty() {
            return None;
        }
        Some(Quote {
            exact: exact.to_string(),
            prefix: tail_chars(&text[..start], CONTEXT_CHARS).to_string(),
            suffix: head_chars(&text[end..], CONTEXT_CHARS).to_string(),
            start,
            end,
        })
    }

    /// Anchors the first occurrence of `exact` in `text`.
    pub fn find(text: &str, exact: &str) -> Option<Quote> {
        let start = text.find(exact)?;
        Quote::from_span(text, start, start + exact.len())
    }

    /// Where the quote stands in `text` now.
    pub fn anchor(&self, text: &str) -> Anchor {
        if text.get(self.start..self.end) == Some(self.exact.as_str()) {
            return Anchor::Exact;
        }
        // Prefer the occurrence whose context still matches on both sides; else the nearest one
        // whose context matches on one side (the text was edited next to it). The same words
        // elsewhere, in other company, are other words: the quote is orphaned, never moved
        // onto them.
        let occurrences: Vec<usize> = text.match_indices(&self.exact).map(|(i, _)| i).collect();
        let before = |i: usize| text[..i].ends_with(&self.prefix);
        let after = |i: usize| text[i + self.exact.len()..].starts_with(&self.suffix);
        let with_context = occurrences.iter().copied().find(|&i| before(i) && after(i));
        match with_context.or_else(|| {
            occurrences
                .iter()
                .copied()
                .filter(|&i| before(i) || after(i))
                .min_by_key(|&i| i.abs_diff(self.start))
        }) {
            Some(i) if !self.exact.is_empty() => Anchor::Moved(i),
            _ => Anchor::Orphaned,
        }
    }
}

fn tail_chars(s: &str, n: usize) -> &str {
    let cut = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[cut..]
}

fn head_chars(s: &str, n: usize) -> &str {
    let cut = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Trump himself chairs the board. Erdoğan was invited. Trump himself chairs it.";

    #[test]
    fn a_found_quote_is_exact_with_context() {
        let q = Quote::find(TEXT, "Erdoğan was invited").unwrap();
        assert_eq!(q.anchor(TEXT), Anchor::Exact);
        assert!(q.prefix.ends_with("board. "));
        assert!(q.suffix.starts_with(". Trump"));
    }

    #[test]
    fn survives_text_inserted_before_it() {
        let q = Quote::find(TEXT, "Erdoğan was invited").unwrap();
        let edited = format!("Breaking: {TEXT}");
        assert_eq!(
            q.anchor(&edited),
            Anchor::Moved(q.start + "Breaking: ".len())
        );
    }

    #[test]
    fn picks_the_occurrence_whose_context_matches() {
        let text = "Trump himself chairs it. xx";
        let at = TEXT.rfind("Trump himself chairs").unwrap();
        let second = Quote::from_span(TEXT, at, at + "Trump himself chairs".len()).unwrap();
        assert_eq!(second.exact, "Trump himself chairs");
        let edited = format!("{text} {TEXT}");
        assert_eq!(
            second.anchor(&edited),
            Anchor::Moved(second.start + text.len() + 1)
        );
    }

    #[test]
    fn is_not_moved_onto_the_same_words_in_other_company() {
        let q = Quote::find(TEXT, "Erdoğan was invited").unwrap();
        // The sentence is rewritten around the words, which now stand elsewhere.
        let edited = "Nobody doubted it: Erdoğan was invited, they said later.";
        assert_eq!(q.anchor(edited), Anchor::Orphaned);
    }

    #[test]
    fn is_orphaned_when_its_words_change() {
        let q = Quote::find(TEXT, "Erdoğan was invited").unwrap();
        let edited = TEXT.replace("was invited", "declined");
        assert_eq!(q.anchor(&edited), Anchor::Orphaned);
    }

    #[test]
    fn refuses_spans_off_char_boundaries_or_blank() {
        let i = TEXT.find('ğ').unwrap();
        assert!(Quote::from_span(TEXT, i + 1, i + 4).is_none());
        assert!(Quote::from_span(TEXT, 5, 6).is_none());
        assert!(Quote::from_span(TEXT, 0, 999).is_none());
    }
}
