//! The Seats tab: the body's seat rules, a quick calculator, and the rules applied to every
//! member with totals and term expiries.
//!
//! Editing the rules here does not touch the dataset at once: the edited rules (and any
//! what-if pledges typed in the table) are a *what-if*, shown side by side with the saved
//! rules until the user applies them (one undoable edit) or discards them. The rules pane
//! chooses the body whose rules it edits (a sub-body has its own); the table is the main
//! body's.

mod calculator;
mod rules;
mod table;

use std::collections::BTreeMap;

pub use self::calculator::calculator_money;
use super::view::ViewCtx;
use crate::model::data::body::body_dates;
use crate::model::data::money::format_amount;
use crate::model::derive::seats::{
    SeatContext, SeatKind, SeatOutcome, Totals, seat_what_if, totals,
};
use crate::model::{Dataset, Money, PartialDate, SeatRules};

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
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let d = cx.dataset;
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
                        let in_force = self.in_force(cx);
                        self.calculator_ui(ui, in_force);
                    });
                });
        }
        self.refresh(cx);
        egui::CentralPanel::default().show(ui, |ui| self.members_ui(ui, cx));
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
    fn table_what_if(&self, cx: &ViewCtx<'_>) -> bool {
        let d = cx.dataset;
        match self.rules_body {
            None => self.is_what_if(&d.body.seat_rules),
            Some(_) => !self.pledges.is_empty(),
        }
    }

    /// The rules the table (the main body's) is shown under: the form's while it edits the
    /// main body's, else the saved ones.
    fn table_rules(&self, cx: &ViewCtx<'_>) -> SeatRules {
        let d = cx.dataset;
        match (&self.rules_body, &self.form) {
            (None, Some(form)) => form.rules.clone(),
            _ => d.body.seat_rules.clone(),
        }
    }

    /// The entry into force of the body whose rules are edited (terms count from it).
    fn in_force(&mut self, cx: &ViewCtx<'_>) -> Option<PartialDate> {
        let (d, derived) = (cx.dataset, cx.derived);
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

    /// Rebuilds the what-if outcomes when the dataset or the what-if changed.
    fn refresh(&mut self, cx: &ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        // The table is the main body's: a sub-body's rules being edited do not touch it.
        let rules = self.table_rules(cx);
        let key = Some((derived.revision(), rules.clone(), self.pledges.clone()));
        if self.what_if.key == key && self.shown_everyone == self.show_everyone {
            return;
        }
        let rows: Vec<usize> = (0..derived.roster.rows.len())
            .filter(|&i| {
                self.show_everyone
                    || derived.seats[i].kind != SeatKind::None
                    || self.pledged_what_if(cx, i)
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

    fn pledged_what_if(&self, cx: &ViewCtx<'_>, row: usize) -> bool {
        let (d, derived) = (cx.dataset, cx.derived);
        self.pledges
            .contains_key(&d.actors[derived.roster.rows[row].actor].id)
    }

    /// The members whose (what-if) term ends in `year`, for the chart's tooltip; run only
    /// while a bar is hovered.
    fn ending_in(&self, cx: &ViewCtx<'_>, year: i32) -> Vec<String> {
        let (d, derived) = (cx.dataset, cx.derived);
        self.what_if
            .rows
            .iter()
            .zip(&self.what_if.outcomes)
            .filter(|(_, o)| o.term_end.is_some_and(|e| e.year_value() == year))
            .map(|(&i, _)| d.actors[derived.roster.rows[i].actor].name.clone())
            .collect()
    }
}
