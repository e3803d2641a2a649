//! Which roster columns show at a width, and how wide each starts: by priority, Name first.

use crate::ui::roster::table::Column;

/// The narrowest the Name column gets.
pub(super) const NAME_MIN: f32 = 130.0;

/// What most names need ("Prime Minister of Hungary"): Name's share of spare room comes first.
pub(super) const NAME_COMFORT: f32 = 190.0;

/// Which columns stay when the table is narrow, most important first.
pub(super) const PRIORITY: [Column; 11] = [
    Column::Name,
    Column::Body,
    Column::Status,
    Column::Seat,
    Column::Conflict,
    Column::Joined,
    Column::Pledge,
    Column::Role,
    Column::Sources,
    Column::Country,
    Column::Kind,
];

/// A column's starting width, wide enough for its usual values ("organisation", "United
/// Kingdom", "founding member", "$1 billion", "2026-01-22", measured at the body font) and
/// its sorted header; no wider, so that at 1024 Name keeps room for whole names.
pub(super) fn column_width(column: Column) -> f32 {
    match column {
        Column::Name => NAME_MIN,
        Column::Kind => 80.0,
        Column::Country => 105.0,
        Column::Role => 115.0,
        Column::Status => 95.0,
        Column::Seat => 70.0,
        Column::Pledge => 85.0,
        Column::Sources => 65.0,
        Column::Conflict => 32.0,
        Column::Joined => 80.0,
        Column::Body => 130.0,
    }
}

/// The starting widths of the `shown` columns in `width`: each its usual width; the room left
/// over goes first to Name, up to what most names need, and the rest is shared among the
/// columns in proportion (⚠ keeps its own), so that in a wide window Name does not take it
/// all and leave a gulf between a name and its values.
pub(super) fn shared_widths(width: f32, shown: &[Column]) -> Vec<f32> {
    let gap = 8.0;
    let grows = |c: Column| c != Column::Conflict;
    let used: f32 = shown.iter().map(|&c| column_width(c) + gap).sum();
    let growing: f32 = shown
        .iter()
        .filter(|&&c| grows(c))
        .map(|&c| column_width(c))
        .sum();
    let spare = (width - used).max(0.0);
    let to_name = spare.min(NAME_COMFORT - NAME_MIN);
    let shared = spare - to_name;
    shown
        .iter()
        .map(|&c| {
            let base = column_width(c);
            let name = if c == Column::Name { to_name } else { 0.0 };
            if grows(c) && growing > 0.0 {
                base + name + shared * base / growing
            } else {
                base
            }
        })
        .collect()
}

/// The columns that fit in `width`, by priority, in their usual left-to-right order. The Body
/// column is there only when every body is shown (`with_body`). Columns `empty` for every row
/// (no pledge reported by anyone) fold before any column that holds data.
pub fn visible_columns(width: f32, with_body: bool, empty: &[Column]) -> Vec<Column> {
    // Spacing between columns, as egui_extras adds it.
    let gap = 8.0;
    let mut used = 0.0;
    let mut keep = Vec::with_capacity(PRIORITY.len());
    let by_priority = PRIORITY
        .into_iter()
        .filter(|c| !empty.contains(c))
        .chain(PRIORITY.into_iter().filter(|c| empty.contains(c)));
    for column in by_priority.filter(|&c| with_body || c != Column::Body) {
        let w = column_width(column) + gap;
        if column == Column::Name || used + w <= width {
            used += w;
            keep.push(column);
        }
    }
    Column::ALL
        .into_iter()
        .filter(|c| keep.contains(c))
        .collect()
}

/// The columns whose cell reads "—" (or nothing) in every one of `rows`: worked out once per
/// revision (see `RosterPanel::empty_columns`), never per frame. The ⚠ column is not among
/// them: that nothing conflicts is worth its narrow place.
pub(super) fn empty_columns(
    dataset: &crate::model::Dataset,
    rows: crate::ui::roster::table::Rows<'_>,
) -> Vec<Column> {
    use crate::model::Property;
    let mut empty = vec![
        Column::Role,
        Column::Pledge,
        Column::Joined,
        Column::Country,
    ];
    for (i, row) in rows.rows.iter().enumerate() {
        if empty.is_empty() {
            break;
        }
        empty.retain(|&c| match c {
            // As the cells read them: a claim denied or deprecated shows "—" too.
            Column::Role => row.fact(dataset, Property::Role).is_none(),
            Column::Pledge => row.fact(dataset, Property::Pledge).is_none(),
            Column::Joined => {
                crate::model::derive::seats::joined(dataset, rows.index, row, &rows.seats[i])
                    .is_none()
            }
            Column::Country => dataset.actors[row.actor].country.is_empty(),
            _ => false,
        });
    }
    empty
}
