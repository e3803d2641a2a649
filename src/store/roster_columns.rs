//! The roster CSV's columns: one table that the export writes and the import reads, so the
//! two cannot drift apart. Each column says what it holds and how an import takes it.

/// How an import takes a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnImport {
    /// The actor's id: matched first.
    Id,
    /// Its name: matched when neither the id nor the Wikidata id is.
    Name,
    /// person, state or organisation.
    Kind,
    /// A field of the actor, given where it has none.
    Country,
    /// Q and digits, checked; given where the actor has none, matched before the name.
    Wikidata,
    /// A claim, written as `PROPERTY=VALUE` is (`role=chair`), with this property name.
    Fact(&'static str),
    /// Worked out from the claims (the seat, the joining day, the count of sources): written
    /// for readers, ignored by the import.
    Derived,
}

/// One column: its header, what it means, how it is read back.
#[derive(Clone, Copy, Debug)]
pub struct CsvColumn {
    pub name: &'static str,
    pub meaning: &'static str,
    pub read: OnImport,
}

/// The roster CSV's columns, in order. An empty cell is no value (no claim on import).
pub const COLUMNS: [CsvColumn; 11] = [
    CsvColumn {
        name: "id",
        meaning: "the actor's id in the dataset",
        read: OnImport::Id,
    },
    CsvColumn {
        name: "name",
        meaning: "its name",
        read: OnImport::Name,
    },
    CsvColumn {
        name: "kind",
        meaning: "person, state or organisation",
        read: OnImport::Kind,
    },
    CsvColumn {
        name: "country",
        meaning: "its country, as written in the dataset",
        read: OnImport::Country,
    },
    CsvColumn {
        name: "wikidata",
        meaning: "its Wikidata id (Q7747)",
        read: OnImport::Wikidata,
    },
    CsvColumn {
        name: "role",
        meaning: "its role on the body (chair, founding member, member…), best claim",
        read: OnImport::Fact("role"),
    },
    CsvColumn {
        name: "status",
        meaning: "invited, accepted, member, declined…, best claim",
        read: OnImport::Fact("status"),
    },
    CsvColumn {
        name: "seat",
        meaning: "the seat the rules give it (permanent, term, chair…): derived",
        read: OnImport::Derived,
    },
    CsvColumn {
        name: "joined",
        meaning: "the day it joined (the sources', else its term's start): derived",
        read: OnImport::Derived,
    },
    CsvColumn {
        name: "pledge",
        meaning: "its pledge ($1 billion, CHF 12,000), best claim",
        read: OnImport::Fact("pledge"),
    },
    CsvColumn {
        name: "sources",
        meaning: "how many sources speak of it: derived",
        read: OnImport::Derived,
    },
];

/// The column called `name` (any case, spaces around ignored).
pub fn column(name: &str) -> Option<&'static CsvColumn> {
    let name = name.trim().to_lowercase();
    COLUMNS.iter().find(|c| c.name == name)
}

/// The headers, comma-separated, for messages.
pub fn names() -> String {
    COLUMNS.map(|c| c.name).join(", ")
}
