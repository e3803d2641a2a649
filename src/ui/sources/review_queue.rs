//! The review queue: a source's suggested claims in a list beside its text, worked through
//! with the keyboard. Enter accepts the selected one, Delete rejects it, E edits it, Up and
//! Down move; "Accept all shown" takes every suggestion that passes the confidence filter.
//! These keys are the list's only while it has the keyboard focus (a click on a row, or Tab),
//! shown by a ring around it: a key meant for a field or a dialog never changes the data.
//!
//! This file only shows rows and reports what the user did ([`QueueAction`]); what a row is
//! made from, and what accepting or rejecting changes, is decided by the caller (see
//! `review.rs`), so the list can be driven and tested on its own.

use std::ops::Range;

use egui::{Key, Sense};

use crate::ui::shortcuts::{self, Action};

/// What the list is called for screen readers and tests.
const LIST_LABEL: &str = "Suggestion list";

/// The list's id: its keyboard focus is what gives the queue its keys. Only one queue is
/// shown at a time.
fn list_id() -> egui::Id {
    egui::Id::unique("review_queue_list")
}

/// Gives the list the keyboard (a click on a row or a button, an import, an edit done).
pub fn focus_list(ctx: &egui::Context) {
    ctx.memory_mut(|m| m.request_focus(list_id()));
}

/// Whether the list has the keyboard.
fn list_has_focus(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.has_focus(list_id()))
}

/// One suggestion as the list shows it, worked out when the list is rebuilt, never per frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Whom it is about, as named in the dataset or in the text.
    pub who: String,
    /// What accepting adds besides the claim: an actor not yet in the dataset ("new: Ajay
    /// Banga, person, office World Bank President"), or an alias of a known one.
    pub adds: Option<String>,
    /// "status: accepted".
    pub value: String,
    /// The body the fact is about, when it is not the main one.
    pub body: Option<String>,
    /// The day the fact holds from, as text.
    pub as_of: Option<String>,
    /// 0 to 1.
    pub confidence: f32,
    /// The quoted words, on one line.
    pub quote: String,
    /// The quote and its sentence, in bytes of the source's text.
    pub span: Range<usize>,
    pub sentence: Range<usize>,
    /// Whether the user changed it (E) since it was suggested.
    pub edited: bool,
    /// The rule that made it and the words it read ("signed the charter: list after
    /// 'signing the charter included'"), shown on hover.
    pub why: String,
}

/// What the user asked of the queue, by row position.
#[derive(Clone, Debug, PartialEq)]
pub enum QueueAction {
    Accept(Vec<usize>),
    Reject(Vec<usize>),
    /// Open the edit form for a row.
    Edit(usize),
}

/// The lowest confidence shown; "Accept all shown" takes exactly what is shown.
const FILTERS: [(f32, &str); 4] = [
    (0.0, "any"),
    (0.5, "50% or more"),
    (0.7, "70% or more"),
    (0.9, "90% or more"),
];

/// Below this width a row gives the value a line of its own.
const NARROW_ROW: f32 = 280.0;

#[derive(Debug, Default)]
pub struct QueueView {
    /// The selected row, among all rows (not only those shown).
    pub selected: usize,
    /// The other end of a range selected with Shift+↑/↓ (or Shift+click), if any.
    pub extent: Option<usize>,
    /// The lowest confidence shown.
    pub min_confidence: f32,
    /// Set when the selection moved by keyboard: the list scrolls to it once.
    reveal: bool,
}

impl QueueView {
    /// The rows passing the filter, in order.
    pub fn shown(&self, rows: &[Row]) -> Vec<usize> {
        (0..rows.len())
            .filter(|&i| rows[i].confidence >= self.min_confidence)
            .collect()
    }

    /// Keeps the selection on a shown row (after rows were accepted, rejected or filtered).
    fn settle(&mut self, shown: &[usize]) {
        if self.extent.is_some_and(|e| !shown.contains(&e)) {
            self.extent = None;
        }
        if shown.is_empty() || shown.contains(&self.selected) {
            return;
        }
        // The next shown row after the old place, else the last one.
        self.selected = shown
            .iter()
            .copied()
            .find(|&i| i > self.selected)
            .unwrap_or(shown[shown.len() - 1]);
    }

    /// The selected rows (the range from `extent` to `selected`), among those shown.
    pub fn chosen(&self, rows: &[Row]) -> Vec<usize> {
        let shown = self.shown(rows);
        let Some(at) = shown.iter().position(|&i| i == self.selected) else {
            return Vec::new();
        };
        let other = self
            .extent
            .and_then(|e| shown.iter().position(|&i| i == e))
            .unwrap_or(at);
        shown[at.min(other)..=at.max(other)].to_vec()
    }

    /// The selected row, if any row is shown.
    pub fn current(&self, rows: &[Row]) -> Option<usize> {
        let shown = self.shown(rows);
        shown.contains(&self.selected).then_some(self.selected)
    }

    /// The keys: Up and Down move (with Shift, extend the selection), Enter accepts the
    /// selected rows, Delete (or Backspace) rejects them, E edits the current one.
    /// Only while the list itself has the keyboard focus: anywhere else, the keys are not its.
    pub fn keys(&mut self, ui: &egui::Ui, rows: &[Row]) -> Option<QueueAction> {
        if !list_has_focus(ui.ctx()) {
            return None;
        }
        let shown = self.shown(rows);
        self.settle(&shown);
        let at = shown.iter().position(|&i| i == self.selected)?;
        // By each key event's own modifiers: the modifier state of the frame may already have
        // moved on (a quick Shift+↓ can arrive with Shift released).
        let plain = |k: Key| ui.input_mut(|i| take_key(i, k, false));
        let shifted = |k: Key| ui.input_mut(|i| take_key(i, k, true));
        let mut action = None;
        let step = |up: bool| {
            if up {
                at.checked_sub(1).map(|p| shown[p])
            } else {
                shown.get(at + 1).copied()
            }
        };
        for up in [false, true] {
            let (key, extend) = if up {
                (Action::ReviewUp, Action::ReviewExtendUp)
            } else {
                (Action::ReviewDown, Action::ReviewExtendDown)
            };
            if shifted(shortcuts::key(extend))
                && let Some(next) = step(up)
            {
                self.extent.get_or_insert(self.selected);
                self.selected = next;
                self.reveal = true;
            } else if plain(shortcuts::key(key))
                && let Some(next) = step(up)
            {
                self.extent = None;
                self.selected = next;
                self.reveal = true;
            }
        }
        if plain(shortcuts::key(Action::ReviewAccept)) {
            action = Some(QueueAction::Accept(self.chosen(rows)));
        } else if shortcuts::keys_of(Action::ReviewReject).any(plain) {
            action = Some(QueueAction::Reject(self.chosen(rows)));
        } else if plain(shortcuts::key(Action::ReviewEdit)) {
            action = Some(QueueAction::Edit(self.selected));
        }
        self.taking(action.as_ref());
        action
    }

    /// Rows accepted or rejected leave the list, the range with them; the selection goes to
    /// where the first of them stood, which, once they are gone, is the next unreviewed row
    /// (not a later one: the selection is a place in the list, which shrinks).
    fn taking(&mut self, action: Option<&QueueAction>) {
        if let Some(QueueAction::Accept(rows) | QueueAction::Reject(rows)) = action {
            self.extent = None;
            if let Some(&first) = rows.iter().min() {
                self.selected = first;
            }
        }
    }

    /// The list, its filter and buttons. `empty` says what to do when there is nothing to
    /// review.
    pub fn ui(&mut self, ui: &mut egui::Ui, rows: &[Row], empty: &str) -> Option<QueueAction> {
        let mut action = None;
        let shown = self.shown(rows);
        self.settle(&shown);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Confidence");
            let current = FILTERS
                .iter()
                .find(|(v, _)| *v == self.min_confidence)
                .map_or("any", |(_, l)| l);
            egui::ComboBox::from_id_salt("review_confidence")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (v, l) in FILTERS {
                        ui.selectable_value(&mut self.min_confidence, v, l);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Show only suggestions the extractor is at least this sure of");
            if rows.len() > shown.len() {
                ui.label(
                    egui::RichText::new(format!("{} hidden", rows.len() - shown.len()))
                        .weak()
                        .small(),
                );
            }
        });
        if shown.is_empty() {
            ui.label(egui::RichText::new(empty).weak());
            return None;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 3.0 + 6.0;
        let position = shown.iter().position(|&i| i == self.selected);
        let mut area = egui::ScrollArea::vertical()
            .id_salt("review_rows")
            .max_height((row_height * 6.5).min(ui.available_height().max(row_height * 2.5)))
            .auto_shrink([false, true]);
        if std::mem::take(&mut self.reveal)
            && let Some(p) = position
        {
            area = area.vertical_scroll_offset(((p as f32 - 1.0) * row_height).max(0.0));
        }
        let chosen = self.chosen(rows);
        let mut clicked = false;
        let list = area.show_rows(ui, row_height, shown.len(), |ui, range| {
            for p in range {
                let i = shown[p];
                if self.row(ui, &rows[i], chosen.contains(&i), row_height) {
                    if ui.input(|inp| inp.modifiers.shift) {
                        self.extent.get_or_insert(self.selected);
                    } else {
                        self.extent = None;
                    }
                    self.selected = i;
                    clicked = true;
                }
            }
        });
        focus_ring(ui, list.inner_rect, clicked);
        let chosen = self.chosen(rows);
        let current = self.selected;
        if let Some(row) = rows.get(current) {
            // The selected suggestion in full: the list rows cut long quotes.
            ui.label(egui::RichText::new(format!("“{}”", row.quote)).italics());
        }
        ui.horizontal_wrapped(|ui| {
            let button = |ui: &mut egui::Ui, text: &str, tip: &str| {
                let r = ui.button(text).on_hover_text(tip);
                if r.clicked() {
                    // The user is working through the list: its keys go on from here.
                    focus_list(ui.ctx());
                }
                r.clicked()
            };
            let (accept, reject) = match chosen.len() {
                1 => ("Accept".to_string(), "Reject".to_string()),
                n => (format!("Accept {n}"), format!("Reject {n}")),
            };
            if button(
                ui,
                &accept,
                "Add the selected claims (and their actors, if new) to the dataset, in one step \
                 (Enter; Shift+↑/↓ selects several)",
            ) {
                action = Some(QueueAction::Accept(chosen.clone()));
            }
            if button(
                ui,
                &reject,
                "Drop the selected suggestions; they are not offered again for this source \
                 (Delete)",
            ) {
                action = Some(QueueAction::Reject(chosen.clone()));
            }
            if button(ui, "Change…", "Edit its actor, value, date or body (E)") {
                action = Some(QueueAction::Edit(current));
            }
            if button(
                ui,
                &format!("Accept all shown ({})", shown.len()),
                "Add every suggestion listed as claims, in one step (one Ctrl+Z takes them back)",
            ) {
                action = Some(QueueAction::Accept(shown.clone()));
            }
        });
        self.taking(action.as_ref());
        action
    }

    /// One row: who and what on the first line, the quote on the second, the rest on the
    /// third. Returns whether it was clicked.
    fn row(&self, ui: &mut egui::Ui, row: &Row, selected: bool, height: f32) -> bool {
        let (rect, response) = ui.allocate_exact_size(
            egui::vec2(ui.available_width(), height),
            // Clickable but never focused: the arrows and Enter stay with the queue.
            Sense::CLICK,
        );
        let visuals = ui.visuals();
        if selected {
            ui.painter()
                .rect_filled(rect, 3.0, visuals.selection.bg_fill.gamma_multiply(0.6));
        } else if response.hovered() {
            ui.painter()
                .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let label = format!(
            "{} · {} · {:.0}%",
            row.who,
            row.value,
            row.confidence * 100.0
        );
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, &label)
        });
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect.shrink2(egui::vec2(4.0, 2.0)))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        child.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        child.spacing_mut().item_spacing.y = 1.0;
        // In a narrow panel the value gets a line of its own (with the day and what is new),
        // so that neither the name nor the value is cut: "Benjamin Netanyahu s…" said nothing.
        let narrow = rect.width() < NARROW_ROW;
        child.horizontal(|ui| {
            // The confidence first: a long name must not push it out of a narrow panel.
            let colour = confidence_colour(ui, row.confidence);
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!("{:.0}%", row.confidence * 100.0))
                        .small()
                        .color(colour),
                )
                .selectable(false),
            );
            // The row's words lie over the row: each says why too, wherever the pointer rests.
            ui.add(egui::Label::new(egui::RichText::new(&row.who).strong()).selectable(false))
                .on_hover_text(why(row));
            if !narrow {
                ui.add(egui::Label::new(&row.value).selectable(false))
                    .on_hover_text(why(row));
            }
            if row.edited {
                ui.add(egui::Label::new(egui::RichText::new("edited").small()).selectable(false));
            }
        });
        let mut rest = Vec::new();
        if let Some(new) = &row.adds {
            rest.push(new.clone());
        }
        if let Some(body) = &row.body {
            rest.push(body.clone());
        }
        if let Some(day) = &row.as_of {
            rest.push(format!("as of {day}"));
        }
        let rest = rest.join(" · ");
        let colour = if row.adds.is_some() {
            child.visuals().warn_fg_color
        } else {
            child.visuals().weak_text_color()
        };
        let quote = |ui: &mut egui::Ui| {
            ui.add(
                egui::Label::new(egui::RichText::new(format!("“{}”", row.quote)).italics())
                    .selectable(false),
            )
            .on_hover_text(why(row));
        };
        if narrow {
            child.horizontal(|ui| {
                ui.add(egui::Label::new(&row.value).selectable(false))
                    .on_hover_text(why(row));
                ui.add(
                    egui::Label::new(egui::RichText::new(rest).small().color(colour))
                        .selectable(false),
                );
            });
            quote(&mut child);
        } else {
            quote(&mut child);
            child.add(
                egui::Label::new(egui::RichText::new(rest).small().color(colour)).selectable(false),
            );
        }
        let clicked = response.clicked();
        response.on_hover_text(format!(
            "{}\n\nClick to select and to give the list the keys: Enter accepts, Delete \
             rejects, E edits, ↑/↓ move. The sentence is highlighted in the text.",
            why(row)
        ));
        clicked
    }
}

/// The rule behind a suggestion and the words it read, as its tooltip says it.
fn why(row: &Row) -> String {
    format!("Why: {}", row.why)
}

/// The list as one focusable widget over its rows (`rect`): a click on a row (`clicked`) or
/// Tab gives it the keyboard, a click anywhere else takes it away (egui's own rule), and a
/// ring around it shows that it has it.
fn focus_ring(ui: &mut egui::Ui, rect: egui::Rect, clicked: bool) {
    let response = ui.interact(rect, list_id(), Sense::FOCUSABLE);
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::List, true, LIST_LABEL));
    if clicked {
        // After egui's rule above, which took the focus away for a click on a row.
        response.request_focus();
    }
    if !response.has_focus() {
        return;
    }
    // ↑/↓ move the selection, not egui's focus to the widget above or below the list.
    let filter = egui::EventFilter {
        vertical_arrows: true,
        ..Default::default()
    };
    ui.memory_mut(|m| m.set_focus_lock_filter(list_id(), filter));
    let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
    ui.painter()
        .rect_stroke(rect, 3.0, stroke, egui::StrokeKind::Inside);
}

/// Takes a press of `key` with no modifier but (if `shift`) Shift out of this frame's events.
fn take_key(i: &mut egui::InputState, key: Key, shift: bool) -> bool {
    let before = i.events.len();
    i.events.retain(|e| {
        !matches!(e, egui::Event::Key { key: k, pressed: true, modifiers, .. }
            if *k == key
                && modifiers.shift == shift
                && !(modifiers.alt || modifiers.ctrl || modifiers.command || modifiers.mac_cmd))
    });
    i.events.len() < before
}

/// Sure suggestions in the normal colour, doubtful ones in the warning colour.
fn confidence_colour(ui: &egui::Ui, confidence: f32) -> egui::Color32 {
    if confidence >= 0.7 {
        ui.visuals().weak_text_color()
    } else {
        ui.visuals().warn_fg_color
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn row(who: &str, confidence: f32) -> Row {
        Row {
            who: who.into(),
            adds: None,
            value: "status: accepted".into(),
            body: None,
            as_of: None,
            confidence,
            quote: format!("{who} has accepted"),
            span: 0..1,
            sentence: 0..1,
            edited: false,
            why: String::new(),
        }
    }

    struct State {
        view: QueueView,
        rows: Vec<Row>,
        actions: Vec<QueueAction>,
    }

    fn harness(rows: Vec<Row>) -> Harness<'static, State> {
        let state = State {
            view: QueueView::default(),
            rows,
            actions: Vec::new(),
        };
        Harness::new_ui_state(
            |ui, s: &mut State| {
                if let Some(a) = s.view.keys(ui, &s.rows) {
                    s.actions.push(a);
                }
                if let Some(a) = s.view.ui(ui, &s.rows, "Nothing to review.") {
                    s.actions.push(a);
                }
            },
            state,
        )
    }

    #[test]
    fn keys_move_accept_reject_and_edit_the_selected_row() {
        let mut h = harness(vec![
            row("Hungary", 0.9),
            row("Canada", 0.8),
            row("Egypt", 0.6),
        ]);
        h.run();
        // Not the list's until it has the focus.
        h.key_press(Key::Enter);
        h.run();
        assert!(h.state().actions.is_empty());
        h.get_by_role_and_label(egui::accesskit::Role::List, LIST_LABEL)
            .focus();
        h.run();
        h.key_press(Key::Enter);
        h.run();
        h.key_press(Key::ArrowDown);
        h.run();
        h.key_press(Key::ArrowDown);
        h.run();
        h.key_press(Key::ArrowDown); // Past the end: stays on the last row.
        h.run();
        h.key_press(Key::Delete);
        h.run();
        h.key_press(Key::ArrowUp);
        h.run();
        h.key_press(Key::E);
        h.run();
        // Shift+↓ extends the selection: Enter takes both rows at once.
        h.key_press_modifiers(egui::Modifiers::SHIFT, Key::ArrowDown);
        h.run();
        h.key_press(Key::Enter);
        h.run();
        // Accepting ends the range and puts the selection where the first row taken stood
        // (row 1: in the real list, the next one once they are gone).
        assert_eq!(h.state().view.extent, None);
        assert_eq!(h.state().view.selected, 1);
        h.key_press(Key::ArrowUp);
        h.run();
        h.key_press(Key::Delete);
        h.run();
        assert_eq!(
            h.state().actions,
            [
                QueueAction::Accept(vec![0]),
                QueueAction::Reject(vec![2]),
                QueueAction::Edit(1),
                QueueAction::Accept(vec![1, 2]),
                QueueAction::Reject(vec![0]),
            ]
        );
    }

    #[test]
    fn the_filter_decides_what_accept_all_takes() {
        let mut h = harness(vec![
            row("Hungary", 0.95),
            row("Canada", 0.4),
            row("Egypt", 0.75),
        ]);
        h.run();
        h.get_by_label("Accept all shown (3)").click();
        h.run();
        h.state_mut().view.min_confidence = 0.7;
        h.run();
        h.get_by_label_contains("1 hidden");
        h.get_by_label("Accept all shown (2)").click();
        h.run();
        assert_eq!(
            h.state().actions,
            [
                QueueAction::Accept(vec![0, 1, 2]),
                QueueAction::Accept(vec![0, 2])
            ]
        );
    }

    #[test]
    fn clicking_a_row_selects_it_and_the_selection_skips_hidden_rows() {
        let mut h = harness(vec![
            row("Hungary", 0.95),
            row("Canada", 0.4),
            row("Egypt", 0.75),
        ]);
        h.run();
        h.get_by_label("Egypt · status: accepted · 75%").click();
        h.run();
        assert_eq!(h.state().view.selected, 2);
        // The click gave the list the keyboard.
        assert!(
            h.get_by_role_and_label(egui::accesskit::Role::List, LIST_LABEL)
                .is_focused()
        );
        h.state_mut().view.selected = 1;
        h.state_mut().view.min_confidence = 0.7;
        h.run();
        // Canada is hidden: the selection moves on to the next row shown.
        assert_eq!(h.state().view.selected, 2);
        h.state_mut().rows.clear();
        h.run();
        h.get_by_label("Nothing to review.");
    }
}
