//! `import`: another tool's file (a roster CSV, Popolo JSON, FollowTheMoney entities) brought
//! into a dataset through the session's one import command, as File ▸ Import data… does.

use std::path::PathBuf;

use super::claim::refuse_invalid;
use crate::model::Dataset;
use crate::session::{self, Command, Document, ImportFormat, Session};

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The file's format; from its name when left out (.csv; .ftm.json or .jsonl for
    /// FollowTheMoney; .json for Popolo).
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,
    /// The file to import.
    pub file: PathBuf,
    /// The dataset file (RON), written in place (its old version kept as DATASET.bak) unless
    /// -o; made, named after the file's body, when it does not exist.
    pub dataset: PathBuf,
    /// Who makes the claims, recorded on each; git's user.name where the dataset is when left
    /// out.
    #[arg(long)]
    pub author: Option<String>,
    /// Write the dataset here instead of in place.
    #[arg(short = 'o', long)]
    pub out: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: ImportArgs) -> Result<String, String> {
    let format = match args.format.or_else(|| ImportFormat::from_name(&args.file)) {
        Some(format) => format,
        None => {
            return Err(format!(
                "error: {}: say which format it is with --format csv|popolo|ftm",
                super::shown(&args.file)
            ));
        }
    };
    let out = args.out.clone().unwrap_or_else(|| args.dataset.clone());
    if args.out.is_some() {
        super::refuse_overwrite(&out, args.force)?;
    }
    let _lock = super::lock_dataset(&out)?;
    let exists = args.dataset.exists();
    let mut session = if exists {
        super::load(Some(&args.dataset))?.0
    } else {
        // A new dataset, named after the imported file until the file names its body.
        let stem = args.file.file_stem().map_or_else(
            || "Imported body".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        Session::new(Document::new(Dataset::new_body(&stem), None))
    };
    session.set_author(&super::author(args.author.as_deref(), &args.dataset));
    let outcome = session.perform(Command::Import {
        format,
        path: args.file.clone(),
    });
    if outcome.is_error() {
        let why = outcome.notice.map(|n| n.text).unwrap_or_default();
        return Err(super::error_line(why));
    }
    let mut report = outcome.report.unwrap_or_default();
    if !session.document().is_dirty() {
        report.push_str("nothing was written\n");
        return Ok(report);
    }
    refuse_invalid(&session)?;
    report.push_str(&super::write_dataset(
        &session,
        &out,
        &session::dataset_text(session.dataset()),
        exists && args.out.is_none(),
        args.force,
    )?);
    Ok(report)
}
