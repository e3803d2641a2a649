//! Load errors that say what is wrong and where, in words a user can act on.

use std::fmt;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file, when the text came from one.
    pub path: Option<PathBuf>,
    /// 1-based line and column of the problem, when it has a place.
    pub place: Option<(usize, usize)>,
    pub message: String,
    /// Further problems of the same load (validation can find many at once).
    pub more: Vec<String>,
}

impl LoadError {
    pub fn new(message: impl Into<String>) -> Self {
        LoadError {
            path: None,
            place: None,
            message: message.into(),
            more: Vec::new(),
        }
    }

    pub fn at(mut self, place: Option<(usize, usize)>) -> Self {
        self.place = place;
        self
    }

    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}", path.display())?;
            if let Some((line, col)) = self.place {
                write!(f, ":{line}:{col}")?;
            }
            f.write_str(": ")?;
        } else if let Some((line, col)) = self.place {
            write!(f, "line {line}, column {col}: ")?;
        }
        f.write_str(&self.message)?;
        for more in &self.more {
            write!(f, "\n  {more}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Why a dataset (or a snapshot of it) was not written. Nothing was written in either case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// It would not load again: the first problem that stops it.
    #[error("the dataset has a problem to fix first: {0}")]
    Invalid(crate::model::validate::Problem),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl SaveError {
    /// Refuses a dataset with an error-level problem: it would not load again.
    pub fn check(dataset: &crate::model::Dataset) -> Result<(), SaveError> {
        use crate::model::validate::{Severity, validate};
        match validate(dataset)
            .into_iter()
            .find(|p| p.severity == Severity::Error)
        {
            Some(p) => Err(SaveError::Invalid(p)),
            None => Ok(()),
        }
    }
}
