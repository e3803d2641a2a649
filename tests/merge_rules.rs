//! The merge's rules on the embedded dataset: an id both sides gave to different records is
//! split with its references; a source text edited on both sides keeps both sides' claims
//! anchored and is a conflict on the text itself.

use board_explorer::model::merge::{Pick, merge, resolve};
use board_explorer::model::text::content_hash;
use board_explorer::model::{Actor, Anchor, Dataset, Fact, Status, Subject};
use board_explorer::store::{SaveError, embedded};

fn with_actor(d: &mut Dataset, id: &str, name: &str, claim_id: &str) {
    d.actors.push(Actor {
        id: id.into(),
        name: name.into(),
        ..Actor::default()
    });
    let mut claim = d.claims[0].clone();
    claim.id = claim_id.into();
    claim.subject = Subject::Actor(id.into());
    claim.fact = Fact::Status(Status::Invited);
    claim.quote = None;
    d.claims.push(claim);
    let mut event = d.events[0].clone();
    event.id = format!("e-{claim_id}");
    event.actors = vec![id.into()];
    d.events.push(event);
}

#[test]
fn the_same_new_id_for_two_records_is_split_with_its_references() {
    let base = embedded();
    let (mut ours, mut theirs) = (embedded(), embedded());
    with_actor(&mut ours, "un", "United Nations", "c-ours");
    with_actor(&mut theirs, "un", "UN envoy", "c-theirs");
    let merged = merge(base.clone(), ours.clone(), theirs.clone()).unwrap();
    let d = &merged.dataset;
    assert_eq!(merged.renamed.len(), 1, "{}", merged.report());
    assert!(
        merged
            .report()
            .contains("actors un was given to two different records")
    );
    let new_id = &merged.renamed[0].to;
    assert_eq!(new_id, "un-2");
    let named = |id: &str| d.actor(id).map(|a| a.name.clone());
    let names = [named("un").unwrap(), named(new_id).unwrap()];
    assert!(names.contains(&"United Nations".to_string()) && names.contains(&"UN envoy".into()));
    // Each claim and event still points at its own side's record.
    let subject_of = |claim: &str| {
        let c = d.claims.iter().find(|c| c.id == claim).unwrap();
        named(c.subject.id()).unwrap()
    };
    assert_eq!(subject_of("c-ours"), "United Nations");
    assert_eq!(subject_of("c-theirs"), "UN envoy");
    let event_actor = |event: &str| {
        let e = d.events.iter().find(|e| e.id == event).unwrap();
        named(&e.actors[0]).unwrap()
    };
    assert_eq!(event_actor("e-c-ours"), "United Nations");
    assert_eq!(event_actor("e-c-theirs"), "UN envoy");
    assert!(merged.conflicts.is_empty());
    SaveError::check(d).unwrap();
    // Swapping the sides renames the same record.
    let swapped = merge(base, theirs, ours).unwrap();
    assert_eq!(
        swapped.dataset.actor(new_id).map(|a| &a.name),
        d.actor(new_id).map(|a| &a.name)
    );
}

#[test]
fn a_text_edited_on_both_sides_is_a_conflict_and_quotes_follow_the_text() {
    let base = embedded();
    let at = base
        .sources
        .iter()
        .position(|s| {
            base.claims
                .iter()
                .any(|c| c.source == s.id && c.quote.is_some())
        })
        .unwrap();
    let id = base.sources[at].id.clone();
    let (mut ours, mut theirs) = (embedded(), embedded());
    // Ours puts a line in front (every quote moves); theirs appends one.
    let edit = |d: &mut Dataset, text: String| {
        d.sources[at].hash = content_hash(&text);
        d.sources[at].text = text;
    };
    edit(
        &mut ours,
        format!("Updated at noon.\n{}", base.sources[at].text),
    );
    edit(
        &mut theirs,
        format!("{}\nCorrection appended.", base.sources[at].text),
    );
    let merged = merge(base.clone(), ours.clone(), theirs).unwrap();
    let d = &merged.dataset;
    // One conflict, on the text (not on its hash, which follows the text).
    assert_eq!(merged.conflicts.len(), 1, "{}", merged.report());
    assert_eq!(merged.conflicts[0].field(), "text");
    assert_eq!(merged.conflicts[0].record(), Some(id.as_str()));
    assert_eq!(d.sources[at].text, ours.sources[at].text);
    assert_eq!(d.sources[at].hash, content_hash(&d.sources[at].text));
    // Every quote of the source is where its words are in the merged text.
    let quoted: Vec<_> = d
        .claims
        .iter()
        .filter(|c| c.source == id && c.quote.is_some())
        .collect();
    assert!(!quoted.is_empty());
    for c in &quoted {
        assert_eq!(
            c.quote.as_ref().unwrap().anchor(&d.sources[at].text),
            Anchor::Exact
        );
    }
    assert!(merged.orphaned.is_empty());
    SaveError::check(d).unwrap();

    // Taking theirs: the text, its hash and the quotes follow, as one edit.
    let mut d = merged.dataset.clone();
    resolve(&d, 0, Pick::Theirs).unwrap().apply(&mut d).unwrap();
    assert!(d.sources[at].text.ends_with("Correction appended."));
    assert_eq!(d.sources[at].hash, content_hash(&d.sources[at].text));
    for c in d
        .claims
        .iter()
        .filter(|c| c.source == id && c.quote.is_some())
    {
        assert_eq!(
            c.quote.as_ref().unwrap().anchor(&d.sources[at].text),
            Anchor::Exact
        );
    }
    assert!(d.merge_conflicts.is_empty());
}

#[test]
fn a_deleted_actor_someone_still_cites_is_kept() {
    let base = embedded();
    let (mut ours, mut theirs) = (embedded(), embedded());
    let putin = base.actors.iter().position(|a| a.id == "putin").unwrap();
    let (edit, _) = board_explorer::model::data::ops::delete_actor(&ours, putin);
    edit.apply(&mut ours).unwrap();
    let mut claim = theirs.claims[0].clone();
    claim.id = "c-new-putin".into();
    claim.subject = Subject::Actor("putin".into());
    theirs.claims.push(claim);
    let merged = merge(base, ours, theirs).unwrap();
    assert!(merged.dataset.actor("putin").is_some());
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].ours, "null");
    SaveError::check(&merged.dataset).unwrap();
}
