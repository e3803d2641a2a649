//! Reviewing a report's suggested claims and making claims from dragged words, driven through
//! the real UI with egui_kittest, in a small and a large window.

use board_explorer::ui::{BoardExplorerApp, Tab};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;

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
    let d = app.doc.dataset();
    let text = &d.source(source).unwrap().text;
    let at = text.find(words).unwrap() + offset;
    app.sources
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
        let d = h.state().doc.dataset();
        let text = &d.source(A).unwrap().text;
        let at = text.find(words).unwrap();
        (at, at + words.len())
    };
    h.state_mut().sources.chosen = vec![A.to_string()];
    h.state_mut().sources.select_words(A, start, end);
    h.run_steps(30);
}

#[test]
fn a_drag_snaps_to_whole_words_fills_about_and_the_value_and_the_form_clears_after_adding() {
    for size in SIZES {
        let mut h = common::app_on(Tab::Sources, size);
        // Words naming Belarus first: the drag below must replace it, not keep it.
        reveal(&mut h, "Later the same day, Belarus’ Foreign Ministry");
        assert_eq!(
            h.state().sources.claim_form.subject.as_deref(),
            Some("belarus")
        );
        // From inside “Lukashenko” to inside “invited”.
        let from = pos_in(&h, A, "Lukashenko had", 3);
        let to = pos_in(&h, A, "invited to join the proposed", 4);
        drag(&mut h, from, to);
        let app = h.state();
        let d = app.doc.dataset();
        let (source, (start, end)) = app.sources.selection(d, &app.derived).expect("selected");
        assert_eq!(
            &d.sources[source].text[start..end],
            "Lukashenko had also been invited",
            "at {size:?}"
        );
        let form = &app.sources.claim_form;
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
        let d = app.doc.dataset();
        assert_eq!(d.claims.len(), claims + 1);
        let claim = d.claims.last().unwrap();
        assert_eq!(
            claim.quote.as_ref().unwrap().exact,
            "Lukashenko had also been invited"
        );
        // The form is empty again: the next claim cannot go to Lukashenko by mistake.
        let form = &app.sources.claim_form;
        assert!(form.subject.is_none(), "at {size:?}");
        assert!(form.search.text.is_empty());

        // Words naming nobody leave About empty (never the previous actor).
        let words = "longstanding international criticism";
        reveal(
            &mut h,
            "Lukashenko, a close ally of Putin, has faced longstanding",
        );
        assert_eq!(
            h.state().sources.claim_form.subject.as_deref(),
            Some("lukashenko")
        );
        let from = pos_in(&h, A, words, 2);
        let to = pos_in(&h, A, words, words.len() - 3);
        drag(&mut h, from, to);
        let app = h.state();
        let d = app.doc.dataset();
        let (source, (start, end)) = app.sources.selection(d, &app.derived).expect("selected");
        assert_eq!(&d.sources[source].text[start..end], words);
        assert!(app.sources.claim_form.subject.is_none(), "at {size:?}");
    }
}
