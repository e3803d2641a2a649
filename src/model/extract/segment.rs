//! Sentences of a news text. A sentence ends at `.`, `!` or `?` followed by space and a new
//! sentence's first character, or at a line break, except where the full stop belongs to an
//! abbreviation ("U.S.", "Jan.", "Mr."), an initial ("J. Smith") or a number; a headline or a
//! dateline without a full stop ends at its line break. A line that ends mid-sentence (no
//! closing punctuation, the next line starting in lower case) runs on: hard-wrapped prose.

use std::ops::Range;

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "st",
    "no", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "jr",
    "sr", "pres", "rev", "hon", "ft", "mt", "approx", "dept", "est",
];

/// The byte ranges of the sentences of `text`, trimmed, in order, covering every word once.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = i + c.len_utf8();
        let cut = match c {
            '\n' => line_ends_sentence(text, i),
            '.' | '!' | '?' => {
                // Closing quotes and brackets belong to the sentence they close.
                let mut after = end;
                while let Some(q) = text[after..].chars().next() {
                    if matches!(q, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
                        after += q.len_utf8();
                    } else {
                        break;
                    }
                }
                if stop_ends_sentence(text, i, after, c) {
                    push(&mut out, text, start, after);
                    start = after;
                    while iter.peek().is_some_and(|&(j, _)| j < after) {
                        iter.next();
                    }
                }
                continue;
            }
            _ => false,
        };
        if cut {
            push(&mut out, text, start, i);
            start = end;
        }
    }
    push(&mut out, text, start, text.len());
    out
}

fn push(out: &mut Vec<Range<usize>>, text: &str, from: usize, to: usize) {
    let slice = &text[from..to];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if from + lead < to - trail {
        out.push(from + lead..to - trail);
    }
}

/// A line break ends the sentence unless the line stops mid-sentence and the next line goes on
/// in lower case.
fn line_ends_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    let last = before.chars().next_back();
    let next = text[at + 1..].trim_start().chars().next();
    let mid_sentence = last.is_some_and(|c| c.is_alphanumeric() || c == ',');
    let continues = next.is_some_and(char::is_lowercase);
    !(mid_sentence && continues)
}

/// Whether the stop at `at` (ending at `after`, closing quotes included) ends a sentence.
fn stop_ends_sentence(text: &str, at: usize, after: usize, stop: char) -> bool {
    let rest = &text[after..];
    let Some(space) = rest.chars().next() else {
        return true;
    };
    if !space.is_whitespace() {
        return false;
    }
    if space == '\n' {
        return true;
    }
    let next = rest.trim_start().chars().next();
    let Some(next) = next else {
        return true;
    };
    // A new sentence starts with a capital, a digit or an opening quote or bracket.
    if !(next.is_uppercase() || next.is_ascii_digit() || "\"'“‘([«".contains(next)) {
        return false;
    }
    if stop != '.' {
        return true;
    }
    let word: String = text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // "U.S." and "J." and "A.B.": letters with stops between, or a lone capital (an initial).
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    if word.contains('.') && letters.iter().all(|c| c.is_alphabetic()) && letters.len() <= 3 {
        return false;
    }
    // An initial follows a name or another initial ("John F. Kennedy", "J. R. Jones"); a
    // lone capital after a lower-case word is a word of its own ("said on X.").
    if letters.len() == 1 && letters[0].is_uppercase() {
        let before = text[..at - word.len()].trim_end();
        let prev = before.split_whitespace().next_back();
        let initial = prev.is_none_or(|p| p.chars().next().is_some_and(char::is_uppercase));
        if initial {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text =
            "The U.S. envoy met Mr. Smith on Jan. 20 in Washington. J. R. Jones agreed. Next one.";
        assert_eq!(
            split(text),
            [
                "The U.S. envoy met Mr. Smith on Jan. 20 in Washington.",
                "J. R. Jones agreed.",
                "Next one."
            ]
        );
    }

    #[test]
    fn headlines_end_at_their_line_break() {
        let text = "Leader invited to join board\nThe leader said on Monday he would join.";
        assert_eq!(
            split(text),
            [
                "Leader invited to join board",
                "The leader said on Monday he would join."
            ]
        );
    }

    #[test]
    fn wrapped_lines_run_on_and_quotes_close_their_sentence() {
        let text = "He said the offer\nwas accepted. \"We agree.\" Then she left!";
        assert_eq!(
            split(text),
            [
                "He said the offer\nwas accepted.",
                "\"We agree.\"",
                "Then she left!"
            ]
        );
    }

    #[test]
    fn a_lone_capital_after_a_lower_case_word_ends_a_sentence() {
        let text = "He said so on X. Trump agreed with John F. Kennedy.";
        assert_eq!(
            split(text),
            ["He said so on X.", "Trump agreed with John F. Kennedy."]
        );
    }

    #[test]
    fn numbers_and_lower_case_do_not_end_sentences() {
        let text = "It cost 1.5 billion. e.g. this runs on. Another.";
        assert_eq!(
            split(text),
            ["It cost 1.5 billion. e.g. this runs on.", "Another."]
        );
    }
}
