//! The window: menus, tabs, the current panel, status bar, and the dialogs. It is one client of
//! the [`Session`]: panels queue commands while they draw, and the app performs them once, after
//! the frame's UI, then shows what they answered (a message, a tab to open, a question).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::action::{PathPurpose, UiAction};
use super::file_menu::{FileMenu, Picked, export_dialog, image_dialog, open_dialog, save_dialog};
use super::keys::Keys;
use super::seats::SeatsPanel;
use super::shortcuts;
use super::snapshots::SnapshotsPanel;
use super::timeline::TimelinePanel;
use super::view::{CommandQueue, Queued, ViewCtx};
use crate::session::{
    Check, Command, Confirm, Document, Focus, Notice, Outcome, Session, recovery_path, saves_dir,
};
use crate::ui::roster::RosterPanel;
use crate::ui::sources::SourcesPanel;

#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
pub enum Tab {
    #[default]
    Roster,
    Seats,
    Sources,
    Timeline,
}

impl Tab {
    /// The tabs, in the order they are shown.
    pub const ALL: &'static [Tab] = <Tab as strum::VariantArray>::VARIANTS;

    /// Its name on screen: the variant's own.
    pub fn label(self) -> &'static str {
        self.into()
    }
}

/// What survives a restart (eframe storage, one per user, whatever folder the app runs
/// from): the open tab, the last file, recent files, and per file the sources compared.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Persisted {
    tab: Option<Tab>,
    last_file: Option<PathBuf>,
    recent: Vec<PathBuf>,
    #[serde(default)]
    chosen: ChosenByFile,
}

/// The sources ticked for comparison in each dataset file, so that reopening a file shows the
/// ones last compared (a source imported and ticked stays ticked). The latest files first.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ChosenByFile(Vec<(PathBuf, Vec<String>)>);

impl ChosenByFile {
    /// Files remembered; the oldest beyond this are forgotten.
    const KEPT: usize = 32;

    pub fn remember(&mut self, path: Option<PathBuf>, chosen: &[String]) {
        let Some(path) = path else { return };
        self.0.retain(|(p, _)| *p != path);
        self.0.insert(0, (path, chosen.to_vec()));
        self.0.truncate(Self::KEPT);
    }

    pub fn get(&self, path: Option<&std::path::Path>) -> Option<&[String]> {
        let path = path?;
        self.0
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, chosen)| chosen.as_slice())
    }
}

const STORAGE_KEY: &str = "board-explorer";

/// The panels' own state: what they show and how, never the dataset.
#[derive(Default)]
pub struct Panels {
    pub tab: Tab,
    pub roster: RosterPanel,
    pub seats: SeatsPanel,
    pub sources: SourcesPanel,
    pub timeline: TimelinePanel,
}

impl Panels {
    /// Whether the shown panel has a modal window, prompt or dialog open (the others are not
    /// drawn, and neither are their dialogs).
    pub fn dialog_open(&self) -> bool {
        match self.tab {
            Tab::Roster => self.roster.dialog_open(),
            // The Seats tab edits in place: it has no dialog.
            Tab::Seats => false,
            Tab::Sources => self.sources.dialog_open(),
            Tab::Timeline => self.timeline.dialog_open(),
        }
    }
}

/// A picture of the window from the renderer, and where it goes.
type Picture = (PathBuf, Arc<egui::ColorImage>);

/// The window's own bits: menus and dialogs, the status message, the title.
#[derive(Default)]
pub struct Window {
    pub file_menu: FileMenu,
    pub snapshots: SnapshotsPanel,
    pub notice: Option<Notice>,
    /// An action that would lose unsaved changes, waiting for the user's answer.
    pub pending: Option<UiAction>,
    /// A PNG export waiting for the renderer's picture: where it goes, and the picture.
    screenshot: Arc<Mutex<Option<Picture>>>,
    /// A PNG export under way: where it goes, and whether the renderer was asked yet. Until
    /// the picture arrives, frames are drawn without what is only passing (the pointer's
    /// hover and tooltips, the status message), so that none of it is in the image.
    shot: Option<(PathBuf, bool)>,
    /// The title last sent to the window, so it is only sent when it changes.
    sent_title: String,
    /// Set once the user agreed to quit despite unsaved changes.
    closing: bool,
    /// A save refused because the file changed on disk: the question to ask about it.
    changed_on_disk: Option<PathBuf>,
    /// The sources compared in each file, and the file the Sources tab's choice belongs to.
    pub chosen_by_file: ChosenByFile,
    shown_file: Option<PathBuf>,
}

pub struct BoardExplorerApp {
    pub session: Session,
    pub panels: Panels,
    pub window: Window,
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
                    notice = Some(Notice::error(format!(
                        "Could not reopen the last file: {}",
                        e.message
                    )));
                    Document::embedded()
                }
            },
            None => Document::embedded(),
        };
        let mut app = Self::with_document(doc);
        app.window.notice = notice;
        app.window.chosen_by_file = persisted.chosen;
        app.window.shown_file = app.session.document().path.clone();
        if let Some(chosen) = app
            .window
            .chosen_by_file
            .get(app.window.shown_file.as_deref())
        {
            app.panels.sources.choose(chosen);
        }
        app.panels.tab = persisted.tab.unwrap_or(Tab::Roster);
        app.session.set_recent(persisted.recent);
        app.enable_recovery(recovery_path(&saves_dir()));
        app
    }

    /// The app on a document, without storage or autosave (tests and benchmarks).
    pub fn with_document(doc: Document) -> Self {
        BoardExplorerApp {
            session: Session::new(doc),
            panels: Panels::default(),
            window: Window::default(),
        }
    }

    /// Autosaves to `path` from now on, and offers back any work already there.
    pub fn enable_recovery(&mut self, path: PathBuf) {
        let outcome = self.session.enable_recovery(path);
        self.show(outcome);
    }

    /// One frame of the whole app inside `ui`.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        readable_small_text(ui.ctx());
        let mut actions = Vec::new();
        self.guard_close(ui.ctx());
        // Once, before anything reads a key: a dialog open now owns the keyboard all frame.
        let keys = Keys::new(ui.ctx(), self.dialog_open());
        self.shortcuts(ui, keys, &mut actions);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                let recent = self.session.recent();
                actions.extend(self.window.file_menu.menu(ui, recent));
                edit_menu(ui, self.session.document(), &mut actions);
            });
        });
        egui::Panel::top("tabs").show(ui, |ui| {
            ui.horizontal(|ui| {
                for &tab in Tab::ALL {
                    ui.selectable_value(&mut self.panels.tab, tab, tab.label());
                }
                if let Some(day) = self.session.as_of() {
                    // Plain to see: the whole app is showing the past.
                    ui.separator();
                    let badge = egui::RichText::new(format!("As of {day}"))
                        .strong()
                        .color(ui.visuals().warn_fg_color);
                    ui.label(badge)
                        .on_hover_text("Roster and Seats show what was known on this day");
                    if ui.small_button("Back to today").clicked() {
                        actions.push(UiAction::Run(Command::SetAsOf(None)));
                    }
                }
                // What the data is about, for a first-time user: the body, its description.
                let body = &self.session.dataset().body;
                if !body.name.is_empty() {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let label =
                            egui::Label::new(egui::RichText::new(&body.name).strong()).truncate();
                        let response = ui.add(label);
                        if !body.description.is_empty() {
                            response.on_hover_text(&body.description);
                        }
                    });
                }
            });
        });
        actions.extend(self.window.file_menu.dialogs(ui));
        self.unsaved_dialog(ui, &mut actions);
        self.recovery_dialog(ui, &mut actions);
        self.changed_on_disk_dialog(ui, &mut actions);
        super::merge_conflicts::window(ui, self.session.dataset(), &mut actions);
        self.snapshot_ui(ui, &mut actions);

        self.update_title(ui.ctx());
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));
        let queue = CommandQueue::default();
        egui::CentralPanel::default().show(ui, |ui| {
            let cx = ViewCtx::new(self.session.view_parts(), keys, &queue);
            let panels = &mut self.panels;
            match panels.tab {
                Tab::Roster => panels.roster.ui(ui, &cx),
                Tab::Seats => panels.seats.ui(ui, &cx),
                Tab::Sources => panels.sources.ui(ui, &cx),
                Tab::Timeline => panels.timeline.ui(ui, &cx),
            }
        });
        let commands = queue.take();

        // Everything asked for in this frame, in order, once the UI is drawn.
        let acted = !actions.is_empty() || !commands.is_empty();
        for action in actions {
            self.act(action, ui.ctx());
        }
        for queued in commands {
            self.perform_queued(queued);
        }
        if acted {
            ui.ctx().request_repaint();
        }
        self.request_picture(ui.ctx());
        self.autosave(ui.ctx());
        self.watch_file(ui.ctx());
    }

    /// Takes in changes made to the open file on disk (see `session::watch`), on egui's clock.
    fn watch_file(&mut self, ctx: &egui::Context) {
        // While the user answers a question about the file (overwrite or reload, unsaved
        // changes), the file is left as the question describes it.
        if self.window.changed_on_disk.is_some() || self.window.pending.is_some() {
            return;
        }
        let now = ctx.input(|i| i.time);
        if let Some(outcome) = self.session.watch_file(now) {
            self.show(outcome);
            ctx.request_repaint();
        }
        if self.session.document().path.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                crate::session::WATCH_EVERY_SECONDS,
            ));
        }
    }

    /// Performs a session command and shows what it answered.
    pub fn perform(&mut self, command: Command) {
        self.perform_queued(Queued {
            command,
            said_when_done: None,
        });
    }

    /// Performs a command a panel queued; what the panel said of it goes to the status bar
    /// only once the command went through.
    pub fn perform_queued(&mut self, queued: Queued) {
        let took_snapshot = matches!(queued.command, Command::TakeSnapshot { .. });
        let mut outcome = self.session.perform(queued.command);
        if took_snapshot && !outcome.is_error() {
            self.window.snapshots.invalidate();
        }
        if let Some(said) = queued.said_when_done
            && !outcome.is_error()
            && outcome.confirm.is_none()
        {
            outcome.notice = Some(Notice::info(said));
        }
        self.show(outcome);
    }

    /// Shows a command's outcome: its message, the tab it brings into view, its question.
    fn show(&mut self, outcome: Outcome) {
        if outcome.replaced {
            // A different dataset: selections, forms and what-ifs of the old one must not
            // carry over (a cited source or a picked actor may not exist in the new one), nor
            // may a message about it (a read-only refusal after the snapshot is closed).
            if let Some(chosen) = self.panels.sources.chosen_sources() {
                let shown = self.window.shown_file.take();
                self.window.chosen_by_file.remember(shown, chosen);
            }
            self.panels = Panels {
                tab: self.panels.tab,
                ..Panels::default()
            };
            self.window.notice = None;
            self.window.snapshots.comparison = None;
            let path = self.session.document().path.clone();
            if let Some(chosen) = self.window.chosen_by_file.get(path.as_deref()) {
                self.panels.sources.choose(chosen);
            }
            self.window.shown_file = path;
        }
        if outcome.clear_notice {
            self.window.notice = None;
        }
        if let Some(notice) = outcome.notice {
            self.window.notice = Some(notice);
        }
        if let Some(detail) = outcome.detail {
            self.window.file_menu.error = Some(detail);
        }
        if let Some((title, _)) = outcome.comparison {
            self.window.snapshots.comparison = Some((title, outcome.changes));
        }
        match outcome.focus {
            Some(Focus::Actor(_)) => self.panels.tab = Tab::Roster,
            Some(Focus::Source { source, claim }) => {
                self.panels
                    .sources
                    .show_claim(self.session.dataset(), &source, claim.as_deref());
                self.panels.tab = Tab::Sources;
            }
            Some(Focus::Event(_)) => self.panels.tab = Tab::Timeline,
            None => {}
        }
        match outcome.confirm {
            Some(Confirm::UnsavedChanges { then }) => {
                self.window.pending = Some(UiAction::Run(*then));
            }
            Some(Confirm::ChangedOnDisk { path }) => self.window.changed_on_disk = Some(path),
            None => {}
        }
        if outcome.quit {
            self.window.closing = true;
        }
    }

    /// Carries out what the window asked for: a command, or a dialog first.
    fn act(&mut self, action: UiAction, ctx: &egui::Context) {
        match action {
            UiAction::Run(command) => {
                self.perform(command);
                if self.window.closing {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            // The session's rules, asked before a dialog picks the path (which they ignore).
            UiAction::ChooseOpen => match self.session.check(&Command::Open(PathBuf::new())) {
                Check::Go => match open_dialog(self.session.document()) {
                    Picked::Path(path) => self.perform(Command::Open(path)),
                    Picked::NoDialog => self.act(UiAction::TypePath(PathPurpose::Open), ctx),
                    Picked::Cancelled => {}
                },
                Check::AskUnsaved => self.window.pending = Some(UiAction::ChooseOpen),
                Check::Refused(why) => self.show(Outcome::error(why)),
                Check::Nothing => {}
            },
            UiAction::Save | UiAction::ChooseSaveAs => match self.session.check(&Command::Save) {
                Check::Refused(why) => self.show(Outcome::error(why)),
                _ if matches!(action, UiAction::Save) && self.session.document().path.is_some() => {
                    self.perform(Command::Save);
                }
                _ => match save_dialog(self.session.document()) {
                    Picked::Path(path) => self.perform(Command::SaveAs(path)),
                    Picked::NoDialog => self.act(UiAction::TypePath(PathPurpose::SaveAs), ctx),
                    Picked::Cancelled => {}
                },
            },
            UiAction::TypePath(purpose) => self
                .window
                .file_menu
                .type_path(purpose, self.session.document()),
            UiAction::ChooseExport(format) => {
                match export_dialog(self.session.document(), format) {
                    Picked::Path(path) => self.act(UiAction::ExportTo(format, path), ctx),
                    Picked::NoDialog => {
                        self.act(UiAction::TypePath(PathPurpose::Export(format)), ctx)
                    }
                    Picked::Cancelled => {}
                }
            }
            UiAction::ExportTo(format, path) => self.perform(Command::Export { format, path }),
            UiAction::ChooseImage => match image_dialog(self.session.document()) {
                Picked::Path(path) => self.act(UiAction::ImageTo(path), ctx),
                Picked::NoDialog => self.act(UiAction::TypePath(PathPurpose::Image), ctx),
                Picked::Cancelled => {}
            },
            UiAction::ImageTo(path) => self.export_picture(path, ctx),
            UiAction::TakeSnapshot => self.window.snapshots.taking = Some(String::new()),
            UiAction::ToggleSnapshots => {
                let snapshots = &mut self.window.snapshots;
                snapshots.open = !snapshots.open;
                snapshots.invalidate();
            }
            UiAction::AfterUnsaved { save, then } => self.after_unsaved(save, *then, ctx),
        }
    }

    /// Takes a picture of the window into `path` (PNG): the next frame is drawn clean, then
    /// the renderer is asked for it; it is written on a later frame.
    pub fn export_picture(&mut self, path: PathBuf, ctx: &egui::Context) {
        self.window.shot = Some((path, false));
        ctx.request_repaint();
    }

    /// Whether frames are being drawn clean for a picture.
    pub fn taking_picture(&self) -> bool {
        self.window.shot.is_some()
    }

    /// At the end of a clean frame: asks the renderer for the picture, once.
    fn request_picture(&mut self, ctx: &egui::Context) {
        let Some((path, asked)) = &mut self.window.shot else {
            return;
        };
        if !*asked {
            *asked = true;
            let slot = self.window.screenshot.clone();
            let wake = ctx.clone();
            let path = path.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some((path, image));
                }
                // The picture is written by the session on the next frame.
                wake.request_repaint();
            });
        }
        ctx.request_repaint();
    }

    /// The read-only banner, the snapshot list, the snapshot dialogs, a picture to write.
    fn snapshot_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
        if let Some(ro) = self.session.read_only() {
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
                    let restore = ui.button("Restore as a new working file").clicked();
                    let close = ui.button("Close snapshot").clicked();
                    if restore {
                        actions.push(UiAction::Run(Command::RestoreOpenSnapshot));
                    } else if close {
                        actions.push(UiAction::Run(Command::CloseSnapshot));
                    }
                });
            });
        }
        if self.window.snapshots.open {
            let command = egui::Panel::right("snapshots")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| self.window.snapshots.ui(ui, &self.session))
                .inner;
            actions.extend(command.map(UiAction::Run));
        }
        if let Some(note) = self.window.snapshots.take_dialog(ui, self.session.as_of()) {
            actions.push(UiAction::Run(Command::TakeSnapshot { note }));
        }
        self.window.snapshots.comparison_window(ui);
        let picture = self
            .window
            .screenshot
            .lock()
            .ok()
            .and_then(|mut r| r.take());
        if let Some((path, image)) = picture {
            self.window.shot = None;
            let rgba = image.pixels.iter().flat_map(|c| c.to_array()).collect();
            actions.push(UiAction::Run(Command::ExportImage {
                path,
                size: image.size,
                rgba,
            }));
        }
    }

    /// Whether a modal window, prompt or dialog is open, the window's own or the shown panel's:
    /// the keyboard is then its alone (see [`Keys`]).
    pub fn dialog_open(&self) -> bool {
        let window = &self.window;
        window.file_menu.dialog_open()
            || window.pending.is_some()
            || window.changed_on_disk.is_some()
            || window.snapshots.dialog_open()
            || self.session.recovery_offer().is_some()
            // The merge conflicts window shows itself while conflicts are left.
            || !self.session.dataset().merge_conflicts.is_empty()
            || self.panels.dialog_open()
    }

    fn shortcuts(&mut self, ui: &mut egui::Ui, keys: Keys, actions: &mut Vec<UiAction>) {
        // Text fields keep Ctrl+Z for their own text while they have the keyboard; any other
        // widget with the focus (the review list) leaves it to the app.
        let typing = ui.ctx().text_edit_focused();
        // Save As before Save: Ctrl+Shift+S must not be taken as Ctrl+S; likewise redo.
        let save_as = keys.shortcut(ui, &shortcuts::SAVE_AS);
        let save = keys.shortcut(ui, &shortcuts::SAVE);
        let open = keys.shortcut(ui, &shortcuts::OPEN);
        let redo = !typing
            && (keys.shortcut(ui, &shortcuts::REDO) || keys.shortcut(ui, &shortcuts::REDO_Y));
        let undo = !typing && keys.shortcut(ui, &shortcuts::UNDO);
        if save_as {
            actions.push(UiAction::ChooseSaveAs);
        } else if save {
            actions.push(UiAction::Save);
        }
        if open {
            actions.push(UiAction::ChooseOpen);
        }
        if redo {
            actions.push(UiAction::Run(Command::Redo));
        } else if undo {
            actions.push(UiAction::Run(Command::Undo));
        }
    }

    /// The window's close button with unsaved changes: ask first.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.session.document().is_dirty()
            && !self.window.closing
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.window.pending = Some(UiAction::Run(Command::Quit));
        }
    }

    /// "X changed on disk": overwrite it, save elsewhere, or reload it (dropping the changes).
    fn changed_on_disk_dialog(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
        let Some(path) = self.window.changed_on_disk.clone() else {
            return;
        };
        let mut answered = false;
        let modal = egui::Modal::new(egui::Id::unique("changed_on_disk")).show(ui.ctx(), |ui| {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "{} was changed by another program since it was opened here. Saving would \
                 erase those changes.",
                path.display()
            ));
            ui.horizontal(|ui| {
                if ui.button("Overwrite").clicked() {
                    actions.push(UiAction::Run(Command::Confirmed(Box::new(
                        Command::SaveAs(path.clone()),
                    ))));
                    answered = true;
                }
                if ui.button("Save as…").clicked() {
                    actions.push(UiAction::ChooseSaveAs);
                    answered = true;
                }
                if ui
                    .button("Merge")
                    .on_hover_text(
                        "Merge the file's changes into yours (fields changed on both sides \
                         are listed for you to pick), then save",
                    )
                    .clicked()
                {
                    actions.push(UiAction::Run(Command::MergeFromDisk));
                    answered = true;
                }
                if ui
                    .button("Reload")
                    .on_hover_text("Open the file as it is now; the changes here are lost")
                    .clicked()
                {
                    actions.push(UiAction::Run(Command::Confirmed(Box::new(Command::Open(
                        path.clone(),
                    )))));
                    answered = true;
                }
                answered |= ui.button("Cancel").clicked();
            });
        });
        if answered || modal.should_close() {
            self.window.changed_on_disk = None;
        }
    }

    /// "Save changes to X?" before New, Open or Quit.
    fn unsaved_dialog(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
        let Some(action) = self.window.pending.clone() else {
            return;
        };
        let verb = match action {
            UiAction::Run(Command::Quit) => "quitting",
            UiAction::Run(Command::New) => "starting a new dataset",
            UiAction::Run(Command::RestoreSnapshot(_) | Command::RestoreOpenSnapshot) => {
                "restoring the snapshot"
            }
            _ => "opening another file",
        };
        let mut choice = None;
        let mut cancel = false;
        // Behind a snapshot viewed read-only, the changes are the waiting working file's.
        let name = match self.session.read_only() {
            Some(ro) => ro.working().display_name(),
            None => self.session.document().display_name(),
        };
        let modal = egui::Modal::new(egui::Id::unique("unsaved_changes")).show(ui.ctx(), |ui| {
            ui.heading("Unsaved changes");
            ui.label(format!("Save the changes to {name} before {verb}?"));
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
                cancel = ui.button("Cancel").clicked();
            });
        });
        if cancel || modal.should_close() {
            self.window.pending = None;
        }
        let Some(save) = choice else { return };
        self.window.pending = None;
        actions.push(UiAction::AfterUnsaved {
            save,
            then: Box::new(action),
        });
    }

    /// Carries out the answer to "Save the changes?" at the frame's end: saves first when
    /// asked to (a snapshot viewed read-only is closed for it, and shown again if the save
    /// does not go through), then the action that asked, confirmed.
    fn after_unsaved(&mut self, save: bool, action: UiAction, ctx: &egui::Context) {
        let mut action = action;
        if save {
            // A snapshot viewed read-only is closed first: the working file is saved as itself.
            let snapshot = self.session.read_only().map(|ro| ro.path.clone());
            if snapshot.is_some() {
                self.perform(Command::CloseSnapshot);
            }
            self.act(UiAction::Save, ctx);
            if self.session.document().is_dirty() {
                // The save was cancelled or failed: keep the work, do nothing more, and show
                // the snapshot again unless a question or a path to type about the save is up.
                if let Some(path) = snapshot
                    && !self.window.file_menu.typing_path()
                    && self.window.changed_on_disk.is_none()
                {
                    let notice = self.window.notice.take();
                    self.perform(Command::OpenSnapshot(path));
                    self.window.notice = notice;
                }
                return;
            }
            // Saved: the snapshot, closed to save, is restored from its file.
            if let (Some(path), UiAction::Run(Command::RestoreOpenSnapshot)) = (snapshot, &action) {
                action = UiAction::Run(Command::RestoreSnapshot(path));
            }
        }
        // Saved, or deliberately discarded: carry on without asking again.
        let next = match action {
            UiAction::Run(command) => UiAction::Run(Command::Confirmed(Box::new(command))),
            UiAction::ChooseOpen => match open_dialog(self.session.document()) {
                Picked::Path(path) => {
                    UiAction::Run(Command::Confirmed(Box::new(Command::Open(path))))
                }
                // The work was saved or discarded: opening by typed path needs no question.
                Picked::NoDialog => UiAction::TypePath(PathPurpose::Open),
                Picked::Cancelled => return,
            },
            other => other,
        };
        self.act(next, ctx);
    }

    fn recovery_dialog(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
        let Some(offer) = self.session.recovery_offer() else {
            return;
        };
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
                    actions.push(UiAction::Run(Command::RestoreRecovery));
                }
                if ui.button("Discard").on_hover_text("Delete the recovered work").clicked() {
                    actions.push(UiAction::Run(Command::DiscardRecovery));
                }
            });
        });
    }

    /// Autosave on egui's clock; a repaint is asked for when a write falls due.
    fn autosave(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let tick = self.session.autosave(now);
        if let Some(after) = tick.again_after {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(after));
        }
        if let Some(error) = tick.error {
            self.window.notice = Some(Notice::error(error));
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        // A Save As renames the file the Sources choice belongs to.
        if self.window.shown_file.as_deref() != self.session.document().path.as_deref() {
            self.window.shown_file = self.session.document().path.clone();
        }
        let title = self.session.document().window_title();
        if title != self.window.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.sent_title = title;
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let d = self.session.dataset();
            ui.label(format!(
                "{} actors · {} sources · {} claims · {} events · {} conflicts",
                d.actors.len(),
                d.sources.len(),
                d.claims.len(),
                d.events.len(),
                self.session.derived().conflicts
            ));
            if self.session.document().is_dirty() {
                ui.separator();
                ui.label("unsaved changes")
                    .on_hover_text("Ctrl+S saves; work is also kept for recovery after a crash");
            }
            // Not in a picture being taken: the message is about now, not about the data.
            if let Some(notice) = self
                .window
                .notice
                .as_ref()
                .filter(|_| self.window.shot.is_none())
            {
                ui.separator();
                let text = egui::RichText::new(&notice.text);
                let text = if notice.is_error {
                    text.color(ui.visuals().error_fg_color)
                } else {
                    text
                };
                let mut dismiss = false;
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    dismiss = ui.small_button("✖").on_hover_text("Dismiss").clicked();
                    // A long message (a path, a load error) is cut to the bar, whole on hover.
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(text).truncate());
                    });
                });
                if dismiss {
                    self.window.notice = None;
                }
            }
        });
    }
}

/// The size of small text (hints, dates and counts under a source, a claim's note and rank).
/// egui's 9 points read as a smudge beside 12.5-point body text in the real window.
pub const SMALL_TEXT: f32 = 10.5;

/// Sets small text to [`SMALL_TEXT`] in every theme, once (a no-op after).
fn readable_small_text(ctx: &egui::Context) {
    let small = ctx
        .global_style()
        .text_styles
        .get(&egui::TextStyle::Small)
        .map(|f| f.size);
    if small != Some(SMALL_TEXT) {
        ctx.all_styles_mut(|style| {
            style.text_styles.insert(
                egui::TextStyle::Small,
                egui::FontId::proportional(SMALL_TEXT),
            );
        });
    }
}

/// The Edit menu: undo and redo, named for what they undo.
fn edit_menu(ui: &mut egui::Ui, doc: &Document, actions: &mut Vec<UiAction>) {
    ui.menu_button("Edit", |ui| {
        let ctx = ui.ctx().clone();
        let undo = match doc.undo_label() {
            Some(label) => format!("Undo {label}"),
            None => "Undo".to_string(),
        };
        let button = egui::Button::new(undo).shortcut_text(ctx.format_shortcut(&shortcuts::UNDO));
        if ui.add_enabled(doc.undo_label().is_some(), button).clicked() {
            actions.push(UiAction::Run(Command::Undo));
        }
        let redo = match doc.redo_label() {
            Some(label) => format!("Redo {label}"),
            None => "Redo".to_string(),
        };
        let button = egui::Button::new(redo).shortcut_text(ctx.format_shortcut(&shortcuts::REDO));
        if ui.add_enabled(doc.redo_label().is_some(), button).clicked() {
            actions.push(UiAction::Run(Command::Redo));
        }
    });
}

impl eframe::App for BoardExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        BoardExplorerApp::ui(self, ui);
    }

    /// While a picture is being taken the pointer is gone: no hovered row, no tooltip.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.window.shot.is_some() {
            raw_input.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::PointerMoved(_)
                        | egui::Event::MouseMoved(_)
                        | egui::Event::PointerButton { .. }
                )
            });
            raw_input.events.push(egui::Event::PointerGone);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let mut chosen = self.window.chosen_by_file.clone();
        if let Some(sources) = self.panels.sources.chosen_sources() {
            chosen.remember(self.session.document().path.clone(), sources);
        }
        let persisted = Persisted {
            tab: Some(self.panels.tab),
            last_file: self.session.document().path.clone(),
            recent: self.session.recent().to_vec(),
            chosen,
        };
        eframe::set_value(storage, STORAGE_KEY, &persisted);
    }
}
