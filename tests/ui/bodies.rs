//! Bodies in the Roster, driven through the real UI with egui_kittest: the body chooser (a
//! sub-body's roster, all bodies with a Body column), the body's entry into force above the
//! table, the Joined column, and the detail pane's claims by body with the status history.

use board_explorer::model::data::body::milestone_claim;
use board_explorer::model::data::ops::hand_claim;
use board_explorer::model::{EDITORS_NOTE, Edit, Fact, Status};
use board_explorer::session::Command;
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common;

const COMMITTEE: &str = "Committee of Palestinian experts";

/// Performs a hand claim about `actor`; about the sub-body `body` when one is given.
fn claim(
    h: &mut Harness<'_, BoardExplorerApp>,
    actor: &str,
    fact: Fact,
    day: &str,
    body: Option<&str>,
) {
    let app = h.state_mut();
    let mut edit = hand_claim(
        app.session.document().dataset(),
        &app.session.derived().index,
        actor,
        fact,
        EDITORS_NOTE,
        Some(day.parse().unwrap()),
        "",
    );
    if let Edit::InsertClaim { claim, .. } = &mut edit {
        claim.body = body.map(str::to_string);
    }
    app.perform(Command::edit(edit, "Claim"));
    h.run();
}

fn pick_body(h: &mut Harness<'_, BoardExplorerApp>, choice: &str) {
    h.get_by_role_and_label(Role::ComboBox, "Body").click();
    h.run();
    h.get_by_label(choice).click();
    h.run();
}

/// A column header, found by its title (the sorted one carries an arrow).
fn header(h: &Harness<'_, BoardExplorerApp>, title: &str) -> Option<egui::Rect> {
    h.query_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l == title || l.starts_with(&format!("{title} ")))
        })
        .map(|n| n.rect())
}

#[test]
fn the_body_chooser_shows_a_sub_body_and_all_bodies_with_a_body_column() {
    let mut h = common::app_on(Tab::Roster, [1400.0, 900.0]);
    assert!(header(&h, "Body").is_none(), "no Body column for one body");
    claim(
        &mut h,
        "blair",
        Fact::Status(Status::Member),
        "2026-01-20",
        Some("gaza-committee"),
    );
    pick_body(&mut h, COMMITTEE);
    // Only Blair has claims about the committee.
    h.get_by_label("Tony Blair");
    assert!(h.query_by_label("Donald Trump").is_none());
    h.get_by_label_contains("1 of 21 actors");

    pick_body(&mut h, "All bodies");
    let body = header(&h, "Body").expect("a Body column for all bodies");
    assert!(body.max.x <= 1400.0);
    // Blair twice: on the Board of Peace and on the committee, each row naming its body.
    assert_eq!(h.query_all_by_label("Tony Blair").count(), 2);
    assert!(
        h.query_all_by_label(COMMITTEE).count() >= 1,
        "the committee's row names its body"
    );
    assert!(
        h.query_all_by_label("Board of Peace").count() >= 20,
        "every main-body row names it"
    );

    // The claim about the committee does not change Blair's standing on the main body.
    let app = h.state();
    let d = app.session.document().dataset();
    let at = app.session.derived().index.actor_by_id["blair"];
    let main_row = &app.session.derived().roster.rows[at];
    assert!(
        main_row
            .get(board_explorer::model::Property::Status)
            .is_some_and(|r| d.claims[r.best].body.is_none())
    );
}

#[test]
fn every_header_stays_inside_a_narrow_window_with_all_bodies() {
    for size in [[800.0, 600.0], [1024.0, 768.0], [1600.0, 1000.0]] {
        let mut h = common::app_on(Tab::Roster, size);
        pick_body(&mut h, "All bodies");
        for title in [
            "Name", "Body", "Kind", "Country", "Role", "Status", "Seat", "Pledge", "Joined",
            "Sources", "⚠",
        ] {
            if let Some(rect) = header(&h, title) {
                assert!(
                    rect.max.x <= size[0] && rect.min.x >= 0.0,
                    "{title} at {rect:?} is cut at {size:?}"
                );
            }
        }
        for title in ["Name", "Body", "Status", "Seat"] {
            assert!(header(&h, title).is_some(), "{title} missing at {size:?}");
        }
    }
}

#[test]
fn the_roster_shows_entry_into_force_and_joined() {
    let mut h = common::app_on(Tab::Roster, [1600.0, 900.0]);
    h.get_by_label("Entry into force: not reported");
    assert!(header(&h, "Joined").is_some());
    let app = h.state_mut();
    let edit = milestone_claim(
        app.session.document().dataset(),
        &app.session.derived().index,
        "board-of-peace",
        Fact::InForce("2026-01-22".parse().unwrap()),
        EDITORS_NOTE,
        None,
        "",
    )
    .unwrap();
    app.perform(Command::edit(edit, "Entry into force"));
    h.run();
    h.get_by_label("Entry into force: 2026-01-22");
    claim(
        &mut h,
        "israel",
        Fact::Joined("2026-02-12".parse().unwrap()),
        "2026-02-12",
        None,
    );
    h.get_by_label("2026-02-12");
    // Undo takes the date away again: it was one edit.
    h.state_mut().perform(Command::Undo);
    h.run();
    h.state_mut().perform(Command::Undo);
    h.run();
    h.get_by_label("Entry into force: not reported");
}

#[test]
fn the_detail_pane_groups_claims_by_body_with_the_status_history() {
    let mut h = common::app_on(Tab::Roster, [1400.0, 900.0]);
    claim(
        &mut h,
        "netanyahu",
        Fact::Status(Status::Accepted),
        "2026-01-21",
        None,
    );
    claim(
        &mut h,
        "netanyahu",
        Fact::Status(Status::Member),
        "2026-01-22",
        Some("gaza-committee"),
    );
    h.get_by_label("Benjamin Netanyahu").click();
    h.run();
    h.get_by_label("On Board of Peace");
    h.get_by_label(&format!("On {COMMITTEE}"));
    assert_eq!(h.query_all_by_label("Status history").count(), 2);
    // The main body's path: proposed on the 19th (the report), accepted on the 21st.
    // In the detail pane, right of the table (whose Joined column shows days too).
    let in_detail = |day: &str| {
        h.get_all_by_label(day)
            .map(|n| n.rect())
            .max_by(|a, b| a.min.x.total_cmp(&b.min.x))
            .unwrap_or_else(|| panic!("{day} is not shown"))
    };
    let proposed = in_detail("2026-01-19");
    let accepted = in_detail("2026-01-21");
    assert!(proposed.min.y < accepted.min.y, "earliest first");
    in_detail("2026-01-22");
}

#[test]
fn bodies_are_added_and_renamed_in_the_app_and_undone() {
    let mut h = common::app_on(Tab::Roster, [1400.0, 900.0]);
    h.get_by_label("Bodies…").click();
    h.run();
    common::type_into(&mut h, "New sub-body", "Executive Board");
    h.get_by_label("Add body").click();
    h.run();
    let subs = |h: &Harness<'_, BoardExplorerApp>| {
        h.state()
            .session
            .document()
            .dataset()
            .sub_bodies
            .iter()
            .map(|b| (b.id.clone(), b.name.clone(), b.parent.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        subs(&h).last().unwrap(),
        &(
            "executive-board".to_string(),
            "Executive Board".to_string(),
            Some("board-of-peace".to_string())
        )
    );
    // The same name again is refused, with the reason in the window.
    common::type_into(&mut h, "New sub-body", "executive board");
    h.get_by_label("Add body").click();
    h.run();
    h.get_by_label_contains("There is already a body named");
    assert_eq!(subs(&h).len(), 2);
    // Renamed in its row (Enter keeps): the id stays.
    h.query_all_by_role_and_label(Role::TextInput, "Name")
        .nth(2)
        .unwrap()
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.query_all_by_role_and_label(Role::TextInput, "Name")
        .nth(2)
        .unwrap()
        .type_text("The Executive Board");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(subs(&h).last().unwrap().1, "The Executive Board");
    assert_eq!(subs(&h).last().unwrap().0, "executive-board");
    h.state_mut().perform(Command::Undo);
    h.run();
    assert_eq!(subs(&h).last().unwrap().1, "Executive Board");
    h.state_mut().perform(Command::Undo);
    h.run();
    assert_eq!(subs(&h).len(), 1, "one edit, undone");
}

#[test]
fn a_state_seated_on_its_representatives_word_says_via_whom() {
    let mut h = common::app_on(Tab::Roster, [1600.0, 900.0]);
    claim(
        &mut h,
        "netanyahu",
        Fact::Status(Status::Accepted),
        "2026-01-21",
        None,
    );
    h.get_by_label("term via Benjamin Netanyahu");
    let app = h.state();
    let derived = app.session.derived();
    let netanyahu = derived.index.actor_by_id["netanyahu"];
    assert_eq!(
        derived.seats[netanyahu].kind,
        board_explorer::model::SeatKind::None,
        "never a second seat"
    );
}

/// Entry into force entered in the app is a claim about the body (citing the editor's note by
/// default); the Roster's line shows it, and a date that is not one is refused.
#[test]
fn entry_into_force_is_entered_in_the_bodies_window() {
    let mut h = common::app_on(Tab::Roster, [1400.0, 900.0]);
    h.get_by_label("Bodies…").click();
    h.run();
    common::type_into(&mut h, "on", "2026-02-30");
    h.get_by_label("Add date").click();
    h.run();
    h.get_by_label_contains("not a calendar day");
    common::type_into(&mut h, "on", "2026-01-22");
    h.get_by_label("Add date").click();
    h.run();
    let claim = h
        .state()
        .session
        .document()
        .dataset()
        .claims
        .last()
        .unwrap()
        .clone();
    assert_eq!(claim.fact, Fact::InForce("2026-01-22".parse().unwrap()));
    assert_eq!(
        claim.subject,
        board_explorer::model::Subject::Body("board-of-peace".into())
    );
    assert_eq!(claim.source, EDITORS_NOTE);
    h.get_by_label("Entry into force: 2026-01-22");
}

/// A sub-body is removed from its row; one that claims name is removed only when the editor
/// says so, with its claims, and one undo brings everything back.
#[test]
fn a_sub_body_is_removed_in_the_bodies_window_asking_first_when_claims_name_it() {
    let mut h = common::app_on(Tab::Roster, [1400.0, 900.0]);
    let state = |h: &Harness<'_, BoardExplorerApp>| {
        let d = h.state().session.document().dataset();
        (
            d.sub_bodies
                .iter()
                .map(|b| b.id.clone())
                .collect::<Vec<_>>(),
            d.claims.len(),
        )
    };
    h.get_by_label("Bodies…").click();
    h.run();
    common::type_into(&mut h, "New sub-body", "Executive Board");
    h.get_by_label("Add body").click();
    h.run();
    claim(
        &mut h,
        "blair",
        Fact::Status(Status::Member),
        "2026-01-20",
        Some("executive-board"),
    );
    let named = state(&h);
    assert!(named.0.contains(&"executive-board".to_string()));
    // The new body's row is the last: its Remove asks, since Blair's claim names it.
    let remove = |h: &mut Harness<'_, BoardExplorerApp>| {
        h.query_all_by_label("Remove").last().unwrap().click();
        h.run();
    };
    remove(&mut h);
    h.get_by_label_contains("1 claim names Executive Board");
    h.get_by_label("Keep it").click();
    h.run();
    assert_eq!(state(&h), named);
    assert!(h.query_by_label_contains("claim names").is_none());
    remove(&mut h);
    h.get_by_label("Remove with its claims").click();
    h.run();
    let (bodies, claims) = state(&h);
    assert!(!bodies.contains(&"executive-board".to_string()));
    assert_eq!(claims, named.1 - 1);
    h.state_mut().perform(Command::Undo);
    h.run();
    assert_eq!(state(&h), named, "one edit, undone");
    // A body no claim names goes at once.
    common::type_into(&mut h, "New sub-body", "Panel");
    h.get_by_label("Add body").click();
    h.run();
    remove(&mut h);
    assert_eq!(state(&h), named);
}
