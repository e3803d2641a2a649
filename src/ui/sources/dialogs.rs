//! The Sources tab's dialogs: the source form (import or edit) and the delete prompt.

use super::cache::Cache;
use super::{SourcesPanel, SourcesView};
use crate::model::PartialDate;
use crate::model::data::source_ops::{add_source, delete_source, edit_source, source_holding};
use crate::session::Command;
use crate::ui::sources::form::FormOutcome;
use crate::ui::view::ViewCtx;

impl SourcesPanel {
    pub(super) fn form_window(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        let Some(form) = &mut self.form else {
            return;
        };
        let outcome = form.ui(ui);
        let editing = form.editing.clone();
        match outcome {
            None => {}
            Some(FormOutcome::Cancelled) => self.form = None,
            Some(FormOutcome::ShowSource(id)) => {
                self.form = None;
                self.selected = None;
                self.focused = Some(id);
                self.view = SourcesView::Texts;
            }
            Some(FormOutcome::Done(draft)) => match editing {
                None if let Some(held) = source_holding(d, &draft.stored_text()) => {
                    form.error = Some(format!(
                        "This text is already the source \"{}\" ({}): it was not imported \
                         again.",
                        held.name(),
                        held.id
                    ));
                    form.held_by = Some(held.id.clone());
                }
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

    pub(super) fn delete_window(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, cache: &Cache) {
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
