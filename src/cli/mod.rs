//! The command line: the same binary serves scripts. Each command returns its output as a
//! string (printed by `main`), so tests call it directly.

mod table;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::model::money::{format_money, parse_money};
use crate::model::seats::{SeatKind, amount_words, quick, totals};
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
    /// Apply the seat rules: to every member (a table), or to one amount (--amount).
    Seats {
        /// The dataset file (RON); the embedded Board of Peace dataset when left out.
        file: Option<PathBuf>,
        /// The roster as it stood on this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        as_of: Option<chrono::NaiveDate>,
        /// Instead of the table: what this amount buys (whole units, or "860 million").
        #[arg(long)]
        amount: Option<String>,
        /// The amount's currency (ISO code); the threshold's currency when left out.
        #[arg(long, requires = "amount")]
        currency: Option<String>,
        /// The joining (and paying) date for --amount.
        #[arg(long, requires = "amount")]
        joined: Option<PartialDate>,
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
        Command::Seats {
            file,
            as_of,
            amount: None,
            ..
        } => {
            let loaded = load(file.as_ref())?;
            Ok(seats_table(&loaded.dataset, as_of))
        }
        Command::Seats {
            file,
            amount: Some(amount),
            currency,
            joined,
            ..
        } => {
            let d = load(file.as_ref())?.dataset;
            let rules = &d.body.seat_rules;
            let currency = currency
                .unwrap_or_else(|| rules.threshold.currency.clone())
                .to_uppercase();
            let money =
                parse_money(&format!("{amount} {currency}")).map_err(|e| format!("error: {e}"))?;
            let o = quick(rules, &money, joined).map_err(|e| format!("error: {e}"))?;
            let mut out = format!("seat: {}\n", o.kind.label());
            if let Some(end) = o.term_end {
                out.push_str(&format!("term ends: {end}\n"));
            }
            if let Some(short) = o.shortfall {
                out.push_str(&format!(
                    "shortfall: {}\n",
                    amount_words(short, &rules.threshold.currency)
                ));
            }
            out.push_str(&format!("reason: {}\n", o.reason));
            Ok(out)
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

/// Every member's seat under the dataset's rules, with totals.
pub fn seats_table(d: &Dataset, as_of: Option<chrono::NaiveDate>) -> String {
    let index = Index::build(d);
    let roster = roster(d, &index, as_of);
    let rules = &d.body.seat_rules;
    let outcomes: Vec<_> = roster
        .rows
        .iter()
        .map(|row| (row, seat(rules, d, &index, row)))
        .collect();
    let members: Vec<_> = outcomes
        .iter()
        .filter(|(_, o)| o.kind != SeatKind::None)
        .collect();
    let header = ["Name", "Seat", "Term ends", "Pledge", "Shortfall", "Reason"];
    let rows: Vec<Vec<String>> = members
        .iter()
        .map(|(row, o)| {
            vec![
                d.actors[row.actor].name.clone(),
                o.kind.label().to_string(),
                o.term_end.map_or("—".into(), |e| e.to_string()),
                o.pledge.as_ref().map_or("—".into(), format_money),
                o.shortfall
                    .map_or("?".into(), |s| amount_words(s, &rules.threshold.currency)),
                o.reason.clone(),
            ]
        })
        .collect();
    let mut out = format!("{}: seats", d.body.name);
    if let Some(day) = as_of {
        out.push_str(&format!(" as of {day}"));
    }
    out.push('\n');
    out.push_str(&table::align(&header, &rows));
    let t = totals(members.iter().map(|(_, o)| o));
    out.push_str(&format!(
        "\n{} permanent, {} term, {} chair; {} pledged",
        t.permanent,
        t.term,
        t.chair,
        amount_words(t.pledged, &rules.threshold.currency)
    ));
    if t.unconverted > 0 {
        out.push_str(&format!(" (+{} without an exchange rate)", t.unconverted));
    }
    out.push('\n');
    for (year, n) in &t.expiries {
        out.push_str(&format!("terms ending in {year}: {n}\n"));
    }
    out
}
