//! One command path without side doors: the session checks a command apart from running it,
//! for the window and the command line alike; a dialog's answer runs once, at the frame's end,
//! through the one queue; a panel's message follows its command's outcome.

use board_explorer::document::Document;
use board_explorer::model::data::ops::update_actor;
use board_explorer::session::{Check, Command, READ_ONLY, Session};
use board_explorer::ui::{BoardExplorerApp, Queued, UiAction};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn rename_putin(s: &Session) -> Command {
    let d = s.dataset();
    let at = d.actors.iter().position(|a| a.id == "putin").unwrap();
    let mut putin = d.actors[at].clone();
    putin.name = "Vladimir V. Putin".into();
    Command::edit(update_actor(d, at, putin).unwrap(), "Rename Putin")
}

/// The app on the embedded dataset, its snapshot folder `saves`, viewing a snapshot it took
/// there read-only; and the snapshot's file.
fn viewing_a_snapshot(saves: &std::path::Path) -> (BoardExplorerApp, std::path::PathBuf) {
    let mut app = BoardExplorerApp::with_document(Document::embedded());
    app.session.set_snapshots_dir(saves.to_path_buf());
    app.perform(Command::TakeSnapshot {
        note: "before".into(),
    });
    let path = app.session.snapshots()[0].path.clone();
    app.perform(Command::OpenSnapshot(path.clone()));
    assert!(app.session.read_only().is_some());
    (app, path)
}

#[test]
fn check_refuses_an_edit_of_a_read_only_snapshot_in_the_window_and_the_cli_alike() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = viewing_a_snapshot(dir.path());

    // The window: asked apart from running, then refused when run, with the same reason.
    let edit = rename_putin(&app.session);
    assert_eq!(app.session.check(&edit), Check::Refused(READ_ONLY));
    app.perform(edit);
    let notice = app.window.notice.clone().expect("a message");
    assert!(notice.is_error);
    assert_eq!(notice.text, READ_ONLY);
    assert_eq!(
        app.session.dataset().actor("putin").unwrap().name,
        "Vladimir Putin"
    );
    // Saving and opening another file are refused by the same rules.
    assert_eq!(app.session.check(&Command::Save), Check::Refused(READ_ONLY));
    assert!(matches!(
        app.session.check(&Command::Open(path.clone())),
        Check::Refused(_)
    ));

    // The command line: the same file, opened as the read-only commands open it.
    let mut cli = Session::open_any(Some(path.as_path()), None)
        .unwrap()
        .session;
    let edit = rename_putin(&cli);
    assert_eq!(cli.check(&edit), Check::Refused(READ_ONLY));
    let outcome = cli.perform(edit);
    assert!(outcome.is_error());
    assert_eq!(cli.dataset().actor("putin").unwrap().name, "Vladimir Putin");

    // A dataset file is not read-only: the same edit goes.
    let mut working = Session::embedded();
    let edit = rename_putin(&working);
    assert_eq!(working.check(&edit), Check::Go);
    assert!(!working.perform(edit).is_error());
}

#[test]
fn unsaved_changes_are_asked_about_by_check_before_any_dialog() {
    let mut s = Session::embedded();
    assert_eq!(s.check(&Command::New), Check::Go);
    s.perform(rename_putin(&s));
    assert_eq!(s.check(&Command::New), Check::AskUnsaved);
    assert_eq!(s.check(&Command::Quit), Check::AskUnsaved);
    // Once the user answered, the question is not asked again.
    assert_eq!(
        s.check(&Command::Confirmed(Box::new(Command::New))),
        Check::Go
    );
}

#[test]
fn a_command_from_a_dialog_runs_at_the_frames_end_through_the_one_queue() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("board.ron");
    let mut app = BoardExplorerApp::with_document(Document::embedded());
    app.perform(Command::SaveAs(file.clone()));
    let edit = rename_putin(&app.session);
    app.perform(edit);
    // New with unsaved changes: the session asks, the window shows the question.
    app.perform(Command::New);
    assert_eq!(app.window.pending, Some(UiAction::Run(Command::New)));
    let mut h = Harness::builder()
        .with_size([1200.0, 800.0])
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h.get_by_label("Unsaved changes");

    // Save, then New: queued by the dialog, carried out once its frame is drawn.
    h.get_by_label("Save").click();
    h.step();
    let app = h.state();
    assert!(app.window.pending.is_none(), "answered");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("Vladimir V. Putin"), "saved first");
    assert!(
        app.session.dataset().actors.is_empty(),
        "then the new dataset"
    );
    assert!(!app.session.document().is_dirty());
}

#[test]
fn a_panel_hears_its_commands_outcome_in_the_status_bar() {
    // Gone through: what the panel said of it is the status bar's message.
    let mut app = BoardExplorerApp::with_document(Document::embedded());
    let command = rename_putin(&app.session);
    app.perform_queued(Queued {
        command,
        said_when_done: Some("Putin renamed.".into()),
    });
    let notice = app.window.notice.clone().expect("said");
    assert!(!notice.is_error);
    assert_eq!(notice.text, "Putin renamed.");

    // Refused: the status bar says why, never what the panel would have said.
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = viewing_a_snapshot(dir.path());
    let command = rename_putin(&app.session);
    app.perform_queued(Queued {
        command,
        said_when_done: Some("Putin renamed.".into()),
    });
    let notice = app.window.notice.clone().expect("refused");
    assert!(notice.is_error);
    assert_eq!(notice.text, READ_ONLY);
}
