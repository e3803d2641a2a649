//! The window for importing a new source (pasted text or a .txt, .md or .html file) or editing
//! one: outlet, title, date, address, note, reliability, what it relays, and text.

use crate::model::data::source_ops::SourceDraft;
use crate::model::text::looks_like_html;
use crate::model::{PartialDate, Reliability};
use crate::ui::file_menu::Picked;
use crate::ui::shortcuts::{self, Action};

pub enum FormOutcome {
    /// The user confirmed: the draft to import, or to store over the source with this id.
    Done(SourceDraft),
    Cancelled,
    /// Show the source with this id instead (its text is the one being imported).
    ShowSource(String),
}

pub struct SourceForm {
    /// The source being edited, by id; `None` for an import.
    pub editing: Option<String>,
    pub outlet: String,
    pub title: String,
    pub date: String,
    pub url: String,
    pub note: String,
    pub text: String,
    pub html: bool,
    /// `None`: the outlet's default.
    pub reliability: Option<Reliability>,
    /// Make the reliability the outlet's default.
    pub outlet_default: bool,
    pub relays: String,
    /// The language the text is read in; `None`: as detected.
    pub language: Option<String>,
    /// The language detected in the text, and the text's length it was detected at: worked
    /// out when the text changes, not every frame.
    detected: Option<(usize, String)>,
    pub error: Option<String>,
    /// The article's path as typed, where no file dialog can appear (no desktop portal).
    pub typed_path: Option<String>,
    /// The source that already holds the text being imported: the form offers to show it.
    pub held_by: Option<String>,
    fresh: bool,
}

impl SourceForm {
    pub fn import() -> Self {
        SourceForm {
            editing: None,
            outlet: String::new(),
            title: String::new(),
            date: String::new(),
            url: String::new(),
            note: String::new(),
            text: String::new(),
            html: false,
            reliability: None,
            outlet_default: false,
            relays: String::new(),
            language: None,
            detected: None,
            error: None,
            typed_path: None,
            held_by: None,
            fresh: true,
        }
    }

    pub fn edit(id: &str, draft: SourceDraft) -> Self {
        SourceForm {
            editing: Some(id.to_string()),
            outlet: draft.outlet,
            title: draft.title,
            date: draft.published.map(|d| d.to_string()).unwrap_or_default(),
            url: draft.url,
            note: draft.note,
            text: draft.text,
            html: false,
            reliability: draft.reliability,
            outlet_default: false,
            relays: draft.relays,
            language: draft.language,
            detected: None,
            error: None,
            typed_path: None,
            held_by: None,
            fresh: true,
        }
    }

    /// The draft, or why the form cannot be used yet.
    fn draft(&self) -> Result<SourceDraft, String> {
        let date = self.date.trim();
        let published = if date.is_empty() {
            None
        } else {
            Some(
                date.parse::<PartialDate>()
                    .map_err(|e| format!("Published: {e}"))?,
            )
        };
        Ok(SourceDraft {
            outlet: self.outlet.clone(),
            title: self.title.clone(),
            published,
            url: self.url.clone(),
            note: self.note.clone(),
            text: self.text.clone(),
            html: self.html,
            reliability: self.reliability,
            relays: self.relays.clone(),
            outlet_default: self.outlet_default,
            language: self.language.clone(),
        })
    }

    /// Picks an article file in the desktop's dialog, or, where none can appear, opens a
    /// field to type its path in.
    fn open_file(&mut self) {
        match crate::ui::file_menu::article_dialog() {
            Picked::Path(path) => self.read_file(&path),
            Picked::NoDialog => self.typed_path = Some(String::new()),
            Picked::Cancelled => {}
        }
    }

    /// Reads an article file into the form (its name as the title if none is given yet).
    fn read_file(&mut self, path: &std::path::Path) {
        // Through the session, the one way to files: the bounded reader.
        match crate::session::read_article(path) {
            Ok(article) => {
                self.text = article.raw;
                self.html = article.html;
                if self.title.trim().is_empty()
                    && let Some(stem) = path.file_stem()
                {
                    self.title = stem.to_string_lossy().into_owned();
                }
                self.error = None;
            }
            Err(e) => self.error = Some(format!("Could not read {e}")),
        }
    }

    /// Outlet, title, date, address, note, reliability, what it relays.
    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        egui::Grid::new("source_form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let fields: [(&str, &mut String, &str); 4] = [
                    ("Outlet", &mut self.outlet, "DPA"),
                    ("Title", &mut self.title, "Putin invited to join the board"),
                    ("Published", &mut self.date, "2026-01-19, 2026-01 or 2026"),
                    ("Address", &mut self.url, "https://…"),
                ];
                for (i, (name, value, hint)) in fields.into_iter().enumerate() {
                    let label = ui.label(name);
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(value)
                                .hint_text(hint)
                                .desired_width(420.0),
                        )
                        .labelled_by(label.id);
                    if i == 0 && self.fresh {
                        r.request_focus();
                        self.fresh = false;
                    }
                    ui.end_row();
                }
                let label = ui.label("Note");
                ui.add(
                    egui::TextEdit::singleline(&mut self.note)
                        .hint_text("what you know about the source itself")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Reliability");
                let shown = self
                    .reliability
                    .map_or("outlet's default", Reliability::label);
                ui.horizontal(|ui| {
                    egui::ComboBox::from_id_salt("source_reliability")
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut self.reliability, None, "outlet's default");
                            for &r in Reliability::ALL.iter().rev() {
                                ui.selectable_value(&mut self.reliability, Some(r), r.label());
                            }
                        })
                        .response
                        .labelled_by(label.id)
                        .on_hover_text(
                            "High: a wire service or an official list; low: an aggregator. \
                         Among claims of equal rank the more reliable source wins; a \
                         less reliable one that disagrees is shown as a conflict.",
                        );
                    ui.add_enabled(
                        self.reliability.is_some(),
                        egui::Checkbox::new(&mut self.outlet_default, "default for this outlet"),
                    )
                    .on_hover_text(
                        "The outlet's other sources without a grade of their own take it",
                    );
                });
                ui.end_row();
                let label = ui.label("Relays");
                ui.add(
                    egui::TextEdit::singleline(&mut self.relays)
                        .hint_text("whose report it repeats: Bloomberg, the Board's statement")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                self.language_ui(ui);
            });
    }

    /// The language the suggestions read the text in: as detected (shown), or one chosen.
    fn language_ui(&mut self, ui: &mut egui::Ui) {
        let rules = crate::model::extract::built_in_rules();
        let len = self.text.len();
        if self.detected.as_ref().is_none_or(|(at, _)| *at != len) {
            self.detected = Some((len, rules.detect(&self.text).to_string()));
        }
        let detected = self.detected.as_ref().map_or("en", |(_, l)| l.as_str());
        let auto = format!("detected: {detected}");
        let label = ui.label("Language");
        egui::ComboBox::from_id_salt("source_language")
            .selected_text(self.language.clone().unwrap_or_else(|| auto.clone()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.language, None, auto.as_str());
                for l in rules.languages() {
                    ui.selectable_value(&mut self.language, Some(l.to_string()), l);
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "The language the suggestions read the text in: the rule tables of that \
                 language (and English's). Detected from the text unless you choose one.",
            );
        ui.end_row();
    }

    /// The article's text: pasted, or read from a file.
    fn text_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label("Text");
            if ui
                .button("Open file…")
                .on_hover_text("Read a .txt, .md or .html article into the text below")
                .clicked()
            {
                self.open_file();
            }
            ui.checkbox(&mut self.html, "Text is HTML")
                .on_hover_text("Strip tags and decode entities when stored");
            ui.label(
                egui::RichText::new(format!("{} characters", self.text.chars().count())).weak(),
            );
        });
        let mut read = None;
        if let Some(typed) = &mut self.typed_path {
            ui.horizontal(|ui| {
                let label = ui.label("Path of the article:");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(typed)
                            .hint_text("saves/report.txt")
                            .desired_width(300.0),
                    )
                    .labelled_by(label.id)
                    .on_hover_text("No file dialog can open here: type the file's path");
                let enter = shortcuts::entered(ui, &field);
                if (ui.button("Read").clicked() || enter) && !typed.trim().is_empty() {
                    read = Some(std::path::PathBuf::from(typed.trim()));
                }
            });
        }
        if let Some(path) = read {
            self.typed_path = None;
            self.read_file(&path);
            if self.error.is_some() {
                // A path mistyped stays in its field, with the reason above.
                self.typed_path = Some(path.display().to_string());
            }
        }
        let text_label = ui.label(
            egui::RichText::new(
                "Paste the article here. It is stored with whitespace tidied; \
                 quotes are anchored in the stored text.",
            )
            .weak()
            .small(),
        );
        egui::ScrollArea::vertical()
            .max_height(280.0)
            .show(ui, |ui| {
                let r = ui
                    .add(
                        egui::TextEdit::multiline(&mut self.text)
                            .desired_rows(12)
                            .desired_width(f32::INFINITY)
                            .hint_text("Article text"),
                    )
                    .labelled_by(text_label.id);
                if r.changed() && self.editing.is_none() && looks_like_html(&self.text) {
                    self.html = true;
                }
            });
        if self.editing.is_some() {
            ui.label(
                egui::RichText::new(
                    "Changing the text re-anchors quotes whose words moved; quotes whose \
                     words are gone are flagged orphaned, never dropped.",
                )
                .weak()
                .small(),
            );
        }
    }

    /// The window; `Some` once the user confirms or cancels.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<FormOutcome> {
        let mut outcome = None;
        // Escape in a text field only leaves the field; pasted text is never lost to it. Read
        // before the fields run, as a field gives up the keyboard on the Escape itself.
        let typing = ui.ctx().egui_wants_keyboard_input();
        let title = if self.editing.is_some() {
            "Edit source"
        } else {
            "Import source"
        };
        let mut open = true;
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ui.ctx(), |ui| {
                self.fields_ui(ui);
                self.text_ui(ui);
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                if let Some(id) = &self.held_by
                    && ui
                        .button("Show that source")
                        .on_hover_text("Close this form and show the source that has this text")
                        .clicked()
                {
                    outcome = Some(FormOutcome::ShowSource(id.clone()));
                }
                ui.separator();
                ui.horizontal(|ui| {
                    let confirm = if self.editing.is_some() {
                        "Save source"
                    } else {
                        "Import"
                    };
                    if ui.button(confirm).clicked() {
                        match self.draft() {
                            Ok(draft) => outcome = Some(FormOutcome::Done(draft)),
                            Err(e) => self.error = Some(e),
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        outcome = Some(FormOutcome::Cancelled);
                    }
                });
            });
        if !open || (!typing && shortcuts::pressed_here(ui, Action::Cancel)) {
            outcome = Some(FormOutcome::Cancelled);
        }
        outcome
    }
}
