//! File ▸ Open / Save / Save As, through native dialogs (rfd) or a typed path, so every action
//! is reachable where no dialog can appear (a bare X server, a test).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::action::{PathPurpose, UiAction};
use super::shortcuts::{self, Action};
use crate::session::{
    Command, Document, ExportFormat, ImportFormat, default_file_name, export_file_name, saves_dir,
};

/// The picture of the window, the one export only the window makes: its menu item and title,
/// and its file name after the dataset's ("board_of_peace-panel.png").
const IMAGE_TITLE: &str = "Export image of this panel";
const IMAGE_STEM: &str = "panel";

#[derive(Debug, Default)]
pub struct FileMenu {
    /// The typed-path window, when open: what it is for and the text typed so far.
    typed: Option<(PathPurpose, String)>,
    /// Set when the typed-path window opens: focus the field with its text selected, so that
    /// typing replaces the suggestion.
    select_typed: bool,
    /// A load error to show in full (they can run to several lines).
    pub error: Option<String>,
    /// The path the Export window suggests for each format (after the dataset's name, in
    /// `saves/`): a suggestion left as it was follows the format picked.
    suggested: Vec<(PathPurpose, String)>,
    /// The format last exported to, offered first next time.
    last_export: Option<PathPurpose>,
    /// "Include full source texts" in the HTML report: off until ticked (wire copy may not be
    /// republishable), kept while the window runs.
    with_texts: bool,
}

/// What the Import window offers: the format the file's name says, or one picked.
fn import_choices() -> impl Iterator<Item = (PathPurpose, &'static str)> {
    std::iter::once((
        PathPurpose::Import(None),
        "From the file's name (.csv, .json, .ftm.json, .jsonl)",
    ))
    .chain(
        ImportFormat::ALL
            .iter()
            .map(|&f| (PathPurpose::Import(Some(f)), f.choice())),
    )
}

/// The Export window's checkbox for the HTML report's source texts, and why it starts off.
pub const WITH_TEXTS: &str = "Include full source texts";
const WITH_TEXTS_HOVER: &str = "Each source's whole text, its quotes highlighted. Left out, \
    a source shows its title, outlet, date, address and the words its claims quote: wire \
    copy (Reuters, AP, AFP…) may not be republishable.";

/// What the Export window offers, in its order: every format, then a picture of the panel.
fn export_choices() -> impl Iterator<Item = (PathPurpose, &'static str)> {
    ExportFormat::ALL
        .iter()
        .map(|&f| (PathPurpose::Export(f), f.choice()))
        .chain([(PathPurpose::Image, "Image of this panel (PNG)")])
}

/// The Export window's formats (a suggested path left as it was follows the format picked),
/// and for the HTML report whether it takes the sources' full texts.
fn format_choice(
    ui: &mut egui::Ui,
    purpose: &mut PathPurpose,
    text: &mut String,
    suggested: &[(PathPurpose, String)],
    with_texts: &mut bool,
) {
    ui.label("Format:");
    for (choice, name) in export_choices() {
        if ui.radio(*purpose == choice, name).clicked() && *purpose != choice {
            let was = suggested.iter().find(|(p, _)| p == purpose);
            if was.is_some_and(|(_, t)| t == text)
                && let Some((_, next)) = suggested.iter().find(|(p, _)| *p == choice)
            {
                *text = next.clone();
            }
            *purpose = choice;
        }
    }
    if *purpose == PathPurpose::Export(ExportFormat::Html) {
        ui.checkbox(with_texts, WITH_TEXTS)
            .on_hover_text(WITH_TEXTS_HOVER);
    }
    ui.add_space(4.0);
}

impl FileMenu {
    /// Whether the typed-path window is open (a save or an open waits for its path).
    pub fn typing_path(&self) -> bool {
        self.typed.is_some()
    }

    /// Whether the typed-path window or the error window is open.
    pub fn dialog_open(&self) -> bool {
        self.typed.is_some() || self.error.is_some()
    }

    /// The File menu; `recent` lists recently opened or saved files, newest first.
    pub fn menu(&mut self, ui: &mut egui::Ui, recent: &[PathBuf]) -> Option<UiAction> {
        let mut action = None;
        ui.menu_button("File", |ui| {
            let ctx = ui.ctx().clone();
            if ui
                .button("New dataset")
                .on_hover_text("Start an empty dataset")
                .clicked()
            {
                action = Some(UiAction::Run(Command::New));
            }
            if ui
                .add(egui::Button::new("Open…").shortcut_text(shortcuts::text(&ctx, Action::Open)))
                .clicked()
            {
                action = Some(UiAction::ChooseOpen);
            }
            if ui
                .button("Open by path…")
                .on_hover_text("Type the path of a dataset file")
                .clicked()
            {
                action = Some(UiAction::TypePath(PathPurpose::Open));
            }
            ui.add_enabled_ui(!recent.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in recent {
                        if ui.button(path.display().to_string()).clicked() {
                            action = Some(UiAction::Run(Command::Open(path.clone())));
                        }
                    }
                });
            });
            ui.separator();
            if ui
                .add(egui::Button::new("Save").shortcut_text(shortcuts::text(&ctx, Action::Save)))
                .clicked()
            {
                action = Some(UiAction::Save);
            }
            if ui
                .add(
                    egui::Button::new("Save As…")
                        .shortcut_text(shortcuts::text(&ctx, Action::SaveAs)),
                )
                .clicked()
            {
                action = Some(UiAction::ChooseSaveAs);
            }
            if ui
                .button("Save as path…")
                .on_hover_text("Type the path to save to")
                .clicked()
            {
                action = Some(UiAction::TypePath(PathPurpose::SaveAs));
            }
            ui.separator();
            if ui
                .button("Take snapshot…")
                .on_hover_text("Freeze the dataset as it is shown now, with a note")
                .clicked()
            {
                action = Some(UiAction::TakeSnapshot);
            }
            if ui
                .button("Snapshots…")
                .on_hover_text("List, open, compare and restore snapshots")
                .clicked()
            {
                action = Some(UiAction::ToggleSnapshots);
            }
            if ui
                .button("Import data…")
                .on_hover_text(
                    "Bring in a roster CSV, Popolo JSON or FollowTheMoney entities: actors \
                     matched or added, each new value a claim citing the file (one undo step)",
                )
                .clicked()
            {
                action = Some(UiAction::ChooseImport);
            }
            if ui
                .button("Export…")
                .on_hover_text(
                    "The roster as CSV, the report as Markdown or HTML, Popolo or \
                     FollowTheMoney JSON, or a picture of this panel",
                )
                .clicked()
            {
                let purpose = self
                    .last_export
                    .unwrap_or(PathPurpose::Export(ExportFormat::Csv));
                action = Some(UiAction::TypePath(purpose));
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                action = Some(UiAction::Run(Command::Quit));
            }
        });
        action
    }

    /// The typed-path window and the error window, when open.
    pub fn dialogs(&mut self, ui: &mut egui::Ui) -> Option<UiAction> {
        let mut action = None;
        if let Some((purpose, text)) = &mut self.typed {
            let select = &mut self.select_typed;
            let exporting = matches!(purpose, PathPurpose::Export(_) | PathPurpose::Image);
            let importing = matches!(purpose, PathPurpose::Import(_));
            let title = match purpose {
                PathPurpose::Open => "Open dataset",
                PathPurpose::SaveAs => "Save dataset as",
                PathPurpose::Export(_) | PathPurpose::Image => "Export",
                PathPurpose::Import(_) => "Import data",
            };
            let suggested = &self.suggested;
            let last_export = &mut self.last_export;
            let with_texts = &mut self.with_texts;
            let prompt = match purpose {
                PathPurpose::Export(_) | PathPurpose::Image | PathPurpose::Import(_) => {
                    "Path of the file:"
                }
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
                    if exporting {
                        format_choice(ui, purpose, text, suggested, with_texts);
                    }
                    if importing {
                        ui.label("Format:");
                        for (choice, name) in import_choices() {
                            if ui.radio(*purpose == choice, name).clicked() {
                                *purpose = choice;
                            }
                        }
                        ui.add_space(4.0);
                    }
                    let label = ui.label(prompt);
                    let mut output = egui::TextEdit::singleline(text)
                        .desired_width(420.0)
                        .hint_text(if importing {
                            "roster.csv, popolo.json, entities.ftm.json"
                        } else {
                            "saves/board.ron"
                        })
                        .show(ui);
                    let edit = output.response.response.clone().labelled_by(label.id);
                    if std::mem::take(select) {
                        edit.request_focus();
                        let all = egui::text::CCursorRange::select_all_str(text);
                        output.state.cursor.set_char_range(Some(all));
                        output.state.store(ui.ctx(), edit.id);
                    }
                    let enter = shortcuts::entered(ui, &edit);
                    ui.horizontal(|ui| {
                        let ok = ui.add_enabled(
                            !text.trim().is_empty(),
                            egui::Button::new(title.split(' ').next().unwrap_or("OK")),
                        );
                        if (ok.clicked() || enter) && !text.trim().is_empty() {
                            let path = PathBuf::from(text.trim());
                            action = Some(match purpose {
                                PathPurpose::Open => UiAction::Run(Command::Open(path)),
                                PathPurpose::SaveAs => UiAction::Run(Command::SaveAs(path)),
                                PathPurpose::Export(format) => UiAction::ExportTo {
                                    format: *format,
                                    path,
                                    with_texts: *with_texts,
                                },
                                PathPurpose::Image => UiAction::ImageTo(path),
                                PathPurpose::Import(format) => UiAction::ImportFrom(*format, path),
                            });
                            done = true;
                        }
                        if exporting
                            && ui
                                .button("Choose file…")
                                .on_hover_text("Pick the file in the desktop's save dialog")
                                .clicked()
                        {
                            action = Some(match purpose {
                                PathPurpose::Export(format) => UiAction::ChooseExport {
                                    format: *format,
                                    with_texts: *with_texts,
                                },
                                _ => UiAction::ChooseImage,
                            });
                            done = true;
                        }
                        if exporting && done {
                            *last_export = Some(*purpose);
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
        self.error_window(ui);
        action
    }

    /// The window showing a load error in full, until dismissed.
    fn error_window(&mut self, ui: &mut egui::Ui) {
        if let Some(error) = &self.error {
            let mut open = true;
            let mut dismissed = false;
            egui::Window::new("Could not open the file")
                .collapsible(false)
                // In the middle of the window, where the eye is, not over the menu.
                .pivot(egui::Align2::CENTER_CENTER)
                .default_pos(ui.ctx().content_rect().center())
                .default_width(480.0_f32.min(ui.ctx().content_rect().width() * 0.8))
                .max_width(ui.ctx().content_rect().width() * 0.8)
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
    }

    /// Opens the typed-path window again on a path that needs more (the format of a file to
    /// import that its name does not say).
    pub fn retype_path(&mut self, purpose: PathPurpose, path: &std::path::Path) {
        self.typed = Some((purpose, path.display().to_string()));
        self.select_typed = false;
    }

    /// Opens the typed-path window, its field filled with a suggestion (all selected, so
    /// that typing replaces it).
    pub fn type_path(&mut self, purpose: PathPurpose, doc: &Document) {
        self.suggested = export_choices()
            .map(|(p, _)| (p, suggested_path(p, doc)))
            .collect();
        self.typed = Some((purpose, suggested_path(purpose, doc)));
        self.select_typed = true;
    }
}

/// The native dialog for a dataset file, starting beside the open one (else in `saves/`).
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

/// What a native dialog gave back.
#[derive(Debug, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    Cancelled,
    /// No native dialog can appear here: the caller offers the typed-path window instead.
    NoDialog,
}

/// Set once a dialog proved unavailable, so later actions go straight to the typed path.
static NO_NATIVE_DIALOG: AtomicBool = AtomicBool::new(false);

/// A dialog that answers faster than this was never shown: nobody cancels that fast.
const INSTANT: Duration = Duration::from_millis(150);

/// Whether a native dialog may appear. On Linux and the BSDs rfd shows the desktop portal
/// (over the D-Bus session bus) or, failing that, zenity; with neither it returns `None` at
/// once, the same answer as Cancel. Elsewhere the system always has a dialog.
fn native_dialog_possible() -> bool {
    if NO_NATIVE_DIALOG.load(Ordering::Relaxed) {
        return false;
    }
    if !cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly"
    )) {
        return true;
    }
    let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("zenity").is_file()));
    zenity || set("DBUS_SESSION_BUS_ADDRESS")
}

/// Runs a native dialog, telling a cancel from a dialog that could not appear.
fn run(show: impl FnOnce() -> Option<PathBuf>) -> Picked {
    if !native_dialog_possible() {
        return Picked::NoDialog;
    }
    let started = Instant::now();
    match show() {
        Some(path) => Picked::Path(path),
        None if started.elapsed() < INSTANT => {
            // A bus without a portal's file chooser: remember it for the session.
            NO_NATIVE_DIALOG.store(true, Ordering::Relaxed);
            Picked::NoDialog
        }
        None => Picked::Cancelled,
    }
}

/// The native open dialog.
pub fn open_dialog(doc: &Document) -> Picked {
    run(|| dialog(doc).pick_file())
}

/// The native open dialog for an article (.txt, .md, .html).
pub fn article_dialog() -> Picked {
    run(|| {
        rfd::FileDialog::new()
            .add_filter("Articles", &["txt", "md", "html", "htm"])
            .pick_file()
    })
}

/// The native open dialog for a file to import (CSV, JSON, JSON lines).
pub fn import_dialog() -> Picked {
    run(|| {
        rfd::FileDialog::new()
            .add_filter(
                "Roster CSV, Popolo or FollowTheMoney",
                &["csv", "json", "jsonl"],
            )
            .add_filter("All files", &["*"])
            .pick_file()
    })
}

/// The native save dialog, suggesting the dataset's file name.
pub fn save_dialog(doc: &Document) -> Picked {
    run(|| {
        dialog(doc)
            .set_file_name(default_file_name(doc))
            .save_file()
    })
}

/// The native save dialog for an export, starting in `saves/`.
pub fn export_dialog(doc: &Document, format: ExportFormat) -> Picked {
    export_as(doc, format.title(), format.file_stem(), format.extension())
}

/// The native save dialog for a picture of the window, starting in `saves/`.
pub fn image_dialog(doc: &Document) -> Picked {
    export_as(doc, IMAGE_TITLE, IMAGE_STEM, "png")
}

fn export_as(doc: &Document, title: &str, stem: &str, extension: &str) -> Picked {
    run(|| {
        rfd::FileDialog::new()
            .add_filter(title, &[extension])
            .set_directory(saves_dir())
            .set_file_name(export_file_name(doc, stem, extension))
            .save_file()
    })
}

/// The path the typed-path window starts with: nothing to open; the dataset's file name for
/// a save; for an export, a name after the dataset's and the format's in `saves/`.
fn suggested_path(purpose: PathPurpose, doc: &Document) -> String {
    let name = match purpose {
        PathPurpose::Open | PathPurpose::Import(_) => return String::new(),
        PathPurpose::SaveAs => default_file_name(doc),
        PathPurpose::Export(format) => {
            export_file_name(doc, format.file_stem(), format.extension())
        }
        PathPurpose::Image => export_file_name(doc, IMAGE_STEM, "png"),
    };
    saves_dir().join(name).display().to_string()
}
