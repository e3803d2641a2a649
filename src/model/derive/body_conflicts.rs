//! Conflicts outside the main body's roster, under the one rule ([`super::conflict`]): among
//! the claims about a body itself (its seat rule, its milestones: two sources giving two
//! different days of entry into force), and among an actor's claims about a sub-body (member
//! of the Executive Board against declined it). The roster counts the actors' conflicts on the
//! main body; these are the rest, so that `check`, the status bar, the roster and the reports
//! count what the claim matrix shows. A body's own claims are a handful, and an actor's are
//! read with its row, so deriving them again after an edit costs what the edit touched.

use chrono::NaiveDate;

use super::conflict;
use super::conflict::Candidate;
use super::index::Index;
use super::roster::candidate;
use crate::model::data::dataset::{Dataset, Property, Subject};

/// One property in conflict outside the main roster: a body's own (its entry into force), or
/// an actor's on a sub-body (member of the Executive Board against declined it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyConflict {
    /// The body's id as the claims give it (one no body has is kept as it is).
    pub body: String,
    /// The actor (position in `dataset.actors`) whose place on the sub-body is disputed;
    /// `None` for the body's own property.
    pub actor: Option<usize>,
    pub property: Property,
    /// Position of the winning claim in `dataset.claims`.
    pub best: usize,
    /// Positions of the claims that conflict with it, in file order.
    pub rivals: Vec<usize>,
}

impl BodyConflict {
    /// Moves the claim positions the way an insert (`up`) or a removal at `at` moved them.
    pub(crate) fn shift_claims(&mut self, at: usize, up: bool) {
        super::index::shift_position(&mut self.best, at, up);
        for c in &mut self.rivals {
            super::index::shift_position(c, at, up);
        }
    }
}

/// The properties of bodies in conflict among the claims known by `as_of`, by body id then
/// property.
pub fn body_conflicts(d: &Dataset, index: &Index, as_of: Option<NaiveDate>) -> Vec<BodyConflict> {
    let subject = |c: usize| match &d.claims[c].subject {
        Subject::Body(id) | Subject::Actor(id) => id.as_str(),
    };
    let mut known: Vec<Candidate> = index
        .body_claims
        .iter()
        .copied()
        .filter(|&c| index.claim_known_by(c, as_of))
        .map(|c| candidate(index, c))
        .collect();
    let mut out = Vec::new();
    resolve_groups(d, &mut known, subject, None, &mut out);
    out
}

/// The properties of the actor at `actor` in conflict on sub-bodies, among its claims known
/// by `as_of`, by body id then property. Reads only the actor's claims (and the claims
/// themselves only when it has some about a sub-body).
pub fn sub_body_conflicts(
    d: &Dataset,
    index: &Index,
    actor: usize,
    as_of: Option<NaiveDate>,
) -> Vec<BodyConflict> {
    let mut known: Vec<Candidate> = index
        .claims_by_actor
        .get(actor)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .copied()
        .filter(|&c| index.claim_sub_body(c) && index.claim_known_by(c, as_of))
        .map(|c| candidate(index, c))
        .collect();
    let mut out = Vec::new();
    if known.len() > 1 {
        let body = |c: usize| d.claims[c].body.as_deref().unwrap_or("");
        resolve_groups(d, &mut known, body, Some(actor), &mut out);
    }
    out
}

/// Groups `known` by (`body` of the claim, property), decides each group by the one rule and
/// appends the groups in conflict.
fn resolve_groups<'d>(
    d: &'d Dataset,
    known: &mut [Candidate],
    body: impl Fn(usize) -> &'d str,
    actor: Option<usize>,
    out: &mut Vec<BodyConflict>,
) {
    known.sort_by(|a, b| {
        (body(a.claim), a.property, a.claim).cmp(&(body(b.claim), b.property, b.claim))
    });
    for group in
        known.chunk_by_mut(|a, b| a.property == b.property && body(a.claim) == body(b.claim))
    {
        let Some(outcome) = conflict::resolve(&d.claims, group).filter(|o| o.conflict) else {
            continue;
        };
        let mut rivals: Vec<usize> = conflict::rivals(&d.claims, group, outcome.best).collect();
        rivals.sort_unstable();
        out.push(BodyConflict {
            body: body(outcome.best).to_string(),
            actor,
            property: group[0].property,
            best: outcome.best,
            rivals,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::builder::DatasetBuilder;
    use crate::model::{ActorKind, Claim, Fact, Rank};

    fn in_force(id: &str, body: &str, day: &str, source: &str) -> Claim {
        Claim {
            extra: Default::default(),
            author: String::new(),
            id: id.into(),
            subject: Subject::Body(body.into()),
            fact: Fact::InForce(day.parse().unwrap()),
            negated: false,
            body: None,
            source: source.into(),
            quote: None,
            as_of: None,
            rank: Rank::Normal,
            note: String::new(),
        }
    }

    #[test]
    fn two_days_of_entry_into_force_conflict_and_one_ranked_settles_them() {
        let mut d = DatasetBuilder::new("Board")
            .actor("x", "X", ActorKind::State)
            .source("a", "Paper A", Some("2026-01-22"), "text")
            .source("b", "Paper B", Some("2026-01-23"), "text")
            .build();
        let id = d.body.id.clone();
        d.claims.push(in_force("f1", &id, "2026-01-22", "a"));
        d.claims.push(in_force("f2", &id, "2026-01-22", "b"));
        let index = Index::build(&d);
        assert!(body_conflicts(&d, &index, None).is_empty(), "they agree");
        d.claims[1].fact = Fact::InForce("2026-01-25".parse().unwrap());
        let index = Index::build(&d);
        let found = body_conflicts(&d, &index, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].body, id);
        assert_eq!(found[0].property, Property::InForce);
        // Known on the 22nd only Paper A has spoken: no conflict yet.
        let day = "2026-01-22".parse().ok();
        assert!(body_conflicts(&d, &index, day).is_empty());
        // Another body's date is its own row.
        d.claims[1].subject = Subject::Body("executive-board".into());
        let index = Index::build(&d);
        assert!(body_conflicts(&d, &index, None).is_empty());
        d.claims[1].subject = Subject::Body(id);
        d.claims[0].rank = Rank::Preferred;
        let index = Index::build(&d);
        assert!(
            body_conflicts(&d, &index, None).is_empty(),
            "ranked: settled"
        );
    }
}
