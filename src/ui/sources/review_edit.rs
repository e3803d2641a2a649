//! Editing a suggestion before it is accepted (E in the review queue): whom it is about (a
//! known actor, or the new one under another name), the value, the day it holds from, and the
//! body it concerns.

use crate::model::{Dataset, Fact, Id, PartialDate};
use crate::ui::actor_search::ActorSearch;
use crate::ui::fact_input::FactInput;
use crate::ui::view::ViewCtx;

/// How many matching actors are offered at once.
const OFFERED: usize = 6;

/// A suggestion's editable parts.
#[derive(Clone, Debug)]
pub struct EditDraft {
    /// A known actor by id; `None` keeps the new actor the suggestion proposes.
    pub known: Option<Id>,
    /// The new actor's name (used when `known` is `None`).
    pub new_name: String,
    pub fact: FactInput,
    /// Empty: no date.
    pub as_of: String,
    /// `None`: the main body.
    pub body: Option<Id>,
    pub search: ActorSearch,
    pub error: Option<String>,
}

/// The draft's values, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Edited {
    pub known: Option<Id>,
    pub new_name: String,
    pub fact: Fact,
    pub as_of: Option<PartialDate>,
    pub body: Option<Id>,
}

/// What the user did with the form this frame.
pub enum EditOutcome {
    Done(Edited),
    Cancelled,
}

impl EditDraft {
    pub fn new(
        d: &Dataset,
        known: Option<Id>,
        new_name: String,
        fact: &Fact,
        as_of: Option<PartialDate>,
        body: Option<Id>,
    ) -> EditDraft {
        let mut input = FactInput::default();
        input.set(d, fact);
        EditDraft {
            known,
            new_name,
            fact: input,
            as_of: as_of.map(|p| p.to_string()).unwrap_or_default(),
            body,
            search: ActorSearch::default(),
            error: None,
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, is_new: bool) -> Option<EditOutcome> {
        let d = cx.dataset;
        ui.strong("Edit the suggestion");
        let who = match &self.known {
            Some(id) => d.actor(id).map_or(id.clone(), |a| a.name.clone()),
            None => format!("new actor: {}", self.new_name),
        };
        ui.label(format!("About: {who}"));
        if is_new && self.known.is_none() {
            ui.horizontal(|ui| {
                let label = ui.label("New actor's name");
                ui.text_edit_singleline(&mut self.new_name)
                    .labelled_by(label.id);
            });
        }
        ui.horizontal(|ui| {
            let label = ui.label("Another actor");
            ui.add(
                egui::TextEdit::singleline(&mut self.search.text)
                    .hint_text("type part of a name")
                    .desired_width(140.0),
            )
            .labelled_by(label.id)
            .on_hover_text("Credit the claim to a known actor instead");
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(i) = self.search.offer(ui, cx, OFFERED) {
                self.known = Some(d.actors[i].id.clone());
                self.search.text.clear();
            }
            if is_new
                && self.known.is_some()
                && ui
                    .small_button("Back to the new actor")
                    .on_hover_text("Keep the actor the text names, added as new")
                    .clicked()
            {
                self.known = None;
            }
        });
        let subject = self.known.clone().unwrap_or_default();
        ui.horizontal_wrapped(|ui| self.fact.ui(ui, cx, &subject));
        ui.horizontal(|ui| {
            let label = ui.label("As of");
            ui.add(
                egui::TextEdit::singleline(&mut self.as_of)
                    .hint_text("2026-01-22")
                    .desired_width(100.0),
            )
            .labelled_by(label.id)
            .on_hover_text(
                "The day the fact holds from: YYYY, YYYY-MM or YYYY-MM-DD; empty for none",
            );
        });
        ui.horizontal(|ui| {
            let label = ui.label("Body");
            let name = |id: &Option<Id>| match id {
                None => d.body.name.clone(),
                Some(id) => d.body_by_id(id).map_or(id.clone(), |b| b.name.clone()),
            };
            egui::ComboBox::from_id_salt("review_body")
                .selected_text(name(&self.body))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.body, None, d.body.name.as_str());
                    for b in &d.sub_bodies {
                        ui.selectable_value(&mut self.body, Some(b.id.clone()), b.name.as_str());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let mut outcome = None;
        ui.horizontal(|ui| {
            if ui
                .button("Done")
                .on_hover_text("Keep the changes; Enter then accepts the suggestion")
                .clicked()
            {
                match self.checked(d) {
                    Ok(edited) => outcome = Some(EditOutcome::Done(edited)),
                    Err(e) => self.error = Some(e),
                }
            }
            if ui.button("Cancel").clicked() {
                outcome = Some(EditOutcome::Cancelled);
            }
        });
        outcome
    }

    fn checked(&self, d: &Dataset) -> Result<Edited, String> {
        if self.known.is_none() && self.new_name.trim().is_empty() {
            return Err("Give the new actor a name, or pick a known actor.".into());
        }
        let subject = self.known.clone().unwrap_or_default();
        let fact = self.fact.fact(d, &subject)?;
        let as_of = match self.as_of.trim() {
            "" => None,
            text => Some(text.parse::<PartialDate>().map_err(|e| e.to_string())?),
        };
        Ok(Edited {
            known: self.known.clone(),
            new_name: self.new_name.trim().to_string(),
            fact,
            as_of,
            body: self.body.clone(),
        })
    }
}
