//! Dates a sentence gives, resolved against the day the report was published: "on Monday"
//! is the last Monday up to that day (the next one in a sentence about the future), "Jan. 20"
//! is in the publication year unless that puts it well after publication, "yesterday" is the
//! day before.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::table::{Class, Lexicon};
use super::tokens::Token;
use crate::model::PartialDate;

/// Every date in the tokens, with the index of its first token.
pub fn dates(
    lex: &Lexicon,
    toks: &[Token],
    published: Option<NaiveDate>,
) -> Vec<(usize, PartialDate)> {
    let future = (0..toks.len()).any(|k| lex.is(toks, k, Class::Future));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (found, used) = date_at(lex, toks, i, published, future);
        if let Some(d) = found {
            out.push((i, d));
            i += used.max(1);
        } else {
            i += 1;
        }
    }
    out
}

fn weekday(lex: &Lexicon, w: &str) -> Option<Weekday> {
    lex.weekday(w)
        .and_then(|n| u8::try_from(n.checked_sub(1)?).ok())
        .and_then(|i| Weekday::try_from(i).ok())
}

fn number(t: Option<&Token>) -> Option<u32> {
    let t = t?;
    let digits = t.lower.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    if digits.is_empty() || digits.len() > 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn year(n: Option<u32>) -> Option<i32> {
    n.filter(|y| (1900..=2200).contains(y)).map(|y| y as i32)
}

/// The tense of the verb just before a day ("said on Tuesday", "will meet on Thursday"):
/// Some(true) for the future, Some(false) for the past, None when no verb is near.
fn local_tense(lex: &Lexicon, toks: &[Token], i: usize) -> Option<bool> {
    for k in (i.saturating_sub(4)..i).rev() {
        if lex.is(toks, k, Class::Future) {
            return Some(true);
        }
        let t = &toks[k];
        if lex.is(toks, k, Class::Past) || t.word && t.lower.len() > 4 && t.lower.ends_with("ed") {
            return Some(false);
        }
    }
    None
}

/// The date starting at token `i`, and how many tokens it takes.
fn date_at(
    lex: &Lexicon,
    toks: &[Token],
    i: usize,
    published: Option<NaiveDate>,
    future: bool,
) -> (Option<PartialDate>, usize) {
    if let Some(d) = relative_day(lex, toks, i, published) {
        return (d, 1);
    }
    if let Some(wd) = weekday(lex, &toks[i].lower) {
        return (named_weekday(lex, toks, i, wd, published, future), 1);
    }
    if let Some(d) = numeric_date(&toks[i].lower) {
        return (d, 1);
    }
    if let Some(m) = lex.month(&toks[i].lower) {
        return month_first(toks, i, m, published);
    }
    day_first(lex, toks, i, published).unwrap_or((None, 1))
}

/// "today", "yesterday", "tomorrow": the day of publication or the one beside it. `None`
/// when the word is none of these; `Some(None)` when there is no publication day.
fn relative_day(
    lex: &Lexicon,
    toks: &[Token],
    i: usize,
    published: Option<NaiveDate>,
) -> Option<Option<PartialDate>> {
    let p = published;
    let day = if lex.is(toks, i, Class::Today) {
        p
    } else if lex.is(toks, i, Class::Yesterday) {
        p.and_then(|p| p.checked_sub_days(Days::new(1)))
    } else if lex.is(toks, i, Class::Tomorrow) {
        p.and_then(|p| p.checked_add_days(Days::new(1)))
    } else {
        return None;
    };
    Some(day.map(PartialDate::from))
}

/// "on Monday": the last such day up to publication, or the next one when the words before
/// ("next", "will meet") or the sentence look ahead.
fn named_weekday(
    lex: &Lexicon,
    toks: &[Token],
    i: usize,
    wd: Weekday,
    published: Option<NaiveDate>,
    future: bool,
) -> Option<PartialDate> {
    let p = published?;
    let before = |c: Class| i > 0 && lex.is(toks, i - 1, c);
    let ahead = if before(Class::Next) || before(Class::Coming) {
        true
    } else if before(Class::Last) {
        false
    } else {
        local_tense(lex, toks, i).unwrap_or(future)
    };
    let strict = before(Class::Next) || before(Class::Last);
    resolve_weekday(p, wd, ahead, strict).map(PartialDate::from)
}

/// "17.01.2026", "2026-01-17": `Some` when the word is three numbers, the date if valid.
fn numeric_date(w: &str) -> Option<Option<PartialDate>> {
    let parts: Vec<&str> = w.split(['.', '-', '/']).collect();
    if parts.len() != 3 || !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if n.len() != 3 {
        return None;
    }
    Some(if parts[0].len() == 4 {
        PartialDate::day(n[0] as i32, n[1], n[2]).ok()
    } else if parts[2].len() == 4 {
        PartialDate::day(n[2] as i32, n[1], n[0]).ok()
    } else {
        None
    })
}

/// "January 16, 2026", "Jan. 20", "January 2026": month `m` at `i`, then a day or a year.
fn month_first(
    toks: &[Token],
    i: usize,
    m: u32,
    published: Option<NaiveDate>,
) -> (Option<PartialDate>, usize) {
    let mut k = i + 1;
    if toks.get(k).is_some_and(|t| t.is(".")) {
        k += 1;
    }
    // "may" is a month only before a day or a year.
    let Some(n) = number(toks.get(k)) else {
        return (None, 1);
    };
    if let Some(y) = year(Some(n)) {
        return (PartialDate::month(y, m).ok(), k + 1 - i);
    }
    let mut e = k + 1;
    if toks.get(e).is_some_and(|t| t.is(",")) {
        e += 1;
    }
    let y = year(number(toks.get(e)));
    let used = if y.is_some() { e + 1 - i } else { k + 1 - i };
    (with_year(y, m, n, published), used)
}

/// "16 January 2026", "16 Jan", "16 de enero", "16. Januar": a day at `i`, then its month.
fn day_first(
    lex: &Lexicon,
    toks: &[Token],
    i: usize,
    published: Option<NaiveDate>,
) -> Option<(Option<PartialDate>, usize)> {
    let n = number(toks.get(i)).filter(|n| *n <= 31)?;
    let mk = (i + 1..(i + 3).min(toks.len()))
        .take_while(|&k| k == i + 1 || lex.is(toks, k - 1, Class::DateJoin))
        .find(|&k| lex.month(&toks[k].lower).is_some())?;
    let m = lex.month(&toks[mk].lower)?;
    let mut e = mk + 1;
    if lex.is(toks, e, Class::DateJoin) && number(toks.get(e + 1)).is_some() {
        e += 1;
    }
    if toks.get(e).is_some_and(|t| t.is(".")) {
        e += 1;
    }
    let y = year(number(toks.get(e)));
    let used = if y.is_some() { e + 1 - i } else { e - i };
    Some((with_year(y, m, n, published), used))
}

/// A day and month without a year: the publication year, or the one before when that would
/// put the day more than two months after publication.
fn with_year(y: Option<i32>, m: u32, d: u32, published: Option<NaiveDate>) -> Option<PartialDate> {
    if let Some(y) = y {
        return PartialDate::day(y, m, d).ok();
    }
    let p = published?;
    let this = NaiveDate::from_ymd_opt(p.year(), m, d)?;
    if (this - p).num_days() > 60 {
        NaiveDate::from_ymd_opt(p.year() - 1, m, d).map(PartialDate::from)
    } else {
        Some(PartialDate::from(this))
    }
}

/// The weekday `wd` nearest `p` on the side the sentence looks to, `p` itself included unless
/// `strict` ("last Monday" said on a Monday is a week back).
fn resolve_weekday(p: NaiveDate, wd: Weekday, ahead: bool, strict: bool) -> Option<NaiveDate> {
    let from = p.weekday().num_days_from_monday() as i64;
    let to = wd.num_days_from_monday() as i64;
    let mut diff = if ahead {
        (to - from).rem_euclid(7)
    } else {
        -((from - to).rem_euclid(7))
    };
    if strict && diff == 0 {
        diff = if ahead { 7 } else { -7 };
    }
    if diff >= 0 {
        p.checked_add_days(Days::new(diff as u64))
    } else {
        p.checked_sub_days(Days::new((-diff) as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn first(text: &str, published: &str) -> Option<String> {
        let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let toks = tokenize(text, 0..text.len());
        let rules = crate::model::extract::RuleSet::built_in();
        dates(rules.lexicon("en"), &toks, p)
            .first()
            .map(|(_, d)| d.to_string())
    }

    #[test]
    fn weekdays_are_the_last_one_up_to_publication() {
        // 2026-01-21 is a Wednesday.
        assert_eq!(
            first("He accepted on Monday.", "2026-01-21").as_deref(),
            Some("2026-01-19")
        );
        assert_eq!(
            first("She said Wednesday she agreed.", "2026-01-21").as_deref(),
            Some("2026-01-21")
        );
        assert_eq!(
            first("It declined on Tuesday.", "2026-01-21").as_deref(),
            Some("2026-01-20")
        );
        assert_eq!(
            first("It met last Wednesday.", "2026-01-21").as_deref(),
            Some("2026-01-14")
        );
    }

    #[test]
    fn future_sentences_look_ahead() {
        assert_eq!(
            first("Details are expected Thursday.", "2026-01-21").as_deref(),
            Some("2026-01-22")
        );
        assert_eq!(
            first("It meets next Monday.", "2026-01-21").as_deref(),
            Some("2026-01-26")
        );
    }

    #[test]
    fn month_day_forms_take_the_publication_year() {
        assert_eq!(
            first("On Jan. 20 it signed.", "2026-01-21").as_deref(),
            Some("2026-01-20")
        );
        assert_eq!(
            first("On January 16, 2026, he wrote.", "2026-01-21").as_deref(),
            Some("2026-01-16")
        );
        assert_eq!(
            first("It happened on 16 January.", "2026-01-21").as_deref(),
            Some("2026-01-16")
        );
        assert_eq!(
            first("Back on December 12 it met.", "2026-01-21").as_deref(),
            Some("2025-12-12")
        );
        assert_eq!(
            first("In October 2023 it began.", "2026-01-21").as_deref(),
            Some("2023-10")
        );
        assert_eq!(
            first("18:57 GMT 17.01.2026", "2026-01-21").as_deref(),
            Some("2026-01-17")
        );
        assert_eq!(
            first("Yesterday it agreed.", "2026-01-21").as_deref(),
            Some("2026-01-20")
        );
    }

    #[test]
    fn may_is_a_month_only_with_a_number() {
        assert_eq!(first("Canada may still join.", "2026-01-21"), None);
        assert_eq!(
            first("Since May 3 it has.", "2026-06-21").as_deref(),
            Some("2026-05-03")
        );
    }
}
