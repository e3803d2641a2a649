//! What is computed from the dataset and never stored: the lookups ([`index`]), the roster
//! and the seats under the one conflict rule ([`roster`], [`body_roster`], [`seats`],
//! [`speakers`], [`conflict`], [`body_conflicts`]), kept up to date together in [`derived`];
//! the status life cycle and paths ([`lifecycle`], [`history`]), the timeline's arithmetic
//! ([`timeline`]), search ([`search`]), the comparison of sources ([`compare`]) and the
//! report ([`report`]); long lists split over the cores ([`shares`]).

pub mod body_conflicts;
pub mod body_roster;
pub mod compare;
pub mod conflict;
pub mod derived;
pub mod history;
pub mod index;
pub mod lifecycle;
pub mod report;
pub mod roster;
pub mod search;
pub mod seats;
pub mod shares;
pub mod speakers;
pub mod timeline;
