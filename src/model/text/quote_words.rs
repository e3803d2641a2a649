//! Quotes anchored by their words: a claim may give only the exact quoted words (a file edited
//! by hand, `claim add --quote`), and their position and context are found here, so nobody
//! counts bytes. Words that are not in the source are reported with the nearest words that are.
//!
//! Finding is one pass over a source's text for all its quotes to place (an Aho-Corasick
//! automaton of their words). The nearest match is one pass over the source's
//! words with a sliding window the size of the quote (overlap counted incrementally), so a
//! mistyped quote in a 4 MB article costs a few milliseconds, not a comparison of every pair.

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use super::quote::{Quote, UNPLACED};
use crate::model::data::dataset::Dataset;
use crate::model::rules::validate::{Problem, Severity};
use crate::model::text::line_col;

/// Why a quote could not be placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotPlaced {
    /// The quote has no words.
    Empty,
    /// The words are not in the text.
    Missing,
}

/// A quote found by its words, with what is worth telling about how it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundQuote {
    pub quote: Quote,
    /// Notes for the user: the words occur several times, or a position given was wrong.
    pub notes: Vec<String>,
}

/// Finds `q.exact` in `text`. A position the quote gives (start or end) chooses among several
/// occurrences when it holds the words; else the occurrence whose prefix and suffix match the
/// quote's; else the first, with a note. Positions given wrongly are named in a note.
pub fn place(text: &str, q: &Quote) -> Result<FoundQuote, NotPlaced> {
    place_among(text, q, || {
        text.match_indices(q.exact.as_str())
            .map(|(i, _)| i)
            .collect()
    })
}

/// [`place`], with the words' occurrences found by the caller (all quotes of a source at
/// once) and only asked for when the quote's own position does not hold them.
fn place_among(
    text: &str,
    q: &Quote,
    occurrences: impl FnOnce() -> Vec<usize>,
) -> Result<FoundQuote, NotPlaced> {
    let exact = q.exact.as_str();
    if exact.trim().is_empty() {
        return Err(NotPlaced::Empty);
    }
    let len = exact.len();
    let holds = |at: usize| {
        at.checked_add(len)
            .and_then(|end| text.get(at..end))
            .is_some_and(|w| w == exact)
    };
    let by_start = (q.start != UNPLACED && holds(q.start)).then_some(q.start);
    let by_end = (q.end != UNPLACED)
        .then(|| q.end.checked_sub(len))
        .flatten()
        .filter(|&at| holds(at));
    let mut notes = Vec::new();
    let at = match by_start.or(by_end) {
        Some(at) => at,
        None => {
            let occurrences = occurrences();
            if occurrences.is_empty() {
                return Err(NotPlaced::Missing);
            }
            // Context that matches counts; with none given, every occurrence ties.
            let score = |i: usize| {
                usize::from(!q.prefix.is_empty() && text[..i].ends_with(&q.prefix))
                    + usize::from(!q.suffix.is_empty() && text[i + len..].starts_with(&q.suffix))
            };
            let best = occurrences.iter().map(|&i| score(i)).max().unwrap_or(0);
            let tied: Vec<usize> = occurrences
                .iter()
                .copied()
                .filter(|&i| score(i) == best)
                .collect();
            let at = tied[0];
            if tied.len() > 1 {
                let (line, col) = line_col(text, at);
                notes.push(format!(
                    "the words \"{}\" occur {} times; the first (line {line}, column {col}) was \
                     taken: give a prefix or suffix (the words just before or after) to choose",
                    shorten(exact),
                    tied.len()
                ));
            } else if best == 0 && !(q.prefix.is_empty() && q.suffix.is_empty()) {
                notes.push(format!(
                    "the words \"{}\" are not preceded or followed by the prefix or suffix given; \
                     they were taken where they are",
                    shorten(exact)
                ));
            }
            at
        }
    };
    if q.start != UNPLACED && q.start != at {
        notes.push(format!(
            "its start was {}, but the words start at byte {at} (corrected)",
            q.start
        ));
    }
    if q.end != UNPLACED && q.end != at + len {
        notes.push(format!(
            "its end was {}, but the words end at byte {} (corrected)",
            q.end,
            at + len
        ));
    }
    let quote = Quote::from_span(text, at, at + len).ok_or(NotPlaced::Empty)?;
    Ok(FoundQuote { quote, notes })
}

/// The message for words that are not in a source, with the nearest words that are.
pub fn missing_message(text: &str, exact: &str, source: &str) -> String {
    let mut message = format!(
        "the words \"{}\" are not in source \"{source}\"",
        shorten(exact)
    );
    match nearest(text, exact) {
        Some((start, end)) => {
            let (line, col) = line_col(text, start);
            message.push_str(&format!(
                "; the nearest are \"{}\" (line {line}, column {col} of its text)",
                shorten(&text[start..end])
            ));
        }
        None => message.push_str("; no word of them is there either"),
    }
    message
}

/// The message for a quote left without a position, when its words were not looked for.
pub fn not_placed(exact: &str, source: &str) -> String {
    format!(
        "its quote \"{}\" has no position in source \"{source}\"",
        shorten(exact)
    )
}

/// The span of `text` that shares the most words with `words` (case, accents and punctuation
/// aside), among windows as many words long; from the first to the last shared word, widened
/// by the quote's unshared words at either edge. One pass over the text's words.
pub fn nearest(text: &str, words: &str) -> Option<(usize, usize)> {
    // A quote is a phrase; a window longer than this would say little about where it is.
    const MAX_WORDS: usize = 200;
    let wanted: Vec<String> = word_spans(words)
        .take(MAX_WORDS)
        .map(|(s, e)| fold(&words[s..e]))
        .collect();
    if wanted.is_empty() {
        return None;
    }
    let mut need: HashMap<&str, i32> = HashMap::new();
    for w in &wanted {
        *need.entry(w.as_str()).or_default() += 1;
    }
    let spans: Vec<(usize, usize)> = word_spans(text).collect();
    // Only the words of the quote matter; the others are `None` and never counted.
    let keys: Vec<Option<&str>> = spans
        .iter()
        .map(|&(s, e)| {
            need.get_key_value(fold(&text[s..e]).as_str())
                .map(|(k, _)| *k)
        })
        .collect();
    let k = wanted.len();
    let mut have: HashMap<&str, i32> = HashMap::new();
    let (mut overlap, mut best, mut best_end) = (0usize, 0usize, 0usize);
    for i in 0..keys.len() {
        if let Some(w) = keys[i] {
            let n = have.entry(w).or_default();
            if *n < need[w] {
                overlap += 1;
            }
            *n += 1;
        }
        if i >= k
            && let Some(w) = keys[i - k]
        {
            let n = have.get_mut(w).expect("counted when it entered");
            *n -= 1;
            if *n < need[w] {
                overlap -= 1;
            }
        }
        if overlap > best {
            (best, best_end) = (overlap, i);
        }
    }
    if best == 0 {
        return None;
    }
    let window = best_end.saturating_sub(k - 1)..=best_end;
    let first = window.clone().find(|&i| keys[i].is_some())?;
    let last = window.rev().find(|&i| keys[i].is_some())?;
    // Mistyped words at the quote's edges are not shared, but belong to the match: widen by
    // as many words as the quote has before its first shared word and after its last.
    let before = wanted
        .iter()
        .position(|w| Some(w.as_str()) == keys[first])?;
    let after = k
        - 1
        - wanted
            .iter()
            .rposition(|w| Some(w.as_str()) == keys[last])?;
    let first = first.saturating_sub(before);
    let last = (last + after).min(spans.len() - 1);
    Some((spans[first].0, spans[last].1))
}

/// Byte spans of the words (runs of letters and digits) of a text.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start: Option<usize> = None;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                None
            } else {
                start.take().map(|s| (s, i))
            }
        })
}

fn fold(word: &str) -> String {
    deunicode::deunicode(word).to_lowercase()
}

/// Long words are cut for messages.
fn shorten(words: &str) -> String {
    const MAX_CHARS: usize = 80;
    let one_line = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_CHARS {
        return one_line;
    }
    let cut: String = one_line.chars().take(MAX_CHARS).collect();
    format!("{cut}…")
}

/// Places every claim's quote that gives only its words (or a position that does not hold
/// them) in its source's text. Returns notes worth a warning; quotes whose words are not in
/// their source stay unplaced, and validation reports them as errors with the nearest words.
pub fn place_quotes(d: &mut Dataset) -> Vec<Problem> {
    let sources: HashMap<&str, usize> = d
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // The claims to place, by source, so each source's text is searched once for all of them.
    let mut by_source: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, claim) in d.claims.iter().enumerate() {
        if claim.quote.as_ref().is_some_and(|q| !q.is_placed())
            && let Some(&s) = sources.get(claim.source.as_str())
        {
            by_source.entry(s).or_default().push(i);
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = by_source.into_iter().collect();
    groups.sort_unstable();
    let mut problems = Vec::new();
    for (s, claims) in groups {
        let text = d.sources[s].text.as_str();
        let occurrences = occurrences_of(
            text,
            claims
                .iter()
                .filter_map(|&c| d.claims[c].quote.as_ref())
                .map(|q| q.exact.as_str()),
        );
        let mut placed = Vec::new();
        for &c in &claims {
            let claim = &d.claims[c];
            let Some(q) = &claim.quote else { continue };
            let found = || {
                occurrences
                    .get(q.exact.as_str())
                    .cloned()
                    .unwrap_or_default()
            };
            if let Ok(p) = place_among(text, q, found) {
                for note in p.notes {
                    problems.push(Problem {
                        severity: Severity::Warning,
                        id: Some(claim.id.clone()),
                        message: format!("claim \"{}\": {note}", claim.id),
                    });
                }
                placed.push((c, p.quote));
            }
        }
        for (c, quote) in placed {
            d.claims[c].quote = Some(quote);
        }
    }
    problems
}

/// Where each of `words` occurs in `text`, in one pass over the text for all of them.
fn occurrences_of<'a>(
    text: &str,
    words: impl Iterator<Item = &'a str>,
) -> HashMap<&'a str, Vec<usize>> {
    let mut patterns: Vec<&str> = words.filter(|w| !w.trim().is_empty()).collect();
    patterns.sort_unstable();
    patterns.dedup();
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    let Ok(automaton) = AhoCorasick::new(&patterns) else {
        // Too many or too long to build one automaton: search for each.
        for w in patterns {
            out.insert(w, text.match_indices(w).map(|(i, _)| i).collect());
        }
        return out;
    };
    for m in automaton.find_overlapping_iter(text) {
        out.entry(patterns[m.pattern().as_usize()])
            .or_default()
            .push(m.start());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Egypt’s President Sisi has accepted the invitation. Canada has \
                        accepted the invitation, Carney said.";

    #[test]
    fn words_alone_are_placed_with_context() {
        let p = place(TEXT, &Quote::words("Sisi has accepted")).unwrap();
        assert_eq!(&TEXT[p.quote.start..p.quote.end], "Sisi has accepted");
        assert!(p.quote.prefix.ends_with("President "));
        assert!(p.quote.is_placed());
        assert!(p.notes.is_empty());
    }

    #[test]
    fn repeated_words_take_the_first_with_a_note_or_the_context_given() {
        let words = "has accepted the invitation";
        let p = place(TEXT, &Quote::words(words)).unwrap();
        assert_eq!(p.quote.start, TEXT.find(words).unwrap());
        assert!(p.notes[0].contains("occur 2 times"), "{:?}", p.notes);
        let mut q = Quote::words(words);
        q.prefix = "Canada ".into();
        let p = place(TEXT, &q).unwrap();
        assert_eq!(p.quote.start, TEXT.rfind(words).unwrap());
        assert!(p.notes.is_empty(), "{:?}", p.notes);
    }

    #[test]
    fn a_wrong_end_is_blamed_on_the_end_not_the_start() {
        let start = TEXT.find("Sisi").unwrap();
        let mut q = Quote::words("Sisi has accepted");
        (q.start, q.end) = (start, 0);
        let p = place(TEXT, &q).unwrap();
        assert_eq!(p.quote.start, start);
        assert_eq!(p.notes.len(), 1, "{:?}", p.notes);
        assert!(p.notes[0].starts_with("its end was 0"), "{:?}", p.notes);
        // A start that does not hold the words, with a right end: the start is named.
        (q.start, q.end) = (3, start + q.exact.len());
        let p = place(TEXT, &q).unwrap();
        assert_eq!(p.quote.start, start);
        assert!(p.notes[0].starts_with("its start was 3"), "{:?}", p.notes);
    }

    #[test]
    fn a_position_given_chooses_among_occurrences() {
        let words = "has accepted the invitation";
        let second = TEXT.rfind(words).unwrap();
        let mut q = Quote::words(words);
        q.start = second;
        let p = place(TEXT, &q).unwrap();
        assert_eq!(p.quote.start, second);
        assert!(p.notes.is_empty());
    }

    #[test]
    fn missing_words_name_the_nearest_ones() {
        assert_eq!(
            place(TEXT, &Quote::words("Sisi has acepted")),
            Err(NotPlaced::Missing)
        );
        // A straight apostrophe where the text has a curly one, and a typo.
        let m = missing_message(TEXT, "Egypt's president Sisi has acepted", "wire");
        assert!(
            m.starts_with(
                "the words \"Egypt's president Sisi has acepted\" are not in source \"wire\""
            ),
            "{m}"
        );
        assert!(
            m.contains("the nearest are \"Egypt’s President Sisi has accepted\""),
            "{m}"
        );
        assert!(m.contains("line 1, column 1"), "{m}");
        let m = missing_message(TEXT, "Netanyahu", "wire");
        assert!(m.contains("no word of them"), "{m}");
        assert_eq!(place(TEXT, &Quote::words("  ")), Err(NotPlaced::Empty));
    }

    #[test]
    fn the_nearest_window_is_found_far_into_a_long_text() {
        let filler = "lorem ipsum dolor sit amet ".repeat(20_000);
        let text = format!("{filler}Carney said Canada will join the board. {filler}");
        let (s, e) = nearest(&text, "Carney said that Canada would join the board").unwrap();
        assert_eq!(&text[s..e], "Carney said Canada will join the board");
    }

    #[test]
    fn unplaced_quotes_in_a_dataset_are_placed_and_noted() {
        use crate::model::data::builder::DatasetBuilder;
        use crate::model::{ActorKind, Fact, Status};
        let mut d = DatasetBuilder::new("Board")
            .actor("sisi", "Sisi", ActorKind::Person)
            .source("wire", "Wire", Some("2026-01-20"), TEXT)
            .claim(
                "sisi",
                Fact::Status(Status::Accepted),
                "wire",
                None,
                Some("Sisi has accepted"),
            )
            .build();
        let placed = d.claims[0].quote.clone().unwrap();
        d.claims[0].quote = Some(Quote::words(&placed.exact));
        assert!(place_quotes(&mut d).is_empty());
        assert_eq!(d.claims[0].quote.as_ref(), Some(&placed));
        d.claims[0].quote = Some(Quote::words("has accepted the invitation"));
        let notes = place_quotes(&mut d);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].id.as_deref(), Some(d.claims[0].id.as_str()));
    }
}
