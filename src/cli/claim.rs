//! `claim add`: a claim from the command line, its quote given by its words.

use std::path::PathBuf;

use super::escape::terminal_cell;
use crate::model::data::claim_draft::{ClaimDraft, add_claim};
use crate::model::data::ops::set_rank;
use crate::model::text::fact_text::{StatedFact, parse_stated_fact};
use crate::model::text::line_col;
use crate::model::{Edit, Id, PartialDate, Rank};
use crate::session::{self, Command, Session};

#[derive(clap::Subcommand, Debug)]
pub enum ClaimCommand {
    /// Add a claim: an actor, a fact, the source that states it and its exact words.
    Add(ClaimAddArgs),
    /// Rank a claim preferred: it wins over normal claims on its property (settles a conflict).
    Prefer(ClaimRankArgs),
    /// Rank a claim deprecated: it is kept, and never counts.
    Deprecate(ClaimRankArgs),
    /// Rank a claim normal again.
    Normal(ClaimRankArgs),
}

#[derive(clap::Args, Debug)]
pub struct ClaimRankArgs {
    /// The dataset file (RON), written in place (its old version kept as DATASET.bak) unless -o.
    pub dataset: PathBuf,
    /// The claim, by id.
    #[arg(long)]
    pub id: Id,
    #[command(flatten)]
    pub out: super::change::Out,
}

#[derive(clap::Args, Debug)]
pub struct ClaimAddArgs {
    /// The dataset file (RON), written in place (its old version kept as DATASET.bak) unless -o.
    pub dataset: PathBuf,
    /// Who makes the claim, recorded on it; git's user.name where the dataset is when left out.
    #[arg(long)]
    pub author: Option<String>,
    /// The actor the claim is about, by id.
    #[arg(long)]
    pub actor: Id,
    /// PROPERTY=VALUE: status=accepted, role=chair, invited=yes (read as status=invited), represents=ID,
    /// office=TEXT, pledge="1 billion USD", joined=2026-01-22. A negative claim (the source
    /// says it does not hold): status!=member or status="not member".
    #[arg(long, value_parser = parse_stated_fact)]
    pub fact: StatedFact,
    /// The source that states it, by id ("editors-note" for your own word, without --quote).
    #[arg(long)]
    pub source: Id,
    /// The source's exact words that state it; they are found in its text.
    #[arg(long)]
    pub quote: Option<String>,
    /// When the fact held (YYYY, YYYY-MM or YYYY-MM-DD; ~YYYY-MM-DD when approximate); the
    /// source's date when left out.
    #[arg(long)]
    pub as_of: Option<PartialDate>,
    /// The body the fact is about, when not the main one (a sub-body's id).
    #[arg(long)]
    pub body: Option<Id>,
    #[arg(long, default_value = "")]
    pub note: String,
    /// Write the dataset here instead of in place.
    #[arg(short = 'o', long)]
    pub out: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(command: ClaimCommand) -> Result<String, String> {
    match command {
        ClaimCommand::Add(args) => add(args),
        ClaimCommand::Prefer(args) => rank(args, Rank::Preferred),
        ClaimCommand::Deprecate(args) => rank(args, Rank::Deprecated),
        ClaimCommand::Normal(args) => rank(args, Rank::Normal),
    }
}

/// `claim prefer|deprecate|normal`: the claim's rank, as the detail pane sets it.
fn rank(args: ClaimRankArgs, rank: Rank) -> Result<String, String> {
    super::change::change_saying(&args.dataset, &args.out, "Rank claim", |d, _| {
        let at = d
            .claims
            .iter()
            .position(|c| c.id == args.id)
            .ok_or_else(|| {
                format!(
                    "no claim \"{}\" in the dataset; nothing was written",
                    args.id
                )
            })?;
        let c = &d.claims[at];
        let did = format!(
            "ranked claim \"{}\" ({} {} = {}) {} (was {})",
            terminal_cell(&c.id),
            terminal_cell(c.subject.id()),
            c.fact.property().label(),
            terminal_cell(&c.value_label(d)),
            rank.label(),
            c.rank.label()
        );
        Ok((set_rank(d, at, rank), did))
    })
}

fn add(args: ClaimAddArgs) -> Result<String, String> {
    let out = args.out.clone().unwrap_or_else(|| args.dataset.clone());
    if args.out.is_some() {
        super::refuse_overwrite(&out, args.force)?;
    }
    let _lock = super::lock_dataset(&out)?;
    let mut session = super::load(Some(&args.dataset))?.0;
    session.set_author(&super::author(args.author.as_deref(), &args.dataset));
    let draft = ClaimDraft {
        actor: args.actor,
        fact: Some(args.fact.fact),
        negated: args.fact.negated,
        source: args.source,
        quote: args.quote,
        as_of: args.as_of,
        body: args.body,
        note: args.note,
    };
    let (edit, notes) = add_claim(session.dataset(), draft).map_err(super::error_line)?;
    let mut report = String::new();
    for note in notes {
        report.push_str(&format!("warning: {}\n", terminal_cell(&note)));
    }
    perform_checked(&mut session, edit, "Add claim")?;
    let d = session.dataset();
    let claim = d.claims.last().expect("just added");
    report.push_str(&format!(
        "added claim \"{}\": {} {} = {}",
        terminal_cell(&claim.id),
        terminal_cell(claim.subject.id()),
        claim.fact.property().label(),
        terminal_cell(&claim.value_label(d))
    ));
    if let Some(q) = &claim.quote
        && let Some(s) = d.source(&claim.source)
    {
        let (line, col) = line_col(&s.text, q.start);
        report.push_str(&format!(
            ", quoting \"{}\" (line {line}, column {col} of \"{}\")",
            terminal_cell(&q.exact),
            terminal_cell(&s.id)
        ));
    }
    report.push('\n');
    report.push_str(&super::write_dataset(
        &session,
        &out,
        &session::dataset_text(d),
        args.out.is_none(),
        args.force,
    )?);
    Ok(report)
}

/// Performs the edit through the session (the one command path) and refuses the result if it
/// does not validate: nothing is written then.
pub(super) fn perform_checked(
    session: &mut Session,
    edit: Edit,
    label: &str,
) -> Result<(), String> {
    perform_command(session, Command::edit(edit, label))?;
    refuse_invalid(session)
}

/// Performs a command through the session; its error, if it has one, as the command's.
pub(super) fn perform_command(session: &mut Session, command: Command) -> Result<(), String> {
    let outcome = session.perform(command);
    match outcome.notice.filter(|n| n.is_error) {
        Some(notice) => Err(super::error_line(&notice.text)),
        None => Ok(()),
    }
}

/// Refuses a dataset that would not load again: nothing is written then.
pub(super) fn refuse_invalid(session: &Session) -> Result<(), String> {
    let errors: Vec<String> = crate::model::rules::validate::validate(session.dataset())
        .into_iter()
        .filter(|p| p.severity == crate::model::rules::validate::Severity::Error)
        .map(|p| p.message)
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        let errors: Vec<_> = errors.iter().map(|e| terminal_cell(e)).collect();
        Err(format!(
            "error: {}\nnothing was written",
            errors.join("\nerror: ")
        ))
    }
}
