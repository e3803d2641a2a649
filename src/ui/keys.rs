//! Who has the keyboard. While a modal window, prompt or dialog is open it owns every key: no
//! app or panel shortcut acts behind it (Enter in the typed-path window must not also accept
//! the suggestion selected behind it). The app decides this once per frame, before anything
//! reads a key, and every shortcut asks here (through [`crate::ui::shortcuts::pressed`]) rather
//! than checking the dialogs itself. Which keys do what is the shortcut table's to say.
//!
//! Keys that belong to one widget (the review list's Enter, Delete, E, arrows) are asked of
//! egui's keyboard focus instead: they act only while that widget has it.

use egui::{Key, KeyboardShortcut};

/// This frame's answer: whether a modal window owns the keyboard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    modal: bool,
}

impl Keys {
    /// Decided at the start of a frame: `dialog_open` says whether the app or a panel shows a
    /// dialog this frame. An `egui::Modal` shown last frame counts too, so that a modal added
    /// later owns the keyboard without having to be listed.
    pub fn new(ctx: &egui::Context, dialog_open: bool) -> Keys {
        let egui_modal = ctx.memory(|m| m.top_modal_layer().is_some());
        Keys {
            modal: dialog_open || egui_modal,
        }
    }

    /// Whether a modal window, prompt or dialog owns the keyboard.
    pub fn modal(self) -> bool {
        self.modal
    }

    /// Consumes a press of `shortcut` for the app or a panel, unless a modal owns the keys (it
    /// is then left for the modal).
    pub fn shortcut(self, ui: &egui::Ui, shortcut: &KeyboardShortcut) -> bool {
        !self.modal && ui.input_mut(|i| i.consume_shortcut(shortcut))
    }

    /// Whether `key` was pressed this frame for the app or a panel (never while a modal owns
    /// the keys). Not consumed: text fields see it too.
    pub fn pressed(self, ui: &egui::Ui, key: Key) -> bool {
        !self.modal && ui.input(|i| i.key_pressed(key))
    }
}
