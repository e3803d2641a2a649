//! What the UI tests share: the app on the embedded dataset in a headless harness, typing into
//! a labelled field, and reading the derived roster.

use board_explorer::document::Document;
use board_explorer::model::Status;
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app on the embedded dataset, on `tab`, settled. Short steps: two clicks one step apart
/// must fall within egui's double-click time.
pub fn app_on(tab: Tab, size: [f32; 2]) -> Harness<'static, BoardExplorerApp> {
    let mut app = BoardExplorerApp::with_document(Document::embedded());
    app.panels.tab = tab;
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
    h.run();
    h
}

/// Replaces what the text field named `label` holds with `text`, scrolling it into view.
pub fn type_into(h: &mut Harness<'_, BoardExplorerApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

/// An actor's status in the roster the app derived.
pub fn status_of(h: &Harness<'_, BoardExplorerApp>, actor: &str) -> Option<Status> {
    let app = h.state();
    let at = app.session.derived().index.actor_by_id[actor];
    app.session.derived().roster.rows[at].status(app.session.document().dataset())
}

/// Makes the embedded dataset's two reports truly disagree about `actors`' statuses: report A
/// also says each "declined", the same day DPA says "member". (Its own "proposed" against
/// "member" is one life-cycle path, which the one conflict rule of issue #12 does not count.)
pub fn dispute(h: &mut Harness<'_, BoardExplorerApp>, actors: &[&str]) {
    use board_explorer::model::{Claim, Edit, Fact, Rank, Subject};
    use board_explorer::session::Command;
    for actor in actors {
        let at = h.state().session.document().dataset().claims.len();
        let claim = Claim {
            extra: Default::default(),
            author: String::new(),
            id: format!("dispute-{actor}"),
            subject: Subject::Actor(actor.to_string()),
            fact: Fact::Status(Status::Declined),
            body: None,
            source: "report-a".into(),
            quote: None,
            as_of: None,
            rank: Rank::Normal,
            negated: false,
            note: String::new(),
        };
        h.state_mut()
            .session
            .perform(Command::edit(Edit::InsertClaim { at, claim }, "Dispute"));
    }
    h.run();
}

/// Seats the given states: each "accepted" by the editor's hand, as of 20 January 2026 (the
/// embedded reports seat no state; the persons they name as members hold no seat of their own).
pub fn seat_states(h: &mut Harness<'_, BoardExplorerApp>, states: &[&str]) {
    use board_explorer::model::data::ops::hand_claim;
    use board_explorer::model::{EDITORS_NOTE, Fact};
    use board_explorer::session::Command;
    for state in states {
        let app = h.state_mut();
        let edit = hand_claim(
            app.session.document().dataset(),
            &app.session.derived().index,
            state,
            Fact::Status(Status::Accepted),
            EDITORS_NOTE,
            Some("2026-01-20".parse().unwrap()),
            "",
        );
        app.perform(Command::edit(edit, "Accept"));
    }
    h.run();
}

/// Adds a report as a source, as an import through the form leaves it (one undoable edit);
/// returns its id. The title is "News"; `published` a day, or none.
pub fn add_report(
    h: &mut Harness<'_, BoardExplorerApp>,
    outlet: &str,
    published: Option<&str>,
    text: &str,
) -> String {
    use board_explorer::model::data::source_ops::{SourceDraft, add_source};
    let app = h.state_mut();
    let draft = SourceDraft {
        outlet: outlet.into(),
        title: "News".into(),
        published: published.map(|d| d.parse().unwrap()),
        text: text.into(),
        ..Default::default()
    };
    let today = published.unwrap_or("2026-01-22").parse().unwrap();
    let (edit, id) = add_source(app.session.dataset(), draft, today).unwrap();
    app.perform(board_explorer::session::Command::edit(
        edit,
        "Import source",
    ));
    id
}
