//! The Bodies window, opened from the Roster: rename the main body and its sub-bodies, set a
//! sub-body's parent, add one. Every change is one edit (so Ctrl+Z undoes it), refused with the
//! reason when it cannot be made.

use crate::model::body::{add_body, all, rename_body, set_parent};
use crate::model::{Dataset, Edit};

#[derive(Debug, Default)]
pub struct BodiesWindow {
    pub open: bool,
    /// Names as typed, by body id, until applied.
    names: Vec<(String, String)>,
    new_name: String,
    new_parent: Option<String>,
    /// Why the last change was refused.
    refusal: Option<String>,
}

impl BodiesWindow {
    /// Shows the window when open; returns the edit to make, with its label.
    pub fn ui(&mut self, ctx: &egui::Context, d: &Dataset) -> Option<(Edit, String)> {
        if !self.open {
            return None;
        }
        let mut open = true;
        let mut out = None;
        egui::Window::new("Bodies")
            .open(&mut open)
            .resizable(true)
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.weak("The main body and its sub-bodies. A claim may name the body it is about.");
                egui::Grid::new("bodies_grid")
                    .num_columns(3)
                    .striped(true)
                    .show(ui, |ui| {
                        let name_header = ui.strong("Name").id;
                        let parent_header = ui.strong("Part of").id;
                        ui.label("");
                        ui.end_row();
                        for (at, body) in all(d).enumerate() {
                            let typed = match self.names.iter().position(|(id, _)| *id == body.id) {
                                Some(i) => i,
                                None => {
                                    self.names.push((body.id.clone(), body.name.clone()));
                                    self.names.len() - 1
                                }
                            };
                            let field = ui.add(
                                egui::TextEdit::singleline(&mut self.names[typed].1)
                                    .desired_width(200.0),
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
                                            ui.selectable_value(
                                                &mut parent,
                                                Some(other.id.clone()),
                                                &other.name,
                                            );
                                        }
                                    })
                                    .response
                                    .labelled_by(parent_header);
                                if parent != current {
                                    out =
                                        Some(set_parent(d, &body.id, parent.as_deref()).map(|e| {
                                            (e, format!("Set the parent of {}", body.name))
                                        }));
                                }
                            }
                            let enter =
                                field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                            if ui
                                .add_enabled(renamed, egui::Button::new("Rename"))
                                .clicked()
                                || (renamed && enter)
                            {
                                let name = self.names[typed].1.clone();
                                out = Some(rename_body(d, &body.id, &name).map(|e| {
                                    (e, format!("Rename {} to {}", body.name, name.trim()))
                                }));
                            }
                            ui.end_row();
                        }
                    });
                ui.separator();
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
                                ui.selectable_value(
                                    &mut self.new_parent,
                                    Some(b.id.clone()),
                                    &b.name,
                                );
                            }
                        })
                        .response
                        .labelled_by(part_of.id);
                    if ui.button("Add body").clicked() {
                        let name = self.new_name.trim().to_string();
                        out = Some(
                            add_body(d, &name, self.new_parent.as_deref())
                                .map(|e| (e, format!("Add body {name}"))),
                        );
                    }
                });
                if let Some(why) = &self.refusal {
                    ui.colored_label(ui.visuals().error_fg_color, why);
                }
            });
        if !open {
            self.open = false;
            self.names.clear();
            self.refusal = None;
        }
        match out {
            Some(Ok((edit, label))) => {
                self.refusal = None;
                if matches!(edit, Edit::InsertBody { .. }) {
                    self.new_name.clear();
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
}
