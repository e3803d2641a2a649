//! `actor add`: an actor from the command line.

use std::path::PathBuf;

use super::escape::terminal_cell;
use crate::model::data::actor_draft::{ActorDraft, add_actor_with_id};
use crate::model::{ActorKind, Id};

#[derive(clap::Subcommand, Debug)]
pub enum ActorCommand {
    /// Add an actor (a person, a state or an organisation).
    Add(ActorAddArgs),
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
    let s = s.trim().to_lowercase();
    ActorKind::ALL
        .iter()
        .copied()
        .find(|k| k.label() == s || (s == "organization" && *k == ActorKind::Organisation))
        .ok_or_else(|| {
            let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.label()).collect();
            format!("\"{s}\" is not a kind; the kinds are {}", kinds.join(", "))
        })
}

pub fn run(command: ActorCommand) -> Result<String, String> {
    match command {
        ActorCommand::Add(args) => add(args),
    }
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
