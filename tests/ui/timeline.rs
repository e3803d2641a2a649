//! The Timeline panel and the app-wide "as of" date, driven through egui_kittest.

use board_explorer::model::Status;
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;
use common::{status_of, type_into};

fn app() -> Harness<'static, BoardExplorerApp> {
    common::app_on(Tab::Timeline, [1500.0, 900.0])
}

#[test]
fn the_as_of_date_changes_the_roster_everywhere() {
    let mut h = app();
    assert_eq!(status_of(&h, "putin"), Some(Status::Reviewing));
    type_into(&mut h, "As of", "2026-01-18");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().session.as_of(),
        Some("2026-01-18".parse().unwrap())
    );
    h.get_by_label("As of 2026-01-18");
    h.get_by_label("Roster").click();
    h.run();
    assert_eq!(
        status_of(&h, "putin"),
        None,
        "the invitation was not yet known"
    );
    h.get_by_label_contains("as of 2026-01-18");

    h.get_by_label("Back to today").click();
    h.run();
    assert_eq!(status_of(&h, "putin"), Some(Status::Reviewing));
    assert!(h.query_by_label("As of 2026-01-18").is_none());
}

#[test]
fn a_bad_as_of_date_is_refused_in_the_field() {
    let mut h = app();
    type_into(&mut h, "As of", "2026-02-30");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("not a calendar day");
    assert_eq!(h.state().session.as_of(), None);
}

#[test]
fn adding_an_event_shows_it_and_undo_removes_it() {
    let mut h = app();
    let events = h.state().session.document().dataset().events.len();
    h.get_by_label_contains(&format!("{events} of {events} events"));
    h.get_by_label("➕ Add event").click();
    h.run();
    type_into(&mut h, "Date", "2026-01-22");
    type_into(&mut h, "Title", "Putin declines the invitation");
    type_into(&mut h, "Add an actor", "putin");
    h.get_by_label("+ Vladimir Putin").click();
    h.run();
    h.get_by_label("DPA").click();
    h.run();
    h.get_by_label("Add").click();
    h.run();
    let d = h.state().session.document().dataset();
    assert_eq!(d.events.len(), events + 1);
    let e = d.events.last().unwrap();
    assert_eq!(e.actors, vec!["putin".to_string()]);
    assert_eq!(e.sources, vec!["dpa-2026-01-19".to_string()]);
    // In the list, selected, with its detail.
    h.get_by_label("2026-01-22  Putin declines the invitation");
    assert!(
        h.query_all_by_label("Putin declines the invitation")
            .count()
            >= 1
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().session.document().dataset().events.len(), events);
    assert!(
        h.query_by_label("2026-01-22  Putin declines the invitation")
            .is_none()
    );
}

/// A date typed as people write it ("21 Jan 2026", "21.01.2026") is read, in the form as on
/// the command line; something that is no date gets the list of forms.
#[test]
fn dates_are_typed_as_people_write_them() {
    let mut h = app();
    h.get_by_label("➕ Add event").click();
    h.run();
    type_into(&mut h, "Date", "21 Jan 2026");
    type_into(&mut h, "End (optional)", "23.01.2026");
    type_into(&mut h, "Title", "Talks in Davos");
    h.get_by_label("Add").click();
    h.run();
    let e = h
        .state()
        .session
        .document()
        .dataset()
        .events
        .last()
        .unwrap()
        .clone();
    assert_eq!(e.title, "Talks in Davos");
    assert_eq!(e.date.to_string(), "2026-01-21");
    assert_eq!(e.end.map(|d| d.to_string()).as_deref(), Some("2026-01-23"));

    h.get_by_label("➕ Add event").click();
    h.run();
    type_into(&mut h, "Date", "next Tuesday");
    type_into(&mut h, "Title", "Talks");
    h.get_by_label("Add").click();
    h.run();
    h.get_by_label_contains("19 Jan 2026, January 19, 2026 or 19.01.2026");
}

#[test]
fn an_event_without_title_or_with_a_backwards_range_is_refused() {
    let mut h = app();
    h.get_by_label("➕ Add event").click();
    h.run();
    type_into(&mut h, "Date", "2026-01-22");
    h.get_by_label("Add").click();
    h.run();
    h.get_by_label("An event needs a title.");
    type_into(&mut h, "Title", "Talks");
    type_into(&mut h, "End (optional)", "2026-01-01");
    h.get_by_label("Add").click();
    h.run();
    h.get_by_label("The end comes before the start.");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().session.document().undo_label(), None);
}

#[test]
fn find_picks_an_event_edit_and_delete_it() {
    let mut h = app();
    type_into(&mut h, "🔍 Find", "abbas");
    h.get_by_label("1 of 11 events");
    h.get_by_label("2026-01  Mahmoud Abbas expected to visit Russia")
        .click();
    h.run();
    h.get_by_label("The date is known only to the month or year.");
    h.get_by_label("Edit…").click();
    h.run();
    type_into(&mut h, "Date", "2026-01-25");
    h.get_by_label("Save event").click();
    h.run();
    let e = h
        .state()
        .session
        .document()
        .dataset()
        .events
        .iter()
        .find(|e| e.id == "e-abbas-visit-expected")
        .unwrap();
    assert_eq!(e.date.to_string(), "2026-01-25");
    h.get_by_label("Delete").click();
    h.run();
    assert!(
        !h.state()
            .session
            .document()
            .dataset()
            .events
            .iter()
            .any(|e| e.id == "e-abbas-visit-expected")
    );
    assert_eq!(
        h.state().session.document().undo_label(),
        Some("Delete event \"Mahmoud Abbas expected to visit Russia\"")
    );
}

#[test]
fn an_actor_link_opens_the_roster_on_that_actor() {
    let mut h = app();
    h.get_by_label("2026-01-19  Kremlin confirms Putin's invitation to the Board of Peace")
        .click();
    h.run();
    h.get_by_label("Dmitry Peskov").click();
    h.run();
    assert_eq!(h.state().panels.tab, Tab::Roster);
    assert_eq!(h.state().session.selection.actor.as_deref(), Some("peskov"));
}
