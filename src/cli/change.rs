//! A change to a dataset from the command line, the one way every editing verb (`body …`,
//! `actor edit|rename|delete`, `claim prefer|deprecate|normal`) makes it: lock the file, load
//! it, perform the model's edit through the session, refuse a result that would not validate,
//! write it back in place (the old version kept as `.bak`) or to `-o OUT`.

use std::path::{Path, PathBuf};

use crate::model::{Dataset, Edit, Index};

#[derive(clap::Args, Debug)]
pub struct Out {
    /// Write the dataset here instead of in place (DATASET keeps its old version as .bak).
    #[arg(short = 'o', long)]
    pub out: Option<PathBuf>,
    /// Overwrite OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

/// [`change_saying`] for an edit whose report is "LABEL: done".
pub fn change(
    dataset: &Path,
    out: &Out,
    label: &str,
    make: impl FnOnce(&Dataset, &Index) -> Result<Edit, String>,
) -> Result<String, String> {
    change_saying(dataset, out, label, |d, index| {
        Ok((make(d, index)?, format!("{label}: done")))
    })
}

/// Loads the dataset, applies the edit `make` gives with the line saying what it did, checks
/// it, writes the result. A refusal (`make`'s error, or a result that would not validate)
/// writes nothing.
pub fn change_saying(
    dataset: &Path,
    out: &Out,
    label: &str,
    make: impl FnOnce(&Dataset, &Index) -> Result<(Edit, String), String>,
) -> Result<String, String> {
    let target = out.out.clone().unwrap_or_else(|| dataset.to_path_buf());
    if out.out.is_some() {
        super::refuse_overwrite(&target, out.force)?;
    }
    let _lock = super::lock_dataset(&target)?;
    let mut session = super::load(Some(&dataset.to_path_buf()))?.0;
    let (edit, did) =
        make(session.dataset(), &session.derived().index).map_err(super::error_line)?;
    super::claim::perform_checked(&mut session, edit, label)?;
    let mut report = format!("{did}\n");
    report.push_str(&super::write_dataset(
        &session,
        &target,
        &crate::session::dataset_text(session.dataset()),
        out.out.is_none(),
        out.force,
    )?);
    Ok(report)
}
