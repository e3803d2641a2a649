//! Reading and writing datasets as RON files. The model knows nothing of files; the UI knows
//! nothing of formats: both go through here.

mod atomic;
mod error;
mod export;
mod format;
mod recovery;
mod snapshot;

pub use atomic::{backup_path, write_atomic};
pub use error::{LoadError, SaveError};
pub use export::{markdown_report, roster_csv};
pub use format::{
    FORMAT, Loaded, MAX_FILE_BYTES, VERSION, embedded, load_file, parse, parse_bytes, save_file,
    to_ron,
};
pub use recovery::{Recovery, clear_recovery, read_recovery, recovery_path, write_recovery};
pub use snapshot::{
    SNAPSHOT_SUFFIX, Snapshot, SnapshotInfo, list_snapshots, load_any, parse_snapshot,
    read_snapshot, snapshot_file_name, snapshot_text, take_snapshot,
};
