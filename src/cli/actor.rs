//! `actor add`: an actor from the command line.

use std::path::PathBuf;

use super::change::{Out, change_saying};
use super::escape::terminal_cell;
use crate::model::data::actor_draft::{ActorDraft, add_actor_with_id};
use crate::model::data::ops::{delete_actor, rename_actor, update_actor};
use crate::model::{ActorKind, Id};

#[derive(clap::Subcommand, Debug)]
pub enum ActorCommand {
    /// Add an actor (a person, a state or an organisation).
    Add(ActorAddArgs),
    /// Change an actor's name, kind, country, aliases or Wikidata id (Q and digits, like
    /// Q7747; checked; kept in Popolo `identifiers` and FollowTheMoney `wikidataId`). What is
    /// not given stays as it was. `actor set` is the same command.
    #[command(alias = "set")]
    Edit(ActorEditArgs),
    /// Give an actor another id, and every claim, event and rejected suggestion that names it
    /// with it. Refused when the new id is taken.
    Rename {
        /// The dataset file (RON).
        dataset: PathBuf,
        /// The actor, by its id now.
        #[arg(long)]
        id: Id,
        /// Its new id.
        #[arg(long)]
        to: Id,
        #[command(flatten)]
        out: Out,
    },
    /// Delete an actor. Refused while claims are about it or say someone represents it,
    /// unless --with-claims, which deletes them with it (one edit); its mentions in events go.
    Delete {
        /// The dataset file (RON).
        dataset: PathBuf,
        /// The actor, by id.
        #[arg(long)]
        id: Id,
        /// Delete the claims about it and that someone represents it too.
        #[arg(long)]
        with_claims: bool,
        #[command(flatten)]
        out: Out,
    },
}

#[derive(clap::Args, Debug)]
pub struct ActorEditArgs {
    /// The dataset file (RON), written in place (its old version kept as DATASET.bak) unless -o.
    pub dataset: PathBuf,
    /// The actor, by id.
    #[arg(long)]
    pub id: Id,
    #[arg(long)]
    pub name: Option<String>,
    /// person, state or organisation.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<ActorKind>,
    #[arg(long)]
    pub country: Option<String>,
    /// Its other names: repeat for several; they replace the old ones (`--alias ""` clears).
    #[arg(long = "alias")]
    pub aliases: Option<Vec<String>>,
    /// Its Wikidata id ("Q7747"); an empty value clears it.
    #[arg(long)]
    pub wikidata: Option<String>,
    #[command(flatten)]
    pub out: Out,
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
    /// Its Wikidata id: Q and its digits (Q7747).
    #[arg(long)]
    pub wikidata: Option<String>,
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
        ActorCommand::Edit(args) => edit(args),
        ActorCommand::Rename {
            dataset,
            id,
            to,
            out,
        } => change_saying(&dataset, &out, "Rename actor", |d, _| {
            let at = actor_at(d, &id)?;
            let edit = rename_actor(d, at, &to).map_err(|e| e.to_string())?;
            let did = format!(
                "renamed actor \"{}\" to \"{}\" ({})",
                terminal_cell(&id),
                terminal_cell(to.trim()),
                terminal_cell(&d.actors[at].name)
            );
            Ok((edit, did))
        }),
        ActorCommand::Delete {
            dataset,
            id,
            with_claims,
            out,
        } => change_saying(&dataset, &out, "Delete actor", |d, _| {
            let at = actor_at(d, &id)?;
            let (edit, summary) = delete_actor(d, at);
            let claims = summary.claims_about + summary.claims_pointing;
            if claims > 0 && !with_claims {
                return Err(format!(
                    "actor \"{id}\" is cited by {}; nothing was written: --with-claims \
                     deletes them with it",
                    summary.words()
                ));
            }
            let did = format!(
                "deleted actor \"{}\" ({}) with {}",
                terminal_cell(&id),
                terminal_cell(&d.actors[at].name),
                summary.words()
            );
            Ok((edit, did))
        }),
    }
}

/// The position of the actor `id`, or the error naming it.
fn actor_at(d: &crate::model::Dataset, id: &str) -> Result<usize, String> {
    d.actors
        .iter()
        .position(|a| a.id == id)
        .ok_or_else(|| format!("no actor \"{id}\" in the dataset; nothing was written"))
}

/// `actor edit` (and `actor set`): the fields given replace the actor's, through the model's
/// one actor update (the window's form makes the same).
fn edit(args: ActorEditArgs) -> Result<String, String> {
    change_saying(&args.dataset, &args.out, "Edit actor", |d, _| {
        let at = actor_at(d, &args.id)?;
        let mut actor = d.actors[at].clone();
        let mut changed = Vec::new();
        if let Some(name) = &args.name {
            actor.name.clone_from(name);
            changed.push(format!("name \"{}\"", terminal_cell(name.trim())));
        }
        if let Some(kind) = args.kind {
            actor.kind = kind;
            changed.push(format!("kind {}", kind.label()));
        }
        if let Some(country) = &args.country {
            actor.country = country.trim().to_string();
            changed.push(format!("country \"{}\"", terminal_cell(&actor.country)));
        }
        if let Some(aliases) = &args.aliases {
            actor.aliases = aliases
                .iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect();
            let shown: Vec<String> = actor
                .aliases
                .iter()
                .map(|a| format!("\"{}\"", terminal_cell(a)))
                .collect();
            changed.push(format!("aliases [{}]", shown.join(", ")));
        }
        if let Some(wikidata) = &args.wikidata {
            actor.wikidata = Some(wikidata.clone());
            changed.push(match wikidata.trim() {
                "" => "no Wikidata id".to_string(),
                q => format!("Wikidata id {}", terminal_cell(q)),
            });
        }
        if changed.is_empty() {
            return Err(
                "nothing to change: give --name, --kind, --country, --alias or --wikidata".into(),
            );
        }
        let edit = update_actor(d, at, actor).map_err(|e| format!("{e}; nothing was written"))?;
        let did = format!(
            "edited actor \"{}\": {}",
            terminal_cell(&args.id),
            changed.join(", ")
        );
        Ok((edit, did))
    })
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
        wikidata: args.wikidata,
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
