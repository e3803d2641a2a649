//! The dataset, its claims, dates and rules, and what is derived from them.
//! No egui and no file I/O here: the store and the UI build on this.

pub mod actor_draft;
pub mod builder;
pub mod claim_draft;
pub mod compare;
pub mod conflict;
pub mod dataset;
pub mod date;
pub mod derived;
pub mod diff;
pub mod edit;
pub mod extract;
pub mod fact_text;
pub mod generate;
pub mod index;
pub mod lifecycle;
pub mod mentions;
pub mod money;
pub mod ops;
pub mod quote;
pub mod quote_words;
pub mod report;
pub mod review;
pub mod roster;
pub mod rules;
pub mod search;
pub mod seats;
pub mod source_ops;
pub mod text;
pub mod timeline;
pub mod validate;
pub mod validate_values;
pub mod words;

pub use dataset::*;
pub use date::PartialDate;
pub use derived::{AsOfStep, Change, Derived};
pub use edit::{Edit, EditError};
pub use index::Index;
pub use quote::{Anchor, Quote};
pub use roster::{Roster, RosterRow, roster};
pub use rules::SeatRules;
pub use seats::{SeatKind, SeatOutcome, seat};
