//! Snapshots in the app, through egui_kittest: take one, open it read-only (edits refused),
//! compare it with the working file, restore it as a new file.

use board_explorer::document::Document;
use board_explorer::model::Status;
use board_explorer::session::Command;
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app(saves: &std::path::Path) -> Harness<'static, BoardExplorerApp> {
    let mut app = BoardExplorerApp::with_document(Document::embedded());
    app.session.set_snapshots_dir(saves.to_path_buf());
    let mut h = Harness::builder()
        .with_size([1500.0, 900.0])
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h
}

fn take_snapshot(h: &mut Harness<'_, BoardExplorerApp>, note: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Take snapshot…").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Note")
        .type_text(note);
    h.run();
    h.get_by_label("Take").click();
    h.run();
}

fn status_of(h: &Harness<'_, BoardExplorerApp>, actor: &str) -> Option<Status> {
    let app = h.state();
    let at = app.session.derived().index.actor_by_id[actor];
    app.session.derived().roster.rows[at].status(app.session.document().dataset())
}

#[test]
fn a_read_only_snapshot_refuses_edits_and_closing_it_returns_to_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path());
    h.state_mut()
        .perform(Command::SetAsOf(Some("2026-01-19".parse().unwrap())));
    take_snapshot(&mut h, "the day of the news");
    h.get_by_label_contains("Snapshot taken");
    h.state_mut().perform(Command::SetAsOf(None));

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Snapshots…").click();
    h.run();
    h.get_by_label("the day of the news");
    h.get_by_label("Open read-only").click();
    h.run();
    h.get_by_label_contains("Read-only snapshot \"the day of the news\"");
    assert_eq!(
        h.state().session.as_of(),
        Some("2026-01-19".parse().unwrap()),
        "seen as it was taken"
    );

    // An edit through the UI is refused with a message, and nothing changes.
    let claims = h.state().session.document().dataset().claims.len();
    h.state_mut().panels.tab = Tab::Roster;
    h.run();
    h.get_by_label("Vladimir Putin").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Value")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Value").click();
    h.run();
    h.get_by_label("declined").click();
    h.run();
    h.get_by_label("Add claim").scroll_to_me();
    h.run();
    h.get_by_label("Add claim").click();
    h.run();
    assert_eq!(h.state().session.document().dataset().claims.len(), claims);
    assert_eq!(status_of(&h, "putin"), Some(Status::Reviewing));
    h.get_by_label_contains("This snapshot is open read-only");

    h.get_by_label("Close snapshot").click();
    h.run();
    assert!(h.state().session.read_only().is_none());
    assert_eq!(h.state().session.as_of(), None);
    assert!(h.query_by_label_contains("Read-only snapshot").is_none());
}

#[test]
fn compare_lists_what_changed_since_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path());
    h.state_mut()
        .perform(Command::SetAsOf(Some("2026-01-18".parse().unwrap())));
    take_snapshot(&mut h, "before");
    h.state_mut().perform(Command::SetAsOf(None));
    h.state_mut().window.snapshots.open = true;
    h.run();
    h.get_by_label("Compare").click();
    h.run();
    h.get_by_label_contains("From snapshot \"before\"");
    h.get_by_label_contains("Vladimir Putin appears: status reviewing");
}

#[test]
fn restoring_a_snapshot_makes_a_new_unsaved_working_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path());
    take_snapshot(&mut h, "kept");
    h.state_mut().window.snapshots.open = true;
    h.run();
    h.get_by_label("Restore as new file").click();
    h.run();
    let app = h.state();
    assert!(
        app.session.document().is_dirty(),
        "a new file, not yet saved"
    );
    assert_eq!(app.session.document().path, None);
    assert_eq!(
        app.session.document().dataset().actors.len(),
        board_explorer::store::embedded().actors.len()
    );
}
