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
    let edit = |d: &mut Dataset, text: String| {
        d.sources[at].hash = content_hash(&text);
        d.sources[at].text = text;
    };
    // Different paragraphs: ours puts one in front (every quote moves), theirs appends one.
    // Both arrive, with no conflict, and the quotes follow.
    let text = &base.sources[at].text;
    let (mut front, mut back) = (embedded(), embedded());
    edit(&mut front, format!("Updated at noon.\n{text}"));
    edit(&mut back, format!("{text}\nCorrection appended."));
    let clean = merge(base.clone(), front, back).unwrap();
    assert!(clean.conflicts.is_empty(), "{}", clean.report());
    let merged_text = &clean.dataset.sources[at].text;
    assert_eq!(
        merged_text,
        &format!("Updated at noon.\n{text}\nCorrection appended.")
    );
    assert_eq!(clean.dataset.sources[at].hash, content_hash(merged_text));
    for c in clean.dataset.claims.iter().filter(|c| c.source == id) {
        if let Some(q) = &c.quote {
            assert_eq!(q.anchor(merged_text), Anchor::Exact);
        }
    }

    // The same paragraph changed on both sides: ours puts words in front of the first
    // (every quote moves), theirs adds words at its end.
    let (first, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
    edit(&mut ours, format!("Updated at noon. {first}\n{rest}"));
    edit(&mut theirs, format!("{first} Correction appended.\n{rest}"));
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
    assert!(d.sources[at].text.contains("Correction appended."));
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
