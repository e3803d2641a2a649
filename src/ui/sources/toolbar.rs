//! The Sources tab's toolbar: import, texts or matrix, its switches, and the legend of verdicts
//! with their counts.

use super::cache::Cache;
use super::{SourcesPanel, SourcesView};
use crate::model::derive::compare::Verdict;
use crate::ui::shortcuts::{self, Action};
use crate::ui::sources::form::SourceForm;
use crate::ui::sources::texts::verdict_colour;

impl SourcesPanel {
    /// The toolbar and the legend; `dataset_conflicts` is the status bar's count.
    pub(super) fn toolbar(&mut self, ui: &mut egui::Ui, cache: &Cache, dataset_conflicts: usize) {
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Import source…")
                .on_hover_text(format!(
                    "Paste an article or open a .txt, .md or .html file ({})",
                    shortcuts::text(ui.ctx(), Action::ImportSource)
                ))
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
}
