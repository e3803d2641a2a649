//! File ▸ Import data… and `board-explorer import`: another tool's file (a roster CSV, Popolo
//! JSON, FollowTheMoney entities) read through the store's bounded reader, matched to the
//! dataset by the model, and applied as one undoable step citing the file as one source.

use std::path::Path;

use super::{Notice, Outcome, Session};
use crate::model::PartialDate;
use crate::model::data::import::{ImportSummary, import_edit};
use crate::model::data::source_ops::SourceDraft;
use crate::store::{self, ImportFormat};

impl Session {
    /// Imports `path` read as `format`: the counts as the notice, each new actor and each
    /// skipped row with its place as the report. A file that cannot be read changes nothing.
    pub(super) fn import(&mut self, format: ImportFormat, path: &Path) -> Outcome {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into(),
        );
        let data = match store::read_import(path, format) {
            Ok(data) => data,
            Err(e) => {
                return Outcome::error(format!("Cannot import {name}: {e}. Nothing was changed."));
            }
        };
        let draft = SourceDraft {
            title: name.clone(),
            text: format!(
                "Imported from {name} ({}): {}.",
                format.choice(),
                data.contents
            ),
            note: "an imported file: its values are claims citing it".into(),
            ..SourceDraft::default()
        };
        let today = PartialDate::from(chrono::Local::now().date_naive());
        let (edit, summary): (_, ImportSummary) = {
            let report = self.report();
            let index = &self.derived().index;
            import_edit(&report, &data, draft, today, |id| index.claim_id_taken(id))
        };
        let mut outcome = match edit {
            Some(edit) => self.edit(edit, &format!("Import {name}"), true),
            None => Outcome::default(),
        };
        if outcome.is_error() {
            return outcome;
        }
        outcome.notice = Some(Notice::info(format!(
            "Imported {name}: {}",
            summary.counts()
        )));
        outcome.report = Some(summary.lines());
        outcome
    }
}
