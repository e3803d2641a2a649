//! `actor add`: an actor from the command line.

use std::path::PathBuf;

use super::escape::terminal_cell;
use crate::model::data::actor_draft::{ActorDraft, add_actor_with_id};
use crate::model::rules::validate_values::wikidata_problem;
use crate::model::{ActorKind, Id};

#[derive(clap::Subcommand, Debug)]
pub enum ActorCommand {
    /// Add an actor (a person, a state or an organisation).
    Add(ActorAddArgs),
    /// Set an actor's Wikidata id (Q and digits, like Q7747; checked), kept in exports
    /// (Popolo `identifiers`, FollowTheMoney `wikidataId`).
    Set(ActorSetArgs),
}

#[derive(clap::Args, Debug)]
pub struct ActorSetArgs {
    /// The dataset file (RON), written in place (its old version kept as DATASET.bak).
    pub dataset: PathBuf,
    /// The actor, by id.
    #[arg(long)]
    pub id: Id,
    /// Its Wikidata id ("Q7747"); an empty value clears it.
    #[arg(long)]
    pub wikidata: String,
}

#[derive(clap::Args, Debug)]
pub struct ActorAddArgs {
    /// The dataset file (RON), written in place (its old version kept as DATASET.bak) unless -o.
    pub dataset: PathBuf,
    /// The actor's id; made from the name when left out ("Ajay Banga" → ajay-banga).
    #[arg(long)]
    pub id: Option<Id>,
    #[arg(long)]
    pub name: String,
    /// person, state or organisation.
    #[arg(long, value_parser = parse_kind)]
    pub kind: ActorKind,
    #[arg(long, default_value = "")]
    pub country: String,
    /// Another name the sources use; repeat for several.
    #[arg(long = "alias")]
    pub aliases: Vec<String>,
    /// The state or organisation it acts for, by id (recorded as a claim on the editor's word).
    #[arg(long)]
    pub represents: Option<Id>,
    /// Write the dataset here instead of in place.
    #[arg(short = 'o', long)]
    pub out: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

fn parse_kind(s: &str) -> Result<ActorKind, String> {
    ActorKind::parse(s)
}

pub fn run(command: ActorCommand) -> Result<String, String> {
    match command {
        ActorCommand::Add(args) => add(args),
        ActorCommand::Set(args) => set(args),
    }
}

fn set(args: ActorSetArgs) -> Result<String, String> {
    let wikidata = args.wikidata.trim();
    if let Some(why) = (!wikidata.is_empty())
        .then(|| wikidata_problem(wikidata))
        .flatten()
    {
        return Err(super::error_line(format!("{why}; nothing was written")));
    }
    let _lock = super::lock_dataset(&args.dataset)?;
    let mut session = super::load(Some(&args.dataset))?.0;
    let d = session.dataset();
    let Some(at) = d.actors.iter().position(|a| a.id == args.id) else {
        return Err(super::error_line(format!(
            "no actor \"{}\" in the dataset; nothing was written",
            args.id
        )));
    };
    let mut actor = d.actors[at].clone();
    actor.wikidata = (!wikidata.is_empty()).then(|| wikidata.to_string());
    let edit = crate::model::Edit::ReplaceActor { at, actor };
    super::claim::perform_checked(&mut session, edit, "Set Wikidata id")?;
    let d = session.dataset();
    let mut report = format!(
        "set the Wikidata id of \"{}\" to {}\n",
        terminal_cell(&args.id),
        if wikidata.is_empty() {
            "nothing"
        } else {
            wikidata
        }
    );
    report.push_str(&super::write_dataset(
        &session,
        &args.dataset,
        &crate::session::dataset_text(d),
        true,
        false,
    )?);
    Ok(report)
}

fn add(args: ActorAddArgs) -> Result<String, String> {
    let out = args.out.clone().unwrap_or_else(|| args.dataset.clone());
    if args.out.is_some() {
        super::refuse_overwrite(&out, args.force)?;
    }
    let _lock = super::lock_dataset(&out)?;
    let mut session = super::load(Some(&args.dataset))?.0;
    let draft = ActorDraft {
        id: args.id,
        name: args.name,
        kind: args.kind,
        country: args.country,
        aliases: args.aliases,
        represents: args.represents,
    };
    let (edit, notes) = add_actor_with_id(session.dataset(), &session.derived().index, draft)
        .map_err(super::error_line)?;
    let mut report = String::new();
    for note in notes {
        report.push_str(&format!("warning: {}\n", terminal_cell(&note)));
    }
    super::claim::perform_checked(&mut session, edit, "Add actor")?;
    let d = session.dataset();
    let actor = d.actors.last().expect("just added");
    report.push_str(&format!(
        "added actor \"{}\": {} ({})\n",
        terminal_cell(&actor.id),
        terminal_cell(&actor.name),
        actor.kind.label()
    ));
    report.push_str(&super::write_dataset(
        &session,
        &out,
        &crate::session::dataset_text(d),
        args.out.is_none(),
        args.force,
    )?);
    Ok(report)
}
