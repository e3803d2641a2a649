//! Where no native file dialog can appear (no desktop portal on a session bus, no zenity),
//! File ▸ Save As… falls back to the typed-path window instead of doing nothing.
//! The test runs in a child process (`common/child.rs`) whose environment has the dialogs taken
//! away: the other tests share this process, and its environment.

use board_explorer::ui::BoardExplorerApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::child;

#[test]
fn save_as_without_a_native_dialog_asks_for_a_typed_path() {
    let name = child::name(
        module_path!(),
        "save_as_without_a_native_dialog_asks_for_a_typed_path",
    );
    if let Some(path) = child::job(&name) {
        // The child: no session bus and nothing on `PATH`.
        save_as_by_typed_path(&path);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let empty_bin = tempfile::tempdir().unwrap();
    let path = dir.path().join("fallback.ron");
    let mut command = child::command(&name, &path);
    command
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("PATH", empty_bin.path());
    child::run(command);
    assert_eq!(
        board_explorer::store::load_file(&path).unwrap().dataset,
        board_explorer::store::embedded()
    );
}

/// Quit with unsaved work on a dataset that has no file yet, answered Save: the typed-path
/// window asks for the file, and once it is saved the window closes, as asked.
#[test]
fn save_then_quit_quits_once_the_typed_save_went_through() {
    let name = child::name(
        module_path!(),
        "save_then_quit_quits_once_the_typed_save_went_through",
    );
    if let Some(path) = child::job(&name) {
        save_then_quit(&path);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let empty_bin = tempfile::tempdir().unwrap();
    let path = dir.path().join("quit.ron");
    let mut command = child::command(&name, &path);
    command
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("PATH", empty_bin.path());
    child::run(command);
    let saved = board_explorer::store::load_file(&path).unwrap().dataset;
    assert_eq!(saved.actors[0].name, "Renamed Before Quitting");
}

fn save_then_quit(path: &std::path::Path) {
    use board_explorer::model::Edit;
    use board_explorer::session::Command;
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| BoardExplorerApp::new(cc, None));
    h.run();
    let d = h.state().session.dataset();
    assert!(h.state().session.document().path.is_none(), "no file yet");
    let mut actor = d.actors[0].clone();
    actor.name = "Renamed Before Quitting".into();
    h.state_mut()
        .perform(Command::edit(Edit::ReplaceActor { at: 0, actor }, "Rename"));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Quit").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(!h.state().is_closing(), "not before the file is saved");
    h.get_by_label("Path of the RON file:")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(!h.state().session.document().is_dirty());
    assert!(h.state().is_closing(), "saved, then quit");
}

/// Import ▸ Open file… where no native dialog can appear: a field asks for the article's path
/// and reads it into the form.
#[test]
fn open_file_in_the_import_form_asks_for_a_typed_path_without_a_dialog() {
    let name = child::name(
        module_path!(),
        "open_file_in_the_import_form_asks_for_a_typed_path_without_a_dialog",
    );
    if let Some(path) = child::job(&name) {
        import_by_typed_path(&path);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let empty_bin = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, "Typed Path Wire reports that Armenia has signed.").unwrap();
    let mut command = child::command(&name, &path);
    command
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("PATH", empty_bin.path());
    child::run(command);
}

fn import_by_typed_path(path: &std::path::Path) {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| BoardExplorerApp::new(cc, None));
    h.run();
    h.state_mut().panels.tab = board_explorer::ui::Tab::Sources;
    h.run();
    h.get_by_label("Import source…").click();
    h.run();
    h.get_by_label("Open file…").click();
    h.run();
    h.get_by_label("Path of the article:");
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path of the article:")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path of the article:")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Read").click();
    h.run();
    assert!(h.query_by_label_contains("Could not read").is_none());
    // The form holds the article: its length is shown beside the text.
    let article = "Typed Path Wire reports that Armenia has signed.";
    h.get_by_label(&format!("{} characters", article.chars().count()));
    assert!(
        h.query_by_label("Path of the article:").is_none(),
        "the field closes once read"
    );
}

/// Save As in the window, where no native dialog can appear: the typed-path window asks, and
/// saves to `path`.
fn save_as_by_typed_path(path: &std::path::Path) {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| BoardExplorerApp::new(cc, None));
    h.run();
    assert!(h.query_by_label("Path of the RON file:").is_none());
    // Save As, by its shortcut (the menu item calls the same action).
    h.key_press_modifiers(
        egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
        egui::Key::S,
    );
    h.run();
    h.get_by_label("Path of the RON file:")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
}
