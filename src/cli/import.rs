//! `import-source`: add one or many articles as sources, as the Import panel does, list the
//! known actors each names, and write the dataset once at the end.
//!
//! Articles are read and analysed (normalised, hashed, mentions found, claims suggested) on
//! every core, then added in the order given. An article whose text is already a source is
//! refused, naming that source, unless `--force` (or skipped with `--skip-existing`). With
//! `--accept MIN`, suggestions at or above that confidence become claims (marked as extracted)
//! through the same model function the app's review queue uses.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::suggest::suggestion_table;
use super::{shown, table};
use crate::model::data::source_ops::{SourceDraft, add_source};
use crate::model::extract::{Extractor, Suggestion, accept_suggestions, body_known};
use crate::model::rules::validate::{Severity, validate};
use crate::model::text::mentions::{KnownMention, MentionFinder, context};
use crate::model::text::{LineCols, content_hash};
use crate::model::{Dataset, Edit, PartialDate};
use crate::session::disk;

/// The largest list of articles (`--list`) read.
const MAX_LIST_BYTES: u64 = 16 << 20;

#[derive(clap::Args, Debug)]
pub struct ImportSourceArgs {
    /// The dataset file (RON); the embedded Board of Peace dataset when left out.
    pub file: Option<PathBuf>,
    /// An article's text file (.txt, .md or .html); repeat for several articles, which share
    /// --outlet, --title and --date.
    #[arg(long = "text", value_name = "ARTICLE")]
    pub texts: Vec<PathBuf>,
    /// A CSV list of articles with a header row: `file` (required), and any of `outlet`,
    /// `title`, `date`, `url`. Files are relative to the list's folder and must stay inside
    /// it (no absolute paths, no "..", no link out); empty cells take --outlet, --title and
    /// --date.
    #[arg(long, value_name = "CSV")]
    pub list: Option<PathBuf>,
    /// Let a --list name files outside its folder (a list you wrote yourself).
    #[arg(long, requires = "list")]
    pub allow_outside: bool,
    /// Who published the articles.
    #[arg(long, default_value = "")]
    pub outlet: String,
    #[arg(long, default_value = "")]
    pub title: String,
    /// The address the article was read at (one --text only; a --list has a url column),
    /// kept on the source and exported with it.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// When they were published (YYYY, YYYY-MM or YYYY-MM-DD; ~YYYY-MM-DD when the day is
    /// inferred, not printed).
    #[arg(long)]
    pub date: Option<PartialDate>,
    /// How far the articles are trusted: high, normal or low (the outlet's default when left
    /// out).
    #[arg(long, value_parser = crate::model::Reliability::parse)]
    pub reliability: Option<crate::model::Reliability>,
    /// What the articles relay, when they report another's words ("Bloomberg").
    #[arg(long, default_value = "")]
    pub relays: String,
    /// The articles' language (ISO 639-1: en, ru, es, de, fr, tr), kept on each source;
    /// detected from each text when left out.
    #[arg(long)]
    pub language: Option<String>,
    /// Where to write the dataset with the new sources; FILE itself (its old version kept as
    /// FILE.bak) when left out.
    #[arg(short = 'o', long)]
    pub out: Option<PathBuf>,
    /// Overwrite OUT if it exists, and import articles whose text is already a source.
    #[arg(long)]
    pub force: bool,
    /// Skip articles whose text is already a source (and say so) instead of refusing them.
    #[arg(long, conflicts_with = "force")]
    pub skip_existing: bool,
    /// Who accepts the suggestions (--accept), recorded on each claim; git's user.name where
    /// the dataset is when left out.
    #[arg(long)]
    pub author: Option<String>,
    /// Add the suggestions at or above this confidence (0 to 1) as claims, noted as extracted,
    /// with the new actors they name.
    #[arg(long, value_name = "MIN_CONFIDENCE", value_parser = parse_confidence)]
    pub accept: Option<f32>,
}

fn parse_confidence(s: &str) -> Result<f32, String> {
    match s.trim().parse::<f32>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!(
            "\"{s}\" is not a confidence: give a number from 0 to 1, like 0.8"
        )),
    }
}

/// One article to import, as given.
#[derive(Clone, Debug, Default)]
struct Article {
    path: PathBuf,
    outlet: String,
    title: String,
    date: Option<PartialDate>,
    url: String,
}

/// An article read and analysed, ready to add.
struct Prepared {
    text: String,
    hash: String,
    mentions: Vec<KnownMention>,
    suggestions: Vec<Suggestion>,
}

pub fn run(args: ImportSourceArgs) -> Result<String, String> {
    let out = match (&args.out, &args.file) {
        (Some(out), _) => {
            super::refuse_overwrite(out, args.force)?;
            out.clone()
        }
        (None, Some(file)) => file.clone(),
        (None, None) => {
            return Err(
                "error: give -o OUT: the embedded dataset cannot be written in place".into(),
            );
        }
    };
    let articles = articles(&args)?;
    let _lock = super::lock_dataset(&out)?;
    // The import adds many records and takes them all back on a failure, on its own copy.
    let session = super::load(args.file.as_ref())?.0;
    let mut d = session.dataset().clone();
    let mut report = import(&mut d, &articles, &args)?;
    report.push_str(&super::write_dataset(
        &session,
        &out,
        &crate::session::dataset_text(&d),
        args.out.is_none(),
        args.force,
    )?);
    Ok(report)
}

/// The articles named by --text and --list, in that order.
fn articles(args: &ImportSourceArgs) -> Result<Vec<Article>, String> {
    let shared = |path: PathBuf| Article {
        path,
        outlet: args.outlet.clone(),
        title: args.title.clone(),
        date: args.date,
        url: args.url.clone().unwrap_or_default(),
    };
    if args.url.is_some() && args.texts.len() != 1 {
        return Err(
            "error: --url is the address of one article: give exactly one --text with it \
             (a --list has a url column for each)"
                .into(),
        );
    }
    let mut out: Vec<Article> = args.texts.iter().cloned().map(shared).collect();
    if let Some(list) = &args.list {
        let bytes = read_bounded(list, MAX_LIST_BYTES)?;
        let dir = list.parent().unwrap_or(Path::new(""));
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(bytes.as_slice());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| format!("error: {}: {e}", list.display()))?
            .iter()
            .map(str::to_lowercase)
            .collect();
        let column = |name: &str| headers.iter().position(|h| h == name);
        let Some(file_col) = column("file") else {
            return Err(format!(
                "error: {}: the first row must name the columns, with one called \"file\" \
                 (and any of outlet, title, date, url)",
                list.display()
            ));
        };
        for (n, row) in reader.records().enumerate() {
            let row = row.map_err(|e| format!("error: {}: {e}", list.display()))?;
            let cell = |name: &str| column(name).and_then(|i| row.get(i)).unwrap_or("");
            let line = n + 2;
            let file = row.get(file_col).unwrap_or("");
            if file.is_empty() {
                return Err(format!(
                    "error: {}:{line}: the row names no file",
                    list.display()
                ));
            }
            let path = if args.allow_outside {
                dir.join(file)
            } else {
                disk::inside(dir, file).map_err(|e| {
                    // The name comes from the list: shown, never obeyed by the terminal.
                    format!(
                        "error: {}:{line}: {}",
                        shown(list),
                        super::escape::terminal_cell(&e.to_string())
                    )
                })?
            };
            let mut article = shared(path);
            if !cell("outlet").is_empty() {
                article.outlet = cell("outlet").to_string();
            }
            if !cell("title").is_empty() {
                article.title = cell("title").to_string();
            }
            if !cell("date").is_empty() {
                article.date = Some(
                    cell("date")
                        .parse()
                        .map_err(|e| format!("error: {}:{line}: {e}", list.display()))?,
                );
            }
            article.url = cell("url").to_string();
            out.push(article);
        }
    }
    if out.is_empty() {
        return Err("error: give an article with --text ARTICLE (or a list with --list)".into());
    }
    // The whole dataset must still load: refuse before reading what could not.
    let mut total = 0u64;
    for a in &out {
        total += disk::file_len(&a.path).map_err(|e| super::load_error(&e))?;
    }
    if total > disk::MAX_DATASET_BYTES {
        return Err(format!(
            "error: the articles come to {} MB, more than a dataset may hold ({} MB)",
            total >> 20,
            disk::MAX_DATASET_BYTES >> 20
        ));
    }
    Ok(out)
}

/// A file's bytes through the one bounded reader (regular files only, at most `limit`).
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    disk::read_bounded(path, limit).map_err(|e| super::load_error(&e))
}

/// Reads and analyses an article: its stored text (HTML stripped, normalised), its hash and
/// the known actors it names.
fn prepare(article: &Article, tools: &Tools) -> Result<Prepared, String> {
    let text = crate::session::read_article(&article.path)
        .map_err(|e| super::load_error(&e))?
        .stored_text();
    let hash = content_hash(&text);
    let mentions = tools.finder.find(&text);
    // Relative days need the day of publication; a month or a year leaves them open.
    let day = article
        .date
        .filter(PartialDate::is_exact_day)
        .map(|p| p.first_day());
    let language = tools
        .language
        .clone()
        .unwrap_or_else(|| tools.extractor.language(&text));
    let suggestions = tools.extractor.suggest_in(&text, day, &language);
    Ok(Prepared {
        text,
        hash,
        mentions,
        suggestions,
    })
}

/// What reads every article, built once from the dataset as loaded.
struct Tools {
    finder: MentionFinder,
    extractor: Extractor,
    /// The language given for every article, if any.
    language: Option<String>,
    /// Who accepts suggestions (--accept): signed on each claim.
    author: String,
}

/// The finder and extractor for `d`, reading in the language asked for (refused when no
/// table reads it).
fn tools(d: &Dataset, args: &ImportSourceArgs) -> Result<Tools, String> {
    let extractor = Extractor::new(d);
    if let Some(l) = &args.language
        && !extractor.languages().contains(l)
    {
        return Err(super::suggest::unknown_language(l, &extractor.languages()));
    }
    Ok(Tools {
        finder: MentionFinder::new(&d.actors),
        extractor,
        language: args.language.clone(),
        author: super::author(
            args.author.as_deref(),
            args.file
                .as_deref()
                .or(args.out.as_deref())
                .unwrap_or(Path::new("dataset.ron")),
        ),
    })
}

/// Every article prepared, on as many threads as there are cores, in the order given.
fn prepare_all(articles: &[Article], tools: &Tools) -> Vec<Result<Prepared, String>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(articles.len())
        .max(1);
    let chunk = articles.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(chunk.max(1))
            .map(|part| {
                scope.spawn(move || part.iter().map(|a| prepare(a, tools)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("preparing an article does not panic"))
            .collect()
    })
}

/// Adds the articles to `d` and returns the report. Nothing is added unless every article can
/// be: a failure anywhere leaves `d` as it was.
fn import(
    d: &mut Dataset,
    articles: &[Article],
    args: &ImportSourceArgs,
) -> Result<String, String> {
    let tools = tools(d, args)?;
    let prepared: Vec<Prepared> = prepare_all(articles, &tools)
        .into_iter()
        .collect::<Result<_, _>>()?;
    // Texts already here, by hash of the stored text (recomputed, in case a hash is stale),
    // and texts earlier in this call.
    let mut known: HashMap<String, String> = d
        .sources
        .iter()
        .map(|s| (content_hash(&s.text), format!("source \"{}\"", s.id)))
        .collect();
    let mut duplicates = Vec::new();
    let mut skip = vec![false; articles.len()];
    for (i, (a, p)) in articles.iter().zip(&prepared).enumerate() {
        if let Some(what) = known.get(&p.hash) {
            duplicates.push(format!("{}: its text is already {what}", a.path.display()));
            skip[i] = args.skip_existing;
        } else {
            known.insert(
                p.hash.clone(),
                format!("in {}, imported in this call", a.path.display()),
            );
        }
    }
    if !duplicates.is_empty() && !args.force && !args.skip_existing {
        return Err(format!(
            "error: {}\nnothing was written; pass --force to import them again, or \
             --skip-existing to import the others",
            duplicates.join("\nerror: ")
        ));
    }
    let today = PartialDate::from(chrono::Local::now().date_naive());
    // Inverses of what was added, to take it all back if a later article fails.
    let mut undo = Vec::new();
    let mut out = String::new();
    for line in duplicates.iter().filter(|_| args.skip_existing) {
        out.push_str(&format!("skipped {line}\n"));
    }
    for ((a, p), _) in articles
        .iter()
        .zip(prepared)
        .zip(&skip)
        .filter(|(_, skip)| !**skip)
    {
        let draft = SourceDraft {
            outlet: a.outlet.clone(),
            title: a.title.clone(),
            published: a.date,
            url: a.url.clone(),
            // Already stripped and normalised; normalising again leaves it as it is.
            text: p.text,
            reliability: args.reliability,
            relays: args.relays.clone(),
            language: args.language.clone(),
            ..Default::default()
        };
        let added = add_source(d, draft, today)
            .map_err(|e| format!("error: {}: {e}", a.path.display()))
            .and_then(|(edit, id)| {
                edit.apply(d)
                    .map(|inverse| (inverse, id))
                    .map_err(|e| format!("error: {e}"))
            });
        let id = match added {
            Ok((inverse, id)) => {
                undo.push(inverse);
                id
            }
            Err(e) => return Err(rollback(d, undo, e)),
        };
        let source = d.sources.last().expect("just added");
        out.push_str(&mentions_report(d, &id, &source.text, &p.mentions));
        out.push_str(&suggestion_table(
            d,
            &tools.extractor,
            &source.text,
            &p.suggestions,
        ));
        if let Some(min) = args.accept {
            let (chosen, elsewhere): (Vec<Suggestion>, Vec<Suggestion>) = p
                .suggestions
                .into_iter()
                .filter(|s| s.confidence >= min)
                // A body the text names that the dataset lacks is created with its claims.
                .partition(|s| body_known(d, s) || s.new_body.is_some());
            let (actors, claims, bodies) = (d.actors.len(), d.claims.len(), d.sub_bodies.len());
            let mut edit = accept_suggestions(d, &id, &chosen);
            edit.sign_new_claims(&tools.author);
            match edit.apply(d) {
                Ok(inverse) => undo.push(inverse),
                Err(e) => return Err(rollback(d, undo, format!("error: {e}"))),
            }
            out.push_str(&format!(
                "accepted {} suggestions at or above {min}: {} claims, {} new actors, {} new bodies\n",
                chosen.len(),
                d.claims.len() - claims,
                d.actors.len() - actors,
                d.sub_bodies.len() - bodies
            ));
            if !elsewhere.is_empty() {
                out.push_str(&format!(
                    "left {} suggestions about bodies the dataset does not have (add the body \
                     first)\n",
                    elsewhere.len()
                ));
            }
        }
    }
    let errors: Vec<String> = validate(d)
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.message)
        .collect();
    if !errors.is_empty() {
        let message = format!("error: {}\nnothing was written", errors.join("\nerror: "));
        return Err(rollback(d, undo, message));
    }
    Ok(out)
}

/// Takes back what was applied (inverses in the order they were made) and returns `error`.
fn rollback(d: &mut Dataset, mut undo: Vec<Edit>, error: String) -> String {
    undo.reverse();
    Edit::Batch(undo)
        .apply(d)
        .expect("the inverses of applied edits apply");
    error
}

/// What an added source's report says: its id, size, and each known actor it names with the
/// line and column, found in one pass over the text.
fn mentions_report(d: &Dataset, id: &str, text: &str, mentions: &[KnownMention]) -> String {
    let mut out = format!(
        "added source \"{id}\" ({} characters); {} mentions of known actors\n",
        text.chars().count(),
        mentions.len()
    );
    let mut lines = LineCols::new(text);
    let rows: Vec<Vec<String>> = mentions
        .iter()
        .map(|m| {
            let (line, col) = lines.at(m.start);
            vec![
                d.actors[m.actor].name.clone(),
                format!("{line}:{col}"),
                context(text, m.start, m.end, 30),
            ]
        })
        .collect();
    if !rows.is_empty() {
        out.push_str(&table::align(&["Actor", "Line:col", "Words around"], &rows));
    }
    out
}
