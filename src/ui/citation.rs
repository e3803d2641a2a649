//! What a hand edit cites: a source (or the editor's note), the date it speaks for, and a note.
//! Shared by in-place edits in the table and the detail pane.

use crate::model::{Dataset, Derived, EDITORS_NOTE, PartialDate};
use crate::ui::view::ViewCtx;

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
    /// The source and date a new claim cites, or why they cannot be used: the source may have
    /// been deleted since it was picked.
    pub fn resolve(&self, d: &Dataset) -> Result<(String, Option<PartialDate>), String> {
        if self.source != EDITORS_NOTE && d.source(&self.source).is_none() {
            return Err(
                "The cited source no longer exists: pick another under \"New claims cite\".".into(),
            );
        }
        Ok((self.source.clone(), self.date()?))
    }

    /// The as-of date, or why it is not one. Empty means "no date".
    pub fn date(&self) -> Result<Option<PartialDate>, String> {
        let text = self.as_of.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse().map(Some).map_err(|e| format!("As of: {e}"))
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("New claims cite");
            egui::ComboBox::from_id_salt("citation_source")
                .selected_text(source_label(derived, d, &self.source))
                .width(220.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut self.source,
                        EDITORS_NOTE.to_string(),
                        source_label(derived, d, EDITORS_NOTE),
                    );
                    for s in &d.sources {
                        ui.selectable_value(
                            &mut self.source,
                            s.id.clone(),
                            source_label(derived, d, &s.id),
                        );
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

/// "DPA, 2026-01-19" or "Editor's note" (looked up through the index: used every frame).
pub fn source_label(derived: &Derived, d: &Dataset, id: &str) -> String {
    if id == EDITORS_NOTE {
        return "Editor's note".to_string();
    }
    match derived.source(d, id) {
        Some(s) => {
            let mut label = match s.published {
                Some(date) => format!("{}, {date}", s.name()),
                None => s.name().to_string(),
            };
            let standing = d.source_standing(s);
            if !standing.is_empty() {
                label.push_str(&format!(" ({standing})"));
            }
            label
        }
        None => format!("{id} (missing)"),
    }
}
