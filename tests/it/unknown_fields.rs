//! Fields this version does not know (a newer version's, a teammate's script's) are kept as
//! written through load, edit, merge and save, by the window's session, the command line and
//! the merge driver; the few that cannot be kept are said to be dropped.

use std::path::Path;

use board_explorer::model::Dataset;
use board_explorer::model::data::ops::update_actor;
use board_explorer::model::merge::merge;
use board_explorer::session::{Command, Session};
use board_explorer::store::{self, embedded, load_file, to_ron};

use crate::bin::run;

/// Inserts `field` (a line of RON) as the first field of the `n`-th record that starts with
/// `opening` in the text, on a line of its own.
fn add_field(text: &str, opening: &str, n: usize, field: &str) -> String {
    let (at, _) = text
        .match_indices(opening)
        .nth(n)
        .unwrap_or_else(|| panic!("no {opening:?} number {n}"));
    let at = at + opening.len();
    format!("{}{field}\n{}", &text[..at], &text[at..])
}

/// The embedded dataset with unknown fields in a record of every kind, values of every shape.
fn with_unknown_fields() -> String {
    let text = to_ron(&embedded());
    let text = add_field(&text, "    dataset: (\n", 0, "        sorted_by: \"name\",");
    let text = add_field(
        &text,
        "        body: (\n",
        0,
        "            motto: Some(\"peace\"),",
    );
    let text = add_field(
        &text,
        "        actors: [\n            (",
        0,
        "                nickname: Named(\"x\", [1, 2], (a: \"b)\")),",
    );
    let text = add_field(
        &text,
        "        sources: [\n            (",
        0,
        "                paywall: true,",
    );
    let text = add_field(
        &text,
        "        claims: [\n            (",
        0,
        "                weight: 0.5,",
    );
    add_field(
        &text,
        "        events: [\n            (",
        0,
        "                place: \"Davos\",",
    )
}

const WRITTEN: &[&str] = &[
    "sorted_by: \"name\"",
    "motto: Some(\"peace\")",
    "nickname: Named(\"x\", [1, 2], (a: \"b)\"))",
    "paywall: true",
    "weight: 0.5",
    "place: \"Davos\"",
];

fn assert_all_written(text: &str, when: &str) {
    for field in WRITTEN {
        assert!(text.contains(field), "{when}: {field} is gone");
    }
}

#[test]
fn every_records_unknown_fields_survive_a_load_and_a_save() {
    let text = with_unknown_fields();
    let loaded = store::parse_bytes(text.as_bytes(), None).unwrap();
    let kept: Vec<&str> = loaded
        .warnings
        .iter()
        .filter(|w| w.message.contains("kept as written"))
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(kept.len(), WRITTEN.len(), "{:?}", loaded.warnings);
    assert!(
        kept.iter()
            .any(|m| m.contains("nickname") && m.contains("dataset.actors.0")),
        "{kept:?}"
    );
    let saved = to_ron(&loaded.dataset);
    assert_all_written(&saved, "saved");
    // Saved again, nothing moves; read back, the same dataset.
    let again = store::parse_bytes(saved.as_bytes(), None).unwrap().dataset;
    assert_eq!(again, loaded.dataset);
    assert_eq!(to_ron(&again), saved);
    // The embedded dataset has none: nothing is said about it.
    let plain = store::parse_bytes(to_ron(&embedded()).as_bytes(), None).unwrap();
    assert!(
        plain
            .warnings
            .iter()
            .all(|w| !w.message.contains("unknown"))
    );
}

#[test]
fn an_actor_edited_in_a_form_keeps_its_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    std::fs::write(&path, with_unknown_fields()).unwrap();
    let (mut session, _) = Session::open(&path).unwrap();
    session.merge_on_save();
    // What the roster's form sends: a fresh actor with the new name.
    let mut form = session.dataset().actors[0].clone();
    form.extra = Default::default();
    form.name = "Renamed".into();
    let edit = update_actor(session.dataset(), 0, form).unwrap();
    session.perform(Command::edit(edit, "Rename"));
    let saved = session.perform(Command::Save);
    assert!(saved.written.is_some(), "{saved:?}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_all_written(&text, "after an edit");
    assert_eq!(load_file(&path).unwrap().dataset.actors[0].name, "Renamed");
}

#[test]
fn a_command_line_write_keeps_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.ron");
    std::fs::write(&path, with_unknown_fields()).unwrap();
    let file = path.to_str().unwrap();
    let (ok, out, err) = run(&[
        "actor",
        "add",
        file,
        "--name",
        "New Member",
        "--kind",
        "person",
    ]);
    assert!(ok, "{out}{err}");
    assert_all_written(&std::fs::read_to_string(&path).unwrap(), "after actor add");
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// One side's newer version added the fields; the other renamed an actor: the merge (in the
/// model, and as git's driver) keeps both.
#[test]
fn a_merge_keeps_the_fields_one_side_added() {
    let base = embedded();
    let mut ours = base.clone();
    ours.actors[1].name = "Renamed On Our Side".into();
    let theirs_text = with_unknown_fields();
    let theirs: Dataset = store::parse_bytes(theirs_text.as_bytes(), None)
        .unwrap()
        .dataset;
    let merged = merge(base.clone(), ours.clone(), theirs).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_all_written(&to_ron(&merged.dataset), "merged in the model");
    assert_eq!(merged.dataset.actors[1].name, "Renamed On Our Side");

    let dir = tempfile::tempdir().unwrap();
    let b = write(dir.path(), "base.ron", &to_ron(&base));
    let o = write(dir.path(), "ours.ron", &to_ron(&ours));
    let t = write(dir.path(), "theirs.ron", &theirs_text);
    let (ok, out, err) = run(&["merge", &b, &o, &t]);
    assert!(ok, "{out}{err}");
    let text = std::fs::read_to_string(&o).unwrap();
    assert_all_written(&text, "merged by the driver");
    assert!(text.contains("Renamed On Our Side"));
}

/// Both sides changed one unknown field differently: a conflict like any other field's,
/// settled by taking a side.
#[test]
fn an_unknown_field_changed_on_both_sides_is_a_conflict() {
    let base_text = with_unknown_fields();
    let base = store::parse_bytes(base_text.as_bytes(), None)
        .unwrap()
        .dataset;
    let side = |value: &str| {
        let text = base_text.replace("paywall: true", &format!("paywall: {value}"));
        store::parse_bytes(text.as_bytes(), None).unwrap().dataset
    };
    let merged = merge(base, side("false"), side("Soft(3)")).unwrap();
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert!(merged.conflicts[0].path.join(".").contains("paywall"));
    assert!(
        to_ron(&merged.dataset).contains("paywall: false"),
        "ours stays in place"
    );
}

/// The records' own field for unknown fields cannot be given by a file (its serde name has a
/// space): a file's `extra` is one more unknown field, kept as written.
#[test]
fn a_field_named_extra_is_just_another_unknown_field() {
    let text = add_field(
        &to_ron(&embedded()),
        "        actors: [\n            (",
        0,
        "                extra: {\"name\": \"(\"},",
    );
    let loaded = store::parse_bytes(text.as_bytes(), None).unwrap();
    assert!(to_ron(&loaded.dataset).contains("extra: {\"name\": \"(\"}"));
    assert_eq!(loaded.dataset.actors[0].name, embedded().actors[0].name);
}

/// Snapshots and the recovery file hold the dataset too: its unknown fields go through them.
#[test]
fn snapshots_and_the_recovery_file_keep_unknown_fields() {
    let d = store::parse_bytes(with_unknown_fields().as_bytes(), None)
        .unwrap()
        .dataset;
    let snapshot = store::snapshot_text(&d, None, "", "2026-12-07 10:00:00");
    assert_all_written(&snapshot, "in a snapshot");
    assert_eq!(store::parse_snapshot(&snapshot).unwrap().dataset, d);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recovery.ron");
    store::write_recovery(&path, None, &d, &[]).unwrap();
    assert_all_written(
        &std::fs::read_to_string(&path).unwrap(),
        "in the recovery file",
    );
    assert_eq!(store::read_recovery(&path).unwrap().unwrap().dataset, d);
}

#[test]
fn fields_that_cannot_be_kept_are_said_to_be_dropped() {
    let text = to_ron(&embedded());
    // Beside the header, and inside a claim's quote: no record holds them.
    let text = text.replacen(
        "    version: 2,\n",
        "    version: 2,\n    signed: true,\n",
        1,
    );
    let text = text.replacen("quote: Some((", "quote: Some((tone: 1, ", 1);
    assert!(text.contains("tone: 1"), "the embedded dataset has quotes");
    let loaded = store::parse_bytes(text.as_bytes(), None).unwrap();
    let dropped = loaded
        .warnings
        .iter()
        .filter(|w| w.message.contains("dropped at the next save"))
        .count();
    assert_eq!(dropped, 2, "{:?}", loaded.warnings);
    let saved = to_ron(&loaded.dataset);
    assert!(!saved.contains("signed") && !saved.contains("tone"));
}

/// A file with a great many different unknown names keeps the first few dozen and says the
/// rest are dropped, so a hostile file cannot make the app hold names without end.
#[test]
fn only_so_many_different_names_are_kept_from_one_file() {
    let fields: String = (0..200)
        .map(|i| format!("                f{i}: {i},\n"))
        .collect();
    let text = add_field(
        &to_ron(&embedded()),
        "        actors: [\n            (",
        0,
        fields.trim_end(),
    );
    let loaded = store::parse_bytes(text.as_bytes(), None).unwrap();
    let kept = loaded.dataset.actors[0].extra.iter().count();
    assert!((1..200).contains(&kept), "{kept}");
    let saved = to_ron(&loaded.dataset);
    assert!(saved.contains("f0: 0") && !saved.contains("f199: 199"));
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("more unknown fields")),
        "{:?}",
        loaded.warnings.last()
    );
}

/// An unknown last field followed by a `// comment` keeps the line break that closes the
/// comment, so the file saves (it once failed to, and the app stopped).
#[test]
fn an_unknown_field_with_a_trailing_comment_saves() {
    let text = to_ron(&embedded());
    let text = add_field(
        &text,
        "        actors: [\n            (",
        0,
        "                nickname: \"Bibi\" // added by hand\n                ,",
    );
    let loaded = store::parse_bytes(text.as_bytes(), None).unwrap();
    let saved = to_ron(&loaded.dataset);
    assert!(saved.contains("nickname: \"Bibi\""), "kept");
    let again = store::parse_bytes(saved.as_bytes(), None).unwrap().dataset;
    assert_eq!(again.actors[0].extra, loaded.dataset.actors[0].extra);
}

/// Unknown fields that would not read back (a merge conflict's side written by hand: a name
/// with a space, a value that is no RON) are left out of a write, which never fails on them.
#[test]
fn unknown_fields_that_would_not_read_back_are_left_out_of_a_write() {
    let mut d = embedded();
    d.actors[0].extra.keep("odd key", "1");
    d.actors[0].extra.keep("broken_value", "(((");
    d.actors[0].extra.keep("fine", "Some(2)");
    let text = to_ron(&d);
    assert!(text.contains("fine: Some(2)"));
    assert!(!text.contains("broken_value") && !text.contains("odd key"));
    store::parse_bytes(text.as_bytes(), None).expect("what is written reads back");
}
