//! Which roster rows recent edits touched, so that views built on the rows (the Roster
//! table's filter and order) place those rows again instead of redoing every row.

use std::collections::VecDeque;

use crate::model::Edit;
use crate::model::derive::derived::DerivedChange;

/// How many recent edits are remembered; a view further behind starts over.
const KEPT: usize = 16;

#[derive(Debug, Default)]
pub struct EditLog {
    /// Revision before, revision after, and the rows touched (`None`: any row may have).
    entries: VecDeque<(u64, u64, Option<Vec<usize>>)>,
}

impl EditLog {
    /// Notes an edit that took the dataset from `before` to `after`: the rows whose claims
    /// changed (from the derived data) and the actors the edit replaced (a new name sorts
    /// elsewhere).
    pub(super) fn record(
        &mut self,
        before: u64,
        after: u64,
        change: &DerivedChange,
        applied: &Edit,
    ) {
        let mut rows = change.actors.clone();
        // New seat rules give every row a new seat.
        let all = change.rebuilt || !replaced_actors(applied, &mut rows);
        let rows = (!all).then(|| {
            rows.sort_unstable();
            rows.dedup();
            rows
        });
        if self.entries.len() == KEPT {
            self.entries.pop_front();
        }
        self.entries.push_back((before, after, rows));
    }

    /// The rows touched on the way from `revision` to `now`, if every step since is known.
    /// Rows past the end of the old roster (actors appended) are not listed: a view compares
    /// lengths for those.
    pub fn touched_since(&self, revision: u64, now: u64) -> Option<Vec<usize>> {
        let start = self.entries.iter().position(|(b, _, _)| *b == revision)?;
        let mut at = revision;
        let mut rows = Vec::new();
        for (before, after, touched) in self.entries.iter().skip(start) {
            if *before != at {
                return None;
            }
            rows.extend(touched.as_ref()?);
            at = *after;
            if at == now {
                rows.sort_unstable();
                rows.dedup();
                return Some(rows);
            }
        }
        None
    }
}

/// Adds the actors `edit` replaces to `out`; false when it changes every row (new seat
/// rules).
fn replaced_actors(edit: &Edit, out: &mut Vec<usize>) -> bool {
    match edit {
        Edit::ReplaceActor { at, .. } => {
            out.push(*at);
            true
        }
        Edit::SetSeatRules(_) | Edit::SetBodies { .. } => false,
        Edit::Batch(edits) => edits.iter().all(|e| replaced_actors(e, out)),
        _ => true,
    }
}
