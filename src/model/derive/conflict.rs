//! The one conflict rule. Every place that marks or counts conflicts (the roster's ⚠ and the
//! status bar, the claim matrix's verdicts and the Sources colours and legend, `check`,
//! `compare`, the exports) asks this module, so they always agree.
//!
//! For one actor's property, among the claims known by the as-of date:
//!
//! 1. Deprecated claims never count; only the claims of the top rank compete.
//! 2. A hand edit replaces the same author's older hand edit for the same date: the older is
//!    history, not a rival (correcting oneself is not a dispute). Two people's hand edits are
//!    two claims, neither replacing the other: when they disagree, that is a conflict. Claims
//!    from before authors were recorded count as one author's among themselves.
//! 3. Two claims are *compatible* when their values can both hold: equal values, statuses on
//!    one path of the life cycle (see [`super::lifecycle`]), a joining date and a vaguer one
//!    that contains it, two negative claims, or "not X" against a value that does not imply X.
//! 4. Two incompatible claims *conflict* when their order is unknown (dates that overlap,
//!    "2026-01" against "2026-01-20", "~2026-01-19" against the 21st, or no date), when the
//!    later one comes from a less reliable source (it is never silently obeyed), or always
//!    for a joining date, a charter's signing or its entry into force (facts about one day,
//!    which a later report cannot change). Otherwise
//!    the later claim is history that moved on.
//! 5. The winner is the latest claim, the one furthest along the life cycle among statuses on
//!    one path (a step surely dated after an ending starts a new cycle, and stands); but when a more reliable source conflicts with it, the most reliable of those
//!    wins instead. The property is in conflict when any claim conflicts with the winner.

use super::lifecycle;
use crate::model::data::dataset::{Claim, Fact, Property, Rank, Reliability};
use crate::model::data::date::PartialDate;

/// One claim as the selection sees it, read from the index (nothing here hashes or looks up).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub property: Property,
    pub rank: Rank,
    /// The date the claim speaks for: its own, else its source's publication.
    pub date: Option<PartialDate>,
    pub reliability: Reliability,
    /// When it is a hand edit (cited to the editor's note), a hash of its author.
    pub hand: Option<u64>,
    /// Position in `dataset.claims`.
    pub claim: usize,
    /// Whether it competes (top rank, not replaced by its author's newer hand edit); set
    /// by [`resolve`].
    pub live: bool,
}

impl Candidate {
    pub fn new(
        property: Property,
        rank: Rank,
        date: Option<PartialDate>,
        reliability: Reliability,
        hand: Option<u64>,
        claim: usize,
    ) -> Self {
        Candidate {
            property,
            rank,
            date,
            reliability,
            hand,
            claim,
            live: false,
        }
    }
}

/// The outcome for one property.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// Position of the winning claim in `dataset.claims`.
    pub best: usize,
    /// Whether a competing claim conflicts with the winner.
    pub conflict: bool,
}

/// Decides one property from its candidates (any order; they are reordered, and their `live`
/// flags set). `None` when every claim is deprecated. Sorts once, then goes over them a
/// fixed number of times: never pair by pair.
pub fn resolve(claims: &[Claim], candidates: &mut [Candidate]) -> Option<Resolution> {
    // Most properties have one claim: nothing to compare (and no claim to read).
    if let [only] = candidates {
        only.live = only.rank != Rank::Deprecated;
        return only.live.then_some(Resolution {
            best: only.claim,
            conflict: false,
        });
    }
    // Top rank first; within it, by date (undated first) then file order.
    candidates.sort_unstable_by(|a, b| {
        b.rank
            .cmp(&a.rank)
            .then_with(|| a.date.cmp(&b.date))
            .then_with(|| a.claim.cmp(&b.claim))
    });
    let top = candidates.first()?.rank;
    if top == Rank::Deprecated {
        return None;
    }
    let competing = candidates.iter().take_while(|c| c.rank == top).count();
    for c in candidates.iter_mut() {
        c.live = false;
    }
    let live = &mut candidates[..competing];
    let mut authors = rustc_hash::FxHashSet::default();
    for same_date in live.chunk_by_mut(|a, b| a.date == b.date) {
        // Each author's last hand edit of the day stands; their earlier ones are corrections.
        authors.clear();
        for c in same_date.iter_mut().rev() {
            c.live = c.hand.is_none_or(|author| authors.insert(author));
        }
    }
    let live = &candidates[..competing];
    let mut latest: Option<&Candidate> = None;
    for c in live.iter().filter(|c| c.live) {
        latest = Some(match latest {
            Some(cur) if !replaces(claims, c, cur) => cur,
            _ => c,
        });
    }
    let latest = *latest?;
    // One pass: who conflicts with the latest claim, and the strongest of them.
    let mut strongest: Option<Reliability> = None;
    for c in live.iter().filter(|c| c.live && c.claim != latest.claim) {
        if conflicts(claims, c, &latest) {
            strongest = strongest.max(Some(c.reliability));
        }
    }
    let (best, conflict) = match strongest {
        // A more reliable source that conflicts with the latest claim wins instead (the
        // latest among the most reliable), and its own rivals decide the flag.
        Some(r) if r > latest.reliability => {
            let best = *live
                .iter()
                .rev()
                .find(|c| c.live && c.reliability == r && conflicts(claims, c, &latest))?;
            let conflict = live
                .iter()
                .any(|c| c.live && c.claim != best.claim && conflicts(claims, c, &best));
            (best, conflict)
        }
        other => (latest, other.is_some()),
    };
    Some(Resolution {
        best: best.claim,
        conflict,
    })
}

/// The candidates that conflict with the winner `best` (after [`resolve`] set who competes),
/// in their order.
pub fn rivals<'c>(
    claims: &'c [Claim],
    candidates: &'c [Candidate],
    best: usize,
) -> impl Iterator<Item = usize> + 'c {
    let winner = candidates.iter().find(|c| c.claim == best).copied();
    candidates.iter().filter_map(move |c| {
        let w = winner.as_ref()?;
        (c.live && c.claim != best && conflicts(claims, c, w)).then_some(c.claim)
    })
}

/// Whether `c`, met after `cur` in date order, takes its place as the latest word.
fn replaces(claims: &[Claim], c: &Candidate, cur: &Candidate) -> bool {
    let (a, b) = (&claims[cur.claim], &claims[c.claim]);
    if let (Fact::Status(x), Fact::Status(y), false, false) =
        (&a.fact, &b.fact, a.negated, b.negated)
        && lifecycle::on_one_path(*x, *y)
    {
        // An ending followed, surely later, by a step of the main path starts a new cycle
        // (invited again, rejoined): the later word stands.
        if lifecycle::stage(*x).is_none()
            && lifecycle::stage(*y).is_some()
            && matches!((cur.date, c.date), (Some(du), Some(dc)) if du.surely_before(&dc))
        {
            return true;
        }
        // Otherwise, along one path the further step stands, whatever the dates.
        return lifecycle::further(*x, *y) == *y;
    }
    // Sorted by date: `c` is later or of unknown order; a surely earlier one never replaces.
    !matches!((c.date, cur.date), (Some(dc), Some(du)) if dc.surely_before(&du))
}

/// Whether two competing claims about one property conflict (point 4 of the rule).
pub fn conflicts(claims: &[Claim], a: &Candidate, b: &Candidate) -> bool {
    let (ca, cb) = (&claims[a.claim], &claims[b.claim]);
    if compatible(ca, cb) {
        return false;
    }
    // A day something happened on (joining, the charter signed, entry into force) is a fact
    // about that day: a later report of another day disputes it, never moves it on.
    if matches!(
        a.property,
        Property::Joined | Property::CharterSigned | Property::InForce
    ) {
        return true;
    }
    match (a.date, b.date) {
        (Some(da), Some(db)) if da.surely_before(&db) => b.reliability < a.reliability,
        (Some(da), Some(db)) if db.surely_before(&da) => a.reliability < b.reliability,
        _ => true,
    }
}

/// Whether the two claims' values can both hold (point 3 of the rule).
pub fn compatible(a: &Claim, b: &Claim) -> bool {
    match (a.negated, b.negated) {
        (true, true) => true,
        (false, false) => values_agree(&a.fact, &b.fact),
        (true, false) => !contradicts_negation(&a.fact, &b.fact),
        (false, true) => !contradicts_negation(&b.fact, &a.fact),
    }
}

fn values_agree(a: &Fact, b: &Fact) -> bool {
    match (a, b) {
        (Fact::Status(x), Fact::Status(y)) => lifecycle::on_one_path(*x, *y),
        (Fact::Joined(x), Fact::Joined(y))
        | (Fact::CharterSigned(x), Fact::CharterSigned(y))
        | (Fact::InForce(x), Fact::InForce(y)) => spans_meet(x, y),
        _ => a == b,
    }
}

/// Whether a positive claim `is` contradicts the negative claim "not `not`".
fn contradicts_negation(not: &Fact, is: &Fact) -> bool {
    match (not, is) {
        (Fact::Status(x), Fact::Status(y)) => lifecycle::has_reached(*y, *x),
        (Fact::Joined(x), Fact::Joined(y))
        | (Fact::CharterSigned(x), Fact::CharterSigned(y))
        | (Fact::InForce(x), Fact::InForce(y)) => spans_meet(x, y),
        _ => not == is,
    }
}

/// Whether two dates may be the same day ("2026-01" and "2026-01-22" may).
fn spans_meet(a: &PartialDate, b: &PartialDate) -> bool {
    !a.surely_before(b) && !b.surely_before(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::{ActorKind, Dataset, EDITORS_NOTE, Index, Role, Status};

    /// Each claim: (fact, negated, source, date, reliability of its source).
    fn decide(specs: &[(Fact, bool, &str, Option<&str>)]) -> (Option<Resolution>, Vec<usize>) {
        let d = dataset(specs);
        decide_in(&d)
    }

    fn decide_in(d: &Dataset) -> (Option<Resolution>, Vec<usize>) {
        let index = Index::build(d);
        let mut candidates: Vec<Candidate> = (0..d.claims.len())
            .map(|c| {
                let (property, rank) = index.claim_property_rank(c);
                Candidate::new(
                    property,
                    rank,
                    index.claim_date(c),
                    index.claim_reliability(c),
                    index.claim_hand_author(c),
                    c,
                )
            })
            .collect();
        let outcome = resolve(&d.claims, &mut candidates);
        let rivals = outcome.map_or_else(Vec::new, |o| {
            let mut r: Vec<usize> = rivals(&d.claims, &candidates, o.best).collect();
            r.sort_unstable();
            r
        });
        (outcome, rivals)
    }

    /// Sources: "hi" (high), "a" and "b" (normal), "lo" (low), and the editor's note.
    fn dataset(specs: &[(Fact, bool, &str, Option<&str>)]) -> Dataset {
        let mut b = DatasetBuilder::new("Board")
            .actor("x", "X", ActorKind::Person)
            .source("hi", "Wire", Some("2026-01-19"), "text")
            .source("a", "Paper A", Some("2026-01-19"), "text")
            .source("b", "Paper B", Some("2026-01-19"), "text")
            .source("lo", "Aggregator", Some("2026-01-19"), "text")
            .source(EDITORS_NOTE, "Editor", None, "");
        for (fact, negated, source, date) in specs {
            b = b.claim("x", fact.clone(), source, *date, None);
            if *negated {
                b = b.negated();
            }
        }
        let mut d = b.build();
        d.sources[0].reliability = Some(Reliability::High);
        d.sources[3].reliability = Some(Reliability::Low);
        d
    }

    fn st(s: Status) -> Fact {
        Fact::Status(s)
    }

    #[test]
    fn a_life_cycle_is_history_whatever_the_dates() {
        // Proposed on the 21st after accepted on the 19th: old news, not a rival.
        let (o, rivals) = decide(&[
            (st(Status::Accepted), false, "a", Some("2026-01-19")),
            (st(Status::Proposed), false, "b", Some("2026-01-21")),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 0,
                conflict: false
            })
        );
        assert!(rivals.is_empty());
        // Same day, two sources: still one path.
        let (o, _) = decide(&[
            (st(Status::Member), false, "a", None),
            (st(Status::Proposed), false, "b", None),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 0,
                conflict: false
            })
        );
    }

    #[test]
    fn a_step_after_an_ending_starts_a_new_cycle() {
        let (o, _) = decide(&[
            (st(Status::Withdrawn), false, "a", Some("2026-01-20")),
            (st(Status::Member), false, EDITORS_NOTE, Some("2030-01-01")),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 1,
                conflict: false
            })
        );
        // The same day, the ending stands: it is further along the path.
        let (o, _) = decide(&[
            (st(Status::Withdrawn), false, "a", Some("2026-01-20")),
            (st(Status::Member), false, "b", Some("2026-01-20")),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 0,
                conflict: false
            })
        );
    }

    #[test]
    fn incompatible_values_on_overlapping_dates_conflict() {
        let (o, rivals) = decide(&[
            (st(Status::Accepted), false, "a", Some("2026-01-20")),
            (st(Status::Declined), false, "b", Some("2026-01-20")),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 1,
                conflict: true
            })
        );
        assert_eq!(rivals, [0]);
        // Chair against member is a conflict of role.
        let (o, _) = decide(&[
            (Fact::Role(Role::Chair), false, "a", None),
            (Fact::Role(Role::Member), false, "b", None),
        ]);
        assert!(o.unwrap().conflict);
    }

    #[test]
    fn incompatible_values_in_a_known_order_are_history() {
        let (o, _) = decide(&[
            (st(Status::Accepted), false, "a", Some("2026-01-20")),
            (st(Status::Declined), false, "b", Some("2026-01-27")),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 1,
                conflict: false
            })
        );
    }

    /// Two hand edits of one day: declined, then accepted.
    fn two_hand_edits() -> [(Fact, bool, &'static str, Option<&'static str>); 2] {
        [
            (
                st(Status::Declined),
                false,
                EDITORS_NOTE,
                Some("2026-01-20"),
            ),
            (
                st(Status::Accepted),
                false,
                EDITORS_NOTE,
                Some("2026-01-20"),
            ),
        ]
    }

    #[test]
    fn the_editors_newer_hand_edit_replaces_the_older_one_of_the_same_day() {
        let (o, rivals) = decide(&two_hand_edits());
        assert_eq!(
            o,
            Some(Resolution {
                best: 1,
                conflict: false
            })
        );
        assert!(rivals.is_empty());
        // Two sources saying the same thing on the same day do conflict.
        let (o, _) = decide(&[
            (st(Status::Declined), false, "a", Some("2026-01-20")),
            (st(Status::Accepted), false, "b", Some("2026-01-20")),
        ]);
        assert!(o.unwrap().conflict);
    }

    #[test]
    fn two_peoples_opposite_hand_edits_are_a_conflict_and_ones_own_are_corrections() {
        let specs = two_hand_edits();
        let with_authors = |first: &str, second: &str| {
            let mut d = dataset(&specs);
            d.claims[0].author = first.into();
            d.claims[1].author = second.into();
            decide_in(&d)
        };
        // Alice, then Bob: neither replaces the other; they disagree.
        let (o, rivals) = with_authors("Alice", "Bob");
        assert!(o.unwrap().conflict);
        assert_eq!(rivals.len(), 1);
        // Alice correcting herself: her later edit stands alone.
        let (o, rivals) = with_authors("Alice", "Alice");
        assert_eq!(
            o,
            Some(Resolution {
                best: 1,
                conflict: false
            })
        );
        assert!(rivals.is_empty());
        // A claim with an author never silently replaces one from before authors.
        let (o, _) = with_authors("", "Bob");
        assert!(o.unwrap().conflict);
    }

    #[test]
    fn a_more_reliable_source_wins_and_a_less_reliable_one_is_a_conflict() {
        // Israel: signed (joined) on the 22nd says the wire; on 12 February, says an
        // aggregator. The later, weaker word neither wins nor passes silently.
        let (o, rivals) = decide(&[
            (
                Fact::Joined("2026-01-22".parse().unwrap()),
                false,
                "hi",
                Some("2026-01-22"),
            ),
            (
                Fact::Joined("2026-02-12".parse().unwrap()),
                false,
                "lo",
                Some("2026-02-12"),
            ),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 0,
                conflict: true
            })
        );
        assert_eq!(rivals, [1]);
        // A status: the weaker source's later "declined" does not overturn the wire's word.
        let (o, _) = decide(&[
            (st(Status::Accepted), false, "hi", Some("2026-01-20")),
            (st(Status::Declined), false, "lo", Some("2026-02-12")),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 0,
                conflict: true
            })
        );
        // The stronger source's later word is history that moved on.
        let (o, _) = decide(&[
            (st(Status::Accepted), false, "lo", Some("2026-01-20")),
            (st(Status::Declined), false, "hi", Some("2026-02-12")),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 1,
                conflict: false
            })
        );
        // Same day: the more reliable wins, flagged.
        let (o, _) = decide(&[
            (st(Status::Accepted), false, "hi", None),
            (st(Status::Declined), false, "lo", None),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 0,
                conflict: true
            })
        );
    }

    #[test]
    fn a_negative_claim_conflicts_with_the_positive_one() {
        let (o, rivals) = decide(&[
            (st(Status::Member), false, "a", None),
            (st(Status::Member), true, "hi", None),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 1,
                conflict: true
            })
        );
        assert_eq!(rivals, [0]);
        // "Not a member" does not deny that he signed.
        let (o, _) = decide(&[
            (st(Status::Signed), false, "a", None),
            (st(Status::Member), true, "b", None),
        ]);
        assert!(!o.unwrap().conflict);
        // "Not accepted" is denied by "member".
        let (o, _) = decide(&[
            (st(Status::Accepted), true, "a", None),
            (st(Status::Member), false, "b", None),
        ]);
        assert!(o.unwrap().conflict);
    }

    #[test]
    fn a_month_is_some_day_in_it() {
        // "2026-01" does not outrank the 20th: their order is unknown, so a rival value
        // conflicts instead of silently winning.
        let (o, rivals) = decide(&[
            (st(Status::Accepted), false, "a", Some("2026-01-20")),
            (st(Status::Declined), false, "b", Some("2026-01")),
        ]);
        assert!(o.unwrap().conflict);
        assert_eq!(rivals.len(), 1);
        // Against a day outside January it is history.
        let (o, _) = decide(&[
            (st(Status::Accepted), false, "a", Some("2026-02-02")),
            (st(Status::Declined), false, "b", Some("2026-01")),
        ]);
        assert_eq!(
            o,
            Some(Resolution {
                best: 0,
                conflict: false
            })
        );
        // An approximate day is close enough to the next days to have no order.
        let (o, _) = decide(&[
            (st(Status::Accepted), false, "a", Some("2026-01-21")),
            (st(Status::Declined), false, "b", Some("~2026-01-19")),
        ]);
        assert!(o.unwrap().conflict);
    }

    #[test]
    fn a_vaguer_joining_date_agrees_with_a_day_inside_it() {
        let (o, _) = decide(&[
            (Fact::Joined("2026-01".parse().unwrap()), false, "a", None),
            (
                Fact::Joined("2026-01-22".parse().unwrap()),
                false,
                "b",
                None,
            ),
        ]);
        assert!(!o.unwrap().conflict);
    }

    #[test]
    fn only_the_top_rank_competes() {
        let mut d = dataset(&[
            (st(Status::Accepted), false, "a", None),
            (st(Status::Declined), false, "b", None),
        ]);
        d.claims[0].rank = Rank::Preferred;
        assert_eq!(
            decide_in(&d).0,
            Some(Resolution {
                best: 0,
                conflict: false
            })
        );
        d.claims[0].rank = Rank::Deprecated;
        d.claims[1].rank = Rank::Deprecated;
        assert_eq!(decide_in(&d).0, None);
    }
}
