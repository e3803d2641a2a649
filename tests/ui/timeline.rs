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

/// The timeline opens on the news: the 60 days up to the latest dated claim or event, not the
/// years of history; "Jump to latest" shows the last month; "Fit all" every event. An imported
/// report's dated claims move where it opens.
#[test]
fn the_timeline_opens_on_the_last_sixty_days_of_news() {
    use board_explorer::model::derive::timeline::{day_number, extent, latest_day};
    use board_explorer::ui::{LATEST_DAYS, OPENING_DAYS};
    let mut h = app();
    h.run();
    let d = h.state().session.dataset().clone();
    let latest = latest_day(&d).expect("dated claims");
    let (first, _) = extent(&d).expect("events");
    assert!(
        latest - first > 365.0,
        "the dataset spans years: {first}..{latest}"
    );
    let (t0, t1) = h.state().panels.timeline.view().expect("a view");
    assert!((t1 - t0 - OPENING_DAYS).abs() < 10.0, "{t0}..{t1}");
    assert!(t0 < latest && latest <= t1, "{t0}..{t1} holds {latest}");

    h.get_by_label("Fit all").click();
    h.run();
    let (f0, f1) = h.state().panels.timeline.view().unwrap();
    assert!(f0 <= first && f1 - f0 > 365.0, "every event: {f0}..{f1}");

    h.get_by_label("Jump to latest").click();
    h.run();
    let (j0, j1) = h.state().panels.timeline.view().unwrap();
    assert!((j1 - j0 - LATEST_DAYS).abs() < 5.0, "{j0}..{j1}");
    assert!(j0 < latest && latest <= j1);

    // Around the as-of day when one is set.
    let day: chrono::NaiveDate = "2025-06-01".parse().unwrap();
    h.state_mut()
        .perform(board_explorer::session::Command::SetAsOf(Some(day)));
    h.state_mut().panels.timeline = Default::default();
    h.run();
    let (a0, a1) = h.state().panels.timeline.view().unwrap();
    assert!(a0 < day_number(day) && day_number(day) < a1, "{a0}..{a1}");
}
