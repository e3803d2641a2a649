//! The merge driver's fast path, record by record on the files' text: where it merges, it
//! writes exactly what the typed merge writes; where the typed merge would have more to do or
//! say, it steps aside; and what it takes from THEIRS is checked as a load checks it.

use board_explorer::model::data::generate::{Spec, generate};
use board_explorer::model::merge::merge;
use board_explorer::model::{Body, Dataset, Status};
use board_explorer::store::{merge_texts, to_ron};
use proptest::prelude::*;

use crate::merge_props::{Step, apply, base, step};
use crate::records::{person as actor, status_claim as claim};

/// The typed merge's file, which the text merge must give byte for byte.
fn typed(base: &Dataset, ours: &Dataset, theirs: &Dataset) -> String {
    to_ron(
        &merge(base.clone(), ours.clone(), theirs.clone())
            .unwrap()
            .dataset,
    )
}

/// The text merge of three datasets' files, as text; `None` where it steps aside.
fn by_text(base: &Dataset, ours: &Dataset, theirs: &Dataset) -> Option<String> {
    let (b, o, t) = (to_ron(base), to_ron(ours), to_ron(theirs));
    merge_texts(b.as_bytes(), o.as_bytes(), t.as_bytes()).map(|m| m.text().unwrap())
}

/// A larger generated dataset than the property's, so that the lists have records alike at
/// both ends and a middle.
fn bigger() -> Dataset {
    generate(Spec {
        actors: 40,
        claims_per_actor: 3,
        sources: 4,
        events: 8,
        seed: 11,
    })
}

#[test]
fn a_teammates_claim_and_our_actor_merge_as_the_typed_merge_merges_them() {
    let base = bigger();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.actors.push(actor("zed", "Zed Person"));
    let source = base.sources[0].id.clone();
    theirs
        .claims
        .push(claim("c-new", &base.actors[5].id, Status::Member, &source));
    // A change in the middle of a list on each side: the rest alike before and after it.
    ours.actors[20].name = "Renamed by us".into();
    theirs.claims[30].note = "checked by them".into();
    let merged = by_text(&base, &ours, &theirs).expect("the text merge takes this");
    assert_eq!(merged, typed(&base, &ours, &theirs));
    assert!(merged.contains("Zed Person") && merged.contains("c-new"));
    assert!(merged.contains("Renamed by us") && merged.contains("checked by them"));
}

/// The typed merge puts the records only theirs has after all of ours', wherever theirs had
/// them: so does the text merge, though the records alike after them need no lookup.
#[test]
fn a_record_theirs_put_mid_list_comes_after_ours_as_in_the_typed_merge() {
    let base = bigger();
    let (ours, mut theirs) = (base.clone(), base.clone());
    let source = base.sources[0].id.clone();
    let new = claim("c-mid", &base.actors[2].id, Status::Member, &source);
    theirs.claims.insert(12, new);
    let merged = by_text(&base, &ours, &theirs).expect("the text merge takes this");
    assert_eq!(merged, typed(&base, &ours, &theirs));
    let last_claim = &base.claims.last().unwrap().id;
    let at = |id: &str| merged.find(&format!("id: \"{id}\"")).unwrap();
    assert!(at("c-mid") > at(last_claim));
}

#[test]
fn deletions_of_claims_and_events_merge_on_the_text() {
    let base = bigger();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let gone_claim = ours.claims.remove(10).id;
    let gone_event = theirs.events.remove(2).id;
    let merged = by_text(&base, &ours, &theirs).expect("the text merge takes this");
    assert_eq!(merged, typed(&base, &ours, &theirs));
    assert!(!merged.contains(&format!("\"{gone_claim}\"")));
    assert!(!merged.contains(&format!("\"{gone_event}\"")));
}

#[test]
fn a_body_rule_changed_on_one_side_takes_that_sides_frame() {
    let base = bigger();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.body.seat_rules.term_years = 7;
    theirs.actors.push(actor("zed", "Zed Person"));
    let merged = by_text(&base, &ours, &theirs).expect("the text merge takes this");
    assert_eq!(merged, typed(&base, &ours, &theirs));
    assert!(merged.contains("term_years: 7"));
    // The other way round too: theirs' frame, ours' records.
    let merged = by_text(&base, &theirs, &ours).expect("the text merge takes this");
    assert_eq!(merged, typed(&base, &theirs, &ours));
}

#[test]
fn a_sources_title_changed_on_one_side_merges_but_its_text_does_not() {
    let base = bigger();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.sources[1].title = "A better title".into();
    theirs.actors.push(actor("zed", "Zed Person"));
    let merged = by_text(&base, &ours, &theirs).expect("a title is not quoted");
    assert_eq!(merged, typed(&base, &ours, &theirs));
    ours.sources[1].text.push_str(" One more sentence.");
    assert_eq!(
        by_text(&base, &ours, &theirs),
        None,
        "claims quote the text"
    );
}

/// What each side does to its copy.
type Change = dyn Fn(&mut Dataset, &mut Dataset);

#[test]
fn the_text_merge_steps_aside_where_the_typed_merge_has_more_to_do() {
    let base = bigger();
    let cases: Vec<(&str, Box<Change>)> = vec![
        (
            "a record changed on both sides",
            Box::new(|o, t| {
                o.actors[3].name = "Ours".into();
                t.actors[3].name = "Theirs".into();
            }),
        ),
        (
            "one new id on both sides, two records",
            Box::new(|o, t| {
                o.actors.push(actor("new", "One"));
                t.actors.push(actor("new", "Another"));
            }),
        ),
        (
            "an actor deleted while the other side adds a claim",
            Box::new(|o, t| {
                let id = o.actors[7].id.clone();
                o.claims.retain(|c| c.subject.id() != id);
                o.actors.remove(7);
                let source = t.sources[0].id.clone();
                t.claims
                    .push(claim("c-on-gone", &id, Status::Member, &source));
            }),
        ),
        (
            "a claim deleted on one side and changed on the other",
            Box::new(|o, t| {
                o.claims.remove(4);
                t.claims[4].note = "still here".into();
            }),
        ),
        (
            "the frame changed on both sides",
            Box::new(|o, t| {
                o.body.seat_rules.term_years = 4;
                t.body.seat_rules.term_years = 5;
            }),
        ),
    ];
    for (what, change) in cases {
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        change(&mut ours, &mut theirs);
        assert_eq!(by_text(&base, &ours, &theirs), None, "{what}");
    }
}

#[test]
fn a_sub_body_gone_on_one_side_is_left_to_the_typed_merge() {
    let mut base = bigger();
    base.sub_bodies.push(Body {
        id: "exec".into(),
        name: "Executive board".into(),
        parent: Some(base.body.id.clone()),
        ..Body::default()
    });
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.sub_bodies.clear();
    theirs.actors.push(actor("zed", "Zed Person"));
    assert_eq!(by_text(&base, &ours, &theirs), None);
}

/// A file's text with `from` replaced once by `to`, as a hand (or anyone) may have edited it.
fn edited(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from} is in the text");
    text.replacen(from, to, 1)
}

#[test]
fn what_theirs_brings_is_checked_as_a_load_checks_it() {
    let base = bigger();
    let mut theirs = base.clone();
    let source = base.sources[0].id.clone();
    theirs
        .claims
        .push(claim("c-new", &base.actors[1].id, Status::Member, &source));
    let (b, o, t) = (to_ron(&base), to_ron(&base), to_ron(&theirs));
    assert!(
        merge_texts(b.as_bytes(), o.as_bytes(), t.as_bytes()).is_some(),
        "the claim as written merges"
    );
    let actor = format!("Actor(\"{}\")", base.actors[1].id);
    let hostile = [
        (
            "an actor nobody has",
            edited(&t, &actor, "Actor(\"nobody\")"),
        ),
        (
            "a source nobody has",
            edited(
                &t,
                &format!("source: \"{source}\", rank"),
                "source: \"nowhere\", rank",
            ),
        ),
        (
            "a field that does not parse",
            edited(&t, "fact: Status(Member)", "fact: Status(Emperor)"),
        ),
    ];
    for (what, t) in hostile {
        assert!(
            merge_texts(b.as_bytes(), o.as_bytes(), t.as_bytes()).is_none(),
            "{what}"
        );
    }
    // Bytes that are not UTF-8 text, in the new claim's id.
    let mut bytes = t.clone().into_bytes();
    let at = t.find("c-new").unwrap();
    bytes[at + 2] = 0xFF;
    assert!(
        merge_texts(b.as_bytes(), o.as_bytes(), &bytes).is_none(),
        "not UTF-8"
    );
}

#[test]
fn text_it_does_not_expect_is_left_to_the_typed_merge() {
    let base = bigger();
    let mut theirs = base.clone();
    theirs.actors.push(actor("zed", "Zed Person"));
    let (b, o, t) = (to_ron(&base), to_ron(&base), to_ron(&theirs));
    let first_actor = format!("(id: \"{}\",", base.actors[0].id);
    let odd = [
        (
            "a line comment",
            edited(
                &o,
                "        actors: [",
                "        // the people\n        actors: [",
            ),
        ),
        (
            "an id with an escape",
            edited(&o, &first_actor, "(id: \"a\\u{30}\","),
        ),
        (
            "a record whose id is not first",
            edited(&o, &first_actor, "(kind: Person, id: \"x\","),
        ),
        ("a file cut short", o[..o.len() / 2].to_string()),
        ("text after the record", format!("{o}(")),
    ];
    for (what, o) in odd {
        assert!(
            merge_texts(b.as_bytes(), o.as_bytes(), t.as_bytes()).is_none(),
            "{what}"
        );
    }
}

/// Ids given twice on one side: the load refuses such a file, and the merge must not make one.
#[test]
fn an_id_given_twice_on_a_side_is_left_to_the_typed_merge() {
    let base = bigger();
    let mut theirs = base.clone();
    let mut twice = base.actors[0].clone();
    twice.name = "Someone else".into();
    theirs.actors.push(twice);
    assert_eq!(by_text(&base, &base, &theirs), None);
}

proptest! {
    #![proptest_config(crate::proptest_config(64))]

    /// Whatever two people do, the text merge gives the typed merge's file or steps aside.
    #[test]
    fn the_text_merge_is_the_typed_merge_or_steps_aside(
        ours_steps in prop::collection::vec(step(), 0..8),
        theirs_steps in prop::collection::vec(step(), 0..8),
    ) {
        let base = base();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours_steps.iter().for_each(|s| apply(&mut ours, s));
        theirs_steps.iter().for_each(|s: &Step| apply(&mut theirs, s));
        if let Some(text) = by_text(&base, &ours, &theirs) {
            prop_assert_eq!(text, typed(&base, &ours, &theirs));
        }
    }
}

/// A file of an older version is written anew in this one by the typed merge (its records
/// migrated): the text merge, which writes records as they are, leaves it to that merge.
#[test]
fn files_of_an_older_version_are_left_to_the_typed_merge() {
    let base = bigger();
    let mut theirs = base.clone();
    theirs.actors.push(actor("zed", "Zed Person"));
    let older = |d: &Dataset| edited(&to_ron(d), "version: 2,", "version: 1,");
    let (b, t) = (older(&base), older(&theirs));
    assert!(
        merge_texts(
            to_ron(&base).as_bytes(),
            to_ron(&base).as_bytes(),
            to_ron(&theirs).as_bytes()
        )
        .is_some(),
        "this version's files merge on the text"
    );
    assert!(merge_texts(b.as_bytes(), b.as_bytes(), t.as_bytes()).is_none());
}
