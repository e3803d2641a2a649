//! The command line: the same binary serves scripts. Each command returns its output as a
//! string (printed by `main`), so tests call it directly.

mod table;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::model::{Dataset, Index, PartialDate, Property, roster, seat};
use crate::store::{self, Loaded};

#[derive(Parser, Debug)]
#[command(
    name = "board-explorer",
    version,
    about = "Who sits on an international body, on whose word, and since when.\n\nWith no command, opens the window on the embedded Board of Peace dataset."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate a dataset file and print a one-line summary (or its errors, with line and column).
    Check {
        /// The dataset file (RON); the embedded Board of Peace dataset when left out.
        file: Option<PathBuf>,
    },
    /// Print the roster derived from a dataset as an aligned text table.
    Roster {
        /// The dataset file (RON); the embedded Board of Peace dataset when left out.
        file: Option<PathBuf>,
        /// Show the roster as it stood on this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        as_of: Option<chrono::NaiveDate>,
    },
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    let date: PartialDate = s.parse().map_err(|e| format!("{e}"))?;
    // A month or a year means its last day: everything known by then.
    Ok(date.last_day())
}

pub fn run(command: Command) -> Result<String, String> {
    match command {
        Command::Check { file } => check(file),
        Command::Roster { file, as_of } => {
            let loaded = load(file.as_ref())?;
            Ok(roster_table(&loaded.dataset, as_of))
        }
    }
}

fn load(file: Option<&PathBuf>) -> Result<Loaded, String> {
    match file {
        Some(path) => store::load_file(path).map_err(|e| format!("error: {e}")),
        None => Ok(Loaded {
            dataset: store::embedded(),
            warnings: Vec::new(),
        }),
    }
}

fn check(file: Option<PathBuf>) -> Result<String, String> {
    let loaded = load(file.as_ref())?;
    let d = &loaded.dataset;
    let index = Index::build(d);
    let conflicts = roster(d, &index, None).conflicts();
    let name = file.map_or_else(
        || "embedded dataset".to_string(),
        |p| p.display().to_string(),
    );
    let mut out = format!(
        "{name}: ok: {} actors, {} sources, {} claims, {} events, {} conflicts",
        d.actors.len(),
        d.sources.len(),
        d.claims.len(),
        d.events.len(),
        conflicts
    );
    if !loaded.warnings.is_empty() {
        out.push_str(&format!(", {} warnings", loaded.warnings.len()));
    }
    out.push('\n');
    for w in &loaded.warnings {
        out.push_str(&format!("  warning: {w}\n"));
    }
    Ok(out)
}

/// The roster as an aligned table, one line per actor.
pub fn roster_table(d: &Dataset, as_of: Option<chrono::NaiveDate>) -> String {
    let index = Index::build(d);
    let roster = roster(d, &index, as_of);
    let header = [
        "Name", "Kind", "Country", "Role", "Status", "Seat", "Sources", "Conflict",
    ];
    let rows: Vec<Vec<String>> = roster
        .rows
        .iter()
        .map(|row| {
            let actor = &d.actors[row.actor];
            let value = |p: Property| {
                row.fact(d, p)
                    .map_or_else(|| "—".to_string(), |f| f.value_label())
            };
            let seat = seat(&d.body.seat_rules, d, &index, row);
            vec![
                actor.name.clone(),
                actor.kind.label().to_string(),
                if actor.country.is_empty() {
                    "—".into()
                } else {
                    actor.country.clone()
                },
                value(Property::Role),
                row.status_label(d).to_string(),
                seat.kind.label().to_string(),
                row.sources.to_string(),
                if row.has_conflict() {
                    "yes".into()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    let mut out = match as_of {
        Some(day) => format!("{} as of {day}\n", d.body.name),
        None => format!("{}\n", d.body.name),
    };
    out.push_str(&table::align(&header, &rows));
    out
}
