//! Edits and undo: every change is one undoable step; any sequence undone gives back the
//! original dataset exactly, byte for byte once saved.

use board_explorer::document::Document;
use board_explorer::model::data::ops::{
    add_actor, delete_actor, hand_claim, merge_actors, rename_actor, set_rank, update_actor,
};
use board_explorer::model::*;
use board_explorer::store::{embedded, parse, to_ron};
use proptest::prelude::*;

fn actor_named(d: &Dataset, name: &str) -> usize {
    d.actors.iter().position(|a| a.name == name).unwrap()
}

#[test]
fn a_new_id_moves_claims_mentions_and_rejected_suggestions_and_undo_moves_them_back() {
    let mut doc = Document::embedded();
    let original = to_ron(doc.dataset());
    let putin = actor_named(doc.dataset(), "Vladimir Putin");
    // A suggestion about Putin rejected on the first source: its key names him by id.
    let mut source = doc.dataset().sources[0].clone();
    source
        .rejected
        .push("putin|status|accepted|putin has accepted".into());
    source.rejected.push("putinesque|status|accepted|x".into());
    doc.apply(Edit::ReplaceSource { at: 0, source }, "Reject")
        .unwrap();
    let claims_before = doc
        .dataset()
        .claims
        .iter()
        .filter(|c| c.subject == Subject::Actor("putin".into()))
        .count();
    let edit = rename_actor(doc.dataset(), putin, "vladimir-putin").unwrap();
    doc.apply(edit, "New id").unwrap();
    let d = doc.dataset();
    assert_eq!(d.actors[putin].id, "vladimir-putin");
    assert_eq!(
        d.claims
            .iter()
            .filter(|c| c.subject == Subject::Actor("vladimir-putin".into()))
            .count(),
        claims_before
    );
    assert!(
        d.events
            .iter()
            .all(|e| !e.actors.iter().any(|a| a == "putin"))
    );
    assert!(
        d.events
            .iter()
            .any(|e| e.actors.iter().any(|a| a == "vladimir-putin"))
    );
    assert_eq!(
        d.sources[0].rejected[d.sources[0].rejected.len() - 2..],
        [
            "vladimir-putin|status|accepted|putin has accepted",
            "putinesque|status|accepted|x"
        ]
    );
    assert!(rename_actor(d, putin, "trump").is_err(), "taken");
    doc.undo().unwrap();
    doc.undo().unwrap();
    assert_eq!(to_ron(doc.dataset()), original);
}

#[test]
fn delete_takes_claims_and_mentions_and_undo_brings_them_back() {
    let mut doc = Document::embedded();
    let original = to_ron(doc.dataset());
    let israel = actor_named(doc.dataset(), "Israel");
    let (edit, summary) = delete_actor(doc.dataset(), israel);
    assert!(summary.claims_about >= 2, "{summary:?}");
    assert_eq!(summary.claims_pointing, 1, "Netanyahu represents Israel");
    assert!(summary.events >= 1);
    doc.apply(edit, "Delete Israel").unwrap();
    let d = doc.dataset();
    assert!(d.actor("israel").is_none());
    assert!(
        !d.claims
            .iter()
            .any(|c| c.subject == Subject::Actor("israel".into()))
    );
    assert!(
        !d.claims
            .iter()
            .any(|c| c.fact == Fact::Represents("israel".into()))
    );
    assert!(
        !d.events
            .iter()
            .any(|e| e.actors.contains(&"israel".to_string()))
    );
    // The result is still a valid file.
    parse(&to_ron(d), None).unwrap();
    assert!(doc.is_dirty());
    assert_eq!(doc.undo_label(), Some("Delete Israel"));
    assert_eq!(doc.undo().as_deref(), Some("Delete Israel"));
    assert_eq!(to_ron(doc.dataset()), original);
    assert!(!doc.is_dirty(), "back at the saved state");
    assert_eq!(doc.redo().as_deref(), Some("Delete Israel"));
    assert!(doc.dataset().actor("israel").is_none());
}

#[test]
fn merge_combines_aliases_claims_and_mentions() {
    let mut doc = Document::embedded();
    let d = doc.dataset();
    let putin = actor_named(d, "Vladimir Putin");
    let dup = add_actor(
        d,
        Actor {
            name: "V. Putin".into(),
            aliases: vec!["Vova".into()],
            ..Default::default()
        },
    )
    .unwrap();
    doc.apply(dup, "Add V. Putin").unwrap();
    let dup_at = doc.dataset().actors.len() - 1;
    let dup_id = doc.dataset().actors[dup_at].id.clone();
    assert_eq!(dup_id, "v-putin");
    let claim = hand_claim(
        doc.dataset(),
        &Index::build(doc.dataset()),
        &dup_id,
        Fact::Status(Status::Declined),
        EDITORS_NOTE,
        None,
        "",
    );
    doc.apply(claim, "Set status").unwrap();
    let before_claims = doc.dataset().claims.len();

    doc.apply(merge_actors(doc.dataset(), putin, dup_at), "Merge")
        .unwrap();
    let d = doc.dataset();
    assert!(d.actor(&dup_id).is_none());
    let merged = d.actor("putin").unwrap();
    assert!(merged.aliases.contains(&"V. Putin".to_string()));
    assert!(merged.aliases.contains(&"Vova".to_string()));
    assert_eq!(d.claims.len(), before_claims, "no claim lost");
    assert!(
        d.claims
            .iter()
            .any(|c| c.subject == Subject::Actor("putin".into())
                && c.fact == Fact::Status(Status::Declined))
    );
    parse(&to_ron(d), None).unwrap();

    doc.undo();
    assert!(doc.dataset().actor(&dup_id).is_some());
    assert!(
        !doc.dataset()
            .actor("putin")
            .unwrap()
            .aliases
            .contains(&"Vova".to_string())
    );
}

#[test]
fn empty_names_are_refused() {
    let d = embedded();
    let blank = Actor {
        name: "  ".into(),
        ..Default::default()
    };
    assert_eq!(
        add_actor(&d, blank.clone()).unwrap_err().to_string(),
        "A name cannot be empty."
    );
    assert!(update_actor(&d, 0, blank).is_err());
    // A duplicate name is allowed (two people can share one), with a word of warning.
    let warning = board_explorer::model::data::ops::check_name(&d, "vladimir putin", None).unwrap();
    assert!(warning.unwrap().contains("merge them"));
}

#[test]
fn a_stale_edit_is_refused_and_changes_nothing() {
    let mut doc = Document::embedded();
    let before = to_ron(doc.dataset());
    let bad = Edit::Batch(vec![
        Edit::RemoveClaim { at: 0 },
        Edit::RemoveActor { at: 9999 },
    ]);
    assert!(doc.apply(bad, "bad").is_err());
    assert_eq!(to_ron(doc.dataset()), before);
    assert_eq!(doc.undo_label(), None);
    assert!(!doc.is_dirty());
}

#[test]
fn a_new_edit_clears_redo() {
    let mut doc = Document::embedded();
    doc.apply(set_rank(doc.dataset(), 0, Rank::Preferred), "Prefer")
        .unwrap();
    doc.undo();
    assert_eq!(doc.redo_label(), Some("Prefer"));
    doc.apply(set_rank(doc.dataset(), 1, Rank::Deprecated), "Deprecate")
        .unwrap();
    assert_eq!(doc.redo_label(), None);
    assert_eq!(doc.undo_label(), Some("Deprecate"));
}

/// A user action, with positions taken modulo the current sizes so that every one applies.
#[derive(Clone, Debug)]
enum Action {
    Add(String),
    Delete(usize),
    Merge(usize, usize),
    Claim(usize, usize),
    Rank(usize, u8),
    Rename(usize, String),
    NewId(usize, String),
    Rules(u64),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        "[A-Za-zé ]{1,12}".prop_map(Action::Add),
        any::<usize>().prop_map(Action::Delete),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Action::Merge(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, s)| Action::Claim(a, s)),
        (any::<usize>(), 0u8..3).prop_map(|(c, r)| Action::Rank(c, r)),
        (any::<usize>(), "[A-Za-z]{1,8}").prop_map(|(a, n)| Action::Rename(a, n)),
        (any::<usize>(), "[a-z]{1,3}").prop_map(|(a, id)| Action::NewId(a, id)),
        // The seat form refuses absurd amounts (over MAX_AMOUNT) as validation does.
        (0..=board_explorer::model::data::money::MAX_AMOUNT).prop_map(Action::Rules),
    ]
}

fn to_edit(d: &Dataset, action: &Action) -> Option<Edit> {
    let n = d.actors.len();
    Some(match action {
        Action::Add(name) => match add_actor(
            d,
            Actor {
                name: name.clone(),
                ..Default::default()
            },
        ) {
            Ok(edit) => edit,
            Err(message) => {
                assert!(name.trim().is_empty(), "{name:?} refused: {message}");
                return None;
            }
        },
        Action::Delete(i) if n > 0 => delete_actor(d, i % n).0,
        Action::Merge(a, b) if n > 1 && a % n != b % n => merge_actors(d, a % n, b % n),
        Action::Claim(a, s) if n > 0 => {
            let source = if d.sources.is_empty() {
                EDITORS_NOTE.to_string()
            } else {
                d.sources[s % d.sources.len()].id.clone()
            };
            hand_claim(
                d,
                &Index::build(d),
                &d.actors[a % n].id,
                Fact::Status(Status::Signed),
                &source,
                Some("2026-02-01".parse().unwrap()),
                "x",
            )
        }
        Action::Rank(c, r) if !d.claims.is_empty() => set_rank(
            d,
            c % d.claims.len(),
            [Rank::Deprecated, Rank::Normal, Rank::Preferred][*r as usize],
        ),
        Action::Rename(a, name) if n > 0 => {
            let mut actor = d.actors[a % n].clone();
            actor.name = name.clone();
            update_actor(d, a % n, actor).unwrap()
        }
        // A taken id is refused (the dataset is left as it was).
        Action::NewId(a, id) if n > 0 => rename_actor(d, a % n, id).ok()?,
        Action::Rules(amount) => {
            let mut rules = d.body.seat_rules.clone();
            rules.threshold.amount = *amount;
            Edit::SetSeatRules(rules)
        }
        _ => return None,
    })
}

proptest! {
    #![proptest_config(crate::proptest_config(64))]

    #[test]
    fn any_edits_then_as_many_undos_give_back_the_original(actions in prop::collection::vec(action(), 1..25)) {
        let original = embedded();
        let original_text = to_ron(&original);
        let mut doc = Document::new(original.clone(), None);
        let mut applied = 0;
        for action in &actions {
            if let Some(edit) = to_edit(doc.dataset(), action) {
                doc.apply(edit, format!("{action:?}")).unwrap();
                applied += 1;
                // Every intermediate state is a valid dataset.
                prop_assert!(parse(&to_ron(doc.dataset()), None).is_ok());
            }
        }
        let after = to_ron(doc.dataset());
        for _ in 0..applied {
            prop_assert!(doc.undo().is_some());
        }
        prop_assert!(doc.undo().is_none());
        prop_assert!(doc.dataset() == &original);
        prop_assert_eq!(to_ron(doc.dataset()), original_text);
        prop_assert!(!doc.is_dirty());
        // And redoing everything arrives where the edits did.
        for _ in 0..applied {
            prop_assert!(doc.redo().is_some());
        }
        prop_assert_eq!(to_ron(doc.dataset()), after);
    }
}
