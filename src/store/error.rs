//! Load errors that say what is wrong and where, in words a user can act on.

use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
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

impl LoadError {
    /// "path:line:col: message", then each further problem on a line of its own.
    fn describe(&self) -> String {
        let mut out = String::new();
        if let Some(path) = &self.path {
            out.push_str(&path.display().to_string());
            if let Some((line, col)) = self.place {
                out.push_str(&format!(":{line}:{col}"));
            }
            out.push_str(": ");
        } else if let Some((line, col)) = self.place {
            out.push_str(&format!("line {line}, column {col}: "));
        }
        out.push_str(&self.message);
        for more in &self.more {
            out.push_str(&format!("\n  {more}"));
        }
        out
    }
}

/// Why a dataset (or a snapshot of it) was not written. Nothing was written in either case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// It would not load again: the first problem that stops it.
    #[error("the dataset has a problem to fix first: {0}")]
    Invalid(crate::model::rules::validate::Problem),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl SaveError {
    /// Refuses a dataset with an error-level problem: it would not load again.
    pub fn check(dataset: &crate::model::Dataset) -> Result<(), SaveError> {
        use crate::model::rules::validate::{Severity, validate};
        match validate(dataset)
            .into_iter()
            .find(|p| p.severity == Severity::Error)
        {
            Some(p) => Err(SaveError::Invalid(p)),
            None => Ok(()),
        }
    }
}
