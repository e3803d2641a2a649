//! Derived data kept up to date edit by edit equals derived data built from scratch: after any
//! sequence of edits (claims inserted anywhere, removed, replaced, re-ranked; actors added,
//! removed, renamed, merged, re-identified; sources re-dated; rules changed; batches of all of
//! these), after undoing them, and after moving the as-of date. The roster is also checked
//! against a plain re-statement of the selection rules, so a fast path cannot drift from them.

use std::collections::HashSet;

use board_explorer::model::data::generate::{Spec, generate};
use board_explorer::model::data::ops::{
    delete_actor, hand_claim, merge_actors, set_rank, update_actor,
};
use board_explorer::model::derive::compare::{ClaimMatrix, compare};
use board_explorer::model::derive::lifecycle;
use board_explorer::model::derive::roster::{Resolved, RosterRow};
use board_explorer::model::*;
use chrono::NaiveDate;
use proptest::prelude::*;

/// The date a claim speaks for: its own, else its source's publication date.
fn effective_date(dataset: &Dataset, index: &Index, claim: &Claim) -> Option<PartialDate> {
    claim.as_of.or_else(|| {
        index
            .source_by_id
            .get(&claim.source)
            .and_then(|&s| dataset.sources[s].published)
    })
}

/// Ids that no generated actor has, so claims about them are orphans until an actor takes one.
const GHOSTS: [&str; 2] = ["ghost-0", "ghost-1"];
const DATES: [Option<&str>; 6] = [
    None,
    Some("2026-01"),
    Some("2026-01-15"),
    Some("2026-01-31"),
    Some("2026-02-01"),
    Some("2025"),
];
const AS_OF: [Option<&str>; 7] = [
    None,
    Some("2025-12-31"),
    Some("2026-01-14"),
    Some("2026-01-15"),
    Some("2026-01-31"),
    Some("2026-02-01"),
    Some("2026-06-30"),
];

fn date(i: usize) -> Option<PartialDate> {
    DATES[i % DATES.len()].map(|s| s.parse().unwrap())
}

fn day(i: usize) -> Option<NaiveDate> {
    AS_OF[i % AS_OF.len()].map(|s| s.parse().unwrap())
}

/// A claim described by choices, made concrete against the dataset it goes into.
#[derive(Clone, Debug)]
struct ClaimSpec {
    subject: usize,
    fact: usize,
    value: usize,
    source: usize,
    date: usize,
    rank: usize,
}

fn claim_spec() -> impl Strategy<Value = ClaimSpec> {
    (
        0..40usize,
        0..7usize,
        0..4usize,
        0..8usize,
        0..6usize,
        0..6usize,
    )
        .prop_map(|(subject, fact, value, source, date, rank)| ClaimSpec {
            subject,
            fact,
            value,
            source,
            date,
            rank,
        })
}

enum Kind {
    Body,
    Actor,
}

fn make_claim(d: &Dataset, spec: &ClaimSpec, n: usize) -> Claim {
    let subject_kind = if spec.subject.is_multiple_of(10) {
        Kind::Body
    } else {
        Kind::Actor
    };
    let subject = match spec.subject % 10 {
        0 => Subject::Body(d.body.id.clone()),
        1 => Subject::Actor(GHOSTS[spec.subject % 2].to_string()),
        _ if d.actors.is_empty() => Subject::Actor(GHOSTS[0].to_string()),
        _ => Subject::Actor(d.actors[spec.subject % d.actors.len()].id.clone()),
    };
    let v = spec.value;
    let fact = match spec.fact {
        0 => Fact::Invited(v.is_multiple_of(2)),
        1 | 2 => Fact::Status(Status::ALL[(v * 3) % Status::ALL.len()]),
        3 => Fact::Role(Role::ALL[v % Role::ALL.len()]),
        4 => Fact::Pledge(Money {
            amount: [0, 500_000_000, 1_000_000_000, 2_000_000_000][v],
            currency: if v.is_multiple_of(2) { "USD" } else { "EUR" }.into(),
        }),
        // About a body, a joining date is its entry into force (terms count from it).
        5 if matches!(subject, Subject::Body(_)) => {
            Fact::InForce(date(v + 1).unwrap_or_else(|| "2026-01-20".parse().unwrap()))
        }
        5 => Fact::Joined(date(v + 1).unwrap_or_else(|| "2026-01-20".parse().unwrap())),
        // Whom the actor speaks for: seats of states rest on it.
        6 if !d.actors.is_empty() => Fact::Represents(d.actors[v % d.actors.len()].id.clone()),
        _ => Fact::Office(format!("Office {}", v % 2)),
    };
    let source = match spec.source {
        0 => EDITORS_NOTE.to_string(),
        1 => "nowhere".to_string(),
        s if d.sources.is_empty() => format!("s{s}"),
        s => d.sources[s % d.sources.len()].id.clone(),
    };
    Claim {
        extra: Default::default(),
        author: String::new(),
        id: format!("t{n}"),
        subject,
        fact,
        source,
        quote: None,
        as_of: date(spec.date),
        rank: [
            Rank::Normal,
            Rank::Normal,
            Rank::Normal,
            Rank::Preferred,
            Rank::Deprecated,
            Rank::Normal,
        ][spec.rank],
        negated: false,
        note: String::new(),
        // Some places on a sub-body: they compete among themselves, never with the main body's.
        body: (spec.value == 3 && matches!(subject_kind, Kind::Actor))
            .then(|| "executive-board".to_string()),
    }
}

/// One step of a session, with positions taken modulo the current sizes.
#[derive(Clone, Debug)]
enum Op {
    InsertClaim(usize, ClaimSpec),
    HandClaim(usize, usize),
    RemoveClaim(usize),
    ReplaceClaim(usize, ClaimSpec),
    Rank(usize, usize),
    /// An actor at the end: a fresh id, a ghost's id (it takes the orphaned claims) or a
    /// taken id.
    AppendActor(usize),
    InsertActor(usize),
    RemoveLastActor,
    RemoveActor(usize),
    DeleteActor(usize),
    Merge(usize, usize),
    Rename(usize),
    Reidentify(usize, usize),
    InsertSource(usize, usize),
    RemoveSource(usize),
    RedateSource(usize, usize),
    RenameSource(usize),
    RetitleSource(usize),
    InsertEvent(usize),
    RemoveEvent(usize),
    Rules(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0..1000usize;
    prop_oneof![
        6 => (i(), claim_spec()).prop_map(|(at, c)| Op::InsertClaim(at, c)),
        2 => (i(), i()).prop_map(|(a, s)| Op::HandClaim(a, s)),
        4 => i().prop_map(Op::RemoveClaim),
        4 => (i(), claim_spec()).prop_map(|(at, c)| Op::ReplaceClaim(at, c)),
        3 => (i(), 0..3usize).prop_map(|(c, r)| Op::Rank(c, r)),
        2 => i().prop_map(Op::AppendActor),
        1 => i().prop_map(Op::InsertActor),
        1 => Just(Op::RemoveLastActor),
        1 => i().prop_map(Op::RemoveActor),
        1 => i().prop_map(Op::DeleteActor),
        1 => (i(), i()).prop_map(|(a, b)| Op::Merge(a, b)),
        1 => i().prop_map(Op::Rename),
        1 => (i(), i()).prop_map(|(a, g)| Op::Reidentify(a, g)),
        1 => (i(), i()).prop_map(|(at, d)| Op::InsertSource(at, d)),
        1 => i().prop_map(Op::RemoveSource),
        2 => (i(), i()).prop_map(|(s, d)| Op::RedateSource(s, d)),
        1 => i().prop_map(Op::RenameSource),
        1 => i().prop_map(Op::RetitleSource),
        1 => i().prop_map(Op::InsertEvent),
        1 => i().prop_map(Op::RemoveEvent),
        1 => i().prop_map(Op::Rules),
    ]
}

/// A step: one edit, a batch of several, an undo, or a move of the as-of date.
#[derive(Clone, Debug)]
enum Step {
    Edit(Op),
    Batch(Vec<Op>),
    Undo,
    AsOf(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => op().prop_map(Step::Edit),
        2 => prop::collection::vec(op(), 1..6).prop_map(Step::Batch),
        2 => Just(Step::Undo),
        2 => (0..AS_OF.len()).prop_map(Step::AsOf),
    ]
}

fn to_edit(d: &Dataset, op: &Op, n: usize) -> Option<Edit> {
    let actors = d.actors.len();
    let claims = d.claims.len();
    let sources = d.sources.len();
    Some(match op {
        Op::InsertClaim(at, spec) => Edit::InsertClaim {
            at: at % (claims + 1),
            claim: make_claim(d, spec, n),
        },
        Op::HandClaim(a, s) if actors > 0 => hand_claim(
            d,
            &Index::build(d),
            &d.actors[a % actors].id,
            Fact::Status(Status::ALL[s % Status::ALL.len()]),
            if sources > 0 && s % 3 > 0 {
                &d.sources[s % sources].id
            } else {
                EDITORS_NOTE
            },
            date(*s),
            "",
        ),
        Op::RemoveClaim(at) if claims > 0 => Edit::RemoveClaim { at: at % claims },
        Op::ReplaceClaim(at, spec) if claims > 0 => Edit::ReplaceClaim {
            at: at % claims,
            claim: make_claim(d, spec, n),
        },
        Op::Rank(c, r) if claims > 0 => set_rank(
            d,
            c % claims,
            [Rank::Deprecated, Rank::Normal, Rank::Preferred][*r],
        ),
        Op::AppendActor(k) => Edit::InsertActor {
            at: actors,
            actor: Actor {
                id: match k % 4 {
                    0 | 1 => GHOSTS[k % 2].to_string(),
                    2 if actors > 0 => d.actors[k % actors].id.clone(),
                    _ => format!("new-{n}"),
                },
                name: format!("New {n}"),
                // States and organisations hold seats others may speak for.
                kind: ActorKind::ALL[k % ActorKind::ALL.len()],
                ..Default::default()
            },
        },
        Op::InsertActor(at) => Edit::InsertActor {
            at: at % (actors + 1),
            actor: Actor {
                id: format!("mid-{n}"),
                name: format!("Mid {n}"),
                ..Default::default()
            },
        },
        Op::RemoveLastActor if actors > 0 => Edit::RemoveActor { at: actors - 1 },
        Op::RemoveActor(at) if actors > 0 => Edit::RemoveActor { at: at % actors },
        Op::DeleteActor(at) if actors > 0 => delete_actor(d, at % actors).0,
        Op::Merge(a, b) if actors > 1 && a % actors != b % actors => {
            merge_actors(d, a % actors, b % actors)
        }
        Op::Rename(a) if actors > 0 => {
            let mut actor = d.actors[a % actors].clone();
            actor.name = format!("Renamed {n}");
            // A change of kind changes who can hold a seat (and be spoken for).
            actor.kind = ActorKind::ALL[n % ActorKind::ALL.len()];
            update_actor(d, a % actors, actor).ok()?
        }
        Op::Reidentify(a, g) if actors > 0 => {
            let mut actor = d.actors[a % actors].clone();
            actor.id = if g.is_multiple_of(2) {
                GHOSTS[g % 4 / 2].to_string()
            } else {
                format!("re-{n}")
            };
            Edit::ReplaceActor {
                at: a % actors,
                actor,
            }
        }
        // Sources, events and rules.
        _ => return other_edit(d, op, n),
    })
}

/// The edit for an operation on sources, events or the rules.
fn other_edit(d: &Dataset, op: &Op, n: usize) -> Option<Edit> {
    let sources = d.sources.len();
    Some(match op {
        Op::InsertSource(at, k) => Edit::InsertSource {
            at: at % (sources + 1),
            source: Source {
                // Sometimes the id claims already cite but no source had.
                id: if k.is_multiple_of(2) {
                    "nowhere".into()
                } else {
                    format!("src-{n}")
                },
                title: format!("Source {n}"),
                published: date(*k),
                ..Default::default()
            },
        },
        Op::RemoveSource(at) if sources > 0 => Edit::RemoveSource { at: at % sources },
        Op::RedateSource(s, k) if sources > 0 => {
            let mut source = d.sources[s % sources].clone();
            source.published = date(*k);
            Edit::ReplaceSource {
                at: s % sources,
                source,
            }
        }
        Op::RenameSource(s) if sources > 0 => {
            let mut source = d.sources[s % sources].clone();
            source.id = format!("renamed-{n}");
            Edit::ReplaceSource {
                at: s % sources,
                source,
            }
        }
        Op::RetitleSource(s) if sources > 0 => {
            let mut source = d.sources[s % sources].clone();
            source.title = format!("Retitled {n}");
            Edit::ReplaceSource {
                at: s % sources,
                source,
            }
        }
        Op::InsertEvent(at) => Edit::InsertEvent {
            at: at % (d.events.len() + 1),
            event: Event {
                extra: Default::default(),
                id: format!("ev-{n}"),
                date: "2026-01-20".parse().unwrap(),
                end: None,
                title: "Event".into(),
                description: String::new(),
                kind: EventKind::Meeting,
                actors: Vec::new(),
                sources: Vec::new(),
            },
        },
        Op::RemoveEvent(at) if !d.events.is_empty() => Edit::RemoveEvent {
            at: at % d.events.len(),
        },
        Op::Rules(k) => {
            let mut rules = d.body.seat_rules.clone();
            rules.threshold.amount = [500_000_000, 1_000_000_000, 1_500_000_000][k % 3];
            rules.term_years = (k % 4) as u32;
            Edit::SetSeatRules(rules)
        }
        _ => return None,
    })
}

/// The roster as the selection rules state it, claim by claim, with nothing cached: the
/// reference the derivation must agree with.
fn plain_roster(d: &Dataset, as_of: Option<NaiveDate>) -> Vec<RosterRow> {
    let index = Index::build(d);
    (0..d.actors.len())
        .map(|a| {
            let known: Vec<(usize, Option<PartialDate>)> = d
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    matches!(&c.subject, Subject::Actor(id) if index.actor_by_id.get(id) == Some(&a))
                })
                // The main body's roster: places on a sub-body are not in it.
                .filter(|(_, c)| c.body.as_deref().is_none_or(|b| b == d.body.id))
                .map(|(i, c)| (i, effective_date(d, &index, c)))
                .filter(|&(_, date)| match (as_of, date) {
                    (Some(day), Some(date)) => date.known_by(day),
                    _ => true,
                })
                .collect();
            let sources: HashSet<&str> = known.iter().map(|&(c, _)| d.claims[c].source.as_str()).collect();
            let values = Property::ALL
                .iter()
                .filter_map(|&property| {
                    let mut candidates: Vec<(usize, Option<PartialDate>)> = known
                        .iter()
                        .copied()
                        .filter(|&(c, _)| d.claims[c].fact.property() == property)
                        .collect();
                    candidates.sort_by_key(|&(c, date)| std::cmp::Reverse((d.claims[c].rank, date, c)));
                    let (best, conflict) = plain_select(d, &index, &candidates)?;
                    candidates.retain(|&(c, _)| c != best);
                    Some(Resolved {
                        property,
                        best,
                        others: candidates.iter().map(|&(c, _)| c).collect(),
                        conflict,
                    })
                })
                .collect();
            RosterRow {
                actor: a,
                values,
                sources: sources.len(),
            }
        })
        .collect()
}

/// The one conflict rule restated claim by claim, pair by pair (quadratic, for tests only):
/// the winner and whether a competing claim conflicts with it. The pair predicates are the
/// rule's own (unit-tested in `model::conflict`); the selection around them is restated here.
fn plain_select(
    d: &Dataset,
    index: &Index,
    candidates: &[(usize, Option<PartialDate>)],
) -> Option<(usize, bool)> {
    use board_explorer::model::derive::conflict::{Candidate, conflicts};
    let top = candidates.iter().map(|&(c, _)| d.claims[c].rank).max()?;
    if top == Rank::Deprecated {
        return None;
    }
    let view = |c: usize, date: Option<PartialDate>| {
        let mut v = Candidate::new(
            d.claims[c].fact.property(),
            d.claims[c].rank,
            date,
            index.claim_reliability(c),
            index.claim_hand_author(c),
            c,
        );
        v.live = true;
        v
    };
    let hand = |c: usize| d.claims[c].source == EDITORS_NOTE;
    // Top rank, less the hand edits that a later one of the same date and author replaces.
    let mut live: Vec<Candidate> = candidates
        .iter()
        .filter(|&&(c, _)| d.claims[c].rank == top)
        .filter(|&&(c, date)| {
            !hand(c)
                || !candidates.iter().any(|&(o, od)| {
                    o > c
                        && hand(o)
                        && od == date
                        && d.claims[o].rank == top
                        && d.claims[o].author == d.claims[c].author
                })
        })
        .map(|&(c, date)| view(c, date))
        .collect();
    live.sort_by_key(|v| (v.date, v.claim));
    // The latest word: later in date order replaces, unless surely earlier; along one status
    // path the further step stands.
    let mut latest = live[0];
    for &c in &live[1..] {
        let (a, b) = (&d.claims[latest.claim], &d.claims[c.claim]);
        let replaces = match (&a.fact, &b.fact) {
            (Fact::Status(x), Fact::Status(y))
                if !a.negated && !b.negated && lifecycle::on_one_path(*x, *y) =>
            {
                let new_cycle = lifecycle::stage(*x).is_none()
                    && lifecycle::stage(*y).is_some()
                    && matches!((latest.date, c.date), (Some(p), Some(q)) if p.surely_before(&q));
                new_cycle || lifecycle::further(*x, *y) == *y
            }
            _ => !matches!((c.date, latest.date), (Some(x), Some(y)) if x.surely_before(&y)),
        };
        if replaces {
            latest = c;
        }
    }
    let rivals: Vec<Candidate> = live
        .iter()
        .copied()
        .filter(|c| conflicts(&d.claims, c, &latest))
        .collect();
    let best = match rivals.iter().map(|c| c.reliability).max() {
        Some(r) if r > latest.reliability => *rivals.iter().rev().find(|c| c.reliability == r)?,
        _ => latest,
    };
    let conflict = live
        .iter()
        .any(|c| c.claim != best.claim && conflicts(&d.claims, c, &best));
    Some((best.claim, conflict))
}

/// The incrementally kept `derived` against a fresh one and the plain rules.
fn check(derived: &Derived, d: &Dataset, as_of: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let mut fresh = Derived::default();
    fresh.refresh(d, as_of);
    // Both count claim ids (the kept one from here on, by edits): the counts must agree.
    fresh.index.claim_id_taken("");
    derived.index.claim_id_taken("");
    prop_assert_eq!(derived.revision(), d.revision.get());
    prop_assert_eq!(derived.as_of(), as_of);
    prop_assert_eq!(&derived.index, &fresh.index);
    prop_assert_eq!(&derived.roster, &fresh.roster);
    prop_assert_eq!(&derived.seats, &fresh.seats);
    prop_assert_eq!(&derived.speakers, &fresh.speakers);
    prop_assert_eq!(&derived.body_dates, &fresh.body_dates);
    prop_assert_eq!(derived.conflicts, fresh.conflicts);
    prop_assert_eq!(&derived.body_conflicts, &fresh.body_conflicts);
    prop_assert_eq!(&derived.sub_body_conflicts, &fresh.sub_body_conflicts);
    // The roster's conflicts and those outside it (bodies' own, places on sub-bodies).
    prop_assert_eq!(
        derived.conflicts,
        derived.roster.conflicts() + derived.other_conflicts().count()
    );
    prop_assert_eq!(&derived.roster.rows, &plain_roster(d, as_of));
    Ok(())
}

/// Derived data and the claim matrix, kept up to date as the app keeps them.
struct Kept {
    derived: Derived,
    matrix: ClaimMatrix,
}

/// The columns compared: two sources, one that never exists and the editor's notes.
fn chosen(d: &Dataset) -> Vec<String> {
    let mut ids: Vec<String> = d.sources.iter().take(2).map(|s| s.id.clone()).collect();
    ids.push("nowhere".into());
    ids.push(EDITORS_NOTE.into());
    ids
}

/// Applies `edit` and tells the caches, as the app does; returns the inverse.
fn apply(
    d: &mut Dataset,
    kept: &mut Kept,
    edit: Edit,
    as_of: Option<NaiveDate>,
) -> Result<Edit, TestCaseError> {
    let inverse = edit
        .clone()
        .apply(d)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    kept.derived.apply_edit(d, &edit);
    prop_assert!(
        !kept.derived.refresh(d, as_of),
        "apply_edit left the cache stale"
    );
    check(&kept.derived, d, as_of)?;
    kept.matrix
        .follow(d, &kept.derived.index, kept.derived.change());
    let fresh = compare(d, &Index::build(d), &kept.matrix.sources);
    prop_assert_eq!(&kept.matrix, &fresh, "after {:?}", kept.derived.change());
    Ok(inverse)
}

fn base(seed: u64, actors: usize, claims: usize) -> Dataset {
    let mut d = generate(Spec {
        actors,
        claims_per_actor: claims,
        sources: 3,
        events: 2,
        seed,
    });
    // Sources that share dates with the claims, so re-dating one moves what is known when.
    for (i, s) in d.sources.iter_mut().enumerate() {
        s.published = date(i + 1);
    }
    d
}

proptest! {
    #![proptest_config(crate::proptest_config(256))]

    #[test]
    fn incremental_derivation_equals_a_fresh_one(
        seed in 0u64..1000,
        actors in 0usize..8,
        claims in 0usize..6,
        start in 0..AS_OF.len(),
        steps in prop::collection::vec(step(), 1..30),
    ) {
        let mut d = base(seed, actors, claims);
        let original = d.clone();
        let mut as_of = day(start);
        let mut derived = Derived::default();
        derived.apply_edit(&d, &Edit::Batch(Vec::new()));
        prop_assert!(derived.refresh(&d, as_of));
        check(&derived, &d, as_of)?;
        let matrix = compare(&d, &derived.index, &chosen(&d));
        let mut kept = Kept { derived, matrix };
        let mut undo: Vec<Edit> = Vec::new();
        for (n, step) in steps.iter().enumerate() {
            match step {
                Step::Edit(op) => {
                    if let Some(edit) = to_edit(&d, op, n) {
                        undo.push(apply(&mut d, &mut kept, edit, as_of)?);
                    }
                }
                Step::Batch(ops) => {
                    // Each part made against the state the parts before it leave.
                    let mut scratch = d.clone();
                    let mut parts = Vec::new();
                    for (k, op) in ops.iter().enumerate() {
                        if let Some(edit) = to_edit(&scratch, op, n * 10 + k) {
                            edit.clone().apply(&mut scratch).unwrap();
                            parts.push(edit);
                        }
                    }
                    undo.push(apply(&mut d, &mut kept, Edit::Batch(parts), as_of)?);
                }
                Step::Undo => {
                    if let Some(inverse) = undo.pop() {
                        apply(&mut d, &mut kept, inverse, as_of)?;
                    }
                }
                Step::AsOf(i) => {
                    let moved = day(*i) != as_of;
                    as_of = day(*i);
                    prop_assert_eq!(kept.derived.refresh(&d, as_of), moved);
                    check(&kept.derived, &d, as_of)?;
                }
            }
        }
        while let Some(inverse) = undo.pop() {
            apply(&mut d, &mut kept, inverse, as_of)?;
        }
        prop_assert!(d == original);
    }
}

#[test]
fn an_appended_claim_touches_one_row() {
    let mut d = base(3, 50, 4);
    let mut derived = Derived::default();
    derived.refresh(&d, None);
    let before = derived.roster.clone();
    let later = Some("2027-01-01".parse().unwrap());
    let edit = hand_claim(
        &d,
        &derived.index,
        "a7",
        Fact::Status(Status::Member),
        EDITORS_NOTE,
        later,
        "",
    );
    edit.clone().apply(&mut d).unwrap();
    derived.apply_edit(&d, &edit);
    let changed: Vec<usize> = (0..before.rows.len())
        .filter(|&a| before.rows[a] != derived.roster.rows[a])
        .collect();
    assert_eq!(changed, [7]);
    assert_eq!(
        derived.roster.rows[7].status(&d),
        Some(Status::Member),
        "the hand edit is the latest word"
    );
}

#[test]
fn a_claim_inserted_first_moves_every_position_by_one() {
    let mut d = base(4, 20, 3);
    let mut derived = Derived::default();
    derived.refresh(&d, None);
    let before: Vec<usize> = derived
        .roster
        .rows
        .iter()
        .flat_map(|r| r.values.iter().map(|v| v.best))
        .collect();
    let edit = Edit::InsertClaim {
        at: 0,
        claim: make_claim(
            &d,
            &ClaimSpec {
                subject: 1,
                fact: 6,
                value: 0,
                source: 0,
                date: 0,
                rank: 0,
            },
            0,
        ),
    };
    edit.clone().apply(&mut d).unwrap();
    derived.apply_edit(&d, &edit);
    let after: Vec<usize> = derived
        .roster
        .rows
        .iter()
        .flat_map(|r| r.values.iter().map(|v| v.best))
        .collect();
    assert_eq!(after, before.iter().map(|c| c + 1).collect::<Vec<_>>());
    assert_eq!(
        derived.index.owner(0),
        board_explorer::model::derive::index::ClaimOwner::Orphan
    );
}
