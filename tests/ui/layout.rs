//! The window at 800×600, 1024×700 and 1600×1000: each tab's key widgets lie inside the
//! window, and what a first-time user met (issue 15) stays fixed.

use board_explorer::ui::{BoardExplorerApp, Tab};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::common;
use common::type_into;

const SIZES: [[f32; 2]; 3] = [[800.0, 600.0], [1024.0, 700.0], [1600.0, 1000.0]];

/// The essential Roster columns, visible at every size.
const ESSENTIAL: [&str; 4] = ["Name", "Status", "Seat", "⚠"];

fn inside(h: &Harness<'_, BoardExplorerApp>, label: &str, size: [f32; 2]) {
    let rect = h.get_by_label(label).rect();
    assert!(
        rect.min.x >= 0.0
            && rect.min.y >= 0.0
            && rect.max.x <= size[0] + 0.5
            && rect.max.y <= size[1] + 0.5,
        "{label} at {rect:?} is outside the {size:?} window"
    );
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
fn roster_keeps_its_essential_columns_inside_the_window_with_and_without_detail() {
    for size in SIZES {
        let mut h = common::app_on(Tab::Roster, size);
        for selected in [false, true] {
            if selected {
                h.get_by_label("Donald Trump").click();
                h.run();
            }
            for title in ESSENTIAL {
                let rect = header(&h, title)
                    .unwrap_or_else(|| panic!("{title} missing at {size:?}, detail {selected}"));
                assert!(
                    rect.max.x <= size[0] && rect.min.x >= 0.0,
                    "{title} at {rect:?} is cut at {size:?}, detail {selected}"
                );
            }
            // One toolbar line: Add actor and the count share a row.
            let add = h.get_by_label("➕ Add actor").rect();
            let count = h.get_by_label_contains(" of 21 actors").rect();
            assert!(
                (add.center().y - count.center().y).abs() < 4.0,
                "the toolbar wraps at {size:?}"
            );
            inside(&h, "➕ Add actor", size);
            // The count at the end of the row, whole.
            let label = h
                .get_by_label_contains(" of 21 actors")
                .accesskit_node()
                .label()
                .unwrap_or_default()
                .to_string();
            unclipped(&h, count, &label, size);
        }
    }
}

#[test]
fn the_roster_table_uses_the_full_width_of_a_wide_window() {
    let h = common::app_on(Tab::Roster, [1600.0, 1000.0]);
    // Every column shows, and the last one ends near the right edge (not half way).
    for title in [
        "Name", "Kind", "Country", "Role", "Status", "Seat", "Pledge", "Sources", "⚠",
    ] {
        assert!(header(&h, title).is_some(), "{title} hidden at 1600");
    }
    let last = header(&h, "⚠").unwrap();
    assert!(last.max.x > 1500.0, "the table ends at {}", last.max.x);
}

#[test]
fn narrow_roster_hides_less_important_columns_and_says_so() {
    let h = common::app_on(Tab::Roster, [800.0, 600.0]);
    // No source reports a pledge: the empty Pledge column gives way before those with data.
    assert!(
        header(&h, "Pledge").is_none(),
        "Pledge, empty, gives way at 800"
    );
    assert!(
        header(&h, "Sources").is_some(),
        "Sources holds data and stays at 800"
    );
    // Filters fold into a menu instead of wrapping.
    h.get_by_label("Filters");
}

#[test]
fn a_refusal_does_not_move_the_table() {
    let mut h = common::app_on(Tab::Roster, [1024.0, 700.0]);
    let before = h.get_by_label("Abdel Fattah al-Sisi").rect();
    h.state_mut().panels.roster.refusal = Some("A name cannot be empty.".into());
    h.run();
    h.get_by_label("A name cannot be empty.");
    assert_eq!(h.get_by_label("Abdel Fattah al-Sisi").rect(), before);
}

#[test]
fn first_start_names_the_body_and_hints_at_selection() {
    let mut h = common::app_on(Tab::Roster, [800.0, 600.0]);
    let name = h.state().session.dataset().body.name.clone();
    assert!(!name.is_empty());
    inside(&h, &name, [800.0, 600.0]);
    h.get_by_label(board_explorer::ui::SELECT_HINT);
    h.get_by_label(&name).hover();
    // Tooltips wait a moment before they show.
    h.run_steps(20);
    let description = h.state().session.dataset().body.description.clone();
    h.get_by_label(&description);
    h.get_by_label("Donald Trump").click();
    h.run();
    assert!(h.query_by_label(board_explorer::ui::SELECT_HINT).is_none());
}

#[test]
fn sources_texts_fit_the_window_and_narrow_shows_one_with_a_chooser() {
    for size in SIZES {
        let mut h = common::app_on(Tab::Sources, size);
        let texts: Vec<egui::Rect> = h
            .query_all_by_role(Role::Document)
            .map(|n| n.rect())
            .collect();
        assert!(!texts.is_empty(), "no text at {size:?}");
        for rect in &texts {
            assert!(
                rect.max.x <= size[0] && rect.width() >= 250.0,
                "a text at {rect:?} is cut or too narrow at {size:?}"
            );
        }
        if texts.len() == 1 {
            // The other text is one click away.
            // The chooser's entry, not the source list's checkbox of the same name.
            h.get_all_by_label("DPA")
                .find(|n| n.accesskit_node().role() != Role::CheckBox)
                .expect("the chooser names the other text")
                .click();
            h.run();
            let text = h.get_by_role(Role::Document);
            assert!(
                text.accesskit_node()
                    .label()
                    .unwrap_or_default()
                    .contains("DPA")
            );
        }
    }
    assert_eq!(
        common::app_on(Tab::Sources, [1600.0, 1000.0])
            .query_all_by_role(Role::Document)
            .count(),
        2,
        "both texts side by side at 1600"
    );
}

#[test]
fn an_unnamed_outlet_is_explained_on_hover() {
    let mut h = common::app_on(Tab::Sources, [1600.0, 1000.0]);
    h.get_by_role_and_label(Role::CheckBox, "Unnamed outlet")
        .hover();
    h.run_steps(20);
    h.get_by_label_contains("Neither the outlet nor a title is given");
}

#[test]
fn back_to_today_resets_the_as_of_field() {
    let mut h = common::app_on(Tab::Timeline, [1024.0, 700.0]);
    type_into(&mut h, "As of", "2026-01-18");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Back to today").click();
    h.run();
    assert_eq!(h.state().session.as_of(), None);
    let field = h.get_by_role_and_label(Role::TextInput, "As of");
    assert_eq!(field.value().unwrap_or_default(), "");
}

#[test]
fn the_add_actor_dialog_shows_its_own_error_and_enter_submits() {
    let mut h = common::app_on(Tab::Roster, [1024.0, 700.0]);
    h.get_by_label("➕ Add actor").click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    // The dialog is still open and says why, inside itself, not in the toolbar behind it.
    assert!(h.state().panels.roster.refusal.is_none());
    h.get_by_label_contains("name cannot be empty");
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Jane Example");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let d = h.state().session.dataset();
    assert!(d.actors.iter().any(|a| a.name == "Jane Example"));
    assert!(h.query_by_label_contains("name cannot be empty").is_none());
}

#[test]
fn the_calculators_currency_field_wins_over_the_amount_text() {
    use board_explorer::ui::calculator_money;
    let (money, overridden) = calculator_money("€860 million", "USD").unwrap();
    assert_eq!(
        (money.amount, money.currency.as_str()),
        (860_000_000, "USD")
    );
    assert_eq!(overridden.as_deref(), Some("EUR"));
    let (money, overridden) = calculator_money("860 million", "eur").unwrap();
    assert_eq!(money.currency, "EUR");
    assert_eq!(overridden, None);
    assert!(calculator_money("1 billion", "US").is_err());
    let mut h = common::app_on(Tab::Seats, [1024.0, 700.0]);
    type_into(&mut h, "Amount", "€860 million");
    type_into(&mut h, "Currency", "USD");
    assert!(h.query_by_label_contains("Two currencies").is_none());
    h.get_by_label_contains("Currency field wins");
}

/// A label's rect: inside the window, and as wide as its words need (not cut).
fn unclipped(h: &Harness<'_, BoardExplorerApp>, rect: egui::Rect, text: &str, size: [f32; 2]) {
    assert!(
        rect.min.x >= 0.0 && rect.max.x <= size[0] + 0.5 && rect.max.y <= size[1] + 0.5,
        "{text} at {rect:?} is outside the {size:?} window"
    );
    let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
    let needed = h
        .ctx
        .fonts_mut(|f| f.layout_no_wrap(text.to_string(), font, egui::Color32::WHITE))
        .size()
        .x;
    assert!(
        rect.width() + 1.0 >= needed,
        "{text} is cut at {size:?}: {} of {needed} px",
        rect.width()
    );
}

#[test]
fn the_seats_table_keeps_every_column_inside_the_window() {
    for size in SIZES {
        let mut h = common::app_on(Tab::Seats, size);
        // A seated state, which has a shortfall (the embedded reports seat none).
        common::seat_states(&mut h, &["israel"]);
        let titles = ["Name", "Pledge", "Seat", "Term ends", "Shortfall", "Reason"];
        for title in titles {
            let rect = h.get_by_label(title).rect();
            unclipped(&h, rect, title, size);
        }
        headers_do_not_overlap(&h, &titles);
        // The values too: a shortfall and a whole term reason.
        let shortfall = h
            .get_all_by_label("$1 billion")
            .next()
            .expect("a shortfall");
        unclipped(&h, shortfall.rect(), "$1 billion", size);
        // Narrow windows fold the rules pane away behind a button; wide ones show it.
        let folded = size[0] < 1000.0;
        assert_eq!(h.query_by_label("▶ Rules").is_some(), folded, "{size:?}");
        assert_eq!(
            h.query_by_role_and_label(Role::TextInput, "Threshold")
                .is_some(),
            !folded,
            "{size:?}"
        );
    }
    // The folded pane opens with one click.
    let mut h = common::app_on(Tab::Seats, [800.0, 600.0]);
    h.get_by_label("▶ Rules").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Threshold");
}

#[test]
fn the_seats_chart_names_its_years_and_counts_and_lists_members_on_hover() {
    let mut h = common::app_on(Tab::Seats, [1600.0, 1000.0]);
    common::seat_states(&mut h, &["israel", "russia", "belarus", "ireland"]);
    let chart = h.get_by_label_contains("Terms ending by year: 2029: 4 terms");
    chart.hover();
    h.run_steps(20);
    h.get_by_label("4 terms ending in 2029");
    // The members whose terms end then: in the table and again in the tooltip.
    assert!(h.get_all_by_label("Ireland").count() >= 2);
}

#[test]
fn exactly_the_threshold_under_more_than_has_a_shortfall() {
    use board_explorer::model::Money;
    let mut h = common::app_on(Tab::Seats, [1600.0, 1000.0]);
    h.get_by_label("more than").click();
    h.run();
    type_into(&mut h, "Amount", "1 billion");
    h.get_by_label("Needs more than $1 billion for a permanent seat");
    common::seat_states(&mut h, &["israel"]);
    h.state_mut().panels.seats.try_pledge(
        "israel",
        Money {
            amount: 1_000_000_000,
            currency: "USD".into(),
        },
    );
    h.run();
    h.get_by_label("> $1 billion");
}

#[test]
fn adding_a_rate_asks_for_it_before_it_counts() {
    let mut h = common::app_on(Tab::Seats, [1600.0, 1000.0]);
    h.get_by_label("Add a rate…").click();
    h.run();
    h.get_by_label("EUR").click();
    h.run();
    // Nothing changed yet: no silent 1 EUR = 1 USD.
    assert!(h.query_by_label_contains("What-if: not applied").is_none());
    type_into(&mut h, "EUR", "1.1");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("What-if: not applied");
    assert!(h.query_by_role_and_label(Role::TextInput, "EUR").is_none());
}

#[test]
fn one_unconverted_pledge_and_one_quote_read_in_the_singular() {
    use board_explorer::model::Money;
    use board_explorer::ui::reanchor_notice;
    assert_eq!(
        reanchor_notice(1, 0).as_deref(),
        Some("1 quote re-anchored where its words moved.")
    );
    assert_eq!(
        reanchor_notice(2, 1).as_deref(),
        Some("2 quotes re-anchored where their words moved; 1 orphaned (listed on the right).")
    );
    assert_eq!(reanchor_notice(0, 0), None);
    let mut h = common::app_on(Tab::Seats, [1600.0, 1000.0]);
    h.state_mut().panels.seats.try_pledge(
        "witkoff",
        Money {
            amount: 5_000_000,
            currency: "CHF".into(),
        },
    );
    h.run();
    h.get_by_label_contains("and 1 pledge without an exchange rate");
}

#[test]
fn the_matrix_verdicts_and_values_fit_the_window() {
    for size in SIZES {
        let mut h = common::app_on(Tab::Sources, size);
        common::dispute(&mut h, &["trump", "blair"]);
        h.get_by_label("Matrix").click();
        h.run();
        let verdicts: Vec<egui::Rect> = h.get_all_by_label("conflict").map(|n| n.rect()).collect();
        assert!(!verdicts.is_empty(), "no verdict at {size:?}");
        for rect in verdicts {
            unclipped(&h, rect, "conflict", size);
        }
        let single = h.get_all_by_label("single source").next().unwrap().rect();
        unclipped(&h, single, "single source", size);
        // Inside the table's own panel too, not under the side panel beside it.
        let side = h.get_by_label("Suggestions to review").rect();
        assert!(
            single.max.x <= side.min.x || single.max.y <= side.min.y,
            "the verdict at {single:?} runs under the side panel at {side:?}, {size:?}"
        );
        if size[0] >= 1024.0 {
            // Compared values read whole where there is room.
            let value = h
                .get_all_by_label("Russian President")
                .next()
                .unwrap()
                .rect();
            unclipped(&h, value, "Russian President", size);
        }
    }
}

/// With four sources compared in an 800-wide window, the verdict still reads whole: it comes
/// right after the property, and the sources share what is left.
#[test]
fn the_matrix_keeps_its_verdict_with_four_sources_at_800() {
    let size = [800.0, 600.0];
    let mut h = common::app_on(Tab::Sources, size);
    common::add_report(
        &mut h,
        "Wire",
        None,
        "Tony Blair has accepted the invitation to join the board.",
    );
    common::add_report(
        &mut h,
        "Daily",
        None,
        "Marco Rubio has been invited to join the board.",
    );
    let all: Vec<String> = h
        .state()
        .session
        .dataset()
        .sources
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(all.len(), 4);
    h.state_mut().panels.sources.chosen = all;
    h.run();
    h.get_by_label("Matrix").click();
    h.run();
    let header = h.get_by_label("Verdict").rect();
    unclipped(&h, header, "Verdict", size);
    let single = h.get_all_by_label("single source").next().unwrap().rect();
    unclipped(&h, single, "single source", size);
}

#[test]
fn the_timeline_toolbar_and_event_list_fit_the_window() {
    for size in SIZES {
        let h = common::app_on(Tab::Timeline, size);
        let lanes = h.get_by_label("Lanes").rect();
        // "Add event" ends the row, or (narrow) sits in the "More" menu that does.
        let (last, label) = match h.query_by_label("➕ Add event") {
            Some(add) => (add.rect(), "➕ Add event"),
            None => (h.get_by_label("More").rect(), "More"),
        };
        assert!(
            (lanes.center().y - last.center().y).abs() < 4.0,
            "the toolbar wraps at {size:?}"
        );
        unclipped(&h, last, label, size);
        let entry = h.get_by_label_contains("Russia invades Ukraine").rect();
        assert!(
            entry.min.x >= 0.0 && entry.max.x <= size[0] && entry.max.y <= size[1],
            "the event list at {entry:?} is outside {size:?}"
        );
        let canvas = h.get_by_label("Timeline of events").rect();
        assert!(
            canvas.width() >= 250.0,
            "the timeline is {canvas:?} at {size:?}"
        );
    }
}

/// The Timeline with only `titles` as events, all dated `date` and about Trump (one lane),
/// hovered at the marks' place: the middle of the fitted view.
fn hover_events_on_one_date(date: &str, titles: &[&str]) -> Harness<'static, BoardExplorerApp> {
    use board_explorer::model::{Edit, Event, EventKind};
    use board_explorer::session::Command;
    let mut h = common::app_on(Tab::Timeline, [1024.0, 700.0]);
    let d = h.state().session.dataset().clone();
    // Dated status claims draw lanes of their own: only the events here, on one lane.
    let mut edits: Vec<Edit> = (0..d.events.len())
        .rev()
        .map(|at| Edit::RemoveEvent { at })
        .chain((0..d.claims.len()).rev().map(|at| Edit::RemoveClaim { at }))
        .collect();
    for (at, title) in titles.iter().enumerate() {
        edits.push(Edit::InsertEvent {
            at,
            event: Event {
                extra: Default::default(),
                id: format!("same-date-{at}"),
                date: date.parse().unwrap(),
                end: None,
                title: (*title).into(),
                description: String::new(),
                kind: EventKind::Statement,
                actors: vec!["trump".into()],
                sources: Vec::new(),
            },
        });
    }
    h.state_mut()
        .perform(Command::edit(Edit::Batch(edits), "Events on one date"));
    h.state_mut().panels.timeline.fit_all();
    h.run();
    let canvas = h.get_by_label("Timeline of events").rect();
    // One lane (Trump's): the gutter of lane names, then the plot under the axis.
    let plot_left = canvas.left() + 170.0;
    let mark = egui::pos2(
        (plot_left + canvas.right()) / 2.0,
        canvas.top() + 40.0 + 13.0,
    );
    h.hover_at(mark);
    h.run_steps(20);
    h
}

#[test]
fn events_on_the_same_day_show_a_count_and_hover_lists_them_all() {
    let titles = ["First of three", "Second of three", "Third of three"];
    let h = hover_events_on_one_date("2026-01-19", &titles);
    h.get_by_label("3 events here");
    for title in titles {
        h.get_by_label_contains(&format!("{title} · statement"));
    }
}

#[test]
fn month_long_spans_of_one_month_are_counted_and_listed() {
    let titles = ["Span one", "Span two", "Span three", "Span four"];
    let h = hover_events_on_one_date("2026-01", &titles);
    h.get_by_label("4 events here");
    for title in titles {
        h.get_by_label_contains(&format!("2026-01  {title} · statement"));
    }
}

/// The app on the embedded dataset with its snapshots in `saves`, at 1024×700.
fn app_with_snapshots(saves: &std::path::Path) -> Harness<'static, BoardExplorerApp> {
    let mut app = BoardExplorerApp::with_document(board_explorer::document::Document::embedded());
    app.session.set_snapshots_dir(saves.to_path_buf());
    let mut h = Harness::builder()
        .with_size([1024.0, 700.0])
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h
}

/// Renames Putin: one unsaved change.
fn an_unsaved_change(h: &mut Harness<'_, BoardExplorerApp>) {
    use board_explorer::model::Edit;
    use board_explorer::session::Command;
    let d = h.state().session.dataset();
    let at = d.actors.iter().position(|a| a.id == "putin").unwrap();
    let mut actor = d.actors[at].clone();
    actor.name = "V. Putin".into();
    h.state_mut()
        .perform(Command::edit(Edit::ReplaceActor { at, actor }, "Rename"));
    h.run();
}

#[test]
fn the_read_only_warning_goes_with_the_snapshot_and_restored_ones_are_named() {
    use board_explorer::session::Command;
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with_snapshots(dir.path());
    let taken = h.state_mut().session.perform(Command::TakeSnapshot {
        note: "before Davos".into(),
    });
    let path = taken.written.unwrap();
    h.state_mut().perform(Command::OpenSnapshot(path.clone()));
    h.run();
    an_unsaved_change(&mut h); // refused: read-only
    h.get_by_label_contains("This snapshot is open read-only");
    h.get_by_label("Close snapshot").click();
    h.run();
    assert!(
        h.query_by_label_contains("This snapshot is open read-only")
            .is_none(),
        "the warning outlived the snapshot"
    );
    // Restored: named for the snapshot, not "embedded dataset".
    h.state_mut().perform(Command::RestoreSnapshot(path));
    h.run();
    let title = h.state().session.document().window_title();
    assert!(title.contains("snapshot \"before Davos\""), "{title}");
}

#[test]
fn restoring_over_unsaved_work_asks_save_dont_save_cancel() {
    use board_explorer::session::Command;
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with_snapshots(dir.path());
    h.state_mut().perform(Command::TakeSnapshot {
        note: "kept".into(),
    });
    an_unsaved_change(&mut h);
    assert!(h.state().session.document().is_dirty());
    h.state_mut().window.snapshots.open = true;
    h.run();
    h.get_by_label("Restore as new file").click();
    h.run();
    h.get_by_label_contains("before restoring the snapshot?");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        h.state().session.document().dataset().actors[0..]
            .iter()
            .filter(|a| a.name == "V. Putin")
            .count(),
        1,
        "Cancel keeps the work"
    );
    h.get_by_label("Restore as new file").click();
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    let d = h.state().session.dataset();
    assert!(d.actors.iter().any(|a| a.name == "Vladimir Putin"));
    assert!(
        h.state()
            .session
            .document()
            .window_title()
            .contains("snapshot \"kept\"")
    );
}

#[test]
fn the_comparison_is_a_centred_table() {
    use board_explorer::session::Command;
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with_snapshots(dir.path());
    h.state_mut()
        .perform(Command::SetAsOf(Some("2026-01-18".parse().unwrap())));
    let taken = h.state_mut().session.perform(Command::TakeSnapshot {
        note: "then".into(),
    });
    h.state_mut().perform(Command::SetAsOf(None));
    h.state_mut()
        .perform(Command::CompareSnapshot(taken.written.unwrap()));
    // A new window takes a frame to size itself before it shows its content.
    h.run_steps(3);
    // Column headers and a row, each change in its cells.
    for header in ["Change", "About", "What"] {
        h.get_by_label(header);
    }
    let row = h.get_by_label_contains("Vladimir Putin appears").rect();
    let title = h.get_by_label_contains("From snapshot \"then\"").rect();
    // Centred: the window's middle is near the screen's, not pinned at the top left.
    assert!(
        title.min.y > 60.0,
        "the window sits over the menu: {title:?}"
    );
    assert!(row.max.x <= 1024.0);
}

#[test]
fn the_could_not_open_dialog_is_centred() {
    use board_explorer::session::Command;
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format: \"board-explorer\", version: 9)").unwrap();
    let mut h = app_with_snapshots(dir.path());
    h.state_mut().perform(Command::Open(bad));
    h.run();
    h.run();
    let ok = h.get_by_label("OK").rect();
    assert!(
        ok.min.y > 150.0 && ok.min.x > 150.0,
        "pinned at the top left: {ok:?}"
    );
}

#[test]
fn a_picked_claim_does_not_outlive_an_import() {
    let mut h = common::app_on(Tab::Sources, [1600.0, 1000.0]);
    common::dispute(&mut h, &["trump"]);
    h.get_by_label("Matrix").click();
    h.run();
    h.get_all_by_label("conflict").next().unwrap().click();
    h.run();
    h.get_by_label("Picked claim");
    h.get_by_label("Import source…").click();
    h.run();
    type_into(&mut h, "Outlet", "Test Wire");
    type_into(&mut h, "Title", "A report");
    type_into(&mut h, "Published", "2026-01-20");
    let label = "Paste the article here. It is stored with whitespace tidied; quotes are anchored in the stored text.";
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text("Hungary has accepted the invitation.");
    h.run();
    h.get_by_label("Import").click();
    h.run_steps(40);
    assert_eq!(h.state().session.dataset().sources.len(), 3);
    assert!(h.query_by_label("Picked claim").is_none());
}

#[test]
fn a_source_without_a_title_reads_as_its_outlet_in_markdown() {
    use board_explorer::session::{ExportFormat, Session};
    let mut d = board_explorer::store::embedded();
    d.sources[0].title.clear();
    let outlet = d.sources[0].outlet.clone();
    let s = Session::new(board_explorer::document::Document::new(d, None));
    let md = s.export_text(ExportFormat::Markdown);
    assert!(md.contains(&format!("\n- {outlet}, 2026-01\n")), "{md}");
    assert!(!md.contains(&format!("- {outlet}: **")), "{md}");
}

#[test]
fn clearing_recovery_removes_its_backup_too() {
    use board_explorer::store::{clear_recovery, recovery_path, write_recovery};
    let dir = tempfile::tempdir().unwrap();
    let path = recovery_path(dir.path());
    let d = board_explorer::store::embedded();
    write_recovery(&path, None, &d, &[]).unwrap();
    write_recovery(&path, None, &d, &[]).unwrap();
    let bak = board_explorer::store::backup_path(&path);
    assert!(bak.exists(), "a second write keeps a backup");
    clear_recovery(&path);
    assert!(!path.exists() && !bak.exists());
}

#[test]
fn the_add_event_dialog_puts_the_actors_label_above_its_chips() {
    let mut h = common::app_on(Tab::Timeline, [1024.0, 700.0]);
    h.get_by_label("➕ Add event").click();
    h.run();
    type_into(&mut h, "Add an actor", "putin");
    h.get_by_label("+ Vladimir Putin").click();
    h.run();
    let label = h
        .get_all_by_label("Actors")
        .map(|n| n.rect())
        .max_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap();
    let chip = h.get_by_label("Vladimir Putin ✖").rect();
    assert!(
        chip.top() >= label.bottom() - 1.0,
        "{chip:?} above {label:?}"
    );
}

#[test]
fn a_picture_is_taken_without_the_status_message() {
    let mut h = common::app_on(Tab::Roster, [1024.0, 700.0]);
    h.state_mut().window.notice = Some(board_explorer::session::Notice::info("Saved."));
    h.run();
    h.get_by_label("Saved.");
    let ctx = h.ctx.clone();
    let dir = tempfile::tempdir().unwrap();
    h.state_mut()
        .export_picture(dir.path().join("window.png"), &ctx);
    h.step();
    assert!(h.state().taking_picture());
    assert!(h.query_by_label("Saved.").is_none());
    assert!(h.query_by_label_contains("Taking the image").is_none());
}

#[test]
fn the_sources_compared_are_kept_per_file() {
    use board_explorer::session::Command;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    let mut h = common::app_on(Tab::Sources, [1600.0, 1000.0]);
    h.state_mut().perform(Command::SaveAs(b.clone()));
    h.state_mut().perform(Command::SaveAs(a.clone()));
    h.run();
    // Only the DPA text compared in a.ron.
    h.get_by_role_and_label(Role::CheckBox, "Unnamed outlet")
        .click();
    h.run();
    let chosen = |h: &Harness<'_, BoardExplorerApp>| {
        h.state()
            .panels
            .sources
            .chosen_sources()
            .map(<[String]>::to_vec)
    };
    let in_a = chosen(&h).unwrap();
    assert_eq!(in_a.len(), 1);
    h.state_mut().perform(Command::Open(b));
    h.run();
    assert_eq!(
        chosen(&h).unwrap().len(),
        2,
        "b.ron starts with the default two"
    );
    h.state_mut().perform(Command::Open(a));
    h.run();
    assert_eq!(chosen(&h).unwrap(), in_a, "a.ron comes back as it was left");
}

#[test]
fn the_timeline_toolbar_stays_one_line_beside_the_snapshot_list() {
    let mut h = common::app_on(Tab::Timeline, [1024.0, 700.0]);
    h.state_mut().window.snapshots.open = true;
    h.run();
    let lanes = h.get_by_label("Lanes").rect();
    // Whatever is left of the row folds into one menu; nothing wraps below it.
    let menu = h
        .query_by_label("More")
        .or_else(|| h.query_by_label("View"))
        .expect("the folded menu")
        .rect();
    assert!((lanes.center().y - menu.center().y).abs() < 4.0);
    if let Some(add) = h.query_by_label("➕ Add event") {
        assert!((lanes.center().y - add.rect().center().y).abs() < 4.0);
    }
    // The event is still one click away.
    h.get_by_label("More").click();
    h.run();
    h.get_by_label("➕ Add event").click();
    h.run();
    h.get_by_label("Add event");
}

#[test]
fn restoring_from_a_viewed_snapshot_never_drops_the_waiting_work() {
    use board_explorer::session::Command;
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with_snapshots(dir.path());
    let taken = h.state_mut().session.perform(Command::TakeSnapshot {
        note: "kept".into(),
    });
    let path = taken.written.unwrap();
    an_unsaved_change(&mut h);
    h.state_mut().perform(Command::OpenSnapshot(path.clone()));
    h.state_mut().perform(Command::RestoreSnapshot(path));
    h.run();
    h.get_by_label_contains("close the snapshot and save them");
    h.state_mut().perform(Command::CloseSnapshot);
    h.run();
    let d = h.state().session.dataset();
    assert!(
        d.actors.iter().any(|a| a.name == "V. Putin"),
        "the work waits"
    );
}

#[test]
fn a_what_if_keeps_the_reason_readable_at_1024() {
    let mut h = common::app_on(Tab::Seats, [1024.0, 700.0]);
    h.get_by_label("more than").click();
    h.run();
    h.get_by_label("Saved seat");
    // The reason column keeps room for a few words a line, and the header is whole.
    let reason = h.get_by_label("Reason").rect();
    unclipped(&h, reason, "Reason", [1024.0, 700.0]);
    assert!(
        1024.0 - reason.left() >= 100.0,
        "Reason starts at {reason:?}"
    );
    headers_do_not_overlap(
        &h,
        &[
            "Name",
            "Pledge",
            "Saved seat",
            "Seat",
            "Term ends",
            "Shortfall",
            "Reason",
        ],
    );
}

/// Each header ends before the next begins: none is cut by its column.
fn headers_do_not_overlap(h: &Harness<'_, BoardExplorerApp>, titles: &[&str]) {
    let rects: Vec<egui::Rect> = titles.iter().map(|t| h.get_by_label(t).rect()).collect();
    for (pair, names) in rects.windows(2).zip(titles.windows(2)) {
        assert!(
            pair[0].max.x <= pair[1].min.x,
            "{} at {:?} runs into {} at {:?}",
            names[0],
            pair[0],
            names[1],
            pair[1]
        );
    }
}
