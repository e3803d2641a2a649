//! The merge conflicts a `git pull` (or a merge of the file changed on disk) left in the
//! dataset: a window lists them, each with ours and theirs, and picking one is an edit (so
//! undo brings the conflict back). It shows itself while conflicts are left.

use super::action::UiAction;
use crate::model::Dataset;
use crate::model::merge::Pick;
use crate::session::Command;

/// The window's title, also its name for tests.
pub const TITLE: &str = "Merge conflicts";

/// Draws the window when the dataset has conflicts; a pick becomes an action.
pub fn window(ui: &mut egui::Ui, d: &Dataset, actions: &mut Vec<UiAction>) {
    if d.merge_conflicts.is_empty() {
        return;
    }
    let error_id = egui::Id::unique("merge_conflicts_error");
    egui::Window::new(TITLE)
        .default_size([620.0, 320.0])
        // Centred, not pinned over the menu at the top left.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ui.ctx().content_rect().center())
        .show(ui.ctx(), |ui| {
            ui.label(format!(
                "{} field(s) were changed differently on both sides of a merge. Ours is in \
                 place; pick the value to keep.",
                d.merge_conflicts.len()
            ));
            if let Some(error) = ui.data(|data| data.get_temp::<String>(error_id)) {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (at, c) in d.merge_conflicts.iter().enumerate() {
                    ui.separator();
                    ui.label(c.describe());
                    ui.horizontal(|ui| {
                        let mut pick = None;
                        if ui.button("Keep ours").clicked() {
                            pick = Some(Pick::Ours);
                        }
                        if ui.button("Take theirs").clicked() {
                            pick = Some(Pick::Theirs);
                        }
                        let Some(pick) = pick else { return };
                        match Command::resolve_conflict(d, at, pick) {
                            Ok(command) => {
                                ui.data_mut(|data| {
                                    data.remove::<String>(error_id);
                                });
                                actions.push(UiAction::Run(command));
                            }
                            Err(e) => {
                                ui.data_mut(|data| data.insert_temp(error_id, e.to_string()));
                            }
                        }
                    });
                }
            });
        });
}
