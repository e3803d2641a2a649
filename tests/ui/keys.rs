//! The keyboard belongs to what has focus (issue 24): a dialog or prompt owns every key while it
//! is open, the review list's keys act only while the list has the focus, and Add claim gives
//! the keyboard back to the field the user was typing in. Driven through the real UI with
//! egui_kittest; every test checks the data and the undo history behind the keys.

use std::path::Path;

use board_explorer::document::Document;
use board_explorer::model::data::source_ops::{SourceDraft, add_source};
use board_explorer::session::Command;
use board_explorer::session::ExportFormat;
use board_explorer::ui::{BoardExplorerApp, PathPurpose, Tab, UiAction};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;

type H = Harness<'static, BoardExplorerApp>;

const SIZE: [f32; 2] = [1280.0, 800.0];
const SOURCE: &str = "wire-2026-01-25";
const REPORT: &str = "Hungary has accepted the invitation. Canada has been invited to join the board.\n\n\
                      World Bank President Ajay Banga was also invited, officials said.";
/// Words of the report selected in its text, so that Ctrl+Enter could add a claim.
const WORDS: &str = "Canada has been invited";
/// What the review list is called for screen readers.
const LIST: &str = "Suggestion list";

/// The app on `doc`, on the Sources tab, snapshots written into a folder of the test's own.
fn app(doc: Document, dir: &Path) -> H {
    let mut app = BoardExplorerApp::with_document(doc);
    app.session.set_snapshots_dir(dir.to_path_buf());
    app.panels.tab = Tab::Sources;
    let mut h = Harness::builder()
        .with_size(SIZE)
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h
}

/// The report added as a source and shown with its suggestions, as an import leaves it.
fn import(h: &mut H) {
    let app = h.state_mut();
    let draft = SourceDraft {
        outlet: "Wire".into(),
        title: "Board news".into(),
        published: Some("2026-01-25".parse().unwrap()),
        text: REPORT.into(),
        ..Default::default()
    };
    let today = "2026-01-25".parse().unwrap();
    let (edit, id) = add_source(app.session.dataset(), draft, today).unwrap();
    assert_eq!(id, SOURCE);
    app.perform(Command::edit(edit, "Import source"));
    app.panels.sources.focused = Some(id.clone());
    app.panels.sources.chosen = vec![id];
    h.run_steps(40);
}

/// The state a user is in when the keys go astray: a suggestion accepted (so there is an undo
/// step to take back), words selected in the text (so Ctrl+Enter could add a claim), and the
/// next suggestion selected in the review list, which has the keyboard.
fn reviewing(doc: Document, dir: &Path) -> H {
    let mut h = app(doc, dir);
    import(&mut h);
    h.get_by_label_contains("Hungary · status: accepted")
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Accept").click();
    h.run_steps(20);
    let at = REPORT.find(WORDS).unwrap();
    h.state_mut()
        .panels
        .sources
        .select_words(SOURCE, at, at + WORDS.len());
    h.run_steps(20);
    h.get_by_label_contains("Canada · ").click();
    h.run_steps(10);
    assert!(
        list_has_focus(&h),
        "a click on a row gives the list the keys"
    );
    h
}

fn list_has_focus(h: &H) -> bool {
    h.get_by_role_and_label(Role::List, LIST).is_focused()
}

/// What a stray key could change behind a dialog: the data, the undo history, the review.
#[derive(Debug, PartialEq)]
struct Seen {
    claims: usize,
    actors: usize,
    rejected: usize,
    undo: Option<String>,
    redo: Option<String>,
    listed: Vec<String>,
    selected: usize,
    editing_suggestion: bool,
}

/// The forms a shortcut behind a dialog could open.
#[derive(Debug, PartialEq)]
struct Forms {
    import_source: bool,
    add_actor: bool,
}

fn forms(h: &H) -> Forms {
    Forms {
        import_source: h.query_by_label("Import source").is_some(),
        add_actor: h.query_by_label("Add actor").is_some(),
    }
}

fn seen(h: &H) -> Seen {
    let app = h.state();
    let doc = app.session.document();
    let d = doc.dataset();
    let review = &app.panels.sources.review;
    Seen {
        claims: d.claims.len(),
        actors: d.actors.len(),
        rejected: d.sources.iter().map(|s| s.rejected.len()).sum(),
        undo: doc.undo_label().map(String::from),
        redo: doc.redo_label().map(String::from),
        listed: review
            .rows()
            .iter()
            .map(|r| format!("{} · {}", r.who, r.value))
            .collect(),
        selected: review.view.selected,
        editing_suggestion: h.query_by_label("Edit the suggestion").is_some(),
    }
}

/// Types `text` as a keyboard does: a key event and a text event for each character (the
/// review list reads the keys; a text field, the text).
fn type_keys(h: &mut H, text: &str) {
    for c in text.chars() {
        let key = Key::from_name(&c.to_ascii_uppercase().to_string()).expect("a letter");
        let modifiers = if c.is_uppercase() {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        h.key_press_modifiers(modifiers, key);
        h.event(egui::Event::Text(c.to_string()));
        h.run();
    }
}

/// Every key that does something somewhere in the app, but Enter: the review list's keys,
/// add claim, a word with an E in it, undo and redo, import, add actor. (Ctrl+Enter before the
/// letters: in the Add actor form it is the form's own Enter, and must find no name to add.)
fn press_keys(h: &mut H) {
    for key in [
        Key::Delete,
        Key::Backspace,
        Key::E,
        Key::ArrowDown,
        Key::ArrowUp,
    ] {
        h.key_press(key);
        h.run();
    }
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    type_keys(h, "Belarus");
    for (modifiers, key) in [
        (Modifiers::COMMAND, Key::Z),
        (Modifiers::COMMAND, Key::Y),
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::Z),
        (Modifiers::COMMAND, Key::I),
        (Modifiers::COMMAND, Key::N),
    ] {
        h.key_press_modifiers(modifiers, key);
        h.run();
    }
}

/// Opens a dialog with `open`, presses every key and then (after `confirm`, for what the
/// dialog itself needs) Enter, and checks that nothing changed behind it.
fn nothing_behind(h: &mut H, dialog: &str, dir: &Path, open: impl FnOnce(&mut H, &Path)) {
    nothing_behind_then(h, dialog, dir, open, |_, _| {});
}

fn nothing_behind_then(
    h: &mut H,
    dialog: &str,
    dir: &Path,
    open: impl FnOnce(&mut H, &Path),
    confirm: impl FnOnce(&mut H, &Path),
) {
    let before = seen(h);
    open(h, dir);
    h.run();
    assert!(h.state().dialog_open(), "{dialog} is open");
    let opened = forms(h);
    press_keys(h);
    confirm(h, dir);
    h.key_press(Key::Enter);
    h.run_steps(10);
    assert_eq!(seen(h), before, "keys pressed in {dialog} acted behind it");
    assert_eq!(forms(h), opened, "a shortcut opened a form behind {dialog}");
}

fn type_path(h: &mut H, purpose: PathPurpose) {
    let app = h.state_mut();
    app.window
        .file_menu
        .type_path(purpose, app.session.document());
}

#[test]
fn the_typed_path_windows_own_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = reviewing(Document::embedded(), dir.path());
    let csv = dir.path().join("roster.csv");
    nothing_behind_then(
        &mut h,
        "the Export window",
        dir.path(),
        |h, _| type_path(h, PathPurpose::Export(ExportFormat::Csv)),
        |h, _| common::type_into(h, "Path of the file:", csv.to_str().unwrap()),
    );
    assert!(csv.is_file(), "Enter exported: the window's own action");
    assert!(!h.state().dialog_open(), "and closed the window");

    // The Import data window: Enter imports (the dataset's own roster: nothing new).
    let mut h = reviewing(Document::embedded(), dir.path());
    let own = dir.path().join("own-roster.csv");
    std::fs::write(&own, h.state().session.export_text(ExportFormat::Csv)).unwrap();
    nothing_behind_then(
        &mut h,
        "the Import data window",
        dir.path(),
        |h, _| type_path(h, PathPurpose::Import(None)),
        |h, _| common::type_into(h, "Path of the file:", own.to_str().unwrap()),
    );
    h.get_by_label_contains("nothing new");
    assert!(
        !h.state().dialog_open(),
        "Enter imported and closed the window"
    );

    let mut h = reviewing(Document::embedded(), dir.path());
    let ron = dir.path().join("saved.ron");
    nothing_behind_then(
        &mut h,
        "the Save as path window",
        dir.path(),
        |h, _| type_path(h, PathPurpose::SaveAs),
        |h, _| common::type_into(h, "Path of the RON file:", ron.to_str().unwrap()),
    );
    assert!(ron.is_file());
}

#[test]
fn the_prompts_and_file_windows_own_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    type Open = fn(&mut H, &Path);
    let dialogs: [(&str, Open); 4] = [
        ("the Unsaved changes prompt on quitting", |h, _| {
            // What the window's close button (or Ctrl+Q) asks with unsaved changes.
            h.state_mut().window.pending = Some(UiAction::Run(Command::Quit));
        }),
        ("the Could not open window", |h, _| {
            h.state_mut().window.file_menu.error = Some("board.ron: not a dataset".into());
        }),
        ("the Take snapshot dialog", |h, _| {
            h.state_mut().window.snapshots.taking = Some(String::new());
        }),
        ("the snapshot comparison window", |h, _| {
            h.state_mut().window.snapshots.comparison =
                Some(("Changes since the snapshot".into(), Vec::new()));
        }),
    ];
    for (dialog, open) in dialogs {
        let mut h = reviewing(Document::embedded(), dir.path());
        nothing_behind(&mut h, dialog, dir.path(), open);
    }
}

#[test]
fn the_file_changed_on_disk_prompt_owns_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = reviewing(Document::embedded(), dir.path());
    let path = dir.path().join("board.ron");
    h.state_mut().perform(Command::SaveAs(path.clone()));
    // Unsaved work again, to save over the file another program changes meanwhile.
    h.get_by_role_and_label(Role::Button, "Accept").click();
    h.run();
    // A file cut in half by another program: it cannot be merged from, so saving asks.
    let text = board_explorer::store::to_ron(&board_explorer::store::embedded());
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    nothing_behind(
        &mut h,
        "the file changed on disk prompt",
        dir.path(),
        |h, _| {
            h.state_mut().perform(Command::Save);
            h.run();
            h.get_by_label("The file changed on disk");
        },
    );
}

#[test]
fn the_restore_unsaved_work_prompt_owns_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = board_explorer::store::recovery_path(dir.path());
    {
        // Work autosaved by an instance that then crashed (the harness dropped unsaved).
        let mut crashed = reviewing(Document::embedded(), dir.path());
        crashed.state_mut().enable_recovery(recovery.clone());
        crashed.run_steps(100);
        assert!(recovery.exists());
    }
    let mut h = reviewing(Document::embedded(), dir.path());
    nothing_behind(
        &mut h,
        "the Restore unsaved work prompt",
        dir.path(),
        |h, _| {
            h.state_mut().enable_recovery(recovery.clone());
            h.run();
            h.get_by_label("Restore unsaved work?");
        },
    );
}

#[test]
fn the_merge_conflicts_window_owns_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let base = board_explorer::store::embedded();
    let mut ours = base.clone();
    ours.actors[1].name = "Our Spelling".into();
    let mut theirs = base.clone();
    theirs.actors[1].name = "Their Spelling".into();
    let merged = board_explorer::model::merge::merge(base, ours, theirs).unwrap();
    let mut h = reviewing(Document::new(merged.dataset, None), dir.path());
    h.get_by_label("Merge conflicts");
    nothing_behind(&mut h, "the Merge conflicts window", dir.path(), |_, _| {});
}

#[test]
fn the_sources_dialogs_own_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = reviewing(Document::embedded(), dir.path());
    nothing_behind(&mut h, "the Import source form", dir.path(), |h, _| {
        h.get_by_label("Import source…").click();
    });

    let mut h = reviewing(Document::embedded(), dir.path());
    nothing_behind(&mut h, "the Delete source prompt", dir.path(), |h, _| {
        h.get_by_role_and_label(Role::Button, "Board news").click();
        h.run();
        h.get_by_label("Delete…").click();
    });
}

#[test]
fn the_roster_and_timeline_dialogs_own_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = reviewing(Document::embedded(), dir.path());
    h.state_mut().panels.tab = Tab::Roster;
    h.run();
    nothing_behind_then(
        &mut h,
        "the Add actor form",
        dir.path(),
        |h, _| {
            h.get_by_label("➕ Add actor").click();
        },
        // The letters went into its name field (it keeps the keyboard): emptied, so that
        // Enter is refused rather than adding an actor called Belarus.
        |h, _| {
            h.key_press_modifiers(Modifiers::COMMAND, Key::A);
            h.key_press(Key::Delete);
            h.run();
        },
    );
    // In its Wikidata field, holding a wrong id: the keys are the field's, and Enter adds
    // nothing while the id stands (though a name is given).
    let mut h = reviewing(Document::embedded(), dir.path());
    h.state_mut().panels.tab = Tab::Roster;
    h.run();
    nothing_behind_then(
        &mut h,
        "the Add actor form's Wikidata field",
        dir.path(),
        |h, _| {
            h.get_by_label("➕ Add actor").click();
            h.run();
            common::type_into(h, "Name", "Someone New");
            common::type_into(h, "Wikidata", "not-an-id");
        },
        |h, _| {
            assert!(
                h.get_by_role_and_label(Role::TextInput, "Wikidata")
                    .is_focused()
            );
        },
    );
    type Open = fn(&mut H, &Path);
    let dialogs: [(&str, Tab, Open); 3] = [
        ("the Bodies window", Tab::Roster, |h, _| {
            h.get_by_label("Bodies…").click();
        }),
        ("the Delete actor prompt", Tab::Roster, |h, _| {
            common::type_into(h, "🔍 Search", "israel");
            h.get_all_by_label("Israel").next().unwrap().click();
            h.run();
            let delete = h.get_by_label("🗑 Delete actor…");
            delete.scroll_to_me();
            h.run();
            h.get_by_label("🗑 Delete actor…").click();
        }),
        ("the event form", Tab::Timeline, |h, _| {
            h.get_by_label("➕ Add event").click();
            h.run();
            h.get_by_role_and_label(Role::Label, "Add event").click();
        }),
    ];
    for (dialog, tab, open) in dialogs {
        let mut h = reviewing(Document::embedded(), dir.path());
        h.state_mut().panels.tab = tab;
        h.run();
        nothing_behind(&mut h, dialog, dir.path(), open);
    }
}

#[test]
fn after_add_claim_typing_goes_on_in_find_and_edits_no_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = reviewing(Document::embedded(), dir.path());
    common::type_into(&mut h, "Find", "Hungary has accepted");
    h.key_press(Key::Enter);
    h.run();
    let before = seen(&h);
    h.get_by_label("Add claim").click();
    h.run_steps(5);
    assert_eq!(seen(&h).claims, before.claims + 1, "the claim is added");
    type_keys(&mut h, "Belarus");
    let find = h.get_by_role_and_label(Role::TextInput, "Find");
    assert!(find.is_focused(), "Find has the keyboard again");
    assert_eq!(
        find.value().as_deref(),
        Some("Hungary has acceptedBelarus"),
        "the letters went into Find"
    );
    let after = seen(&h);
    assert!(!after.editing_suggestion, "E did not edit the suggestion");
    assert_eq!(after.undo.as_deref(), Some("Add claim about Hungary"));
    assert_eq!(
        (after.claims, after.rejected, after.selected),
        (before.claims + 1, before.rejected, before.selected)
    );
}

#[test]
fn a_click_beside_find_leaves_enter_to_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = reviewing(Document::embedded(), dir.path());
    common::type_into(&mut h, "Find", "Hungary");
    let before = seen(&h);
    // The word "Find" beside the field: nothing to click there.
    h.get_by_role_and_label(Role::Label, "Find").click();
    h.run();
    for key in [Key::Enter, Key::Delete, Key::E, Key::ArrowDown] {
        h.key_press(key);
        h.run();
    }
    assert_eq!(seen(&h), before);
    assert!(!list_has_focus(&h));
}

#[test]
fn the_review_list_keys_work_while_the_list_has_the_focus() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = reviewing(Document::embedded(), dir.path());
    let start = seen(&h);
    // ↓ moves, and the list keeps the keyboard (egui would move its focus on).
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(seen(&h).selected, start.selected + 1);
    assert!(list_has_focus(&h));
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(seen(&h).selected, start.selected);
    // E edits; Cancel gives the keys back to the list.
    h.key_press(Key::E);
    h.run();
    assert!(seen(&h).editing_suggestion);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(!seen(&h).editing_suggestion);
    assert!(list_has_focus(&h), "back to the list after the edit");
    // Enter accepts the selected suggestion.
    h.key_press(Key::Enter);
    h.run_steps(5);
    let accepted = seen(&h);
    assert!(accepted.claims > start.claims);
    assert_eq!(accepted.listed, start.listed[1..]);
    assert!(list_has_focus(&h));
    // Elsewhere, the keys are not the list's; focused again (Tab, a screen reader), they are.
    h.get_by_role_and_label(Role::Label, "Find").click();
    h.run();
    for key in [Key::Enter, Key::Delete, Key::E] {
        h.key_press(key);
        h.run();
    }
    assert_eq!(seen(&h), accepted);
    h.get_by_role_and_label(Role::List, LIST).focus();
    h.run();
    assert!(list_has_focus(&h));
    h.key_press(Key::Delete);
    h.run_steps(5);
    assert_eq!(seen(&h).rejected, accepted.rejected + 1);
    assert!(seen(&h).listed.is_empty());
}
