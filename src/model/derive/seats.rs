//! Applying the seat rules: permanent seat, term seat, chair, or none, with the reason in words
//! and what is lacking for a permanent seat. One core, [`decide`], serves the roster (a member's
//! resolved claims) and the quick calculator (a typed pledge and joining date) alike.
//!
//! Seats are held by states and organisations. A person who represents one speaks for it: their
//! acceptance counts for it when it has none of its own ("via Netanyahu"), never as a second
//! seat. A person who represents no member is a member without a seat; the chair is its own
//! case. Terms start at the body's entry into force, or at the member's joining if later, and
//! the payment window counts from entry into force.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use super::index::Index;
use super::roster::RosterRow;
use super::speakers::Speakers;
use crate::model::data::dataset::{Dataset, Fact, Money, Property, Role, Status};
use crate::model::data::date::PartialDate;
use crate::model::data::money::{MAX_AMOUNT, format_money};
use crate::model::rules::validate::is_currency_code;
use crate::model::rules::{Comparison, SeatRules};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SeatKind {
    Chair,
    Permanent,
    Term,
    /// A member of the board who holds no seat: a person representing no member state or
    /// organisation (Blair, Kushner).
    Seatless,
    None,
}

impl SeatKind {
    pub fn label(self) -> &'static str {
        match self {
            SeatKind::Chair => "chair",
            SeatKind::Permanent => "permanent",
            SeatKind::Term => "term",
            SeatKind::Seatless => "no seat",
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
    /// The person whose acceptance or signature counts for this state or organisation, which
    /// reported none of its own ("via Netanyahu"), with that status.
    pub via: Option<(String, Status)>,
}

/// Why a member holds the seat it holds, with what the words need beyond the outcome's own
/// fields and the rules.
#[derive(Clone, Debug, PartialEq)]
pub enum SeatReason {
    /// Not seated, with the status that says so (`None`: no status reported).
    NotMember(Option<Status>),
    Chair,
    /// The pledge meets the threshold, paid within any window.
    Permanent,
    /// A term, and why the seat is not permanent.
    Term(NotPermanent),
    /// A person on the body who represents no member state or organisation.
    Seatless,
    /// A person who speaks for this member (named): their word counts toward its seat.
    SpeaksFor(String),
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
    /// No seat, nothing known: a placeholder until the seat is decided.
    pub fn none() -> SeatOutcome {
        SeatOutcome {
            kind: SeatKind::None,
            term_start: None,
            term_end: None,
            pledge: None,
            pledged: None,
            shortfall: None,
            why: SeatReason::NotMember(None),
            via: None,
        }
    }

    /// Whether a shortfall means anything for this actor: the chair, a person without a seat of
    /// their own and a person who speaks for a member can never buy a permanent seat, so what
    /// they "lack" for one is beside the point.
    pub fn shortfall_applies(&self) -> bool {
        !matches!(
            self.why,
            SeatReason::Chair | SeatReason::Seatless | SeatReason::SpeaksFor(_)
        )
    }

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
        if let Some((name, status)) = &o.via {
            write!(f, "via {name} ({}): ", status.label())?;
        }
        let not_permanent = match &o.why {
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
            SeatReason::Seatless => {
                return f.write_str(
                    "member without a seat: represents no member state or organisation",
                );
            }
            SeatReason::SpeaksFor(name) => {
                return write!(
                    f,
                    "speaks for {name}: counts toward {name}'s seat, not a seat of their own"
                );
            }
            SeatReason::Term(why) => *why,
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
    /// When the member joined: the start of a term, unless the body's entry into force is
    /// later.
    pub joined: Option<PartialDate>,
    /// When the body's charter entered into force: terms start then at the earliest, and the
    /// payment window counts from it (unless the rules give the window its own start).
    pub in_force: Option<PartialDate>,
}

/// What a seat is decided with besides the member's own row: the body's rules and entry into
/// force, who speaks for whom, and the other rows (one per actor, in actor order).
#[derive(Clone, Copy, Debug)]
pub struct SeatContext<'a> {
    pub rules: &'a SeatRules,
    pub in_force: Option<PartialDate>,
    pub speakers: &'a Speakers,
    pub rows: &'a [RosterRow],
}

/// The properties a seat is decided from: a row whose best claims for these are unchanged keeps
/// its seat (within one revision of the dataset).
pub const SEAT_INPUTS: [Property; 6] = [
    Property::Invited,
    Property::Status,
    Property::Role,
    Property::Pledge,
    Property::Joined,
    Property::Represents,
];

/// The seat the actor of `row` holds, given its resolved row and the rest of the body.
pub fn seat(ctx: &SeatContext, d: &Dataset, index: &Index, row: &RosterRow) -> SeatOutcome {
    seat_what_if(ctx, d, index, row, None)
}

/// [`seat`] with a pledge tried instead of the claimed one (paid on joining): the Seats tab's
/// what-if, under the same rules of who holds a seat.
pub fn seat_what_if(
    ctx: &SeatContext,
    d: &Dataset,
    index: &Index,
    row: &RosterRow,
    pledge: Option<&Money>,
) -> SeatOutcome {
    let mut m = member(d, index, row);
    m.in_force = ctx.in_force;
    if let Some(p) = pledge {
        m.pledge = Some(p);
        m.paid = m.joined;
    }
    if m.is_chair {
        return decide(ctx.rules, &m);
    }
    if let Some(member) = ctx.speakers.speaks_for(row.actor) {
        let mut outcome = decide(ctx.rules, &m);
        if outcome.kind != SeatKind::None {
            let name = &d.actors[member].name;
            outcome = SeatOutcome {
                kind: SeatKind::None,
                term_start: None,
                term_end: None,
                why: SeatReason::SpeaksFor(name.clone()),
                ..outcome
            };
        }
        return outcome;
    }
    if !super::speakers::holds_seats(d.actors[row.actor].kind) {
        let mut outcome = decide(ctx.rules, &m);
        if outcome.kind != SeatKind::None {
            outcome.kind = SeatKind::Seatless;
            (outcome.term_start, outcome.term_end) = (None, None);
            outcome.why = SeatReason::Seatless;
        }
        return outcome;
    }
    // A state or organisation: its own word first, else the most advanced word of those who
    // speak for it.
    let mut via = None;
    if !m.status.is_some_and(Status::is_seated) {
        let best = ctx
            .speakers
            .speakers(row.actor)
            .iter()
            .filter_map(|&p| {
                let r = ctx.rows.get(p).filter(|r| r.actor == p)?;
                let status = r.status(d).filter(|s| s.is_seated())?;
                Some((status_order(status), p, r))
            })
            .max_by_key(|&(order, p, _)| (order, std::cmp::Reverse(p)));
        if let Some((_, p, r)) = best {
            let theirs = member(d, index, r);
            m.status = theirs.status;
            m.joined = m.joined.or(theirs.joined);
            via = Some(d.actors[p].name.clone());
        }
    }
    let mut outcome = decide(ctx.rules, &m);
    outcome.via = via.zip(m.status);
    outcome
}

/// How far along a seated status is: a signature outweighs an acceptance.
fn status_order(s: Status) -> u8 {
    match s {
        Status::Signed => 3,
        Status::Member => 2,
        Status::Accepted => 1,
        _ => 0,
    }
}

/// Every row's seat (rows one per actor, in actor order), with who speaks for whom.
pub fn seats(
    rules: &SeatRules,
    in_force: Option<PartialDate>,
    d: &Dataset,
    index: &Index,
    rows: &[RosterRow],
) -> (Speakers, Vec<SeatOutcome>) {
    let speakers = Speakers::build(d, index, rows);
    let ctx = SeatContext {
        rules,
        in_force,
        speakers: &speakers,
        rows,
    };
    let outcomes = rows.iter().map(|row| seat(&ctx, d, index, row)).collect();
    (speakers, outcomes)
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
        in_force: None,
    }
}

/// When the actor of `row` joined the body whose seat under its rules is `seat`: as the
/// sources date the joining, else, for a member, the start of the seat's term, else the day of
/// the claim that made it a member (as the seat rules count it). The one answer the roster's
/// Joined column, the reports and the open-data exports give.
pub fn joined(
    dataset: &Dataset,
    index: &Index,
    row: &RosterRow,
    seat: &SeatOutcome,
) -> Option<PartialDate> {
    match row.fact(dataset, Property::Joined) {
        Some(Fact::Joined(day)) => Some(*day),
        _ if !seat.is_member() => None,
        _ => seat
            .term_start
            .or_else(|| member(dataset, index, row).joined),
    }
}

impl SeatOutcome {
    /// Whether the actor is a member of the body: one who holds a seat, sits without one, or
    /// speaks for a member (Netanyahu for Israel). A membership is not a seat: the person who
    /// speaks for a state is on the body though the seat is the state's.
    pub fn is_member(&self) -> bool {
        self.kind != SeatKind::None || matches!(self.why, SeatReason::SpeaksFor(_))
    }
}

/// Why the quick calculator refuses an amount.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuickError {
    #[error("\"{0}\" is not a currency code (three capital letters, like USD).")]
    NotACurrency(String),
    #[error("That amount is implausibly large (over a thousand trillion).")]
    TooLarge,
}

/// The quick calculator: what a member pledging `pledge`, paid on joining, would get.
/// Refuses amounts no rule can sensibly apply to.
pub fn quick(
    rules: &SeatRules,
    pledge: &Money,
    joined: Option<PartialDate>,
) -> Result<SeatOutcome, QuickError> {
    quick_in_force(rules, pledge, joined, None)
}

/// [`quick`] for a body whose charter entered into force on `in_force`: the term starts then
/// at the earliest, and the payment window counts from it.
pub fn quick_in_force(
    rules: &SeatRules,
    pledge: &Money,
    joined: Option<PartialDate>,
    in_force: Option<PartialDate>,
) -> Result<SeatOutcome, QuickError> {
    if !is_currency_code(&pledge.currency) {
        return Err(QuickError::NotACurrency(pledge.currency.clone()));
    }
    if pledge.amount > MAX_AMOUNT {
        return Err(QuickError::TooLarge);
    }
    let member = Member {
        status: Some(Status::Member),
        pledge: Some(pledge),
        paid: joined,
        joined,
        in_force,
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
        via: None,
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
    // A term runs from entry into force, or from joining if that was later.
    let start = match (m.joined, m.in_force) {
        (Some(j), Some(f)) if j.first_day() > f.first_day() => Some(j),
        (j, f) => f.or(j),
    };
    outcome.term_start = start;
    let meets = pledged.is_some_and(|amount| rules.meets_threshold(amount));
    let late = if meets {
        outside_window(rules, m.paid, m.in_force)
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
    outcome.term_end = start
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
fn outside_window(
    rules: &SeatRules,
    paid: Option<PartialDate>,
    in_force: Option<PartialDate>,
) -> Option<NotPermanent> {
    let window = rules.window.as_ref()?;
    // A start the editor gave the window wins; else it runs from entry into force.
    let from = window.from.or(in_force)?;
    let closes = crate::model::data::date::add_months(from.first_day(), window.months);
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

/// Totals over the seated members: funds, seats, and when terms run out. Its `Display` is the
/// one totals sentence that the Seats panel, the `seats` command and the Markdown and HTML
/// reports all show: "0 permanent, 0 term, 1 chair, 4 without a seat; $0 pledged".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    /// Pledges in the threshold's currency.
    pub pledged: f64,
    /// The threshold's currency, that of `pledged`.
    pub currency: String,
    /// Pledges that could not be counted for want of an exchange rate.
    pub unconverted: usize,
    pub chair: usize,
    pub permanent: usize,
    pub term: usize,
    /// Members without a seat of their own.
    pub seatless: usize,
    /// Terms ending in each year.
    pub expiries: BTreeMap<i32, usize>,
}

/// The totals of `outcomes` decided under rules whose threshold is in `currency`.
pub fn totals<'a>(outcomes: impl IntoIterator<Item = &'a SeatOutcome>, currency: &str) -> Totals {
    let mut t = Totals {
        currency: currency.to_string(),
        ..Totals::default()
    };
    for o in outcomes.into_iter().filter(|o| o.kind != SeatKind::None) {
        t.pledged += o.pledged.unwrap_or(0.0);
        t.unconverted += usize::from(o.pledge.is_some() && o.pledged.is_none());
        match o.kind {
            SeatKind::Chair => t.chair += 1,
            SeatKind::Permanent => t.permanent += 1,
            SeatKind::Term => t.term += 1,
            SeatKind::Seatless => t.seatless += 1,
            SeatKind::None => {}
        }
        if let Some(end) = o.term_end {
            *t.expiries.entry(end.year_value()).or_default() += 1;
        }
    }
    t
}

impl fmt::Display for Totals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} permanent, {} term, {} chair, {} without a seat; {} pledged",
            self.permanent,
            self.term,
            self.chair,
            self.seatless,
            amount_words(self.pledged, &self.currency)
        )?;
        match self.unconverted {
            0 => Ok(()),
            1 => write!(f, " (and 1 pledge without an exchange rate)"),
            n => write!(f, " (and {n} pledges without an exchange rate)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
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
        seats(rules, None, &d, &index, &r.rows).1.remove(0)
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
                .to_string()
                .contains("implausibly large")
        );
        let bad = Money {
            amount: 5,
            currency: "dollars".into(),
        };
        assert!(
            quick(&rules, &bad, None)
                .unwrap_err()
                .to_string()
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
        let t = totals(&outcomes, "USD");
        assert_eq!((t.permanent, t.term, t.chair), (1, 3, 0));
        assert_eq!(t.pledged, 1_200_000_000.0);
        assert_eq!(t.unconverted, 1);
        assert_eq!(t.expiries.get(&2029), Some(&1));
        assert_eq!(t.expiries.get(&2030), Some(&2));
        assert_eq!(
            t.to_string(),
            "1 permanent, 3 term, 0 chair, 0 without a seat; $1.2 billion pledged \
             (and 1 pledge without an exchange rate)"
        );
    }

    /// Israel, Netanyahu who represents it, Blair who represents no one, Trump in the chair.
    fn board(facts: &[(&str, Fact)]) -> (Dataset, Index, Vec<SeatOutcome>) {
        let mut b = DatasetBuilder::new("Board")
            .actor("israel", "Israel", ActorKind::State)
            .actor("netanyahu", "Benjamin Netanyahu", ActorKind::Person)
            .actor("blair", "Tony Blair", ActorKind::Person)
            .actor("trump", "Donald Trump", ActorKind::Person)
            .source("s", "Outlet", Some("2026-01-21"), "text")
            .claim(
                "netanyahu",
                Fact::Represents("israel".into()),
                "s",
                None,
                None,
            );
        for (who, fact) in facts {
            b = b.claim(who, fact.clone(), "s", None, None);
        }
        let d = b.build();
        let index = Index::build(&d);
        let r = roster(&d, &index, None);
        let (_, outcomes) = seats(&SeatRules::default(), None, &d, &index, &r.rows);
        (d, index, outcomes)
    }

    #[test]
    fn a_representatives_acceptance_seats_the_state_once_via_them() {
        let (_, _, o) = board(&[("netanyahu", Fact::Status(Status::Accepted))]);
        assert_eq!(
            o[0].kind,
            SeatKind::Term,
            "{}",
            o[0].reason(&SeatRules::default())
        );
        assert_eq!(
            o[0].via.as_ref().map(|(name, _)| name.as_str()),
            Some("Benjamin Netanyahu")
        );
        assert!(
            o[0].reason(&SeatRules::default())
                .to_string()
                .starts_with("via Benjamin Netanyahu (accepted): "),
            "{}",
            o[0].reason(&SeatRules::default()).to_string()
        );
        assert_eq!(o[0].term_start, Some("2026-01-21".parse().unwrap()));
        // Never a second seat: the person who speaks for Israel holds none.
        assert_eq!(o[1].kind, SeatKind::None);
        assert!(
            o[1].reason(&SeatRules::default())
                .to_string()
                .starts_with("speaks for Israel"),
            "{}",
            o[1].reason(&SeatRules::default()).to_string()
        );
        let held = o
            .iter()
            .filter(|o| matches!(o.kind, SeatKind::Term | SeatKind::Permanent));
        assert_eq!(held.count(), 1);
    }

    #[test]
    fn a_states_own_word_comes_first() {
        let (_, _, o) = board(&[
            ("israel", Fact::Status(Status::Signed)),
            ("netanyahu", Fact::Status(Status::Accepted)),
        ]);
        assert_eq!(o[0].kind, SeatKind::Term);
        assert_eq!(o[0].via, None);
        assert_eq!(o[1].kind, SeatKind::None);
        // Invited, and nobody accepted for it: no seat.
        let (_, _, o) = board(&[("israel", Fact::Status(Status::Invited))]);
        assert_eq!(o[0].kind, SeatKind::None, "nobody accepted");
    }

    #[test]
    fn a_person_representing_no_member_is_a_member_without_a_seat() {
        let (_, _, o) = board(&[
            ("blair", Fact::Status(Status::Member)),
            ("blair", usd(2_000_000_000)),
        ]);
        assert_eq!(o[2].kind, SeatKind::Seatless);
        assert_eq!(o[2].term_end, None);
        assert!(
            o[2].reason(&SeatRules::default())
                .to_string()
                .contains("represents no member"),
            "{}",
            o[2].reason(&SeatRules::default()).to_string()
        );
        let t = totals(&o, "USD");
        assert_eq!((t.seatless, t.term, t.permanent), (1, 0, 0));
    }

    #[test]
    fn the_chair_is_its_own_case_whatever_they_represent() {
        let (_, _, o) = board(&[
            ("trump", Fact::Role(crate::model::Role::Chair)),
            ("trump", Fact::Status(Status::Member)),
        ]);
        assert_eq!(o[3].kind, SeatKind::Chair);
    }

    #[test]
    fn terms_start_at_entry_into_force_or_a_later_joining() {
        let in_force: PartialDate = "2026-01-22".parse().unwrap();
        let early = Member {
            status: Some(Status::Member),
            joined: Some("2026-01-19".parse().unwrap()),
            in_force: Some(in_force),
            ..Default::default()
        };
        let o = decide(&SeatRules::default(), &early);
        assert_eq!(o.term_start, Some(in_force));
        assert_eq!(o.term_end, Some("2029-01-22".parse().unwrap()));
        let late = Member {
            joined: Some("2026-03-01".parse().unwrap()),
            ..early.clone()
        };
        let o = decide(&SeatRules::default(), &late);
        assert_eq!(o.term_end, Some("2029-03-01".parse().unwrap()));
        let unknown_joining = Member {
            joined: None,
            ..early
        };
        assert_eq!(
            decide(&SeatRules::default(), &unknown_joining).term_start,
            Some(in_force)
        );
    }

    #[test]
    fn the_payment_window_counts_from_entry_into_force() {
        let rules = SeatRules {
            window: Some(crate::model::rules::PaymentWindow {
                months: 12,
                after: "the Charter's entry into force".into(),
                from: None,
            }),
            ..SeatRules::default()
        };
        let pledge = Money {
            amount: 1_000_000_000,
            currency: "USD".into(),
        };
        let m = |paid: &str| Member {
            status: Some(Status::Member),
            pledge: Some(&pledge),
            paid: Some(paid.parse().unwrap()),
            joined: Some("2026-01-22".parse().unwrap()),
            in_force: Some("2026-02-01".parse().unwrap()),
            ..Default::default()
        };
        assert_eq!(decide(&rules, &m("2027-02-01")).kind, SeatKind::Permanent);
        let late = decide(&rules, &m("2027-02-02"));
        assert_eq!(late.kind, SeatKind::Term);
        assert!(
            late.reason(&rules)
                .to_string()
                .contains("window closed on 2027-02-01"),
            "{}",
            late.reason(&rules).to_string()
        );
        // Without a date of entry into force (nor one set in the rules) the window cannot be
        // placed, and so does not bar the seat.
        let unplaced = Member {
            in_force: None,
            ..m("2026-03-01")
        };
        assert_eq!(decide(&rules, &unplaced).kind, SeatKind::Permanent);
    }
}
