//! The dataset, its claims, dates and rules, and what is derived from them.
//! No egui and no file I/O here: the store and the UI build on this.
//!
//! Grouped by kind: [`data`] (the dataset and the edits that change it), [`derive`] (what is
//! computed from it: index, roster, seats, conflicts, timeline, report), [`rules`] (the seat
//! rules and the checks of a dataset), [`text`] (article text, words, quotes, facts written
//! as text, mentions of actors), [`merge`] (three-way merge and diff of two datasets) and
//! [`extract`] (suggested claims from a report's text).

pub mod data;
pub mod derive;
pub mod extract;
pub mod merge;
pub mod rules;
pub mod text;

pub use data::dataset::*;
pub use data::date::PartialDate;
pub use data::edit::{Edit, EditError};
pub use data::extra::Extra;
pub use derive::derived::{AsOfStep, Derived, DerivedChange};
pub use derive::index::Index;
pub use derive::roster::{Roster, RosterRow, roster};
pub use derive::seats::{SeatKind, SeatOutcome, seat};
pub use rules::SeatRules;
pub use text::quote::{Anchor, Quote};
