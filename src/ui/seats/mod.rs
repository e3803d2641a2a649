//! The Seats tab: the body's seat rules, a quick calculator, and the rules applied to every
//! member with totals and term expiries.
//!
//! Editing the rules here does not touch the dataset at once: the edited rules (and any
//! what-if pledges typed in the table) are a *what-if*, shown side by side with the saved
//! rules until the user applies them (one undoable edit) or discards them. The rules pane
//! chooses the body whose rules it edits (a sub-body has its own); the table is the main
//! body's.

use std::collections::BTreeMap;

use egui_extras::{Column as TableColumn, TableBuilder};

use super::view::ViewCtx;
use crate::model::body::{all, body_dates, set_body_rules};
use crate::model::money::{format_amount, format_money, parse_money};
use crate::model::ops::hand_claim;
use crate::model::rules::{Comparison, ExchangeRate, PaymentWindow};
use crate::model::seats::{
    SeatContext, SeatKind, SeatOutcome, Totals, amount_words, quick_in_force, seat_what_if, totals,
};
use crate::model::{Dataset, Derived, EDITORS_NOTE, Edit, Fact, Money, PartialDate, SeatRules};

/// The saved rules of the body with id `body` (`None`, or a body no longer there: the main
/// body's).
fn rules_of<'d>(d: &'d Dataset, body: Option<&str>) -> &'d SeatRules {
    body.and_then(|id| d.sub_bodies.iter().find(|b| b.id == id))
        .map_or(&d.body.seat_rules, |b| &b.seat_rules)
}

/// The narrowest window that shows the rules pane beside the table at first (narrower ones
/// fold it behind a button, so that every column of the table stays readable).
const RULES_BESIDE_TABLE: f32 = 960.0;

/// The rules as being edited, with the text fields that may not parse yet.
#[derive(Clone, Debug)]
struct RulesForm {
    /// The saved rules this form started from: when they change (apply, undo, another file),
    /// the form follows them.
    base: SeatRules,
    rules: SeatRules,
    threshold: String,
    window_from: String,
    error: Option<String>,
    /// A rate being added: its currency and the rate as typed. It joins the rules only once a
    /// rate is typed, so adding one never changes the what-if by itself.
    new_rate: Option<(String, String)>,
}

impl RulesForm {
    fn from(rules: &SeatRules) -> Self {
        RulesForm {
            base: rules.clone(),
            rules: rules.clone(),
            threshold: format!(
                "{} {}",
                format_amount(rules.threshold.amount),
                rules.threshold.currency
            ),
            window_from: rules
                .window
                .as_ref()
                .and_then(|w| w.from)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            error: None,
            new_rate: None,
        }
    }
}

#[derive(Clone, Debug)]
struct Calculator {
    amount: String,
    currency: String,
    joined: String,
}

impl Default for Calculator {
    fn default() -> Self {
        Calculator {
            amount: String::new(),
            currency: "USD".into(),
            joined: chrono::Local::now().date_naive().to_string(),
        }
    }
}

/// The what-if outcomes, rebuilt only when the dataset or the what-if changes.
#[derive(Default)]
struct WhatIf {
    key: Option<(u64, SeatRules, BTreeMap<String, Money>)>,
    /// Roster rows shown (members, or everyone), and their outcomes under the what-if.
    rows: Vec<usize>,
    outcomes: Vec<SeatOutcome>,
    totals: Totals,
    saved_totals: Totals,
}

#[derive(Default)]
pub struct SeatsPanel {
    form: Option<RulesForm>,
    /// What-if pledges by actor id.
    pledges: BTreeMap<String, Money>,
    /// The what-if pledge being typed: actor id and text.
    pledge_edit: Option<(String, String)>,
    pub show_everyone: bool,
    calculator: Calculator,
    what_if: WhatIf,
    shown_everyone: bool,
    /// Whether the rules and calculator pane shows; `None` until the first frame, which opens
    /// it where the window is wide enough to keep the table readable beside it.
    pub rules_open: Option<bool>,
    /// The sub-body whose rules the pane edits, by id; `None`: the main body.
    pub rules_body: Option<String>,
    /// The chosen sub-body's entry into force for the calculator, found once per revision,
    /// date and body: (revision, as-of date, body id, the day).
    sub_in_force: Option<(u64, Option<chrono::NaiveDate>, String, Option<PartialDate>)>,
    /// Whether the window was that wide when `rules_open` was last decided: when a resize
    /// crosses the line, the pane follows the width again (open when wide, folded when
    /// narrow), so that a window narrowed after the first frame still keeps every column.
    rules_decided_wide: Option<bool>,
}

impl SeatsPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        if self
            .rules_body
            .as_ref()
            .is_some_and(|id| d.body_by_id(id).is_none())
        {
            // Removed (or undone away): back to the main body's rules.
            self.rules_body = None;
            self.form = None;
        }
        let saved = rules_of(d, self.rules_body.as_deref());
        let form = self.form.get_or_insert_with(|| RulesForm::from(saved));
        if form.base != *saved {
            *form = RulesForm::from(saved);
        }
        let wide = ui.available_width() >= RULES_BESIDE_TABLE;
        if self.rules_decided_wide != Some(wide) {
            self.rules_decided_wide = Some(wide);
            self.rules_open = Some(wide);
        }
        let open = *self.rules_open.get_or_insert(wide);
        if open {
            egui::Panel::left("seat_rules")
                .resizable(true)
                .default_size(310.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        self.rules_ui(ui, cx);
                        ui.separator();
                        let in_force = self.in_force(d, derived);
                        self.calculator_ui(ui, in_force);
                    });
                });
        }
        self.refresh(d, derived);
        egui::CentralPanel::default().show(ui, |ui| self.members_ui(ui, d, derived));
    }

    /// Tries a pledge for an actor (by id) as a what-if.
    pub fn try_pledge(&mut self, actor: &str, pledge: Money) {
        self.pledges.insert(actor.to_string(), pledge);
    }

    fn is_what_if(&self, saved: &SeatRules) -> bool {
        !self.pledges.is_empty() || self.form.as_ref().is_some_and(|f| f.rules != *saved)
    }

    /// Whether the table (the main body's) shows a what-if: pledges, or edited rules of the
    /// main body.
    fn table_what_if(&self, d: &Dataset) -> bool {
        match self.rules_body {
            None => self.is_what_if(&d.body.seat_rules),
            Some(_) => !self.pledges.is_empty(),
        }
    }

    /// The rules the table (the main body's) is shown under: the form's while it edits the
    /// main body's, else the saved ones.
    fn table_rules(&self, d: &Dataset) -> SeatRules {
        match (&self.rules_body, &self.form) {
            (None, Some(form)) => form.rules.clone(),
            _ => d.body.seat_rules.clone(),
        }
    }

    /// The entry into force of the body whose rules are edited (terms count from it).
    fn in_force(&mut self, d: &Dataset, derived: &Derived) -> Option<PartialDate> {
        let Some(id) = &self.rules_body else {
            return derived.body_dates.in_force_date();
        };
        let key = (derived.revision(), derived.as_of());
        match &self.sub_in_force {
            Some((r, a, b, day)) if (*r, *a) == key && b == id => *day,
            _ => {
                let day = body_dates(d, &derived.index, id, derived.as_of()).in_force_date();
                self.sub_in_force = Some((key.0, key.1, id.clone(), day));
                day
            }
        }
    }

    /// The chooser of the body whose rules the pane edits; only when there are sub-bodies.
    fn body_chooser(&mut self, ui: &mut egui::Ui, d: &Dataset) {
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

    fn rules_ui(&mut self, ui: &mut egui::Ui, cx: &mut ViewCtx<'_>) {
        let d = cx.dataset;
        ui.heading("Seat rules");
        self.body_chooser(ui, d);
        let saved = rules_of(d, self.rules_body.as_deref());
        let form = self.form.get_or_insert_with(|| RulesForm::from(saved));
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
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
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
        if let Some(e) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.add_space(6.0);
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
                        Err(why) => form.error = Some(why),
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

    /// The quick calculator; terms and the payment window count from the body's entry into
    /// force (`in_force`), when known.
    fn calculator_ui(&mut self, ui: &mut egui::Ui, in_force: Option<PartialDate>) {
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
            quick_in_force(rules, &money, joined, in_force)
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

    /// Rebuilds the what-if outcomes when the dataset or the what-if changed.
    fn refresh(&mut self, d: &Dataset, derived: &Derived) {
        // The table is the main body's: a sub-body's rules being edited do not touch it.
        let rules = self.table_rules(d);
        let key = Some((derived.revision(), rules.clone(), self.pledges.clone()));
        if self.what_if.key == key && self.shown_everyone == self.show_everyone {
            return;
        }
        let rows: Vec<usize> = (0..derived.roster.rows.len())
            .filter(|&i| {
                self.show_everyone
                    || derived.seats[i].kind != SeatKind::None
                    || self.pledged_what_if(d, derived, i)
            })
            .collect();
        // The same rules of who holds a seat as the saved seats (via a representative, members
        // without a seat, the chair), under the what-if rules and pledges.
        let ctx = SeatContext {
            rules: &rules,
            in_force: derived.body_dates.in_force_date(),
            speakers: &derived.speakers,
            rows: &derived.roster.rows,
        };
        let outcomes: Vec<SeatOutcome> = rows
            .iter()
            .map(|&i| {
                let row = &derived.roster.rows[i];
                let pledge = self.pledges.get(&d.actors[row.actor].id);
                seat_what_if(&ctx, d, &derived.index, row, pledge)
            })
            .collect();
        self.what_if = WhatIf {
            totals: totals(&outcomes, &rules.threshold.currency),
            saved_totals: totals(
                rows.iter().map(|&i| &derived.seats[i]),
                &d.body.seat_rules.threshold.currency,
            ),
            rows,
            outcomes,
            key,
        };
        self.shown_everyone = self.show_everyone;
    }

    fn pledged_what_if(&self, d: &Dataset, derived: &Derived, row: usize) -> bool {
        self.pledges
            .contains_key(&d.actors[derived.roster.rows[row].actor].id)
    }

    /// The members whose (what-if) term ends in `year`, for the chart's tooltip; run only
    /// while a bar is hovered.
    fn ending_in(&self, d: &Dataset, derived: &Derived, year: i32) -> Vec<String> {
        self.what_if
            .rows
            .iter()
            .zip(&self.what_if.outcomes)
            .filter(|(_, o)| o.term_end.is_some_and(|e| e.year_value() == year))
            .map(|(&i, _)| d.actors[derived.roster.rows[i].actor].name.clone())
            .collect()
    }

    fn members_ui(&mut self, ui: &mut egui::Ui, d: &Dataset, derived: &Derived) {
        let what_if = self.table_what_if(d);
        ui.horizontal(|ui| {
            let open = self.rules_open.unwrap_or(true);
            let (text, tip) = if open {
                ("◀ Rules", "Fold the seat rules and the calculator away")
            } else {
                ("▶ Rules", "Show the seat rules and the quick calculator")
            };
            if ui.button(text).on_hover_text(tip).clicked() {
                self.rules_open = Some(!open);
            }
            totals_ui(ui, "Saved rules", &self.what_if.saved_totals);
            if what_if {
                ui.separator();
                totals_ui(ui, "What-if", &self.what_if.totals);
            }
            ui.separator();
            expiry_chart(
                ui,
                &self.what_if.totals.expiries,
                if what_if {
                    "Terms ending by year (what-if)"
                } else {
                    "Terms ending by year"
                },
                |year| self.ending_in(d, derived, year),
            );
        });
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.show_everyone, "Show non-members too");
            if let Some(day) = derived.as_of() {
                ui.label(format!("as of {day}"));
            }
            ui.label(
                egui::RichText::new("Double-click a pledge to try another amount (what-if).")
                    .weak(),
            );
        });
        if self.what_if.rows.is_empty() {
            ui.add_space(8.0);
            ui.label("No member yet: nobody's status makes them a member. Tick \"Show non-members too\" to see everyone.");
            return;
        }
        let line = ui.text_style_height(&egui::TextStyle::Body);
        // Columns share the width: each gets what its values need, and the reason the rest;
        // where that leaves the reason too little for one line, rows take two.
        let width = ui.available_width();
        let name_w = (width * 0.16).clamp(100.0, 190.0);
        let pledge_w = (width * 0.12).clamp(80.0, 170.0);
        // Seat ("permanent"), term end (a date) and shortfall ("$1 billion") need no more.
        let (seat_w, end_w, short_w) = (70.0, 80.0, 80.0);
        let columns = if what_if { 7.0 } else { 6.0 };
        let gaps = ui.spacing().item_spacing.x * columns;
        let fixed =
            name_w + pledge_w + seat_w + end_w + short_w + if what_if { seat_w } else { 0.0 };
        let reason_w = width - fixed - gaps;
        let lines = match reason_w {
            w if w < 200.0 => 3,
            w if w < 380.0 => 2,
            _ => 1,
        };
        let row_height = line * lines as f32 + 8.0;
        // Names the what-if pledge field for screen readers.
        let mut pledge_header = None;
        // Widths persist per width band, so a window that grew gets wider columns.
        let band = (width / 80.0) as i32;
        let mut table = TableBuilder::new(ui)
            .id_salt(("seats_table", band, what_if))
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(TableColumn::initial(name_w).at_least(60.0).clip(true))
            .column(TableColumn::initial(pledge_w).at_least(60.0).clip(true));
        if what_if {
            table = table.column(TableColumn::initial(seat_w).at_least(50.0).clip(true));
        }
        let headers: &[&str] = if what_if {
            &[
                "Name",
                "Pledge",
                "Saved seat",
                "Seat",
                "Term ends",
                "Shortfall",
                "Reason",
            ]
        } else {
            &["Name", "Pledge", "Seat", "Term ends", "Shortfall", "Reason"]
        };
        let rules = self.table_rules(d);
        table
            .column(TableColumn::initial(seat_w).at_least(50.0).clip(true))
            .column(TableColumn::initial(end_w).at_least(50.0).clip(true))
            .column(TableColumn::initial(short_w).at_least(50.0).clip(true))
            .column(TableColumn::remainder().at_least(60.0).clip(true))
            .header(row_height, |mut header| {
                for h in headers {
                    header.col(|ui| {
                        let label = ui.strong(*h);
                        if *h == "Pledge" {
                            pledge_header = Some(label.id);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.what_if.rows.len(), |mut row| {
                    let k = row.index();
                    let i = self.what_if.rows[k];
                    let o = &self.what_if.outcomes[k];
                    let actor = &d.actors[derived.roster.rows[i].actor];
                    row.col(|ui| {
                        ui.add(egui::Label::new(&actor.name).selectable(false));
                    });
                    row.col(|ui| {
                        pledge_cell(
                            ui,
                            &mut self.pledge_edit,
                            &mut self.pledges,
                            &actor.id,
                            o,
                            pledge_header,
                        )
                    });
                    if what_if {
                        let saved = derived.seats[i].kind;
                        row.col(|ui| {
                            ui.add(egui::Label::new(saved.label()).selectable(false));
                        });
                    }
                    let differs = what_if && derived.seats[i].kind != o.kind;
                    row.col(|ui| {
                        let text = egui::RichText::new(o.kind.label());
                        let text = if differs {
                            text.strong().color(ui.visuals().warn_fg_color)
                        } else {
                            text
                        };
                        ui.add(egui::Label::new(text).selectable(false));
                    });
                    row.col(|ui| {
                        ui.label(o.term_end.map_or("—".into(), |e| e.to_string()));
                    });
                    row.col(|ui| {
                        let (text, tip) = match shortfall_words(o, &rules) {
                            Shortfall::Lacks(words) => (words, None),
                            Shortfall::MoreThan(words) => (
                                format!("> {words}"),
                                Some(format!(
                                    "Exactly the threshold: the rule asks for more than {words}"
                                )),
                            ),
                            Shortfall::None => ("none".into(), None),
                            Shortfall::NotApplicable => (
                                "—".into(),
                                Some(
                                    "No seat of their own to buy: the chair, a member without \
                                     a seat, or a person who speaks for a member"
                                        .into(),
                                ),
                            ),
                            Shortfall::Unknown => (
                                "?".into(),
                                Some("No exchange rate for the pledge's currency".into()),
                            ),
                        };
                        let label = ui.add(egui::Label::new(text).selectable(false));
                        if let Some(tip) = tip {
                            label.on_hover_text(tip);
                        }
                    });
                    row.col(|ui| {
                        reason_cell(ui, &o.reason(&rules).to_string(), lines);
                    });
                });
            });
    }
}

/// The pledge, or the field where a what-if pledge is typed (Enter tries it, Escape cancels).
fn pledge_cell(
    ui: &mut egui::Ui,
    editing: &mut Option<(String, String)>,
    pledges: &mut BTreeMap<String, Money>,
    actor: &str,
    o: &SeatOutcome,
    label: Option<egui::Id>,
) {
    if let Some((_, text)) = editing.as_mut().filter(|(who, _)| who == actor) {
        let field = ui.add(
            egui::TextEdit::singleline(text)
                .desired_width(f32::INFINITY)
                .hint_text("1 billion USD"),
        );
        let field = match label {
            Some(id) => field.labelled_by(id),
            None => field,
        };
        let problem = parse_money(text).err();
        let field = field.on_hover_text(
            problem
                .as_deref()
                .unwrap_or("A what-if pledge: Enter tries it, Escape cancels"),
        );
        if !field.has_focus() && !field.lost_focus() {
            field.request_focus();
        }
        if field.lost_focus() {
            if ui.input(|i| i.key_pressed(egui::Key::Enter))
                && let Ok(money) = parse_money(text)
            {
                pledges.insert(actor.to_string(), money);
            }
            *editing = None;
        }
        return;
    }
    let what_if = pledges.contains_key(actor);
    let text = o.pledge.as_ref().map_or("—".to_string(), format_money);
    let text = if what_if {
        egui::RichText::new(format!("{text} (what-if)")).italics()
    } else {
        egui::RichText::new(text)
    };
    let response = ui.add(
        egui::Label::new(text)
            .selectable(false)
            .sense(egui::Sense::click()),
    );
    if response
        .on_hover_text("Double-click to try another pledge")
        .double_clicked()
    {
        let start = o
            .pledge
            .as_ref()
            .map(|m| format!("{} {}", m.amount, m.currency))
            .unwrap_or_default();
        *editing = Some((actor.to_string(), start));
    }
}

fn seat_words(o: &SeatOutcome) -> String {
    match (o.kind, o.term_end) {
        (SeatKind::Term, Some(end)) => format!("term until {end}"),
        (kind, _) => kind.label().to_string(),
    }
}

fn totals_ui(ui: &mut egui::Ui, title: &str, t: &Totals) {
    ui.vertical(|ui| {
        ui.strong(title);
        // The one totals sentence, as the `seats` command and the reports give it.
        ui.label(t.to_string());
    });
}

/// A bar chart of terms ending each year, painted directly: the year under each bar, the
/// count above it, and on hover who those members are.
fn expiry_chart(
    ui: &mut egui::Ui,
    expiries: &BTreeMap<i32, usize>,
    title: &str,
    names: impl Fn(i32) -> Vec<String>,
) {
    if expiries.is_empty() {
        return;
    }
    ui.vertical(|ui| {
        ui.strong(title);
        let max = expiries.values().copied().max().unwrap_or(1).max(1) as f32;
        let bar_width = 40.0;
        let (count_h, height, year_h) = (14.0, 36.0, 14.0);
        let (rect, response) = ui.allocate_exact_size(
            egui::vec2(
                bar_width * expiries.len() as f32 + 8.0,
                count_h + height + year_h,
            ),
            egui::Sense::hover(),
        );
        let summary: Vec<String> = expiries
            .iter()
            .map(|(year, n)| format!("{year}: {n} {}", plural(*n, "term", "terms")))
            .collect();
        let summary = format!("{title}: {}", summary.join(", "));
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, summary.clone()));
        let painter = ui.painter_at(rect);
        let fill = ui.visuals().selection.bg_fill;
        let text = ui.visuals().text_color();
        let base = rect.top() + count_h + height;
        let mut hovered = None;
        for (n, (year, count)) in expiries.iter().enumerate() {
            let x = rect.left() + 4.0 + n as f32 * bar_width;
            let h = (height * (*count as f32 / max)).max(3.0);
            let bar = egui::Rect::from_min_max(
                egui::pos2(x + 6.0, base - h),
                egui::pos2(x + bar_width - 6.0, base),
            );
            let column = egui::Rect::from_x_y_ranges(x..=x + bar_width, rect.y_range());
            let over = response.hover_pos().is_some_and(|p| column.contains(p));
            if over {
                hovered = Some((*year, *count));
            }
            let colour = if over {
                ui.visuals()
                    .widgets
                    .hovered
                    .bg_fill
                    .lerp_to_gamma(fill, 0.5)
            } else {
                fill
            };
            painter.rect_filled(bar, 2.0, colour);
            painter.text(
                bar.center_top() - egui::vec2(0.0, 1.0),
                egui::Align2::CENTER_BOTTOM,
                count.to_string(),
                egui::FontId::proportional(12.0),
                text,
            );
            painter.text(
                egui::pos2(bar.center().x, base + 1.0),
                egui::Align2::CENTER_TOP,
                year.to_string(),
                egui::FontId::proportional(12.0),
                text,
            );
        }
        // One tooltip: the bar's members over a bar, the summary elsewhere on the chart.
        if hovered.is_none() {
            response.clone().on_hover_text(summary);
        }
        if let Some((year, count)) = hovered {
            response.on_hover_ui_at_pointer(|ui| {
                ui.strong(format!(
                    "{count} {} ending in {year}",
                    plural(count, "term", "terms")
                ));
                let names = names(year);
                const SHOWN: usize = 12;
                for name in names.iter().take(SHOWN) {
                    ui.label(name);
                }
                if names.len() > SHOWN {
                    ui.weak(format!("and {} more", names.len() - SHOWN));
                }
            });
        }
    });
}

/// "1 term", "2 terms".
fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// What a member still lacks for a permanent seat, in words.
enum Shortfall {
    Lacks(String),
    /// Exactly the threshold under a "more than" rule: any amount above it.
    MoreThan(String),
    None,
    /// No exchange rate for the pledge's currency.
    Unknown,
    /// Nothing to buy: the chair, a member without a seat, someone speaking for a member.
    NotApplicable,
}

fn shortfall_words(o: &SeatOutcome, rules: &SeatRules) -> Shortfall {
    let currency = &rules.threshold.currency;
    match o.shortfall {
        _ if !o.shortfall_applies() => Shortfall::NotApplicable,
        None => Shortfall::Unknown,
        Some(s) if s > 0.0 => Shortfall::Lacks(amount_words(s, currency)),
        // Nothing lacking, yet a term seat: the pledge equals a "more than" threshold.
        Some(_)
            if o.kind == SeatKind::Term
                && rules.comparison == Comparison::MoreThan
                && o.pledged.is_some_and(|p| !rules.meets_threshold(p)) =>
        {
            Shortfall::MoreThan(format_money(&rules.threshold))
        }
        Some(_) => Shortfall::None,
    }
}

/// The reason on up to `lines` lines, cut with "…" beyond them; the whole on hover.
fn reason_cell(ui: &mut egui::Ui, reason: &str, lines: usize) {
    let mut job = egui::text::LayoutJob::single_section(
        reason.to_string(),
        egui::TextFormat::simple(
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
        ),
    );
    job.wrap = egui::text::TextWrapping {
        max_width: ui.available_width(),
        max_rows: lines,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
    let cut = galley.elided;
    let label = ui.add(egui::Label::new(galley).selectable(false));
    if cut {
        label.on_hover_text(reason);
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

/// The calculator's amount: the amount text read as usual, in the currency of the Currency
/// field when one is typed there, even if the amount names another ("€860 million" with USD:
/// the field is the user's explicit choice). Also answers the currency the field overrode.
pub fn calculator_money(amount: &str, currency: &str) -> Result<(Money, Option<String>), String> {
    let typed = currency.trim().to_uppercase();
    if typed.is_empty() {
        return parse_money(amount).map(|m| (m, None));
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
        Err(_) => parse_money(&format!("{amount} {typed}")).map(|m| (m, None)),
    }
}
