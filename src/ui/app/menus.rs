//! The menu bar's Edit and Help menus, the tab bar, and the window's own shortcuts.

use super::{BoardExplorerApp, Tab};
use crate::session::{Command, Document};
use crate::ui::action::UiAction;
use crate::ui::keys::Keys;
use crate::ui::shortcuts::{self, Action};

impl BoardExplorerApp {
    /// The tabs, the as-of badge with "Back to today", and the body's name on the right.
    pub(super) fn tab_bar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
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
    }

    pub(super) fn shortcuts(&mut self, ui: &mut egui::Ui, keys: Keys, actions: &mut Vec<UiAction>) {
        // Text fields keep Ctrl+Z for their own text while they have the keyboard; any other
        // widget with the focus (the review list) leaves it to the app.
        let typing = ui.ctx().text_edit_focused();
        // Save As before Save: Ctrl+Shift+S must not be taken as Ctrl+S; likewise redo.
        let save_as = shortcuts::pressed(ui, keys, Action::SaveAs);
        let save = shortcuts::pressed(ui, keys, Action::Save);
        let open = shortcuts::pressed(ui, keys, Action::Open);
        let redo = !typing && shortcuts::pressed(ui, keys, Action::Redo);
        let undo = !typing && shortcuts::pressed(ui, keys, Action::Undo);
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
}

/// The Edit menu: undo and redo, named for what they undo, and the name this user's claims
/// are signed with.
pub(super) fn edit_menu(
    ui: &mut egui::Ui,
    doc: &Document,
    author: &mut String,
    actions: &mut Vec<UiAction>,
) {
    ui.menu_button("Edit", |ui| {
        let ctx = ui.ctx().clone();
        let undo = match doc.undo_label() {
            Some(label) => format!("Undo {label}"),
            None => "Undo".to_string(),
        };
        let button = egui::Button::new(undo).shortcut_text(shortcuts::text(&ctx, Action::Undo));
        if ui.add_enabled(doc.undo_label().is_some(), button).clicked() {
            actions.push(UiAction::Run(Command::Undo));
        }
        let redo = match doc.redo_label() {
            Some(label) => format!("Redo {label}"),
            None => "Redo".to_string(),
        };
        let button = egui::Button::new(redo).shortcut_text(shortcuts::text(&ctx, Action::Redo));
        if ui.add_enabled(doc.redo_label().is_some(), button).clicked() {
            actions.push(UiAction::Run(Command::Redo));
        }
        ui.separator();
        ui.horizontal(|ui| {
            let label = ui.label("Your name");
            let field = ui
                .add(
                    egui::TextEdit::singleline(author)
                        .desired_width(160.0)
                        .hint_text("signs the claims you add"),
                )
                .labelled_by(label.id)
                .on_hover_text(
                    "Each claim you add or accept records this name: your newer hand edit \
                     replaces only your own older one, and a teammate's opposite edit shows as \
                     a conflict. Git's user.name until you set it.",
                );
            if field.changed() {
                actions.push(UiAction::Run(Command::SetAuthor(author.clone())));
            }
        });
    });
}

/// The Help menu: every keyboard shortcut, from the table the app reads its keys from.
pub(super) fn help_menu(ui: &mut egui::Ui) {
    ui.menu_button("Help", |ui| {
        ui.strong("Keyboard shortcuts");
        shortcuts::help_ui(ui);
    });
}
