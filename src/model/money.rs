//! Amounts of money in words people read: "$1 billion", "€860 million".

use super::dataset::Money;

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

#[cfg(test)]
mod tests {
    use super::*;

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
