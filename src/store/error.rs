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
