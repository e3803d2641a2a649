//! Checks of values a file may hold that the structure cannot rule out: currencies that are
//! not in ISO 4217, exchange rates that would make totals overflow or vanish, and Wikidata ids
//! that are not ("not a qid" would go out in every export, and FollowTheMoney refuses it). Kept apart
//! from `validate.rs` (integrity of ids and references), which calls it.

use iso_currency::Currency;

use super::validate::{Problem, Severity};
use crate::model::data::dataset::{Dataset, Fact};

/// The smallest and largest exchange rate accepted, per unit of the threshold's currency.
/// Real rates between currencies lie within 1e-5 .. 1e5; a rate outside this range is a typo
/// or an attack (1e300 saturates every total; 5e-324 turns every pledge into zero).
pub const MIN_RATE: f64 = 1e-6;
pub const MAX_RATE: f64 = 1e6;

/// Whether `code` is an ISO 4217 currency code (USD, EUR, ...), in capitals.
pub fn is_iso_currency(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && Currency::from_code(code).is_some()
}

/// Why `code` is not accepted as a currency, with the code meant where it can be guessed.
pub fn currency_problem(code: &str) -> Option<String> {
    if is_iso_currency(code) {
        return None;
    }
    let upper = code.trim().to_ascii_uppercase();
    let guess = match upper.trim_end_matches('S') {
        "DOLLAR" | "US DOLLAR" | "$" => Some("USD"),
        "EURO" | "€" => Some("EUR"),
        "POUND" | "POUND STERLING" | "£" => Some("GBP"),
        "YEN" | "¥" => Some("JPY"),
        _ if is_iso_currency(&upper) => Some(upper.as_str()),
        _ => None,
    };
    let hint = match guess {
        Some(g) => format!("; did you mean {g}?"),
        None => " (an ISO 4217 code such as USD or EUR)".to_string(),
    };
    Some(format!("\"{code}\" is not a currency code{hint}"))
}

/// Whether `id` is a Wikidata item id: "Q" and digits, not starting with 0 ("Q7747").
pub fn is_wikidata_id(id: &str) -> bool {
    id.strip_prefix('Q').is_some_and(|digits| {
        !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Why `id` is not accepted as a Wikidata id.
pub fn wikidata_problem(id: &str) -> Option<String> {
    (!is_wikidata_id(id))
        .then(|| format!("\"{id}\" is not a Wikidata id: write Q and its digits, like Q7747"))
}

/// Every problem with currencies, exchange rates and Wikidata ids, as errors.
pub fn value_problems(d: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut error = |id: &str, message: String| {
        out.push(Problem {
            severity: Severity::Error,
            id: (!id.is_empty()).then(|| id.to_string()),
            message,
        })
    };
    for a in &d.actors {
        if let Some(why) = a.wikidata.as_deref().and_then(wikidata_problem) {
            error(&a.id, format!("actor \"{}\": {why}", a.id));
        }
    }
    for b in std::iter::once(&d.body).chain(&d.sub_bodies) {
        let rules = &b.seat_rules;
        if let Some(why) = currency_problem(&rules.threshold.currency) {
            error(&b.id, format!("body \"{}\": seat threshold: {why}", b.id));
        }
        for r in &rules.exchange_rates {
            if let Some(why) = currency_problem(&r.currency) {
                error(&b.id, format!("body \"{}\": exchange rate: {why}", b.id));
            }
            // NaN, infinities and non-positive rates are reported by `validate` already.
            if r.rate.is_finite() && r.rate > 0.0 && !(MIN_RATE..=MAX_RATE).contains(&r.rate) {
                error(
                    &b.id,
                    format!(
                        "body \"{}\": the exchange rate {:e} for {} is absurd (it must lie between {MIN_RATE:e} and {MAX_RATE:e})",
                        b.id, r.rate, r.currency
                    ),
                );
            }
        }
    }
    for claim in &d.claims {
        if let Fact::Pledge(m) | Fact::SeatThreshold(m) = &claim.fact
            // Codes that are not three capitals get `validate`'s message already.
            && super::validate::is_currency_code(&m.currency)
            && let Some(why) = currency_problem(&m.currency)
        {
            error(&claim.id, format!("claim \"{}\": {why}", claim.id));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_codes_pass_and_names_get_a_hint() {
        assert!(currency_problem("USD").is_none());
        assert!(currency_problem("EUR").is_none());
        assert!(
            currency_problem("dollars")
                .unwrap()
                .contains("did you mean USD")
        );
        assert!(
            currency_problem("usd")
                .unwrap()
                .contains("did you mean USD")
        );
        let xyz = currency_problem("XYZ").unwrap();
        assert!(xyz.contains("ISO 4217"), "{xyz}");
    }
}
