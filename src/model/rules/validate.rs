//! Checks a dataset's integrity: ids unique and non-empty, names present, every reference
//! resolving. Errors make a file unusable; warnings (an orphaned quote, an edited text) are
//! reported but nothing is dropped.

use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt;

use crate::model::data::dataset::{Dataset, EDITORS_NOTE, Fact, Subject};
use crate::model::data::money::MAX_AMOUNT;
use crate::model::text::content_hash;
use crate::model::text::quote::Anchor;
use crate::model::text::quote_words::{NotPlaced, missing_message, not_placed, place};

/// The longest term a body's rules may set; a century is already generous.
pub const MAX_TERM_YEARS: u32 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// The id of the record at fault, so a caller can point at its place in a file.
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn error(&mut self, id: &str, message: String) {
        self.push(Severity::Error, id, message);
    }

    fn warn(&mut self, id: &str, message: String) {
        self.push(Severity::Warning, id, message);
    }

    fn push(&mut self, severity: Severity, id: &str, message: String) {
        self.problems.push(Problem {
            severity,
            id: (!id.is_empty()).then(|| id.to_string()),
            message,
        });
    }

    /// Ids must be non-empty and unique within their kind.
    /// A fast (non-keyed) hasher: a million claim ids pass through here on every load, and
    /// the keys are the file's own ids, not an attacker's choice of collisions that matters.
    fn ids<'a>(&mut self, kind: &str, ids: impl Iterator<Item = &'a str>) -> FxHashSet<&'a str> {
        let mut seen = FxHashSet::with_capacity_and_hasher(ids.size_hint().0, Default::default());
        for (n, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.error("", format!("{kind} number {} has an empty id", n + 1));
            } else if !seen.insert(id) {
                self.error(id, format!("{kind} id \"{id}\" is used more than once"));
            }
        }
        seen
    }
}

/// Every problem found, errors first.
///
/// On a large dataset two passes over the claims that need nothing else (their ids' being
/// unique, their values) run on other cores while this one does the rest: each takes a tenth
/// of a second for a million claims. Their problems are put where one thread finds them.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let claim_ids = || {
        let mut c = Checker::default();
        c.ids("claim", d.claims.iter().map(|x| x.id.as_str()));
        c.problems
    };
    let values = || super::validate_values::value_problems(d);
    let (mut problems, claim_ids, rest, values) = if d.claims.len() < PARALLEL_CLAIMS {
        let (first, rest) = checked(d);
        (first, claim_ids(), rest, values())
    } else {
        std::thread::scope(|scope| {
            let claim_ids = scope.spawn(claim_ids);
            let values = scope.spawn(values);
            let (first, rest) = checked(d);
            let joined = |t: std::thread::ScopedJoinHandle<'_, Vec<Problem>>| {
                t.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
            };
            (first, joined(claim_ids), rest, joined(values))
        })
    };
    problems.extend(claim_ids);
    problems.extend(rest);
    problems.extend(values);
    problems.sort_by_key(|p| std::cmp::Reverse(p.severity));
    problems
}

/// From this many claims on, [`validate`] runs its passes over the claims at once.
const PARALLEL_CLAIMS: usize = 20_000;

/// The problems of the ids of the bodies, actors and sources, and then those of everything
/// else but the claims' ids and values (see [`validate`]).
fn checked(d: &Dataset) -> (Vec<Problem>, Vec<Problem>) {
    let mut c = Checker::default();
    let bodies = c.ids(
        "body",
        std::iter::once(&d.body)
            .chain(&d.sub_bodies)
            .map(|b| b.id.as_str()),
    );
    let actors = c.ids("actor", d.actors.iter().map(|a| a.id.as_str()));
    let sources = c.ids("source", d.sources.iter().map(|s| s.id.as_str()));
    let first = std::mem::take(&mut c.problems);
    // The first source of each id, as `Dataset::source` finds it, without its linear scan.
    let mut source_by_id: FxHashMap<&str, &crate::model::data::dataset::Source> =
        FxHashMap::default();
    for s in &d.sources {
        source_by_id.entry(s.id.as_str()).or_insert(s);
    }
    c.ids("event", d.events.iter().map(|e| e.id.as_str()));

    check_bodies_actors_sources(&mut c, d, &bodies);
    // Looking for the words and the nearest ones reads the whole text; a file full of
    // missing quotes is told the first few in detail, the rest briefly.
    let mut nearest_left = 20usize;
    for claim in &d.claims {
        let id = claim.id.as_str();
        let source = if claim.source == EDITORS_NOTE {
            None
        } else if let Some(&s) = source_by_id.get(claim.source.as_str()) {
            Some(s)
        } else {
            c.error(
                id,
                format!(
                    "claim \"{id}\" names source \"{}\", which does not exist",
                    claim.source
                ),
            );
            None
        };
        match &claim.subject {
            Subject::Actor(a) if !actors.contains(a.as_str()) => c.error(
                id,
                format!("claim \"{id}\" is about actor \"{a}\", who does not exist"),
            ),
            Subject::Body(b) if !bodies.contains(b.as_str()) => c.error(
                id,
                format!("claim \"{id}\" is about body \"{b}\", which does not exist"),
            ),
            _ => {}
        }
        if let Some(b) = &claim.body
            && !bodies.contains(b.as_str())
        {
            c.error(
                id,
                format!("claim \"{id}\" names body \"{b}\", which does not exist"),
            );
        }
        check_fact(&mut c, claim, &actors);
        if let (Some(q), Some(s)) = (&claim.quote, source)
            && !q.is_placed()
        {
            // Loading places quotes given by their words; what is left is not in the text.
            let why = if nearest_left == 0 {
                not_placed(&q.exact, &s.id)
            } else {
                nearest_left -= 1;
                match place(&s.text, q) {
                    Err(NotPlaced::Missing) => missing_message(&s.text, &q.exact, &s.id),
                    Err(NotPlaced::Empty) => "its quote has no words".to_string(),
                    Ok(_) => not_placed(&q.exact, &s.id),
                }
            };
            c.error(id, format!("claim \"{id}\": {why}"));
        } else if let (Some(q), Some(s)) = (&claim.quote, source) {
            match q.anchor(&s.text) {
                Anchor::Exact => {}
                Anchor::Moved(at) => c.warn(
                    id,
                    format!(
                        "claim \"{id}\": its quote moved in source \"{}\" (now at byte {at})",
                        s.id
                    ),
                ),
                Anchor::Orphaned => c.warn(
                    id,
                    format!(
                        "claim \"{id}\": its quote \"{}\" is no longer in source \"{}\" (orphaned)",
                        q.exact, s.id
                    ),
                ),
            }
        }
    }
    check_events(&mut c, d, &actors, &sources);
    (first, c.problems)
}

/// Every body's name, rules and parent; every actor's name; every source's title and hash.
fn check_bodies_actors_sources(c: &mut Checker, d: &Dataset, bodies: &FxHashSet<&str>) {
    for b in std::iter::once(&d.body).chain(&d.sub_bodies) {
        if b.name.trim().is_empty() {
            c.error(&b.id, format!("body \"{}\" has an empty name", b.id));
        }
        for why in rules_problems(&b.seat_rules) {
            c.error(&b.id, format!("body \"{}\": {why}", b.id));
        }
        if let Some(parent) = &b.parent
            && !bodies.contains(parent.as_str())
        {
            let message = format!(
                "body \"{}\" names parent \"{parent}\", which does not exist",
                b.id
            );
            c.error(&b.id, message);
        }
    }
    for a in &d.actors {
        if a.name.trim().is_empty() {
            c.error(&a.id, format!("actor \"{}\" has an empty name", a.id));
        }
    }
    for s in &d.sources {
        if s.title.trim().is_empty() && s.outlet.trim().is_empty() {
            c.error(
                &s.id,
                format!("source \"{}\" has neither title nor outlet", s.id),
            );
        }
        if s.hash != content_hash(&s.text) {
            c.warn(
                &s.id,
                format!(
                    "source \"{}\": its text changed since it was stored (hash differs)",
                    s.id
                ),
            );
        }
    }
}

/// A claim's value: whom it represents, its currency and amount, its term, whose date it is.
fn check_fact(c: &mut Checker, claim: &crate::model::Claim, actors: &FxHashSet<&str>) {
    let id = claim.id.as_str();
    match &claim.fact {
        Fact::Represents(a) if !actors.contains(a.as_str()) => c.error(
            id,
            format!("claim \"{id}\" says its subject represents \"{a}\", who does not exist"),
        ),
        Fact::Pledge(m) | Fact::SeatThreshold(m) if !is_currency_code(&m.currency) => c.error(
            id,
            format!(
                "claim \"{id}\": \"{}\" is not a currency code (three capital letters, like USD)",
                m.currency
            ),
        ),
        Fact::Pledge(m) | Fact::SeatThreshold(m) if m.amount > MAX_AMOUNT => c.error(
            id,
            format!(
                "claim \"{id}\": the amount {} is absurd (more than {MAX_AMOUNT})",
                m.amount
            ),
        ),
        Fact::TermYears(y) if !(1..=MAX_TERM_YEARS).contains(y) => c.error(
            id,
            format!("claim \"{id}\": a term of {y} years is out of range (1 to {MAX_TERM_YEARS})"),
        ),
        // A charter is signed and enters into force for a body, not for an actor.
        Fact::CharterSigned(_) | Fact::InForce(_) if matches!(claim.subject, Subject::Actor(_)) => {
            c.error(
                id,
                format!(
                    "claim \"{id}\": {} is a date of a body, but the claim is about an actor",
                    claim.fact.property().label()
                ),
            )
        }
        _ => {}
    }
}

/// Every event's title, actors, sources and span.
fn check_events(c: &mut Checker, d: &Dataset, actors: &FxHashSet<&str>, sources: &FxHashSet<&str>) {
    for e in &d.events {
        if e.title.trim().is_empty() {
            c.error(&e.id, format!("event \"{}\" has an empty title", e.id));
        }
        for a in e.actors.iter().filter(|a| !actors.contains(a.as_str())) {
            c.error(
                &e.id,
                format!("event \"{}\" names actor \"{a}\", who does not exist", e.id),
            );
        }
        for s in e.sources.iter().filter(|s| !sources.contains(s.as_str())) {
            c.error(
                &e.id,
                format!(
                    "event \"{}\" names source \"{s}\", which does not exist",
                    e.id
                ),
            );
        }
        if e.end.is_some_and(|end| end < e.date) {
            c.error(&e.id, format!("event \"{}\" ends before it starts", e.id));
        }
    }
}

/// What is out of range in a body's seat rules.
fn rules_problems(rules: &crate::model::rules::SeatRules) -> Vec<String> {
    let mut out = Vec::new();
    if rules.threshold.amount > MAX_AMOUNT {
        out.push(format!(
            "the seat threshold {} is absurd (more than {MAX_AMOUNT})",
            rules.threshold.amount
        ));
    }
    if rules.term_years > MAX_TERM_YEARS {
        out.push(format!(
            "a term of {} years is out of range (0 to {MAX_TERM_YEARS})",
            rules.term_years
        ));
    }
    if let Some(w) = &rules.window
        && w.months > MAX_TERM_YEARS * 12
    {
        out.push(format!(
            "a payment window of {} months is out of range",
            w.months
        ));
    }
    for r in &rules.exchange_rates {
        if !(r.rate.is_finite() && r.rate > 0.0) {
            out.push(format!(
                "the exchange rate for {} must be a positive number (it is {})",
                r.currency, r.rate
            ));
        }
    }
    out
}

pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use crate::model::data::generate::{Spec, generate};

    /// The passes a large dataset runs at once give their problems in the order of one pass:
    /// the claims' ids, then the claims, then the values.
    #[test]
    fn a_large_datasets_problems_come_in_the_order_one_pass_finds_them() {
        let mut d = generate(Spec {
            actors: 2_100,
            claims_per_actor: 10,
            sources: 5,
            events: 3,
            seed: 4,
        });
        assert!(d.claims.len() >= super::PARALLEL_CLAIMS);
        d.claims[7].id = d.claims[3].id.clone();
        d.claims[9].source = "nowhere".into();
        d.actors[5].wikidata = Some("not a qid".into());
        let problems: Vec<String> = super::validate(&d).into_iter().map(|p| p.message).collect();
        let at = |words: &str| {
            problems
                .iter()
                .position(|m| m.contains(words))
                .unwrap_or_else(|| panic!("no problem with {words:?} in {problems:?}"))
        };
        assert!(at("is used more than once") < at("\"nowhere\""));
        assert!(at("\"nowhere\"") < at("is not a Wikidata id"));
    }
}
