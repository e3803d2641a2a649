//! What the HTML report shows of its long sections, within the caps of [`super::caps`]: which
//! conflicts, which claims, which rows and columns of the claim matrix, and which quotes each
//! source lists. Chosen once per page, in time linear in the claims (a sort of them at most).

use std::cmp::Reverse;

use crate::model::derive::compare::Verdict;
use crate::model::derive::report::{QuoteMark, Report};

use super::caps;

pub struct Shown {
    /// How many of the report's body conflicts are listed (the first ones).
    pub body_conflicts: usize,
    /// How many of the report's actor conflicts are listed (the first ones).
    pub conflicts: usize,
    /// The claims table's rows, most recent first: positions in the report detail's claims.
    pub claims: Vec<usize>,
    /// The claim matrix's rows shown, its conflicts first: positions in its rows.
    pub matrix_rows: Vec<usize>,
    /// The claim matrix's columns shown, the most-cited sources first: positions in its
    /// sources. When some are left out, their claims share a last column.
    pub matrix_columns: Vec<usize>,
    /// For each source (as the dataset's), the quotes of the claims on the page.
    pub quotes: Vec<Vec<QuoteMark>>,
    /// Where each claim on the page is, by its position in the dataset: its row of the claims
    /// table, else the conflict that lists it.
    homes: Vec<Option<Home>>,
}

/// Where a claim is on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Home {
    /// Its row of the claims table (`claim-N`).
    Row,
    /// An actor's conflict (`conflict-K`).
    Conflict(usize),
    /// A body's conflict (`conflict-bK`).
    BodyConflict(usize),
}

impl Shown {
    pub fn new(report: &Report) -> Shown {
        let d = report.dataset;
        let detail = report.detail();
        let body_conflicts = report.body_conflicts.len().min(caps::CONFLICTS);
        let conflicts = report.conflicts.len().min(caps::CONFLICTS - body_conflicts);

        // The most recent claims: by the day they speak for, the later in the file first on
        // the same day; undated ones last.
        let mut claims: Vec<usize> = (0..detail.claims.len()).collect();
        claims.sort_unstable_by_key(|&i| {
            let rc = &detail.claims[i];
            (Reverse(rc.date.is_some()), Reverse(rc.date), Reverse(rc.at))
        });
        claims.truncate(caps::CLAIMS);

        let mut homes = vec![None; d.claims.len()];
        for &i in &claims {
            homes[detail.claims[i].at] = Some(Home::Row);
        }
        let listed = report.conflicts[..conflicts]
            .iter()
            .enumerate()
            .map(|(k, c)| (Home::Conflict(k), &c.claims));
        let body_listed = report.body_conflicts[..body_conflicts]
            .iter()
            .enumerate()
            .map(|(k, c)| (Home::BodyConflict(k), &c.claims));
        for (home, sides) in body_listed.chain(listed) {
            for rc in sides {
                homes[rc.at].get_or_insert(home);
            }
        }

        let m = &detail.matrix;
        let conflict_rows = (0..m.rows.len()).filter(|&r| m.rows[r].verdict == Verdict::Conflict);
        let other_rows = (0..m.rows.len()).filter(|&r| m.rows[r].verdict != Verdict::Conflict);
        let matrix_rows = conflict_rows
            .chain(other_rows)
            .take(caps::MATRIX_ROWS)
            .collect();
        let mut matrix_columns: Vec<usize> = (0..m.sources.len()).collect();
        if m.sources.len() > caps::MATRIX_SOURCES {
            let mut cited = vec![0usize; m.sources.len()];
            for row in &m.rows {
                for (column, cell) in row.cells.iter().enumerate() {
                    cited[column] += cell.len();
                }
            }
            // Stable: of two sources cited as often, the first in the dataset.
            matrix_columns.sort_by_key(|&c| Reverse(cited[c]));
            matrix_columns.truncate(caps::MATRIX_SOURCES);
        }

        let quotes = detail
            .quotes
            .iter()
            .map(|marks| {
                marks
                    .iter()
                    .filter(|m| homes[m.claim].is_some())
                    .copied()
                    .collect()
            })
            .collect();
        Shown {
            body_conflicts,
            conflicts,
            claims,
            matrix_rows,
            matrix_columns,
            quotes,
            homes,
        }
    }

    /// Where claim `c` (its position in the dataset) is on the page, if it is.
    pub fn home(&self, c: usize) -> Option<Home> {
        self.homes.get(c).copied().flatten()
    }

    /// The link to where claim `c` is on the page: "#claim-12", "#conflict-3".
    pub fn href(&self, c: usize) -> Option<String> {
        self.home(c).map(|home| match home {
            Home::Row => format!("#claim-{c}"),
            Home::Conflict(k) => format!("#conflict-{k}"),
            Home::BodyConflict(k) => format!("#conflict-b{k}"),
        })
    }

    /// Whether claim `c` has a row in the claims table.
    pub fn in_table(&self, c: usize) -> bool {
        self.home(c) == Some(Home::Row)
    }
}
