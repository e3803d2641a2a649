//! Applying the seat rules: permanent seat, term seat, chair, or none, with the reason in words
//! and what is lacking for a permanent seat. One core, [`decide`], serves the roster (a member's
//! resolved claims) and the quick calculator (a typed pledge and joining date) alike.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use super::dataset::{Dataset, Fact, Money, Property, Role, Status};
use super::date::PartialDate;
use super::index::Index;
use super::money::{MAX_AMOUNT, format_money};
use super::roster::RosterRow;
use super::rules::{Comparison, SeatRules};
use super::validate::is_currency_code;

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
    /// The pledge as given, in its own currency.
    pub pledge: Option<Money>,
    /// The pledge in the threshold's currency, when there is one and a rate for it.
    pub pledged: Option<f64>,
    /// What is lacking for a permanent seat, in the threshold's currency (0 when it has one;
    /// `None` when a pledge cannot be converted).
    pub shortfall: Option<f64>,
    /// Why, as data: put in words only when shown ([`SeatOutcome::reason`]), so that deriving
    /// a seat (every row the as-of date moves) allocates nothing for it.
    pub why: SeatReason,
}

/// Why a member holds the seat it holds, with what the words need beyond the outcome's own
/// fields and the rules.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SeatReason {
    /// Not seated, with the status that says so (`None`: no status reported).
    NotMember(Option<Status>),
    Chair,
    /// The pledge meets the threshold, paid within any window.
    Permanent,
    /// A term, and why the seat is not permanent.
    Term(NotPermanent),
}

/// Why a seated member serves a term rather than holding a permanent seat.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NotPermanent {
    /// No pledge, or one that could not be converted: the pledge's words say which.
    Pledge,
    /// Below the threshold.
    Below,
    /// Exactly the threshold when the rule says "more than".
    NotMore,
    /// Paid on this day (or on an unknown day), after the window closed on `closes`.
    Late {
        paid: Option<PartialDate>,
        closes: NaiveDate,
    },
}

impl SeatOutcome {
    /// The reason in words under `rules` (those the outcome was decided by), e.g. "pledged $1
    /// billion: meets the threshold of at least $1 billion: permanent seat".
    pub fn reason<'a>(&'a self, rules: &'a SeatRules) -> ReasonText<'a> {
        ReasonText {
            outcome: self,
            rules,
        }
    }
}

/// A seat's reason, written out when displayed.
pub struct ReasonText<'a> {
    outcome: &'a SeatOutcome,
    rules: &'a SeatRules,
}

impl fmt::Display for ReasonText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (o, rules) = (self.outcome, self.rules);
        let words = || pledge_words(rules, o.pledge.as_ref(), o.pledged);
        let not_permanent = match o.why {
            SeatReason::NotMember(Some(s)) => {
                return write!(f, "not a member: status is {}", s.label());
            }
            SeatReason::NotMember(None) => return f.write_str("not a member: no status reported"),
            SeatReason::Chair => return f.write_str("chairs the body"),
            SeatReason::Permanent => {
                return write!(
                    f,
                    "{}: meets {}: permanent seat",
                    words(),
                    threshold_words(rules)
                );
            }
            SeatReason::Term(why) => why,
        };
        match not_permanent {
            NotPermanent::Late { paid, closes } => {
                write!(f, "{}, but ", words())?;
                let window = rules.window.as_ref();
                match (paid, window) {
                    (Some(day), Some(w)) => write!(
                        f,
                        "paid {day}, after the window closed on {closes} ({} months after {})",
                        w.months, w.after
                    )?,
                    (Some(day), None) => {
                        write!(f, "paid {day}, after the window closed on {closes}")?
                    }
                    (None, _) => write!(
                        f,
                        "the payment date is unknown and the window closed on {closes}"
                    )?,
                }
            }
            NotPermanent::Below => write!(f, "{}, below {}", words(), threshold_words(rules))?,
            NotPermanent::NotMore => write!(
                f,
                "{}, which does not meet {}",
                words(),
                threshold_words(rules)
            )?,
            NotPermanent::Pledge => f.write_str(&words())?,
        }
        let renew = if rules.chair_can_renew {
            ", renewable by the chair"
        } else {
            ""
        };
        match (rules.term_years, o.term_end) {
            (0, _) => f.write_str(": a term without end"),
            (y, Some(end)) => write!(f, ": {y}-year term ending {end}{renew}"),
            (y, None) => write!(f, ": {y}-year term{renew} (joining date unknown)"),
        }
    }
}

/// What the rules need to know about one member.
#[derive(Clone, Debug, Default)]
pub struct Member<'a> {
    pub status: Option<Status>,
    pub is_chair: bool,
    pub pledge: Option<&'a Money>,
    /// When the pledge was paid (the pledge claim's date), for the payment window.
    pub paid: Option<PartialDate>,
    /// When the member joined: the start of a term.
    pub joined: Option<PartialDate>,
}

/// The properties a seat is decided from: a row whose best claims for these are unchanged keeps
/// its seat (within one revision of the dataset).
pub const SEAT_INPUTS: [Property; 5] = [
    Property::Invited,
    Property::Status,
    Property::Role,
    Property::Pledge,
    Property::Joined,
];

/// The seat an actor holds under `rules`, given its resolved roster row.
pub fn seat(rules: &SeatRules, dataset: &Dataset, index: &Index, row: &RosterRow) -> SeatOutcome {
    decide(rules, &member(dataset, index, row))
}

/// What the rules need to know about the actor of a roster row, from its resolved claims.
pub fn member<'a>(dataset: &'a Dataset, index: &Index, row: &RosterRow) -> Member<'a> {
    let date_of = |p: Property| row.get(p).and_then(|r| index.claim_date(r.best));
    Member {
        status: row.status(dataset),
        is_chair: matches!(
            row.fact(dataset, Property::Role),
            Some(Fact::Role(Role::Chair))
        ),
        pledge: match row.fact(dataset, Property::Pledge) {
            Some(Fact::Pledge(m)) => Some(m),
            _ => None,
        },
        paid: date_of(Property::Pledge),
        // A Joined claim, else the date of the claim that seated the actor.
        joined: match row.fact(dataset, Property::Joined) {
            Some(Fact::Joined(d)) => Some(*d),
            _ => date_of(Property::Status),
        },
    }
}

/// The quick calculator: what a member pledging `pledge`, paid on joining, would get.
/// Refuses amounts no rule can sensibly apply to.
pub fn quick(
    rules: &SeatRules,
    pledge: &Money,
    joined: Option<PartialDate>,
) -> Result<SeatOutcome, String> {
    if !is_currency_code(&pledge.currency) {
        return Err(format!(
            "\"{}\" is not a currency code (three capital letters, like USD).",
            pledge.currency
        ));
    }
    if pledge.amount > MAX_AMOUNT {
        return Err("That amount is implausibly large (over a thousand trillion).".into());
    }
    let member = Member {
        status: Some(Status::Member),
        pledge: Some(pledge),
        paid: joined,
        joined,
        ..Default::default()
    };
    Ok(decide(rules, &member))
}

/// The rules applied to one member.
pub fn decide(rules: &SeatRules, m: &Member) -> SeatOutcome {
    let pledged = m.pledge.and_then(|p| rules.convert(p));
    let shortfall = match (m.pledge, pledged) {
        (Some(_), None) => None,
        _ => Some((rules.threshold.amount as f64 - pledged.unwrap_or(0.0)).max(0.0)),
    };
    let mut outcome = SeatOutcome {
        kind: SeatKind::None,
        term_start: None,
        term_end: None,
        pledge: m.pledge.cloned(),
        pledged,
        shortfall,
        why: SeatReason::NotMember(m.status),
    };
    let seated = m.status.is_some_and(Status::is_seated) || (m.is_chair && m.status.is_none());
    if !seated {
        return outcome;
    }
    if m.is_chair {
        outcome.kind = SeatKind::Chair;
        outcome.why = SeatReason::Chair;
        return outcome;
    }
    outcome.term_start = m.joined;
    let meets = pledged.is_some_and(|amount| rules.meets_threshold(amount));
    let late = if meets {
        outside_window(rules, m.paid)
    } else {
        None
    };
    if meets && late.is_none() {
        outcome.kind = SeatKind::Permanent;
        outcome.shortfall = Some(0.0);
        outcome.why = SeatReason::Permanent;
        return outcome;
    }
    outcome.kind = SeatKind::Term;
    outcome.term_end = m
        .joined
        .filter(|_| rules.term_years > 0)
        .map(|d| d.add_years(rules.term_years));
    outcome.why = SeatReason::Term(match (late, m.pledge, pledged) {
        (Some(late), _, _) => late,
        (None, Some(_), Some(amount)) if amount < rules.threshold.amount as f64 => {
            NotPermanent::Below
        }
        // Exactly the threshold when the rule says "more than".
        (None, Some(_), Some(_)) => NotPermanent::NotMore,
        (None, _, _) => NotPermanent::Pledge,
    });
    outcome
}

/// "no pledge", "pledged $1 billion", "pledged €860 million (= $946 million at 1 EUR = 1.1 USD)".
fn pledge_words(rules: &SeatRules, pledge: Option<&Money>, pledged: Option<f64>) -> String {
    let Some(p) = pledge else {
        return "no pledge".into();
    };
    match pledged {
        _ if p.currency == rules.threshold.currency => format!("pledged {}", format_money(p)),
        Some(amount) => {
            let rate = rules
                .exchange_rates
                .iter()
                .find(|r| r.currency == p.currency)
                .map_or(0.0, |r| r.rate);
            format!(
                "pledged {} (= {} at the rate you set, 1 {} = {} {})",
                format_money(p),
                amount_words(amount, &rules.threshold.currency),
                p.currency,
                rate,
                rules.threshold.currency
            )
        }
        None => format!(
            "pledged {}, but no exchange rate for {} is set",
            format_money(p),
            p.currency
        ),
    }
}

fn threshold_words(rules: &SeatRules) -> String {
    let cmp = match rules.comparison {
        Comparison::AtLeast => "at least",
        Comparison::MoreThan => "more than",
    };
    format!("the threshold of {cmp} {}", format_money(&rules.threshold))
}

/// Why a payment made on `paid` falls outside the rules' window, if it does.
fn outside_window(rules: &SeatRules, paid: Option<PartialDate>) -> Option<NotPermanent> {
    let window = rules.window.as_ref()?;
    let from = window.from?;
    let closes = super::date::add_months(from.first_day(), window.months);
    match paid {
        // A payment known only to the month or year counts from its last possible day.
        Some(day) if day.last_day() <= closes => None,
        paid => Some(NotPermanent::Late { paid, closes }),
    }
}

pub fn amount_words(amount: f64, currency: &str) -> String {
    format_money(&Money {
        amount: amount.round().max(0.0) as u64,
        currency: currency.to_string(),
    })
}

/// Totals over the seated members: funds, seats, and when terms run out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    /// Pledges in the threshold's currency.
    pub pledged: f64,
    /// Pledges that could not be counted for want of an exchange rate.
    pub unconverted: usize,
    pub chair: usize,
    pub permanent: usize,
    pub term: usize,
    /// Terms ending in each year.
    pub expiries: BTreeMap<i32, usize>,
}

pub fn totals<'a>(outcomes: impl IntoIterator<Item = &'a SeatOutcome>) -> Totals {
    let mut t = Totals::default();
    for o in outcomes.into_iter().filter(|o| o.kind != SeatKind::None) {
        t.pledged += o.pledged.unwrap_or(0.0);
        t.unconverted += usize::from(o.pledge.is_some() && o.pledged.is_none());
        match o.kind {
            SeatKind::Chair => t.chair += 1,
            SeatKind::Permanent => t.permanent += 1,
            SeatKind::Term => t.term += 1,
            SeatKind::None => {}
        }
        if let Some(end) = o.term_end {
            *t.expiries.entry(end.year_value()).or_default() += 1;
        }
    }
    t
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
        assert_eq!(
            o.reason(&SeatRules::default()).to_string(),
            "no pledge: 3-year term ending 2029-01-22"
        );
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
        assert_eq!(
            o.reason(&more_than).to_string(),
            "pledged $1 billion, which does not meet the threshold of more than $1 billion: 3-year term ending 2029-01-22"
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
        assert!(
            no_rate
                .reason(&SeatRules::default())
                .to_string()
                .contains("no exchange rate for EUR")
        );
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
        assert_eq!(
            invited.reason(&SeatRules::default()).to_string(),
            "not a member: status is invited"
        );
    }

    fn window_rules() -> SeatRules {
        SeatRules {
            window: Some(crate::model::rules::PaymentWindow {
                months: 12,
                after: "the charter enters into force".into(),
                from: Some("2026-01-22".parse().unwrap()),
            }),
            ..SeatRules::default()
        }
    }

    #[test]
    fn a_payment_outside_the_window_buys_only_a_term() {
        let pledge = Money {
            amount: 2_000_000_000,
            currency: "USD".into(),
        };
        let rules = window_rules();
        let inside = quick(&rules, &pledge, Some("2027-01-22".parse().unwrap())).unwrap();
        assert_eq!(inside.kind, SeatKind::Permanent);
        let late = quick(&rules, &pledge, Some("2027-01-23".parse().unwrap())).unwrap();
        assert_eq!(late.kind, SeatKind::Term);
        assert!(late.reason(&rules).to_string().contains("after the window closed on 2027-01-22 (12 months after the charter enters into force)"), "{}", late.reason(&rules));
        // Known only to the month: January 2027 may be after the 22nd, so it is not proven inside.
        let vague = quick(&rules, &pledge, Some("2027-01".parse().unwrap())).unwrap();
        assert_eq!(vague.kind, SeatKind::Term);
        let unknown = quick(&rules, &pledge, None).unwrap();
        assert!(
            unknown
                .reason(&rules)
                .to_string()
                .contains("payment date is unknown"),
            "{}",
            unknown.reason(&rules)
        );
    }

    #[test]
    fn the_quick_answer_reads_like_the_issue_example() {
        let rules = SeatRules {
            exchange_rates: vec![ExchangeRate {
                currency: "EUR".into(),
                rate: 1.1,
            }],
            ..SeatRules::default()
        };
        let eur = Money {
            amount: 860_000_000,
            currency: "EUR".into(),
        };
        let o = quick(&rules, &eur, Some("2026-01-22".parse().unwrap())).unwrap();
        assert_eq!(o.kind, SeatKind::Term);
        assert_eq!(
            o.reason(&rules).to_string(),
            "pledged €860 million (= $946 million at the rate you set, 1 EUR = 1.1 USD), below the threshold of at least $1 billion: 3-year term ending 2029-01-22"
        );
        assert_eq!(o.shortfall.map(|s| s.round()), Some(54_000_000.0));
    }

    #[test]
    fn a_leap_day_joiner_serves_to_the_28th_of_february() {
        let o = quick(
            &SeatRules::default(),
            &Money {
                amount: 0,
                currency: "USD".into(),
            },
            Some("2028-02-29".parse().unwrap()),
        )
        .unwrap();
        assert_eq!(o.term_end, Some("2031-02-28".parse().unwrap()));
        let four = SeatRules {
            term_years: 4,
            ..SeatRules::default()
        };
        let o = quick(
            &four,
            &Money {
                amount: 0,
                currency: "USD".into(),
            },
            Some("2028-02-29".parse().unwrap()),
        )
        .unwrap();
        assert_eq!(o.term_end, Some("2032-02-29".parse().unwrap()));
    }

    #[test]
    fn renewal_and_endless_terms_are_said() {
        let renew = SeatRules {
            chair_can_renew: true,
            ..SeatRules::default()
        };
        let o = outcome(vec![Fact::Status(Status::Member)], &renew);
        assert!(
            o.reason(&renew)
                .to_string()
                .ends_with("3-year term ending 2029-01-22, renewable by the chair"),
            "{}",
            o.reason(&renew)
        );
        let endless = SeatRules {
            term_years: 0,
            ..SeatRules::default()
        };
        let o = outcome(vec![Fact::Status(Status::Member)], &endless);
        assert_eq!(o.term_end, None);
        assert!(
            o.reason(&endless)
                .to_string()
                .ends_with("a term without end")
        );
    }

    #[test]
    fn absurd_or_malformed_amounts_are_refused() {
        let rules = SeatRules::default();
        let huge = Money {
            amount: u64::MAX,
            currency: "USD".into(),
        };
        assert!(
            quick(&rules, &huge, None)
                .unwrap_err()
                .contains("implausibly large")
        );
        let bad = Money {
            amount: 5,
            currency: "dollars".into(),
        };
        assert!(
            quick(&rules, &bad, None)
                .unwrap_err()
                .contains("not a currency code")
        );
    }

    #[test]
    fn totals_count_seats_funds_and_expiries() {
        let rules = SeatRules::default();
        let usd = |amount| Money {
            amount,
            currency: "USD".into(),
        };
        let chf = Money {
            amount: 5,
            currency: "CHF".into(),
        };
        let outcomes = [
            quick(
                &rules,
                &usd(1_000_000_000),
                Some("2026-01-22".parse().unwrap()),
            )
            .unwrap(),
            quick(
                &rules,
                &usd(200_000_000),
                Some("2026-01-22".parse().unwrap()),
            )
            .unwrap(),
            quick(&rules, &usd(0), Some("2027-06-01".parse().unwrap())).unwrap(),
            quick(&rules, &chf, Some("2027-06-01".parse().unwrap())).unwrap(),
        ];
        let t = totals(&outcomes);
        assert_eq!((t.permanent, t.term, t.chair), (1, 3, 0));
        assert_eq!(t.pledged, 1_200_000_000.0);
        assert_eq!(t.unconverted, 1);
        assert_eq!(t.expiries.get(&2029), Some(&1));
        assert_eq!(t.expiries.get(&2030), Some(&2));
    }
}
