//! The snapshot bar and list, their dialogs, and taking a picture of the window (drawn clean,
//! then asked of the renderer, then written).

use super::BoardExplorerApp;
use crate::session::Command;
use crate::ui::action::UiAction;
use std::path::PathBuf;

impl BoardExplorerApp {
    /// Takes a picture of the window into `path` (PNG): the next frame is drawn clean, then
    /// the renderer is asked for it; it is written on a later frame.
    pub fn export_picture(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.window.shot = Some((path, false));
        ctx.request_repaint();
    }

    /// Whether frames are being drawn clean for a picture.
    pub fn taking_picture(&self) -> bool {
        self.window.shot.is_some()
    }

    /// Whether the window was asked to close (Quit went through).
    pub fn is_closing(&self) -> bool {
        self.window.closing
    }

    /// At the end of a clean frame: asks the renderer for the picture, once.
    pub(super) fn request_picture(&mut self, ctx: &egui::Context) {
        let Some((path, asked)) = &mut self.window.shot else {
            return;
        };
        if !*asked {
            *asked = true;
            let slot = self.window.screenshot.clone();
            let wake = ctx.clone();
            let path = path.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some((path, image));
                }
                // The picture is written by the session on the next frame.
                wake.request_repaint();
            });
        }
        ctx.request_repaint();
    }

    /// The read-only banner, the snapshot list, the snapshot dialogs, a picture to write.
    pub(super) fn snapshot_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
        if let Some(ro) = self.session.read_only() {
            egui::Panel::top("read_only_banner").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let note = if ro.note.is_empty() {
                        String::new()
                    } else {
                        format!(" \"{}\"", ro.note)
                    };
                    let text = format!(
                        "Read-only snapshot{note}, taken {}: edits are refused.",
                        ro.taken
                    );
                    ui.label(
                        egui::RichText::new(text)
                            .strong()
                            .color(ui.visuals().warn_fg_color),
                    );
                    let restore = ui.button("Restore as a new working file").clicked();
                    let close = ui.button("Close snapshot").clicked();
                    if restore {
                        actions.push(UiAction::Run(Command::RestoreOpenSnapshot));
                    } else if close {
                        actions.push(UiAction::Run(Command::CloseSnapshot));
                    }
                });
            });
        }
        if self.window.snapshots.open {
            let command = egui::Panel::right("snapshots")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| self.window.snapshots.ui(ui, &self.session))
                .inner;
            actions.extend(command.map(UiAction::Run));
        }
        if let Some(note) = self.window.snapshots.take_dialog(ui, self.session.as_of()) {
            actions.push(UiAction::Run(Command::TakeSnapshot { note }));
        }
        self.window.snapshots.comparison_window(ui);
        let picture = self
            .window
            .screenshot
            .lock()
            .ok()
            .and_then(|mut r| r.take());
        if let Some((path, image)) = picture {
            self.window.shot = None;
            let rgba = image.pixels.iter().flat_map(|c| c.to_array()).collect();
            actions.push(UiAction::Run(Command::ExportImage {
                path,
                size: image.size,
                rgba,
            }));
        }
    }
}
