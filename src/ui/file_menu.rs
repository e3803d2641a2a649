//! File ▸ Open / Save / Save As, through native dialogs (rfd) or a typed path, so every action
//! is reachable where no dialog can appear (a bare X server, a test).

use std::path::PathBuf;

use super::shortcuts;
use crate::document::{Document, saves_dir};

#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    /// Start an empty dataset.
    New,
    /// Close the window.
    Quit,
    /// Ask for a file with the native dialog, then open it.
    ChooseOpen,
    /// Ask for a file name with the native dialog, then save there.
    ChooseSaveAs,
    /// Save to the current file, or ask where when there is none.
    Save,
    /// Show the window where a path can be typed.
    TypePath(PathPurpose),
    Open(PathBuf),
    SaveAs(PathBuf),
    /// Ask where with the native dialog, then export there.
    ChooseExport(ExportKind),
    Export(ExportKind, PathBuf),
    /// Ask for a note, then freeze the dataset into `saves/`.
    TakeSnapshot,
    /// Show or hide the list of snapshots.
    ToggleSnapshots,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Export(ExportKind),
}

/// What can be handed to people who do not run the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Csv,
    Markdown,
    Png,
}

impl ExportKind {
    pub fn title(self) -> &'static str {
        match self {
            ExportKind::Csv => "Export roster as CSV",
            ExportKind::Markdown => "Export report as Markdown",
            ExportKind::Png => "Export image of this panel",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Csv => "csv",
            ExportKind::Markdown => "md",
            ExportKind::Png => "png",
        }
    }

    fn file_stem(self) -> &'static str {
        match self {
            ExportKind::Csv => "roster",
            ExportKind::Markdown => "report",
            ExportKind::Png => "panel",
        }
    }
}

#[derive(Debug, Default)]
pub struct FileMenu {
    /// The typed-path window, when open: what it is for and the text typed so far.
    typed: Option<(PathPurpose, String)>,
    /// Set when the typed-path window opens: focus the field with its text selected, so that
    /// typing replaces the suggestion.
    select_typed: bool,
    /// A load error to show in full (they can run to several lines).
    pub error: Option<String>,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
}

impl FileMenu {
    pub fn menu(&mut self, ui: &mut egui::Ui) -> Option<FileAction> {
        let mut action = None;
        ui.menu_button("File", |ui| {
            let ctx = ui.ctx().clone();
            let keys = |s| ctx.format_shortcut(s);
            if ui
                .button("New dataset")
                .on_hover_text("Start an empty dataset")
                .clicked()
            {
                action = Some(FileAction::New);
            }
            if ui
                .add(egui::Button::new("Open…").shortcut_text(keys(&shortcuts::OPEN)))
                .clicked()
            {
                action = Some(FileAction::ChooseOpen);
            }
            if ui
                .button("Open by path…")
                .on_hover_text("Type the path of a dataset file")
                .clicked()
            {
                action = Some(FileAction::TypePath(PathPurpose::Open));
            }
            ui.add_enabled_ui(!self.recent.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in &self.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            action = Some(FileAction::Open(path.clone()));
                        }
                    }
                });
            });
            ui.separator();
            if ui
                .add(egui::Button::new("Save").shortcut_text(keys(&shortcuts::SAVE)))
                .clicked()
            {
                action = Some(FileAction::Save);
            }
            if ui
                .add(egui::Button::new("Save As…").shortcut_text(keys(&shortcuts::SAVE_AS)))
                .clicked()
            {
                action = Some(FileAction::ChooseSaveAs);
            }
            if ui
                .button("Save as path…")
                .on_hover_text("Type the path to save to")
                .clicked()
            {
                action = Some(FileAction::TypePath(PathPurpose::SaveAs));
            }
            ui.separator();
            if ui
                .button("Take snapshot…")
                .on_hover_text("Freeze the dataset as it is shown now, with a note")
                .clicked()
            {
                action = Some(FileAction::TakeSnapshot);
            }
            if ui
                .button("Snapshots…")
                .on_hover_text("List, open, compare and restore snapshots")
                .clicked()
            {
                action = Some(FileAction::ToggleSnapshots);
            }
            ui.menu_button("Export", |ui| {
                for kind in [ExportKind::Csv, ExportKind::Markdown, ExportKind::Png] {
                    if ui.button(format!("{}…", kind.title())).clicked() {
                        action = Some(FileAction::ChooseExport(kind));
                    }
                    if ui.button(format!("{} by path…", kind.title())).clicked() {
                        action = Some(FileAction::TypePath(PathPurpose::Export(kind)));
                    }
                }
            });
            ui.separator();
            if ui.button("Quit").clicked() {
                action = Some(FileAction::Quit);
            }
        });
        action
    }

    /// The typed-path window and the error window, when open.
    pub fn dialogs(&mut self, ui: &mut egui::Ui) -> Option<FileAction> {
        let mut action = None;
        if let Some((purpose, text)) = &mut self.typed {
            let select = &mut self.select_typed;
            let title = match purpose {
                PathPurpose::Open => "Open dataset",
                PathPurpose::SaveAs => "Save dataset as",
                PathPurpose::Export(kind) => kind.title(),
            };
            let prompt = match purpose {
                PathPurpose::Export(_) => "Path of the file:",
                _ => "Path of the RON file:",
            };
            let mut open = true;
            let mut done = false;
            egui::Window::new(title)
                .collapsible(false)
                .resizable(false)
                .anchor(egui::Align2::CENTER_TOP, [0.0, 120.0])
                .open(&mut open)
                .show(ui.ctx(), |ui| {
                    let label = ui.label(prompt);
                    let mut output = egui::TextEdit::singleline(text)
                        .desired_width(420.0)
                        .hint_text("saves/board.ron")
                        .show(ui);
                    let edit = output.response.response.clone().labelled_by(label.id);
                    if std::mem::take(select) {
                        edit.request_focus();
                        let all = egui::text::CCursorRange::select_all_str(text);
                        output.state.cursor.set_char_range(Some(all));
                        output.state.store(ui.ctx(), edit.id);
                    }
                    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        let ok = ui.add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(title.split(' ').next().unwrap_or("OK")),
                        );
                        if (ok.clicked() || enter) && !text.trim().is_empty() {
                            let path = PathBuf::from(text.trim());
                            action = Some(match purpose {
                                PathPurpose::Open => FileAction::Open(path),
                                PathPurpose::SaveAs => FileAction::SaveAs(path),
                                PathPurpose::Export(kind) => FileAction::Export(*kind, path),
                            });
                            done = true;
                        }
                        if ui.button("Cancel").clicked() {
                            done = true;
                        }
                    });
                });
            if !open || done {
                self.typed = None;
            }
        }
        if let Some(error) = &self.error {
            let mut open = true;
            let mut dismissed = false;
            egui::Window::new("Could not open the file")
                .collapsible(false)
                .open(&mut open)
                .show(ui.ctx(), |ui| {
                    ui.label(egui::RichText::new(error).monospace());
                    ui.label("Nothing was changed: the file on disk and the open dataset are as they were.");
                    if ui.button("OK").clicked() {
                        dismissed = true;
                    }
                });
            if !open || dismissed {
                self.error = None;
            }
        }
        action
    }

    /// Carries out an action on the document: a message for the status bar, or an error.
    pub fn perform(
        &mut self,
        action: FileAction,
        doc: &mut Document,
    ) -> Result<Option<String>, String> {
        match action {
            FileAction::ChooseOpen => match dialog(doc).pick_file() {
                Some(path) => self.perform(FileAction::Open(path), doc),
                None => Ok(None),
            },
            FileAction::ChooseSaveAs => match dialog(doc)
                .set_file_name(default_file_name(doc))
                .save_file()
            {
                Some(path) => self.perform(FileAction::SaveAs(path), doc),
                None => Ok(None),
            },
            FileAction::Save => match doc.path.clone() {
                Some(path) => self.perform(FileAction::SaveAs(path), doc),
                None => self.perform(FileAction::ChooseSaveAs, doc),
            },
            FileAction::TypePath(purpose) => {
                let start = match purpose {
                    PathPurpose::Open => String::new(),
                    PathPurpose::SaveAs => saves_dir()
                        .join(default_file_name(doc))
                        .display()
                        .to_string(),
                    PathPurpose::Export(kind) => saves_dir()
                        .join(export_file_name(doc, kind))
                        .display()
                        .to_string(),
                };
                self.typed = Some((purpose, start));
                self.select_typed = true;
                Ok(None)
            }
            FileAction::New => {
                let mut dataset = crate::model::Dataset::default();
                dataset.body.id = "body".into();
                dataset.body.name = "New body".into();
                *doc = Document::new(dataset, None);
                Ok(Some("Started a new dataset".into()))
            }
            // The app carries these out before they reach here: they need the as-of date,
            // the window and the panels, which the file menu does not know.
            FileAction::Quit
            | FileAction::ChooseExport(_)
            | FileAction::Export(..)
            | FileAction::TakeSnapshot
            | FileAction::ToggleSnapshots => Ok(None),
            FileAction::Open(path) => match Document::open(&path) {
                Ok((opened, warnings)) => {
                    *doc = opened;
                    self.remember(&path);
                    let mut text = format!("Opened {}", path.display());
                    if !warnings.is_empty() {
                        text.push_str(&format!(" ({} warnings: {})", warnings.len(), warnings[0]));
                    }
                    Ok(Some(text))
                }
                Err(e) => {
                    self.error = Some(e.to_string());
                    Err(format!("Could not open {}: {}", path.display(), e.message))
                }
            },
            FileAction::SaveAs(path) => match doc.save_as(&path) {
                Ok(()) => {
                    self.remember(&path);
                    Ok(Some(format!("Saved {}", path.display())))
                }
                Err(e) => Err(format!(
                    "Could not save {}: {e}. Nothing was lost: your changes are still open.",
                    path.display()
                )),
            },
        }
    }
}

impl FileMenu {
    /// Puts a file at the top of the recent list (at most eight).
    fn remember(&mut self, path: &std::path::Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(8);
    }
}

fn dialog(doc: &Document) -> rfd::FileDialog {
    let dir = doc
        .path
        .as_ref()
        .and_then(|p| p.parent().map(PathBuf::from))
        .filter(|d| d.is_dir())
        .unwrap_or_else(saves_dir);
    rfd::FileDialog::new()
        .add_filter("board-explorer dataset (RON)", &["ron"])
        .add_filter("All files", &["*"])
        .set_directory(dir)
}

/// "board_of_peace-roster.csv"
pub fn export_file_name(doc: &Document, kind: ExportKind) -> String {
    let stem = default_file_name(doc);
    let stem = stem.strip_suffix(".ron").unwrap_or(&stem);
    format!("{stem}-{}.{}", kind.file_stem(), kind.extension())
}

/// The native save dialog for an export, starting in `saves/`.
pub fn export_dialog(doc: &Document, kind: ExportKind) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter(kind.title(), &[kind.extension()])
        .set_directory(saves_dir())
        .set_file_name(export_file_name(doc, kind))
        .save_file()
}

fn default_file_name(doc: &Document) -> String {
    doc.path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| {
            let slug: String = doc
                .dataset()
                .body
                .name
                .to_lowercase()
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '_' })
                .collect();
            format!("{slug}.ron")
        })
}
