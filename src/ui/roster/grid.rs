//! The roster table itself: virtualised rows, sortable headers, each cell's text and hover.

use super::RosterPanel;
use super::cell_edit::editable;
use super::columns::{NAME_MIN, column_width, shared_widths, visible_columns};
use crate::model::data::money::format_money;
use crate::model::derive::body_roster::BodyChoice;
use crate::model::{Dataset, Derived, Fact, Property, RosterRow};
use crate::session::Select;
use crate::ui::roster::table::{Column, RosterQuery, Rows};
use crate::ui::view::ViewCtx;
use egui_extras::{Column as TableColumn, TableBuilder};

impl RosterPanel {
    pub(super) fn table(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, rows: Rows<'_>) {
        let dataset = cx.dataset;
        if dataset.actors.is_empty() {
            ui.add_space(12.0);
            ui.label(
                "No actors yet. Add one (Ctrl+N), open a dataset, or bring in a roster CSV, \
                 Popolo or FollowTheMoney file: Import data… in the File menu.",
            );
            return;
        }
        if self.view.rows.is_empty() {
            ui.add_space(12.0);
            ui.label("No actor matches the search and filters.");
            if ui.button("Clear search and filters").clicked() {
                self.query = RosterQuery::default();
            }
            return;
        }
        self.table_body(ui, cx, rows);
    }

    /// The columns empty for every row shown, once per revision, day and body.
    fn empty_columns(&mut self, cx: &ViewCtx<'_>, rows: Rows<'_>) -> Vec<Column> {
        let key = (
            cx.derived.revision(),
            cx.derived.as_of(),
            self.query.body.clone(),
        );
        if self.empty.as_ref().is_none_or(|(k, _)| *k != key) {
            let empty = super::columns::empty_columns(cx.dataset, rows);
            self.empty = Some((key, empty));
        }
        self.empty
            .as_ref()
            .map(|(_, e)| e.clone())
            .unwrap_or_default()
    }

    pub(super) fn table_body(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, rows: Rows<'_>) {
        let dataset = cx.dataset;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        // Columns share the width by priority: what does not fit is hidden (the detail pane
        // shows every field), and Name takes whatever is left so the table fills the width.
        let empty = self.empty_columns(cx, rows);
        let shown = visible_columns(
            ui.available_width(),
            self.query.body == BodyChoice::All,
            &empty,
        );
        // Stored column widths are kept per width band: after the window grows, Name takes
        // the new room instead of the table keeping the narrower window's widths.
        let band = (ui.available_width() / 100.0).round() as i32;
        let widths = shared_widths(ui.available_width(), &shown);
        let mut table = TableBuilder::new(ui)
            .id_salt(("roster_table", shown.len(), band))
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for (&column, width) in shown.iter().zip(widths) {
            table = table.column(match column {
                // Name takes what the others leave, worked out again every frame (a resizable
                // column would keep a width from an earlier frame, and could push ⚠ out of
                // sight behind the detail pane).
                Column::Name => TableColumn::remainder()
                    .at_least(NAME_MIN)
                    .clip(true)
                    .resizable(false),
                Column::Conflict => TableColumn::exact(column_width(column)),
                _ => TableColumn::initial(width).at_least(40.0).clip(true),
            });
        }
        // Bring a cell just put into editing into view (once: the user may scroll away).
        if let Some(editing) = self.editing.as_ref().filter(|e| e.fresh)
            && let Some(pos) = self.position_of(cx, rows, &editing.actor)
        {
            table = table.scroll_to_row(pos, None);
        }
        let mut clicked_header = None;
        let mut header_ids = Vec::with_capacity(shown.len());
        let hidden: Vec<&str> = Column::ALL
            .iter()
            .filter(|c| !shown.contains(c))
            .map(|c| c.title())
            .collect();
        table
            .header(row_height, |mut header| {
                for &column in &shown {
                    header.col(|ui| {
                        let arrow = match (self.query.sort == column, self.query.descending) {
                            (true, false) => " ⏶",
                            (true, true) => " ⏷",
                            _ => "",
                        };
                        let button = egui::Button::new(
                            egui::RichText::new(format!("{}{arrow}", column.title())).strong(),
                        )
                        .frame(false);
                        let mut tip = format!("{}\nClick to sort", column.tooltip());
                        if column == Column::Name && !hidden.is_empty() {
                            tip.push_str(&format!(
                                "\n\nHidden at this width: {}. Widen the window or close the \
                                 detail pane to see them; the detail pane shows them all.",
                                hidden.join(", ")
                            ));
                        }
                        let response = ui.add(button).on_hover_text(tip);
                        if response.clicked() {
                            clicked_header = Some(column);
                        }
                        header_ids.push((column, response.id));
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.view.rows.len(), |mut table_row| {
                    let row = &rows.rows[self.view.rows[table_row.index()]];
                    let row_index = self.view.rows[table_row.index()];
                    let actor = &dataset.actors[row.actor];
                    let is_selected = cx.selection.actor.as_deref() == Some(actor.id.as_str());
                    table_row.set_selected(is_selected);
                    for &column in &shown {
                        let (_, response) = table_row.col(|ui| {
                            self.cell(ui, cx, rows, row_index, column);
                        });
                        if response.double_clicked() && editable(column) {
                            self.start_edit(cx, rows, row_index, column);
                        }
                        if response.clicked() {
                            cx.select(Select::Actor(Some(actor.id.clone())));
                        }
                    }
                });
            });
        self.header_ids = header_ids;
        if let Some(column) = clicked_header {
            if self.query.sort == column {
                self.query.descending = !self.query.descending;
            } else {
                self.query.sort = column;
                self.query.descending = false;
            }
        }
    }

    pub(super) fn position_of(
        &self,
        cx: &ViewCtx<'_>,
        rows: Rows<'_>,
        actor: &str,
    ) -> Option<usize> {
        let at = *cx.derived.index.actor_by_id.get(actor)?;
        self.view
            .rows
            .iter()
            .position(|&r| rows.rows[r].actor == at)
    }

    pub(super) fn cell(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCtx<'_>,
        rows: Rows<'_>,
        row_index: usize,
        column: Column,
    ) {
        let (dataset, derived) = (cx.dataset, cx.derived);
        let row = &rows.rows[row_index];
        let actor = &dataset.actors[row.actor];
        let is_editing = self
            .editing
            .as_ref()
            .is_some_and(|e| e.actor == actor.id && e.column == column);
        if is_editing {
            self.edit_cell(ui, cx, rows, row_index);
            return;
        }
        let text = cell_text(dataset, rows, row_index, row, column);
        // Not selectable: a click must reach the row (select) and a double-click the cell (edit).
        let label = |ui: &mut egui::Ui, text: egui::WidgetText| {
            ui.add(egui::Label::new(text).selectable(false))
        };
        match column {
            Column::Seat => {
                // Put in words only while hovered, under the rules of the row's body.
                label(ui, text.into()).on_hover_ui(|ui| {
                    let body = crate::model::data::body::all(dataset).nth(rows.body_of(row_index));
                    let rules = body.map_or(&dataset.body.seat_rules, |b| &b.seat_rules);
                    ui.label(rows.seats[row_index].reason(rules).to_string());
                });
            }
            Column::Conflict => {
                if row.has_conflict() {
                    let mark = egui::RichText::new("⚠").color(ui.visuals().warn_fg_color);
                    // Built only while hovered: most frames never need it.
                    label(ui, mark.into()).on_hover_ui(|ui| {
                        ui.label(conflict_summary(dataset, derived, row));
                    });
                }
            }
            _ => {
                let response = label(ui, text.into());
                if editable(column) {
                    response.on_hover_text("Double-click to edit");
                }
            }
        }
    }
}

pub(super) fn cell_text(
    dataset: &Dataset,
    derived: Rows<'_>,
    row_index: usize,
    row: &RosterRow,
    column: Column,
) -> String {
    let actor = &dataset.actors[row.actor];
    let value = |p: Property| {
        row.fact(dataset, p)
            .map_or_else(|| "—".to_string(), Fact::value_label)
    };
    match column {
        Column::Name => actor.name.clone(),
        Column::Kind => actor.kind.label().to_string(),
        Column::Country if actor.country.is_empty() => "—".to_string(),
        Column::Country => actor.country.clone(),
        Column::Role => value(Property::Role),
        Column::Status => row.status_label(dataset).to_string(),
        Column::Seat => match &derived.seats[row_index].via {
            // A state seated on its representative's word says whose.
            Some((name, _)) => format!("{} via {name}", derived.seats[row_index].kind.label()),
            None => derived.seats[row_index].kind.label().to_string(),
        },
        Column::Pledge => match row.fact(dataset, Property::Pledge) {
            Some(Fact::Pledge(m)) => format_money(m),
            _ => "—".to_string(),
        },
        Column::Joined => {
            let day = crate::model::derive::seats::joined(
                dataset,
                derived.index,
                row,
                &derived.seats[row_index],
            );
            let day = day.map_or_else(|| "—".to_string(), |d| d.to_string());
            match row.get(Property::Joined) {
                // Where sources disagree on the date, the row's conflict flag marks it (the one
                // conflict rule decides which disagreements count).
                Some(r) if r.conflict => format!("{day} ⚠"),
                _ => day,
            }
        }
        Column::Body => crate::model::data::body::all(dataset)
            .nth(derived.body_of(row_index))
            .map_or_else(String::new, |b| b.name.clone()),
        Column::Sources => row.sources.to_string(),
        Column::Conflict => String::new(),
    }
}

/// "Conflicting claims on status: member (DPA) vs proposed (Unnamed outlet)".
pub fn conflict_summary(dataset: &Dataset, derived: &Derived, row: &RosterRow) -> String {
    row.values
        .iter()
        .filter(|r| r.conflict)
        .map(|r| {
            let best = &dataset.claims[r.best];
            let mut parts = vec![claim_words(dataset, derived, best)];
            parts.extend(
                crate::model::derive::roster::rivals(dataset, &derived.index, r)
                    .into_iter()
                    .map(|c| claim_words(dataset, derived, &dataset.claims[c])),
            );
            format!(
                "Conflicting claims on {}: {}",
                r.property.label(),
                parts.join(" vs ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn claim_words(
    dataset: &Dataset,
    derived: &Derived,
    claim: &crate::model::Claim,
) -> String {
    let value = derived.fact_label(dataset, &claim.fact);
    format!(
        "{}{value} ({})",
        if claim.negated { "not " } else { "" },
        crate::ui::citation::source_label(derived, dataset, &claim.source)
    )
}
