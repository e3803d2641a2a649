//! The `compare` command: the Sources tab's claim matrix, in text. (`import-source` is in
//! `import.rs`.)

use super::table;
use crate::model::EDITORS_NOTE;
use crate::model::derive::compare::{Verdict, compare, row_name};
use crate::session::Session;

/// The claim matrix of the chosen sources (all of them when none are named, with the editor's
/// hand edits as a column of their own when there are any, so that the conflicts counted are
/// those `check` and the roster count).
pub fn compare_table(
    session: &Session,
    sources: &[String],
    conflicts_only: bool,
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
    // The matrix's columns: each source once, however often it was named.
    let chosen = &m.sources;
    let mut header = vec!["Subject", "Property"];
    header.extend(chosen.iter().map(String::as_str));
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
            for column in 0..chosen.len() {
                let values: Vec<String> = r.cells[column]
                    .iter()
                    .map(|&c| d.claims[c].value_label(d))
                    .fold(Vec::new(), |mut seen, v| {
                        if !seen.contains(&v) {
                            seen.push(v);
                        }
                        seen
                    });
                cells.push(if values.is_empty() {
                    "—".into()
                } else {
                    values.join("; ")
                });
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
