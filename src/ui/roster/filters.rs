//! Above the roster table: Add actor, search, the filters (folded into a menu when narrow),
//! the count, and the line choosing whose roster (a body) with its dates.

use super::RosterPanel;
use super::dialogs::NewActorForm;
use crate::model::derive::body_roster::{BodyChoice, BodyRoster, body_roster};
use crate::model::{ActorKind, Role, Status};
use crate::ui::fact_input::filter_combo;
use crate::ui::roster::table::{RosterQuery, Rows};
use crate::ui::shortcuts::{self, Action};
use crate::ui::view::ViewCtx;

impl RosterPanel {
    pub(super) fn toolbar(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (dataset, derived) = (cx.dataset, cx.derived);
        // One line at every width: below this the filters fold into a menu instead of wrapping.
        let narrow = ui.available_width() < TOOLBAR_FULL_WIDTH;
        ui.horizontal(|ui| {
            if ui
                .button("➕ Add actor")
                .on_hover_text(format!(
                    "Add a person, state or organisation ({})",
                    shortcuts::text(ui.ctx(), Action::AddActor)
                ))
                .clicked()
            {
                self.adding = Some(NewActorForm::of_kind(self.last_kind));
            }
            ui.separator();
            let label = ui.label("🔍 Search");
            let search = ui.add(
                egui::TextEdit::singleline(&mut self.query.text)
                    .desired_width(if narrow { 150.0 } else { 200.0 })
                    .hint_text(format!(
                        "names and aliases ({})",
                        shortcuts::text(ui.ctx(), Action::FindActor)
                    )),
            );
            let search = search
                .labelled_by(label.id)
                .on_hover_text("Accents and case are ignored: \"erdogan\" finds Erdoğan");
            if std::mem::take(&mut self.focus_search) {
                search.request_focus();
            }
            ui.separator();
            if narrow {
                let q = &self.query;
                let active =
                    q.kind.is_some() || q.status.is_some() || q.role.is_some() || q.conflicts_only;
                let title = if active { "Filters •" } else { "Filters" };
                ui.menu_button(title, |ui| self.filters(ui))
                    .response
                    .on_hover_text("Kind, status, role and conflicts");
            } else {
                ui.horizontal(|ui| self.filters(ui));
            }
            ui.separator();
            ui.label(format!(
                "{} of {} actors",
                self.view.rows.len(),
                dataset.actors.len()
            ));
            if let Some(day) = derived.as_of() {
                ui.label(
                    egui::RichText::new(format!("as of {day}"))
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
            }
        });
        ui.add_space(2.0);
    }

    pub(super) fn filters(&mut self, ui: &mut egui::Ui) {
        let q = &mut self.query;
        filter_combo(ui, "Kind", &mut q.kind, ActorKind::ALL, ActorKind::label);
        filter_combo(ui, "Status", &mut q.status, Status::ALL, Status::label);
        filter_combo(ui, "Role", &mut q.role, Role::ALL, Role::label);
        ui.checkbox(&mut q.conflicts_only, "Has conflicts");
        if q.is_filtered()
            && ui
                .button("Clear")
                .on_hover_text("Show every actor")
                .clicked()
        {
            *q = RosterQuery {
                sort: q.sort,
                descending: q.descending,
                ..Default::default()
            };
        }
    }

    /// The chosen body's roster, when it is not the main one (whose rows the derived data
    /// keeps): built again only when the revision, the as-of date or the choice changed.
    pub(super) fn body_rows(&mut self, cx: &ViewCtx<'_>) -> Option<std::rc::Rc<BodyRoster>> {
        let (dataset, derived) = (cx.dataset, cx.derived);
        let key = (derived.revision(), derived.as_of(), self.query.body.clone());
        match &self.body_rows {
            Some((r, d, c, rows)) if (*r, *d, c) == (key.0, key.1, &key.2) => Some(rows.clone()),
            _ => {
                let built = body_roster(dataset, &derived.index, key.1, &key.2)?;
                let built = std::rc::Rc::new(built);
                self.body_rows = Some((key.0, key.1, key.2, built.clone()));
                Some(built)
            }
        }
    }

    /// The body chooser and the body's dates (terms and the payment window count from entry
    /// into force), on a line of their own above the table.
    pub(super) fn body_line(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, rows: Rows<'_>) {
        let dataset = cx.dataset;
        ui.horizontal(|ui| {
            let label = ui.label("Body");
            let name_of = |choice: &BodyChoice| match choice {
                BodyChoice::Main => dataset.body.name.clone(),
                BodyChoice::Sub(id) => dataset
                    .body_by_id(id)
                    .map_or_else(|| id.clone(), |b| b.name.clone()),
                BodyChoice::All => "All bodies".to_string(),
            };
            egui::ComboBox::from_id_salt("roster_body")
                .selected_text(name_of(&self.query.body))
                .show_ui(ui, |ui| {
                    let choices = std::iter::once(BodyChoice::Main)
                        .chain(
                            dataset
                                .sub_bodies
                                .iter()
                                .map(|b| BodyChoice::Sub(b.id.clone())),
                        )
                        .chain(std::iter::once(BodyChoice::All));
                    for choice in choices {
                        let text = name_of(&choice);
                        ui.selectable_value(&mut self.query.body, choice, text);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "Whose roster: the main body, a sub-body, or all (adds a Body column)",
                );
            if ui
                .button("Bodies…")
                .on_hover_text("Add a sub-body, rename a body, set what it is part of")
                .clicked()
            {
                self.bodies.open = true;
            }
            ui.separator();
            let day = |d: Option<(crate::model::PartialDate, usize)>| {
                d.map_or_else(|| "not reported".to_string(), |(d, _)| d.to_string())
            };
            ui.label(format!("Entry into force: {}", day(rows.dates.in_force)))
                .on_hover_text(
                    "Terms start at entry into force (or at joining, if later); the payment window \
                 counts from it. A claim about the body, like any other.",
                );
            if rows.dates.charter_signed.is_some() {
                ui.weak(format!(
                    "Charter signed: {}",
                    day(rows.dates.charter_signed)
                ));
            }
        });
        ui.add_space(2.0);
    }
}

/// The width the toolbar needs with its filters inline (measured in the real window at the
/// default font size: at 1024 the count was cut).
pub(super) const TOOLBAR_FULL_WIDTH: f32 = 1100.0;
