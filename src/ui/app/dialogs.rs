//! The window's questions: unsaved changes (before New, Open, Quit or a restore), a file
//! changed on disk, work to recover after a crash; and carrying out their answers.

use super::BoardExplorerApp;
use crate::session::Command;
use crate::ui::action::{PathPurpose, UiAction};
use crate::ui::file_menu::{Picked, open_dialog};

impl BoardExplorerApp {
    /// The window's close button with unsaved changes: ask first.
    pub(super) fn guard_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.session.document().is_dirty()
            && !self.window.closing
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.window.pending = Some(UiAction::Run(Command::Quit));
        }
    }

    /// "X changed on disk" and cannot be merged from (a save merges when it can): overwrite
    /// it, save elsewhere, or reload it (dropping the changes).
    pub(super) fn changed_on_disk_dialog(
        &mut self,
        ui: &mut egui::Ui,
        actions: &mut Vec<UiAction>,
    ) {
        let Some(path) = self.window.changed_on_disk.clone() else {
            return;
        };
        let mut answered = false;
        let modal = egui::Modal::new(egui::Id::unique("changed_on_disk")).show(ui.ctx(), |ui| {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "{} was changed by another program since it was opened here, and its changes \
                 could not be merged into yours (see the message below). Saving now would \
                 erase them.",
                path.display()
            ));
            ui.horizontal(|ui| {
                if ui.button("Overwrite").clicked() {
                    actions.push(UiAction::Run(Command::Confirmed(Box::new(
                        Command::SaveAs(path.clone()),
                    ))));
                    answered = true;
                }
                if ui.button("Save as…").clicked() {
                    actions.push(UiAction::ChooseSaveAs);
                    answered = true;
                }
                if ui
                    .button("Reload")
                    .on_hover_text("Open the file as it is now; the changes here are lost")
                    .clicked()
                {
                    actions.push(UiAction::Run(Command::Confirmed(Box::new(Command::Open(
                        path.clone(),
                    )))));
                    answered = true;
                }
                answered |= ui.button("Cancel").clicked();
            });
        });
        if answered || modal.should_close() {
            self.window.changed_on_disk = None;
        }
    }

    /// "Save changes to X?" before New, Open or Quit.
    pub(super) fn unsaved_dialog(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
        let Some(action) = self.window.pending.clone() else {
            return;
        };
        let verb = match action {
            UiAction::Run(Command::Quit) => "quitting",
            UiAction::Run(Command::New) => "starting a new dataset",
            UiAction::Run(Command::RestoreSnapshot(_) | Command::RestoreOpenSnapshot) => {
                "restoring the snapshot"
            }
            _ => "opening another file",
        };
        let mut choice = None;
        let mut cancel = false;
        // Behind a snapshot viewed read-only, the changes are the waiting working file's.
        let name = match self.session.read_only() {
            Some(ro) => ro.working().display_name(),
            None => self.session.document().display_name(),
        };
        let modal = egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ui.ctx(), |ui| {
            ui.heading("Unsaved changes");
            ui.label(format!("Save the changes to {name} before {verb}?"));
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(true);
                }
                if ui
                    .button("Don't save")
                    .on_hover_text("Your changes are lost")
                    .clicked()
                {
                    choice = Some(false);
                }
                cancel = ui.button("Cancel").clicked();
            });
        });
        if cancel || modal.should_close() {
            self.window.pending = None;
        }
        let Some(save) = choice else { return };
        self.window.pending = None;
        actions.push(UiAction::AfterUnsaved {
            save,
            then: Box::new(action),
        });
    }

    /// Carries out the answer to "Save the changes?" at the frame's end: saves first when
    /// asked to (a snapshot viewed read-only is closed for it, and shown again if the save
    /// does not go through), then the action that asked, confirmed.
    pub(super) fn after_unsaved(&mut self, save: bool, action: UiAction, ctx: &egui::Context) {
        let mut action = action;
        if save {
            // A snapshot viewed read-only is closed first: the working file is saved as itself.
            let snapshot = self.session.read_only().map(|ro| ro.path.clone());
            if snapshot.is_some() {
                self.perform(Command::CloseSnapshot);
            }
            self.act(UiAction::Save, ctx);
            if self.session.document().is_dirty() && self.window.file_menu.typing_path() {
                // No file yet and no desktop dialog: the path is being typed. The action
                // goes on once that save goes through.
                self.window.after_save = Some(action);
                return;
            }
            if self.session.document().is_dirty() {
                // The save was cancelled or failed: keep the work, do nothing more, and show
                // the snapshot again unless a question or a path to type about the save is up.
                if let Some(path) = snapshot
                    && !self.window.file_menu.typing_path()
                    && self.window.changed_on_disk.is_none()
                {
                    let notice = self.window.notice.take();
                    self.perform(Command::OpenSnapshot(path));
                    self.window.notice = notice;
                }
                return;
            }
            // Saved: the snapshot, closed to save, is restored from its file.
            if let (Some(path), UiAction::Run(Command::RestoreOpenSnapshot)) = (snapshot, &action) {
                action = UiAction::Run(Command::RestoreSnapshot(path));
            }
        }
        // Saved, or deliberately discarded: carry on without asking again.
        let next = match action {
            UiAction::Run(command) => UiAction::Run(Command::Confirmed(Box::new(command))),
            UiAction::ChooseOpen => match open_dialog(self.session.document()) {
                Picked::Path(path) => {
                    UiAction::Run(Command::Confirmed(Box::new(Command::Open(path))))
                }
                // The work was saved or discarded: opening by typed path needs no question.
                Picked::NoDialog => UiAction::TypePath(PathPurpose::Open),
                Picked::Cancelled => return,
            },
            other => other,
        };
        self.act(next, ctx);
    }

    pub(super) fn recovery_dialog(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
        let Some(offer) = self.session.recovery_offer() else {
            return;
        };
        let place = offer.original.as_ref().map_or_else(
            || "a dataset that was never saved".to_string(),
            |p| p.display().to_string(),
        );
        egui::Modal::new(egui::Id::unique("recovery")).show(ui.ctx(), |ui| {
            ui.heading("Restore unsaved work?");
            ui.label(format!(
                "board-explorer did not close normally. Unsaved changes to {place} were kept at {}.",
                offer.written
            ));
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    actions.push(UiAction::Run(Command::RestoreRecovery));
                }
                if ui.button("Discard").on_hover_text("Delete the recovered work").clicked() {
                    actions.push(UiAction::Run(Command::DiscardRecovery));
                }
            });
        });
    }
}
