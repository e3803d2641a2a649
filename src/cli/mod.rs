//! The command line: the same binary serves scripts. Each command returns its output as a
//! string (printed by `main`), so tests call it directly. Files are loaded and derived through
//! the same [`Session`] the window uses; tables render its [`Report`]. Other files (articles,
//! lists, rule tables, a merge's three files, git's settings) are reached through the
//! session's `disk` facade, never through the store or `std::fs`.
//!
//! A new verb: a variant of [`Verb`] (its arguments documented for `--help`), an arm in
//! `perform` (which [`run`] wraps with the closed-pipe and error handling), and, when it is
//! more than a few lines, a file of its own beside `sources.rs`.

mod actor;
mod body;
mod change;
mod claim;
mod claim_list;
mod escape;
mod git_setup;
mod import;
mod import_data;
mod merge;
mod resolve;
mod sources;
mod suggest;
mod table;

pub use actor::{ActorAddArgs, ActorCommand, ActorEditArgs};
pub use body::BodyCommand;
pub use claim::{ClaimAddArgs, ClaimCommand};
pub use import::ImportSourceArgs;
pub use import_data::ImportArgs;
pub use resolve::ResolveArgs;
pub use sources::compare_table;

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::model::PartialDate;
use crate::model::Property;
use crate::model::data::money::{format_money, parse_money};
use crate::model::derive::report::Report;
use crate::model::derive::seats::{amount_words, quick_in_force};
use crate::model::merge::diff::{Side, diff, report_with};
use crate::session::{self, Opened, Session, json_view};

/// What a command that reads prints: an aligned table for people (default), or JSON for
/// programs (exact, never escaped; its shapes are in `session::json_view` and the README).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    #[default]
    Table,
    Json,
}

#[derive(Parser, Debug)]
#[command(
    name = "board-explorer",
    version,
    about = "Who sits on an international body, on whose word, and since when.\n\nWith no command, opens the window on the embedded Board of Peace dataset."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Verb>,
}

#[derive(Subcommand, Debug)]
pub enum Verb {
    /// Open the window on a dataset file (`board-explorer FILE` does the same for a file that
    /// exists and is not named like a command).
    Open {
        /// The dataset file (RON) to open.
        file: PathBuf,
    },
    /// Validate a dataset file and print a one-line summary (or its errors, with line and column).
    Check {
        /// The dataset file (RON); the embedded Board of Peace dataset when left out.
        file: Option<PathBuf>,
        /// table (for people) or json (for programs; see "JSON output" in the README).
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
    },
    /// Print the roster derived from a dataset as an aligned text table.
    Roster {
        /// The dataset file (RON); the embedded Board of Peace dataset when left out.
        file: Option<PathBuf>,
        /// Show the roster as it stood on this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        as_of: Option<chrono::NaiveDate>,
        /// table (for people) or json (for programs; see "JSON output" in the README).
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
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
        /// table (for people; --amount answers in words) or json (for programs).
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
    },
    /// Freeze the dataset as of a day, with a note, into a snapshot file.
    Snapshot {
        /// The dataset file (RON); the embedded Board of Peace dataset when left out.
        file: Option<PathBuf>,
        /// The day the snapshot views the roster as of (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        as_of: Option<chrono::NaiveDate>,
        /// What the snapshot is for.
        #[arg(long, default_value = "")]
        note: String,
        /// Where to write it; a file named for its date and note in saves/ when left out.
        #[arg(short = 'o', long)]
        out: Option<PathBuf>,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// What changed between two datasets or snapshots: who joined, left, changed; claims and sources.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// View OLD as of this day (a snapshot's own date otherwise).
        #[arg(long, value_parser = parse_day)]
        old_as_of: Option<chrono::NaiveDate>,
        /// View NEW as of this day (a snapshot's own date otherwise).
        #[arg(long, value_parser = parse_day)]
        new_as_of: Option<chrono::NaiveDate>,
        /// table (for people) or json (for programs; see "JSON output" in the README).
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
    },
    /// Export the roster as CSV, or the report as Markdown, HTML, Popolo JSON or FollowTheMoney
    /// JSON lines (to standard output without -o).
    Export {
        /// The dataset or snapshot file; the embedded Board of Peace dataset when left out.
        file: Option<PathBuf>,
        #[arg(long, value_enum)]
        format: session::ExportFormat,
        /// The roster as of this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        as_of: Option<chrono::NaiveDate>,
        #[arg(short = 'o', long)]
        out: Option<PathBuf>,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
        /// Export a file that still holds unresolved merge conflicts (refused otherwise); the
        /// Markdown and HTML reports then list them above everything else.
        #[arg(long)]
        allow_conflicts: bool,
        /// Put each source's full text in the HTML report, its quotes highlighted (left out by
        /// default: wire copy may not be republishable; the report then gives each source's
        /// title, outlet, date, address and the words its claims quote).
        #[arg(long)]
        with_texts: bool,
    },
    /// Print the claim matrix: what each source says about each subject and property, and
    /// whether the sources agree, conflict, or only one says it.
    Compare {
        /// The dataset file (RON); the embedded Board of Peace dataset when left out.
        file: Option<PathBuf>,
        /// The sources to compare, by id, comma-separated; all of them when left out.
        #[arg(long, value_delimiter = ',')]
        sources: Vec<String>,
        /// Show only the rows where sources conflict.
        #[arg(long)]
        conflicts_only: bool,
        /// table (at most eight source columns unless --sources names them) or json (every
        /// chosen source).
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
    },
    /// List claims, each with its subject, property, value, source, quote, date and rank;
    /// filtered by actor, source, property, and what was known on a day.
    Claims(claim_list::ClaimsArgs),
    /// Add articles (.txt, .md or .html) as sources, list the known actors each names, and
    /// write the dataset once (to OUT, or in place of FILE). An article whose text is already
    /// a source is refused, naming it, unless --force.
    ImportSource(ImportSourceArgs),
    /// Bring in another tool's file: a roster CSV (the columns `export --format csv` writes),
    /// Popolo JSON or FollowTheMoney entities. Actors are matched by id, Wikidata id, then
    /// name, or made; each value the dataset does not already derive becomes a claim citing
    /// the file. Prints what was created, matched and skipped (with each row's place and why).
    Import(ImportArgs),
    /// Add claims: `claim add DATASET --actor ID --fact status=accepted --source ID --quote WORDS`.
    #[command(subcommand)]
    Claim(ClaimCommand),
    /// Add actors: `actor add DATASET --name NAME --kind person|state|organisation`.
    #[command(subcommand)]
    Actor(ActorCommand),
    /// The main body and its sub-bodies: `body list|add|rename|parent|date DATASET ...`.
    #[command(subcommand)]
    Body(BodyCommand),
    /// Suggest the claims a report supports (actor, status or role, body, day, quote,
    /// confidence), from a source of the dataset or an article file. Changes nothing.
    Suggest(suggest::SuggestArgs),
    /// Three-way merge of two editions of a dataset by id, not by line (git's merge driver:
    /// `merge %O %A %B`). Writes the result over OURS (or to OUT) and exits 1 when fields were
    /// changed differently on both sides: those conflicts are kept in the file, for the app.
    Merge {
        /// The common ancestor (may be empty: both sides added the file).
        base: PathBuf,
        /// Our edition; the result goes here unless -o.
        ours: PathBuf,
        /// Their edition.
        theirs: PathBuf,
        #[arg(short = 'o', long)]
        out: Option<PathBuf>,
    },
    /// List or settle the merge conflicts a merge left in a dataset (what the window's Merge
    /// conflicts window does): `resolve FILE --list`, `--ours PATH`, `--theirs PATH`,
    /// `--all-ours`, `--all-theirs`. Writes in place (FILE.bak kept) unless -o.
    Resolve(ResolveArgs),
    /// Print a dataset as one readable line per record (git's diff textconv filter).
    Textconv { file: PathBuf },
    /// Set up a git repository to merge (`merge`) and diff (`textconv`) datasets with this
    /// program: writes `.gitattributes` and the repository's config.
    GitSetup {
        /// A folder in the repository; the current one when left out.
        dir: Option<PathBuf>,
        /// Name this program by its full path in the drivers, not as `board-explorer` found on
        /// PATH (for a clone whose PATH lacks it; the path is this machine's own).
        #[arg(long)]
        absolute: bool,
    },
    /// Write a generated, valid dataset of any size (accented names, conflicting claims,
    /// partial dates, long source texts), for trying the app and benchmarks at scale.
    Generate {
        #[arg(long, default_value_t = 1_000)]
        actors: usize,
        #[arg(long, default_value_t = 10)]
        claims_per_actor: usize,
        #[arg(long, default_value_t = 50)]
        sources: usize,
        #[arg(long, default_value_t = 200)]
        events: usize,
        /// The same seed gives the same dataset.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short = 'o', long)]
        out: PathBuf,
        /// Overwrite OUT if it exists.
        #[arg(long)]
        force: bool,
    },
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    let date: PartialDate = s.parse().map_err(|e| format!("{e}"))?;
    // A month or a year means its last day: everything known by then.
    Ok(date.last_day())
}

/// Runs a command and gives what to print, with any control character from the data (or a
/// file name) shown as a visible escape: terminals obey what they are sent.
/// Data for another program (an export or JSON on standard output) is written exact, byte for
/// byte what `-o` writes: escaping would corrupt it (a right-to-left mark in a name would become
/// the text `\u{200f}`, invalid in JSON).
pub fn run(command: Verb) -> Result<String, String> {
    let exact = writes_data(&command);
    match perform(command) {
        Ok(out) if exact => Ok(out),
        Ok(out) => Ok(escape::terminal_text(&out).into_owned()),
        Err(err) => Err(escape::terminal_text(&err).into_owned()),
    }
}

/// Whether the command's output on standard output is data, not words for people.
fn writes_data(command: &Verb) -> bool {
    let json = OutputFormat::Json;
    match command {
        Verb::Export { out, .. } => out.is_none(),
        Verb::Check { format, .. }
        | Verb::Roster { format, .. }
        | Verb::Seats { format, .. }
        | Verb::Diff { format, .. }
        | Verb::Compare { format, .. } => *format == json,
        Verb::Claims(args) => args.format == json,
        Verb::Suggest(args) => args.format == json,
        _ => false,
    }
}

/// The arguments as clap should read them: `board-explorer FILE`, for a file that exists
/// and is not a command's name (a command's name wins), is `board-explorer open FILE`, as
/// desktop apps take the file to open.
pub fn with_window_file(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let Some(only) = args.get(1).filter(|_| args.len() == 2) else {
        return args;
    };
    let is_command = only
        .to_str()
        .is_some_and(|name| Cli::command().find_subcommand(name).is_some());
    let is_option = only.to_string_lossy().starts_with('-');
    if !is_command && !is_option && std::path::Path::new(only).is_file() {
        args.insert(1, "open".into());
    }
    args
}

/// `open` run where there is no window to open (a library call, a script).
fn no_window(file: &std::path::Path) -> String {
    format!(
        "error: open {} in the window: run `board-explorer open FILE` from a desktop session \
         (this one has no window to open)",
        shown(file)
    )
}

fn perform(command: Verb) -> Result<String, String> {
    match command {
        Verb::Open { file } => Err(no_window(&file)),
        Verb::Check { file, format } => check(file, format),
        Verb::Merge {
            base,
            ours,
            theirs,
            out,
        } => merge::merge(&base, &ours, &theirs, out.as_deref()),
        Verb::Textconv { file } => merge::textconv(&file),
        Verb::Resolve(args) => resolve::run(args),
        Verb::GitSetup { dir, absolute } => {
            git_setup::git_setup(dir.as_deref().unwrap_or(".".as_ref()), absolute)
        }
        Verb::Roster {
            file,
            as_of,
            format,
        } => show_report(file.as_ref(), as_of, format, roster_table, |r| {
            json_view::json_text(&json_view::roster(r))
        }),
        Verb::Seats {
            file,
            as_of,
            amount: None,
            format,
            ..
        } => show_report(file.as_ref(), as_of, format, seats_table, |r| {
            json_view::json_text(&json_view::seats(r))
        }),
        Verb::Seats {
            file,
            amount: Some(amount),
            currency,
            joined,
            format,
            ..
        } => quick_seat(file.as_ref(), &amount, currency, joined, format),
        Verb::Snapshot {
            file,
            as_of,
            note,
            out,
            force,
        } => snapshot(file.as_ref(), as_of, &note, out.as_deref(), force),
        Verb::Diff {
            old,
            new,
            old_as_of,
            new_as_of,
            format,
        } => diff_files(old, new, old_as_of, new_as_of, format),
        Verb::Export {
            file,
            format,
            as_of,
            out,
            force,
            allow_conflicts,
            with_texts,
        } => export(
            file.as_ref(),
            format,
            as_of,
            out.as_deref(),
            force,
            allow_conflicts,
            with_texts,
        ),
        Verb::Generate {
            actors,
            claims_per_actor,
            sources,
            events,
            seed,
            out,
            force,
        } => {
            use crate::model::data::generate::Spec;
            let spec = Spec {
                actors,
                claims_per_actor,
                sources,
                events,
                seed,
            };
            generate(spec, &out, force)
        }
        Verb::Suggest(args) => suggest::run(args),
        Verb::Compare {
            file,
            sources,
            conflicts_only,
            format,
        } => compare_table(&load_any(file.as_ref())?, &sources, conflicts_only, format),
        Verb::Claims(args) => claim_list::run(args),
        Verb::ImportSource(args) => import::run(args),
        Verb::Import(args) => import_data::run(args),
        Verb::Claim(command) => claim::run(command),
        Verb::Actor(command) => actor::run(command),
        Verb::Body(command) => body::run(command),
    }
}

/// `generate`: a dataset of the size asked, to OUT.
fn generate(
    spec: crate::model::data::generate::Spec,
    out: &std::path::Path,
    force: bool,
) -> Result<String, String> {
    refuse_overwrite(out, force)?;
    let d = crate::model::data::generate::generate(spec);
    write_out(out, &session::dataset_text(&d), force)
}

/// A command that shows the report as of a day: its table, or its JSON.
fn show_report(
    file: Option<&PathBuf>,
    as_of: Option<chrono::NaiveDate>,
    format: OutputFormat,
    table: fn(&Report) -> String,
    json: fn(&Report) -> String,
) -> Result<String, String> {
    let session = load_as_of(file, as_of)?;
    let report = session.report();
    Ok(match format {
        OutputFormat::Table => table(&report),
        OutputFormat::Json => json(&report),
    })
}

/// `seats --amount`: what an amount, in a currency, joining on a day, buys.
fn quick_seat(
    file: Option<&PathBuf>,
    amount: &str,
    currency: Option<String>,
    joined: Option<PartialDate>,
    format: OutputFormat,
) -> Result<String, String> {
    let session = load_any(file)?;
    let rules = &session.dataset().body.seat_rules;
    let currency = currency
        .unwrap_or_else(|| rules.threshold.currency.clone())
        .to_uppercase();
    let money = parse_money(&format!("{amount} {currency}")).map_err(|e| format!("error: {e}"))?;
    let in_force = session.derived().body_dates.in_force_date();
    let o = quick_in_force(rules, &money, joined, in_force).map_err(|e| format!("error: {e}"))?;
    if format == OutputFormat::Json {
        return Ok(json_view::json_text(&json_view::quick_seat(
            rules, &money, joined, &o,
        )));
    }
    let mut out = format!("seat: {}\n", o.kind.label());
    if let Some(end) = o.term_end {
        out.push_str(&format!("term ends: {end}\n"));
    }
    if let Some(short) = o.shortfall.filter(|_| o.shortfall_applies()) {
        out.push_str(&format!(
            "shortfall: {}\n",
            amount_words(short, &rules.threshold.currency)
        ));
    }
    out.push_str(&format!("reason: {}\n", o.reason(rules)));
    Ok(out)
}

/// `snapshot`: to `out`, or into saves/ named for its day and note.
fn snapshot(
    file: Option<&PathBuf>,
    as_of: Option<chrono::NaiveDate>,
    note: &str,
    out: Option<&std::path::Path>,
    force: bool,
) -> Result<String, String> {
    let session = load_as_of(file, as_of)?;
    match out {
        Some(out) => {
            let taken = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
            write_out(out, &session.snapshot_text(note, &taken), force)
        }
        None => {
            let path = session
                .write_snapshot(note)
                .map_err(|e| format!("error: cannot write the snapshot: {e}"))?;
            Ok(format!("wrote {}\n", shown(&path)))
        }
    }
}

/// `diff`: what changed between two datasets or snapshots, each as of its day.
fn diff_files(
    old: PathBuf,
    new: PathBuf,
    old_as_of: Option<chrono::NaiveDate>,
    new_as_of: Option<chrono::NaiveDate>,
    format: OutputFormat,
) -> Result<String, String> {
    let old = load_any(Some(&old))?;
    let new = load_any(Some(&new))?;
    let changes = diff(
        Side {
            dataset: old.dataset(),
            as_of: old_as_of.or(old.as_of()),
        },
        Side {
            dataset: new.dataset(),
            as_of: new_as_of.or(new.as_of()),
        },
    );
    Ok(match format {
        OutputFormat::Table => report_with(&changes, escape::terminal_cell),
        OutputFormat::Json => json_view::json_text(&json_view::diff(&changes)),
    })
}

/// Refuses to replace an existing file unless `force`. Commands that do long work call it
/// first, so the work is not wasted on a name clash.
fn refuse_overwrite(out: &std::path::Path, force: bool) -> Result<(), String> {
    // Early, so no long work is wasted on a name clash; `write_out` checks again at the write.
    if out.exists() && !force {
        return Err(format!(
            "error: {} exists; pass --force to overwrite it",
            shown(out)
        ));
    }
    Ok(())
}

/// Writes `text` to `out` atomically, refusing to replace a file unless `force`. Without
/// `force` the refusal is decided when the file appears (no-clobber), so of two commands
/// writing the same new name at once, one fails.
fn write_out(out: &std::path::Path, text: &str, force: bool) -> Result<String, String> {
    refuse_overwrite(out, force)?;
    let written = if force {
        session::write_file(out, text.as_bytes())
    } else {
        session::write_new_file(out, text.as_bytes())
    };
    written.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => format!(
            "error: {} appeared while this command ran; pass --force to overwrite it",
            shown(out)
        ),
        _ => format!("error: cannot write {}: {e}", shown(out)),
    })?;
    Ok(format!("wrote {}\n", shown(out)))
}

/// Takes the lock of the dataset file a command is about to write, before it reads the
/// dataset it builds on, and holds it (until dropped) past the write: another writer waits
/// for the whole read-change-write, then reads the result, so neither change is lost. When
/// the lock stays taken too long the command fails, writing nothing.
fn lock_dataset(path: &std::path::Path) -> Result<session::FileLock, String> {
    session::FileLock::acquire(path)
        .map_err(|e| format!("error: {}", escape::terminal_cell(&e.to_string())))
}

/// Writes a command's dataset to `out`: over the file it was read from (`in_place`) unless
/// another program changed that file since it was read, then nothing is written and the
/// command says so; to another file, as [`write_out`] with `force`.
fn write_dataset(
    session: &Session,
    out: &std::path::Path,
    text: &str,
    in_place: bool,
    force: bool,
) -> Result<String, String> {
    if in_place && session.document().changed_on_disk(out) {
        return Err(format!(
            "error: {} changed on disk while this command ran (another program wrote it); \
             nothing was written: run the command again",
            shown(out)
        ));
    }
    write_out(out, text, in_place || force)
}

/// A dataset or snapshot file, or the embedded dataset, for a command that reads it without
/// writing it back: viewed as of `as_of`, else as of a snapshot's own day.
fn read_any(file: Option<&PathBuf>, as_of: Option<chrono::NaiveDate>) -> Result<Opened, String> {
    Session::open_any(file.map(PathBuf::as_path), as_of).map_err(|e| load_error(&e))
}

/// A dataset file (never a snapshot), or the embedded dataset, with the file's warnings: for the
/// commands that write the dataset back, which must know what they read (see `write_dataset`).
fn load(file: Option<&PathBuf>) -> Result<(Session, Vec<String>), String> {
    match file {
        Some(path) => Session::open(path).map_err(|e| load_error(&e)),
        None => Ok((Session::embedded(), Vec::new())),
    }
}

/// Who makes the claims a command adds: `--author`, else git's `user.name` in the dataset's
/// folder, else nobody named.
fn author(given: Option<&str>, dataset: &std::path::Path) -> String {
    let name = given.map(str::to_string).unwrap_or_else(|| {
        let folder = dataset.parent().filter(|p| !p.as_os_str().is_empty());
        session::disk::git_user_name(folder.unwrap_or(std::path::Path::new(".")))
            .unwrap_or_default()
    });
    session::author_name(&name)
}

/// "error: …" on one line: an error that quotes the data (an id, a name) shows any line break
/// in it as an escape.
fn error_line(e: impl std::fmt::Display) -> String {
    format!("error: {}", escape::terminal_cell(&e.to_string()))
}

/// A file name for people: any control character in it shown as an escape, so that a line
/// break in a name cannot forge a line ("wrote x\nerror: ...").
fn shown(path: &std::path::Path) -> String {
    escape::terminal_cell(&path.display().to_string()).into_owned()
}

/// "error: file:line:col: message", each further problem on a line of its own; the file name
/// and every message escaped, since they quote the file's own (hostile) text.
pub(crate) fn load_error(e: &session::LoadError) -> String {
    let mut out = String::from("error: ");
    if let Some(path) = &e.path {
        out.push_str(&shown(path));
        if let Some((line, col)) = e.place {
            out.push_str(&format!(":{line}:{col}"));
        }
        out.push_str(": ");
    } else if let Some((line, col)) = e.place {
        out.push_str(&format!("line {line}, column {col}: "));
    }
    out.push_str(&escape::terminal_cell(&e.message));
    for more in &e.more {
        out.push_str(&format!("\n  {}", escape::terminal_cell(more)));
    }
    out
}

/// [`read_any`], the session alone.
fn load_any(file: Option<&PathBuf>) -> Result<Session, String> {
    load_as_of(file, None)
}

/// [`read_any`] viewed as of a day, the session alone.
fn load_as_of(file: Option<&PathBuf>, as_of: Option<chrono::NaiveDate>) -> Result<Session, String> {
    Ok(read_any(file, as_of)?.session)
}

/// `export`: the roster or the report of FILE (the embedded dataset without one) as of a day,
/// to OUT or standard output; the HTML report with the sources' texts only `with_texts`.
fn export(
    file: Option<&PathBuf>,
    format: session::ExportFormat,
    as_of: Option<chrono::NaiveDate>,
    out: Option<&std::path::Path>,
    force: bool,
    allow_conflicts: bool,
    with_texts: bool,
) -> Result<String, String> {
    if with_texts && format != session::ExportFormat::Html {
        return Err(
            "error: --with-texts is for the HTML report (--format html); the other formats \
             hold no source texts"
                .into(),
        );
    }
    let session = load_as_of(file, as_of)?;
    unresolved_export(
        &session,
        file.map(PathBuf::as_path),
        format,
        allow_conflicts,
    )?;
    let text = session.export_text_with(format, with_texts);
    match out {
        Some(out) => write_out(out, &text, force),
        None => Ok(text),
    }
}

/// A file whose merge left fields changed on both sides is not published by accident: the
/// export is refused unless `--allow-conflicts`. Then Markdown and HTML list the conflicts in
/// the report; CSV, Popolo and FollowTheMoney have no place for them, so a warning on
/// standard error says the values are ours.
fn unresolved_export(
    session: &Session,
    file: Option<&std::path::Path>,
    format: session::ExportFormat,
    allow: bool,
) -> Result<(), String> {
    let n = session.dataset().merge_conflicts.len();
    if n == 0 {
        return Ok(());
    }
    let name = file.map_or("the dataset".into(), shown);
    if !allow {
        return Err(format!(
            "error: {name} has {n} unresolved merge conflict(s); nothing was exported: pick \
             ours or theirs (`board-explorer resolve {name} --list`, or open it in \
             board-explorer), or pass --allow-conflicts to export it marked as unresolved"
        ));
    }
    if !matches!(
        format,
        session::ExportFormat::Markdown | session::ExportFormat::Html
    ) {
        // Standard output holds the data: the warning goes beside it (a closed standard
        // error is no reason to fail the export).
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            escape::terminal_text(&format!(
                "warning: {name} has {n} unresolved merge conflict(s); this format cannot \
                 mark them: the values exported are ours"
            ))
        );
    }
    Ok(())
}

/// `check`'s answer for a file a merge left conflicts in: an error (exit 1), each conflict
/// on a line, and how to settle them.
fn unresolved_check(name: &str, d: &crate::model::Dataset, counts: &str) -> String {
    let mut out = format!(
        "{name}: error: {} unresolved merge conflict(s) ({counts})\n",
        d.merge_conflicts.len()
    );
    for c in &d.merge_conflicts {
        out.push_str(&format!(
            "  merge conflict: {}: {}\n",
            escape::terminal_cell(&c.key()),
            escape::terminal_cell(&c.sides())
        ));
    }
    out.push_str(&format!(
        "pick ours or theirs for each: board-explorer resolve {name} --list (or open it in \
         board-explorer)\n"
    ));
    out
}

fn check(file: Option<PathBuf>, format: OutputFormat) -> Result<String, String> {
    let Opened {
        session,
        warnings,
        snapshot,
    } = read_any(file.as_ref(), None)?;
    let d = session.dataset();
    let conflicts = session.derived().conflicts;
    let name = file
        .as_ref()
        .map_or_else(|| "embedded dataset".to_string(), |p| shown(p));
    let counts = format!(
        "{} actors, {} sources, {} claims, {} events, {} conflicts",
        d.actors.len(),
        d.sources.len(),
        d.claims.len(),
        d.events.len(),
        conflicts
    );
    if !d.merge_conflicts.is_empty() {
        return Err(unresolved_check(&name, d, &counts));
    }
    let out = match format {
        OutputFormat::Json => json_view::json_text(&json_view::CheckJson {
            file: file.map(|p| p.display().to_string()),
            actors: d.actors.len(),
            sources: d.sources.len(),
            claims: d.claims.len(),
            events: d.events.len(),
            conflicts,
            warnings: &warnings,
            snapshot: snapshot.as_ref().map(|s| json_view::SnapshotJson {
                as_of: s.as_of.map(|d| d.to_string()),
                taken: &s.taken,
                note: &s.note,
            }),
        }),
        OutputFormat::Table => check_text(&name, &counts, &warnings, snapshot.as_ref()),
    };
    // Freeing a million claims one string at a time takes a tenth of a second that nobody
    // waits for: a large session is dropped on a thread of its own (or with the process).
    if session.dataset().claims.len() >= LARGE_DROP_CLAIMS {
        std::thread::spawn(move || drop(session));
    }
    Ok(out)
}

/// `check`'s words for a file that is ok: the counts, the snapshot's day and note, warnings.
fn check_text(
    name: &str,
    counts: &str,
    warnings: &[String],
    snapshot: Option<&session::SnapshotHead>,
) -> String {
    let mut out = format!("{name}: ok: {counts}");
    if !warnings.is_empty() {
        out.push_str(&format!(", {} warnings", warnings.len()));
    }
    if let Some(s) = snapshot {
        let day = s
            .as_of
            .map_or("everything known".to_string(), |d| d.to_string());
        out.push_str(&format!("; a snapshot as of {day}, taken {}", s.taken));
        if !s.note.is_empty() {
            out.push_str(&format!(": \"{}\"", escape::terminal_cell(&s.note)));
        }
    }
    out.push('\n');
    for w in warnings {
        out.push_str(&format!("  warning: {}\n", escape::terminal_cell(w)));
    }
    out
}

/// From this many claims on, `check` frees the session on another thread.
const LARGE_DROP_CLAIMS: usize = 100_000;

/// The roster as an aligned table, one line per actor.
pub fn roster_table(report: &Report) -> String {
    let d = report.dataset;
    let header = [
        "Name", "Kind", "Country", "Role", "Status", "Seat", "Sources", "Conflict",
    ];
    let rows: Vec<Vec<String>> = report
        .rows
        .iter()
        .map(|r| {
            let (actor, row) = (r.actor, r.row);
            vec![
                actor.name.clone(),
                actor.kind.label().to_string(),
                if actor.country.is_empty() {
                    "—".into()
                } else {
                    actor.country.clone()
                },
                row.value_label(d, Property::Role),
                row.status_label(d).to_string(),
                r.seat.kind.label().to_string(),
                row.sources.to_string(),
                // The properties in conflict, each one counted by `check` and the report.
                row.values
                    .iter()
                    .filter(|v| v.conflict)
                    .map(|v| v.property.label())
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        })
        .collect();
    let mut out = match report.as_of {
        Some(day) => format!("{} as of {day}\n", escape::terminal_cell(&d.body.name)),
        None => format!("{}\n", escape::terminal_cell(&d.body.name)),
    };
    out.push_str(&table::align(&header, &rows));
    // The bodies' own properties in conflict (two days of entry into force) and the actors'
    // places on sub-bodies: counted by `check` and the report too.
    if !report.body_conflicts.is_empty() {
        out.push_str("\nIn conflict about bodies:\n");
        for c in &report.body_conflicts {
            match c.actor {
                Some(a) => out.push_str(&format!(
                    "  {}: {}, {}\n",
                    escape::terminal_cell(c.body),
                    escape::terminal_cell(&a.name),
                    c.property.label()
                )),
                None => out.push_str(&format!(
                    "  {}: {}\n",
                    escape::terminal_cell(c.body),
                    c.property.label()
                )),
            }
        }
    }
    out
}

/// Every member's seat under the dataset's rules, with totals.
pub fn seats_table(report: &Report) -> String {
    let d = report.dataset;
    let rules = &d.body.seat_rules;
    let header = ["Name", "Seat", "Term ends", "Pledge", "Shortfall", "Reason"];
    let rows: Vec<Vec<String>> = report
        .member_rows()
        .map(|r| {
            let o = r.seat;
            vec![
                r.actor.name.clone(),
                o.kind.label().to_string(),
                o.term_end.map_or("—".into(), |e| e.to_string()),
                o.pledge.as_ref().map_or("—".into(), format_money),
                match o.shortfall {
                    _ if !o.shortfall_applies() => "—".into(),
                    None => "?".into(),
                    Some(s) => amount_words(s, &rules.threshold.currency),
                },
                o.reason(rules).to_string(),
            ]
        })
        .collect();
    let mut out = format!("{}: seats", escape::terminal_cell(&d.body.name));
    if let Some(day) = report.as_of {
        out.push_str(&format!(" as of {day}"));
    }
    out.push('\n');
    out.push_str(&table::align(&header, &rows));
    let t = &report.totals;
    out.push_str(&format!("\n{t}\n"));
    for (year, n) in &t.expiries {
        out.push_str(&format!("terms ending in {year}: {n}\n"));
    }
    out
}
