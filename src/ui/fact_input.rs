//! Entering a claim's value for any property: a combo for statuses and roles, an actor for
//! "represents", text (checked) for office, pledge and dates. An invitation is the status
//! "invited" (one meaning per fact: see `model::data::one_meaning`).

use crate::model::data::money::parse_money;
use crate::model::{Dataset, Edit, Fact, PartialDate, Property, Role, Status};
use crate::ui::view::ViewCtx;

/// Properties a hand edit can set on an actor (the body's own rules are edited elsewhere).
pub const ACTOR_PROPERTIES: [Property; 6] = [
    Property::Status,
    Property::Role,
    Property::Pledge,
    Property::Joined,
    Property::Office,
    Property::Represents,
];

#[derive(Clone, Debug)]
pub struct FactInput {
    pub property: Property,
    pub text: String,
    pub status: Status,
    pub role: Role,
    pub represents: String,
    /// The claim says the value does *not* hold ("not a member").
    pub negated: bool,
}

impl Default for FactInput {
    fn default() -> Self {
        FactInput {
            property: Property::Status,
            text: String::new(),
            status: Status::Invited,
            role: Role::Member,
            represents: String::new(),
            negated: false,
        }
    }
}

impl FactInput {
    /// The value as a fact about `subject`, or why it cannot be one.
    pub fn fact(&self, d: &Dataset, subject: &str) -> Result<Fact, String> {
        Ok(match self.property {
            Property::Status | Property::Invited => Fact::Status(self.status),
            Property::Role => Fact::Role(self.role),
            Property::Pledge => Fact::Pledge(parse_money(&self.text).map_err(|e| e.to_string())?),
            Property::Joined => Fact::Joined(
                self.text
                    .trim()
                    .parse::<PartialDate>()
                    .map_err(|e| e.to_string())?,
            ),
            Property::Office => {
                let text = self.text.trim();
                if text.is_empty() {
                    return Err("Enter the office, e.g. \"Kremlin spokesman\".".into());
                }
                Fact::Office(text.to_string())
            }
            Property::Represents => {
                if self.represents.is_empty() || d.actor(&self.represents).is_none() {
                    return Err("Pick whom the actor represents.".into());
                }
                if self.represents == subject {
                    return Err("An actor cannot represent itself.".into());
                }
                Fact::Represents(self.represents.clone())
            }
            Property::SeatThreshold
            | Property::TermYears
            | Property::CharterSigned
            | Property::InForce => {
                return Err("Seat rules and the body's dates are claims about the body.".into());
            }
        })
    }

    /// Shows `fact` in the inputs (a suggestion the user then checks).
    pub fn set(&mut self, d: &Dataset, fact: &Fact) {
        self.property = fact.property();
        match fact {
            Fact::Status(s) => self.status = *s,
            Fact::Role(r) => self.role = *r,
            // The old form of an invitation (see `one_meaning`): shown as the status.
            Fact::Invited(yes) => {
                self.property = Property::Status;
                self.status = Status::Invited;
                self.negated = !yes;
            }
            Fact::Represents(id) => self.represents = id.clone(),
            Fact::Office(text) => self.text = text.clone(),
            other => self.text = d.fact_label(other),
        }
    }

    /// The property picker and the value editor on one line.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, actor: &str) {
        let label = ui.label("Property");
        egui::ComboBox::from_id_salt("fact_property")
            .selected_text(self.property.label())
            .show_ui(ui, |ui| {
                for p in ACTOR_PROPERTIES {
                    ui.selectable_value(&mut self.property, p, p.label());
                }
            })
            .response
            .labelled_by(label.id);
        self.value_ui(ui, cx, actor);
    }

    /// The "not" switch: the claim denies the value ("not on the official list": not member).
    pub fn negation_ui(&mut self, ui: &mut egui::Ui) {
        ui.checkbox(&mut self.negated, "not").on_hover_text(
            "The source says this does not hold (\"not on the official list\"): it conflicts \
                 with a claim that it does",
        );
    }

    /// Marks the claims `edit` inserts as negative when the "not" switch is on.
    pub fn mark_negated(&self, edit: &mut Edit) {
        match edit {
            Edit::InsertClaim { claim, .. } => claim.negated = self.negated,
            Edit::Batch(edits) => edits.iter_mut().for_each(|e| self.mark_negated(e)),
            _ => {}
        }
    }

    /// Just the value editor, for the current property.
    pub fn value_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, actor: &str) {
        let d = cx.dataset;
        let label = ui.label("Value");
        let id = label.id;
        match self.property {
            Property::Status | Property::Invited => {
                enum_combo(
                    ui,
                    "fact_status",
                    &mut self.status,
                    Status::ALL,
                    |s| s.label(),
                    Some(id),
                );
            }
            Property::Role => {
                enum_combo(
                    ui,
                    "fact_role",
                    &mut self.role,
                    Role::ALL,
                    |r| r.label(),
                    Some(id),
                );
            }
            Property::Represents => {
                let current = d
                    .actor(&self.represents)
                    .map_or("pick…", |a| a.name.as_str());
                egui::ComboBox::from_id_salt("fact_represents")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        // Only states and organisations can be represented; at most a few hundred.
                        for a in d
                            .actors
                            .iter()
                            .filter(|a| a.id != actor && a.kind != crate::model::ActorKind::Person)
                        {
                            ui.selectable_value(&mut self.represents, a.id.clone(), &a.name);
                        }
                    })
                    .response
                    .labelled_by(id);
            }
            Property::Pledge | Property::Joined | Property::Office => {
                let hint = match self.property {
                    Property::Pledge => "1 billion USD",
                    Property::Joined => "2026-01-22",
                    _ => "Kremlin spokesman",
                };
                ui.add(
                    egui::TextEdit::singleline(&mut self.text)
                        .desired_width(160.0)
                        .hint_text(hint),
                )
                .labelled_by(id);
            }
            Property::SeatThreshold
            | Property::TermYears
            | Property::CharterSigned
            | Property::InForce => {}
        }
    }
}

/// A combo box over an enum's values.
pub fn enum_combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    salt: &str,
    value: &mut T,
    all: &[T],
    label: impl Fn(T) -> &'static str,
    labelled_by: Option<egui::Id>,
) -> bool {
    let mut changed = false;
    let response = egui::ComboBox::from_id_salt(salt)
        .selected_text(label(*value))
        .show_ui(ui, |ui| {
            for &v in all {
                changed |= ui.selectable_value(value, v, label(v)).changed();
            }
        });
    if let Some(id) = labelled_by {
        response.response.labelled_by(id);
    }
    changed
}

/// A combo box for a value that may be unknown ("—"); returns a newly picked value. Picking the
/// current value again is not a change.
pub fn pick_combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    salt: &str,
    current: Option<T>,
    all: &[T],
    label: impl Fn(T) -> &'static str,
    labelled_by: Option<egui::Id>,
) -> Option<T> {
    let mut picked = None;
    let response = egui::ComboBox::from_id_salt(salt)
        .selected_text(current.map_or("—", &label))
        .show_ui(ui, |ui| {
            for &v in all {
                if ui.selectable_label(current == Some(v), label(v)).clicked() && current != Some(v)
                {
                    picked = Some(v);
                }
            }
        });
    if let Some(id) = labelled_by {
        response.response.labelled_by(id);
    }
    picked
}

/// A filter: a label, then a combo of "any" or one value. The combo is named by the label,
/// for screen readers.
pub fn filter_combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    name: &str,
    value: &mut Option<T>,
    all: &[T],
    label: impl Fn(T) -> &'static str,
) {
    let caption = ui.label(name);
    egui::ComboBox::from_id_salt(("filter", name))
        .selected_text(value.map_or("any", &label))
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "any");
            for &v in all {
                ui.selectable_value(value, Some(v), label(v));
            }
        })
        .response
        .labelled_by(caption.id)
        .on_hover_text(format!("Show only what has this {}", name.to_lowercase()));
}
