//! The `claims` command: the dataset's claims, filtered by actor, source, property and what
//! was known on a day, as a table or JSON. Changes nothing.

use std::path::PathBuf;

use super::{OutputFormat, table};
use crate::model::{Claim, Property, Subject};
use crate::session::json_view;

#[derive(clap::Args, Debug)]
pub struct ClaimsArgs {
    /// The dataset or snapshot file; the embedded Board of Peace dataset when left out.
    pub file: Option<PathBuf>,
    /// Only the claims about this actor (by id), and those that someone represents it.
    #[arg(long)]
    pub actor: Option<String>,
    /// Only the claims this source makes (by id; "editors-note" for hand edits).
    #[arg(long)]
    pub source: Option<String>,
    /// Only claims about this property (status, role, pledge, joined, …).
    #[arg(long, value_parser = parse_property)]
    pub property: Option<Property>,
    /// Only the claims known on this day (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_day)]
    pub as_of: Option<chrono::NaiveDate>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

fn parse_property(s: &str) -> Result<Property, String> {
    let s = s.trim().to_lowercase();
    Property::ALL
        .iter()
        .copied()
        .find(|p| p.label() == s)
        .ok_or_else(|| {
            let all: Vec<&str> = Property::ALL.iter().map(|p| p.label()).collect();
            format!(
                "\"{s}\" is not a property; the properties are {}",
                all.join(", ")
            )
        })
}

pub fn run(args: ClaimsArgs) -> Result<String, String> {
    let session = super::load_as_of(args.file.as_ref(), args.as_of)?;
    let d = session.dataset();
    let index = &session.derived().index;
    let as_of = session.as_of();
    if let Some(actor) = &args.actor
        && !index.actor_by_id.contains_key(actor)
    {
        return Err(super::error_line(format!(
            "no actor \"{actor}\" in the dataset"
        )));
    }
    if let Some(source) = &args.source
        && source != crate::model::EDITORS_NOTE
        && !index.source_by_id.contains_key(source)
    {
        return Err(super::error_line(format!(
            "no source \"{source}\" in the dataset"
        )));
    }
    let about = |c: &Claim| match &args.actor {
        None => true,
        Some(a) => {
            c.subject == Subject::Actor(a.clone())
                || matches!(&c.fact, crate::model::Fact::Represents(r) if r == a)
        }
    };
    let chosen: Vec<&Claim> = d
        .claims
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            index.claim_known_by(i, as_of)
                && args.source.as_ref().is_none_or(|s| c.source == *s)
                && args.property.is_none_or(|p| c.fact.property() == p)
                && about(c)
        })
        .map(|(_, c)| c)
        .collect();
    match args.format {
        OutputFormat::Json => Ok(json_view::json_text(&json_view::ClaimsJson {
            as_of: as_of.map(|d| d.to_string()),
            claims: chosen.into_iter().map(json_view::claim).collect(),
        })),
        OutputFormat::Table => {
            let header = [
                "Id", "About", "Property", "Value", "Source", "As of", "Rank", "Quote",
            ];
            let rows: Vec<Vec<String>> = chosen
                .iter()
                .map(|c| {
                    vec![
                        c.id.clone(),
                        c.subject.id().to_string(),
                        c.fact.property().label().to_string(),
                        c.value_label(d),
                        c.source.clone(),
                        c.as_of.map_or("—".into(), |d| d.to_string()),
                        c.rank.label().to_string(),
                        c.quote.as_ref().map_or("—".into(), |q| q.exact.clone()),
                    ]
                })
                .collect();
            let mut out = format!("{} claims", rows.len());
            if let Some(day) = as_of {
                out.push_str(&format!(" known on {day}"));
            }
            out.push('\n');
            if !rows.is_empty() {
                out.push_str(&table::align(&header, &rows));
            }
            Ok(out)
        }
    }
}
