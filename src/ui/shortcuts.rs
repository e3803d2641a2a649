//! Every keyboard shortcut, in one table ([`TABLE`]): what it does, its keys, where it acts,
//! and its words. The code asks the table by action ([`pressed`], [`shortcut`], [`key`]) and
//! the Help menu lists the same table ([`help_ui`]), so what the app does and what it says it
//! does cannot drift apart.
//!
//! Who may act on a key is [`Keys`]'s to say (a modal window, prompt or dialog owns the
//! keyboard while it is open); the rows say where each key acts:
//! - [`Scope::Window`] and the tabs' rows are asked through [`pressed`], never behind a modal;
//! - [`Scope::ReviewList`] rows act only while the review list has egui's keyboard focus (the
//!   list reads them itself, each key event with its own modifiers);
//! - [`Scope::SuggestionEditor`] rows act while that form is open;
//! - [`Scope::Field`] and [`Scope::Dialog`] rows belong to the field or the dialog that has the
//!   keyboard: Enter leaving a one-line field ([`entered`]), Enter or Escape in a dialog
//!   ([`pressed_here`]).

use egui::{Key, KeyboardShortcut, Modifiers};

use super::keys::Keys;

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray)]
pub enum Action {
    Open,
    Save,
    SaveAs,
    Undo,
    Redo,
    FindActor,
    AddActor,
    DeleteActor,
    CancelCellEdit,
    ImportSource,
    AddClaim,
    UnpickClaim,
    ReviewUp,
    ReviewDown,
    ReviewExtendUp,
    ReviewExtendDown,
    ReviewAccept,
    ReviewReject,
    ReviewEdit,
    CloseSuggestionEditor,
    /// Enter in a one-line field: keep what was typed.
    Keep,
    /// Enter in a dialog: its main button.
    Confirm,
    /// Escape in a dialog: close it.
    Cancel,
}

/// Where a key acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window, unless a modal owns the keyboard.
    Window,
    Roster,
    Sources,
    /// While the review list has the keyboard focus.
    ReviewList,
    /// While a suggestion is being edited.
    SuggestionEditor,
    /// In the one-line field that has the keyboard.
    Field,
    /// In the dialog that is open.
    Dialog,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::Window => "Anywhere",
            Scope::Roster => "Roster",
            Scope::Sources => "Sources",
            Scope::ReviewList => "Suggestion list (when it has the focus)",
            Scope::SuggestionEditor => "Editing a suggestion",
            Scope::Field => "A one-line field",
            Scope::Dialog => "A dialog",
        }
    }
}

/// One row of the table. An action may have more than one row (Redo: Ctrl+Shift+Z or Ctrl+Y).
#[derive(Clone, Copy, Debug)]
pub struct Shortcut {
    pub action: Action,
    pub keys: KeyboardShortcut,
    pub scope: Scope,
    /// What it does, in the Help menu's words.
    pub label: &'static str,
}

impl Shortcut {
    /// Whether a press is taken (consumed), so that nothing else sees it: keys with modifiers
    /// are; a plain key (Delete, Escape) is not, so a text field with the keyboard gets it too.
    fn consumed(&self) -> bool {
        !self.keys.modifiers.is_none()
    }
}

const fn row(
    action: Action,
    modifiers: Modifiers,
    key: Key,
    scope: Scope,
    label: &'static str,
) -> Shortcut {
    Shortcut {
        action,
        keys: KeyboardShortcut::new(modifiers, key),
        scope,
        label,
    }
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

/// Every shortcut. Where one set of keys is a prefix of another (Ctrl+S of Ctrl+Shift+S), the
/// longer is asked first by the code that reads them.
#[rustfmt::skip]
pub const TABLE: &[Shortcut] = &[
    row(Action::Open, CMD, Key::O, Scope::Window, "Open a dataset"),
    row(Action::Save, CMD, Key::S, Scope::Window, "Save"),
    row(Action::SaveAs, CMD_SHIFT, Key::S, Scope::Window, "Save as another file"),
    row(Action::Undo, CMD, Key::Z, Scope::Window, "Undo (a text field undoes its own typing)"),
    row(Action::Redo, CMD_SHIFT, Key::Z, Scope::Window, "Redo"),
    row(Action::Redo, CMD, Key::Y, Scope::Window, "Redo"),
    row(Action::FindActor, CMD, Key::F, Scope::Roster, "Search names and aliases"),
    row(Action::AddActor, CMD, Key::N, Scope::Roster, "Add an actor"),
    row(Action::DeleteActor, NONE, Key::Delete, Scope::Roster, "Delete the selected actor (asks first)"),
    row(Action::CancelCellEdit, NONE, Key::Escape, Scope::Roster, "Cancel the cell being edited"),
    row(Action::ImportSource, CMD, Key::I, Scope::Sources, "Import a source"),
    row(Action::AddClaim, CMD, Key::Enter, Scope::Sources, "Add the claim quoting the selected words"),
    row(Action::UnpickClaim, NONE, Key::Escape, Scope::Sources, "Unpick the picked claim"),
    row(Action::ReviewUp, NONE, Key::ArrowUp, Scope::ReviewList, "Select the suggestion above"),
    row(Action::ReviewDown, NONE, Key::ArrowDown, Scope::ReviewList, "Select the suggestion below"),
    row(Action::ReviewExtendUp, SHIFT, Key::ArrowUp, Scope::ReviewList, "Extend the selection up"),
    row(Action::ReviewExtendDown, SHIFT, Key::ArrowDown, Scope::ReviewList, "Extend the selection down"),
    row(Action::ReviewAccept, NONE, Key::Enter, Scope::ReviewList, "Accept the selected suggestions"),
    row(Action::ReviewReject, NONE, Key::Delete, Scope::ReviewList, "Reject the selected suggestions"),
    row(Action::ReviewReject, NONE, Key::Backspace, Scope::ReviewList, "Reject the selected suggestions"),
    row(Action::ReviewEdit, NONE, Key::E, Scope::ReviewList, "Edit the selected suggestion"),
    row(Action::CloseSuggestionEditor, NONE, Key::Escape, Scope::SuggestionEditor, "Close the form, keeping the suggestion as it was"),
    row(Action::Keep, NONE, Key::Enter, Scope::Field, "Keep what was typed (a path, a date, a pledge, a Find: next place)"),
    row(Action::Confirm, NONE, Key::Enter, Scope::Dialog, "The dialog's main button (Add actor: Add)"),
    row(Action::Cancel, NONE, Key::Escape, Scope::Dialog, "Close the dialog (the source form, when not typing)"),
];

/// The rows of `action`.
fn rows(action: Action) -> impl Iterator<Item = &'static Shortcut> {
    TABLE.iter().filter(move |s| s.action == action)
}

/// The first keys of `action`, for a menu's or a tooltip's words.
pub fn shortcut(action: Action) -> KeyboardShortcut {
    rows(action)
        .next()
        .map(|s| s.keys)
        .expect("every action has a row")
}

/// The key of `action` (its first row), for code that reads key events itself.
pub fn key(action: Action) -> Key {
    shortcut(action).logical_key
}

/// Every key of `action` (Reject: Delete or Backspace).
pub fn keys_of(action: Action) -> impl Iterator<Item = Key> {
    rows(action).map(|s| s.keys.logical_key)
}

/// The keys of `action` in the platform's words ("Ctrl+I").
pub fn text(ctx: &egui::Context, action: Action) -> String {
    ctx.format_shortcut(&shortcut(action))
}

/// Whether `action` was asked for this frame by its keys, unless a modal owns the keyboard.
/// A shortcut with modifiers is taken (consumed); a plain key is only looked at, so that a text
/// field sees it too.
pub fn pressed(ui: &egui::Ui, keys: Keys, action: Action) -> bool {
    rows(action).any(|s| {
        if s.consumed() {
            keys.shortcut(ui, &s.keys)
        } else {
            keys.pressed(ui, s.keys.logical_key)
        }
    })
}

/// Whether `action`'s key was pressed for what owns the keyboard: the dialog that is open, the
/// field being typed in (asked whatever [`Keys`] says: the keys are theirs).
pub fn pressed_here(ui: &egui::Ui, action: Action) -> bool {
    if action == Action::Confirm && control_has_keyboard(ui.ctx()) {
        return false;
    }
    ui.input(|i| rows(action).any(|s| i.key_pressed(s.keys.logical_key)))
}

/// Whether a button, a check box or a list (anything but a text field) has the keyboard: Enter
/// is then that control's own (it presses the button, opens the list, picks from it), never
/// also the dialog's main button.
fn control_has_keyboard(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused()).is_some() && !ctx.text_edit_focused()
}

/// Whether Enter just left the one-line `field` (egui takes the focus from it on Enter): keep
/// what was typed.
pub fn entered(ui: &egui::Ui, field: &egui::Response) -> bool {
    field.lost_focus() && pressed_here(ui, Action::Keep)
}

/// The table, for the Help menu: where, keys, what.
pub fn help_ui(ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    egui::Grid::new("shortcut_table")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            let mut last = None;
            for s in TABLE {
                let scope = (last != Some(s.scope)).then(|| s.scope.label());
                last = Some(s.scope);
                ui.label(egui::RichText::new(scope.unwrap_or("")).weak());
                ui.label(egui::RichText::new(ctx.format_shortcut(&s.keys)).strong());
                ui.label(s.label);
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_keys_and_no_keys_act_twice_in_one_place() {
        for &action in <Action as strum::VariantArray>::VARIANTS {
            assert!(rows(action).next().is_some(), "{action:?} has no keys");
        }
        for s in TABLE {
            let same = TABLE
                .iter()
                .filter(|o| o.scope == s.scope && o.keys == s.keys)
                .count();
            assert_eq!(same, 1, "{:?} twice in {:?}", s.keys, s.scope);
        }
    }
}
