//! Property: whatever two people do to copies of one dataset, the three-way merge loses no
//! record or claim either side added or kept, gives a dataset that validates, and does not
//! depend on which side is "ours".

use std::collections::HashSet;

use board_explorer::model::data::generate::{Spec, generate};
use board_explorer::model::data::ops::delete_actor;
use board_explorer::model::merge::{Merged, Pick, merge, resolve};
use board_explorer::model::rules::validate::{Severity, validate};
use board_explorer::model::{Actor, Claim, Dataset, Fact, Rank, Status, Subject};
use proptest::prelude::*;

#[derive(Clone, Debug)]
pub(crate) enum Step {
    /// An actor with an id from a small pool, so both sides sometimes pick the same one.
    AddActor(u8, String),
    /// A claim about the actor at this position (modulo), with an id from a small pool.
    AddClaim(u8, usize, u8),
    DeleteClaim(usize),
    SetStatus(usize, u8),
    RenameActor(usize, String),
    DeleteActor(usize),
    DeleteEvent(usize),
    SetTerm(u32),
}

pub(crate) fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0u8..4, "[A-Z][a-z]{2,6}").prop_map(|(k, n)| Step::AddActor(k, n)),
        (0u8..4, any::<usize>(), 0u8..9).prop_map(|(k, a, s)| Step::AddClaim(k, a, s)),
        any::<usize>().prop_map(Step::DeleteClaim),
        (any::<usize>(), 0u8..9).prop_map(|(c, s)| Step::SetStatus(c, s)),
        (any::<usize>(), "[A-Z][a-z]{2,6}").prop_map(|(a, n)| Step::RenameActor(a, n)),
        any::<usize>().prop_map(Step::DeleteActor),
        any::<usize>().prop_map(Step::DeleteEvent),
        (1u32..9).prop_map(Step::SetTerm),
    ]
}

pub(crate) fn apply(d: &mut Dataset, step: &Step) {
    let status = |s: u8| Status::ALL[s as usize % Status::ALL.len()];
    match step {
        Step::AddActor(k, name) if d.actor(&format!("new-{k}")).is_none() => {
            d.actors.push(Actor {
                id: format!("new-{k}"),
                name: name.clone(),
                ..Actor::default()
            });
        }
        Step::AddClaim(k, a, s) if !d.actors.is_empty() && !d.sources.is_empty() => {
            let id = format!("c-new-{k}");
            if d.claims.iter().all(|c| c.id != id) {
                d.claims.push(Claim {
                    extra: Default::default(),
                    author: String::new(),
                    id,
                    subject: Subject::Actor(d.actors[a % d.actors.len()].id.clone()),
                    fact: Fact::Status(status(*s)),
                    negated: false,
                    body: None,
                    source: d.sources[0].id.clone(),
                    quote: None,
                    as_of: None,
                    rank: Rank::Normal,
                    note: String::new(),
                });
            }
        }
        Step::DeleteClaim(c) if !d.claims.is_empty() => {
            let at = c % d.claims.len();
            d.claims.remove(at);
        }
        Step::SetStatus(c, s) if !d.claims.is_empty() => {
            let at = c % d.claims.len();
            if matches!(d.claims[at].fact, Fact::Status(_)) {
                d.claims[at].fact = Fact::Status(status(*s));
            }
        }
        Step::RenameActor(a, name) if !d.actors.is_empty() => {
            let at = a % d.actors.len();
            d.actors[at].name = name.clone();
        }
        Step::DeleteActor(a) if !d.actors.is_empty() => {
            let (edit, _) = delete_actor(d, a % d.actors.len());
            edit.apply(d).unwrap();
        }
        Step::DeleteEvent(e) if !d.events.is_empty() => {
            let at = e % d.events.len();
            d.events.remove(at);
        }
        Step::SetTerm(years) => d.body.seat_rules.term_years = *years,
        _ => {}
    }
}

pub(crate) fn base() -> Dataset {
    generate(Spec {
        actors: 12,
        claims_per_actor: 3,
        sources: 3,
        events: 6,
        seed: 5,
    })
}

/// The merged content with every conflict settled the same way whichever side was ours (the
/// smaller value), lists in id order: what must not depend on the sides' order.
fn settled(merged: &Merged) -> Dataset {
    let mut d = merged.dataset.clone();
    while let Some(c) = d.merge_conflicts.first() {
        let pick = if c.ours <= c.theirs {
            Pick::Ours
        } else {
            Pick::Theirs
        };
        resolve(&d, 0, pick).unwrap().apply(&mut d).unwrap();
    }
    d.actors.sort_by(|a, b| a.id.cmp(&b.id));
    d.claims.sort_by(|a, b| a.id.cmp(&b.id));
    d.sources.sort_by(|a, b| a.id.cmp(&b.id));
    d.events.sort_by(|a, b| a.id.cmp(&b.id));
    for e in &mut d.events {
        e.actors.sort();
        e.sources.sort();
    }
    d
}

fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> HashSet<String> {
    list.iter().map(|r| id(r).to_string()).collect()
}

proptest! {
    #![proptest_config(crate::proptest_config(48))]

    #[test]
    fn the_merge_keeps_both_sides_work_whichever_side_is_ours(
        ours_steps in prop::collection::vec(step(), 0..12),
        theirs_steps in prop::collection::vec(step(), 0..12),
    ) {
        let base = base();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours_steps.iter().for_each(|s| apply(&mut ours, s));
        theirs_steps.iter().for_each(|s| apply(&mut theirs, s));

        let merged = merge(base.clone(), ours.clone(), theirs.clone()).unwrap();
        let swapped = merge(base.clone(), theirs.clone(), ours.clone()).unwrap();
        let d = &merged.dataset;
        let errors: Vec<_> = validate(d).into_iter().filter(|p| p.severity == Severity::Error).collect();
        prop_assert!(errors.is_empty(), "{errors:?}");

        let renamed: HashSet<String> = merged.renamed.iter().map(|r| r.to.clone()).collect();
        let actor_ids = ids(&d.actors, |a| &a.id);
        let claim_ids = ids(&d.claims, |c| &c.id);
        let base_actors = ids(&base.actors, |a| &a.id);
        let base_claims = ids(&base.claims, |c| &c.id);
        for side in [&ours, &theirs] {
            // Added on a side: in the result (a clashing id is split, both records kept).
            for a in side.actors.iter().filter(|a| !base_actors.contains(&a.id)) {
                prop_assert!(actor_ids.contains(&a.id), "actor {} lost", a.id);
            }
            for c in side.claims.iter().filter(|c| !base_claims.contains(&c.id)) {
                prop_assert!(claim_ids.contains(&c.id), "claim {} lost", c.id);
            }
        }
        // Kept by both sides: in the result.
        let kept_by = |d: &Dataset| ids(&d.claims, |c| &c.id);
        let (o, t) = (kept_by(&ours), kept_by(&theirs));
        for id in base_claims.iter().filter(|id| o.contains(*id) && t.contains(*id)) {
            prop_assert!(claim_ids.contains(id), "claim {id} kept by both, lost");
        }
        // A split id adds a record: the counts add up.
        let added = |side: &Dataset| side.actors.iter().filter(|a| !base_actors.contains(&a.id)).count();
        prop_assert!(d.actors.len() >= added(&ours).max(added(&theirs)));
        prop_assert!(renamed.iter().all(|id| actor_ids.contains(id) || claim_ids.contains(id)));

        prop_assert_eq!(merged.conflicts.len(), swapped.conflicts.len());
        prop_assert_eq!(settled(&merged), settled(&swapped));
    }
}
