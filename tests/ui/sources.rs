//! The Sources tab's flows, driven through the real UI with egui_kittest: choosing sources
//! and reading the matrix, importing an article, making claims from selected words, picking a
//! highlighted quote, and editing and deleting sources.

use board_explorer::model::{Fact, Status, Subject};
use board_explorer::session::Command;
use board_explorer::ui::{BoardExplorerApp, SourcesView, Tab};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common;
use common::{status_of, type_into};

const A: &str = "report-a";
const DPA: &str = "dpa-2026-01-19";

fn app() -> Harness<'static, BoardExplorerApp> {
    common::app_on(Tab::Sources, [1400.0, 900.0])
}

/// The screen position of the first occurrence of `words` in a shown source's text.
fn pos_of(h: &Harness<'_, BoardExplorerApp>, source: &str, words: &str, end: bool) -> egui::Pos2 {
    let app = h.state();
    let d = app.session.document().dataset();
    let text = &d.source(source).unwrap().text;
    let at = text.find(words).unwrap() + if end { words.len() } else { 0 };
    app.panels
        .sources
        .screen_pos(d, source, at)
        .unwrap_or_else(|| panic!("“{words}” is not in view"))
}

#[test]
fn choosing_two_sources_shows_the_matrix() {
    let mut h = app();
    common::dispute(&mut h, &["trump", "blair", "rubio"]);
    // Both embedded articles are chosen at first; untick DPA, then tick it again.
    h.get_by_role_and_label(Role::CheckBox, "DPA").click();
    h.run();
    assert_eq!(h.state().panels.sources.chosen, [A]);
    h.get_by_role_and_label(Role::CheckBox, "DPA").click();
    h.run();
    assert_eq!(h.state().panels.sources.chosen, [A, DPA]);
    // Each text is named for screen readers.
    h.get_by_label_contains("Text of DPA: Vladimir Putin invited");
    h.get_by_label("Matrix").click();
    h.run();
    assert_eq!(h.state().panels.sources.view, SourcesView::Matrix);
    // Carney is named only by source A; Trump's status is where they conflict.
    assert!(h.get_all_by_label("Mark Carney").count() >= 1);
    assert!(h.get_all_by_label("conflict").count() >= 1);
    h.get_by_label("Conflicts only").click();
    h.run();
    assert!(h.query_by_label("Mark Carney").is_none());
    assert_eq!(h.get_all_by_label("conflict").count(), 3);
    for who in ["Donald Trump", "Tony Blair", "Marco Rubio"] {
        h.get_by_label(who);
    }
}

#[test]
fn the_import_form_shows_the_detected_language_and_keeps_a_chosen_one() {
    let mut h = app();
    h.get_by_label("Import source…").click();
    h.run();
    type_into(&mut h, "Outlet", "Wire");
    type_into(&mut h, "Published", "2026-03-04");
    let label = "Paste the article here. It is stored with whitespace tidied; quotes are anchored in the stored text.";
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text("Армения отказалась от приглашения. Лукашенко подписал устав Совета мира.");
    h.run();
    let shown = format!("{:?}", h.get_by_label("Language"));
    assert!(shown.contains("detected: ru"), "{shown}");
    // Chosen by hand, the language is kept on the source.
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("es").click();
    h.run();
    h.get_by_label("Import").click();
    h.run();
    let d = h.state().session.document().dataset();
    let source = d.sources.last().unwrap();
    assert_eq!(source.language.as_deref(), Some("es"));
}

/// A text already held by a source is not imported twice: the form says which source has
/// it and offers to show it, as `import-source` refuses it on the command line.
#[test]
fn a_text_already_held_by_a_source_is_refused_and_that_source_offered() {
    let mut h = app();
    let twice = "Donald Trump chairs the board.\n\nThe Russian leader has declined.";
    let import = |h: &mut Harness<'static, BoardExplorerApp>, outlet: &str| {
        h.get_by_label("Import source…").click();
        h.run();
        type_into(h, "Outlet", outlet);
        let label = "Paste the article here. It is stored with whitespace tidied; quotes are anchored in the stored text.";
        h.get_by_role_and_label(Role::MultilineTextInput, label)
            .focus();
        h.run();
        h.get_by_role_and_label(Role::MultilineTextInput, label)
            .type_text(twice);
        h.run();
        h.get_by_label("Import").click();
        h.run();
    };
    import(&mut h, "First Wire");
    let sources = h.state().session.document().dataset().sources.len();
    let first = h
        .state()
        .session
        .document()
        .dataset()
        .sources
        .last()
        .unwrap()
        .id
        .clone();
    // Another source in view, so that showing the first is seen.
    h.state_mut().panels.sources.focused = Some(DPA.into());
    h.run();
    import(&mut h, "Second Wire");
    assert_eq!(
        h.state().session.document().dataset().sources.len(),
        sources
    );
    h.get_by_label_contains("This text is already the source \"First Wire\"");
    h.get_by_label("Show that source").click();
    h.run();
    assert!(
        h.query_by_label("Show that source").is_none(),
        "the form closed"
    );
    assert_eq!(
        h.state().panels.sources.focused.as_deref(),
        Some(first.as_str())
    );
}

#[test]
fn importing_a_pasted_article_adds_it_with_suggested_mentions() {
    let mut h = app();
    let sources = h.state().session.document().dataset().sources.len();
    h.get_by_label("Import source…").click();
    h.run();
    type_into(&mut h, "Outlet", "Wire");
    type_into(&mut h, "Title", "Putin declines");
    type_into(&mut h, "Published", "2026-01-25");
    let label = "Paste the article here. It is stored with whitespace tidied; quotes are anchored in the stored text.";
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text(
            "The Russian leader has declined the invitation.\n\nDonald Trump chairs the board.",
        );
    h.run();
    h.get_by_label("Import").click();
    h.run();
    let d = h.state().session.document().dataset();
    assert_eq!(d.sources.len(), sources + 1);
    let source = d.source("wire-2026-01-25").expect("imported");
    assert!(source.text.starts_with("The Russian leader"));
    assert!(
        h.state()
            .panels
            .sources
            .chosen
            .contains(&"wire-2026-01-25".to_string())
    );
    // Known actors named in it are offered as claims, in the review queue.
    h.get_by_label_contains("Suggestions to review (");
    h.get_by_label_contains("Vladimir Putin · status: declined")
        .click();
    // The text scrolls to the sentence under review: let the scroll settle.
    h.run_steps(30);
    h.get_by_label("Accept").click();
    h.run_steps(30);
    let d = h.state().session.document().dataset();
    let claim = d.claims.last().unwrap();
    assert_eq!(claim.subject, Subject::Actor("putin".into()));
    assert_eq!(claim.fact, Fact::Status(Status::Declined));
    let quote = &claim.quote.as_ref().unwrap().exact;
    assert!(
        "The Russian leader has declined the invitation.".contains(quote.as_str())
            && quote.contains("declined"),
        "quoted from the sentence: {quote}"
    );
    assert_eq!(status_of(&h, "putin"), Some(Status::Declined));
    // One undo takes the claim back, another the source.
    h.state_mut().perform(Command::Undo);
    h.state_mut().perform(Command::Undo);
    h.run();
    assert_eq!(
        h.state().session.document().dataset().sources.len(),
        sources
    );
}

#[test]
fn find_selects_words_in_the_text_it_belongs_to() {
    let mut h = app();
    // The second Find field is DPA's (the columns follow the chosen order).
    fn find<'h>(h: &'h Harness<'_, BoardExplorerApp>) -> egui_kittest::Node<'h> {
        h.get_all_by_role_and_label(Role::TextInput, "Find")
            .nth(1)
            .unwrap()
    }
    find(&h).focus();
    h.run();
    find(&h).type_text("jared kushner");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run_steps(30);
    let app = h.state();
    let d = app.session.document().dataset();
    let (source, (start, end)) = app
        .panels
        .sources
        .selection(d, app.session.derived())
        .expect("selected");
    assert_eq!(d.sources[source].id, DPA);
    assert_eq!(&d.sources[source].text[start..end], "Jared Kushner");
    assert!(
        app.panels.sources.screen_pos(d, DPA, start).is_some(),
        "scrolled into view"
    );
}

#[test]
fn making_a_claim_from_dragged_words_adds_it_to_the_roster() {
    let mut h = app();
    let claims = h.state().session.document().dataset().claims.len();
    let words = "a close ally of Putin";
    let (from, to) = (pos_of(&h, A, words, false), pos_of(&h, A, words, true));
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
    type_into(&mut h, "About", "lukash");
    h.get_by_label("Alexander Lukashenko").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Property").click();
    h.run();
    h.get_by_label("office").click();
    h.run();
    type_into(&mut h, "Value", "close ally of Putin");
    h.get_by_label("Add claim").click();
    h.run();
    let d = h.state().session.document().dataset();
    assert_eq!(d.claims.len(), claims + 1);
    let claim = d.claims.last().unwrap();
    assert_eq!(claim.source, A);
    assert_eq!(claim.subject, Subject::Actor("lukashenko".into()));
    assert_eq!(claim.fact, Fact::Office("close ally of Putin".into()));
    let q = claim.quote.as_ref().unwrap();
    assert_eq!(q.exact, words);
    assert_eq!(&d.source(A).unwrap().text[q.start..q.end], words);
    // The roster weighs the new claim among Lukashenko's.
    let app = h.state();
    let at = app.session.derived().index.actor_by_id["lukashenko"];
    assert!(app.session.derived().index.claims_by_actor[at].contains(&claims));
    h.get_by_label_contains("it is in the roster");
}

#[test]
fn clicking_a_conflicting_quote_picks_it_and_scrolls_the_other_text_to_its_answer() {
    let mut h = app();
    let chairs = {
        let d = h.state().session.document().dataset();
        let text = &d.source(DPA).unwrap().text;
        text.find("Trump himself chairs").unwrap()
    };
    assert!(
        h.state()
            .panels
            .sources
            .screen_pos(h.state().session.document().dataset(), DPA, chairs)
            .is_none(),
        "the DPA answer starts out of view"
    );
    let at = pos_of(&h, A, "which Trump is expected to chair", false) + egui::vec2(20.0, 0.0);
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.step();
    h.drop_at(at);
    // Scrolling the other text animates over a few frames.
    h.run_steps(30);
    let app = h.state();
    let d = app.session.document().dataset();
    let picked = app
        .panels
        .sources
        .selected_claim(d)
        .expect("a claim is picked");
    assert_eq!(d.claims[picked].fact, Fact::Status(Status::Proposed));
    h.get_by_label("Picked claim");
    h.get_by_label("DPA says instead: member");
    assert!(
        app.panels.sources.screen_pos(d, DPA, chairs).is_some(),
        "the DPA text scrolled to “Trump himself chairs”"
    );
}

#[test]
fn editing_a_source_flags_lost_quotes_and_deleting_one_takes_its_claims() {
    let mut h = app();
    // The title in the list (the column header shows it too, as plain text).
    h.get_by_role_and_label(
        Role::Button,
        "Vladimir Putin invited to join Trump's Board of Peace for Gaza: Kremlin",
    )
    .click();
    // The text scrolls to the source's first claim: let the scroll settle.
    h.run_steps(30);
    h.get_by_label("Edit…").click();
    h.run();
    // Change the words of a quoted sentence.
    let label = "Paste the article here. It is stored with whitespace tidied; quotes are anchored in the stored text.";
    let text = h
        .state()
        .session
        .document()
        .dataset()
        .source(DPA)
        .unwrap()
        .text
        .clone();
    let changed = text.replace("Trump himself chairs the board.", "Trump leads it.");
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text(&changed);
    h.run();
    h.get_by_label("Save source").click();
    h.run();
    assert_eq!(
        h.state()
            .session
            .document()
            .dataset()
            .source(DPA)
            .unwrap()
            .text,
        board_explorer::model::text::normalise(&changed)
    );
    h.get_by_label_contains("Orphaned quotes (");
    let orphaned = h
        .state()
        .session
        .document()
        .dataset()
        .claims
        .iter()
        .filter(|c| {
            c.quote
                .as_ref()
                .is_some_and(|q| q.exact.contains("Trump himself chairs"))
        })
        .count();
    assert!(orphaned >= 1, "the claims are kept, not dropped");

    h.get_by_label("Delete…").click();
    h.run();
    // The dialog says what goes with the source.
    let cited = h
        .state()
        .session
        .document()
        .dataset()
        .claims
        .iter()
        .filter(|c| c.source == DPA)
        .count();
    h.get_by_label_contains(&format!("the {cited} claims that cite it"));
    h.get_by_label("Delete").click();
    h.run();
    let d = h.state().session.document().dataset();
    assert!(d.source(DPA).is_none());
    assert!(d.claims.iter().all(|c| c.source != DPA));
    assert_eq!(h.state().panels.tab, Tab::Sources);
    h.state_mut().perform(Command::Undo);
    h.run();
    assert!(h.state().session.document().dataset().source(DPA).is_some());
}

#[test]
fn a_selection_or_suggestion_made_stale_by_an_edit_is_dropped_not_used() {
    use board_explorer::model::data::ops::delete_actor;
    use board_explorer::model::data::source_ops::{SourceDraft, edit_source};

    let mut h = app();
    // Select the last words of DPA, then shorten its text from elsewhere (as an undo might).
    let (at, len) = {
        let d = h.state().session.document().dataset();
        let at = d.sources.iter().position(|s| s.id == DPA).unwrap();
        (at, d.sources[at].text.len())
    };
    h.state_mut()
        .panels
        .sources
        .select_words(DPA, len - 12, len - 1);
    h.run_steps(30); // The text scrolls to the words.
    let d = h.state().session.document().dataset();
    let mut draft = SourceDraft::of(&d.sources[at]);
    draft.text = draft.text[..len / 2].to_string();
    let (edit, _) = edit_source(d, at, draft).unwrap();
    h.state_mut().perform(Command::edit(edit, "Shorten"));
    h.run();
    assert!(
        h.state()
            .panels
            .sources
            .selection(
                h.state().session.document().dataset(),
                h.state().session.derived()
            )
            .is_none()
    );

    // Suggestions from an import survive edits elsewhere but skip an actor deleted since.
    h.get_by_label("Import source…").click();
    h.run();
    common::type_into(&mut h, "Outlet", "Wire");
    let label = "Paste the article here. It is stored with whitespace tidied; quotes are anchored in the stored text.";
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text("Tony Blair and Marco Rubio were invited.");
    h.run();
    h.get_by_label("Import").click();
    h.run();
    assert!(h.get_all_by_label_contains("Tony Blair · ").count() >= 1);
    let d = h.state().session.document().dataset();
    let blair = d.actors.iter().position(|a| a.id == "blair").unwrap();
    let (edit, _) = delete_actor(d, blair);
    h.state_mut().perform(Command::edit(edit, "Delete Blair"));
    // The review queue moves on to the next suggestion and its text scrolls to it.
    h.run_steps(30);
    assert!(h.query_by_label_contains("Tony Blair · ").is_none());
    assert!(h.get_all_by_label_contains("Marco Rubio · ").count() >= 1);
}

#[test]
fn a_claim_from_selected_words_can_deny_a_value() {
    let mut h = app();
    let claims = h.state().session.document().dataset().claims.len();
    let words = "a close ally of Putin";
    let (start, end) = {
        let d = h.state().session.document().dataset();
        let at = d.source(A).unwrap().text.find(words).unwrap();
        (at, at + words.len())
    };
    h.state_mut().panels.sources.select_words(A, start, end);
    h.run_steps(30);
    type_into(&mut h, "About", "lukash");
    h.get_by_label("Alexander Lukashenko").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Property").click();
    h.run();
    h.get_by_label("office").click();
    h.run();
    type_into(&mut h, "Value", "Kremlin spokesman");
    // The same "not" switch as the actor pane's editor.
    h.get_by_role_and_label(Role::CheckBox, "not").click();
    h.run();
    h.get_by_label("Add claim").click();
    h.run();
    let d = h.state().session.document().dataset();
    assert_eq!(d.claims.len(), claims + 1);
    let claim = d.claims.last().unwrap();
    assert!(claim.negated, "{claim:?}");
    assert_eq!(claim.fact, Fact::Office("Kremlin spokesman".into()));
    assert_eq!(claim.quote.as_ref().unwrap().exact, words);
    // The form is emptied: the next claim is positive unless "not" is ticked again.
    assert!(!h.state().panels.sources.claim_form.fact.negated);
}

/// Words Find cannot find are said on the Find line itself: the texts under the pointer do not
/// move down to make room for a message.
#[test]
fn words_not_found_are_said_without_moving_the_texts() {
    let mut h = app();
    h.run();
    let before = {
        let app = h.state();
        let d = app.session.document().dataset();
        app.panels.sources.screen_pos(d, A, 0).expect("in view")
    };
    let find = h
        .get_all_by_role_and_label(Role::TextInput, "Find")
        .next()
        .unwrap();
    find.focus();
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, "Find")
        .next()
        .unwrap()
        .type_text("no such words anywhere");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("not found");
    let app = h.state();
    let d = app.session.document().dataset();
    assert_eq!(app.panels.sources.screen_pos(d, A, 0), Some(before));
}
