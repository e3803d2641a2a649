//! Where no native file dialog can appear (no desktop portal on a session bus, no zenity),
//! File ▸ Save As… falls back to the typed-path window instead of doing nothing.
//! One test in its own binary: it changes the process environment to take the dialogs away.

use board_explorer::ui::BoardExplorerApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn save_as_without_a_native_dialog_asks_for_a_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let empty_bin = tempfile::tempdir().unwrap();
    // SAFETY: this binary runs this one test only, before any other thread reads the
    // environment.
    unsafe {
        std::env::remove_var("DBUS_SESSION_BUS_ADDRESS");
        std::env::set_var("PATH", empty_bin.path());
    }
    let path = dir.path().join("fallback.ron");
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| BoardExplorerApp::new(cc));
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
    assert_eq!(
        board_explorer::store::load_file(&path).unwrap().dataset,
        board_explorer::store::embedded()
    );
}
