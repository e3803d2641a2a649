//! The whole app, driven headlessly through egui_kittest (no GPU, no display).

use board_explorer::document::Document;
use board_explorer::model::builder::DatasetBuilder;
use board_explorer::model::{ActorKind, Fact};
use board_explorer::store::to_ron;
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app() -> Harness<'static, BoardExplorerApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| BoardExplorerApp::new(cc))
}

#[test]
fn opens_on_the_embedded_dataset_with_putin_in_the_roster() {
    let mut h = app();
    h.run();
    h.get_by_label("Vladimir Putin");
    h.get_by_label("Recep Tayyip Erdoğan");
    assert_eq!(h.state().tab, Tab::Roster);
    assert!(
        h.state()
            .doc
            .window_title()
            .starts_with("Board of Peace — embedded dataset")
    );
    // The status bar counts the conflicts the derivation found.
    h.get_by_label_contains("3 conflicts");
}

#[test]
fn each_other_tab_says_what_it_will_hold() {
    let mut h = app();
    h.run();
    for (tab, heading) in [
        ("Seats", "Seat calculator"),
        ("Sources", "Source comparison"),
        ("Timeline", "Timeline"),
    ] {
        h.get_by_label(tab).click();
        h.run();
        assert!(h.query_all_by_label(heading).count() >= 1, "{tab}");
        h.get_by_label_contains("Not built yet");
    }
    h.get_by_label("Roster").click();
    h.run();
    h.get_by_label("Vladimir Putin");
}

#[test]
fn open_by_path_loads_a_file_and_shows_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.ron");
    let d = DatasetBuilder::new("Test Board")
        .actor("putin", "Vladimir Putin", ActorKind::Person)
        .source("s", "Outlet", Some("2026-01-19"), "Putin was invited.")
        .claim(
            "putin",
            Fact::Invited(true),
            "s",
            None,
            Some("Putin was invited"),
        )
        .build();
    std::fs::write(&path, to_ron(&d)).unwrap();

    let mut h = app();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open by path…").click();
    h.run();
    h.get_by_label("Path of the RON file:")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Open").click();
    h.run();
    assert_eq!(h.state().doc.dataset().body.name, "Test Board");
    assert_eq!(
        h.state().doc.window_title(),
        "Test Board — small.ron — board-explorer"
    );
    assert!(h.query_by_label("Tony Blair").is_none());
    h.get_by_label("Vladimir Putin");
    h.get_by_label("invited");
}

#[test]
fn a_bad_file_shows_the_error_and_keeps_the_open_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(
        &path,
        "(\n    format: \"board-explorer\",\n    version: 9,\n)",
    )
    .unwrap();
    let mut h = app();
    h.run();
    let before = h.state().doc.dataset().clone();
    h.state_mut().doc = Document::new(before.clone(), None);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open by path…").click();
    h.run();
    h.get_by_label("Path of the RON file:")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Open").click();
    h.run();
    h.get_by_label("Could not open the file");
    // In the error window in full, and in the status bar.
    assert_eq!(
        h.query_all_by_label_contains("newer board-explorer")
            .count(),
        2
    );
    assert!(
        h.state().doc.dataset() == &before,
        "the open dataset changed"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(\n    format: \"board-explorer\",\n    version: 9,\n)"
    );
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Could not open the file").is_none());
}

#[test]
fn save_as_path_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.ron");
    let mut h = app();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Save as path…").click();
    h.run();
    // The suggested path is selected: typing replaces it.
    h.get_by_label("Path of the RON file:")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().doc.window_title(),
        "Board of Peace — out.ron — board-explorer"
    );
    assert_eq!(
        board_explorer::store::load_file(&path).unwrap().dataset,
        board_explorer::store::embedded()
    );
}
