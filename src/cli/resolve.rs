//! `resolve FILE --list | --ours PATH | --theirs PATH | --all-ours | --all-theirs`: the merge
//! conflicts a `git merge` left in a dataset, listed and settled without the window. Each pick
//! is the very command the window's Merge conflicts window sends through the session
//! ([`Command::resolve_conflict`]), so the record gets the picked value and the conflict
//! leaves the list in one step.

use std::path::{Path, PathBuf};

use super::escape::terminal_cell;
use crate::model::Dataset;
use crate::model::merge::{MergeConflict, Pick, conflict_at};
use crate::session::{Command, Session};

#[derive(clap::Args, Debug)]
#[command(group(
    clap::ArgGroup::new("what")
        .required(true)
        .multiple(true)
        .args(["list", "ours", "theirs", "all_ours", "all_theirs"])
))]
pub struct ResolveArgs {
    /// The dataset file, written in place (its old version kept as FILE.bak) unless -o.
    pub file: PathBuf,
    /// List the conflicts left, numbered, each with its PATH and both values; changes nothing.
    #[arg(long, conflicts_with_all = ["ours", "theirs", "all_ours", "all_theirs"])]
    pub list: bool,
    /// Keep our value of the conflict PATH (as --list names it, e.g. actors/putin/name, or its
    /// number there); may be given more than once.
    #[arg(long, value_name = "PATH")]
    pub ours: Vec<String>,
    /// Take their value of the conflict PATH; may be given more than once.
    #[arg(long, value_name = "PATH")]
    pub theirs: Vec<String>,
    /// Keep our value of every conflict.
    #[arg(long, conflicts_with_all = ["ours", "theirs", "all_theirs"])]
    pub all_ours: bool,
    /// Take their value of every conflict.
    #[arg(long, conflicts_with_all = ["ours", "theirs"])]
    pub all_theirs: bool,
    /// Write the resolved dataset here instead of in place.
    #[arg(short = 'o', long)]
    pub out: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: ResolveArgs) -> Result<String, String> {
    if args.list {
        let (session, _) = super::load(Some(&args.file))?;
        return Ok(list(&args.file, session.dataset()));
    }
    let out = args.out.clone().unwrap_or_else(|| args.file.clone());
    if args.out.is_some() {
        super::refuse_overwrite(&out, args.force)?;
    }
    let _lock = super::lock_dataset(&out)?;
    let mut session = super::load(Some(&args.file))?.0;
    let d = session.dataset();
    if d.merge_conflicts.is_empty() {
        return Ok(format!(
            "{} has no merge conflicts; nothing was written\n",
            args.file.display()
        ));
    }
    let picks = picks(&args, d)?;
    let mut report = String::new();
    for (key, pick) in picks {
        report.push_str(&settle(&mut session, &key, pick)?);
    }
    super::claim::refuse_invalid(&session)?;
    let left = session.dataset().merge_conflicts.len();
    report.push_str(&format!("{left} merge conflict(s) left\n"));
    report.push_str(&super::write_dataset(
        &session,
        &out,
        &crate::session::dataset_text(session.dataset()),
        args.out.is_none(),
        args.force,
    )?);
    Ok(report)
}

/// The conflicts left, numbered as `--ours N` takes them, each with the PATH it takes too.
fn list(file: &Path, d: &Dataset) -> String {
    let mut out = format!(
        "{}: {} unresolved merge conflict(s)\n",
        file.display(),
        d.merge_conflicts.len()
    );
    for (n, c) in d.merge_conflicts.iter().enumerate() {
        out.push_str(&format!(
            "{:>3}  {}: {}\n",
            n + 1,
            terminal_cell(&c.key()),
            terminal_cell(&c.sides())
        ));
    }
    out
}

/// What to settle, in order, by each conflict's key (keys stay valid as the list shrinks;
/// numbers are those of the list as loaded).
fn picks(args: &ResolveArgs, d: &Dataset) -> Result<Vec<(String, Pick)>, String> {
    let every = |pick| d.merge_conflicts.iter().map(|c| (c.key(), pick)).collect();
    if args.all_ours {
        return Ok(every(Pick::Ours));
    }
    if args.all_theirs {
        return Ok(every(Pick::Theirs));
    }
    let named = |names: &[String], pick| -> Result<Vec<(String, Pick)>, String> {
        names
            .iter()
            .map(|name| find(d, name).map(|c| (c.key(), pick)))
            .collect()
    };
    let mut picks = named(&args.ours, Pick::Ours)?;
    picks.extend(named(&args.theirs, Pick::Theirs)?);
    Ok(picks)
}

/// The conflict a PATH or a number from `--list` names.
fn find<'d>(d: &'d Dataset, name: &str) -> Result<&'d MergeConflict, String> {
    let by_number = name
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|at| d.merge_conflicts.get(at));
    by_number
        .or_else(|| conflict_at(d, name).map(|at| &d.merge_conflicts[at]))
        .ok_or_else(|| {
            format!(
                "error: no merge conflict \"{}\"; `resolve FILE --list` names them; nothing \
                 was written",
                terminal_cell(name)
            )
        })
}

/// Settles one conflict through the session, as the window does; says what was kept.
fn settle(session: &mut Session, key: &str, pick: Pick) -> Result<String, String> {
    let d = session.dataset();
    let at = conflict_at(d, key).ok_or_else(|| {
        format!(
            "error: the merge conflict {} was named twice; nothing was written",
            terminal_cell(key)
        )
    })?;
    let sides = d.merge_conflicts[at].sides();
    let command = Command::resolve_conflict(d, at, pick)
        .map_err(|e| format!("error: {}: {e}; nothing was written", terminal_cell(key)))?;
    super::claim::perform_command(session, command)?;
    let side = match pick {
        Pick::Ours => "kept ours",
        Pick::Theirs => "took theirs",
    };
    Ok(format!(
        "{side}: {} ({})\n",
        terminal_cell(key),
        terminal_cell(&sides)
    ))
}
