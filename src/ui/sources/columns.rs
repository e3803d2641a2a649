//! The chosen sources' texts side by side (or one at a time when narrow), each with its
//! header and Find; a click in a text picks the claim under it.

use super::cache::{Cache, ColumnMarks};
use super::side::claim_line;
use super::{MIN_COLUMN, SourcesPanel};
use crate::model::derive::compare::{Segment, Verdict};
use crate::ui::shortcuts;
use crate::ui::sources::form::SourceForm;
use crate::ui::sources::texts::Marks;
use crate::ui::view::ViewCtx;

impl SourcesPanel {
    pub(super) fn texts_view(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
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
    pub(super) fn text_column(
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
    pub(super) fn click_text(&mut self, cx: &ViewCtx<'_>, cache: &Cache, source: usize, at: usize) {
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

    pub(super) fn pick(&mut self, cx: &ViewCtx<'_>, cache: &Cache, claim: usize) {
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

    pub(super) fn column_header(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        column: &ColumnMarks,
    ) {
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
                        .desired_width((ui.available_width() - 120.0).max(60.0)),
                )
                .labelled_by(label.id)
                .on_hover_text("Type words from the text and press Enter to select them (again for the next place)");
            let enter = shortcuts::entered(ui, &response);
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
                        self.notice = Some((
                            source.id.clone(),
                            format!("“{needle}” is not in {}.", source.name()),
                        ));
                    }
                    None => {}
                }
                if enter {
                    response.request_focus();
                }
            }
            if let Some((_, message)) = self.notice.as_ref().filter(|(id, _)| *id == source.id) {
                ui.colored_label(ui.visuals().error_fg_color, "not found")
                    .on_hover_text(message);
            }
        });
        ui.separator();
    }
}

pub(super) fn segment_at(segments: &[Segment], at: usize) -> Option<&Segment> {
    let i = segments.partition_point(|s| s.end <= at);
    segments.get(i).filter(|s| s.start <= at)
}

/// The next place of `needle` at or after `from`, matching case as typed first, then ASCII
/// case-insensitively (which keeps byte offsets), wrapping round to the start.
pub(super) fn find_next(text: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
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
