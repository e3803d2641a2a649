//! Reviewing a report's suggested claims and making claims from dragged words, driven through
//! the real UI with egui_kittest, in a small and a large window.

use board_explorer::session::Command;
use board_explorer::ui::{BoardExplorerApp, Tab};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;

const A: &str = "report-a";
const SIZES: [[f32; 2]; 2] = [[800.0, 600.0], [1600.0, 1000.0]];

/// The screen position of the byte `offset` bytes into the first occurrence of `words` in a
/// shown source's text.
fn pos_in(
    h: &Harness<'_, BoardExplorerApp>,
    source: &str,
    words: &str,
    offset: usize,
) -> egui::Pos2 {
    let app = h.state();
    let d = app.session.document().dataset();
    let text = &d.source(source).unwrap().text;
    let at = text.find(words).unwrap() + offset;
    app.panels
        .sources
        .screen_pos(d, source, at)
        .unwrap_or_else(|| panic!("“{words}” is not in view"))
}

/// Drags from `from` to `to` as a mouse would.
fn drag(h: &mut Harness<'_, BoardExplorerApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
}

/// Selects words of report A (as Find would), which brings them into view.
fn reveal(h: &mut Harness<'_, BoardExplorerApp>, words: &str) {
    let (start, end) = {
        let d = h.state().session.document().dataset();
        let text = &d.source(A).unwrap().text;
        let at = text.find(words).unwrap();
        (at, at + words.len())
    };
    h.state_mut().panels.sources.chosen = vec![A.to_string()];
    h.state_mut().panels.sources.select_words(A, start, end);
    h.run_steps(30);
}

#[test]
fn a_drag_snaps_to_whole_words_fills_about_and_the_value_and_the_form_clears_after_adding() {
    for size in SIZES {
        let mut h = common::app_on(Tab::Sources, size);
        // Words naming Belarus first: the drag below must replace it, not keep it.
        reveal(&mut h, "Later the same day, Belarus’ Foreign Ministry");
        assert_eq!(
            h.state().panels.sources.claim_form.subject.as_deref(),
            Some("belarus")
        );
        // From inside “Lukashenko” to inside “invited”.
        let from = pos_in(&h, A, "Lukashenko had", 3);
        let to = pos_in(&h, A, "invited to join the proposed", 4);
        drag(&mut h, from, to);
        let app = h.state();
        let d = app.session.document().dataset();
        let (source, (start, end)) = app
            .panels
            .sources
            .selection(d, app.session.derived())
            .expect("selected");
        assert_eq!(
            &d.sources[source].text[start..end],
            "Lukashenko had also been invited",
            "at {size:?}"
        );
        let form = &app.panels.sources.claim_form;
        assert_eq!(form.subject.as_deref(), Some("lukashenko"), "at {size:?}");
        assert_eq!(form.search.text, "Alexander Lukashenko");
        assert!(
            form.guessed
                .as_deref()
                .is_some_and(|g| g.contains("invited")),
            "the value comes from the sentence, at {size:?}: {:?}",
            form.guessed
        );
        let claims = d.claims.len();
        h.get_by_label("Add claim").click();
        h.run();
        let app = h.state();
        let d = app.session.document().dataset();
        assert_eq!(d.claims.len(), claims + 1);
        let claim = d.claims.last().unwrap();
        assert_eq!(
            claim.quote.as_ref().unwrap().exact,
            "Lukashenko had also been invited"
        );
        // The form is empty again: the next claim cannot go to Lukashenko by mistake.
        let form = &app.panels.sources.claim_form;
        assert!(form.subject.is_none(), "at {size:?}");
        assert!(form.search.text.is_empty());

        // Words naming nobody leave About empty (never the previous actor).
        let words = "longstanding international criticism";
        reveal(
            &mut h,
            "Lukashenko, a close ally of Putin, has faced longstanding",
        );
        assert_eq!(
            h.state().panels.sources.claim_form.subject.as_deref(),
            Some("lukashenko")
        );
        let from = pos_in(&h, A, words, 2);
        let to = pos_in(&h, A, words, words.len() - 3);
        drag(&mut h, from, to);
        let app = h.state();
        let d = app.session.document().dataset();
        let (source, (start, end)) = app
            .panels
            .sources
            .selection(d, app.session.derived())
            .expect("selected");
        assert_eq!(&d.sources[source].text[start..end], words);
        assert!(
            app.panels.sources.claim_form.subject.is_none(),
            "at {size:?}"
        );
    }
}

/// Runs frames until the texts have scrolled to the suggestion under review.
fn settle(h: &mut Harness<'_, BoardExplorerApp>) {
    h.run_steps(40);
}

/// Imports `text` through the Import form, as a user would.
fn import(h: &mut Harness<'_, BoardExplorerApp>, text: &str) -> String {
    h.get_by_label("Import source…").click();
    h.run();
    common::type_into(h, "Outlet", "Wire");
    common::type_into(h, "Title", "Board news");
    common::type_into(h, "Published", "2026-01-25");
    let label = "Paste the article here. It is stored with whitespace tidied; quotes are anchored in the stored text.";
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, label)
        .focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, label)
        .type_text(text);
    h.run();
    h.get_by_label("Import").click();
    // The texts scroll to the first suggestion, over a few frames.
    h.run_steps(80);
    "wire-2026-01-25".to_string()
}

/// The rows the queue lists, as "who · value".
fn listed(h: &Harness<'_, BoardExplorerApp>) -> Vec<String> {
    h.state()
        .panels
        .sources
        .review
        .rows()
        .iter()
        .map(|r| format!("{} · {}", r.who, r.value))
        .collect()
}

/// The claims citing `source`, as "actor name · property: value".
fn claims_of(h: &Harness<'_, BoardExplorerApp>, source: &str) -> Vec<String> {
    let d = h.state().session.document().dataset();
    d.claims
        .iter()
        .filter(|c| c.source == source)
        .map(|c| {
            let who = d.actor(c.subject.id()).map_or("?", |a| a.name.as_str());
            format!(
                "{who} · {}: {}",
                c.fact.property().label(),
                d.fact_label(&c.fact)
            )
        })
        .collect()
}

const REPORT: &str = "Hungary has accepted the invitation. Canada has been invited to join the board.\n\n\
                      World Bank President Ajay Banga was also invited, officials said.";

#[test]
fn two_suggestions_accepted_with_the_keyboard_are_in_the_roster_and_one_undo_takes_them_back() {
    for size in SIZES {
        let mut h = common::app_on(Tab::Sources, size);
        let actors = h.state().session.document().dataset().actors.len();
        let source = import(&mut h, REPORT);
        settle(&mut h);
        let rows = listed(&h);
        assert!(
            rows.iter().any(|r| r == "Hungary · status: accepted"),
            "at {size:?}: {rows:?}"
        );
        assert!(rows.iter().any(|r| r.starts_with("Canada · ")), "{rows:?}");
        h.get_by_label_contains("Suggestions to review (");
        // The selected suggestion's sentence is in view beside the queue, even when the texts
        // do not all fit side by side.
        {
            let app = h.state();
            let d = app.session.document().dataset();
            let first = &app.panels.sources.review.rows()[0];
            assert!(
                app.panels
                    .sources
                    .screen_pos(d, &source, first.sentence.start)
                    .is_some_and(|p| p.x > 0.0 && p.x < size[0]),
                "at {size:?}"
            );
        }
        // The new-actor marker says what would be added.
        h.get_by_label_contains("new: Ajay Banga, person");
        // The first two, with the keyboard: Shift+↓ selects both, Enter accepts them.
        let first_two: Vec<String> = rows[..2].to_vec();
        h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowDown);
        settle(&mut h);
        h.get_by_label("Accept 2");
        h.key_press(egui::Key::Enter);
        settle(&mut h);
        assert!(h.query_by_label("Accept 2").is_none(), "the range ends");
        let claims = claims_of(&h, &source);
        for row in &first_two {
            assert!(
                claims.contains(row),
                "at {size:?}: {row} not among {claims:?}"
            );
            assert!(!listed(&h).contains(row), "accepted rows leave the queue");
        }
        // The roster holds the new actors, Hungary accepted.
        {
            let app = h.state();
            let d = app.session.document().dataset();
            assert!(d.actors.len() >= actors + 2);
            let hungary = app.session.derived().index.actor_by_id["hungary"];
            assert_eq!(
                app.session.derived().roster.rows[hungary].status(d),
                Some(board_explorer::model::Status::Accepted)
            );
        }
        // One undo takes the batch back, new actors included.
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        settle(&mut h);
        assert!(claims_of(&h, &source).is_empty(), "at {size:?}");
        assert_eq!(h.state().session.document().dataset().actors.len(), actors);
        assert_eq!(listed(&h), rows, "the suggestions are offered again");

        // Accept all shown: one step, one undo.
        h.get_by_label_contains("Accept all shown (").click();
        settle(&mut h);
        assert!(claims_of(&h, &source).len() >= rows.len());
        assert!(listed(&h).is_empty());
        h.get_by_label_contains("Nothing left to review");
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        settle(&mut h);
        assert!(claims_of(&h, &source).is_empty(), "at {size:?}");
        assert_eq!(h.state().session.document().dataset().actors.len(), actors);
    }
}

/// After a batch is accepted, the selection is on the next unreviewed suggestion, the one
/// after the batch, not a later one.
#[test]
fn after_a_batch_the_selection_is_on_the_next_unreviewed_suggestion() {
    let mut h = common::app_on(Tab::Sources, [1400.0, 900.0]);
    import(
        &mut h,
        "Hungary has accepted the invitation. Canada has been invited to join the board. \
         Egypt has accepted the invitation. India has been invited to join the board. \
         Argentina has accepted the invitation. Belarus has been invited to join the board. \
         Turkey has accepted the invitation.",
    );
    settle(&mut h);
    let rows = listed(&h);
    assert!(rows.len() >= 6, "{rows:?}");
    // Rows 1 to 3, with the keyboard.
    h.key_press(egui::Key::ArrowDown);
    settle(&mut h);
    for _ in 0..2 {
        h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowDown);
        settle(&mut h);
    }
    h.get_by_label("Accept 3");
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let left = listed(&h);
    assert_eq!(left.len(), rows.len() - 3, "{left:?}");
    let review = &h.state().panels.sources.review;
    let at = review.view.current(review.rows()).expect("a selection");
    assert_eq!(left[at], rows[4], "the one after the batch");
}

#[test]
fn a_rejected_suggestion_does_not_come_back_after_reopening_the_source_or_the_file() {
    use board_explorer::document::Document;
    use board_explorer::store::{parse, to_ron};
    for size in SIZES {
        let mut h = common::app_on(Tab::Sources, size);
        let source = import(&mut h, REPORT);
        let canada = listed(&h)
            .into_iter()
            .find(|r| r.starts_with("Canada · "))
            .expect("Canada is suggested");
        h.get_by_label_contains(&canada).click();
        settle(&mut h);
        h.key_press(egui::Key::Delete);
        settle(&mut h);
        assert!(!listed(&h).contains(&canada), "at {size:?}");
        assert_eq!(
            h.state()
                .session
                .document()
                .dataset()
                .source(&source)
                .unwrap()
                .rejected
                .len(),
            1
        );
        assert!(claims_of(&h, &source).is_empty(), "rejecting adds no claim");
        // Rejecting is one undoable step like any edit.
        h.state_mut().perform(Command::Undo);
        settle(&mut h);
        assert!(listed(&h).contains(&canada));
        h.state_mut().perform(Command::Redo);
        settle(&mut h);
        assert!(!listed(&h).contains(&canada));
        // Another source, then this one again: still gone.
        h.get_by_role_and_label(
            egui::accesskit::Role::Button,
            "Vladimir Putin invited to join Trump's Board of Peace for Gaza: Kremlin",
        )
        .click();
        settle(&mut h);
        h.get_by_role_and_label(egui::accesskit::Role::Button, "Board news")
            .click();
        settle(&mut h);
        assert!(listed(&h).iter().any(|r| r.starts_with("Hungary · ")));
        assert!(!listed(&h).contains(&canada));

        // Saved and opened again: the rejection is in the file.
        let saved = to_ron(h.state().session.document().dataset());
        let dataset = parse(&saved, None).unwrap().dataset;
        let mut app = BoardExplorerApp::with_document(Document::new(dataset, None));
        app.panels.tab = Tab::Sources;
        app.panels.sources.focused = Some(source.clone());
        let mut h = Harness::builder()
            .with_size(size)
            .build_ui_state(|ui, app: &mut BoardExplorerApp| app.ui(ui), app);
        settle(&mut h);
        assert!(listed(&h).iter().any(|r| r.starts_with("Hungary · ")));
        assert!(!listed(&h).contains(&canada), "at {size:?}");
    }
}

#[test]
fn e_edits_a_suggestion_before_it_is_accepted() {
    let mut h = common::app_on(Tab::Sources, [1024.0, 700.0]);
    let source = import(&mut h, REPORT);
    let banga = listed(&h)
        .into_iter()
        .find(|r| r.starts_with("Ajay Banga · "))
        .expect("Banga is suggested");
    h.get_by_label_contains(&banga).click();
    settle(&mut h);
    h.key_press(egui::Key::E);
    settle(&mut h);
    h.get_by_label("Edit the suggestion");
    common::type_into(&mut h, "New actor's name", "Ajay Pal Singh Banga");
    common::type_into(&mut h, "As of", "2026-01-20");
    h.get_by_label("Done").click();
    settle(&mut h);
    let row = h
        .state()
        .panels
        .sources
        .review
        .rows()
        .iter()
        .find(|r| r.who == "Ajay Pal Singh Banga")
        .cloned()
        .expect("the edited row");
    assert!(row.edited);
    assert_eq!(row.as_of.as_deref(), Some("2026-01-20"));
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let d = h.state().session.document().dataset();
    let actor = d
        .actors
        .iter()
        .find(|a| a.name == "Ajay Pal Singh Banga")
        .expect("added under the edited name");
    let claim = d
        .claims
        .iter()
        .find(|c| {
            c.source == source
                && c.subject.id() == actor.id
                && matches!(
                    c.fact,
                    board_explorer::model::Fact::Status(_)
                        | board_explorer::model::Fact::Invited(_)
                )
        })
        .expect("the claim");
    assert_eq!(claim.as_of, Some("2026-01-20".parse().unwrap()));
    // Accepted, it is settled: not offered again as a new actor.
    settle(&mut h);
    assert!(
        listed(&h).iter().all(|r| !r.contains("Banga")),
        "{:?}",
        listed(&h)
    );
}

/// A list sentence entered with the claim form: the selected words name 25 states, known and
/// new; one value and one click add a claim for each (the new states with them), in 4 actions
/// where it took about 220 one actor at a time; one undo takes them all back.
#[test]
fn a_list_of_twenty_five_signatories_is_entered_in_a_few_actions() {
    const LIST: &str = "Armenia, Azerbaijan, Bahrain, Bulgaria, Hungary, Indonesia, Jordan, \
                        Kazakhstan, Kosovo, Mongolia, Morocco, Pakistan, Paraguay, Qatar, Saudi \
                        Arabia, Turkey, the United Arab Emirates, Uzbekistan, Albania, Belarus, \
                        Egypt, Argentina, Vietnam, Kuwait and Oman";
    let text = format!("Charter signed\n\nThe charter was signed on Thursday by {LIST}.");
    let mut h = common::app_on(Tab::Sources, [1600.0, 1000.0]);
    let (claims, actors) = {
        let d = h.state().session.dataset();
        (d.claims.len(), d.actors.len())
    };
    // The report, as an import leaves it (not counted: the list is what is entered).
    let id = common::add_report(&mut h, "Wire", Some("2026-01-22"), &text);
    h.state_mut().panels.sources.chosen = vec![id.clone()];
    h.run_steps(30);
    let mut actions = 0;
    // 1: drag across the list.
    let from = pos_in(&h, &id, "Armenia", 0);
    let to = pos_in(&h, &id, "and Oman", "and Oman".len() - 1);
    drag(&mut h, from, to);
    actions += 1;
    h.get_by_label_contains("These words name 25 actors");
    h.get_by_label("new: Armenia (state)");
    // 2, 3: the value they share.
    h.get_all_by_role_and_label(egui::accesskit::Role::ComboBox, "Value")
        .last()
        .unwrap()
        .click();
    h.run();
    h.get_all_by_label("signed").last().unwrap().click();
    h.run();
    actions += 2;
    // 4: add them.
    h.get_by_label("Add 25 claims").click();
    h.run();
    actions += 1;
    assert!(actions <= 30);
    let d = h.state().session.dataset();
    assert_eq!(d.claims.len(), claims + 25);
    let signed = d
        .claims
        .iter()
        .filter(|c| c.source == id)
        .filter(|c| {
            c.fact == board_explorer::model::Fact::Status(board_explorer::model::Status::Signed)
        })
        .count();
    assert_eq!(signed, 25);
    assert!(d.actors.iter().any(|a| a.name == "Armenia"));
    let new_actors = d.actors.len() - actors;
    assert!(new_actors >= 20, "{new_actors} new states");
    // One undo takes the list back, new states included.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    let d = h.state().session.dataset();
    assert_eq!((d.claims.len(), d.actors.len()), (claims, actors));
}

/// About takes a name the dataset lacks: words naming one new state offer it at once, and a
/// name typed in About is offered as "new: Kosovo (state)"; the actor comes with the claim, in
/// one undo step.
#[test]
fn about_takes_a_new_actor_by_the_selected_words_or_by_name() {
    let text = "Charter signed\n\nThe charter was signed on Thursday by Armenia.";
    let mut h = common::app_on(Tab::Sources, [1600.0, 1000.0]);
    let actors = h.state().session.dataset().actors.len();
    let id = common::add_report(&mut h, "Wire", None, text);
    h.state_mut().panels.sources.chosen = vec![id.clone()];
    h.run_steps(30);
    let from = pos_in(&h, &id, "Armenia", 0);
    let to = pos_in(&h, &id, "Armenia", 6);
    drag(&mut h, from, to);
    h.get_by_label_contains("About Armenia, not in the dataset yet");
    h.get_by_label("Add claim").click();
    h.run();
    let d = h.state().session.dataset();
    assert_eq!(d.actors.len(), actors + 1);
    let armenia = d.actors.last().unwrap();
    assert_eq!(armenia.name, "Armenia");
    assert_eq!(armenia.kind, board_explorer::model::ActorKind::State);
    assert_eq!(d.claims.last().unwrap().subject.id(), armenia.id);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().session.dataset().actors.len(), actors);

    // By name: words that name nobody, then "Kosovo" typed in About.
    let from = pos_in(&h, &id, "The charter was", 0);
    let to = pos_in(&h, &id, "The charter was", 14);
    drag(&mut h, from, to);
    common::type_into(&mut h, "About", "Kosovo");
    h.run();
    h.get_by_label("new: Kosovo (state)").click();
    h.run();
    h.get_by_label("Add claim").click();
    h.run();
    let d = h.state().session.dataset();
    assert_eq!(d.actors.last().unwrap().name, "Kosovo");
    assert_eq!(
        d.claims.last().unwrap().subject.id(),
        d.actors.last().unwrap().id
    );
}

/// One inbox: every source's waiting suggestions are counted, beside each source in the list,
/// above the list, and in the status bar; importing a second report does not hide the first
/// one's, and accepting one counts one less.
#[test]
fn the_inbox_counts_every_sources_waiting_suggestions() {
    let mut h = common::app_on(Tab::Sources, [1600.0, 1000.0]);
    let first = import(&mut h, REPORT);
    settle(&mut h);
    let first_waiting = listed(&h).len();
    assert!(first_waiting >= 2);
    let second = common::add_report(
        &mut h,
        "Other Wire",
        Some("2026-01-26"),
        "Egypt has accepted the invitation to join the board.",
    );
    h.state_mut().panels.sources.focused = Some(second.clone());
    h.run_steps(60);
    let review = &h.state().panels.sources.review;
    let d = h.state().session.dataset();
    let inbox = review.inbox(d);
    assert!(!inbox.counting, "every source counted");
    assert_eq!(
        review.waiting(&first),
        Some(first_waiting),
        "the first is still counted"
    );
    let second_waiting = review.waiting(&second).expect("counted");
    assert!(second_waiting >= 1);
    let sum: usize = d.sources.iter().filter_map(|s| review.waiting(&s.id)).sum();
    assert_eq!(inbox.suggestions, sum);
    assert!(inbox.sources >= 2);
    h.get_by_label(&format!("{first_waiting} to review"));
    h.get_by_label_contains(&format!("{} suggestions to review in", inbox.suggestions));
    h.get_by_label(&format!("{} to review", inbox.suggestions));

    // Accepting one of the second report's: one less, once counted again.
    h.get_by_label_contains("Egypt · status: accepted").click();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run_steps(60);
    let after = h
        .state()
        .panels
        .sources
        .review
        .inbox(h.state().session.dataset());
    assert_eq!(after.suggestions, inbox.suggestions - 1);
}

/// In a narrow side panel (800 wide), a suggestion's value has a line of its own under the
/// name, so neither is cut; in a wide one they share the first line.
#[test]
fn the_review_list_shows_actor_and_value_at_every_size() {
    for (size, own_line) in [
        ([800.0, 600.0], true),
        ([1024.0, 700.0], true),
        ([1600.0, 1000.0], false),
    ] {
        let mut h = common::app_on(Tab::Sources, size);
        import(&mut h, REPORT);
        settle(&mut h);
        let who = h.get_by_label("Hungary").rect();
        let value = h
            .get_all_by_label("status: accepted")
            .map(|n| n.rect())
            .min_by(|a, b| a.min.y.total_cmp(&b.min.y))
            .expect("the value");
        assert_eq!(
            value.min.y > who.max.y - 1.0,
            own_line,
            "at {size:?}: {who:?} {value:?}"
        );
        assert!(value.max.x <= size[0], "at {size:?}");
        h.get_by_label_contains("Accept all shown (");
        assert!(h.get_by_label_contains("Accept all shown (").rect().max.y <= size[1]);
    }
}

/// E opens the suggestion's editor in view, even at 800×600 where it opens below the list.
#[test]
fn the_suggestion_editor_opens_in_view_in_a_small_window() {
    let size = [800.0, 600.0];
    let mut h = common::app_on(Tab::Sources, size);
    // Enough suggestions that the list fills the side panel.
    import(
        &mut h,
        "Hungary has accepted the invitation. Canada has been invited to join the board. \
         Egypt has accepted the invitation. India has been invited to join the board. \
         Argentina has accepted the invitation. Belarus has been invited to join the board. \
         Turkey has accepted the invitation.",
    );
    settle(&mut h);
    assert!(listed(&h).len() >= 6);
    h.key_press(egui::Key::E);
    settle(&mut h);
    let heading = h.get_by_label("Edit the suggestion").rect();
    assert!(
        heading.min.y >= 0.0 && heading.max.y <= size[1],
        "the editor at {heading:?} is outside the window"
    );
}
