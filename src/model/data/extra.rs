//! Fields a record held in its file that this version does not know: written by a newer
//! board-explorer, a teammate's script or a hand edit. They are kept as written and written
//! back at the next save, so opening and saving a file never drops someone else's data.
//!
//! Each is kept as its field name and its value's RON text. The records' field for them is
//! named "unknown fields" in serde: a space, which no RON field name can hold, so no file can
//! give that field itself and a file's own `extra` is just another unknown field. The model never reads them; the
//! store finds them when it loads a file and writes them back in place (see
//! `store::unknown_fields`), and a merge compares them as it compares any other field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A record's unknown fields: field name → the value's RON text, as the file wrote it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Extra(pub BTreeMap<String, String>);

impl Extra {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps the field `key` with its value's RON text.
    pub fn keep(&mut self, key: impl Into<String>, ron: impl Into<String>) {
        self.0.insert(key.into(), ron.into());
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}
