//! Applying the seat rules to a roster row: permanent seat, term seat, chair, or none, with the
//! reason in words and what is lacking for a permanent seat.

use super::dataset::{Dataset, Fact, Money, Property, Role};
use super::date::PartialDate;
use super::index::Index;
use super::money::format_money;
use super::roster::{RosterRow, effective_date};
use super::rules::{Comparison, SeatRules};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SeatKind {
    Chair,
    Permanent,
    Term,
    None,
}

impl SeatKind {
    pub fn label(self) -> &'static str {
        match self {
            SeatKind::Chair => "chair",
            SeatKind::Permanent => "permanent",
            SeatKind::Term => "term",
            SeatKind::None => "—",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeatOutcome {
    pub kind: SeatKind,
    pub term_start: Option<PartialDate>,
    pub term_end: Option<PartialDate>,
    /// The pledge in the threshold's currency, when there is one and a rate for it.
    pub pledged: Option<f64>,
    /// What is lacking for a permanent seat, in the threshold's currency (0 when it has one).
    pub shortfall: Option<f64>,
    pub reason: String,
}

/// The seat an actor holds under `rules`, given its resolved roster row.
pub fn seat(rules: &SeatRules, dataset: &Dataset, index: &Index, row: &RosterRow) -> SeatOutcome {
    let status = row.status(dataset);
    let is_chair = matches!(
        row.fact(dataset, Property::Role),
        Some(Fact::Role(Role::Chair))
    );
    let pledge = match row.fact(dataset, Property::Pledge) {
        Some(Fact::Pledge(m)) => Some(m),
        _ => None,
    };
    let pledged = pledge.and_then(|m| rules.convert(m));
    let shortfall = if pledge.is_some() && pledged.is_none() {
        None
    } else {
        Some((rules.threshold.amount as f64 - pledged.unwrap_or(0.0)).max(0.0))
    };
    let seated = status.is_some_and(|s| s.is_seated()) || (is_chair && status.is_none());
    let none = |reason: String| SeatOutcome {
        kind: SeatKind::None,
        term_start: None,
        term_end: None,
        pledged,
        shortfall,
        reason,
    };
    if !seated {
        return none(match status {
            Some(s) => format!("not a member: status is {}", s.label()),
            None => "not a member: no status reported".into(),
        });
    }
    if is_chair {
        return SeatOutcome {
            kind: SeatKind::Chair,
            term_start: None,
            term_end: None,
            pledged,
            shortfall,
            reason: "chairs the body".into(),
        };
    }
    let joined = joined_date(dataset, index, row);
    let mut late = None;
    if let (Some(m), Some(amount)) = (pledge, pledged) {
        if rules.meets_threshold(amount) {
            let paid = row
                .get(Property::Pledge)
                .and_then(|r| effective_date(dataset, index, &dataset.claims[r.best]));
            late = outside_window(rules, paid);
            if late.is_none() {
                return SeatOutcome {
                    kind: SeatKind::Permanent,
                    term_start: joined,
                    term_end: None,
                    pledged,
                    shortfall: Some(0.0),
                    reason: format!("pledged {}, {}", format_money(m), threshold_words(rules)),
                };
            }
        }
    }
    let mut outcome = term(rules, joined, pledge, pledged, shortfall);
    if let Some(late) = late {
        outcome.reason = format!("{late}: {}", outcome.reason);
    }
    outcome
}

fn term(
    rules: &SeatRules,
    joined: Option<PartialDate>,
    pledge: Option<&Money>,
    pledged: Option<f64>,
    shortfall: Option<f64>,
) -> SeatOutcome {
    let term_end = joined
        .filter(|_| rules.term_years > 0)
        .map(|d| d.add_years(rules.term_years));
    let why = match (pledge, pledged) {
        (None, _) => "no pledge".to_string(),
        (Some(m), None) => format!(
            "pledged {} but no exchange rate for {}",
            format_money(m),
            m.currency
        ),
        (Some(m), Some(amount)) if rules.meets_threshold(amount) => {
            format!("pledged {}", format_money(m))
        }
        (Some(m), Some(_)) => format!(
            "pledged {}, below {}",
            format_money(m),
            threshold_words(rules)
        ),
    };
    let length = match (rules.term_years, term_end) {
        (0, _) => "a term without end".to_string(),
        (y, Some(end)) => format!("{y}-year term ending {end}"),
        (y, None) => format!("{y}-year term (joining date unknown)"),
    };
    SeatOutcome {
        kind: SeatKind::Term,
        term_start: joined,
        term_end,
        pledged,
        shortfall,
        reason: format!("{why}: {length}"),
    }
}

fn threshold_words(rules: &SeatRules) -> String {
    let cmp = match rules.comparison {
        Comparison::AtLeast => "at least",
        Comparison::MoreThan => "more than",
    };
    format!("the threshold is {cmp} {}", format_money(&rules.threshold))
}

/// Why a payment made on `paid` falls outside the rules' window, if it does.
fn outside_window(rules: &SeatRules, paid: Option<PartialDate>) -> Option<String> {
    let window = rules.window.as_ref()?;
    let from = window.from?;
    let closes = from.first_day() + chrono::Months::new(window.months);
    match paid {
        Some(day) if day.first_day() <= closes => None,
        Some(day) => Some(format!(
            "paid {day}, after the window closed on {closes} ({} months after {})",
            window.months, window.after
        )),
        None => Some(format!(
            "payment date unknown; the window closed on {closes}"
        )),
    }
}

/// When the actor joined: a `Joined` claim, else the date of the claim that seated it.
fn joined_date(dataset: &Dataset, index: &Index, row: &RosterRow) -> Option<PartialDate> {
    if let Some(Fact::Joined(d)) = row.fact(dataset, Property::Joined) {
        return Some(*d);
    }
    row.get(Property::Status)
        .and_then(|r| effective_date(dataset, index, &dataset.claims[r.best]))
}

pub fn amount_words(amount: f64, currency: &str) -> String {
    format_money(&Money {
        amount: amount.round().max(0.0) as u64,
        currency: currency.to_string(),
    })
}
