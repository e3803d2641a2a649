//! The list of sources on the left: tick to compare, click to edit or delete.

use super::SourcesPanel;
use super::cache::Cache;
use crate::model::data::source_ops::SourceDraft;
use crate::ui::sources::form::SourceForm;
use crate::ui::view::ViewCtx;

impl SourcesPanel {
    pub(super) fn source_list(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
        let (d, derived) = (cx.dataset, cx.derived);
        ui.heading("Sources");
        ui.label(
            egui::RichText::new("Tick the sources to compare; click one to edit or delete it.")
                .weak()
                .small(),
        );
        let inbox = self.review.inbox(d);
        if inbox.suggestions > 0 {
            ui.label(
                egui::RichText::new(format!(
                    "{} suggestions to review in {} source{}{}",
                    inbox.suggestions,
                    inbox.sources,
                    if inbox.sources == 1 { "" } else { "s" },
                    if inbox.counting { "…" } else { "" }
                ))
                .color(ui.visuals().hyperlink_color),
            )
            .on_hover_text("Each source's count is beside it; click a source to review them");
        }
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

    pub(super) fn source_row(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        cache: &Cache,
        i: usize,
        h: f32,
    ) {
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
                    // First on the line: what waits is what a narrow list must not cut.
                    if let Some(n) = self.review.waiting(&s.id).filter(|&n| n > 0) {
                        ui.label(
                            egui::RichText::new(format!("{n} to review"))
                                .small()
                                .color(ui.visuals().hyperlink_color),
                        )
                        .on_hover_text(
                            "Suggestions from its text, waiting to be accepted or rejected",
                        );
                    }
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
}

/// A source's tooltip: what ticking it does, and its note (which explains, say, why the outlet
/// is "Unnamed outlet").
pub(super) fn source_hover(s: &crate::model::Source) -> String {
    let note = s.note.trim();
    if note.is_empty() {
        format!("Compare {}", s.name())
    } else {
        format!("Compare {}\n\n{note}", s.name())
    }
}
