//! What a hand edit cites: a source (or the editor's note), the date it speaks for, and a note.
//! Shared by in-place edits in the table and the detail pane.

use crate::model::{Dataset, EDITORS_NOTE, PartialDate};

#[derive(Clone, Debug)]
pub struct Citation {
    /// A source id, or [`EDITORS_NOTE`].
    pub source: String,
    /// As typed; checked when a claim is made.
    pub as_of: String,
    pub note: String,
}

impl Default for Citation {
    fn default() -> Self {
        Citation {
            source: EDITORS_NOTE.to_string(),
            as_of: chrono::Local::now().date_naive().to_string(),
            note: String::new(),
        }
    }
}

impl Citation {
    /// The as-of date, or why it is not one. Empty means "no date".
    pub fn date(&self) -> Result<Option<PartialDate>, String> {
        let text = self.as_of.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse().map(Some).map_err(|e| format!("As of: {e}"))
    }

    /// A source is valid if it still exists (it may have been deleted since it was picked).
    pub fn source_label(&self, d: &Dataset) -> String {
        source_label(d, &self.source)
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, d: &Dataset) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("New claims cite");
            egui::ComboBox::from_id_salt("citation_source")
                .selected_text(self.source_label(d))
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut self.source,
                        EDITORS_NOTE.to_string(),
                        source_label(d, EDITORS_NOTE),
                    );
                    for s in &d.sources {
                        ui.selectable_value(&mut self.source, s.id.clone(), source_label(d, &s.id));
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Every hand edit is recorded as a claim by this source");
            let label = ui.label("as of");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.as_of)
                    .desired_width(90.0)
                    .hint_text("2026-01-19"),
            );
            field
                .labelled_by(label.id)
                .on_hover_text("The day the claim speaks for: 2026, 2026-01 or 2026-01-19");
            if let Err(e) = self.date() {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Note");
            ui.add(
                egui::TextEdit::singleline(&mut self.note)
                    .desired_width(f32::INFINITY)
                    .hint_text("why (optional)"),
            )
            .labelled_by(label.id);
        });
    }
}

/// "DPA, 2026-01-19" or "Editor's note".
pub fn source_label(d: &Dataset, id: &str) -> String {
    if id == EDITORS_NOTE {
        return "Editor's note".to_string();
    }
    match d.source(id) {
        Some(s) => match s.published {
            Some(date) => format!("{}, {date}", s.outlet),
            None => s.outlet.clone(),
        },
        None => format!("{id} (missing)"),
    }
}
