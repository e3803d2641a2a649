//! The Bodies window, opened from the Roster: rename the main body and its sub-bodies, set a
//! sub-body's parent, add or remove one. Every change is one edit (so Ctrl+Z undoes it),
//! refused with the reason when it cannot be made; removing a body that claims name asks first.

use crate::model::data::body::{
    add_body, all, claims_naming, milestone_claim, remove_body, rename_body, set_parent,
};
use crate::model::{Body, Dataset, EDITORS_NOTE, Edit, Fact, PartialDate};
use crate::ui::shortcuts;
use crate::ui::view::ViewCtx;

/// An edit to make, with its label, or why it is refused.
type Made = Result<(Edit, String), String>;

#[derive(Debug, Default)]
pub struct BodiesWindow {
    pub open: bool,
    /// Names as typed, by body id, until applied.
    names: Vec<(String, String)>,
    new_name: String,
    new_parent: Option<String>,
    /// A dated milestone being entered: which body, the charter's signing (else entry into
    /// force), the day, and the source that says so.
    date_body: Option<String>,
    date_signed: bool,
    date_text: String,
    date_source: Option<String>,
    /// Why the last change was refused.
    refusal: Option<String>,
    /// A sub-body whose removal waits for the editor's word, by id, with the number of claims
    /// that name it (removed with it).
    removing: Option<(String, usize)>,
}

impl BodiesWindow {
    /// Shows the window when open; returns the edit to make, with its label.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &ViewCtx<'_>) -> Option<(Edit, String)> {
        if !self.open {
            return None;
        }
        let mut open = true;
        let mut out = None;
        egui::Window::new("Bodies")
            .open(&mut open)
            .resizable(true)
            .default_width(560.0)
            // Centred, not pinned over the menu at the top left.
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                ui.weak("The main body and its sub-bodies. A claim may name the body it is about.");
                if let Some(made) = self.bodies_grid(ui, cx) {
                    out = Some(made);
                }
                if let Some(made) = self.ask_removal(ui, cx) {
                    out = Some(made);
                }
                ui.separator();
                if let Some(made) = self.new_body_row(ui, cx) {
                    out = Some(made);
                }
                ui.separator();
                if let Some(made) = self.date_row(ui, cx) {
                    out = Some(made);
                }
                if let Some(why) = &self.refusal {
                    ui.colored_label(ui.visuals().error_fg_color, why);
                }
            });
        if !open {
            self.open = false;
            self.names.clear();
            self.refusal = None;
            self.removing = None;
        }
        match out {
            Some(Ok((edit, label))) => {
                self.refusal = None;
                match &edit {
                    Edit::InsertBody { .. } => self.new_name.clear(),
                    Edit::InsertClaim { .. } => self.date_text.clear(),
                    _ => {}
                }
                // Typed names are read again from the dataset after the change.
                self.names.clear();
                Some((edit, label))
            }
            Some(Err(why)) => {
                self.refusal = Some(why);
                None
            }
            None => None,
        }
    }

    /// The bodies, a row each: name (renamed in place), what it is part of, remove.
    fn bodies_grid(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) -> Option<Made> {
        let d = cx.dataset;
        let mut out = None;
        egui::Grid::new("bodies_grid")
            .num_columns(4)
            .striped(true)
            .show(ui, |ui| {
                let name_header = ui.strong("Name").id;
                let parent_header = ui.strong("Part of").id;
                ui.label("");
                ui.end_row();
                for (at, body) in all(d).enumerate() {
                    if let Some(made) = self.body_row(ui, d, at, body, [name_header, parent_header])
                    {
                        out = Some(made);
                    }
                    ui.end_row();
                }
            });
        out
    }

    /// One body's row; `headers` name its name and parent fields.
    fn body_row(
        &mut self,
        ui: &mut egui::Ui,
        d: &Dataset,
        at: usize,
        body: &Body,
        headers: [egui::Id; 2],
    ) -> Option<Made> {
        let [name_header, parent_header] = headers;
        let mut out = None;
        let typed = match self.names.iter().position(|(id, _)| *id == body.id) {
            Some(i) => i,
            None => {
                self.names.push((body.id.clone(), body.name.clone()));
                self.names.len() - 1
            }
        };
        let field = ui.add(
            // A grid cell offers only the header's width ("Name"):
            // without a minimum the names were cut to four letters.
            egui::TextEdit::singleline(&mut self.names[typed].1)
                .desired_width(260.0)
                .min_size(egui::vec2(260.0, 0.0)),
        );
        let field = field
            .labelled_by(name_header)
            .on_hover_text(format!("id {}", body.id));
        let renamed = self.names[typed].1.trim() != body.name;
        if at == 0 {
            ui.weak("the main body");
        } else {
            let current = body.parent.clone();
            let mut parent = current.clone();
            let label = |p: &Option<String>| {
                p.as_deref()
                    .and_then(|id| d.body_by_id(id))
                    .map_or_else(|| "—".to_string(), |b| b.name.clone())
            };
            egui::ComboBox::from_id_salt(("body_parent", &body.id))
                .selected_text(label(&parent))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut parent, None, "—");
                    for other in all(d).filter(|b| b.id != body.id) {
                        ui.selectable_value(&mut parent, Some(other.id.clone()), &other.name);
                    }
                })
                .response
                .labelled_by(parent_header);
            if parent != current {
                out = Some(
                    set_parent(d, &body.id, parent.as_deref())
                        .map(|e| (e, format!("Set the parent of {}", body.name)))
                        .map_err(|e| e.to_string()),
                );
            }
        }
        let enter = shortcuts::entered(ui, &field);
        if ui
            .add_enabled(renamed, egui::Button::new("Rename"))
            .clicked()
            || (renamed && enter)
        {
            let name = self.names[typed].1.clone();
            out = Some(
                rename_body(d, &body.id, &name)
                    .map(|e| (e, format!("Rename {} to {}", body.name, name.trim())))
                    .map_err(|e| e.to_string()),
            );
        }
        if at > 0
            && ui
                .button("Remove")
                .on_hover_text(format!("Remove {}", body.name))
                .clicked()
        {
            // Claims are counted on the click, never per frame.
            match claims_naming(d, &body.id).len() {
                0 => {
                    out = Some(
                        remove_body(d, &body.id, false)
                            .map(|e| (e, format!("Remove body {}", body.name)))
                            .map_err(|e| e.to_string()),
                    );
                }
                n => self.removing = Some((body.id.clone(), n)),
            }
        }
        out
    }

    /// A new sub-body: its name and what it is part of.
    fn new_body_row(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) -> Option<Made> {
        let d = cx.dataset;
        let mut out = None;
        ui.horizontal(|ui| {
            let label = ui.label("New sub-body");
            ui.add(
                egui::TextEdit::singleline(&mut self.new_name)
                    .desired_width(160.0)
                    .hint_text("Executive Board"),
            )
            .labelled_by(label.id);
            let parent_name = self
                .new_parent
                .as_deref()
                .and_then(|id| d.body_by_id(id))
                .map_or_else(|| d.body.name.clone(), |b| b.name.clone());
            let part_of = ui.label("part of");
            egui::ComboBox::from_id_salt("new_body_parent")
                .selected_text(parent_name)
                .show_ui(ui, |ui| {
                    for b in all(d) {
                        ui.selectable_value(&mut self.new_parent, Some(b.id.clone()), &b.name);
                    }
                })
                .response
                .labelled_by(part_of.id);
            if ui.button("Add body").clicked() {
                let name = self.new_name.trim().to_string();
                out = Some(
                    add_body(d, &name, self.new_parent.as_deref())
                        .map(|e| (e, format!("Add body {name}")))
                        .map_err(|e| e.to_string()),
                );
            }
        });
        out
    }

    /// The question before a body that claims name is removed: remove them with it, or not.
    fn ask_removal(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) -> Option<Made> {
        let d = cx.dataset;
        let (id, n) = self.removing.clone()?;
        let Some(body) = d.body_by_id(&id) else {
            self.removing = None; // Gone meanwhile (an undo): nothing to ask.
            return None;
        };
        let mut made = None;
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "{n} claim{} name{} {}: remove {} with it?",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" },
                    body.name,
                    if n == 1 { "it" } else { "them" },
                ),
            );
            if ui.button("Remove with its claims").clicked() {
                made = Some(
                    remove_body(d, &id, true)
                        .map(|e| (e, format!("Remove body {} and {n} claim(s)", body.name)))
                        .map_err(|e| e.to_string()),
                );
                self.removing = None;
            }
            if ui.button("Keep it").clicked() {
                self.removing = None;
            }
        });
        made
    }

    /// A body's date as a claim: entry into force or the charter's signing, on a day, citing
    /// a source (or the editor's note).
    fn date_row(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) -> Option<Made> {
        let (d, index) = (cx.dataset, &cx.derived.index);
        let mut made = None;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Date of");
            let body_id = self.date_body.clone().unwrap_or_else(|| d.body.id.clone());
            let body_name = d
                .body_by_id(&body_id)
                .map_or(body_id.as_str(), |b| b.name.as_str());
            egui::ComboBox::from_id_salt("date_body")
                .selected_text(body_name)
                .show_ui(ui, |ui| {
                    for b in all(d) {
                        ui.selectable_value(&mut self.date_body, Some(b.id.clone()), &b.name);
                    }
                })
                .response
                .labelled_by(label.id);
            let what = ui.label("milestone");
            egui::ComboBox::from_id_salt("date_kind")
                .selected_text(if self.date_signed {
                    "charter signed"
                } else {
                    "entry into force"
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.date_signed, false, "entry into force");
                    ui.selectable_value(&mut self.date_signed, true, "charter signed");
                })
                .response
                .labelled_by(what.id);
            let on = ui.label("on");
            ui.add(
                egui::TextEdit::singleline(&mut self.date_text)
                    .desired_width(90.0)
                    .hint_text("2026-01-22"),
            )
            .labelled_by(on.id);
            let per = ui.label("per");
            let source = self
                .date_source
                .clone()
                .unwrap_or_else(|| EDITORS_NOTE.to_string());
            let source_name = d
                .source(&source)
                .map_or_else(|| "editor's note".to_string(), |s| s.name().to_string());
            egui::ComboBox::from_id_salt("date_source")
                .selected_text(source_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.date_source, None, "editor's note");
                    for s in &d.sources {
                        ui.selectable_value(&mut self.date_source, Some(s.id.clone()), s.name());
                    }
                })
                .response
                .labelled_by(per.id);
            if ui.button("Add date").clicked() {
                made = Some(
                    self.date_text
                        .trim()
                        .parse::<PartialDate>()
                        .map_err(|e| e.to_string())
                        .and_then(|day| {
                            let fact = if self.date_signed {
                                Fact::CharterSigned(day)
                            } else {
                                Fact::InForce(day)
                            };
                            let label =
                                format!("{} of {body_name}: {day}", fact.property().label());
                            milestone_claim(d, index, &body_id, fact, &source, None, "")
                                .map(|e| (e, label))
                                .map_err(|e| e.to_string())
                        }),
                );
            }
        });
        made
    }
}
