//! The form for adding or editing an event: date, end, title, description, type, the actors
//! it names and the sources that report it.

use super::{KINDS, TimelinePanel};
use crate::model::data::ops::unique_id;
use crate::model::{Dataset, Edit, Event, EventKind, PartialDate};
use crate::ui::actor_search::ActorSearch;
use crate::ui::fact_input::enum_combo;
use crate::ui::view::ViewCtx;

/// The form for adding or editing an event.
#[derive(Clone, Debug, Default)]
pub(super) struct EventForm {
    /// The event being edited (by id), or `None` for a new one.
    pub(super) editing: Option<String>,
    pub(super) date: String,
    pub(super) end: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) kind: EventKind,
    pub(super) actors: Vec<String>,
    pub(super) sources: Vec<String>,
    pub(super) actor_search: ActorSearch,
    pub(super) error: Option<String>,
}

impl EventForm {
    pub(super) fn from_event(e: &Event) -> Self {
        EventForm {
            editing: Some(e.id.clone()),
            date: e.date.to_string(),
            end: e.end.map(|d| d.to_string()).unwrap_or_default(),
            title: e.title.clone(),
            description: e.description.clone(),
            kind: e.kind,
            actors: e.actors.clone(),
            sources: e.sources.clone(),
            ..Default::default()
        }
    }

    /// The event the form describes, or why it is not one.
    fn event(&self, d: &Dataset) -> Result<Event, String> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err("An event needs a title.".into());
        }
        let date: PartialDate = self.date.trim().parse().map_err(|e| format!("Date: {e}"))?;
        let end = match self.end.trim() {
            "" => None,
            text => Some(
                text.parse::<PartialDate>()
                    .map_err(|e| format!("End: {e}"))?,
            ),
        };
        if end.is_some_and(|end| end < date) {
            return Err("The end comes before the start.".into());
        }
        let editing = self
            .editing
            .as_ref()
            .and_then(|id| d.events.iter().find(|e| &e.id == id));
        let id = match &self.editing {
            Some(id) => id.clone(),
            None => {
                let taken = d.events.iter().map(|e| e.id.as_str()).collect();
                unique_id(&format!("e {date} {title}"), &taken)
            }
        };
        Ok(Event {
            // The form knows only this version's fields; the file's others stay as they were.
            extra: editing.map(|e| e.extra.clone()).unwrap_or_default(),
            id,
            date,
            end,
            title: title.to_string(),
            description: self.description.trim().to_string(),
            kind: self.kind,
            actors: self.actors.clone(),
            sources: self.sources.clone(),
        })
    }
}

impl TimelinePanel {
    pub(super) fn form_window(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let d = cx.dataset;
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let title = if form.editing.is_some() {
            "Edit event"
        } else {
            "Add event"
        };
        let (mut save, mut cancel) = (false, false);
        let modal = egui::Modal::new(egui::Id::unique("event_form")).show(ui.ctx(), |ui| {
            // A modal sizes to its content, which left the fields a few words wide.
            ui.set_min_width(440.0);
            ui.heading(title);
            form.fields_ui(ui);
            form.actors_ui(ui, d);
            form.sources_ui(ui, d);
            if let Some(e) = &form.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.horizontal(|ui| {
                save = ui
                    .button(if form.editing.is_some() {
                        "Save event"
                    } else {
                        "Add"
                    })
                    .clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        if save {
            match form.event(d) {
                Ok(event) => {
                    let label = format!(
                        "{} event \"{}\"",
                        if form.editing.is_some() {
                            "Edit"
                        } else {
                            "Add"
                        },
                        event.title
                    );
                    let edit = match form
                        .editing
                        .as_ref()
                        .and_then(|id| d.events.iter().position(|e| &e.id == id))
                    {
                        Some(at) => Edit::ReplaceEvent {
                            at,
                            event: event.clone(),
                        },
                        None => Edit::InsertEvent {
                            at: d.events.len(),
                            event: event.clone(),
                        },
                    };
                    cx.edit(edit, label);
                    self.select_and_show(cx, &event);
                    self.form = None;
                }
                Err(e) => form.error = Some(e),
            }
        } else if cancel || modal.should_close() {
            self.form = None;
        }
    }
}

impl EventForm {
    /// Date, end, title, description and type.
    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        egui::Grid::new("event_grid").num_columns(2).show(ui, |ui| {
            for (name, text, hint) in [
                ("Date", &mut self.date, "2026-01-19, 2026-01 or 2026"),
                ("End (optional)", &mut self.end, "for a range"),
                ("Title", &mut self.title, "what happened"),
            ] {
                let label = ui.label(name);
                ui.add(
                    egui::TextEdit::singleline(text)
                        .desired_width(300.0)
                        .hint_text(hint),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
            let label = ui.label("Description");
            ui.add(
                egui::TextEdit::multiline(&mut self.description)
                    .desired_width(300.0)
                    .desired_rows(3),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Type");
            enum_combo(
                ui,
                "event_kind",
                &mut self.kind,
                &KINDS,
                EventKind::label,
                Some(label.id),
            );
            ui.end_row();
        });
    }

    /// The actors named, each a chip to remove, and a search to add more.
    fn actors_ui(&mut self, ui: &mut egui::Ui, d: &Dataset) {
        // Actors and sources under the grid, each label above its chips: in a grid row the
        // chips sat above their own label.
        ui.add_space(4.0);
        ui.label(egui::RichText::new("Actors").strong());
        let mut remove = None;
        if self.actors.is_empty() {
            ui.weak("None yet: find them below.");
        }
        ui.horizontal_wrapped(|ui| {
            for (i, a) in self.actors.iter().enumerate() {
                let name = d.actor(a).map_or(a.as_str(), |x| x.name.as_str());
                if ui
                    .small_button(format!("{name} ✖"))
                    .on_hover_text("Remove")
                    .clicked()
                {
                    remove = Some(i);
                }
            }
        });
        if let Some(i) = remove {
            self.actors.remove(i);
        }
        ui.horizontal(|ui| {
            let label = ui.label("Add an actor");
            ui.add(
                egui::TextEdit::singleline(&mut self.actor_search.text)
                    .desired_width(200.0)
                    .hint_text("type a name"),
            )
            .labelled_by(label.id);
        });
        let matches: Vec<&crate::model::Actor> = self
            .actor_search
            .matches(d)
            .iter()
            .map(|&i| &d.actors[i])
            .filter(|a| !self.actors.contains(&a.id))
            .take(6)
            .collect();
        ui.horizontal_wrapped(|ui| {
            for a in matches {
                if ui.button(format!("+ {}", a.name)).clicked() {
                    self.actors.push(a.id.clone());
                    self.actor_search.text.clear();
                }
            }
        });
    }

    /// The sources that report the event, ticked.
    fn sources_ui(&mut self, ui: &mut egui::Ui, d: &Dataset) {
        ui.add_space(4.0);
        ui.label(egui::RichText::new("Sources").strong());
        ui.horizontal_wrapped(|ui| {
            for s in &d.sources {
                let mut on = self.sources.contains(&s.id);
                if ui
                    .checkbox(&mut on, &s.outlet)
                    .on_hover_text(&s.title)
                    .changed()
                {
                    if on {
                        self.sources.push(s.id.clone());
                    } else {
                        self.sources.retain(|x| x != &s.id);
                    }
                }
            }
        });
    }
}
