//! File ▸ Import data…: another tool's file brought in through the session's import command,
//! as one undo step, its counts in the status bar. Where no native dialog can appear the
//! typed-path window asks for the file (and its format); the test runs in a child process
//! (`common/child.rs`) whose environment has the dialogs taken away.

use board_explorer::document::Document;
use board_explorer::model::Dataset;
use board_explorer::session::{ExportFormat, ImportFormat, Session};
use board_explorer::ui::BoardExplorerApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::child;

type H = Harness<'static, BoardExplorerApp>;

#[test]
fn import_data_brings_a_roster_csv_in_as_one_undo_step() {
    let name = child::name(
        module_path!(),
        "import_data_brings_a_roster_csv_in_as_one_undo_step",
    );
    if let Some(path) = child::job(&name) {
        import_by_typed_path(&path);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let empty_bin = tempfile::tempdir().unwrap();
    // A name that says no format: the window asks for it.
    let path = dir.path().join("roster.data");
    std::fs::write(&path, Session::embedded().export_text(ExportFormat::Csv)).unwrap();
    let mut command = child::command(&name, &path);
    command
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("PATH", empty_bin.path());
    child::run(command);
}

/// File ▸ Import data…, the path typed, the format picked (`None`: from the name), Import.
fn import_from(h: &mut H, path: &str, format: Option<ImportFormat>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import data…").click();
    h.run();
    if let Some(format) = format {
        h.get_by_label(format.choice()).click();
        h.run();
    }
    let field = h.get_by_role_and_label(Role::TextInput, "Path of the file:");
    field.focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path of the file:")
        .type_text(path);
    h.run();
    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
}

fn import_by_typed_path(path: &std::path::Path) {
    let app = BoardExplorerApp::with_document(Document::new(Dataset::new_body("x"), None));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    let embedded = Session::embedded();
    let actors = embedded.dataset().actors.len();

    // The name says no format: the window asks, keeping the path typed.
    import_from(&mut h, &path.display().to_string(), None);
    h.get_by_label_contains("Which format is");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Path of the file:")
            .value()
            .as_deref(),
        Some(path.display().to_string().as_str())
    );
    assert!(h.state().session.dataset().actors.is_empty());
    h.get_by_label(ImportFormat::Csv.choice()).click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
    h.get_by_label_contains(&format!("Imported roster.data: created {actors} actors"));
    let session = &h.state().session;
    assert_eq!(session.dataset().actors.len(), actors);
    assert_eq!(session.dataset().sources.len(), 1);
    assert_eq!(session.document().undo_label(), Some("Import roster.data"));
    // The same columns come out again.
    assert_eq!(
        session.export_text(ExportFormat::Csv).lines().count(),
        embedded.export_text(ExportFormat::Csv).lines().count()
    );

    // Again: matched, nothing new, nothing changed.
    let claims = h.state().session.dataset().claims.len();
    import_from(&mut h, &path.display().to_string(), Some(ImportFormat::Csv));
    h.get_by_label_contains(&format!("matched {actors}, nothing new"));
    assert_eq!(h.state().session.dataset().claims.len(), claims);
    assert_eq!(
        h.state().session.document().undo_label(),
        Some("Import roster.data")
    );

    // One undo takes the whole import back.
    h.state_mut()
        .perform(board_explorer::session::Command::Undo);
    h.run();
    assert!(h.state().session.dataset().actors.is_empty());
    assert!(h.state().session.dataset().sources.is_empty());

    // A file that is not a roster CSV: its line in the status bar, nothing changed.
    let bad = path.with_file_name("bad.csv");
    std::fs::write(&bad, "id,name,colour\na,A,red\n").unwrap();
    import_from(&mut h, &bad.display().to_string(), None);
    h.get_by_label_contains("line 1: \"colour\" is not a column");
    assert!(h.state().session.dataset().actors.is_empty());
}
