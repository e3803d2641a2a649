//! The Roster panel's flows, driven through the real UI with egui_kittest.

use board_explorer::model::{Fact, Status, Subject};
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common;
use common::status_of;

fn app() -> Harness<'static, BoardExplorerApp> {
    common::app_on(Tab::Roster, [1400.0, 900.0])
}

fn y_of(h: &Harness<'_, BoardExplorerApp>, label: &str) -> f32 {
    h.get_by_label(label).rect().min.y
}

fn select(h: &mut Harness<'_, BoardExplorerApp>, name: &str) {
    h.get_by_label(name).click();
    h.run();
}

/// Clicks a button or link, scrolling it into view first.
fn press(h: &mut Harness<'_, BoardExplorerApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn double_click(h: &mut Harness<'_, BoardExplorerApp>, label: &str) {
    h.get_by_label(label).click();
    h.step();
    h.get_by_label(label).click();
    h.step();
    h.run();
}

/// Opens the combo box named `label` and picks `choice`.
fn pick(h: &mut Harness<'_, BoardExplorerApp>, label: &str, choice: &str) {
    h.get_by_role_and_label(Role::ComboBox, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, label).click();
    h.run();
    h.get_by_label(choice).click();
    h.run();
}

/// Focuses the text field named `label` and types `text` at its end.
fn type_into(h: &mut Harness<'_, BoardExplorerApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn search_narrows_the_table_forgivingly() {
    let mut h = app();
    h.get_by_label("🔍 Search").click();
    h.run();
    h.get_by_label("🔍 Search").type_text("erdogan");
    h.run();
    h.get_by_label("Recep Tayyip Erdoğan");
    assert!(h.query_by_label("Vladimir Putin").is_none());
    h.get_by_label(&format!(
        "1 of {} actors",
        h.state().session.document().dataset().actors.len()
    ));
    // An alias finds its actor too.
    h.state_mut().panels.roster.query.text = "russian leader".into();
    h.run();
    h.get_by_label("Vladimir Putin");
    // Nothing matches: the table says so and offers a way out.
    h.state_mut().panels.roster.query.text = "nobody at all".into();
    h.run();
    h.get_by_label("No actor matches the search and filters.");
    h.get_by_label("Clear search and filters").click();
    h.run();
    h.get_by_label("Vladimir Putin");
}

#[test]
fn the_conflict_filter_shows_only_disputed_actors() {
    let mut h = app();
    common::dispute(&mut h, &["trump", "blair", "rubio"]);
    h.get_by_label("Has conflicts").click();
    h.run();
    for name in ["Donald Trump", "Tony Blair", "Marco Rubio"] {
        h.get_by_label(name);
    }
    assert!(h.query_by_label("Vladimir Putin").is_none());
}

#[test]
fn clicking_a_header_sorts_and_clicking_again_reverses() {
    let mut h = app();
    h.get_by_label("Country").click();
    h.run();
    assert!(
        y_of(&h, "Javier Milei") < y_of(&h, "Donald Trump"),
        "Argentina before United States"
    );
    h.get_by_label("Country ⏶").click();
    h.run();
    assert!(
        y_of(&h, "Javier Milei") > y_of(&h, "Donald Trump"),
        "reversed"
    );
    h.get_by_label("Country ⏷");
}

#[test]
fn an_edit_in_the_detail_pane_shows_in_the_table_and_undo_restores_it() {
    let mut h = app();
    assert_eq!(status_of(&h, "putin"), Some(Status::Reviewing));
    select(&mut h, "Vladimir Putin");
    // The detail pane lists every claim with its source and quote.
    h.get_by_label_contains("We are currently reviewing all the details");
    // The property is "status" by default.
    pick(&mut h, "Value", "declined");
    press(&mut h, "Add claim");
    assert_eq!(status_of(&h, "putin"), Some(Status::Declined));
    let claim = h
        .state()
        .session
        .document()
        .dataset()
        .claims
        .last()
        .unwrap()
        .clone();
    assert_eq!(claim.subject, Subject::Actor("putin".into()));
    assert_eq!(claim.fact, Fact::Status(Status::Declined));
    assert_eq!(claim.source, board_explorer::model::EDITORS_NOTE);
    assert!(
        h.query_all_by_label("declined").count() >= 1,
        "the table shows it"
    );
    assert_eq!(
        h.state().session.document().window_title(),
        "Board of Peace — embedded dataset • — board-explorer"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(status_of(&h, "putin"), Some(Status::Reviewing));
    assert!(!h.state().session.document().is_dirty());
    h.get_by_label_contains("Undid: Set status of Vladimir Putin to declined");
    // And redo brings it back.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    h.run();
    assert_eq!(status_of(&h, "putin"), Some(Status::Declined));
}

#[test]
fn editing_a_name_in_place() {
    let mut h = app();
    double_click(&mut h, "Mark Carney");
    // The editor opens focused with the name in it; select it all and type over it.
    let field = h.get_by_role_and_label(Role::TextInput, "Name ⏶");
    assert_eq!(field.value().as_deref(), Some("Mark Carney"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name ⏶")
        .type_text("Mark J. Carney");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state()
            .session
            .document()
            .dataset()
            .actor("carney")
            .unwrap()
            .name,
        "Mark J. Carney"
    );
    assert!(h.query_all_by_label("Mark J. Carney").count() >= 1);
}

#[test]
fn delete_asks_then_undo_brings_the_actor_and_its_claims_back() {
    let mut h = app();
    let before = h.state().session.document().dataset().clone();
    // "Israel" is also Netanyahu's country: narrow the table to the state first.
    type_into(&mut h, "🔍 Search", "israel");
    h.get_all_by_label("Israel").next().unwrap().click();
    h.run();
    press(&mut h, "🗑 Delete actor…");
    h.get_by_label("Delete Israel?");
    h.get_by_label_contains("claims about it");
    h.get_by_label("Delete").click();
    h.run();
    let d = h.state().session.document().dataset();
    assert!(d.actor("israel").is_none());
    assert!(d.claims.len() < before.claims.len());
    assert!(h.query_by_label("Israel").is_none());

    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo Delete Israel").click();
    h.run();
    assert!(
        h.state().session.document().dataset() == &before,
        "everything is back"
    );
    assert!(h.query_all_by_label("Israel").count() >= 1);
}

#[test]
fn delete_can_be_cancelled() {
    let mut h = app();
    // "Israel" is both a name and a country: the name comes first in its row.
    h.get_all_by_label("Israel").next().unwrap().click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(
        h.state()
            .session
            .document()
            .dataset()
            .actor("israel")
            .is_some()
    );
    assert!(!h.state().session.document().is_dirty());
}

#[test]
fn add_an_actor_then_merge_it_into_the_same_person() {
    let mut h = app();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Add actor");
    // The name field has the keyboard when the dialog opens.
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("V. Putin");
    h.run();
    h.get_by_label("Add").click();
    h.run();
    assert!(
        h.state()
            .session
            .document()
            .dataset()
            .actor("v-putin")
            .is_some()
    );
    let n = h.state().session.document().dataset().actors.len();

    select(&mut h, "Vladimir Putin");
    type_into(&mut h, "Find", "v. putin");
    press(&mut h, "V. Putin (person)");
    press(&mut h, "Merge V. Putin into Vladimir Putin");
    let d = h.state().session.document().dataset();
    assert_eq!(d.actors.len(), n - 1);
    assert!(d.actor("v-putin").is_none());
    assert!(
        d.actor("putin")
            .unwrap()
            .aliases
            .contains(&"V. Putin".to_string())
    );
    assert_eq!(
        h.state().session.document().undo_label(),
        Some("Merge V. Putin into Vladimir Putin")
    );
}

/// Enter on the Kind list opens or picks from the list, never adds the actor; the kind last
/// added is where the next Add actor starts (a list of states is entered one after another).
#[test]
fn enter_in_the_kind_list_picks_and_the_last_kind_is_remembered() {
    let mut h = app();
    let actors = h.state().session.document().dataset().actors.len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Armenia");
    h.run();
    // The Kind list has the keyboard: Enter is its own.
    // The dialog's, not the filter's behind it.
    h.get_all_by_role_and_label(Role::ComboBox, "Kind")
        .last()
        .unwrap()
        .focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().session.document().dataset().actors.len(), actors);
    // The list is open (drawn above everything, so its "state" comes last): pick from it.
    h.get_all_by_label("state").last().unwrap().click();
    h.run();
    assert_eq!(h.state().session.document().dataset().actors.len(), actors);
    h.get_by_label("Add").click();
    h.run();
    let d = h.state().session.document().dataset();
    assert_eq!(d.actors.len(), actors + 1);
    assert_eq!(
        d.actors.last().unwrap().kind,
        board_explorer::model::ActorKind::State
    );

    // The next one starts as a state, and Enter in its name adds it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Georgia");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let d = h.state().session.document().dataset();
    assert_eq!(d.actors.len(), actors + 2);
    assert_eq!(
        d.actors.last().unwrap().kind,
        board_explorer::model::ActorKind::State
    );
}

#[test]
fn an_empty_name_is_refused() {
    let mut h = app();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("   ");
    h.run();
    h.get_by_label("Add").click();
    h.run();
    assert!(h.query_all_by_label("A name cannot be empty.").count() >= 1);
    assert_eq!(h.state().session.document().undo_label(), None);
}

#[test]
fn an_invalid_pledge_is_refused_with_a_message() {
    let mut h = app();
    let claims = h.state().session.document().dataset().claims.len();
    select(&mut h, "Javier Milei");
    pick(&mut h, "Property", "pledge");
    type_into(&mut h, "Value", "-5 million USD");
    press(&mut h, "Add claim");
    h.get_by_label("A pledge cannot be negative.");
    assert_eq!(
        h.state().session.document().dataset().claims.len(),
        claims,
        "nothing saved"
    );

    // A valid one goes in, and shows in the table as money.
    type_into(&mut h, "Value", "");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Value")
        .type_text("$1.5bn");
    h.run();
    press(&mut h, "Add claim");
    assert_eq!(
        h.state().session.document().dataset().claims.len(),
        claims + 1
    );
    assert!(h.query_all_by_label("$1.5 billion").count() >= 1);
    assert_eq!(
        h.state().panels.roster.refusal,
        None,
        "the old message is gone"
    );
}

#[test]
fn ranking_a_claim_preferred_settles_a_conflict() {
    let mut h = app();
    common::dispute(&mut h, &["trump", "blair", "rubio"]);
    assert!(h.state().session.derived().roster.conflicts() == 3);
    select(&mut h, "Donald Trump");
    h.get_by_label("⚠ conflict");
    // The first "Prefer" button belongs to the first claim listed.
    h.get_all_by_label("Prefer").next().unwrap().scroll_to_me();
    h.run();
    h.get_all_by_label("Prefer").next().unwrap().click();
    h.run();
    assert_eq!(h.state().session.derived().roster.conflicts(), 2);
}

#[test]
fn a_claim_source_link_opens_the_source_with_the_quote() {
    let mut h = app();
    select(&mut h, "Tony Blair");
    let link = h.get_all_by_label("DPA, 2026-01-19").next().unwrap();
    link.scroll_to_me();
    h.run();
    h.get_all_by_label("DPA, 2026-01-19")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().panels.tab, board_explorer::ui::Tab::Sources);
    // The claim is picked in the Sources tab, its quote in view in the DPA text.
    let app = h.state();
    let d = app.session.document().dataset();
    let picked = app
        .panels
        .sources
        .selected_claim(d)
        .expect("the claim is picked");
    assert_eq!(d.claims[picked].source, "dpa-2026-01-19");
    assert_eq!(d.claims[picked].subject, Subject::Actor("blair".into()));
    let q = d.claims[picked].quote.as_ref().unwrap();
    assert!(
        app.panels
            .sources
            .screen_pos(d, "dpa-2026-01-19", q.start)
            .is_some()
    );
    h.get_by_label("Picked claim");
}

#[test]
fn a_merge_pick_does_not_follow_to_another_actor() {
    let mut h = app();
    select(&mut h, "Mark Carney");
    type_into(&mut h, "Find", "blair");
    press(&mut h, "Tony Blair (person)");
    h.get_by_label("Merge Tony Blair into Mark Carney");
    // Selecting Blair himself must not offer "Merge Tony Blair into Tony Blair".
    h.get_all_by_label("Tony Blair").next().unwrap().click();
    h.run();
    assert!(h.query_by_label_contains("into Tony Blair").is_none());
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Find")
            .value()
            .as_deref(),
        Some("")
    );
}

#[test]
fn file_quit_with_unsaved_changes_asks_first() {
    let mut h = app();
    select(&mut h, "Vladimir Putin");
    pick(&mut h, "Value", "declined");
    press(&mut h, "Add claim");
    assert!(h.state().session.document().is_dirty());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Quit").click();
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label_contains("before quitting");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(
        h.state().session.document().is_dirty(),
        "the work is still there"
    );
}

#[test]
fn a_cited_source_that_no_longer_exists_is_refused() {
    let mut h = app();
    h.state_mut().panels.roster.citation.source = "deleted-source".into();
    select(&mut h, "Vladimir Putin");
    pick(&mut h, "Value", "declined");
    let claims = h.state().session.document().dataset().claims.len();
    press(&mut h, "Add claim");
    assert_eq!(h.state().session.document().dataset().claims.len(), claims);
    h.get_by_label_contains("The cited source no longer exists");
}

#[test]
fn the_name_given_in_the_edit_menu_signs_the_claims_added_by_hand() {
    let mut h = app();
    // With an actor selected behind the menu, letters, Delete and Enter typed in the field
    // are the field's: nothing behind it changes, no question is asked.
    let before = h.state().session.document().dataset().clone();
    select(&mut h, "Vladimir Putin");
    h.get_by_label("Edit").click();
    h.run();
    type_into(&mut h, "Your name", "Dana ReporterE");
    h.key_press(Key::Backspace);
    h.key_press(Key::Delete);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().session.author(), "Dana Reporter");
    assert!(h.state().session.document().dataset() == &before);
    assert!(!h.state().session.document().is_dirty());
    assert!(h.query_by_label_contains("Delete Vladimir Putin").is_none());
    h.key_press(Key::Escape);
    h.run();
    // Putin is still selected: his pane adds the claim.
    pick(&mut h, "Value", "declined");
    press(&mut h, "Add claim");
    let d = h.state().session.document().dataset();
    let claim = d.claims.last().unwrap();
    assert_eq!(claim.fact, Fact::Status(Status::Declined));
    assert_eq!(claim.author, "Dana Reporter");
    // The claims already there keep no author: nobody made them in this session.
    assert!(d.claims[0].author.is_empty());
}

/// The Joined column gives the day the reports give: as the sources date the joining, else
/// the start of a member's term, else the day of the claim that made it a member.
#[test]
fn the_joined_column_shows_the_day_the_reports_give() {
    use board_explorer::model::derive::report::Report;
    let h = app();
    let session = &h.state().session;
    let (d, derived) = (session.dataset(), session.derived());
    let report = Report::new(d, derived);
    let shown: Vec<(String, String)> = report
        .rows
        .iter()
        .filter_map(|r| {
            let day = report.joined(r.row, r.seat)?;
            Some((d.actors[r.row.actor].name.clone(), day.to_string()))
        })
        .collect();
    assert!(!shown.is_empty(), "members with a joining day");
    for (name, day) in &shown {
        assert!(
            h.query_all_by_label(day).count() >= 1,
            "{name}: the roster does not show {day}"
        );
    }
}

#[test]
fn an_actor_is_added_with_its_wikidata_id_and_a_bad_one_stops_the_add() {
    let mut h = app();
    let count = |h: &Harness<'_, BoardExplorerApp>| h.state().session.dataset().actors.len();
    let before = count(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Ajay Banga");
    h.run();
    common::type_into(&mut h, "Wikidata", "banga");
    h.get_by_label("\"banga\" is not a Wikidata id: write Q and its digits, like Q7747");
    assert!(h.get_by_label("Add").accesskit_node().is_disabled());
    // Neither the button nor Enter adds while the id is wrong.
    h.get_by_label("Add").click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(count(&h), before);
    h.get_by_label("Add actor");

    common::type_into(&mut h, "Wikidata", " Q5285 ");
    assert!(h.query_by_label_contains("is not a Wikidata id").is_none());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(count(&h), before + 1);
    let added = h.state().session.dataset().actors.last().unwrap().clone();
    assert_eq!(added.name, "Ajay Banga");
    assert_eq!(added.wikidata.as_deref(), Some("Q5285"), "kept, trimmed");
    assert!(h.query_by_label("Add actor").is_none(), "the dialog closed");
}

#[test]
fn a_wikidata_id_is_edited_in_the_detail_pane_and_a_bad_one_is_refused() {
    let mut h = app();
    let wikidata = |h: &Harness<'_, BoardExplorerApp>| {
        h.state()
            .session
            .document()
            .dataset()
            .actor("putin")
            .unwrap()
            .wikidata
            .clone()
    };
    select(&mut h, "Vladimir Putin");
    press(&mut h, "Details");
    common::type_into(&mut h, "Wikidata", "Q7747");
    assert!(h.query_by_label_contains("is not a Wikidata id").is_none());
    assert!(
        !h.get_by_label("Apply changes")
            .accesskit_node()
            .is_disabled()
    );
    press(&mut h, "Apply changes");
    assert_eq!(wikidata(&h).as_deref(), Some("Q7747"));
    h.get_by_label_contains("Wikidata Q7747");

    // A bad id: said beside the field, and Apply does nothing while it stands.
    common::type_into(&mut h, "Wikidata", "7747");
    h.get_by_label("\"7747\" is not a Wikidata id: write Q and its digits, like Q7747");
    assert!(
        h.get_by_label("Apply changes")
            .accesskit_node()
            .is_disabled()
    );
    press(&mut h, "Apply changes");
    assert_eq!(wikidata(&h).as_deref(), Some("Q7747"), "refused");

    // Keys typed in the field are the field's: Delete and Enter neither delete the actor
    // nor apply the bad id, and a letter goes into the text.
    common::type_into(&mut h, "Wikidata", "7747");
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Wikidata")
            .is_focused()
    );
    for key in [Key::Delete, Key::Enter, Key::E] {
        h.key_press(key);
        h.run();
    }
    assert!(h.query_by_label_contains("Delete Vladimir Putin").is_none());
    assert!(h.state().session.dataset().actor("putin").is_some());
    assert_eq!(
        wikidata(&h).as_deref(),
        Some("Q7747"),
        "Enter applied nothing"
    );

    // The good one was one undoable edit.
    h.state_mut()
        .session
        .perform(board_explorer::session::Command::Undo);
    h.run();
    assert_eq!(wikidata(&h), None);
    assert!(!h.state().session.document().is_dirty());
}
