//! Editing a cell in place: the editor (a text field or a combo box), and the edit it
//! makes (an actor's field, or a claim citing the chosen source), or why it is refused.

use super::RosterPanel;
use crate::model::data::money::parse_money;
use crate::model::data::ops::{hand_claim, update_actor};
use crate::model::{ActorKind, Fact, Property, Role, Status};
use crate::session::{Command, Select};
use crate::ui::citation::Citation;
use crate::ui::fact_input::{enum_combo, pick_combo};
use crate::ui::roster::table::{Column, Rows};
use crate::ui::shortcuts::{self, Action};
use crate::ui::view::ViewCtx;

impl RosterPanel {
    pub(super) fn start_edit(
        &mut self,
        cx: &ViewCtx<'_>,
        rows: Rows<'_>,
        row_index: usize,
        column: Column,
    ) {
        let dataset = cx.dataset;
        let row = &rows.rows[row_index];
        let actor = &dataset.actors[row.actor];
        let text = match column {
            Column::Name => actor.name.clone(),
            Column::Country => actor.country.clone(),
            Column::Pledge => match row.fact(dataset, Property::Pledge) {
                Some(Fact::Pledge(m)) => format!("{} {}", m.amount, m.currency),
                _ => String::new(),
            },
            _ => String::new(),
        };
        cx.select(Select::Actor(Some(actor.id.clone())));
        self.editing = Some(CellEdit {
            actor: actor.id.clone(),
            column,
            text,
            fresh: true,
        });
    }

    /// The editor inside a cell: a text field (Enter keeps, Escape cancels) or a combo box.
    pub(super) fn edit_cell(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        rows: Rows<'_>,
        row_index: usize,
    ) {
        let dataset = cx.dataset;
        // A hand edit on a sub-body's row is a claim about that sub-body.
        let body = crate::model::data::body::all(dataset)
            .nth(rows.body_of(row_index))
            .filter(|_| rows.body_of(row_index) > 0)
            .map(|b| b.id.clone());
        let Some(edit) = self.editing.as_mut() else {
            return;
        };
        let header = self
            .header_ids
            .iter()
            .find(|(c, _)| *c == edit.column)
            .map(|(_, id)| *id);
        let row = &rows.rows[row_index];
        let actor_at = row.actor;
        let target = CellTarget {
            actor_at,
            body: body.as_deref(),
            citation: &self.citation,
        };
        let mut commit: Option<Result<Command, String>> = None;
        match edit.column {
            Column::Name | Column::Country | Column::Pledge => match text_field(ui, edit, header) {
                Some(true) => {
                    commit = Some(target.text_commit(cx, edit.column, &edit.text));
                }
                Some(false) => {
                    self.editing = None;
                    return;
                }
                None => {}
            },
            Column::Kind => {
                let mut kind = dataset.actors[actor_at].kind;
                if enum_combo(
                    ui,
                    "cell_kind",
                    &mut kind,
                    ActorKind::ALL,
                    ActorKind::label,
                    header,
                ) {
                    let mut actor = dataset.actors[actor_at].clone();
                    actor.kind = kind;
                    commit = Some(
                        update_actor(dataset, actor_at, actor)
                            .map(|e| {
                                let name = &dataset.actors[actor_at].name;
                                Command::edit(e, format!("Set kind of {name}"))
                            })
                            .map_err(|e| e.to_string()),
                    );
                }
            }
            Column::Status => {
                let current = row.status(dataset);
                if let Some(status) = pick_combo(
                    ui,
                    "cell_status",
                    current,
                    Status::ALL,
                    Status::label,
                    header,
                ) {
                    commit = Some(target.claim_commit(cx, Fact::Status(status)));
                }
            }
            Column::Role => {
                let current = match row.fact(dataset, Property::Role) {
                    Some(Fact::Role(r)) => Some(*r),
                    _ => None,
                };
                if let Some(role) =
                    pick_combo(ui, "cell_role", current, Role::ALL, Role::label, header)
                {
                    commit = Some(target.claim_commit(cx, Fact::Role(role)));
                }
            }
            _ => {}
        }
        if let Some(commit) = commit {
            self.finish_edit(cx, commit);
        }
    }

    /// Sends the cell's edit and closes the editor, or keeps it open with why it is refused.
    pub(super) fn finish_edit(&mut self, cx: &ViewCtx<'_>, commit: Result<Command, String>) {
        match commit {
            Ok(command) => {
                cx.send(command);
                self.editing = None;
                self.refusal = None;
            }
            Err(why) => {
                // Refused in the field: the editor stays open with the text as typed.
                self.refusal = Some(why);
                if let Some(edit) = self.editing.as_mut() {
                    edit.fresh = true;
                }
            }
        }
    }
}

/// A cell being edited in place.
#[derive(Clone, Debug)]
pub(super) struct CellEdit {
    pub(super) actor: String,
    pub(super) column: Column,
    pub(super) text: String,
    /// Set on the first frame, to focus the field.
    pub(super) fresh: bool,
}

/// What a cell's edit changes: the row's actor (its position), the sub-body the row is about
/// (`None`: the main body), and the source a claim made by hand cites.
pub(super) struct CellTarget<'a> {
    pub(super) actor_at: usize,
    pub(super) body: Option<&'a str>,
    pub(super) citation: &'a Citation,
}

impl CellTarget<'_> {
    /// A text cell's new value as a command, or why it is refused.
    fn text_commit(&self, cx: &ViewCtx<'_>, column: Column, text: &str) -> Result<Command, String> {
        let (dataset, actor_at) = (cx.dataset, self.actor_at);
        let old = &dataset.actors[actor_at];
        match column {
            Column::Name | Column::Country => {
                let mut actor = old.clone();
                if column == Column::Name {
                    actor.name = text.to_string();
                } else {
                    actor.country = text.trim().to_string();
                }
                let label = format!("Edit {} of {}", column.title().to_lowercase(), old.name);
                update_actor(dataset, actor_at, actor)
                    .map(|e| Command::edit(e, label))
                    .map_err(|e| e.to_string())
            }
            Column::Pledge => {
                let money = parse_money(text).map_err(|e| format!("Pledge not saved: {e}"))?;
                self.claim_commit(cx, Fact::Pledge(money))
            }
            _ => Err("This cell cannot be edited.".into()),
        }
    }

    /// A hand edit of a claim-backed cell becomes a claim citing the chosen source.
    fn claim_commit(&self, cx: &ViewCtx<'_>, fact: Fact) -> Result<Command, String> {
        let (dataset, index) = (cx.dataset, &cx.derived.index);
        let (source, as_of) = self.citation.resolve(dataset)?;
        let actor = &dataset.actors[self.actor_at];
        let label = format!(
            "Set {} of {} to {}",
            fact.property().label(),
            actor.name,
            dataset.fact_label(&fact)
        );
        let mut edit = hand_claim(
            dataset,
            index,
            &actor.id,
            fact,
            &source,
            as_of,
            &self.citation.note,
        );
        if let crate::model::Edit::InsertClaim { claim, .. } = &mut edit {
            claim.body = self.body.map(str::to_string);
        }
        Ok(Command::edit(edit, label))
    }
}

pub(super) fn editable(column: Column) -> bool {
    matches!(
        column,
        Column::Name
            | Column::Kind
            | Column::Country
            | Column::Role
            | Column::Status
            | Column::Pledge
    )
}

/// A cell's text field: `Some(true)` when Enter keeps the text, `Some(false)` when the field
/// is left otherwise (Escape cancels), `None` while it is being typed in.
pub(super) fn text_field(
    ui: &mut egui::Ui,
    edit: &mut CellEdit,
    header: Option<egui::Id>,
) -> Option<bool> {
    let field = ui.add(
        egui::TextEdit::singleline(&mut edit.text)
            .desired_width(f32::INFINITY)
            .hint_text(if edit.column == Column::Pledge {
                "1 billion USD"
            } else {
                ""
            }),
    );
    let field = match header {
        Some(id) => field.labelled_by(id),
        None => field,
    };
    let field = field.on_hover_text("Enter to keep, Escape to cancel");
    if std::mem::take(&mut edit.fresh) {
        field.request_focus();
    }
    field
        .lost_focus()
        .then(|| shortcuts::pressed_here(ui, Action::Keep))
}
