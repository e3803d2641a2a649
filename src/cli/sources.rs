//! The `compare` and `import-source` commands: the Sources tab's matrix and import, in text.

use std::path::Path;

use super::table;
use crate::model::PartialDate;
use crate::model::compare::{Verdict, compare, subject_name};
use crate::model::mentions::{MentionFinder, context};
use crate::model::source_ops::{SourceDraft, add_source};
use crate::model::text::{is_html, line_col};
use crate::session::{Command, Session};

/// The claim matrix of the chosen sources (all of them when none are named).
pub fn compare_table(
    session: &Session,
    sources: &[String],
    conflicts_only: bool,
) -> Result<String, String> {
    let d = session.dataset();
    let index = &session.derived().index;
    let chosen: Vec<String> = if sources.is_empty() {
        d.sources.iter().map(|s| s.id.clone()).collect()
    } else {
        sources.to_vec()
    };
    if let Some(unknown) = chosen.iter().find(|s| !index.source_by_id.contains_key(*s)) {
        let known: Vec<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
        return Err(format!(
            "error: no source \"{unknown}\"; the sources are: {}",
            known.join(", ")
        ));
    }
    let m = compare(d, index, &chosen);
    let mut header = vec!["Subject", "Property"];
    header.extend(chosen.iter().map(String::as_str));
    header.push("Verdict");
    let rows: Vec<Vec<String>> = m
        .rows
        .iter()
        .filter(|r| !conflicts_only || r.verdict == Verdict::Conflict)
        .map(|r| {
            let mut cells = vec![
                subject_name(d, index, &r.subject).to_string(),
                r.property.label().to_string(),
            ];
            for column in 0..chosen.len() {
                let values: Vec<String> = r
                    .values(d, column)
                    .into_iter()
                    .map(|f| d.fact_label(f))
                    .collect();
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
        "{} rows: {} agree, {} conflict, {} single source\n",
        m.rows.len(),
        m.count(Verdict::Agree),
        m.count(Verdict::Conflict),
        m.count(Verdict::Single)
    );
    out.push_str(&table::align(&header, &rows));
    Ok(out)
}

/// What the import was given on the command line.
pub struct ImportArgs<'a> {
    pub text_file: &'a Path,
    pub outlet: &'a str,
    pub title: &'a str,
    pub date: Option<PartialDate>,
}

/// Adds the article as a source, as the panel does (one edit through the session), and reports
/// the known actors it names. Returns the report; the session holds the new source.
pub fn import_source(session: &mut Session, args: &ImportArgs) -> Result<String, String> {
    let raw = std::fs::read_to_string(args.text_file)
        .map_err(|e| format!("error: cannot read {}: {e}", args.text_file.display()))?;
    let extension = args.text_file.extension().and_then(|e| e.to_str());
    let draft = SourceDraft {
        outlet: args.outlet.to_string(),
        title: args.title.to_string(),
        published: args.date,
        html: is_html(extension, &raw),
        text: raw,
        ..Default::default()
    };
    let today = PartialDate::from(chrono::Local::now().date_naive());
    let (edit, id) =
        add_source(session.dataset(), draft, today).map_err(|e| format!("error: {e}"))?;
    let outcome = session.perform(Command::edit(edit, "Import source"));
    if let Some(notice) = outcome.notice.filter(|n| n.is_error) {
        return Err(format!("error: {}", notice.text));
    }
    let d = session.dataset();
    let source = d.sources.last().expect("just added");
    let mentions = MentionFinder::new(&d.actors).find(&source.text);
    let mut out = format!(
        "added source \"{id}\" ({} characters); {} mentions of known actors\n",
        source.text.chars().count(),
        mentions.len()
    );
    let rows: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| {
            let (line, col) = line_col(&source.text, m.start);
            vec![
                d.actors[m.actor].name.clone(),
                format!("{line}:{col}"),
                context(&source.text, m.start, m.end, 30),
            ]
        })
        .collect();
    if !rows.is_empty() {
        out.push_str(&table::align(&["Actor", "Line:col", "Words around"], &rows));
    }
    Ok(out)
}
