//! Reading and writing datasets as RON files. The model knows nothing of files; the UI knows
//! nothing of formats: both go through here.

mod atomic;
mod error;
mod format;
mod recovery;

pub use atomic::{backup_path, write_atomic};
pub use error::LoadError;
pub use format::{FORMAT, Loaded, VERSION, embedded, load_file, parse, save_file, to_ron};
pub use recovery::{Recovery, clear_recovery, read_recovery, recovery_path, write_recovery};
