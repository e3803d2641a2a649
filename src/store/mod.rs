//! Reading and writing datasets as RON files. The model knows nothing of files; the UI knows
//! nothing of formats: both go through here.

mod atomic;
mod bounded;
mod error;
mod export;
mod export_options;
mod fast_ron;
mod format;
mod ftm;
mod html;
mod identity;
mod import;
mod import_csv;
mod import_ftm;
mod import_popolo;
mod line_files;
mod lock;
mod parallel;
mod popolo;
mod recovery;
mod ron_out;
mod roster_columns;
mod rule_tables;
mod snapshot;
mod text_merge;
mod unknown_fields;

pub use atomic::{
    Durability, backup_path, process_alive, replace_atomic, replace_atomic_with, write_atomic,
    write_new,
};
pub use bounded::{check_parse_cost, open_regular, read_bounded, read_text_bounded, text_of};
pub use error::{LoadError, SaveError};
pub use export::{ExportFormat, markdown_report, roster_csv};
pub use export_options::ExportOptions;
pub use format::{
    FORMAT, Loaded, MAX_FILE_BYTES, VERSION, embedded, load_file, load_file_identified, parse,
    parse_bytes, save_file, save_file_identified, to_ron,
};
pub use ftm::ftm_entities;
pub use html::html_report;
pub use identity::{FileIdentity, read_identified};
pub use import::{ImportError, ImportFormat, read_import};
pub use line_files::add_line_once;
pub use lock::{FileLock, LOCK_WAIT, LockError, lock_path};
pub use popolo::popolo_json;
pub use recovery::{
    Recovery, clear_orphan, clear_recovery, orphan_recoveries, read_recovery, recovery_path,
    release_recovery, write_recovery,
};
pub use roster_columns::{COLUMNS as ROSTER_COLUMNS, CsvColumn, OnImport};
pub use rule_tables::{RuleTableError, rule_tables};
pub use snapshot::{
    AnyFile, SNAPSHOT_SUFFIX, Snapshot, SnapshotInfo, list_snapshots, load_any, parse_snapshot,
    read_snapshot, snapshot_file_name, snapshot_text, take_snapshot,
};
pub use text_merge::{TextMerge, merge_texts};
