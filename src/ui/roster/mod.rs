//! The Roster tab: search and filters, a virtualised sortable table (only visible rows are
//! built) with in-place editing, a detail pane for the selected actor, and the dialogs for
//! adding, deleting and merging actors. Every change leaves as a session command.
//!
//! Here the panel's state, its frame and its keys; each part it draws in a file of its own:
//! `filters` (the toolbar and the body line), `grid` (the table), `cell_edit`, `columns`
//! (which columns fit), `detail` (the actor pane), `dialogs` and `bodies`.

pub(crate) mod actor_form;
pub(crate) mod bodies;
mod cell_edit;
mod columns;
pub(crate) mod detail;
mod dialogs;
mod filters;
mod grid;
pub(crate) mod table;

use self::cell_edit::CellEdit;
use self::dialogs::NewActorForm;
use crate::model::derive::body_roster::{BodyChoice, BodyRoster};
use crate::session::Select;
use crate::ui::citation::Citation;
use crate::ui::roster::detail::ActorDetail;
use crate::ui::roster::table::{Column, RosterQuery, RosterView, Rows};
use crate::ui::shortcuts::{self, Action};
use crate::ui::view::ViewCtx;

/// Shown while no actor is selected: what a row click and a double-click do.
pub const SELECT_HINT: &str =
    "Click a row to see that actor's claims and sources; double-click a cell to edit it.";

#[derive(Default)]
pub struct RosterPanel {
    pub query: RosterQuery,
    view: RosterView,
    editing: Option<CellEdit>,
    pub citation: Citation,
    detail: ActorDetail,
    focus_search: bool,
    adding: Option<NewActorForm>,
    /// The columns empty for every row, with the revision, day and body they were worked out
    /// for.
    empty: Option<(EmptyKey, Vec<Column>)>,
    /// The kind of the actor last added: the next Add actor starts with it (a list of states
    /// is entered one after another).
    last_kind: crate::model::ActorKind,
    /// The delete waiting for confirmation: the actor's id.
    confirm_delete: Option<String>,
    /// That delete, worked out once (it walks every claim): actor id, revision, edit, words.
    prepared_delete: Option<(String, u64, crate::model::Edit, String)>,
    /// Why the last change was refused, shown until the next one.
    pub refusal: Option<String>,
    /// The header of each column, to name the in-place editors for screen readers.
    header_ids: Vec<(Column, egui::Id)>,
    /// The roster of the chosen body when it is not the main one, built once per revision,
    /// as-of date and choice.
    body_rows: Option<(
        u64,
        Option<chrono::NaiveDate>,
        BodyChoice,
        std::rc::Rc<BodyRoster>,
    )>,
    /// The window where bodies are added, renamed and given a parent.
    bodies: crate::ui::roster::bodies::BodiesWindow,
}

/// What the empty columns depend on: the dataset's revision, the as-of day, the body shown.
type EmptyKey = (u64, Option<chrono::NaiveDate>, BodyChoice);

impl RosterPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (dataset, derived) = (cx.dataset, cx.derived);
        if cx.selection.actor.is_some() && cx.selected_actor().is_none() {
            cx.select(Select::Actor(None)); // Deleted or merged away.
        }
        self.shortcuts(ui, cx);
        // A body that was removed falls back to the main one.
        if let BodyChoice::Sub(id) = &self.query.body
            && crate::model::data::body::position(dataset, id).is_none_or(|at| at == 0)
        {
            self.query.body = BodyChoice::Main;
        }
        let body_rows = self.body_rows(cx);
        let rows = body_rows
            .as_deref()
            .map_or(Rows::main(derived), |b| Rows::of(b, derived));
        self.view
            .refresh_rows(dataset, derived, rows, &self.query, cx.edit_log);

        self.toolbar(ui, cx);
        self.body_line(ui, cx, rows);
        if let Some(refusal) = self.refusal.clone() {
            // Below the table, not above it: a message must not move the row under the pointer.
            egui::Panel::bottom("roster_refusal").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, refusal);
                    if ui.small_button("OK").clicked() {
                        self.refusal = None;
                    }
                });
            });
        }
        if let Some(id) = cx.selected_actor().map(str::to_string) {
            // At most about 45% of a narrow window, so the table keeps its essential columns.
            let pane = (ui.available_width() * 0.45).clamp(260.0, 360.0);
            egui::Panel::right("actor_detail")
                .resizable(true)
                .default_size(pane)
                .min_size(260.0)
                .max_size((ui.available_width() * 0.6).max(260.0))
                .show(ui, |ui| {
                    let actions = self.detail.ui(ui, cx, &id, &mut self.citation);
                    for action in actions {
                        match action {
                            crate::ui::roster::detail::DetailAction::Send(r) => {
                                self.refusal = None;
                                cx.send(r);
                            }
                            crate::ui::roster::detail::DetailAction::Refused(why) => {
                                self.refusal = Some(why)
                            }
                            crate::ui::roster::detail::DetailAction::Delete => {
                                self.confirm_delete = Some(id.clone())
                            }
                            crate::ui::roster::detail::DetailAction::Close => {
                                cx.select(Select::Actor(None))
                            }
                        }
                    }
                });
        }
        if cx.selected_actor().is_none() && self.refusal.is_none() && !self.view.rows.is_empty() {
            // Below the table, so it appearing or going never moves the rows.
            egui::Panel::bottom("roster_hint").show(ui, |ui| {
                ui.weak(SELECT_HINT);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| self.table(ui, cx, rows));
        self.add_dialog(ui, cx);
        self.delete_dialog(ui, cx);
        if let Some((edit, label)) = self.bodies.ui(ui.ctx(), cx) {
            cx.edit(edit, label);
        }
    }

    /// Whether the add-actor form, the delete prompt or the Bodies window is open.
    pub fn dialog_open(&self) -> bool {
        self.adding.is_some() || self.confirm_delete.is_some() || self.bodies.open
    }

    fn shortcuts(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let keys = cx.keys;
        let find = shortcuts::pressed(ui, keys, Action::FindActor);
        let add = shortcuts::pressed(ui, keys, Action::AddActor);
        // Delete only when no text field has the keyboard (checked below).
        let delete = shortcuts::pressed(ui, keys, Action::DeleteActor);
        let escape = shortcuts::pressed(ui, keys, Action::CancelCellEdit);
        let typing = ui.ctx().egui_wants_keyboard_input();
        if find {
            self.focus_search = true;
        }
        if add {
            self.adding = Some(NewActorForm::of_kind(self.last_kind));
        }
        if delete
            && !typing
            && self.editing.is_none()
            && let Some(id) = cx.selected_actor()
        {
            self.confirm_delete = Some(id.to_string());
        }
        if escape {
            self.editing = None;
        }
    }
}
