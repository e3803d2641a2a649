//! The roster's dialogs: adding an actor, and deleting one (what goes with it said first).

use super::RosterPanel;
use crate::model::data::ops::{add_actor, delete_actor};
use crate::model::{Actor, ActorKind};
use crate::session::Select;
use crate::ui::roster::actor_form::{
    NameCheck, identity_rows, name_feedback, wikidata_feedback, wikidata_row,
};
use crate::ui::shortcuts::{self, Action};
use crate::ui::view::ViewCtx;

impl RosterPanel {
    pub(super) fn add_dialog(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let dataset = cx.dataset;
        let Some(new) = self.adding.as_mut() else {
            return;
        };
        let mut close = false;
        let mut error = None;
        let mut last_kind = None;
        let modal = egui::Modal::new(egui::Id::unique("add_actor")).show(ui.ctx(), |ui| {
            ui.heading("Add actor");
            egui::Grid::new("add_actor_grid")
                .num_columns(2)
                .show(ui, |ui| {
                    let name =
                        identity_rows(ui, "add", &mut new.name, &mut new.kind, &mut new.country);
                    wikidata_row(ui, &mut new.wikidata);
                    if name.ctx.memory(|m| m.focused().is_none()) {
                        name.request_focus();
                    }
                });
            // No red before the user has typed anything.
            if !new.name.is_empty() {
                name_feedback(ui, cx, &new.name, None, &mut new.check);
            }
            let wikidata = wikidata_feedback(ui, &new.wikidata);
            if let Some(e) = &new.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.horizontal(|ui| {
                let enter = shortcuts::pressed_here(ui, Action::Confirm) && wikidata.is_ok();
                let add = ui
                    .add_enabled(wikidata.is_ok(), egui::Button::new("Add"))
                    .on_disabled_hover_text("Correct the Wikidata id first (Q and its digits)");
                if let (true, Ok(wikidata)) = (add.clicked() || enter, &wikidata) {
                    let actor = Actor {
                        name: new.name.clone(),
                        kind: new.kind,
                        country: new.country.trim().to_string(),
                        wikidata: wikidata.clone(),
                        ..Default::default()
                    };
                    match add_actor(dataset, actor) {
                        Ok(edit) => {
                            let added = match &edit {
                                crate::model::Edit::InsertActor { actor, .. } => {
                                    Some(actor.id.clone())
                                }
                                _ => None,
                            };
                            cx.edit(edit, format!("Add {}", new.name.trim()));
                            last_kind = Some(new.kind);
                            if added.is_some() {
                                cx.select(Select::Actor(added));
                            }
                            close = true;
                            self.refusal = None;
                        }
                        Err(e) => error = Some(e.to_string()),
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if let Some(e) = error {
            new.error = Some(e);
        }
        if let Some(kind) = last_kind {
            self.last_kind = kind;
        }
        if close || modal.should_close() {
            self.adding = None;
        }
    }

    pub(super) fn delete_dialog(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (dataset, derived) = (cx.dataset, cx.derived);
        let Some(id) = self.confirm_delete.clone() else {
            return;
        };
        let Some(&at) = derived.index.actor_by_id.get(&id) else {
            self.confirm_delete = None;
            return;
        };
        let key = (id.clone(), derived.revision());
        if self
            .prepared_delete
            .as_ref()
            .is_none_or(|(i, r, _, _)| (i, r) != (&key.0, &key.1))
        {
            let (edit, summary) = delete_actor(dataset, at);
            self.prepared_delete = Some((key.0, key.1, edit, summary.words()));
        }
        let words = &self.prepared_delete.as_ref().expect("prepared above").3;
        let name = dataset.actors[at].name.clone();
        let (mut confirmed, mut close) = (false, false);
        let modal = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ui.ctx(), |ui| {
            ui.heading(format!("Delete {name}?"));
            ui.label(format!("This removes {name} and {words}."));
            ui.label("You can undo it with Ctrl+Z.");
            ui.horizontal(|ui| {
                confirmed = ui.button("Delete").clicked();
                close = ui.button("Cancel").clicked();
            });
        });
        if confirmed && let Some((_, _, edit, _)) = self.prepared_delete.take() {
            cx.edit(edit, format!("Delete {name}"));
        }
        if confirmed || close || modal.should_close() {
            self.confirm_delete = None;
            self.prepared_delete = None;
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct NewActorForm {
    pub(super) name: String,
    pub(super) kind: ActorKind,
    pub(super) country: String,
    pub(super) wikidata: String,
    pub(super) check: NameCheck,
    /// Why the last Add was refused, shown in the dialog itself.
    pub(super) error: Option<String>,
}

impl NewActorForm {
    pub(super) fn of_kind(kind: ActorKind) -> Self {
        NewActorForm {
            kind,
            ..Default::default()
        }
    }
}
