//! The window counts conflicts by the one rule (issue #12): the status bar and the Sources
//! legend give the same number as `check` on a dataset with each case of the rule; the roster
//! marks the disputed actors and shows a winning negative claim as "not member".

use board_explorer::document::Document;
use board_explorer::ui::{BoardExplorerApp, SourcesView, Tab};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::conflict_cases;

fn app_on(tab: Tab) -> Harness<'static, BoardExplorerApp> {
    let doc = Document::new(conflict_cases::dataset(), None);
    let mut app = BoardExplorerApp::with_document(doc);
    app.panels.tab = tab;
    let mut h = Harness::builder()
        .with_size([1500.0, 900.0])
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h
}

#[test]
fn the_status_bar_and_the_sources_legend_count_alike() {
    let n = conflict_cases::CONFLICTS;
    let mut h = app_on(Tab::Sources);
    h.get_by_label_contains(&format!("· {n} conflicts"));
    // Compare every source: the legend counts the matrix rows the rule puts in conflict.
    let all: Vec<String> = {
        let d = h.state().session.document().dataset();
        d.sources.iter().map(|s| s.id.clone()).collect()
    };
    h.state_mut().panels.sources.chosen = all;
    h.state_mut().panels.sources.view = SourcesView::Matrix;
    h.run();
    h.get_by_label(&format!("{n} conflict"));
    // The Netanyahu row (proposed, then accepted) differs without conflicting.
    assert!(h.query_all_by_label("history").count() >= 1);
    h.get_by_label("Conflicts only").click();
    h.run();
    for who in [
        "Vladimir Putin",
        "Israel",
        "Mark Carney",
        "Abdel Fattah al-Sisi",
        "Tony Blair (Executive Board)",
    ] {
        assert!(h.query_all_by_label(who).count() >= 1, "{who} missing");
    }
    assert!(h.query_by_label("Benjamin Netanyahu").is_none());
    assert!(h.query_by_label("Javier Milei").is_none());
    assert!(h.query_by_label_contains("Marco Rubio").is_none());
}

#[test]
fn the_roster_marks_the_disputed_and_shows_a_denial() {
    let mut h = app_on(Tab::Roster);
    h.get_by_label_contains(&format!("· {} conflicts", conflict_cases::CONFLICTS));
    h.get_by_label("not member");
    h.get_by_label("Has conflicts").click();
    h.run();
    for who in [
        "Vladimir Putin",
        "Israel",
        "Mark Carney",
        "Abdel Fattah al-Sisi",
    ] {
        h.get_by_label(who);
    }
    for who in ["Benjamin Netanyahu", "Javier Milei"] {
        assert!(h.query_by_label(who).is_none(), "{who} is not disputed");
    }
}

#[test]
fn the_actor_panes_claim_editor_makes_a_negative_claim() {
    use egui::accesskit::Role;
    let mut h = app_on(Tab::Roster);
    h.get_by_label("Benjamin Netanyahu").click();
    h.run();
    // Status is the default property; "not" denies the picked value.
    h.get_by_role_and_label(Role::ComboBox, "Value")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Value").click();
    h.run();
    h.get_by_label("signed").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "not").click();
    h.run();
    h.get_by_label("Add claim").click();
    h.run();
    let app = h.state();
    let d = app.session.document().dataset();
    let claim = d.claims.last().unwrap();
    assert!(claim.negated, "{claim:?}");
    assert_eq!(
        claim.fact,
        board_explorer::model::Fact::Status(board_explorer::model::Status::Signed)
    );
    assert_eq!(
        app.session.document().undo_label(),
        Some("Set status of Benjamin Netanyahu to not signed")
    );
}

#[test]
fn the_source_form_grades_a_source_and_names_what_it_relays() {
    use egui::accesskit::Role;
    use egui::{Key, Modifiers};
    let mut h = app_on(Tab::Sources);
    h.get_by_label("Import source…").click();
    h.run();
    let type_into = |h: &mut Harness<'static, BoardExplorerApp>, label: &str, text: &str| {
        h.get_by_role_and_label(Role::TextInput, label).focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_role_and_label(Role::TextInput, label)
            .type_text(text);
        h.run();
    };
    type_into(&mut h, "Outlet", "Some Site");
    type_into(&mut h, "Published", "~2026-02-12");
    type_into(&mut h, "Relays", "Reuters");
    h.get_by_role_and_label(Role::ComboBox, "Reliability")
        .click();
    h.run();
    h.get_by_label("low").click();
    h.run();
    let label = "Paste the article here. It is stored with whitespace tidied; quotes are anchored in the stored text.";
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text("Israel officially joined, per Bloomberg.");
    h.run();
    h.get_by_label("Import").click();
    h.run();
    let d = h.state().session.document().dataset();
    let source = d.sources.last().unwrap();
    assert_eq!(source.outlet, "Some Site");
    assert_eq!(
        source.reliability,
        Some(board_explorer::model::Reliability::Low)
    );
    assert_eq!(source.relays, "Reuters");
    assert_eq!(source.published.unwrap().to_string(), "~2026-02-12");
    // Beside the source (in the list, and wherever it is cited): reliability and relay.
    assert!(
        h.query_all_by_label_contains("low reliability, per Reuters")
            .count()
            >= 1
    );
}

#[test]
fn the_legend_gives_the_status_bars_count_when_the_ticked_sources_see_fewer() {
    use board_explorer::model::{EDITORS_NOTE, Fact, Status};
    let n = conflict_cases::CONFLICTS;
    // The editor's hand edit says Netanyahu declined on the day Paper B says he accepted: a
    // conflict no ticked source can show, since hand edits are no source.
    let mut d = conflict_cases::dataset();
    let mut hand = d
        .claims
        .iter()
        .find(|c| c.subject.id() == "netanyahu" && c.source == "paper-b")
        .unwrap()
        .clone();
    hand.id = "c-netanyahu-status-editor".into();
    hand.source = EDITORS_NOTE.into();
    hand.fact = Fact::Status(Status::Declined);
    hand.quote = None;
    hand.as_of = Some("2026-01-21".parse().unwrap());
    d.claims.push(hand);
    let mut app = BoardExplorerApp::with_document(Document::new(d, None));
    app.panels.tab = Tab::Sources;
    let mut h = Harness::builder()
        .with_size([1500.0, 900.0])
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h.get_by_label_contains(&format!("· {} conflicts", n + 1));
    let all: Vec<String> = {
        let d = h.state().session.document().dataset();
        d.sources.iter().map(|s| s.id.clone()).collect()
    };
    h.state_mut().panels.sources.chosen = all;
    h.state_mut().panels.sources.view = SourcesView::Matrix;
    h.run();
    // Every source ticked: the matrix finds the sources' conflicts, the legend adds the total.
    h.get_by_label(&format!("{n} conflict"));
    h.get_by_label(&format!("({} in the dataset)", n + 1));
    // Two sources ticked: fewer rows, the same total beside them.
    h.state_mut().panels.sources.chosen = vec!["paper-a".into(), "paper-b".into()];
    h.run();
    h.get_by_label("2 conflict"); // Putin's status, Blair's place on the Executive Board.
    h.get_by_label(&format!("({} in the dataset)", n + 1));
}

#[test]
fn the_legend_adds_nothing_when_the_counts_are_the_same() {
    let n = conflict_cases::CONFLICTS;
    let mut h = app_on(Tab::Sources);
    let all: Vec<String> = {
        let d = h.state().session.document().dataset();
        d.sources.iter().map(|s| s.id.clone()).collect()
    };
    h.state_mut().panels.sources.chosen = all;
    h.run();
    h.get_by_label(&format!("{n} conflict"));
    assert!(h.query_by_label_contains("in the dataset").is_none());
}
