//! The `compare` command: the Sources tab's claim matrix, in text. (`import-source` is in
//! `import.rs`.)

use super::{OutputFormat, table};
use crate::model::derive::compare::{ClaimMatrix, MatrixRow, Verdict, compare, row_name};
use crate::model::{Dataset, EDITORS_NOTE};
use crate::session::{Session, json_view};

/// The claim matrix of the chosen sources (all of them when none are named, with the editor's
/// hand edits as a column of their own when there are any, so that the conflicts counted are
/// those `check` and the roster count). Unnamed, at most [`MAX_SOURCE_COLUMNS`] columns are
/// shown, so the table stays bounded however many sources there are.
pub fn compare_table(
    session: &Session,
    sources: &[String],
    conflicts_only: bool,
    format: OutputFormat,
) -> Result<String, String> {
    let d = session.dataset();
    let index = &session.derived().index;
    let chosen: Vec<String> = if sources.is_empty() {
        let hand = d.claims.iter().any(|c| c.source == EDITORS_NOTE);
        d.sources
            .iter()
            .map(|s| s.id.clone())
            .chain(hand.then(|| EDITORS_NOTE.to_string()))
            .collect()
    } else {
        sources.to_vec()
    };
    if let Some(unknown) = chosen
        .iter()
        .find(|s| *s != EDITORS_NOTE && !index.source_by_id.contains_key(*s))
    {
        let known: Vec<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
        return Err(format!(
            "error: no source \"{unknown}\"; the sources are: {}",
            known.join(", ")
        ));
    }
    let m = compare(d, index, &chosen);
    if format == OutputFormat::Json {
        let shape = json_view::compare(d, index, &m, conflicts_only);
        return Ok(json_view::json_text(&shape));
    }
    // The matrix's columns: each source once, however often it was named; when none were
    // named and there are many, the most-cited ones, the others counted in one column.
    let shown = shown_columns(&m, !sources.is_empty());
    let others: Vec<usize> = (0..m.sources.len())
        .filter(|c| !shown.contains(c))
        .collect();
    let mut header = vec!["Subject", "Property"];
    header.extend(shown.iter().map(|&c| m.sources[c].as_str()));
    let others_header = format!("{} other sources", others.len());
    if !others.is_empty() {
        header.push(&others_header);
    }
    header.push("Verdict");
    let rows: Vec<Vec<String>> = m
        .rows
        .iter()
        .filter(|r| !conflicts_only || r.verdict == Verdict::Conflict)
        .map(|r| {
            let mut cells = vec![
                row_name(d, index, r).into_owned(),
                r.property.label().to_string(),
            ];
            cells.extend(shown.iter().map(|&column| cell_text(d, r, column)));
            if !others.is_empty() {
                cells.push(others_text(r, &others));
            }
            cells.push(r.verdict.label().to_string());
            cells
        })
        .collect();
    let mut out = format!(
        "{} rows: {} agree, {} conflict, {} single source, {} history\n",
        m.rows.len(),
        m.count(Verdict::Agree),
        m.count(Verdict::Conflict),
        m.count(Verdict::Single),
        m.count(Verdict::History)
    );
    out.push_str(&table::align(&header, &rows));
    Ok(out)
}

/// The most sources the terminal's matrix shows as columns unless they are named.
pub const MAX_SOURCE_COLUMNS: usize = 8;

/// The columns to show: all when the sources were named, else the most-cited
/// [`MAX_SOURCE_COLUMNS`] in their own order.
fn shown_columns(m: &ClaimMatrix, named: bool) -> Vec<usize> {
    let all: Vec<usize> = (0..m.sources.len()).collect();
    if named || all.len() <= MAX_SOURCE_COLUMNS {
        return all;
    }
    let mut cited = vec![0usize; all.len()];
    for row in &m.rows {
        for (column, claims) in row.cells.iter().enumerate() {
            cited[column] += claims.len();
        }
    }
    let mut ranked = all;
    ranked.sort_by_key(|&c| std::cmp::Reverse(cited[c]));
    ranked.truncate(MAX_SOURCE_COLUMNS);
    ranked.sort_unstable();
    ranked
}

/// What a source says in a row: its distinct values, or a dash.
fn cell_text(d: &Dataset, row: &MatrixRow, column: usize) -> String {
    let values = row.value_labels(d, column);
    if values.is_empty() {
        "—".into()
    } else {
        values.join("; ")
    }
}

/// How much the sources not shown say in a row: "3 claims in 2 sources", or a dash.
fn others_text(row: &MatrixRow, others: &[usize]) -> String {
    let claims: usize = others.iter().map(|&c| row.cells[c].len()).sum();
    let sources = others.iter().filter(|&&c| !row.cells[c].is_empty()).count();
    if claims == 0 {
        "—".into()
    } else {
        format!("{claims} claims in {sources} sources")
    }
}
