//! The data itself and the ways it changes: the dataset of actors, claims, sources and bodies
//! ([`dataset`], [`body`]), dates and money as sources give them ([`date`], [`money`]), the one
//! `Edit` every change goes through ([`edit`]), fields this version does not know ([`extra`]), the user's operations as edits ([`ops`],
//! [`source_ops`], [`review`]), records given by their parts ([`actor_draft`],
//! [`claim_draft`]), records brought in from other tools' files ([`import`]), and datasets built in code ([`builder`], [`generate`]).

pub mod actor_draft;
pub mod body;
pub mod builder;
pub mod claim_draft;
pub mod dataset;
pub mod date;
pub mod edit;
pub mod extra;
pub mod generate;
pub mod import;
pub mod money;
pub mod one_meaning;
pub mod ops;
pub mod review;
pub mod source_ops;
