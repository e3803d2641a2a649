//! Amounts of money in words people read: "$1 billion", "€860 million".

use serde::{Deserialize, Serialize};

/// An amount of money in whole units of a currency (ISO 4217 code).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Money {
    pub amount: u64,
    pub currency: String,
}

fn symbol(currency: &str) -> Option<&'static str> {
    match currency {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        _ => None,
    }
}

/// `$1 billion`, `€860 million`, `$2.5 billion`, `CHF 12,000`.
pub fn format_money(m: &Money) -> String {
    let amount = format_amount(m.amount);
    match symbol(&m.currency) {
        Some(s) => format!("{s}{amount}"),
        None => format!("{} {amount}", m.currency),
    }
}

/// Large round amounts in words, others with thousands separators.
pub fn format_amount(amount: u64) -> String {
    const SCALES: [(u64, &str); 3] = [
        (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
    ];
    for (scale, word) in SCALES {
        if amount >= scale {
            let whole = amount / scale;
            let rest = amount % scale;
            // Only use words when one decimal place says it exactly.
            if rest == 0 {
                return format!("{whole} {word}");
            }
            if rest.is_multiple_of(scale / 10) {
                return format!("{whole}.{} {word}", rest / (scale / 10));
            }
            break;
        }
    }
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The largest amount accepted: a thousand trillion, far above any pledge, far below overflow.
pub const MAX_AMOUNT: u64 = 1_000_000_000_000_000;

/// How an amount is written, for the messages that refuse one.
const EXAMPLE: &str = "write it like 1 billion USD, $1bn or €860 million";

/// Why an amount is refused; its message says how to write one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("Enter an amount and a currency: {EXAMPLE}.")]
    Empty,
    #[error("A pledge cannot be negative.")]
    Negative,
    #[error("Two currencies given ({0} and {1}).")]
    TwoCurrencies(String, String),
    #[error("\"{0}\" is not understood: {EXAMPLE}.")]
    NotUnderstood(String),
    #[error("No amount found: {EXAMPLE}.")]
    NoAmount,
    #[error("\"{0}\" is not a number: {EXAMPLE}.")]
    NotANumber(String),
    #[error("That amount is implausibly large (over a thousand trillion).")]
    TooLarge,
    #[error("Amounts are in whole units of the currency.")]
    NotWhole,
    #[error("Add a currency: {EXAMPLE}.")]
    NoCurrency,
    #[error(
        "\"{0}\": use a point for decimals (1.5 billion) and commas only between thousands (2,500,000)."
    )]
    Grouping(String),
}

/// Reads an amount as people write it: "1 billion USD", "$1bn", "€860 million", "2,500,000 GBP",
/// "1.5 billion EUR". Refuses a missing currency, a negative or absurd amount, with a message.
pub fn parse_money(input: &str) -> Result<Money, MoneyError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(MoneyError::Empty);
    }
    if text.starts_with('-') || text.contains("−") {
        return Err(MoneyError::Negative);
    }
    let mut currency: Option<String> = None;
    let mut rest = text;
    for (sym, code) in [("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY")] {
        if let Some(r) = rest.strip_prefix(sym) {
            currency = Some(code.into());
            rest = r;
        }
    }
    let mut number = String::new();
    let mut scale = 1u64;
    for word in rest.split_whitespace().flat_map(split_number_suffix) {
        let lower = word.to_lowercase();
        if word
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
            && number.is_empty()
        {
            number = plain_number(word)?;
        } else if let Some(s) = scale_word(&lower) {
            scale = s;
        } else if word.len() == 3 && word.chars().all(|c| c.is_ascii_alphabetic()) {
            let code = word.to_uppercase();
            if let Some(first) = currency.filter(|c| *c != code) {
                return Err(MoneyError::TwoCurrencies(first, code));
            }
            currency = Some(code);
        } else {
            return Err(MoneyError::NotUnderstood(word.to_string()));
        }
    }
    if number.is_empty() {
        return Err(MoneyError::NoAmount);
    }
    let value: f64 = number
        .parse()
        .map_err(|_| MoneyError::NotANumber(number.clone()))?;
    let amount = value * scale as f64;
    if !amount.is_finite() || amount > MAX_AMOUNT as f64 {
        return Err(MoneyError::TooLarge);
    }
    if amount.fract() != 0.0 {
        return Err(MoneyError::NotWhole);
    }
    let Some(currency) = currency else {
        return Err(MoneyError::NoCurrency);
    };
    Ok(Money {
        amount: amount as u64,
        currency,
    })
}

/// "2,500,000" → "2500000". Commas only between groups of three digits: "1,5" is refused
/// rather than read as fifteen (in many countries it means one and a half).
fn plain_number(word: &str) -> Result<String, MoneyError> {
    if !word.contains(',') {
        return Ok(word.replace('_', ""));
    }
    let whole = word.split('.').next().unwrap_or_default();
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped = (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if grouped {
        Ok(word.replace(',', ""))
    } else {
        Err(MoneyError::Grouping(word.to_string()))
    }
}

/// "1bn" → ["1", "bn"], "860m" → ["860", "m"]; other words as they are.
fn split_number_suffix(word: &str) -> Vec<&str> {
    let split = word.find(|c: char| c.is_alphabetic()).filter(|&i| i > 0);
    match split {
        Some(i)
            if word[..i]
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',') =>
        {
            vec![&word[..i], &word[i..]]
        }
        _ => vec![word],
    }
}

fn scale_word(word: &str) -> Option<u64> {
    Some(match word {
        "thousand" | "k" => 1_000,
        "million" | "millions" | "m" | "mn" | "mio" => 1_000_000,
        "billion" | "billions" | "bn" | "b" => 1_000_000_000,
        "trillion" | "trillions" | "tn" => 1_000_000_000_000,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_as_people_write_them() {
        for (text, amount, currency) in [
            ("1 billion USD", 1_000_000_000, "USD"),
            ("$1bn", 1_000_000_000, "USD"),
            ("€860 million", 860_000_000, "EUR"),
            ("2,500,000 GBP", 2_500_000, "GBP"),
            ("1.5 billion eur", 1_500_000_000, "EUR"),
            ("0 USD", 0, "USD"),
            ("USD 12000", 12_000, "USD"),
        ] {
            assert_eq!(parse_money(text), Ok(m(amount, currency)), "{text}");
        }
    }

    #[test]
    fn refuses_bad_amounts_with_a_reason() {
        assert!(
            parse_money("")
                .unwrap_err()
                .to_string()
                .contains("Enter an amount")
        );
        assert!(
            parse_money("-5 USD")
                .unwrap_err()
                .to_string()
                .contains("negative")
        );
        assert!(
            parse_money("1 billion")
                .unwrap_err()
                .to_string()
                .contains("Add a currency")
        );
        assert!(
            parse_money("9999999 trillion USD")
                .unwrap_err()
                .to_string()
                .contains("implausibly large")
        );
        assert!(parse_money("1e400 USD").is_err());
        assert!(
            parse_money("99999999999999999999999999 USD")
                .unwrap_err()
                .to_string()
                .contains("implausibly large")
        );
        assert!(
            parse_money("lots USD")
                .unwrap_err()
                .to_string()
                .contains("not understood")
        );
        assert!(
            parse_money("$5 EUR")
                .unwrap_err()
                .to_string()
                .contains("Two currencies")
        );
        assert!(
            parse_money("0.5 USD")
                .unwrap_err()
                .to_string()
                .contains("whole units")
        );
        assert!(
            parse_money("1,5 billion EUR")
                .unwrap_err()
                .to_string()
                .contains("use a point for decimals")
        );
        assert!(parse_money("12,34,567 INR").is_err());
    }

    fn m(amount: u64, currency: &str) -> Money {
        Money {
            amount,
            currency: currency.into(),
        }
    }

    #[test]
    fn reads_like_a_news_report() {
        assert_eq!(format_money(&m(1_000_000_000, "USD")), "$1 billion");
        assert_eq!(format_money(&m(860_000_000, "EUR")), "€860 million");
        assert_eq!(format_money(&m(2_500_000_000, "USD")), "$2.5 billion");
        assert_eq!(format_money(&m(12_000, "CHF")), "CHF 12,000");
        assert_eq!(format_money(&m(1_234_567, "USD")), "$1,234,567");
        assert_eq!(format_money(&m(0, "USD")), "$0");
    }
}
