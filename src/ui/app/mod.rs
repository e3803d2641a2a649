//! The window: menus, tabs, the current panel, status bar, and the dialogs. It is one client of
//! the [`Session`]: panels queue commands while they draw, and the app performs them once, after
//! the frame's UI, then shows what they answered (a message, a tab to open, a question).
//!
//! Here the frame loop and what a command's outcome does; the rest in files of their own:
//! `menus` (Edit and Help menus, tab bar, the window's shortcuts), `status` (status bar and title),
//! `dialogs` (the window's questions), `picture` (snapshots bar, a picture of the window) and
//! `persist` (what survives a restart).

mod dialogs;
mod menus;
mod persist;
mod picture;
mod status;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use self::menus::{edit_menu, help_menu};
use self::persist::{ChosenByFile, Persisted, STORAGE_KEY};
use self::status::readable_small_text;
use crate::session::{
    Check, Command, Confirm, Document, Focus, ImportFormat, Notice, Outcome, Session,
    recovery_path, saves_dir,
};
use crate::ui::action::{PathPurpose, UiAction};
use crate::ui::file_menu::{
    FileMenu, Picked, export_dialog, image_dialog, import_dialog, open_dialog, save_dialog,
};
use crate::ui::keys::Keys;
use crate::ui::roster::RosterPanel;
use crate::ui::seats::SeatsPanel;
use crate::ui::snapshots::SnapshotsPanel;
use crate::ui::sources::SourcesPanel;
use crate::ui::timeline::TimelinePanel;
use crate::ui::view::{CommandQueue, Queued, ViewCtx};

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
    /// The file the message is about (a save, an export, a snapshot): the status bar offers
    /// to open its folder.
    pub notice_file: Option<PathBuf>,
    /// What to do once the save the user is typing a path for goes through (Quit after
    /// Save in the unsaved-changes prompt, for a dataset with no file yet).
    after_save: Option<UiAction>,
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
    /// The name typed in Edit ▸ Your name (the session's author once sent).
    pub author: String,
}

pub struct BoardExplorerApp {
    pub session: Session,
    pub panels: Panels,
    pub window: Window,
}

impl BoardExplorerApp {
    /// The app as eframe starts it: the last file if it still loads, else the embedded
    /// dataset; autosave on, and any unsaved work from a crash offered back.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let persisted: Persisted = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        let (doc, notice) = startup_document(file.as_deref(), persisted.last_file.as_deref());
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
        // Who signs the claims: the name given once in Edit ▸ Your name, else git's.
        let author = persisted.author.unwrap_or_else(|| {
            crate::session::disk::git_user_name(std::path::Path::new(".")).unwrap_or_default()
        });
        app.session.set_author(&author);
        app.window.author = app.session.author().to_string();
        app.enable_recovery(recovery_path(&saves_dir()));
        app
    }

    /// The app on a document, without storage or autosave (tests and benchmarks).
    pub fn with_document(doc: Document) -> Self {
        let mut session = Session::new(doc);
        session.merge_on_save();
        BoardExplorerApp {
            session,
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
        // The path window closed without a save going through: what waited for it is dropped.
        if !self.window.file_menu.typing_path() {
            self.window.after_save = None;
        }

        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                let recent = self.session.recent();
                actions.extend(self.window.file_menu.menu(ui, recent));
                edit_menu(
                    ui,
                    self.session.document(),
                    &mut self.window.author,
                    &mut actions,
                );
                help_menu(ui);
            });
        });
        self.tab_bar(ui, &mut actions);
        actions.extend(self.window.file_menu.dialogs(ui));
        self.unsaved_dialog(ui, &mut actions);
        self.recovery_dialog(ui, &mut actions);
        self.changed_on_disk_dialog(ui, &mut actions);
        crate::ui::merge_conflicts::window(ui, self.session.dataset(), &mut actions);
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
            self.window.notice_file = None;
        }
        if let Some(notice) = outcome.notice {
            self.window.notice = Some(notice);
            self.window.notice_file = outcome.written.clone();
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
                let saving = matches!(command, Command::SaveAs(_));
                // Work restored after a crash comes back with the sources it had ticked.
                let ticked = matches!(command, Command::RestoreRecovery)
                    .then(|| self.session.recovery_offer().map(|o| o.chosen.clone()))
                    .flatten()
                    .filter(|chosen| !chosen.is_empty());
                self.perform(command);
                if let Some(chosen) = ticked
                    && self.session.recovery_offer().is_none()
                {
                    self.panels.sources.choose(&chosen);
                }
                if saving && !self.session.document().is_dirty() {
                    // A save waited for (Quit, Open…): carry on without asking again.
                    if let Some(next) = self.window.after_save.take() {
                        self.after_unsaved(false, next, ctx);
                    }
                }
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
            UiAction::ChooseExport { format, with_texts } => {
                match export_dialog(self.session.document(), format) {
                    Picked::Path(path) => self.act(
                        UiAction::ExportTo {
                            format,
                            path,
                            with_texts,
                        },
                        ctx,
                    ),
                    Picked::NoDialog => {
                        self.act(UiAction::TypePath(PathPurpose::Export(format)), ctx)
                    }
                    Picked::Cancelled => {}
                }
            }
            UiAction::ExportTo {
                format,
                path,
                with_texts,
            } => self.perform(Command::Export {
                format,
                path,
                with_texts,
            }),
            UiAction::ChooseImport => match import_dialog() {
                Picked::Path(path) => self.act(UiAction::ImportFrom(None, path), ctx),
                Picked::NoDialog => self.act(UiAction::TypePath(PathPurpose::Import(None)), ctx),
                Picked::Cancelled => {}
            },
            UiAction::ImportFrom(format, path) => {
                match format.or_else(|| ImportFormat::from_name(&path)) {
                    Some(format) => self.perform(Command::Import { format, path }),
                    None => {
                        self.show(Outcome::error(format!(
                            "Which format is {}? Pick it in the Import data window.",
                            path.display()
                        )));
                        let retype = PathPurpose::Import(None);
                        self.window.file_menu.retype_path(retype, &path);
                    }
                }
            }
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

    /// Autosave on egui's clock; a repaint is asked for when a write falls due.
    fn autosave(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if let Some(chosen) = self.panels.sources.chosen_sources() {
            self.session.remember_chosen_sources(chosen);
        }
        let tick = self.session.autosave(now);
        if let Some(after) = tick.again_after {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(after));
        }
        if let Some(error) = tick.error {
            self.window.notice = Some(Notice::error(error));
        }
    }
}

/// The document the window opens on: the file named on the command line, else the file last
/// open, else the embedded dataset; a file that cannot be opened gives the embedded dataset
/// and a message naming the file and why.
pub fn startup_document(given: Option<&Path>, last: Option<&Path>) -> (Document, Option<Notice>) {
    let Some(path) = given.or(last) else {
        return (Document::embedded(), None);
    };
    match Document::open(path) {
        Ok((doc, _)) => (doc, None),
        Err(e) => {
            let what = if given.is_some() {
                format!("Could not open {}", path.display())
            } else {
                "Could not reopen the last file".to_string()
            };
            let notice = Notice::error(format!("{what}: {}", e.message));
            (Document::embedded(), Some(notice))
        }
    }
}
