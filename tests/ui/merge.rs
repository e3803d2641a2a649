//! The window and team editing: the open file changes on disk and the app reloads it (no
//! unsaved edits) or merges it into the edits; a file with merge conflicts lists them, and
//! picking a side is an edit.

use std::path::{Path, PathBuf};

use board_explorer::document::Document;
use board_explorer::model::{Dataset, Edit};
use board_explorer::session::Command;
use board_explorer::store::{embedded, load_file, to_ron};
use board_explorer::ui::BoardExplorerApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app_on_file(dir: &Path, d: &Dataset) -> (Harness<'static, BoardExplorerApp>, PathBuf) {
    let path = dir.join("board.ron");
    std::fs::write(&path, to_ron(d)).unwrap();
    let (doc, _) = Document::open(&path).unwrap();
    let app = BoardExplorerApp::with_document(doc);
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    (h, path)
}

/// Lets more than the watch interval pass on the harness clock.
fn wait_for_watch(h: &mut Harness<'_, BoardExplorerApp>) {
    h.run_steps(40);
    h.run();
}

fn rename(d: &Dataset, at: usize, name: &str) -> Command {
    let mut actor = d.actors[at].clone();
    actor.name = name.into();
    Command::edit(Edit::ReplaceActor { at, actor }, "Rename")
}

#[test]
fn the_app_reloads_a_clean_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = app_on_file(dir.path(), &embedded());
    let mut theirs = embedded();
    theirs.actors[0].name = "Pulled Name".into();
    let mut claim = theirs.claims[0].clone();
    claim.id = "c-pulled".into();
    theirs.claims.push(claim);
    std::fs::write(&path, to_ron(&theirs)).unwrap();
    wait_for_watch(&mut h);
    assert_eq!(h.state().session.dataset(), &theirs);
    assert!(!h.state().session.document().is_dirty());
    h.get_by_label_contains("changed on disk and was reloaded");
    // What came in, one change a row.
    h.get_by_label_contains("What came in");
    h.get_by_label("claim added");
}

#[test]
fn the_app_merges_a_file_changed_under_unsaved_edits() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = app_on_file(dir.path(), &embedded());
    let command = rename(h.state().session.dataset(), 0, "Mine");
    h.state_mut().perform(command);
    h.run();
    let mut theirs = embedded();
    theirs.actors[1].name = "Theirs".into();
    std::fs::write(&path, to_ron(&theirs)).unwrap();
    wait_for_watch(&mut h);
    let d = h.state().session.dataset();
    assert_eq!(d.actors[0].name, "Mine");
    assert_eq!(d.actors[1].name, "Theirs");
    assert!(h.state().session.document().is_dirty());
    h.get_by_label_contains("merged into your unsaved work");
}

#[test]
fn conflicts_are_listed_and_picking_theirs_is_an_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let base = embedded();
    let mut ours = embedded();
    ours.actors[1].name = "Our Spelling".into();
    let mut theirs = embedded();
    theirs.actors[1].name = "Their Spelling".into();
    let merged = board_explorer::model::merge::merge(base, ours, theirs).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    let (mut h, path) = app_on_file(dir.path(), &merged.dataset);
    assert_eq!(load_file(&path).unwrap().dataset.merge_conflicts.len(), 1);

    h.get_by_label("Merge conflicts");
    h.get_by_label_contains("Their Spelling");
    h.get_by_label("Take theirs").click();
    h.run();
    let d = h.state().session.dataset();
    assert_eq!(d.actors[1].name, "Their Spelling");
    assert!(d.merge_conflicts.is_empty());
    assert!(
        h.query_by_label("Take theirs").is_none(),
        "the window closes"
    );
    h.state_mut().perform(Command::Undo);
    h.run();
    let d = h.state().session.dataset();
    assert_eq!(d.actors[1].name, "Our Spelling");
    assert_eq!(d.merge_conflicts.len(), 1);
}

#[test]
fn saving_over_a_changed_file_merges_it_in_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = app_on_file(dir.path(), &embedded());
    let command = rename(h.state().session.dataset(), 0, "Mine");
    h.state_mut().perform(command);
    let mut theirs = embedded();
    theirs.actors[1].name = "Theirs".into();
    std::fs::write(&path, to_ron(&theirs)).unwrap();
    h.state_mut().perform(Command::Save);
    h.run();
    assert!(h.query_by_label("The file changed on disk").is_none());
    h.get_by_label_contains("merged in");
    let d = h.state().session.dataset();
    assert_eq!(
        (d.actors[0].name.as_str(), d.actors[1].name.as_str()),
        ("Mine", "Theirs")
    );
    let on_disk = load_file(&path).unwrap().dataset;
    assert_eq!(
        (
            on_disk.actors[0].name.as_str(),
            on_disk.actors[1].name.as_str()
        ),
        ("Mine", "Theirs")
    );
}
