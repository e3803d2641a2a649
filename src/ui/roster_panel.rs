//! The Roster tab: the derived roster as a virtualised table (only visible rows are built).

use egui_extras::{Column, TableBuilder};

use crate::model::{Dataset, Derived, Property, RosterRow};

#[derive(Debug, Default)]
pub struct RosterPanel {}

const COLUMNS: [(&str, &str); 8] = [
    ("Name", "The actor's name"),
    ("Kind", "Person, state or organisation"),
    ("Country", "The actor's country"),
    (
        "Role",
        "Role on the body, from the best-ranked, latest claim",
    ),
    (
        "Status",
        "Where the actor stands: invited, reviewing, member, declined…",
    ),
    (
        "Seat",
        "The seat the body's rules give: chair, permanent, term, or none",
    ),
    ("Sources", "How many sources make claims about the actor"),
    ("⚠", "A conflict: sources of equal rank and date disagree"),
];

impl RosterPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, dataset: &Dataset, derived: &Derived) {
        let rows = &derived.roster.rows;
        if rows.is_empty() {
            ui.add_space(12.0);
            ui.label("No actors yet. Open a dataset (File menu, Open…) to see its roster.");
            return;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        TableBuilder::new(ui)
            .id_salt("roster_table")
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(220.0).at_least(80.0).clip(true))
            .column(Column::initial(90.0).at_least(50.0).clip(true))
            .column(Column::initial(110.0).at_least(50.0).clip(true))
            .column(Column::initial(130.0).at_least(50.0).clip(true))
            .column(Column::initial(110.0).at_least(50.0).clip(true))
            .column(Column::initial(90.0).at_least(40.0).clip(true))
            .column(Column::initial(60.0).at_least(40.0))
            .column(Column::remainder().at_least(24.0))
            .header(row_height + 2.0, |mut header| {
                for (name, tip) in COLUMNS {
                    header.col(|ui| {
                        ui.strong(name).on_hover_text(tip);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut table_row| {
                    let i = table_row.index();
                    let row = &rows[i];
                    let actor = &dataset.actors[row.actor];
                    let value = |p: Property| {
                        row.fact(dataset, p)
                            .map_or_else(|| "—".to_string(), |f| f.value_label())
                    };
                    table_row.col(|ui| {
                        ui.label(&actor.name);
                    });
                    table_row.col(|ui| {
                        ui.label(actor.kind.label());
                    });
                    table_row.col(|ui| {
                        ui.label(if actor.country.is_empty() {
                            "—"
                        } else {
                            &actor.country
                        });
                    });
                    table_row.col(|ui| {
                        ui.label(value(Property::Role));
                    });
                    table_row.col(|ui| {
                        ui.label(row.status_label(dataset).to_string());
                    });
                    table_row.col(|ui| {
                        ui.label(derived.seats[i].kind.label())
                            .on_hover_text(&derived.seats[i].reason);
                    });
                    table_row.col(|ui| {
                        ui.label(row.sources.to_string());
                    });
                    table_row.col(|ui| {
                        if row.has_conflict() {
                            ui.colored_label(ui.visuals().warn_fg_color, "⚠")
                                .on_hover_text(conflict_summary(dataset, row));
                        }
                    });
                });
            });
    }
}

/// "Conflicting claims on status: member (DPA) vs proposed (Unnamed outlet)".
fn conflict_summary(dataset: &Dataset, row: &RosterRow) -> String {
    row.values
        .iter()
        .filter(|r| r.conflict)
        .map(|r| {
            let best = &dataset.claims[r.best];
            let mut parts = vec![claim_words(dataset, best)];
            parts.extend(
                r.others
                    .iter()
                    .map(|&c| &dataset.claims[c])
                    .filter(|c| c.rank == best.rank && c.fact != best.fact)
                    .map(|c| claim_words(dataset, c)),
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

fn claim_words(dataset: &Dataset, claim: &crate::model::Claim) -> String {
    let outlet = dataset
        .source(&claim.source)
        .map_or(claim.source.as_str(), |s| s.outlet.as_str());
    format!("{} ({outlet})", claim.fact.value_label())
}
