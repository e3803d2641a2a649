//! `body list|add|rename|parent|date|remove`: the main body and its sub-bodies from the command line,
//! through the same edits the window makes.

use std::path::PathBuf;

use super::change::{Out, change};
use crate::model::data::body::{
    add_body, all, claims_naming, milestone_claim, remove_body, rename_body, set_parent,
};
use crate::model::{EDITORS_NOTE, Fact, Id, PartialDate};
use crate::session::json_view::{BodiesJson, BodyListedJson, json_text};

#[derive(clap::Subcommand, Debug)]
pub enum BodyCommand {
    /// List the bodies: id, name, parent, and their dates (charter signed, entry into force).
    List {
        /// The dataset file (RON); the embedded Board of Peace dataset when left out.
        dataset: Option<PathBuf>,
        /// table (for people) or json (for programs; see "JSON output" in the README).
        #[arg(long, value_enum, default_value = "table")]
        format: super::OutputFormat,
    },
    /// Add a sub-body (an executive board, a committee) under PARENT (default: the main body).
    Add {
        dataset: PathBuf,
        #[arg(long)]
        name: String,
        /// The id of the body it belongs to or is overseen by.
        #[arg(long)]
        parent: Option<Id>,
        #[command(flatten)]
        out: Out,
    },
    /// Rename a body (its id is kept, so claims naming it still do).
    Rename {
        dataset: PathBuf,
        /// The body's id.
        id: Id,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        out: Out,
    },
    /// Set a sub-body's parent (or clear it with --none).
    Parent {
        dataset: PathBuf,
        /// The body's id.
        id: Id,
        /// The parent body's id.
        #[arg(required_unless_present = "none")]
        parent: Option<Id>,
        /// The body stands alone.
        #[arg(long, conflicts_with = "parent")]
        none: bool,
        #[command(flatten)]
        out: Out,
    },
    /// Remove a sub-body. Refused while claims name it (unless --with-claims) or other bodies
    /// are part of it; the main body stays.
    Remove {
        dataset: PathBuf,
        /// The sub-body's id.
        id: Id,
        /// Remove the claims that name it too (about it, or about someone's place on it).
        #[arg(long)]
        with_claims: bool,
        #[command(flatten)]
        out: Out,
    },
    /// Record a body's date as a claim of a source: when its charter was signed or entered
    /// into force (terms and the payment window count from entry into force).
    Date {
        dataset: PathBuf,
        /// The body's id.
        id: Id,
        /// The day the charter was signed.
        #[arg(long, required_unless_present = "in_force")]
        charter_signed: Option<PartialDate>,
        /// The day the charter entered into force.
        #[arg(long, conflicts_with = "charter_signed")]
        in_force: Option<PartialDate>,
        /// The source that says so, by id (default: the editor's note).
        #[arg(long, default_value = EDITORS_NOTE)]
        source: Id,
        /// The day the source speaks for (default: its publication date).
        #[arg(long)]
        as_of: Option<PartialDate>,
        #[arg(long, default_value = "")]
        note: String,
        #[command(flatten)]
        out: Out,
    },
}

pub fn run(command: BodyCommand) -> Result<String, String> {
    match command {
        BodyCommand::List { dataset, format } => list(dataset, format),
        BodyCommand::Add {
            dataset,
            name,
            parent,
            out,
        } => change(&dataset, &out, "Add body", |d, _| {
            add_body(d, &name, parent.as_deref()).map_err(|e| e.to_string())
        }),
        BodyCommand::Rename {
            dataset,
            id,
            name,
            out,
        } => change(&dataset, &out, "Rename body", |d, _| {
            rename_body(d, &id, &name).map_err(|e| e.to_string())
        }),
        BodyCommand::Parent {
            dataset,
            id,
            parent,
            none: _,
            out,
        } => change(&dataset, &out, "Set parent", |d, _| {
            set_parent(d, &id, parent.as_deref()).map_err(|e| e.to_string())
        }),
        BodyCommand::Remove {
            dataset,
            id,
            with_claims,
            out,
        } => change(&dataset, &out, "Remove body", |d, _| {
            let named = !with_claims && !claims_naming(d, &id).is_empty();
            remove_body(d, &id, with_claims).map_err(|why| match named {
                true => format!("{why} (--with-claims removes them)"),
                false => why.to_string(),
            })
        }),
        BodyCommand::Date {
            dataset,
            id,
            charter_signed,
            in_force,
            source,
            as_of,
            note,
            out,
        } => {
            let fact = match (charter_signed, in_force) {
                (Some(day), _) => Fact::CharterSigned(day),
                (None, Some(day)) => Fact::InForce(day),
                (None, None) => return Err("error: give --charter-signed or --in-force".into()),
            };
            change(&dataset, &out, "Add body date", |d, index| {
                milestone_claim(d, index, &id, fact, &source, as_of, &note)
                    .map_err(|e| e.to_string())
            })
        }
    }
}

fn list(dataset: Option<PathBuf>, format: super::OutputFormat) -> Result<String, String> {
    let session = super::load(dataset.as_ref())?.0;
    let (d, derived) = (session.dataset(), session.derived());
    let listed: Vec<BodyListedJson> = all(d)
        .map(|b| {
            let dates =
                crate::model::data::body::body_dates(d, &derived.index, &b.id, derived.as_of());
            BodyListedJson {
                id: &b.id,
                name: &b.name,
                parent: b.parent.as_deref(),
                charter_signed: dates.charter_signed.map(|(day, _)| day),
                in_force: dates.in_force.map(|(day, _)| day),
            }
        })
        .collect();
    if format == super::OutputFormat::Json {
        return Ok(json_text(&BodiesJson { bodies: listed }));
    }
    let header = ["Id", "Name", "Parent", "Charter signed", "In force"];
    let cell = |s: &str| super::escape::terminal_cell(s).into_owned();
    let day = |x: Option<PartialDate>| x.map_or("—".into(), |d| d.to_string());
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|b| {
            vec![
                cell(b.id),
                cell(b.name),
                b.parent.map_or("—".into(), cell),
                day(b.charter_signed),
                day(b.in_force),
            ]
        })
        .collect();
    Ok(super::table::align(&header, &rows))
}
