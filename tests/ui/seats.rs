//! The Seats panel, driven through the real UI with egui_kittest.

use board_explorer::document::Document;
use board_explorer::model::data::ops::hand_claim;
use board_explorer::model::derive::seats::SeatKind;
use board_explorer::model::{EDITORS_NOTE, Fact, Money, Status};
use board_explorer::session::Command;
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;
use common::type_into;

/// The app on the Seats tab, with Israel (a state: seats are held by states) accepting and
/// pledging $500 million.
fn app() -> Harness<'static, BoardExplorerApp> {
    let mut app = BoardExplorerApp::with_document(Document::embedded());
    let pledge = Fact::Pledge(Money {
        amount: 500_000_000,
        currency: "USD".into(),
    });
    for fact in [Fact::Status(Status::Accepted), pledge] {
        let edit = hand_claim(
            app.session.document().dataset(),
            &app.session.derived().index,
            "israel",
            fact,
            EDITORS_NOTE,
            Some("2026-01-20".parse().unwrap()),
            "",
        );
        app.perform(Command::edit(edit, "Pledge"));
    }
    app.panels.tab = Tab::Seats;
    let mut h = Harness::builder()
        .with_size([1500.0, 900.0])
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h
}

fn saved_seat(h: &Harness<'_, BoardExplorerApp>, actor: &str) -> SeatKind {
    let app = h.state();
    app.session.derived().seats[app.session.derived().index.actor_by_id[actor]].kind
}

#[test]
fn lowering_the_threshold_gives_a_permanent_seat_and_undo_restores_the_rule() {
    let mut h = app();
    assert_eq!(saved_seat(&h, "israel"), SeatKind::Term);
    h.get_by_label("Israel");
    type_into(&mut h, "Threshold", "500 million USD");
    // A what-if first: the table compares, the dataset is untouched.
    h.get_by_label_contains("What-if: not applied");
    h.get_by_label("Saved seat");
    assert_eq!(
        h.state()
            .session
            .document()
            .dataset()
            .body
            .seat_rules
            .threshold
            .amount,
        1_000_000_000
    );
    assert_eq!(saved_seat(&h, "israel"), SeatKind::Term);
    assert!(
        h.query_all_by_label("permanent").count() >= 1,
        "the what-if column shows it"
    );

    h.get_by_label("Apply").click();
    h.run();
    assert_eq!(
        h.state()
            .session
            .document()
            .dataset()
            .body
            .seat_rules
            .threshold
            .amount,
        500_000_000
    );
    assert_eq!(saved_seat(&h, "israel"), SeatKind::Permanent);
    assert!(
        h.query_by_label("Saved seat").is_none(),
        "no what-if once applied"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state()
            .session
            .document()
            .dataset()
            .body
            .seat_rules
            .threshold
            .amount,
        1_000_000_000
    );
    assert_eq!(saved_seat(&h, "israel"), SeatKind::Term);
    let field = h.get_by_role_and_label(Role::TextInput, "Threshold");
    assert_eq!(
        field.value().as_deref(),
        Some("1 billion USD"),
        "the form follows the restored rule"
    );
}

#[test]
fn an_invalid_threshold_is_refused_and_cannot_be_applied() {
    let mut h = app();
    type_into(&mut h, "Threshold", "lots of money");
    h.get_by_label_contains("Threshold: \"lots\" is not understood");
    assert_eq!(
        h.state()
            .session
            .document()
            .dataset()
            .body
            .seat_rules
            .threshold
            .amount,
        1_000_000_000
    );
}

#[test]
fn the_quick_calculator_answers_typed_input() {
    let mut h = app();
    h.get_by_label("Type an amount to see what it buys under the rules above.");
    type_into(&mut h, "Amount", "860 million");
    type_into(&mut h, "Currency", "EUR");
    type_into(&mut h, "Joining date", "2026-01-22");
    h.get_by_label("Seat: term until 2029-01-22");
    h.get_by_label_contains("no exchange rate for EUR is set");

    type_into(&mut h, "Currency", "USD");
    type_into(&mut h, "Amount", "1 billion");
    h.get_by_label("Seat: permanent");
    type_into(&mut h, "Amount", "-3");
    h.get_by_label("A pledge cannot be negative.");
}

#[test]
fn a_what_if_pledge_changes_the_table_not_the_dataset() {
    let mut h = app();
    let claims = h.state().session.document().dataset().claims.len();
    // Blair's pledge cell is the only "—" in his row: double-click it.
    let blair_y = h.get_by_label("Tony Blair").rect().center().y;
    let in_row = |h: &Harness<'_, BoardExplorerApp>| {
        h.get_all_by_label("—")
            .find(|n| (n.rect().center().y - blair_y).abs() < 2.0)
            .unwrap()
            .click()
    };
    in_row(&h);
    h.step();
    in_row(&h);
    h.step();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Pledge")
        .type_text("2 billion USD");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("$2 billion (what-if)");
    h.get_by_label_contains("What-if: not applied");
    assert_eq!(
        h.state().session.document().dataset().claims.len(),
        claims,
        "dataset untouched"
    );
    h.get_by_label("Discard what-if").click();
    h.run();
    assert!(h.query_by_label("$2 billion (what-if)").is_none());
}

#[test]
fn applying_a_what_if_pledge_records_it_as_a_claim() {
    let mut h = app();
    // Belarus accepts (a state without a pledge of its own).
    let app = h.state_mut();
    let edit = hand_claim(
        app.session.document().dataset(),
        &app.session.derived().index,
        "belarus",
        Fact::Status(Status::Accepted),
        EDITORS_NOTE,
        Some("2026-01-20".parse().unwrap()),
        "",
    );
    app.perform(Command::edit(edit, "Accept"));
    h.run();
    assert_eq!(saved_seat(&h, "belarus"), SeatKind::Term);
    h.state_mut().panels.seats.try_pledge(
        "belarus",
        Money {
            amount: 2_000_000_000,
            currency: "USD".into(),
        },
    );
    h.run();
    h.get_by_label("$2 billion (what-if)");
    h.get_by_label("Apply").click();
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
    assert_eq!(
        claim.fact,
        Fact::Pledge(Money {
            amount: 2_000_000_000,
            currency: "USD".into()
        })
    );
    assert_eq!(claim.source, EDITORS_NOTE);
    assert_eq!(saved_seat(&h, "belarus"), SeatKind::Permanent);
    assert_eq!(
        h.state().session.document().undo_label(),
        Some("Change seat rules")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(saved_seat(&h, "belarus"), SeatKind::Term);
}

/// The rules pane chooses the body: a sub-body's rules are edited and applied as its own,
/// the main body's and the table left as they were.
#[test]
fn a_sub_bodys_seat_rules_are_edited_in_the_rules_pane() {
    let mut h = app();
    let threshold = |h: &Harness<'_, BoardExplorerApp>, body: Option<&str>| {
        let d = h.state().session.document().dataset();
        let rules = match body {
            None => &d.body.seat_rules,
            Some(id) => &d.body_by_id(id).unwrap().seat_rules,
        };
        rules.threshold.amount
    };
    let main = threshold(&h, None);
    let (committee, name) = {
        let d = h.state().session.document().dataset();
        (d.sub_bodies[0].id.clone(), d.sub_bodies[0].name.clone())
    };
    h.get_by_role_and_label(Role::ComboBox, "of").click();
    h.run();
    h.get_by_label(&name).click();
    h.run();
    type_into(&mut h, "Threshold", "5 million USD");
    // The table is the main body's: editing a sub-body's rules is no what-if there.
    assert!(h.query_by_label("Saved seat").is_none());
    h.get_by_label("Apply").click();
    h.run();
    assert_eq!(threshold(&h, Some(&committee)), 5_000_000);
    assert_eq!(
        threshold(&h, None),
        main,
        "the main body's rules are untouched"
    );
    assert_eq!(saved_seat(&h, "israel"), SeatKind::Term);
    assert_eq!(
        h.state().session.document().undo_label(),
        Some("Change seat rules")
    );
    // Back to the main body: the form shows its rules.
    h.get_by_role_and_label(Role::ComboBox, "of").click();
    h.run();
    let main_name = h.state().session.document().dataset().body.name.clone();
    h.query_all_by_label(&main_name).last().unwrap().click();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Threshold");
    assert_eq!(field.value().as_deref(), Some("1 billion USD"));
}

/// One totals sentence (issue 22): the Seats panel, the `seats` command, the Markdown report
/// and the HTML report all give `Totals`' own, word for word.
#[test]
fn the_totals_sentence_is_the_same_in_the_window_the_command_line_and_both_reports() {
    use board_explorer::session::ExportFormat;
    let h = app();
    let session = &h.state().session;
    let sentence = session.report().totals.to_string();
    assert_eq!(
        sentence,
        "0 permanent, 1 term, 1 chair, 4 without a seat; $500 million pledged"
    );

    // The window: the Seats panel's saved totals.
    h.get_by_label(&sentence);

    // The command line, on the same dataset saved to a file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("board.ron");
    board_explorer::store::save_file(&file, session.document().dataset()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_board-explorer"))
        .args(["seats", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.lines().any(|l| l == sentence),
        "the seats command prints the sentence on a line of its own:\n{stdout}"
    );

    // The Markdown report, as a reader sees it once rendered: "Totals: <sentence>."
    let md = session.export_text(ExportFormat::Markdown);
    let line = md
        .lines()
        .find(|l| l.starts_with("Totals: "))
        .expect("the Markdown report has totals");
    let rendered: String = pulldown_cmark::Parser::new(line)
        .filter_map(|e| match e {
            pulldown_cmark::Event::Text(t) => Some(t.into_string()),
            _ => None,
        })
        .collect();
    assert_eq!(rendered, format!("Totals: {sentence}."));

    // The HTML report, as a browser reads it.
    let html = scraper::Html::parse_document(&session.export_text(ExportFormat::Html));
    let p = scraper::Selector::parse("#seats > p").unwrap();
    let texts: Vec<String> = html
        .select(&p)
        .map(|p| p.text().collect::<String>())
        .collect();
    assert!(texts.contains(&format!("Totals: {sentence}.")), "{texts:?}");
}
