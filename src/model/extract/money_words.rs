//! Amounts as reporters write them after a pledge: "$1 billion", "US$1.2bn", "500 million
//! euros", "1,2 Milliarden Dollar", "mil millones de dólares", "1 млрд долларов". Symbols,
//! currency words and scale words come from the tables.

use super::table::{Class, Lexicon};
use super::tokens::Token;
use crate::model::data::dataset::Money;

/// A number token ("1", "1.2", "1.000"), with the decimal comma that may follow it ("1", ",",
/// "2" is 1.2; "1", ",", "000" is 1000).
fn number_at(toks: &[Token], k: usize) -> Option<(f64, usize)> {
    let t = toks.get(k)?;
    if !t.lower.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut value = parse_number(&t.lower)?;
    let mut end = k + 1;
    if let (Some(comma), Some(next)) = (toks.get(k + 1), toks.get(k + 2))
        && comma.lower == ","
        && comma.span.start == t.span.end
        && next.span.start == comma.span.end
        && next.lower.chars().all(|c| c.is_ascii_digit())
    {
        let digits = next.lower.len() as i32;
        let tail: f64 = next.lower.parse().ok()?;
        value = if digits == 3 {
            value * 1000.0 + tail
        } else {
            value + tail / 10f64.powi(digits)
        };
        end = k + 3;
    }
    Some((value, end))
}

/// A number word before a scale word ("a billion", "eine Milliarde"), or a scale word that
/// counts one of itself ("mil millones").
fn number_word(lex: &Lexicon, toks: &[Token], k: usize) -> Option<(f64, usize)> {
    let t = toks.get(k)?;
    let next_scales = toks.get(k + 1).and_then(|n| scale(lex, &n.lower)).is_some();
    match lex.numbers.get(&t.lower) {
        Some(&n) if next_scales => Some((f64::from(n), k + 1)),
        _ if scale(lex, &t.lower).is_some()
            && k > 0
            && !toks[k - 1].lower.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            Some((1.0, k))
        }
        _ => None,
    }
}

/// "1.2" is one point two; "1.000" (three digits after the stop) is a thousand.
fn parse_number(s: &str) -> Option<f64> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if parts.len() > 1 && parts[1..].iter().all(|p| p.len() == 3) {
        return parts.concat().parse().ok();
    }
    s.parse().ok()
}

/// The first amount with a currency within `reach` words after `from` (else, for languages
/// whose verb comes last, within `reach` words before `before`), and where it ends.
pub fn amount_near(
    lex: &Lexicon,
    toks: &[Token],
    before: usize,
    from: usize,
    reach: usize,
) -> Option<(Money, usize)> {
    let open = |k: &usize| !lex.is(toks, *k, Class::End) && !lex.is(toks, *k, Class::ClauseBreak);
    let stop = (from + reach + 1).min(toks.len());
    let own = |k: usize, end: usize| {
        // "a total of $4.2 billion" is no one's own; "$3 billion in aid" is no pledge to the body.
        let joint = (k.saturating_sub(3)..k).any(|p| lex.is(toks, p, Class::Joint));
        let aid = (end..(end + 3).min(toks.len())).any(|p| lex.is(toks, p, Class::NotPledge));
        !joint && !aid
    };
    (from..stop)
        .take_while(open)
        .find_map(|k| amount_at(lex, toks, k).map(|a| (k, a)))
        .and_then(|(k, (m, end))| own(k, end).then_some((m, end)))
        .or_else(|| {
            (before.saturating_sub(reach)..before)
                .rev()
                .take_while(open)
                .find_map(|k| amount_at(lex, toks, k).filter(|(_, end)| *end <= before))
                .map(|(m, _)| (m, from))
        })
}

/// An amount starting at `k`: a symbol or number, scale words, a currency word.
pub fn amount_at(lex: &Lexicon, toks: &[Token], k: usize) -> Option<(Money, usize)> {
    let currency_of = |i: usize| toks.get(i).and_then(|t| lex.currencies.get(&t.lower));
    let mut currency = currency_of(k).cloned();
    let at = if currency.is_some() { k + 1 } else { k };
    let (value, mut end) = number_at(toks, at).or_else(|| number_word(lex, toks, at))?;
    let mut power = 0;
    loop {
        if let Some(p) = toks.get(end).and_then(|t| scale(lex, &t.lower)) {
            power += p;
            end += 1;
        } else if currency.is_none()
            && let Some(c) = currency_of(end)
        {
            currency = Some(c.clone());
            end += 1;
        } else if lex.is(toks, end, Class::AmountJoin)
            && currency.is_none()
            && currency_of(end + 1).is_some()
        {
            end += 1;
        } else {
            break;
        }
    }
    let amount = (value * 10f64.powi(power as i32)).round();
    (1.0..1e15).contains(&amount).then_some(())?;
    Some((
        Money {
            amount: amount as u64,
            currency: currency?,
        },
        end,
    ))
}

/// A scale word's power of ten; a form that begins with a table's scale word counts too
/// ("milliarden", "миллиарда").
fn scale(lex: &Lexicon, word: &str) -> Option<u32> {
    lex.scales.get(word).copied().or_else(|| {
        lex.scales
            .iter()
            .filter(|(w, _)| w.chars().count() >= 5 && word.starts_with(w.as_str()))
            .map(|(_, p)| *p)
            .next()
    })
}
