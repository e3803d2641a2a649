//! The `suggest` command: the claims a report seems to support, as a table or JSON. Changes
//! nothing.

use std::path::{Path, PathBuf};

use super::{OutputFormat, table};
use crate::model::extract::{Extractor, RuleSet, SuggestedActor, Suggestion, Table};
use crate::model::{Dataset, PartialDate};

#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("report").required(true).args(["source", "text"])))]
pub struct SuggestArgs {
    /// The dataset file (RON); the embedded Board of Peace dataset when left out.
    pub file: Option<PathBuf>,
    /// A source of the dataset, by id.
    #[arg(long)]
    pub source: Option<String>,
    /// An article's text file (.txt, .md or .html).
    #[arg(long, requires = "date")]
    pub text: Option<PathBuf>,
    /// When the article was published (YYYY-MM-DD): relative days are counted from it.
    #[arg(long)]
    pub date: Option<PartialDate>,
    /// Who published the article (shown, not used for matching).
    #[arg(long)]
    pub outlet: Option<String>,
    /// The report's language (ISO 639-1: en, ru, es, de, fr, tr); detected when left out.
    #[arg(long)]
    pub language: Option<String>,
    /// A rule table of your own (RON, see "Adding an extraction rule" in the README), added
    /// to the built-in ones and to the `*.rules.ron` files beside the dataset; repeatable.
    #[arg(long = "rules")]
    pub rules: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// `suggest`: the dataset (or the embedded one), the report, the rule tables, the format.
pub fn run(args: SuggestArgs) -> Result<String, String> {
    let SuggestArgs {
        file,
        source,
        text,
        date,
        outlet: _,
        language,
        rules,
        format,
    } = args;
    let session = super::load_any(file.as_ref())?;
    let d = session.dataset();
    let report = match (&source, &text) {
        (Some(id), _) => SuggestInput::Source(id),
        (None, Some(path)) => SuggestInput::File { path, date },
        (None, None) => return Err("error: give --source ID or --text FILE".into()),
    };
    let tables = crate::session::disk::rule_tables(file.as_deref(), &rules)
        .map_err(|e| format!("error: {e}"))?;
    let how = Reading {
        language: language.as_deref(),
        tables,
    };
    suggest(d, report, &how, format)
}

/// Where the report comes from.
pub enum SuggestInput<'a> {
    Source(&'a str),
    File {
        path: &'a Path,
        date: Option<PartialDate>,
    },
}

/// Reads an article through the session's one reader and gives its text as a source would
/// hold it (HTML stripped, whitespace normalised), so offsets match an import.
pub fn read_article(path: &Path) -> Result<String, String> {
    crate::session::read_article(path)
        .map(|article| article.stored_text())
        .map_err(|e| super::load_error(&e))
}

/// How a report is read: its language (detected when None) and the user's rule tables.
#[derive(Default)]
pub struct Reading<'a> {
    pub language: Option<&'a str>,
    pub tables: Vec<Table>,
}

/// The suggestions for a source of `d` or an article file, formatted.
pub fn suggest(
    d: &Dataset,
    report: SuggestInput,
    how: &Reading,
    format: OutputFormat,
) -> Result<String, String> {
    let (text, published) = match report {
        SuggestInput::Source(id) => {
            let s = d.source(id).ok_or_else(|| {
                let known: Vec<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
                format!(
                    "error: no source \"{id}\"; the sources are: {}",
                    known.join(", ")
                )
            })?;
            (s.text.clone(), s.published)
        }
        SuggestInput::File { path, date } => (read_article(path)?, date),
    };
    // Relative days need the day of publication; a month or a year leaves them open.
    let day = published
        .filter(PartialDate::is_exact_day)
        .map(|p| p.first_day());
    let extractor = extractor_for(d, &how.tables)?;
    let language = match how.language {
        Some(l) if extractor.languages().iter().any(|k| k == l) => l.to_string(),
        Some(l) => {
            return Err(unknown_language(l, &extractor.languages()));
        }
        None => extractor.language(&text),
    };
    let found = extractor.suggest_in(&text, day, &language);
    match format {
        OutputFormat::Json => {
            let rows: Vec<_> = found.iter().map(|s| extractor.row(&text, s)).collect();
            Ok(crate::session::json_view::json_text(&rows))
        }
        OutputFormat::Table => Ok(format!(
            "Read as {}\n{}",
            super::escape::terminal_cell(&language),
            suggestion_table(d, &extractor, &text, &found)
        )),
    }
}

/// The message for a language no rule table reads; what the user typed is escaped, so it
/// cannot forge a line.
pub fn unknown_language(asked: &str, known: &[String]) -> String {
    let known: Vec<String> = known
        .iter()
        .map(|l| super::escape::terminal_cell(l).into_owned())
        .collect();
    format!(
        "error: no rule table reads \"{}\"; the languages are: {}",
        super::escape::terminal_cell(asked),
        known.join(", ")
    )
}

/// An extractor with the built-in rule tables and `tables` added to them.
pub fn extractor_for(d: &Dataset, tables: &[Table]) -> Result<Extractor, String> {
    if tables.is_empty() {
        return Ok(Extractor::new(d));
    }
    let rules = RuleSet::with(tables).map_err(|e| format!("error: {e}"))?;
    Ok(Extractor::with_rules(d, std::sync::Arc::new(rules)))
}

/// The suggestions as an aligned table with a count above it: `suggest` and `import-source`
/// print the same.
pub fn suggestion_table(
    d: &Dataset,
    extractor: &Extractor,
    text: &str,
    found: &[Suggestion],
) -> String {
    let header = [
        "Actor", "New", "Property", "Value", "Body", "As of", "Conf", "Quote",
    ];
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|s| {
            let r = extractor.row(text, s);
            let new = match &s.actor {
                SuggestedActor::New(n) => n.kind.label().to_string(),
                SuggestedActor::Known(_) => match &s.new_alias {
                    Some(alias) => format!("alias \"{alias}\""),
                    None => String::new(),
                },
            };
            let quote: String = r.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            let quote = if quote.chars().count() > 70 {
                format!("{}…", quote.chars().take(69).collect::<String>())
            } else {
                quote
            };
            vec![
                r.actor_name,
                new,
                r.property.to_string(),
                r.value,
                r.body.unwrap_or_else(|| d.body.id.clone()),
                r.as_of.unwrap_or_else(|| "—".into()),
                format!("{:.2}", r.confidence),
                quote,
            ]
        })
        .collect();
    let mut out = format!("{} suggestions\n", found.len());
    if !rows.is_empty() {
        out.push_str(&table::align(&header, &rows));
    }
    out
}
