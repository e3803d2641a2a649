//! The Sources tab: the list of sources (add, edit, delete), two or more of them side by side
//! with every quote highlighted by agreement, the claim matrix, and claims made from selected
//! words. Every change leaves as a session command.
//!
//! Here the panel's state and its frame; each part it draws in a file of its own: `toolbar`,
//! `list` (the sources on the left), `columns` (the texts side by side), `matrix`, `side`
//! (suggestions, the picked claim, the new-claim form, orphans) and `dialogs`; `cache` is what
//! is worked out once per edit.

mod cache;
mod columns;
mod dialogs;
pub(crate) mod form;
mod list;
pub(crate) mod matrix;
pub(crate) mod quote_claim;
pub(crate) mod review;
pub(crate) mod review_edit;
pub(crate) mod review_queue;
mod side;
pub(crate) mod texts;
mod toolbar;

use std::collections::HashMap;

use self::cache::Cache;
pub use self::dialogs::reanchor_notice;
use crate::model::text::mentions::MentionFinder;
use crate::model::{Dataset, Derived};
use crate::ui::keys::Keys;
use crate::ui::shortcuts::{self, Action};
use crate::ui::sources::form::SourceForm;
use crate::ui::sources::matrix::{MatrixAction, matrix_table};
use crate::ui::sources::quote_claim::QuoteClaimForm;
use crate::ui::sources::review::{Review, ReviewFocus};
use crate::ui::sources::texts::SourceText;
use crate::ui::view::ViewCtx;

/// The narrowest tab that shows the claim matrix with the claim side panel beside it; a
/// narrower one puts that panel below the matrix.
const MATRIX_BESIDE_SIDE: f32 = 1100.0;
/// The narrowest a text column gets; below it the columns scroll sideways instead.
const MIN_COLUMN: f32 = 280.0;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SourcesView {
    /// The chosen sources' texts side by side.
    #[default]
    Texts,
    /// The claim matrix.
    Matrix,
}

pub struct SourcesPanel {
    /// The sources compared, by id, in column order.
    pub chosen: Vec<String>,
    /// Whether `chosen` has been given its default (the first two sources).
    seeded: bool,
    pub view: SourcesView,
    pub conflicts_only: bool,
    pub show_mentions: bool,
    /// The claim picked in a text or the matrix: position, checked against the id.
    selected: Option<(usize, String)>,
    texts: HashMap<String, SourceText>,
    finds: HashMap<String, String>,
    /// The text whose selection a new claim would quote.
    selecting_in: Option<String>,
    /// The source picked in the list, for Edit and Delete.
    pub focused: Option<String>,
    form: Option<SourceForm>,
    pub claim_form: QuoteClaimForm,
    confirm_delete: Option<String>,
    /// Review hook: the review queue of the focused source's suggested claims.
    pub review: Review,
    /// What the text highlights of the suggestion under review (set by the side panel).
    review_focus: Option<ReviewFocus>,
    /// A text to scroll sideways into view when the columns do not all fit.
    reveal_column: Option<String>,
    /// The text shown when only one fits (source id); `None`: the first.
    single_text: Option<String>,
    /// Words Find did not find: the source's id and the message, shown on its Find line
    /// (never a line of its own, which would move the texts under the pointer).
    pub notice: Option<(String, String)>,
    cache: Option<Cache>,
    /// The automaton over every actor's names, with a hash of the names it was built from:
    /// rebuilt when names change, not on every edit (it is the costly part at scale).
    finder: Option<(u64, MentionFinder)>,
    /// The selection the claim form was last filled from (source id, span).
    filled_for: Option<(String, (usize, usize))>,
    /// The text field that had the keyboard as this frame began (a Find, About), and the one
    /// to give it back to next frame: after Add claim the user goes on typing where they were.
    typing_in: Option<egui::Id>,
    give_back: Option<egui::Id>,
}

impl Default for SourcesPanel {
    fn default() -> Self {
        SourcesPanel {
            chosen: Vec::new(),
            seeded: false,
            view: SourcesView::Texts,
            conflicts_only: false,
            show_mentions: true,
            selected: None,
            texts: HashMap::new(),
            finds: HashMap::new(),
            selecting_in: None,
            focused: None,
            form: None,
            claim_form: QuoteClaimForm::default(),
            confirm_delete: None,
            review: Review::default(),
            review_focus: None,
            reveal_column: None,
            single_text: None,
            notice: None,
            cache: None,
            finder: None,
            filled_for: None,
            typing_in: None,
            give_back: None,
        }
    }
}

/// How many sources a frame counts for the inbox.
const INBOX_PER_FRAME: usize = 8;

impl SourcesPanel {
    /// Whether the source form (import or edit) or the delete prompt is open.
    pub fn dialog_open(&self) -> bool {
        self.form.is_some() || self.confirm_delete.is_some()
    }

    /// Shows a source (from a claim's citation elsewhere), with the claim picked and in view.
    pub fn show_claim(&mut self, d: &Dataset, source: &str, claim: Option<&str>) {
        if !self.chosen.iter().any(|s| s == source) {
            self.chosen.insert(0, source.to_string());
        }
        self.seeded = true;
        self.view = SourcesView::Texts;
        self.focused = Some(source.to_string());
        self.selected = claim.and_then(|id| {
            let at = d.claims.iter().position(|c| c.id == id)?;
            Some((at, id.to_string()))
        });
        if let Some((at, _)) = &self.selected
            && let Some(q) = &d.claims[*at].quote
        {
            self.texts.entry(source.to_string()).or_default().scroll_to = Some(q.start);
        }
    }

    /// Ticks these sources for comparison (those that no longer exist drop out on the next
    /// frame), in place of the default first two.
    pub fn choose(&mut self, ids: &[String]) {
        self.chosen = ids.to_vec();
        self.seeded = true;
    }

    /// The sources ticked for comparison, once the tab has chosen them.
    pub fn chosen_sources(&self) -> Option<&[String]> {
        self.seeded.then_some(self.chosen.as_slice())
    }

    /// The picked claim's position, if it still exists.
    pub fn selected_claim(&self, d: &Dataset) -> Option<usize> {
        let (at, id) = self.selected.as_ref()?;
        d.claims.get(*at).filter(|c| &c.id == id).map(|_| *at)
    }

    /// The words selected in a text: source position and span, checked against the text as it
    /// is now (an edit or an undo may have changed it since the words were selected).
    pub fn selection(&self, d: &Dataset, derived: &Derived) -> Option<(usize, (usize, usize))> {
        let id = self.selecting_in.as_ref()?;
        let (start, end) = self.texts.get(id)?.selected()?;
        let at = *derived.index.source_by_id.get(id)?;
        d.sources[at].text.get(start..end)?;
        Some((at, (start, end)))
    }

    /// Selects words in a chosen source's text (what dragging across them does).
    pub fn select_words(&mut self, source: &str, start: usize, end: usize) {
        self.texts
            .entry(source.to_string())
            .or_default()
            .select(start, end);
        self.focus_selection(source);
    }

    /// Where a byte of a chosen source's text was drawn last frame (for tests).
    pub fn screen_pos(&self, d: &Dataset, source: &str, byte: usize) -> Option<egui::Pos2> {
        self.texts
            .get(source)?
            .screen_pos(&d.source(source)?.text, byte)
    }

    fn focus_selection(&mut self, source: &str) {
        self.selecting_in = Some(source.to_string());
        for (id, text) in &mut self.texts {
            if id != source {
                text.clear_selection();
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let d = cx.dataset;
        self.keep_consistent(cx);
        self.follow_typing(ui.ctx(), cx.keys);
        if shortcuts::pressed(ui, cx.keys, Action::ImportSource) {
            self.form = Some(SourceForm::import());
        }
        let stale = self.cache.as_ref().is_none_or(|c| {
            let (revision, chosen, mentions) = &c.key;
            *revision != d.revision.get()
                || *chosen != self.chosen
                || *mentions != self.show_mentions
        });
        if stale {
            let chosen = self.chosen.clone();
            let finder = self.show_mentions.then(|| self.finder(d));
            self.cache = Some(Cache::build(cx, &chosen, finder));
        }
        let cache = self.cache.take().expect("built above");

        // The inbox: a few sources counted a frame until all are, so that many long reports
        // never stall one frame (by number, not time: the same frames on every machine).
        for counted in 0.. {
            if !self.review.count_one(cx) {
                break;
            }
            if counted + 1 == INBOX_PER_FRAME {
                ui.ctx().request_repaint();
                break;
            }
        }
        self.toolbar(ui, &cache, cx.derived.conflicts);
        // Side panels give way in a narrow window, so the texts keep most of it.
        let width = ui.available_width();
        egui::Panel::left("source_list")
            .resizable(true)
            .default_size((width * 0.2).clamp(160.0, 270.0))
            .min_size(140.0)
            .show(ui, |ui| self.source_list(ui, cx, &cache));
        if self.view == SourcesView::Matrix && width < MATRIX_BESIDE_SIDE {
            // The matrix needs the width for its columns (the verdict last): the picked claim
            // and the suggestions go below it instead of beside it.
            egui::Panel::bottom("claim_side_below")
                .resizable(true)
                .default_size(ui.available_height() * 0.3)
                .min_size(80.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("claim_side_below_scroll")
                        .show(ui, |ui| self.side(ui, cx, &cache));
                });
        } else {
            egui::Panel::right("claim_side")
                .resizable(true)
                .default_size((width * 0.24).clamp(200.0, 320.0))
                .min_size(180.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("claim_side_scroll")
                        .show(ui, |ui| self.side(ui, cx, &cache));
                });
        }
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            SourcesView::Texts => self.texts_view(ui, cx, &cache),
            SourcesView::Matrix => self.matrix_view(ui, cx, &cache),
        });
        self.form_window(ui, cx);
        self.delete_window(ui, cx, &cache);
        self.cache = Some(cache);
    }

    /// Notes the text field that has the keyboard, and gives it back when asked. Given back a
    /// frame late: in its own frame, the click on Add claim takes the focus from the field
    /// after the side panel has run (egui's rule for a click elsewhere).
    fn follow_typing(&mut self, ctx: &egui::Context, keys: Keys) {
        if let Some(id) = self.give_back.take() {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        self.typing_in = (!keys.modal() && ctx.text_edit_focused())
            .then(|| ctx.memory(|m| m.focused()))
            .flatten();
    }

    /// The mention finder for the dataset's current names.
    fn finder(&mut self, d: &Dataset) -> &MentionFinder {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for a in &d.actors {
            (&a.name, &a.aliases).hash(&mut hasher);
        }
        let names = hasher.finish();
        if self.finder.as_ref().is_none_or(|(h, _)| *h != names) {
            self.finder = Some((names, MentionFinder::new(&d.actors)));
        }
        &self.finder.as_ref().expect("just built").1
    }

    /// Drops what the last edit made stale: sources gone, a claim gone.
    fn keep_consistent(&mut self, cx: &ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        if !self.seeded {
            self.chosen = d.sources.iter().take(2).map(|s| s.id.clone()).collect();
            self.seeded = true;
        }
        let exists = |id: &String| derived.index.source_by_id.contains_key(id);
        self.chosen.retain(exists);
        self.texts.retain(|id, _| exists(id));
        if self.focused.as_ref().is_some_and(|id| !exists(id)) {
            self.focused = None;
        }
        if let Some((at, id)) = &self.selected
            && d.claims.get(*at).is_none_or(|c| &c.id != id)
        {
            // Moved by an edit elsewhere: find it again once, or let it go.
            self.selected = d
                .claims
                .iter()
                .position(|c| &c.id == id)
                .map(|at| (at, id.clone()));
        }
    }

    fn matrix_view(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
        let d = cx.dataset;
        if cache.matrix.sources.is_empty() {
            ui.label("Tick two or more sources on the left to compare them.");
            return;
        }
        let rows = if self.conflicts_only {
            &cache.conflict_rows
        } else {
            &cache.all_rows
        };
        if rows.is_empty() {
            ui.label(if self.conflicts_only {
                "The chosen sources do not conflict on anything."
            } else {
                "The chosen sources make no claims yet."
            });
            return;
        }
        let selected_row = self.selected_claim(d).and_then(|c| cache.matrix.row_of(c));
        match matrix_table(ui, cx, &cache.matrix, rows, selected_row) {
            Some(MatrixAction::Select(c)) => self.pick(cx, cache, c),
            Some(MatrixAction::Open(c)) => {
                self.pick(cx, cache, c);
                self.view = SourcesView::Texts;
                if let Some(q) = &d.claims[c].quote {
                    self.texts
                        .entry(d.claims[c].source.clone())
                        .or_default()
                        .scroll_to = Some(q.start);
                }
            }
            None => {}
        }
    }
}
