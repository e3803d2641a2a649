//! The quick calculator: what an amount, in a currency, joining on a day, buys.

use super::SeatsPanel;
use super::table::{Shortfall, seat_words, shortfall_words};
use crate::model::data::money::parse_money;
use crate::model::derive::seats::quick_in_force;
use crate::model::{Money, PartialDate};

impl SeatsPanel {
    /// The quick calculator; terms and the payment window count from the body's entry into
    /// force (`in_force`), when known.
    pub(super) fn calculator_ui(&mut self, ui: &mut egui::Ui, in_force: Option<PartialDate>) {
        let rules = &self.form.as_ref().expect("set in ui()").rules;
        let c = &mut self.calculator;
        ui.heading("Quick calculator");
        egui::Grid::new("calc_grid").num_columns(2).show(ui, |ui| {
            let label = ui.label("Amount");
            ui.add(
                egui::TextEdit::singleline(&mut c.amount)
                    .desired_width(150.0)
                    .hint_text("860 million"),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Currency");
            ui.add(egui::TextEdit::singleline(&mut c.currency).desired_width(60.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Joining date");
            ui.add(
                egui::TextEdit::singleline(&mut c.joined)
                    .desired_width(100.0)
                    .hint_text("2026-01-22"),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
        if c.amount.trim().is_empty() {
            ui.label(
                egui::RichText::new("Type an amount to see what it buys under the rules above.")
                    .weak(),
            );
            return;
        }
        let (money, overridden) = match calculator_money(&c.amount, &c.currency) {
            Ok((m, o)) => (Ok(m), o),
            Err(e) => (Err(e), None),
        };
        if let Some(written) = overridden {
            ui.weak(format!(
                "The Currency field wins over the {written} in the amount."
            ));
        }
        let answer = money.and_then(|money| {
            let joined = match c.joined.trim() {
                "" => None,
                text => Some(
                    text.parse::<PartialDate>()
                        .map_err(|e| format!("Joining date: {e}"))?,
                ),
            };
            quick_in_force(rules, &money, joined, in_force).map_err(|e| e.to_string())
        });
        match answer {
            Ok(o) => {
                ui.label(egui::RichText::new(format!("Seat: {}", seat_words(&o))).strong());
                match shortfall_words(&o, rules) {
                    Shortfall::Lacks(words) => {
                        ui.label(format!("Lacks {words} for a permanent seat"));
                    }
                    Shortfall::MoreThan(words) => {
                        ui.label(format!("Needs more than {words} for a permanent seat"));
                    }
                    Shortfall::None | Shortfall::Unknown | Shortfall::NotApplicable => {}
                }
                ui.label(o.reason(rules).to_string());
            }
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
        }
    }
}

/// The calculator's amount: the amount text read as usual, in the currency of the Currency
/// field when one is typed there, even if the amount names another ("€860 million" with USD:
/// the field is the user's explicit choice). Also answers the currency the field overrode.
pub fn calculator_money(amount: &str, currency: &str) -> Result<(Money, Option<String>), String> {
    let typed = currency.trim().to_uppercase();
    if typed.is_empty() {
        return parse_money(amount)
            .map(|m| (m, None))
            .map_err(|e| e.to_string());
    }
    if typed.len() != 3 || !typed.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(format!(
            "Currency: \"{}\" is not a three-letter code like USD or EUR.",
            currency.trim()
        ));
    }
    match parse_money(amount) {
        Ok(written) => {
            let overridden = (written.currency != typed).then(|| written.currency.clone());
            Ok((
                Money {
                    amount: written.amount,
                    currency: typed,
                },
                overridden,
            ))
        }
        // No currency in the amount (the usual case): the field's.
        Err(_) => parse_money(&format!("{amount} {typed}"))
            .map(|m| (m, None))
            .map_err(|e| e.to_string()),
    }
}
