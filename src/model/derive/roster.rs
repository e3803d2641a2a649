//! The roster, derived from claims: per actor and property, the best claim and the others.
//!
//! Selection and conflicts follow the one rule in [`super::conflict`]: deprecated claims never
//! count; among the claims of the top rank the latest word wins (the furthest step of a
//! status's life cycle, the more reliable source where two conflict), and a claim that
//! conflicts with the winner marks the property ⚠. An editor settles a conflict by ranking a
//! claim preferred or deprecated. History (an invitation later accepted) is not a conflict.

use chrono::NaiveDate;

use super::conflict::{self, Candidate, Resolution};
use super::index::{Index, shift_position};
use crate::model::data::dataset::{Dataset, Fact, Property, Status};

/// The resolved value of one property of one actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub property: Property,
    /// Position of the winning claim in `dataset.claims`.
    pub best: usize,
    /// Every other claim for this property that is known by the as-of date, best first.
    pub others: Vec<usize>,
    /// Whether a competing claim conflicts with the winner (see [`super::conflict`]).
    pub conflict: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RosterRow {
    /// Position of the actor in `dataset.actors`.
    pub actor: usize,
    /// Resolved properties, in `Property` order; absent properties are left out.
    pub values: Vec<Resolved>,
    /// Distinct sources behind the claims counted for this actor.
    pub sources: usize,
}

impl RosterRow {
    pub fn get(&self, property: Property) -> Option<&Resolved> {
        self.values.iter().find(|r| r.property == property)
    }

    /// The property's value, when the winning claim states one (a winning "not a member"
    /// states none: see [`RosterRow::denied`]).
    pub fn fact<'d>(&self, dataset: &'d Dataset, property: Property) -> Option<&'d Fact> {
        self.get(property)
            .map(|r| &dataset.claims[r.best])
            .filter(|c| !c.negated)
            .map(|c| &c.fact)
    }

    /// The value the winning claim denies ("not a member"), if it is a negative one.
    pub fn denied<'d>(&self, dataset: &'d Dataset, property: Property) -> Option<&'d Fact> {
        self.get(property)
            .map(|r| &dataset.claims[r.best])
            .filter(|c| c.negated)
            .map(|c| &c.fact)
    }

    /// The property's value in words ("not member" for a winning negative claim), "—" when
    /// nothing is known.
    pub fn value_label(&self, dataset: &Dataset, property: Property) -> String {
        self.get(property).map_or_else(
            || "—".into(),
            |r| dataset.claims[r.best].value_label(dataset),
        )
    }

    /// The actor's status; an actor with no status claim but a reported invitation counts as
    /// invited (sources often say "X was invited" and nothing more).
    pub fn status(&self, dataset: &Dataset) -> Option<Status> {
        if self.denied(dataset, Property::Status).is_some() {
            return None;
        }
        match (
            self.fact(dataset, Property::Status),
            self.fact(dataset, Property::Invited),
        ) {
            (Some(Fact::Status(s)), _) => Some(*s),
            (None, Some(Fact::Invited(true))) => Some(Status::Invited),
            _ => None,
        }
    }

    /// The status in words ("not member" when a source denies it), "—" when nothing is known.
    pub fn status_label(&self, dataset: &Dataset) -> &'static str {
        if let Some(Fact::Status(s)) = self.denied(dataset, Property::Status) {
            return s.not_label();
        }
        self.status(dataset).map_or("—", Status::label)
    }

    pub fn has_conflict(&self) -> bool {
        self.values.iter().any(|r| r.conflict)
    }

    pub fn conflicts(&self) -> usize {
        self.values.iter().filter(|r| r.conflict).count()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Roster {
    pub as_of: Option<NaiveDate>,
    pub rows: Vec<RosterRow>,
}

impl Roster {
    pub fn conflicts(&self) -> usize {
        self.rows.iter().map(RosterRow::conflicts).sum()
    }
}

/// Derives one row per actor, in dataset order, from the claims known by `as_of`
/// (all claims when `None`).
pub fn roster(dataset: &Dataset, index: &Index, as_of: Option<NaiveDate>) -> Roster {
    let shares = super::shares::in_shares(dataset.actors.len(), PARALLEL_ACTORS, |actors| {
        let mut scratch = Vec::new();
        actors
            .map(|a| row_in(&mut scratch, dataset, index, a, as_of))
            .collect::<Vec<_>>()
    });
    Roster {
        as_of,
        rows: shares.into_iter().flatten().collect(),
    }
}

/// From this many actors on, the rows are derived a share on each core.
const PARALLEL_ACTORS: usize = 20_000;

/// The row of the actor at `actor`, from the claims known by `as_of`.
pub fn row(dataset: &Dataset, index: &Index, actor: usize, as_of: Option<NaiveDate>) -> RosterRow {
    row_in(&mut Vec::new(), dataset, index, actor, as_of)
}

/// [`row`] with a buffer kept between rows.
pub(crate) fn row_in(
    known: &mut Vec<Candidate>,
    dataset: &Dataset,
    index: &Index,
    actor: usize,
    as_of: Option<NaiveDate>,
) -> RosterRow {
    let mut out = RosterRow {
        actor,
        values: Vec::new(),
        sources: 0,
    };
    row_into(known, dataset, index, as_of, &mut out);
    out
}

/// Derives `out`'s row again in place, reusing its lists. Costs what the actor's claims cost:
/// what the selection needs is read from the index; claims are read only for the winners'
/// values and for sources whose id hashes agree.
pub(crate) fn row_into(
    known: &mut Vec<Candidate>,
    dataset: &Dataset,
    index: &Index,
    as_of: Option<NaiveDate>,
    out: &mut RosterRow,
) {
    row_into_body(known, dataset, index, as_of, None, out);
}

/// [`row_into`] for the claims about one body: `None` the main body (claims naming no body or
/// the main one), `Some(id)` the sub-body with that id.
pub(crate) fn row_into_body(
    known: &mut Vec<Candidate>,
    dataset: &Dataset,
    index: &Index,
    as_of: Option<NaiveDate>,
    body: Option<&str>,
    out: &mut RosterRow,
) {
    let in_body = |c: usize| match body {
        None => !index.claim_sub_body(c),
        // Only views of a sub-body read the claim itself; the main roster reads the index.
        Some(id) => index.claim_sub_body(c) && dataset.claims[c].body.as_deref() == Some(id),
    };
    known.clear();
    known.extend(
        index.claims_by_actor[out.actor]
            .iter()
            .filter(|&&c| index.claim_known_by(c, as_of) && in_body(c))
            .map(|&c| candidate(index, c)),
    );
    out.sources = distinct_sources(dataset, index, known);
    known.sort_unstable_by_key(|k| k.property);
    let mut filled = 0;
    for candidates in known.chunk_by_mut(|a, b| a.property == b.property) {
        let property = candidates[0].property;
        let Some(Resolution { best, conflict }) = conflict::resolve(&dataset.claims, candidates)
        else {
            // Only deprecated claims: the sources said something, but the editor rejected it.
            continue;
        };
        // The others, best first: rank, then date, then file order.
        if candidates.len() > 1 {
            candidates.sort_unstable_by(|a, b| {
                (b.claim == best, b.rank, b.date, b.claim).cmp(&(
                    a.claim == best,
                    a.rank,
                    a.date,
                    a.claim,
                ))
            });
        }
        if filled == out.values.len() {
            out.values.push(Resolved {
                property,
                best,
                others: Vec::new(),
                conflict,
            });
        }
        let r = &mut out.values[filled];
        (r.property, r.best, r.conflict) = (property, best, conflict);
        r.others.clear();
        r.others.extend(candidates[1..].iter().map(|k| k.claim));
        filled += 1;
    }
    out.values.truncate(filled);
}

/// Claim `c` as the selection sees it, read from the index.
pub(crate) fn candidate(index: &Index, c: usize) -> Candidate {
    let (property, rank) = index.claim_property_rank(c);
    Candidate::new(
        property,
        rank,
        index.claim_date(c),
        index.claim_reliability(c),
        index.claim_hand_author(c),
        c,
    )
}

/// The claims that conflict with the winner of `resolved` (the competing claims a report or
/// a tooltip lists beside it), decided again by the one rule from the claims it names.
pub fn rivals(dataset: &Dataset, index: &Index, resolved: &Resolved) -> Vec<usize> {
    if !resolved.conflict {
        return Vec::new();
    }
    let mut candidates: Vec<Candidate> = std::iter::once(resolved.best)
        .chain(resolved.others.iter().copied())
        .map(|c| candidate(index, c))
        .collect();
    let Some(outcome) = conflict::resolve(&dataset.claims, &mut candidates) else {
        return Vec::new();
    };
    let mut found: Vec<usize> =
        conflict::rivals(&dataset.claims, &candidates, outcome.best).collect();
    found.sort_unstable();
    // In the order the roster lists the others: best first.
    resolved
        .others
        .iter()
        .copied()
        .filter(|c| found.binary_search(c).is_ok())
        .collect()
}

/// How many distinct source ids the claims cite (reorders `known`).
fn distinct_sources(dataset: &Dataset, index: &Index, known: &mut [Candidate]) -> usize {
    known.sort_unstable_by_key(|k| index.source_hash(k.claim));
    known
        .chunk_by(|a, b| index.source_hash(a.claim) == index.source_hash(b.claim))
        .map(|same_hash| {
            let id = |k: &Candidate| dataset.claims[k.claim].source.as_str();
            (0..same_hash.len())
                .filter(|&i| !same_hash[..i].iter().any(|b| id(b) == id(&same_hash[i])))
                .count()
        })
        .sum()
}

impl RosterRow {
    /// Moves the claim positions the way an insert (`up`) or a removal at `at` moved them.
    pub(crate) fn shift_claims(&mut self, at: usize, up: bool) {
        for r in &mut self.values {
            shift_position(&mut r.best, at, up);
            for c in &mut r.others {
                shift_position(c, at, up);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::{ActorKind, Rank, Role};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn two_sources() -> DatasetBuilder {
        DatasetBuilder::new("Board")
            .actor("trump", "Donald Trump", ActorKind::Person)
            .actor("putin", "Vladimir Putin", ActorKind::Person)
            .source(
                "a",
                "Outlet A",
                Some("2026-01-19"),
                "Trump is expected to chair.",
            )
            .source(
                "b",
                "Outlet B",
                Some("2026-01-19"),
                "Trump himself chairs the board.",
            )
    }

    fn derive(d: &Dataset, as_of: Option<&str>) -> Roster {
        roster(d, &Index::build(d), as_of.map(day))
    }

    #[test]
    fn equal_claims_that_disagree_are_a_conflict() {
        // (Proposed against member would be one life-cycle path, not a conflict: see
        // `conflict`; declined against member is.)
        let d = two_sources()
            .claim(
                "trump",
                Fact::Status(Status::Declined),
                "a",
                None,
                Some("expected to chair"),
            )
            .claim(
                "trump",
                Fact::Status(Status::Member),
                "b",
                None,
                Some("himself chairs"),
            )
            .claim("trump", Fact::Role(Role::Chair), "a", None, None)
            .claim("trump", Fact::Role(Role::Chair), "b", None, None)
            .build();
        let r = derive(&d, None);
        let trump = &r.rows[0];
        assert!(trump.get(Property::Status).unwrap().conflict);
        assert!(
            !trump.get(Property::Role).unwrap().conflict,
            "both say chair: agreement"
        );
        assert_eq!(trump.sources, 2);
        assert_eq!(r.conflicts(), 1);
        assert!(r.rows[1].values.is_empty(), "Putin has no claims");
    }

    #[test]
    fn a_later_claim_supersedes_without_conflict() {
        let d = two_sources()
            .claim(
                "putin",
                Fact::Status(Status::Invited),
                "a",
                Some("2026-01-19"),
                None,
            )
            .claim(
                "putin",
                Fact::Status(Status::Declined),
                "b",
                Some("2026-01-25"),
                None,
            )
            .build();
        let r = derive(&d, None);
        let putin = &r.rows[1];
        assert_eq!(putin.status(&d), Some(Status::Declined));
        assert!(!putin.has_conflict());
        assert_eq!(putin.get(Property::Status).unwrap().others, vec![0]);
    }

    #[test]
    fn as_of_hides_what_was_not_yet_known() {
        let d = two_sources()
            .claim("putin", Fact::Invited(true), "a", Some("2026-01-19"), None)
            .claim(
                "putin",
                Fact::Status(Status::Declined),
                "b",
                Some("2026-01-25"),
                None,
            )
            .build();
        assert_eq!(derive(&d, Some("2026-01-18")).rows[1].status(&d), None);
        assert_eq!(
            derive(&d, Some("2026-01-19")).rows[1].status(&d),
            Some(Status::Invited)
        );
        assert_eq!(
            derive(&d, Some("2026-01-24")).rows[1].status(&d),
            Some(Status::Invited)
        );
        assert_eq!(
            derive(&d, Some("2026-01-25")).rows[1].status(&d),
            Some(Status::Declined)
        );
        assert_eq!(derive(&d, Some("2026-01-18")).rows[1].sources, 0);
    }

    #[test]
    fn a_claim_without_date_speaks_for_its_source_date() {
        let d = DatasetBuilder::new("Board")
            .actor("putin", "Vladimir Putin", ActorKind::Person)
            .source("a", "Outlet A", Some("2026-01"), "text")
            .claim("putin", Fact::Invited(true), "a", None, None)
            .build();
        // Published "in January": only known once January is over.
        assert_eq!(derive(&d, Some("2026-01-19")).rows[0].status(&d), None);
        assert_eq!(
            derive(&d, Some("2026-01-31")).rows[0].status(&d),
            Some(Status::Invited)
        );
    }

    #[test]
    fn ranks_settle_conflicts() {
        let base = || {
            two_sources()
                .claim("trump", Fact::Status(Status::Proposed), "a", None, None)
                .claim("trump", Fact::Status(Status::Member), "b", None, None)
        };
        let preferred = base().ranked(Rank::Preferred).build();
        let row = &derive(&preferred, None).rows[0];
        assert_eq!(row.status(&preferred), Some(Status::Member));
        assert!(!row.has_conflict());

        let mut deprecated = base().build();
        deprecated.claims[1].rank = Rank::Deprecated;
        let row = &derive(&deprecated, None).rows[0];
        assert_eq!(row.status(&deprecated), Some(Status::Proposed));
        assert!(!row.has_conflict());
        assert_eq!(
            row.get(Property::Status).unwrap().others,
            vec![1],
            "kept, not lost"
        );
    }

    #[test]
    fn only_deprecated_claims_resolve_to_nothing() {
        let d = two_sources()
            .claim("putin", Fact::Status(Status::Accepted), "a", None, None)
            .ranked(Rank::Deprecated)
            .build();
        assert_eq!(derive(&d, None).rows[1].status(&d), None);
    }
}

#[cfg(test)]
mod large_roster_tests {
    use crate::model::Index;
    use crate::model::data::generate::{Spec, generate};

    /// Derived a share of the actors on each core, the roster has each actor's row in order,
    /// the row one actor alone derives to.
    #[test]
    fn a_large_roster_has_each_actors_own_row_in_order() {
        let d = generate(Spec {
            actors: super::PARALLEL_ACTORS + 5,
            claims_per_actor: 2,
            sources: 5,
            events: 0,
            seed: 8,
        });
        let index = Index::build(&d);
        let roster = super::roster(&d, &index, None);
        assert_eq!(roster.rows.len(), d.actors.len());
        for (i, row) in roster.rows.iter().enumerate() {
            assert_eq!(row.actor, i);
        }
        for a in (0..d.actors.len()).step_by(997).chain([d.actors.len() - 1]) {
            assert_eq!(roster.rows[a], super::row(&d, &index, a, None));
        }
    }
}
