//! The application: menus, tabs, the current panel, status bar; the one place where requests
//! from panels become edits on the document, where unsaved work is guarded, autosaved and
//! recovered, and where window state persists.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::file_menu::{ExportKind, FileAction, FileMenu, export_dialog};
use super::request::Request;
use super::roster_panel::RosterPanel;
use super::seats_panel::SeatsPanel;
use super::shortcuts;
use super::snapshots::{SnapshotAction, SnapshotsPanel};
use super::sources_panel::SourcesPanel;
use super::timeline_panel::TimelinePanel;
use crate::document::{Document, saves_dir};
use crate::model::Derived;
use crate::store::{self, Recovery};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    Roster,
    Seats,
    Sources,
    Timeline,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Roster, Tab::Seats, Tab::Sources, Tab::Timeline];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Roster => "Roster",
            Tab::Seats => "Seats",
            Tab::Sources => "Sources",
            Tab::Timeline => "Timeline",
        }
    }
}

/// A message for the status bar: what just happened, or what went wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// A snapshot being viewed: what it is, and the working document and as-of date to return to.
pub struct ReadOnly {
    pub note: String,
    pub taken: String,
    stashed: Document,
    stashed_as_of: Option<chrono::NaiveDate>,
}

/// What survives a restart (eframe storage): the open tab, the last file, recent files.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Persisted {
    tab: Option<Tab>,
    last_file: Option<PathBuf>,
    recent: Vec<PathBuf>,
}

const STORAGE_KEY: &str = "board-explorer";
const READ_ONLY: &str = "This snapshot is open read-only: nothing in it can change. \
                         \"Restore as a new working file\" to edit it, or close it.";
/// Unsaved work is written to the recovery file this long after the last change.
const AUTOSAVE_AFTER_SECONDS: f64 = 3.0;

pub struct BoardExplorerApp {
    pub doc: Document,
    pub derived: Derived,
    pub tab: Tab,
    pub roster: RosterPanel,
    pub seats: SeatsPanel,
    pub timeline: TimelinePanel,
    pub file_menu: FileMenu,
    pub notice: Option<Notice>,
    /// An action that would lose unsaved changes, waiting for the user's answer.
    pub pending: Option<FileAction>,
    /// Where unsaved work is autosaved; `None` turns autosave off (tests, scripts).
    pub recovery_file: Option<PathBuf>,
    /// Work found in the recovery file at start, waiting for "restore" or "discard".
    pub recovery_offer: Option<Recovery>,
    pub snapshots: SnapshotsPanel,
    /// Where snapshots (and, by default, exports) go: `saves/`.
    pub saves: PathBuf,
    /// A snapshot open read-only, with the working document set aside until it is closed.
    pub read_only: Option<ReadOnly>,
    /// Where a PNG export reports back from the renderer.
    screenshot: std::sync::Arc<std::sync::Mutex<Option<Result<String, String>>>>,
    /// The day the whole app shows the roster as of; `None` is "everything known", today.
    pub as_of: Option<chrono::NaiveDate>,
    pub sources: SourcesPanel,
    /// The title last sent to the window, so it is only sent when it changes.
    sent_title: String,
    /// When the dataset last changed (egui time), and which revision the recovery file holds.
    changed_at: Option<(u64, f64)>,
    autosaved: Option<u64>,
    /// Whether the recovery file holds work of this session (written, or restored from).
    recovery_on_disk: bool,
    /// Set once the user agreed to quit despite unsaved changes.
    closing: bool,
}

impl BoardExplorerApp {
    /// The app as eframe starts it: the last file if it still loads, else the embedded
    /// dataset; autosave on, and any unsaved work from a crash offered back.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        let persisted: Persisted = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        let mut notice = None;
        let doc = match &persisted.last_file {
            Some(path) => match Document::open(path) {
                Ok((doc, _)) => doc,
                Err(e) => {
                    notice = Some(Notice {
                        text: format!("Could not reopen the last file: {}", e.message),
                        is_error: true,
                    });
                    Document::embedded()
                }
            },
            None => Document::embedded(),
        };
        let mut app = Self::with_document(doc);
        app.notice = notice;
        app.tab = persisted.tab.unwrap_or(Tab::Roster);
        app.file_menu.recent = persisted.recent;
        app.enable_recovery(store::recovery_path(&saves_dir()));
        app
    }

    /// The app on a document, without storage or autosave (tests and benchmarks).
    pub fn with_document(doc: Document) -> Self {
        let mut app = BoardExplorerApp {
            doc,
            derived: Derived::default(),
            tab: Tab::Roster,
            roster: RosterPanel::default(),
            seats: SeatsPanel::default(),
            timeline: TimelinePanel::default(),
            file_menu: FileMenu::default(),
            notice: None,
            pending: None,
            recovery_file: None,
            recovery_offer: None,
            sources: SourcesPanel::default(),
            snapshots: SnapshotsPanel::default(),
            saves: saves_dir(),
            read_only: None,
            screenshot: Default::default(),
            as_of: None,
            sent_title: String::new(),
            changed_at: None,
            autosaved: None,
            recovery_on_disk: false,
            closing: false,
        };
        app.derived.refresh(app.doc.dataset(), None);
        app
    }

    /// Autosaves to `path` from now on, and offers back any work already there.
    pub fn enable_recovery(&mut self, path: PathBuf) {
        match store::read_recovery(&path) {
            Ok(offer) => self.recovery_offer = offer,
            Err(e) => self.notify_error(format!("{e} (it was left in place)")),
        }
        self.recovery_file = Some(path);
    }

    /// One frame of the whole app inside `ui`.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.guard_close(ui.ctx());
        self.shortcuts(ui);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                if let Some(action) = self.file_menu.menu(ui) {
                    self.file_action(action, ui.ctx());
                }
                self.edit_menu(ui);
            });
        });
        egui::Panel::top("tabs").show(ui, |ui| {
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    ui.selectable_value(&mut self.tab, tab, tab.label());
                }
                if let Some(day) = self.as_of {
                    // Plain to see: the whole app is showing the past.
                    ui.separator();
                    let badge = egui::RichText::new(format!("As of {day}"))
                        .strong()
                        .color(ui.visuals().warn_fg_color);
                    ui.label(badge)
                        .on_hover_text("Roster and Seats show what was known on this day");
                    if ui.small_button("Back to today").clicked() {
                        self.as_of = None;
                    }
                }
            });
        });
        if let Some(action) = self.file_menu.dialogs(ui) {
            self.file_action(action, ui.ctx());
        }
        self.unsaved_dialog(ui);
        self.recovery_dialog(ui);
        self.snapshot_ui(ui);

        // After this frame's actions, before anything reads derived data. Derive once per
        // edit, not per frame: this is a no-op unless the dataset (or as-of date) changed.
        self.derived.refresh(self.doc.dataset(), self.as_of);
        self.update_title(ui.ctx());
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));
        let requests = egui::CentralPanel::default()
            .show(ui, |ui| match self.tab {
                Tab::Roster => self.roster.ui(ui, self.doc.dataset(), &self.derived),
                Tab::Seats => self.seats.ui(ui, self.doc.dataset(), &self.derived),
                Tab::Sources => self.sources.ui(ui, self.doc.dataset(), &self.derived),
                Tab::Timeline => {
                    self.timeline
                        .ui(ui, self.doc.dataset(), &self.derived, self.as_of)
                }
            })
            .inner;
        for request in requests {
            self.handle(request);
        }
        self.autosave(ui.ctx());
    }

    /// The read-only banner, the snapshot list, and the snapshot dialogs.
    fn snapshot_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(ro) = &self.read_only {
            let mut close = false;
            let mut restore = false;
            egui::Panel::top("read_only_banner").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let note = if ro.note.is_empty() {
                        String::new()
                    } else {
                        format!(" \"{}\"", ro.note)
                    };
                    let text = format!(
                        "Read-only snapshot{note}, taken {}: edits are refused.",
                        ro.taken
                    );
                    ui.label(
                        egui::RichText::new(text)
                            .strong()
                            .color(ui.visuals().warn_fg_color),
                    );
                    restore = ui.button("Restore as a new working file").clicked();
                    close = ui.button("Close snapshot").clicked();
                });
            });
            if restore {
                self.restore_current_snapshot();
            } else if close {
                self.close_snapshot();
            }
        }
        if self.snapshots.open {
            let saves = self.saves.clone();
            let action = egui::Panel::right("snapshots")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| self.snapshots.ui(ui, &saves))
                .inner;
            if let Some(action) = action {
                self.snapshot_action(action);
            }
        }
        if let Some(note) = self.snapshots.take_dialog(ui, self.as_of) {
            match crate::store::take_snapshot(&self.saves, self.doc.dataset(), self.as_of, &note) {
                Ok(path) => {
                    self.notify(format!("Snapshot taken: {}", path.display()));
                    self.snapshots.invalidate();
                }
                Err(e) => self.notify_error(format!("Could not take the snapshot: {e}")),
            }
        }
        self.snapshots.comparison_window(ui);
        if let Some(result) = self.screenshot.lock().ok().and_then(|mut r| r.take()) {
            match result {
                Ok(text) => self.notify(text),
                Err(text) => self.notify_error(text),
            }
        }
    }

    pub fn snapshot_action(&mut self, action: SnapshotAction) {
        let path = match &action {
            SnapshotAction::OpenReadOnly(p)
            | SnapshotAction::Restore(p)
            | SnapshotAction::Compare(p) => p.clone(),
        };
        let snapshot = match crate::store::read_snapshot(&path) {
            Ok(s) => s,
            Err(e) => return self.notify_error(format!("Could not read the snapshot: {e}")),
        };
        match action {
            SnapshotAction::Compare(_) => {
                // Against the working file, even while another snapshot is being viewed.
                let (working, as_of) = match &self.read_only {
                    Some(ro) => (ro.stashed.dataset(), ro.stashed_as_of),
                    None => (self.doc.dataset(), self.as_of),
                };
                let changes = crate::model::diff::diff(
                    crate::model::diff::Side {
                        dataset: &snapshot.dataset,
                        as_of: snapshot.as_of,
                    },
                    crate::model::diff::Side {
                        dataset: working,
                        as_of,
                    },
                );
                let title = format!(
                    "From snapshot \"{}\" ({}) to the working file",
                    snapshot.note, snapshot.taken
                );
                self.snapshots.comparison = Some((title, crate::model::diff::report(&changes)));
            }
            SnapshotAction::OpenReadOnly(_) => {
                if self.read_only.is_some() {
                    self.close_snapshot();
                }
                let stashed =
                    std::mem::replace(&mut self.doc, Document::new(snapshot.dataset, None));
                self.read_only = Some(ReadOnly {
                    note: snapshot.note,
                    taken: snapshot.taken,
                    stashed,
                    stashed_as_of: self.as_of,
                });
                self.as_of = snapshot.as_of;
                self.reset_panels();
            }
            SnapshotAction::Restore(_) => {
                if self.read_only.is_none() && self.doc.is_dirty() {
                    return self.notify_error(
                        "Save or undo your changes first: restoring replaces the working file."
                            .into(),
                    );
                }
                self.read_only = None;
                self.doc = Document::recovered(snapshot.dataset, None);
                self.as_of = None;
                self.reset_panels();
                self.notify(format!(
                    "Restored snapshot \"{}\" as a new, unsaved working file.",
                    snapshot.note
                ));
            }
        }
    }

    fn restore_current_snapshot(&mut self) {
        if let Some(ro) = self.read_only.take() {
            if ro.stashed.is_dirty() {
                // Never drop unsaved work: go back to it and say why.
                self.read_only = Some(ro);
                self.close_snapshot();
                return self.notify_error(
                    "Your working file has unsaved changes: save them before restoring a snapshot."
                        .into(),
                );
            }
            let snapshot = std::mem::replace(&mut self.doc, ro.stashed);
            // The working file was clean (checked above), so nothing is lost by replacing it.
            self.doc = Document::recovered(snapshot.into_dataset(), None);
            self.as_of = None;
            self.reset_panels();
            self.notify("Restored the snapshot as a new, unsaved working file.".into());
        }
    }

    fn close_snapshot(&mut self) {
        if let Some(ro) = self.read_only.take() {
            self.doc = ro.stashed;
            self.as_of = ro.stashed_as_of;
            self.reset_panels();
        }
    }

    /// Writes an export; a PNG is taken by the renderer and reported back on a later frame.
    fn export(&mut self, kind: ExportKind, path: PathBuf, ctx: &egui::Context) {
        let d = self.doc.dataset();
        let text = match kind {
            ExportKind::Csv => crate::store::roster_csv(d, self.as_of),
            ExportKind::Markdown => crate::store::markdown_report(d, self.as_of),
            ExportKind::Png => {
                let result = self.screenshot.clone();
                ctx.request_screenshot(move |image| {
                    let outcome = write_png(&path, &image)
                        .map(|()| format!("Saved the image to {}", path.display()))
                        .map_err(|e| {
                            format!("Could not save the image to {}: {e}", path.display())
                        });
                    if let Ok(mut slot) = result.lock() {
                        *slot = Some(outcome);
                    }
                });
                ctx.request_repaint();
                return self.notify("Taking the image…".into());
            }
        };
        match crate::store::write_atomic(&path, text.as_bytes()) {
            Ok(()) => self.notify(format!("Exported {}", path.display())),
            Err(e) => self.notify_error(format!("Could not export to {}: {e}", path.display())),
        }
    }

    /// Carries out a panel's request; every edit goes through the document.
    pub fn handle(&mut self, request: Request) {
        match request {
            Request::Edit { .. } if self.read_only.is_some() => {
                self.notify_error(READ_ONLY.into());
            }
            Request::Edit { edit, label } => match self.doc.apply(*edit, label.clone()) {
                Ok(()) => self.notice = None,
                Err(e) => self.notify_error(format!("{label} failed: {e}. Nothing was changed.")),
            },
            Request::ShowSource { source, claim } => {
                self.sources
                    .show_claim(self.doc.dataset(), &source, claim.as_deref());
                self.tab = Tab::Sources;
            }
            Request::ShowActor(id) => {
                self.roster.selected = Some(id);
                self.tab = Tab::Roster;
            }
            Request::SetAsOf(day) => self.as_of = day,
        }
    }

    pub fn undo(&mut self) {
        if self.read_only.is_some() {
            return;
        }
        if let Some(label) = self.doc.undo() {
            self.notify(format!("Undid: {label}"));
        }
    }

    pub fn redo(&mut self) {
        if self.read_only.is_some() {
            return;
        }
        if let Some(label) = self.doc.redo() {
            self.notify(format!("Redid: {label}"));
        }
    }

    fn notify(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            is_error: false,
        });
    }

    fn notify_error(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            is_error: true,
        });
    }

    fn shortcuts(&mut self, ui: &mut egui::Ui) {
        // Text fields keep Ctrl+Z for their own text while they have the keyboard.
        let typing = ui.ctx().egui_wants_keyboard_input();
        let (save_as, save, open, undo, redo) = ui.input_mut(|i| {
            // Save As before Save: Ctrl+Shift+S must not be taken as Ctrl+S; likewise redo.
            let save_as = i.consume_shortcut(&shortcuts::SAVE_AS);
            let save = i.consume_shortcut(&shortcuts::SAVE);
            let open = i.consume_shortcut(&shortcuts::OPEN);
            let redo = !typing
                && (i.consume_shortcut(&shortcuts::REDO) || i.consume_shortcut(&shortcuts::REDO_Y));
            let undo = !typing && i.consume_shortcut(&shortcuts::UNDO);
            (save_as, save, open, undo, redo)
        });
        let ctx = ui.ctx().clone();
        if save_as {
            self.file_action(FileAction::ChooseSaveAs, &ctx);
        } else if save {
            self.file_action(FileAction::Save, &ctx);
        }
        if open {
            self.file_action(FileAction::ChooseOpen, &ctx);
        }
        if redo {
            self.redo();
        } else if undo {
            self.undo();
        }
    }

    fn edit_menu(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("Edit", |ui| {
            let ctx = ui.ctx().clone();
            let undo = match self.doc.undo_label() {
                Some(label) => format!("Undo {label}"),
                None => "Undo".to_string(),
            };
            let button =
                egui::Button::new(undo).shortcut_text(ctx.format_shortcut(&shortcuts::UNDO));
            if ui
                .add_enabled(self.doc.undo_label().is_some(), button)
                .clicked()
            {
                self.undo();
            }
            let redo = match self.doc.redo_label() {
                Some(label) => format!("Redo {label}"),
                None => "Redo".to_string(),
            };
            let button =
                egui::Button::new(redo).shortcut_text(ctx.format_shortcut(&shortcuts::REDO));
            if ui
                .add_enabled(self.doc.redo_label().is_some(), button)
                .clicked()
            {
                self.redo();
            }
        });
    }

    /// File actions; those that would replace unsaved work ask first.
    fn file_action(&mut self, action: FileAction, ctx: &egui::Context) {
        let loses_work = matches!(
            action,
            FileAction::ChooseOpen | FileAction::Open(_) | FileAction::New | FileAction::Quit
        );
        if loses_work && self.doc.is_dirty() {
            self.pending = Some(action);
            return;
        }
        self.perform(action, ctx);
    }

    /// File actions, without asking about unsaved changes.
    fn perform(&mut self, action: FileAction, ctx: &egui::Context) {
        match action {
            FileAction::ChooseExport(kind) => {
                if let Some(path) = export_dialog(&self.doc, kind) {
                    self.export(kind, path, ctx);
                }
                return;
            }
            FileAction::Export(kind, path) => return self.export(kind, path, ctx),
            FileAction::TakeSnapshot => {
                self.snapshots.taking = Some(String::new());
                return;
            }
            FileAction::ToggleSnapshots => {
                self.snapshots.open = !self.snapshots.open;
                self.snapshots.invalidate();
                return;
            }
            FileAction::Save | FileAction::ChooseSaveAs | FileAction::SaveAs(_)
                if self.read_only.is_some() =>
            {
                return self.notify_error(READ_ONLY.into());
            }
            FileAction::ChooseOpen | FileAction::Open(_) | FileAction::New
                if self.read_only.is_some() =>
            {
                return self.notify_error("Close the snapshot first (the bar at the top).".into());
            }
            _ => {}
        }
        if action == FileAction::Quit {
            self.closing = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        let replaces_document = matches!(
            action,
            FileAction::ChooseOpen | FileAction::Open(_) | FileAction::New
        );
        let was_dirty = self.doc.is_dirty();
        let revision_before = self.doc.dataset().revision.get();
        match self.file_menu.perform(action, &mut self.doc) {
            Ok(Some(text)) => self.notify(text),
            Ok(None) => {}
            Err(text) => self.notify_error(text),
        }
        if was_dirty && !self.doc.is_dirty() || replaces_document {
            self.clear_recovery();
        }
        if replaces_document && self.doc.dataset().revision.get() != revision_before {
            self.reset_panels();
        }
    }

    /// The window's close button with unsaved changes: ask first.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(FileAction::Quit);
        }
    }

    /// "Save changes to X?" before New, Open or Quit.
    fn unsaved_dialog(&mut self, ui: &mut egui::Ui) {
        let Some(action) = self.pending.clone() else {
            return;
        };
        let verb = match action {
            FileAction::Quit => "quitting",
            FileAction::New => "starting a new dataset",
            _ => "opening another file",
        };
        let mut choice = None;
        let modal = egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ui.ctx(), |ui| {
            ui.heading("Unsaved changes");
            ui.label(format!(
                "Save the changes to {} before {verb}?",
                self.doc.display_name()
            ));
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(true);
                }
                if ui
                    .button("Don't save")
                    .on_hover_text("Your changes are lost")
                    .clicked()
                {
                    choice = Some(false);
                }
                if ui.button("Cancel").clicked() {
                    self.pending = None;
                }
            });
        });
        if modal.should_close() {
            self.pending = None;
        }
        let Some(save) = choice else { return };
        self.pending = None;
        let ctx = ui.ctx().clone();
        if save {
            self.file_action(FileAction::Save, &ctx);
            if self.doc.is_dirty() {
                return; // The save was cancelled or failed: keep the work, do nothing more.
            }
        }
        self.clear_recovery();
        // Saved, or deliberately discarded: carry on without asking again.
        self.perform(action, &ctx);
    }

    fn recovery_dialog(&mut self, ui: &mut egui::Ui) {
        let Some(offer) = &self.recovery_offer else {
            return;
        };
        let mut choice = None;
        let place = offer.original.as_ref().map_or_else(
            || "a dataset that was never saved".to_string(),
            |p| p.display().to_string(),
        );
        egui::Modal::new(egui::Id::unique("recovery")).show(ui.ctx(), |ui| {
            ui.heading("Restore unsaved work?");
            ui.label(format!(
                "board-explorer did not close normally. Unsaved changes to {place} were kept at {}.",
                offer.written
            ));
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    choice = Some(true);
                }
                if ui.button("Discard").on_hover_text("Delete the recovered work").clicked() {
                    choice = Some(false);
                }
            });
        });
        match choice {
            Some(true) => {
                let offer = self.recovery_offer.take().expect("shown above");
                let problems = crate::model::validate::validate(&offer.dataset);
                self.doc = Document::recovered(offer.dataset, offer.original);
                self.recovery_on_disk = true;
                self.reset_panels();
                if let Some(p) = problems
                    .iter()
                    .find(|p| p.severity == crate::model::validate::Severity::Error)
                {
                    self.notify_error(format!(
                        "Restored, but the work has a problem to fix before saving: {p}"
                    ));
                    return;
                }
                self.notify("Restored unsaved work: save it to keep it.".into());
            }
            Some(false) => {
                self.recovery_offer = None;
                self.clear_recovery();
            }
            None => {}
        }
    }

    /// Writes unsaved work to the recovery file a few seconds after the last change, so that a
    /// crash loses at most those seconds; removes it once the work is saved.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(path) = self.recovery_file.clone() else {
            return;
        };
        if self.recovery_offer.is_some() {
            return; // Never overwrite work the user has not answered for.
        }
        let revision = self.doc.dataset().revision.get();
        let now = ctx.input(|i| i.time);
        if !self.doc.is_dirty() {
            if self.recovery_on_disk {
                self.clear_recovery();
            }
            return;
        }
        if self.changed_at.is_none_or(|(r, _)| r != revision) {
            self.changed_at = Some((revision, now));
        }
        let (_, changed) = self.changed_at.expect("set above");
        if self.autosaved == Some(revision) {
            return;
        }
        let due = changed + AUTOSAVE_AFTER_SECONDS;
        if now < due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            return;
        }
        match store::write_recovery(&path, self.doc.path.as_deref(), self.doc.dataset()) {
            Ok(()) => {
                self.autosaved = Some(revision);
                self.recovery_on_disk = true;
            }
            Err(e) => {
                self.autosaved = Some(revision); // Do not retry every frame.
                self.notify_error(format!("Autosave to {} failed: {e}", path.display()));
            }
        }
    }

    /// A different dataset: selections, forms and what-ifs of the old one must not carry over
    /// (a cited source or a picked actor may not exist in the new one).
    fn reset_panels(&mut self) {
        self.roster = RosterPanel::default();
        self.seats = SeatsPanel::default();
        self.timeline = TimelinePanel::default();
        self.sources = SourcesPanel::default();
    }

    fn clear_recovery(&mut self) {
        if let Some(path) = &self.recovery_file {
            store::clear_recovery(path);
        }
        self.autosaved = None;
        self.recovery_on_disk = false;
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.doc.window_title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let d = self.doc.dataset();
            ui.label(format!(
                "{} actors · {} sources · {} claims · {} events · {} conflicts",
                d.actors.len(),
                d.sources.len(),
                d.claims.len(),
                d.events.len(),
                self.derived.conflicts
            ));
            if self.doc.is_dirty() {
                ui.separator();
                ui.label("unsaved changes")
                    .on_hover_text("Ctrl+S saves; work is also kept for recovery after a crash");
            }
            if let Some(notice) = &self.notice {
                ui.separator();
                let text = egui::RichText::new(&notice.text);
                if notice.is_error {
                    ui.label(text.color(ui.visuals().error_fg_color));
                } else {
                    ui.label(text);
                }
                if ui.small_button("✖").on_hover_text("Dismiss").clicked() {
                    self.notice = None;
                }
            }
        });
    }
}

fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
        .ok_or("the image has the wrong size")?;
    let mut png = Vec::new();
    buffer
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    crate::store::write_atomic(path, &png).map_err(|e| e.to_string())
}

impl eframe::App for BoardExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        BoardExplorerApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let persisted = Persisted {
            tab: Some(self.tab),
            last_file: self.doc.path.clone(),
            recent: self.file_menu.recent.clone(),
        };
        eframe::set_value(storage, STORAGE_KEY, &persisted);
    }
}
