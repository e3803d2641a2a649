//! The seat rules of the body chosen above them: threshold, term, renewal, payment window,
//! exchange rates; unapplied changes are a what-if until applied or discarded.

use super::{RulesForm, SeatsPanel, rules_of};
use crate::model::data::body::{all, set_body_rules};
use crate::model::data::money::parse_money;
use crate::model::data::ops::hand_claim;
use crate::model::rules::{Comparison, ExchangeRate, PaymentWindow};
use crate::model::{EDITORS_NOTE, Edit, Fact, PartialDate, SeatRules};
use crate::ui::shortcuts;
use crate::ui::view::ViewCtx;

impl SeatsPanel {
    /// The chooser of the body whose rules the pane edits; only when there are sub-bodies.
    fn body_chooser(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let d = cx.dataset;
        let name = |id: Option<&str>| {
            id.and_then(|id| d.body_by_id(id))
                .map_or(d.body.name.as_str(), |b| b.name.as_str())
        };
        if d.sub_bodies.is_empty() {
            ui.label(egui::RichText::new(format!("of {}", d.body.name)).weak());
            return;
        }
        let mut chosen = self.rules_body.clone();
        ui.horizontal(|ui| {
            let label = ui.label("of");
            egui::ComboBox::from_id_salt("rules_body")
                .selected_text(name(chosen.as_deref()))
                .show_ui(ui, |ui| {
                    for (at, b) in all(d).enumerate() {
                        let id = (at > 0).then(|| b.id.clone());
                        ui.selectable_value(&mut chosen, id, &b.name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if chosen != self.rules_body {
            // Another body's rules: the form starts again from them.
            self.rules_body = chosen;
            self.form = None;
        }
    }

    pub(super) fn rules_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let d = cx.dataset;
        ui.heading("Seat rules");
        self.body_chooser(ui, cx);
        let saved = rules_of(d, self.rules_body.as_deref());
        let form = self.form.get_or_insert_with(|| RulesForm::from(saved));
        rules_grid(ui, form);
        window_ui(ui, form);
        exchange_rates_ui(ui, form);
        if let Some(e) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.add_space(6.0);
        self.apply_ui(ui, cx, saved);
    }

    /// Apply or discard the what-if (the rules changed in the form, the pledges tried in the
    /// table).
    fn apply_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, saved: &SeatRules) {
        let d = cx.dataset;
        let changed = self.is_what_if(saved);
        let form = self.form.as_mut().expect("set in ui()");
        ui.horizontal(|ui| {
            let apply = ui
                .add_enabled(changed && form.error.is_none(), egui::Button::new("Apply"))
                .on_hover_text("Make these the body's rules (and record what-if pledges as claims); Ctrl+Z undoes");
            if apply.clicked() {
                let mut edits = Vec::new();
                if form.rules != *saved {
                    let id = self.rules_body.clone().unwrap_or_else(|| d.body.id.clone());
                    match set_body_rules(d, &id, form.rules.clone()) {
                        Ok(edit) => edits.push(edit),
                        Err(why) => form.error = Some(why.to_string()),
                    }
                }
                                // Pledges become claims by the editor, appended one after the other. Their ids
                // differ by actor, so computing them against the current claims is enough.
                for (k, (actor, money)) in self.pledges.iter().enumerate() {
                    let note = "what-if pledge applied in the seat calculator";
                    let mut edit = hand_claim(d, &cx.derived.index, actor, Fact::Pledge(money.clone()), EDITORS_NOTE, None, note);
                    if let Edit::InsertClaim { at, .. } = &mut edit {
                        *at += k;
                    }
                    edits.push(edit);
                }
                cx.edit(Edit::Batch(edits), "Change seat rules");
                self.pledges.clear();
            }
            if ui.add_enabled(changed, egui::Button::new("Discard what-if")).clicked() {
                *form = RulesForm::from(saved);
                self.pledges.clear();
                self.pledge_edit = None;
            }
        });
        if changed {
            ui.label(
                egui::RichText::new(
                    "What-if: not applied. The table compares it with the saved rules.",
                )
                .color(ui.visuals().warn_fg_color),
            );
        }
    }
}

/// Threshold, comparison, term and renewal.
fn rules_grid(ui: &mut egui::Ui, form: &mut RulesForm) {
    egui::Grid::new("rules_grid")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("Permanent seat for");
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.rules.comparison, Comparison::AtLeast, "at least");
                ui.radio_value(
                    &mut form.rules.comparison,
                    Comparison::MoreThan,
                    "more than",
                );
            })
            .response
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Threshold");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut form.threshold)
                        .desired_width(150.0)
                        .hint_text("1 billion USD"),
                )
                .labelled_by(label.id)
                .on_hover_text("An amount and a currency: 1 billion USD, $1bn, €900 million");
            if field.changed() {
                match parse_money(&form.threshold) {
                    Ok(m) => {
                        form.rules.threshold = m;
                        form.error = None;
                    }
                    Err(e) => form.error = Some(format!("Threshold: {e}")),
                }
            }
            ui.end_row();
            let label = ui.label("Term (years)");
            ui.add(egui::DragValue::new(&mut form.rules.term_years).range(0..=50))
                .labelled_by(label.id)
                .on_hover_text("0: terms do not expire");
            ui.end_row();
            ui.label("");
            ui.checkbox(&mut form.rules.chair_can_renew, "renewable by the chair");
            ui.end_row();
        });
}

/// Whether the seat must be paid within a window, and which.
fn window_ui(ui: &mut egui::Ui, form: &mut RulesForm) {
    let mut windowed = form.rules.window.is_some();
    if ui
        .checkbox(&mut windowed, "Must be paid within a window")
        .on_hover_text("e.g. within 12 months after the charter enters into force")
        .changed()
    {
        form.rules.window = windowed.then(|| PaymentWindow {
            months: 12,
            after: "the charter enters into force".into(),
            from: form.window_from.parse().ok(),
        });
    }
    if let Some(window) = &mut form.rules.window {
        egui::Grid::new("window_grid")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Months");
                ui.add(egui::DragValue::new(&mut window.months).range(1..=600))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("after");
                ui.add(egui::TextEdit::singleline(&mut window.after).desired_width(180.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("which is on");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut form.window_from)
                            .desired_width(100.0)
                            .hint_text("2026-01-22"),
                    )
                    .labelled_by(label.id)
                    .on_hover_text("Leave empty while the date is unknown");
                if field.changed() {
                    match form.window_from.trim() {
                        "" => {
                            window.from = None;
                            form.error = None;
                        }
                        text => match text.parse::<PartialDate>() {
                            Ok(date) => {
                                window.from = Some(date);
                                form.error = None;
                            }
                            Err(e) => form.error = Some(format!("Window: {e}")),
                        },
                    }
                }
                ui.end_row();
            });
    }
}

/// The exchange rates to the threshold's currency: edit, remove, add one.
fn exchange_rates_ui(ui: &mut egui::Ui, form: &mut RulesForm) {
    ui.add_space(4.0);
    ui.label(
        egui::RichText::new(format!(
            "Exchange rates (to {})",
            form.rules.threshold.currency
        ))
        .strong(),
    );
    let mut remove = None;
    for (i, rate) in form.rules.exchange_rates.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label("1");
            let label = ui.label(&rate.currency);
            ui.label("=");
            ui.add(
                egui::DragValue::new(&mut rate.rate)
                    .speed(0.001)
                    .range(1e-6..=1e6)
                    .max_decimals(6),
            )
            .labelled_by(label.id);
            ui.label(&form.rules.threshold.currency);
            if ui
                .small_button("✖")
                .on_hover_text("Remove this rate")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        form.rules.exchange_rates.remove(i);
    }
    if let Some((code, text)) = &mut form.new_rate {
        let mut done = None;
        ui.horizontal(|ui| {
            ui.label("1");
            let label = ui.label(code.as_str());
            ui.label("=");
            let field = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .desired_width(70.0)
                        .hint_text("rate"),
                )
                .labelled_by(label.id)
                .on_hover_text("How many of the threshold's currency one unit buys");
            ui.label(&form.rules.threshold.currency);
            let enter = shortcuts::entered(ui, &field);
            if ui.small_button("Add").clicked() || enter {
                done = Some(true);
            }
            if ui.small_button("✖").on_hover_text("Do not add").clicked() {
                done = Some(false);
            }
        });
        match done {
            Some(true) => match parse_rate(text) {
                Ok(rate) => {
                    form.rules.exchange_rates.push(ExchangeRate {
                        currency: code.clone(),
                        rate,
                    });
                    form.new_rate = None;
                    form.error = None;
                }
                Err(e) => form.error = Some(e),
            },
            Some(false) => {
                form.new_rate = None;
                form.error = None;
            }
            None => {}
        }
    } else {
        ui.menu_button("Add a rate…", |ui| {
            for code in [
                "EUR", "GBP", "JPY", "CHF", "CNY", "SAR", "AED", "QAR", "RUB", "TRY",
            ] {
                let taken = code == form.rules.threshold.currency
                    || form.rules.exchange_rates.iter().any(|r| r.currency == code);
                if !taken && ui.button(code).clicked() {
                    form.new_rate = Some((code.into(), String::new()));
                    ui.close();
                }
            }
        });
    }
}

/// A typed exchange rate: a number within the range the file format accepts.
fn parse_rate(text: &str) -> Result<f64, String> {
    let rate: f64 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("Rate: \"{}\" is not a number.", text.trim()))?;
    if (1e-6..=1e6).contains(&rate) {
        Ok(rate)
    } else {
        Err("Rate: give a number between 0.000001 and 1000000.".into())
    }
}
