//! The whole app, driven headlessly through egui_kittest (no GPU, no display).

use board_explorer::document::Document;
use board_explorer::model::data::builder::DatasetBuilder;
use board_explorer::model::{ActorKind, Fact};
use board_explorer::session::Command;
use board_explorer::store::to_ron;
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app() -> Harness<'static, BoardExplorerApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|cc| BoardExplorerApp::new(cc, None))
}

/// File ▸ Open by path…, type the path, Open.
fn open_by_path(h: &mut Harness<'static, BoardExplorerApp>, path: &std::path::Path) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open by path…").click();
    h.run();
    h.get_by_label("Path of the RON file:")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Open").click();
    h.run();
}

#[test]
fn opens_on_the_embedded_dataset_with_putin_in_the_roster() {
    let mut h = app();
    h.run();
    h.get_by_label("Vladimir Putin");
    h.get_by_label("Recep Tayyip Erdoğan");
    assert_eq!(h.state().panels.tab, Tab::Roster);
    assert!(
        h.state()
            .session
            .document()
            .window_title()
            .starts_with("Board of Peace — embedded dataset")
    );
    // The status bar counts the conflicts the derivation found: none under the one rule of
    // issue #12, as "proposed" then "member" is one life-cycle path.
    h.get_by_label_contains("0 conflicts");
}

#[test]
fn every_tab_opens_on_its_content() {
    let mut h = app();
    h.run();
    h.get_by_label("Seats").click();
    h.run();
    h.get_by_label("Seat rules");
    h.get_by_label("Quick calculator");
    h.get_by_label("Timeline").click();
    h.run();
    h.get_by_label("Jump to latest");
    h.get_by_label_contains("of 11 events");
    h.get_by_label("Sources").click();
    h.run();
    h.get_by_label("Import source…");
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Unnamed outlet");
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "DPA");
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
    open_by_path(&mut h, &path);
    assert_eq!(
        h.state().session.document().dataset().body.name,
        "Test Board"
    );
    assert_eq!(
        h.state().session.document().window_title(),
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
    let before = h.state().session.document().dataset().clone();
    h.state_mut()
        .session
        .replace_document(Document::new(before.clone(), None));
    open_by_path(&mut h, &path);
    h.get_by_label("Could not open the file");
    // In the error window in full, and in the status bar.
    assert_eq!(
        h.query_all_by_label_contains("newer board-explorer")
            .count(),
        2
    );
    assert!(
        h.state().session.document().dataset() == &before,
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
        h.state().session.document().window_title(),
        "Board of Peace — out.ron — board-explorer"
    );
    assert_eq!(
        board_explorer::store::load_file(&path).unwrap().dataset,
        board_explorer::store::embedded()
    );
}

fn edited_app() -> Harness<'static, BoardExplorerApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut BoardExplorerApp| app.ui(ui),
            BoardExplorerApp::with_document(Document::embedded()),
        );
    h.run();
    let edit = board_explorer::model::data::ops::set_rank(
        h.state().session.document().dataset(),
        0,
        board_explorer::model::Rank::Preferred,
    );
    h.state_mut()
        .perform(board_explorer::session::Command::edit(edit, "Prefer"));
    h.run();
    assert!(h.state().session.document().is_dirty());
    h
}

#[test]
fn new_with_unsaved_changes_asks_first_and_cancel_keeps_the_work() {
    let mut h = edited_app();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New dataset").click();
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().session.document().is_dirty());
    assert_eq!(
        h.state().session.document().dataset().body.name,
        "Board of Peace"
    );

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New dataset").click();
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert_eq!(h.state().session.document().dataset().body.name, "New body");
    assert!(h.state().session.document().dataset().actors.is_empty());
    // The empty roster says the three ways to fill it, the import among them.
    h.get_by_label_contains("No actors yet");
    h.get_by_label_contains("Import data… in the File menu");
}

#[test]
fn save_in_the_guard_saves_then_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.ron");
    let mut h = edited_app();
    h.state_mut().session.document_mut().path = Some(path.clone());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New dataset").click();
    h.run();
    h.get_by_label("Save").click();
    h.run();
    let saved = board_explorer::store::load_file(&path).unwrap().dataset;
    assert_eq!(saved.claims[0].rank, board_explorer::model::Rank::Preferred);
    assert_eq!(h.state().session.document().dataset().body.name, "New body");
}

#[test]
fn unsaved_work_is_autosaved_and_offered_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = board_explorer::store::recovery_path(dir.path());
    {
        let mut h = edited_app();
        h.state_mut().enable_recovery(recovery.clone());
        // One source ticked for comparison: the ticks come back with the work.
        h.state_mut()
            .panels
            .sources
            .choose(&["dpa-2026-01-19".to_string()]);
        // Autosave waits for a few quiet seconds after the last change.
        for _ in 0..100 {
            h.step();
        }
        assert!(recovery.exists(), "the recovery file was written");
        // The process "crashes" here: the harness is dropped without saving.
    }
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut BoardExplorerApp| app.ui(ui),
            BoardExplorerApp::with_document(Document::embedded()),
        );
    h.state_mut().enable_recovery(recovery.clone());
    h.run();
    h.get_by_label("Restore unsaved work?");
    h.get_by_label("Restore").click();
    h.run();
    let app = h.state();
    assert_eq!(
        app.session.document().dataset().claims[0].rank,
        board_explorer::model::Rank::Preferred
    );
    assert_eq!(
        app.panels.sources.chosen_sources(),
        Some(&["dpa-2026-01-19".to_string()][..])
    );
    assert!(
        app.session.document().is_dirty(),
        "restored work still needs saving"
    );

    // Saving the restored work removes the recovery file.
    let path = dir.path().join("restored.ron");
    h.state_mut().perform(Command::SaveAs(path));
    h.run();
    assert!(!recovery.exists());
}

#[test]
fn discarding_recovered_work_deletes_it() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = board_explorer::store::recovery_path(dir.path());
    board_explorer::store::write_recovery(&recovery, None, &board_explorer::store::embedded(), &[])
        .unwrap();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut BoardExplorerApp| app.ui(ui),
            BoardExplorerApp::with_document(Document::embedded()),
        );
    h.state_mut().enable_recovery(recovery.clone());
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(!recovery.exists());
    assert!(!h.state().session.document().is_dirty());
}

/// A file another program changed is merged into before a save; one that cannot be merged
/// from (here, cut in half) makes the save ask.
#[test]
fn saving_over_a_file_changed_on_disk_merges_or_asks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.ron");
    board_explorer::store::save_file(&path, &board_explorer::store::embedded()).unwrap();
    let (doc, _) = Document::open(&path).unwrap();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(
            |ui, app: &mut BoardExplorerApp| app.ui(ui),
            BoardExplorerApp::with_document(doc),
        );
    h.run();
    // Another program writes the file: the save takes its change in and writes it back.
    let mut theirs = board_explorer::store::embedded();
    theirs.actors[0].name = "Written by another program".into();
    std::fs::write(&path, to_ron(&theirs)).unwrap();
    h.state_mut().perform(Command::Save);
    h.run();
    assert!(h.query_by_label("The file changed on disk").is_none());
    h.get_by_label_contains("merged in");
    let on_disk = board_explorer::store::load_file(&path).unwrap().dataset;
    assert_eq!(on_disk.actors[0].name, "Written by another program");
    assert_eq!(
        h.state().session.document().dataset().actors[0].name,
        "Written by another program"
    );

    // A file that cannot be read is not merged from: the save asks, and Overwrite writes ours.
    let text = to_ron(&theirs);
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    h.state_mut().perform(Command::Save);
    h.run();
    h.get_by_label("The file changed on disk");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text[..text.len() / 2]
    );
    h.get_by_label("Overwrite").click();
    h.run();
    let on_disk = board_explorer::store::load_file(&path).unwrap().dataset;
    assert_eq!(on_disk.actors[0].name, "Written by another program");
}

/// File ▸ Export… is one window: every `ExportFormat` and the window's own picture as a
/// choice, a path that follows the format until edited, Enter to export; a format is written
/// by the session ("Exported to PATH", with Open folder), the picture is taken by the window.
#[test]
fn one_export_window_offers_every_format_and_the_picture_of_the_window() {
    use board_explorer::session::ExportFormat;
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let mut h = app();
    h.run();
    let open_export = |h: &mut Harness<'static, BoardExplorerApp>| {
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Export…").click();
        h.run();
    };
    let path_text = |h: &Harness<'static, BoardExplorerApp>| {
        h.get_by_role_and_label(Role::TextInput, "Path of the file:")
            .value()
            .unwrap_or_default()
    };
    // The suggestion follows the format picked.
    open_export(&mut h);
    assert!(path_text(&h).ends_with("-roster.csv"), "{}", path_text(&h));
    h.get_by_label(ExportFormat::Markdown.choice()).click();
    h.run();
    assert!(path_text(&h).ends_with("-report.md"), "{}", path_text(&h));
    h.get_by_label("Cancel").click();
    h.run();

    let export_to = |h: &mut Harness<'static, BoardExplorerApp>, choice: &str, path: &str| {
        open_export(h);
        h.get_by_label(choice).click();
        h.run();
        let field = h.get_by_role_and_label(Role::TextInput, "Path of the file:");
        field.focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        h.get_by_role_and_label(Role::TextInput, "Path of the file:")
            .type_text(path);
        h.run();
        h.key_press(egui::Key::Enter);
        // One frame: a picture keeps the window repainting until the renderer answers, which
        // it never does headless.
        h.step();
    };
    for &format in ExportFormat::ALL {
        let path = dir.path().join(format!("out.{}", format.extension()));
        export_to(&mut h, format.choice(), &path.display().to_string());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            h.state().session.export_text(format),
            "{format:?}"
        );
        h.run();
        h.get_by_label_contains(&format!("Exported to {}", path.display()));
        h.get_by_label("Open folder");
    }
    // The last format is offered first next time.
    open_export(&mut h);
    assert!(
        path_text(&h).ends_with("-ftm-entities.json"),
        "{}",
        path_text(&h)
    );
    h.get_by_label("Cancel").click();
    h.run();

    assert!(!h.state().taking_picture());
    let png = dir.path().join("window.png");
    export_to(
        &mut h,
        "Image of this panel (PNG)",
        &png.display().to_string(),
    );
    assert!(
        h.state().taking_picture(),
        "the window takes its own picture"
    );
}

/// The window opens on the file named on the command line, else the last one; a file that
/// cannot be opened gives the embedded dataset and says which file and why.
#[test]
fn the_window_opens_on_the_file_it_is_given() {
    use board_explorer::ui::startup_document;
    let dir = tempfile::tempdir().unwrap();
    let given = dir.path().join("given.ron");
    let last = dir.path().join("last.ron");
    let mut d = board_explorer::store::embedded();
    d.body.name = "Given Body".into();
    std::fs::write(&given, to_ron(&d)).unwrap();
    d.body.name = "Last Body".into();
    std::fs::write(&last, to_ron(&d)).unwrap();
    let (doc, notice) = startup_document(Some(&given), Some(&last));
    assert_eq!(doc.dataset().body.name, "Given Body");
    assert!(notice.is_none());
    let opened = given.clone();
    let h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| BoardExplorerApp::new(cc, Some(opened.clone())));
    assert_eq!(
        h.state().session.document().path.as_deref(),
        Some(given.as_path())
    );
    let (doc, _) = startup_document(None, Some(&last));
    assert_eq!(doc.dataset().body.name, "Last Body");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format: ").unwrap();
    let (doc, notice) = startup_document(Some(&broken), Some(&last));
    assert_eq!(doc.dataset(), &board_explorer::store::embedded());
    let notice = notice.expect("it says why").text;
    assert!(
        notice.contains("Could not open") && notice.contains("broken.ron"),
        "{notice}"
    );
}

/// The HTML report leaves the sources' full texts out unless "Include full source texts" is
/// ticked in the Export window (offered for the HTML report only, off at first, saying why).
#[test]
fn the_html_export_takes_the_source_texts_only_when_ticked() {
    use board_explorer::session::ExportFormat;
    use egui::accesskit::{Role, Toggled};
    use egui_kittest::kittest::NodeT;
    const TEXTS: &str = "Include full source texts";
    let dir = tempfile::tempdir().unwrap();
    let mut h = app();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    assert!(h.query_by_label(TEXTS).is_none(), "not for the CSV");
    h.get_by_label(ExportFormat::Html.choice()).click();
    h.run();
    assert_eq!(
        h.get_by_label(TEXTS).accesskit_node().toggled(),
        Some(Toggled::False)
    );
    h.get_by_label(TEXTS).hover();
    h.run();
    h.get_by_label_contains("may not be republishable");
    h.get_by_label(TEXTS).click();
    h.run();
    assert_eq!(
        h.get_by_label(TEXTS).accesskit_node().toggled(),
        Some(Toggled::True)
    );
    let path = dir.path().join("with-texts.html");
    let field = h.get_by_role_and_label(Role::TextInput, "Path of the file:");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path of the file:")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let written = std::fs::read_to_string(&path).unwrap();
    let session = &h.state().session;
    assert_eq!(written, session.export_text_with(ExportFormat::Html, true));
    assert_ne!(written, session.export_text(ExportFormat::Html));
    assert!(written.contains("class=\"source-text\""));
}
