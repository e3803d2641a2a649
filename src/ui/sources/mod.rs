//! The Sources tab: the list of sources (add, edit, delete), two or more of them side by side
//! with every quote highlighted by agreement, the claim matrix, and claims made from selected
//! words. Every change leaves as a session command.

pub(crate) mod form;
pub(crate) mod matrix;
pub(crate) mod quote_claim;
pub(crate) mod review;
pub(crate) mod review_edit;
pub(crate) mod review_queue;
pub(crate) mod texts;

use std::collections::HashMap;

use crate::model::compare::{
    Anchored, ClaimMatrix, Segment, Verdict, anchor_claims, compare, segments, source_counts,
    subject_name,
};
use crate::model::mentions::{KnownMention, MentionFinder};
use crate::model::source_ops::{SourceDraft, add_source, delete_source, edit_source, quoted_claim};
use crate::model::{Dataset, Derived, PartialDate, Subject};
use crate::session::Command;
use crate::ui::keys::Keys;
use crate::ui::sources::form::{FormOutcome, SourceForm};
use crate::ui::sources::matrix::{MatrixAction, matrix_table};
use crate::ui::sources::quote_claim::QuoteClaimForm;
use crate::ui::sources::review::{Review, ReviewFocus};
use crate::ui::sources::texts::{Marks, SourceText, verdict_colour};
use crate::ui::view::ViewCtx;

/// The narrowest tab that shows the claim matrix with the claim side panel beside it; a
/// narrower one puts that panel below the matrix.
const MATRIX_BESIDE_SIDE: f32 = 1100.0;
/// The narrowest a text column gets; below it the columns scroll sideways instead.
const MIN_COLUMN: f32 = 280.0;

pub const IMPORT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::I);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SourcesView {
    /// The chosen sources' texts side by side.
    #[default]
    Texts,
    /// The claim matrix.
    Matrix,
}

/// One chosen source's marks, worked out once per edit.
struct ColumnMarks {
    /// The source's position in the dataset.
    source: usize,
    anchored: Anchored,
    segments: Vec<Segment>,
    mentions: Vec<KnownMention>,
}

/// Everything derived for the tab, rebuilt only when the dataset, the chosen sources or the
/// mentions switch change; never per frame.
struct Cache {
    key: (u64, Vec<String>, bool),
    matrix: ClaimMatrix,
    /// Per dataset source: claims citing it, orphaned quotes among them.
    counts: Vec<(usize, usize)>,
    columns: Vec<ColumnMarks>,
    conflict_rows: Vec<usize>,
    all_rows: Vec<usize>,
    /// Rows per verdict, in `Verdict::ALL` order, for the legend.
    verdicts: [usize; 4],
    /// The chosen sources' claims whose quotes lost their words.
    orphans: Vec<usize>,
}

impl Cache {
    fn build(cx: &ViewCtx<'_>, chosen: &[String], finder: Option<&MentionFinder>) -> Cache {
        let (d, derived) = (cx.dataset, cx.derived);
        let matrix = compare(d, &derived.index, chosen);
        let columns: Vec<ColumnMarks> = chosen
            .iter()
            .filter_map(|id| derived.index.source_by_id.get(id).copied())
            .map(|source| {
                let mut anchored = anchor_claims(d, source);
                // Deprecated claims never count, so they are not coloured as if they did.
                anchored
                    .placed
                    .retain(|p| matrix.claim_verdict(d, p.claim).is_some());
                let segments = segments(&anchored.placed, |c| {
                    matrix.claim_verdict(d, c).unwrap_or(Verdict::Single)
                });
                let mentions = finder
                    .map(|f| f.find(&d.sources[source].text))
                    .unwrap_or_default();
                ColumnMarks {
                    source,
                    anchored,
                    segments,
                    mentions,
                }
            })
            .collect();
        let conflict_rows = (0..matrix.rows.len())
            .filter(|&r| matrix.rows[r].verdict == Verdict::Conflict)
            .collect();
        let verdicts = Verdict::ALL.map(|v| matrix.count(v));
        let orphans = columns
            .iter()
            .flat_map(|c| c.anchored.orphaned.iter().copied())
            .collect();
        Cache {
            verdicts,
            orphans,
            key: (d.revision.get(), chosen.to_vec(), finder.is_some()),
            all_rows: (0..matrix.rows.len()).collect(),
            conflict_rows,
            counts: source_counts(d, &derived.index),
            matrix,
            columns,
        }
    }
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
    pub notice: Option<String>,
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
        if cx.keys.shortcut(ui, &IMPORT) {
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

        self.toolbar(ui, &cache, cx.derived.conflicts);
        if let Some(notice) = self.notice.clone() {
            ui.horizontal(|ui| {
                ui.label(notice);
                if ui.small_button("OK").clicked() {
                    self.notice = None;
                }
            });
        }
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

    /// The toolbar and the legend; `dataset_conflicts` is the status bar's count.
    fn toolbar(&mut self, ui: &mut egui::Ui, cache: &Cache, dataset_conflicts: usize) {
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Import source…")
                .on_hover_text("Paste an article or open a .txt, .md or .html file (Ctrl+I)")
                .clicked()
            {
                self.form = Some(SourceForm::import());
            }
            ui.separator();
            ui.selectable_value(&mut self.view, SourcesView::Texts, "Texts")
                .on_hover_text("The chosen sources side by side, quotes highlighted");
            ui.selectable_value(&mut self.view, SourcesView::Matrix, "Matrix")
                .on_hover_text("What each chosen source says, row by row");
            ui.separator();
            match self.view {
                SourcesView::Matrix => {
                    ui.checkbox(&mut self.conflicts_only, "Conflicts only");
                }
                SourcesView::Texts => {
                    ui.checkbox(&mut self.show_mentions, "Underline known actors")
                        .on_hover_text("Underline every name or alias of an actor in the dataset");
                }
            }
            if cache.columns.is_empty() {
                return; // Nothing compared, nothing to count.
            }
            ui.separator();
            // Where the words would wrap onto a second line (800 wide), the legend keeps its
            // colours and counts, and the words go into each count's tooltip.
            let words: Vec<String> = Verdict::ALL
                .into_iter()
                .zip(cache.verdicts)
                .map(|(verdict, count)| format!("{count} {}", verdict.label()))
                .collect();
            let font = egui::TextStyle::Body.resolve(ui.style());
            let spacing = ui.spacing().item_spacing.x;
            let needed: f32 = words
                .iter()
                .map(|w| {
                    let galley = ui.fonts_mut(|f| {
                        f.layout_no_wrap(w.clone(), font.clone(), egui::Color32::WHITE)
                    });
                    galley.size().x + 12.0 + 2.0 * spacing
                })
                .sum();
            // (A wrapping row reports its whole width as available: measure what is left.)
            let short = ui.max_rect().right() - ui.cursor().min.x < needed;
            for ((verdict, count), words) in Verdict::ALL.into_iter().zip(cache.verdicts).zip(words)
            {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter()
                    .rect_filled(rect, 2.0, verdict_colour(verdict, true));
                let shown = if short {
                    count.to_string()
                } else {
                    words.clone()
                };
                let label = ui.label(shown);
                let label = if short {
                    label.on_hover_text(&words)
                } else {
                    label
                };
                label.on_hover_text(match verdict {
                    // The same rule as the roster: with every source ticked, the status
                    // bar's count.
                    Verdict::Conflict => {
                        "Rows where claims conflict under the one rule the roster uses \
                             (with every source ticked, the status bar's count)"
                    }
                    Verdict::History => {
                        "Rows where the sources differ without conflicting: steps of one \
                             history, or a difference a rank settled"
                    }
                    _ => "Rows of the claim matrix with this verdict",
                });
                // The matrix sees only the ticked sources, never the editor's hand edits, nor
                // the as-of date: when that makes another number, the status bar's is given
                // too, so the two never silently differ.
                if verdict == Verdict::Conflict && count != dataset_conflicts {
                    ui.label(format!("({dataset_conflicts} in the dataset)"))
                        .on_hover_text(
                            "Every conflict the status bar counts: among all sources and the \
                             editor's hand edits, as of the chosen date",
                        );
                }
            }
        });
        ui.separator();
    }

    fn source_list(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
        let (d, derived) = (cx.dataset, cx.derived);
        ui.heading("Sources");
        ui.label(
            egui::RichText::new("Tick the sources to compare; click one to edit or delete it.")
                .weak()
                .small(),
        );
        ui.separator();
        if d.sources.is_empty() {
            ui.label(egui::RichText::new("None yet: import one (Ctrl+I).").weak());
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 3.0 + 8.0;
        let bottom = 40.0;
        egui::ScrollArea::vertical()
            .id_salt("source_list_scroll")
            .max_height((ui.available_height() - bottom).max(80.0))
            .auto_shrink([false, true])
            .show_rows(ui, row_height, d.sources.len(), |ui, rows| {
                for i in rows {
                    self.source_row(ui, cx, cache, i, row_height);
                }
            });
        ui.separator();
        ui.horizontal(|ui| {
            let focused = self.focused.clone();
            let at = focused
                .as_ref()
                .and_then(|id| derived.index.source_by_id.get(id).copied());
            if ui
                .add_enabled(at.is_some(), egui::Button::new("Edit…"))
                .on_disabled_hover_text("Click a source in the list first")
                .clicked()
                && let Some(at) = at
            {
                let s = &d.sources[at];
                self.form = Some(SourceForm::edit(&s.id, SourceDraft::of(s)));
            }
            if ui
                .add_enabled(at.is_some(), egui::Button::new("Delete…"))
                .on_disabled_hover_text("Click a source in the list first")
                .clicked()
            {
                self.confirm_delete = focused;
            }
        });
    }

    fn source_row(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache, i: usize, h: f32) {
        let d = cx.dataset;
        let s = &d.sources[i];
        let (claims, orphaned) = cache.counts.get(i).copied().unwrap_or_default();
        ui.allocate_ui(egui::vec2(ui.available_width(), h), |ui| {
            ui.vertical(|ui| {
                // Rows are of fixed height (the list is virtualised): long names are cut, and
                // shown whole on hover.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                let mut on = self.chosen.contains(&s.id);
                if ui
                    .checkbox(&mut on, s.name())
                    .on_hover_text(source_hover(s))
                    .changed()
                {
                    if on {
                        self.chosen.push(s.id.clone());
                    } else {
                        self.chosen.retain(|c| c != &s.id);
                    }
                }
                let focused = self.focused.as_ref() == Some(&s.id);
                let title = if s.title.trim().is_empty() {
                    "(untitled)"
                } else {
                    s.title.as_str()
                };
                if ui
                    .add(egui::Button::selectable(focused, title))
                    .on_hover_text(title)
                    .clicked()
                {
                    self.focused = Some(s.id.clone());
                }
                ui.horizontal(|ui| {
                    let date = s.published.map_or("undated".to_string(), |p| p.to_string());
                    // Reliability and relays beside the source: who says it weighs.
                    let standing = d.source_standing(s);
                    let standing = if standing.is_empty() {
                        String::new()
                    } else {
                        format!(" · {standing}")
                    };
                    ui.label(
                        egui::RichText::new(format!("{date} · {claims} claims{standing}"))
                            .weak()
                            .small(),
                    );
                    if orphaned > 0 {
                        ui.label(
                            egui::RichText::new(format!("{orphaned} orphaned"))
                                .small()
                                .color(ui.visuals().warn_fg_color),
                        )
                        .on_hover_text(
                            "Quotes whose words are no longer in the text; listed on the right",
                        );
                    }
                });
            });
        });
    }

    fn texts_view(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
        let d = cx.dataset;
        if cache.columns.is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                if d.sources.is_empty() {
                    ui.heading("No sources yet");
                    ui.label(
                        "Import a news report to read it here, compare it with others, \
                         and turn its words into claims.",
                    );
                    if ui.button("Import source…").clicked() {
                        self.form = Some(SourceForm::import());
                    }
                } else {
                    ui.heading("No source chosen");
                    ui.label("Tick two or more sources on the left to read them side by side.");
                }
            });
            return;
        }
        let selected = self.selected_claim(d);
        let mut clicked: Option<(usize, usize)> = None;
        let n = cache.columns.len();
        if ui.available_width() >= n as f32 * MIN_COLUMN {
            ui.columns(n, |uis| {
                for (ui, column) in uis.iter_mut().zip(&cache.columns) {
                    if let Some(at) = self.text_column(ui, cx, cache, column, selected) {
                        clicked = Some((column.source, at));
                    }
                }
            });
        } else {
            // Too narrow for all of them side by side: one text at a time, at the full width
            // (a sideways-scrolling row clipped the next text mid-word), with a chooser.
            let ids: Vec<&str> = cache
                .columns
                .iter()
                .map(|c| d.sources[c.source].id.as_str())
                .collect();
            // Review hook: the text under review is brought into view (once its column is
            // there: it may have been added this frame).
            if let Some(id) = self.reveal_column.clone()
                && ids.contains(&id.as_str())
            {
                self.reveal_column = None;
                self.single_text = Some(id);
            }
            let at = self
                .single_text
                .as_deref()
                .and_then(|id| ids.iter().position(|i| *i == id))
                .unwrap_or(0);
            ui.horizontal_wrapped(|ui| {
                ui.label("Text:").on_hover_text(
                    "The window is too narrow for the texts side by side; widen it to see them \
                     together",
                );
                for (i, column) in cache.columns.iter().enumerate() {
                    let source = &d.sources[column.source];
                    if ui.selectable_label(i == at, source.name()).clicked() {
                        self.single_text = Some(source.id.clone());
                    }
                }
            });
            ui.separator();
            let column = &cache.columns[at];
            if let Some(byte) = self.text_column(ui, cx, cache, column, selected) {
                clicked = Some((column.source, byte));
            }
        }
        if let Some((source, at)) = clicked {
            self.click_text(cx, cache, source, at);
        }
    }

    /// One source's column: its header and Find, then its text. Returns the byte clicked.
    fn text_column(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        cache: &Cache,
        column: &ColumnMarks,
        selected: Option<usize>,
    ) -> Option<usize> {
        let d = cx.dataset;
        let source = &d.sources[column.source];
        self.column_header(ui, cx, column);
        let marks = Marks {
            segments: &column.segments,
            mentions: &column.mentions,
            selected_claim: selected,
            review: self
                .review_focus
                .as_ref()
                .filter(|f| f.source == source.id)
                .map(|f| (f.sentence.clone(), f.quote.clone())),
        };
        let view = self.texts.entry(source.id.clone()).or_default();
        let had = view.selected();
        let out = view.show(ui, &source.id, &source.hash, &source.text, &marks);
        if view.selected() != had && view.selected().is_some() {
            self.focus_selection(&source.id);
        }
        let response = out.response?;
        // Named for screen readers: the text itself is painted, not a widget.
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::accesskit::Role::Document,
                true,
                format!("Text of {}: {}", source.name(), source.title),
            )
        });
        if let Some(seg) = out.hovered.and_then(|at| segment_at(&column.segments, at)) {
            response.on_hover_ui_at_pointer(|ui| {
                for &c in &seg.claims {
                    claim_line(ui, cx, &cache.matrix, c);
                }
                ui.label(
                    egui::RichText::new("Click to pick; the other texts scroll to it.")
                        .weak()
                        .small(),
                );
            });
        }
        out.clicked
    }

    /// A click in a text picks the claim under it (the next one, where quotes overlap) and
    /// brings the other sources' answers to it into view.
    fn click_text(&mut self, cx: &ViewCtx<'_>, cache: &Cache, source: usize, at: usize) {
        let d = cx.dataset;
        let Some(column) = cache.columns.iter().find(|c| c.source == source) else {
            return;
        };
        let Some(seg) = segment_at(&column.segments, at) else {
            self.selected = None;
            return;
        };
        // The most telling claim first: a conflict before a lone claim before an agreement.
        let mut ordered = seg.claims.clone();
        ordered.sort_by_key(|&c| {
            std::cmp::Reverse(cache.matrix.claim_verdict(d, c).unwrap_or(Verdict::Single))
        });
        let current = self.selected_claim(d);
        let next = match current.and_then(|c| ordered.iter().position(|&x| x == c)) {
            Some(i) => ordered[(i + 1) % ordered.len()],
            None => ordered[0],
        };
        self.pick(cx, cache, next);
    }

    fn pick(&mut self, cx: &ViewCtx<'_>, cache: &Cache, claim: usize) {
        let d = cx.dataset;
        self.selected = Some((claim, d.claims[claim].id.clone()));
        for other in cache.matrix.counterparts(d, claim) {
            let source = &d.claims[other].source;
            let place = cache
                .columns
                .iter()
                .flat_map(|c| &c.anchored.placed)
                .find(|p| p.claim == other);
            if let Some(p) = place {
                self.texts.entry(source.clone()).or_default().scroll_to = Some(p.start);
            }
        }
    }

    fn column_header(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, column: &ColumnMarks) {
        let (d, derived) = (cx.dataset, cx.derived);
        let source = &d.sources[column.source];
        let name = crate::ui::citation::source_label(derived, d, &source.id);
        let header = ui.add(egui::Label::new(egui::RichText::new(name).strong()).truncate());
        if !source.note.trim().is_empty() {
            header.on_hover_text(source.note.trim());
        }
        ui.add(egui::Label::new(egui::RichText::new(&source.title).italics()).truncate());
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            let find = self.finds.entry(source.id.clone()).or_default();
            let response = ui
                .add(
                    egui::TextEdit::singleline(find)
                        // Its own id, not one counted from the widgets drawn before it: a
                        // message shown above the texts must not take the keyboard from it.
                        .id(egui::Id::unique(("source_find", &source.id)))
                        .hint_text("words to select")
                        .desired_width((ui.available_width() - 50.0).max(60.0)),
                )
                .labelled_by(label.id)
                .on_hover_text("Type words from the text and press Enter to select them (again for the next place)");
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter || ui.small_button("Next").clicked() {
                let needle = find.clone();
                let view = self.texts.entry(source.id.clone()).or_default();
                let from = view.selected().map_or(0, |(s, _)| s + 1);
                match find_next(&source.text, &needle, from) {
                    Some((start, end)) => {
                        view.select(start, end);
                        self.focus_selection(&source.id);
                        self.notice = None;
                    }
                    None if !needle.trim().is_empty() => {
                        self.notice = Some(format!("“{needle}” is not in {}.", source.name()));
                    }
                    None => {}
                }
                if enter {
                    response.request_focus();
                }
            }
        });
        ui.separator();
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

    /// The right-hand side: the picked claim, the new-claim form, suggestions, orphans.
    fn side(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
        let (d, derived) = (cx.dataset, cx.derived);
        self.review_ui(ui, cx);
        if let Some(c) = self.selected_claim(d) {
            self.claim_detail(ui, cx, cache, c);
            ui.separator();
        }
        // The claim form quotes a shown text: with none shown it has nothing to offer.
        let selection = self.selection(d, derived);
        // Review hook: newly selected words fill About and Value.
        let now = selection.map(|(s, span)| (d.sources[s].id.clone(), span));
        if now != self.filled_for {
            if let Some((source, span)) = selection {
                let (actor, guess) = self.guess_for(cx, source, span);
                self.claim_form
                    .fill_from_selection(d, actor, guess.as_ref());
            }
            self.filled_for = now;
        }
        let words = selection.map(|(s, (a, b))| &d.sources[s].text[a..b]);
        if self.view == SourcesView::Texts
            && !cache.columns.is_empty()
            && let Some((subject, fact)) = self.claim_form.ui(ui, cx, words)
            && let Some((source, span)) = selection
        {
            match quoted_claim(d, source, span, Subject::Actor(subject.clone()), fact) {
                Ok(mut edit) => {
                    self.claim_form.fact.mark_negated(&mut edit);
                    let name = derived
                        .index
                        .actor_by_id
                        .get(&subject)
                        .map_or(subject.as_str(), |&a| d.actors[a].name.as_str());
                    cx.send_saying(
                        Command::edit(edit, format!("Add claim about {name}")),
                        format!("Claim about {name} added; it is in the roster."),
                    );
                    if let Some(id) = &self.selecting_in
                        && let Some(view) = self.texts.get_mut(id)
                    {
                        view.clear_selection();
                    }
                    self.claim_form.clear();
                    // Typing in a Find (or Ctrl+Enter there): the next words go there too.
                    self.give_back = self.typing_in;
                }
                Err(e) => self.claim_form.error = Some(e.to_string()),
            }
        }
        self.orphans_ui(ui, cx, cache);
    }

    /// Review hook: the queue of the focused source's suggestions, its keys while it has the
    /// focus and no dialog is open, and the sentence under review brought into view.
    fn review_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        self.review_focus = None;
        let Some(source) = self
            .focused
            .clone()
            .filter(|id| derived.index.source_by_id.contains_key(id))
        else {
            ui.strong("Suggestions to review");
            ui.label(
                egui::RichText::new(
                    "Click a source in the list to review the claims it suggests, or import a \
                     report (Ctrl+I).",
                )
                .weak(),
            );
            ui.separator();
            return;
        };
        let pending = self.review.pending(cx, &source);
        let name = derived.source(d, &source).map_or("", |s| s.name());
        ui.strong(format!("Suggestions to review ({pending})"))
            .on_hover_text(format!(
                "Claims {name} seems to make, found in its text. Enter accepts the selected one, \
                 Delete rejects it, E edits it, ↑/↓ move."
            ));
        let focus = self.review.ui(ui, cx, &source);
        if let Some(f) = &focus
            && f.moved
        {
            if !self.chosen.contains(&f.source) {
                self.chosen.push(f.source.clone());
            }
            self.view = SourcesView::Texts;
            self.texts.entry(f.source.clone()).or_default().scroll_to = Some(f.sentence.start);
            self.reveal_column = Some(f.source.clone());
        }
        self.review_focus = focus;
        ui.separator();
    }

    fn claim_detail(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache, c: usize) {
        let (d, derived) = (cx.dataset, cx.derived);
        let claim = &d.claims[c];
        ui.horizontal(|ui| {
            ui.strong("Picked claim");
            if ui
                .small_button("Clear")
                .on_hover_text("Unpick the claim (Esc)")
                .clicked()
                || cx.keys.pressed(ui, egui::Key::Escape)
            {
                self.selected = None;
            }
        });
        claim_line(ui, cx, &cache.matrix, c);
        if let Some(q) = &claim.quote {
            ui.label(egui::RichText::new(format!("“{}”", q.exact)).italics());
        }
        let others = cache.matrix.counterparts(d, c);
        for other in others {
            let o = &d.claims[other];
            let outlet = derived
                .source(d, &o.source)
                .map_or(o.source.as_str(), |s| s.name());
            let same = o.fact == claim.fact;
            ui.label(format!(
                "{outlet} {}: {}",
                if same { "agrees" } else { "says instead" },
                derived.fact_label(d, &o.fact)
            ));
        }
        if let Subject::Actor(id) = &claim.subject
            && ui.button("Show in roster").clicked()
        {
            cx.send(Command::ShowActor(id.clone()));
        }
    }

    fn orphans_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
        let d = cx.dataset;
        let orphans = &cache.orphans;
        if orphans.is_empty() {
            return;
        }
        ui.separator();
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Orphaned quotes ({})", orphans.len()),
        )
        .on_hover_text("These claims' words are no longer in their source's text. They are kept as they were: fix the text, or edit or delete the claim in the roster.");
        // A text edit can orphan thousands; the first hundred are enough to act on.
        const SHOWN: usize = 100;
        if orphans.len() > SHOWN {
            ui.label(
                egui::RichText::new(format!("The first {SHOWN} are listed."))
                    .weak()
                    .small(),
            );
        }
        for &c in orphans.iter().take(SHOWN) {
            let claim = &d.claims[c];
            ui.horizontal_wrapped(|ui| {
                claim_line(ui, cx, &cache.matrix, c);
                if let Subject::Actor(id) = &claim.subject
                    && ui.small_button("Show in roster").clicked()
                {
                    cx.send(Command::ShowActor(id.clone()));
                }
            });
            if let Some(q) = &claim.quote {
                ui.label(
                    egui::RichText::new(format!("was: “{}”", q.exact))
                        .weak()
                        .italics(),
                );
            }
        }
    }

    /// For words selected in a source: the actor they name (the first), and the value the
    /// sentence around them suggests.
    fn guess_for(
        &mut self,
        cx: &ViewCtx<'_>,
        source: usize,
        (start, end): (usize, usize),
    ) -> (Option<usize>, Option<crate::model::Fact>) {
        let d = cx.dataset;
        let text = &d.sources[source].text;
        let actor = self
            .finder(d)
            .find(&text[start..end])
            .first()
            .map(|m| m.actor);
        let (a, b) = crate::model::mentions::sentence(text, start, end);
        // The extractor's reading of the sentence about that actor, else the plain guess.
        let published = d.sources[source]
            .published
            .filter(|p| p.is_exact_day())
            .map(|p| p.first_day());
        let extracted = self
            .review
            .extractor(d)
            .suggest(&text[a..b], published)
            .into_iter()
            .filter(|s| {
                actor.is_some_and(|at| {
                    matches!(s.actor, crate::model::extract::SuggestedActor::Known(k) if k == at)
                })
            })
            // The statement inside the selection first.
            .min_by_key(|s| !(a + s.start < end && start < a + s.end))
            .map(|s| s.fact);
        let guess = extracted.or_else(|| crate::model::mentions::guess_fact(&text[a..b]));
        (actor, guess)
    }

    fn form_window(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        let Some(form) = &mut self.form else {
            return;
        };
        let outcome = form.ui(ui);
        let editing = form.editing.clone();
        match outcome {
            None => {}
            Some(FormOutcome::Cancelled) => self.form = None,
            Some(FormOutcome::Done(draft)) => match editing {
                None => {
                    let today = PartialDate::from(chrono::Local::now().date_naive());
                    match add_source(d, draft, today) {
                        Ok((edit, id)) => {
                            cx.send(Command::edit(edit, "Import source"));
                            self.chosen.push(id.clone());
                            // The new text is what the user looks at now: a claim picked in
                            // another one no longer is (its answer would outlive its cause).
                            self.selected = None;
                            self.notice = None;
                            self.focused = Some(id.clone());
                            self.view = SourcesView::Texts;
                            self.form = None;
                            // Its suggestions are what the user works through next.
                            crate::ui::sources::review_queue::focus_list(ui.ctx());
                        }
                        Err(e) => form.error = Some(e.to_string()),
                    }
                }
                Some(id) => {
                    let Some(&at) = derived.index.source_by_id.get(&id) else {
                        self.form = None;
                        return;
                    };
                    match edit_source(d, at, draft) {
                        Ok((edit, report)) => {
                            let command = Command::edit(edit, "Edit source");
                            // Said in the status bar once the edit went through.
                            match reanchor_notice(report.moved, report.orphaned) {
                                Some(said) => cx.send_saying(command, said),
                                None => cx.send(command),
                            }
                            self.notice = None;
                            self.form = None;
                        }
                        Err(e) => form.error = Some(e.to_string()),
                    }
                }
            },
        }
    }

    fn delete_window(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
        let (d, derived) = (cx.dataset, cx.derived);
        let Some(id) = self.confirm_delete.clone() else {
            return;
        };
        let Some(&at) = derived.index.source_by_id.get(&id) else {
            self.confirm_delete = None;
            return;
        };
        let claims = cache.counts.get(at).map_or(0, |c| c.0);
        let mut open = true;
        let mut done = false;
        egui::Window::new("Delete source")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 120.0])
            .open(&mut open)
            .show(ui.ctx(), |ui| {
                ui.label(format!(
                    "Delete “{}” and the {claims} claims that cite it? Undo (Ctrl+Z) brings them back.",
                    d.sources[at].title
                ));
                ui.horizontal(|ui| {
                    if ui.button("Delete").clicked() {
                        let (edit, _) = delete_source(d, at);
                        cx.send(Command::edit(edit, "Delete source"));
                        done = true;
                    }
                    if ui.button("Cancel").clicked() {
                        done = true;
                    }
                });
            });
        if done || !open {
            self.confirm_delete = None;
        }
    }
}

/// One claim in words: who, what, which source, and how it stands against the others.
fn claim_line(ui: &mut egui::Ui, cx: &ViewCtx<'_>, matrix: &ClaimMatrix, c: usize) {
    let (d, derived) = (cx.dataset, cx.derived);
    let claim = &d.claims[c];
    let who = subject_name(d, &derived.index, &claim.subject);
    let outlet = derived
        .source(d, &claim.source)
        .map_or(claim.source.as_str(), |s| s.name());
    let verdict = matrix.claim_verdict(d, c);
    ui.horizontal_wrapped(|ui| {
        if let Some(v) = verdict {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, verdict_colour(v, true));
        }
        ui.label(format!(
            "{who} · {}: {} ({outlet}{})",
            claim.fact.property().label(),
            derived.fact_label(d, &claim.fact),
            verdict.map_or(String::new(), |v| format!(", {}", v.label()))
        ));
    });
}

fn segment_at(segments: &[Segment], at: usize) -> Option<&Segment> {
    let i = segments.partition_point(|s| s.end <= at);
    segments.get(i).filter(|s| s.start <= at)
}

/// The next place of `needle` at or after `from`, matching case as typed first, then ASCII
/// case-insensitively (which keeps byte offsets), wrapping round to the start.
fn find_next(text: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    let search = |hay: &str, n: &str| {
        let from = (from..=hay.len()).find(|&i| hay.is_char_boundary(i))?;
        hay[from..]
            .find(n)
            .map(|i| from + i)
            .or_else(|| hay.find(n))
    };
    search(text, needle)
        .or_else(|| search(&text.to_ascii_lowercase(), &needle.to_ascii_lowercase()))
        .map(|at| (at, at + needle.len()))
}

/// A source's tooltip: what ticking it does, and its note (which explains, say, why the outlet
/// is "Unnamed outlet").
fn source_hover(s: &crate::model::Source) -> String {
    let note = s.note.trim();
    if note.is_empty() {
        format!("Compare {}", s.name())
    } else {
        format!("Compare {}\n\n{note}", s.name())
    }
}

/// What an edit of a source's text did to its quotes, in words; nothing when nothing moved.
pub fn reanchor_notice(moved: usize, orphaned: usize) -> Option<String> {
    let quotes = |n: usize| if n == 1 { "quote" } else { "quotes" };
    match (moved, orphaned) {
        (0, 0) => None,
        (m, 0) => Some(format!(
            "{m} {} re-anchored where {} words moved.",
            quotes(m),
            if m == 1 { "its" } else { "their" }
        )),
        (0, o) => Some(format!("{o} {} orphaned (listed on the right).", quotes(o))),
        (m, o) => Some(format!(
            "{m} {} re-anchored where {} words moved; {o} orphaned (listed on the right).",
            quotes(m),
            if m == 1 { "its" } else { "their" }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_next_cycles_and_ignores_case() {
        let text = "Putin spoke. Later PUTIN left.";
        assert_eq!(find_next(text, "Putin", 0), Some((0, 5)));
        assert_eq!(
            find_next(text, "Putin", 1),
            Some((0, 5)),
            "wraps: the other is upper case"
        );
        assert_eq!(find_next(text, "putin", 1), Some((19, 24)));
        assert_eq!(
            find_next("Erdoğan declined", "Erdo ", 0),
            Some((0, 4)),
            "trimmed"
        );
        assert_eq!(find_next(text, " ", 0), None);
        assert_eq!(find_next(text, "Erdogan", 0), None);
    }
}
