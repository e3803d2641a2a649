//! The claim matrix as a table: a row per (subject, property), its verdict, and a column per
//! chosen source. Virtualised: only the rows in view are built.

use egui_extras::{Column, TableBuilder};

use crate::model::derive::compare::{ClaimMatrix, Verdict, row_name};
use crate::ui::sources::texts::verdict_colour;
use crate::ui::view::ViewCtx;

/// What the user did in the matrix.
pub enum MatrixAction {
    /// Picked a row: its first claim.
    Select(usize),
    /// Double-clicked a row: show its claim in the texts.
    Open(usize),
}

/// `rows` are the positions of the matrix rows to show (all, or the conflicts).
pub fn matrix_table(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    matrix: &ClaimMatrix,
    rows: &[usize],
    selected_row: Option<usize>,
) -> Option<MatrixAction> {
    let (d, derived) = (cx.dataset, cx.derived);
    let mut action = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let source_names: Vec<String> = matrix
        .sources
        .iter()
        .map(|id| {
            derived
                .source(d, id)
                .map_or(id.clone(), |s| s.name().to_string())
        })
        .collect();
    // The verdict never cut off: it comes right after subject and property, and the sources
    // share the rest (values are what is compared; many sources scroll sideways).
    let width = ui.available_width();
    let n = matrix.sources.len().max(1) as f32;
    let verdict = 115.0;
    let property = 100.0;
    let subject = (width * 0.2).clamp(100.0, 200.0);
    // The gaps between columns and the scroll bar take their share first.
    let gaps = ui.spacing().item_spacing.x * (3.0 + n) + ui.spacing().scroll.allocated_width();
    let per_source = ((width - gaps - subject - property - verdict) / n).max(70.0);
    // Widths persist per width band and source count: a window that grew, or another source
    // chosen, lays the columns out afresh instead of keeping the old widths.
    let band = (width / 80.0) as i32;
    let mut table = TableBuilder::new(ui)
        .id_salt(("claim_matrix", band, matrix.sources.len()))
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(subject).at_least(80.0).clip(true))
        .column(Column::initial(property).at_least(60.0).clip(true))
        .column(Column::initial(verdict).at_least(verdict));
    for i in 0..matrix.sources.len() {
        // The last source takes what is left, so a wide window has no empty strip.
        let column = if i + 1 == matrix.sources.len() {
            Column::remainder()
        } else {
            Column::initial(per_source)
        };
        table = table.column(column.at_least(50.0).clip(true));
    }
    table
        .header(row_height, |mut header| {
            let mut titles = vec![
                "Subject".to_string(),
                "Property".to_string(),
                "Verdict".to_string(),
            ];
            titles.extend(source_names.iter().cloned());
            for title in titles {
                header.col(|ui| {
                    ui.add(
                        egui::Label::new(egui::RichText::new(title).strong())
                            .truncate()
                            .selectable(false),
                    );
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let r = rows[row.index()];
                let m = &matrix.rows[r];
                row.set_selected(selected_row == Some(r));
                row.col(|ui| {
                    let name = row_name(d, &derived.index, m);
                    ui.add(egui::Label::new(name).truncate().selectable(false));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(m.property.label()).selectable(false));
                });
                row.col(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, verdict_colour(m.verdict, true));
                    let text = egui::RichText::new(m.verdict.label());
                    let text = if m.verdict == Verdict::Conflict {
                        text.strong()
                    } else {
                        text
                    };
                    ui.add(egui::Label::new(text).selectable(false));
                });
                for column in 0..matrix.sources.len() {
                    row.col(|ui| {
                        let values: Vec<String> = m
                            .values(d, column)
                            .into_iter()
                            .map(|f| derived.fact_label(d, f))
                            .collect();
                        if values.is_empty() {
                            ui.add(
                                egui::Label::new(egui::RichText::new("—").weak()).selectable(false),
                            );
                        } else {
                            // Cut with "…" where the column is narrow; the whole on hover.
                            ui.add(
                                egui::Label::new(values.join("; "))
                                    .truncate()
                                    .selectable(false),
                            );
                        }
                    });
                }
                let response = row.response();
                let first = m.cells.iter().flatten().next().copied();
                if let Some(claim) = first {
                    if response.double_clicked() {
                        action = Some(MatrixAction::Open(claim));
                    } else if response.clicked() {
                        action = Some(MatrixAction::Select(claim));
                    }
                }
            });
        });
    action
}
