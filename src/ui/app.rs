//! The application state and its frame: menu, tabs, the current panel, status bar.

use super::file_menu::{FileAction, FileMenu};
use super::placeholder;
use super::roster_panel::RosterPanel;
use super::shortcuts::{OPEN, SAVE, SAVE_AS};
use crate::document::Document;
use crate::model::Derived;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

pub struct BoardExplorerApp {
    pub doc: Document,
    pub derived: Derived,
    pub tab: Tab,
    pub roster: RosterPanel,
    pub file_menu: FileMenu,
    pub notice: Option<Notice>,
    /// The title last sent to the window, so it is only sent when it changes.
    sent_title: String,
}

impl BoardExplorerApp {
    pub fn new(_cc: &eframe::CreationContext<'_>) -> Self {
        Self::with_document(Document::embedded())
    }

    pub fn with_document(doc: Document) -> Self {
        let mut app = BoardExplorerApp {
            doc,
            derived: Derived::default(),
            tab: Tab::Roster,
            roster: RosterPanel::default(),
            file_menu: FileMenu::default(),
            notice: None,
            sent_title: String::new(),
        };
        app.derived.refresh(app.doc.dataset(), None);
        app
    }

    /// One frame of the whole app inside `ui`.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.shortcuts(ui);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                if let Some(action) = self.file_menu.menu(ui) {
                    self.file_action(action);
                }
            });
        });
        egui::Panel::top("tabs").show(ui, |ui| {
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    ui.selectable_value(&mut self.tab, tab, tab.label());
                }
            });
        });
        if let Some(action) = self.file_menu.dialogs(ui) {
            self.file_action(action);
        }
        // After this frame's actions, before anything reads derived data. Derive once per
        // edit, not per frame: this is a no-op unless the dataset (or as-of date) changed.
        self.derived.refresh(self.doc.dataset(), None);
        self.update_title(ui.ctx());
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar(ui));
        egui::CentralPanel::default().show(ui, |ui| match self.tab {
            Tab::Roster => self.roster.ui(ui, self.doc.dataset(), &self.derived),
            Tab::Seats => placeholder::seats(ui),
            Tab::Sources => placeholder::sources(ui),
            Tab::Timeline => placeholder::timeline(ui),
        });
    }

    fn shortcuts(&mut self, ui: &mut egui::Ui) {
        // Save As before Save: Ctrl+Shift+S must not be taken as Ctrl+S.
        let action = ui.input_mut(|i| {
            if i.consume_shortcut(&SAVE_AS) {
                Some(FileAction::ChooseSaveAs)
            } else if i.consume_shortcut(&SAVE) {
                Some(FileAction::Save)
            } else if i.consume_shortcut(&OPEN) {
                Some(FileAction::ChooseOpen)
            } else {
                None
            }
        });
        if let Some(action) = action {
            self.file_action(action);
        }
    }

    fn file_action(&mut self, action: FileAction) {
        match self.file_menu.perform(action, &mut self.doc) {
            Ok(Some(text)) => {
                self.notice = Some(Notice {
                    text,
                    is_error: false,
                })
            }
            Ok(None) => {}
            Err(text) => {
                self.notice = Some(Notice {
                    text,
                    is_error: true,
                })
            }
        }
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
                self.derived.roster.conflicts()
            ));
            if let Some(notice) = &self.notice {
                ui.separator();
                let text = egui::RichText::new(&notice.text);
                if notice.is_error {
                    ui.label(text.color(ui.visuals().error_fg_color))
                        .on_hover_text("The file on disk was not changed.");
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

impl eframe::App for BoardExplorerApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        BoardExplorerApp::ui(self, ui);
    }
}
