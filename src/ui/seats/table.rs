//! The members' table: each member's seat (saved and what-if), term end, shortfall and
//! reason; the totals and the chart of terms ending above it.

use std::collections::BTreeMap;

use egui_extras::{Column as TableColumn, TableBuilder};

use super::SeatsPanel;
use crate::model::data::money::{format_money, parse_money};
use crate::model::derive::seats::{SeatKind, SeatOutcome, Totals, amount_words};
use crate::model::rules::Comparison;
use crate::model::{Money, SeatRules};
use crate::ui::shortcuts::{self, Action};
use crate::ui::view::ViewCtx;

impl SeatsPanel {
    /// Above the table: the rules' fold, the totals (saved and what-if), the chart of terms
    /// ending, and what the table shows.
    fn summary_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, what_if: bool) {
        let derived = cx.derived;
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
                |year| self.ending_in(cx, year),
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
    }

    pub(super) fn members_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let (d, derived) = (cx.dataset, cx.derived);
        let what_if = self.table_what_if(cx);
        self.summary_ui(ui, cx, what_if);
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
        let rules = self.table_rules(cx);
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
                        shortfall_cell(ui, o, &rules);
                    });
                    row.col(|ui| {
                        reason_cell(ui, &o.reason(&rules).to_string(), lines);
                    });
                });
            });
    }
}

/// What the member lacks for a permanent seat, in words, with why when it is not plain.
fn shortfall_cell(ui: &mut egui::Ui, o: &SeatOutcome, rules: &SeatRules) {
    let (text, tip) = match shortfall_words(o, rules) {
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
        let problem = parse_money(text).err().map(|e| e.to_string());
        let field = field.on_hover_text(
            problem
                .as_deref()
                .unwrap_or("A what-if pledge: Enter tries it, Escape cancels"),
        );
        if !field.has_focus() && !field.lost_focus() {
            field.request_focus();
        }
        if field.lost_focus() {
            if shortcuts::pressed_here(ui, Action::Keep)
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

pub(super) fn seat_words(o: &SeatOutcome) -> String {
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
pub(super) enum Shortfall {
    Lacks(String),
    /// Exactly the threshold under a "more than" rule: any amount above it.
    MoreThan(String),
    None,
    /// No exchange rate for the pledge's currency.
    Unknown,
    /// Nothing to buy: the chair, a member without a seat, someone speaking for a member.
    NotApplicable,
}

pub(super) fn shortfall_words(o: &SeatOutcome, rules: &SeatRules) -> Shortfall {
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
