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
    if let (Some(m), Some(amount)) = (pledge, pledged)
        && rules.meets_threshold(amount)
    {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::builder::DatasetBuilder;
    use crate::model::rules::ExchangeRate;
    use crate::model::{ActorKind, Status, roster};

    fn outcome(facts: Vec<Fact>, rules: &SeatRules) -> SeatOutcome {
        let mut b = DatasetBuilder::new("Board")
            .actor("x", "X", ActorKind::State)
            .source("s", "Outlet", Some("2026-01-22"), "text");
        for f in facts {
            b = b.claim("x", f, "s", None, None);
        }
        let d = b.build();
        let index = Index::build(&d);
        let r = roster(&d, &index, None);
        seat(rules, &d, &index, &r.rows[0])
    }

    fn usd(amount: u64) -> Fact {
        Fact::Pledge(Money {
            amount,
            currency: "USD".into(),
        })
    }

    #[test]
    fn a_member_without_pledge_serves_a_term_from_joining() {
        let o = outcome(vec![Fact::Status(Status::Member)], &SeatRules::default());
        assert_eq!(o.kind, SeatKind::Term);
        assert_eq!(o.term_end, Some("2029-01-22".parse().unwrap()));
        assert_eq!(o.shortfall, Some(1e9));
        assert_eq!(o.reason, "no pledge: 3-year term ending 2029-01-22");
    }

    #[test]
    fn exactly_the_threshold_depends_on_the_reading() {
        let member = || vec![Fact::Status(Status::Member), usd(1_000_000_000)];
        let at_least = SeatRules::default();
        assert_eq!(outcome(member(), &at_least).kind, SeatKind::Permanent);
        let more_than = SeatRules {
            comparison: Comparison::MoreThan,
            ..SeatRules::default()
        };
        let o = outcome(member(), &more_than);
        assert_eq!(o.kind, SeatKind::Term);
        assert!(
            o.reason
                .contains("below the threshold is more than $1 billion"),
            "{}",
            o.reason
        );
    }

    #[test]
    fn other_currencies_convert_at_the_rate_set() {
        let eur = Fact::Pledge(Money {
            amount: 900_000_000,
            currency: "EUR".into(),
        });
        let no_rate = outcome(
            vec![Fact::Status(Status::Member), eur.clone()],
            &SeatRules::default(),
        );
        assert_eq!(no_rate.kind, SeatKind::Term);
        assert!(no_rate.reason.contains("no exchange rate for EUR"));
        let rules = SeatRules {
            exchange_rates: vec![ExchangeRate {
                currency: "EUR".into(),
                rate: 1.2,
            }],
            ..SeatRules::default()
        };
        let o = outcome(vec![Fact::Status(Status::Member), eur], &rules);
        assert_eq!(o.kind, SeatKind::Permanent);
        assert_eq!(o.pledged, Some(1.08e9));
    }

    #[test]
    fn the_chair_and_non_members() {
        let chair = outcome(
            vec![Fact::Role(crate::model::Role::Chair)],
            &SeatRules::default(),
        );
        assert_eq!(chair.kind, SeatKind::Chair);
        let invited = outcome(
            vec![Fact::Invited(true), usd(5_000_000_000)],
            &SeatRules::default(),
        );
        assert_eq!(invited.kind, SeatKind::None);
        assert_eq!(invited.reason, "not a member: status is invited");
    }
}
