//! Dates as people type them: "21 Jan 2026", "January 21, 2026", "21.01.2026", "21. Januar
//! 2026", "enero 2026". Every field where a date is typed (and every command-line option)
//! reads dates through [`crate::model::PartialDate`]'s parser, which takes the file format's
//! "2026-01-21" first and these forms after it. Month names come from the extractor's word
//! tables (`assets/extract/*.ron`), so a language added there is understood here too.

use crate::model::PartialDate;
use crate::model::extract::built_in_rules;

/// Words that may stand between a date's parts ("21 de enero de 2026", "the 21st of January").
const FILLER: &[&str] = &["de", "del", "of", "the"];

/// A date in one of the written forms, or `None`.
pub fn read_written_date(text: &str) -> Option<PartialDate> {
    dotted(text).or_else(|| in_words(text))
}

/// "21.01.2026" or "1.2.2026": day, month and year, as most of Europe writes them.
fn dotted(text: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = text.split('.').map(str::trim).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let day = small_number(d, 2)?;
    let month = small_number(m, 2)?;
    let year = year(y)?;
    PartialDate::day(year, month, day).ok()
}

/// "21 Jan 2026", "January 21, 2026", "21st of January 2026", "January 2026".
fn in_words(text: &str) -> Option<PartialDate> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .collect();
    let rules = built_in_rules();
    let month = |w: &str| {
        rules
            .month_in_any_language(w)
            .or_else(|| rules.month_in_any_language(w.trim_end_matches('.')))
    };
    match words.as_slice() {
        [d, m, y] if month(m).is_some() => {
            PartialDate::day(year(y)?, month(m)?, day_number(d)?).ok()
        }
        [m, d, y] if month(m).is_some() => {
            PartialDate::day(year(y)?, month(m)?, day_number(d)?).ok()
        }
        [m, y] => PartialDate::month(year(y)?, month(m)?).ok(),
        _ => None,
    }
}

/// A day of the month as typed: "21", "21.", "21st", "2nd", "3rd", "4th".
fn day_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    small_number(digits, 2)
}

fn small_number(word: &str, max_digits: usize) -> Option<u32> {
    (!word.is_empty() && word.len() <= max_digits && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<String> {
        read_written_date(text).map(|d| d.to_string())
    }

    #[test]
    fn days_written_in_words_or_with_dots_are_read() {
        for text in [
            "21 Jan 2026",
            "21 January 2026",
            "January 21, 2026",
            "Jan. 21 2026",
            "21st of January 2026",
            "21.01.2026",
            "21. Januar 2026",
            "21 de enero de 2026",
            "21 января 2026",
        ] {
            assert_eq!(read(text).as_deref(), Some("2026-01-21"), "{text}");
        }
        assert_eq!(read("1.2.2026").as_deref(), Some("2026-02-01"));
        assert_eq!(read("March 2026").as_deref(), Some("2026-03"));
        // Through the one date parser every field and option uses.
        let typed: crate::model::PartialDate = "January 2026".parse().unwrap();
        assert_eq!(typed.to_string(), "2026-01");
        let err = "2026-02-30"
            .parse::<crate::model::PartialDate>()
            .unwrap_err();
        assert!(err.0.contains("not a calendar day"), "{err}");
    }

    #[test]
    fn what_is_not_a_day_is_refused() {
        for text in [
            "31 February 2026",
            "32.01.2026",
            "21 Jan 26",
            "Jan 2026 21 22",
            "21 Foo 2026",
            "21.01",
            "",
            "2026.01.21",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
