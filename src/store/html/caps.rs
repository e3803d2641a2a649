//! How much of each long section the HTML report shows: the one place for its caps.
//!
//! The page is read in a browser, printed and posted by newsrooms. At 10,000 actors the whole
//! of it (every claim, the full claim matrix, every source's text) came to 92 MB and 160,000
//! table rows, which took a browser minutes and gigabytes to lay out and which no reader
//! reads. The roster keeps every actor (it is what the page is for, and it is searchable);
//! the sections below keep what a reader can take in at a sitting, and each says how many
//! more there are and where the full data is. A dataset under the caps is shown whole.

/// Conflicts listed with their sides (the body's own first, then the actors' in roster
/// order). The ones a reader must see; a hundred is more than a news story ever discusses.
pub const CONFLICTS: usize = 100;

/// Rows of the claim matrix: its conflicts first, then the other rows in order. A row per
/// subject and property; past a hundred rows nobody compares them by eye.
pub const MATRIX_ROWS: usize = 100;

/// Source columns of the claim matrix: the most-cited sources, the others' claims gathered in
/// one last column. Five, with subject, property, the others and the verdict, fit a laptop's
/// width (1280 px) without scrolling sideways.
pub const MATRIX_SOURCES: usize = 5;

/// Rows of the claims table: the most recent claims (by the day they speak for), which are
/// the news; the conflicts above already show the claims that disagree.
pub const CLAIMS: usize = 100;

/// Members listed with the reason for their seat; every member's seat is also in the
/// roster's Seat column, which is never cut.
pub const SEATS: usize = 100;
