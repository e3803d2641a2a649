//! Reading a roster CSV back (the columns of [`super::roster_columns`], the export's): one
//! actor a row. Derived columns (seat, joined, sources) are ignored; an empty cell is no
//! value. A row whose kind, Wikidata id or value cannot be read is skipped with its line;
//! a header that is not the table's, or a file that is not CSV, is refused whole.

use crate::model::data::import::{ImportData, ImportFact, ImportRow, Skipped};
use crate::model::rules::validate_values::wikidata_problem;
use crate::model::text::fact_text::parse_fact;
use crate::model::{ActorKind, Fact};

use super::export::csv_uncell;
use super::import::ImportError;
use super::roster_columns::{self, CsvColumn, OnImport};

/// The rows of a roster CSV.
pub fn read_csv(text: &str) -> Result<ImportData, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| csv_error(&e, 1))?
        .iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    let mut columns: Vec<&'static CsvColumn> = Vec::with_capacity(headers.len());
    for h in &headers {
        let Some(c) = roster_columns::column(h) else {
            return Err(ImportError::at(
                1,
                format!(
                    "\"{h}\" is not a column of the roster CSV; the columns are {}",
                    roster_columns::names()
                ),
            ));
        };
        columns.push(c);
    }
    if !columns.iter().any(|c| c.read == OnImport::Name) {
        return Err(ImportError::at(
            1,
            format!(
                "the first row must name the columns, with one called \"name\"; the columns \
                 are {}",
                roster_columns::names()
            ),
        ));
    }
    let mut data = ImportData::default();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e, 0))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let place = format!("line {line}");
        let cells = columns.iter().zip(record.iter().map(csv_uncell));
        match row(&place, cells) {
            Ok(row) => data.rows.push(row),
            Err(why) => data.skipped.push(Skipped { place, why }),
        }
    }
    data.contents = format!("{} rows", data.rows.len() + data.skipped.len());
    Ok(data)
}

/// One row read by its columns, or why it is skipped.
fn row<'a>(
    place: &str,
    cells: impl Iterator<Item = (&'a &'static CsvColumn, &'a str)>,
) -> Result<ImportRow, String> {
    let mut row = ImportRow {
        place: place.to_string(),
        ..ImportRow::default()
    };
    for (column, cell) in cells {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        match column.read {
            OnImport::Id => row.id = cell.to_string(),
            OnImport::Name => row.name = cell.to_string(),
            OnImport::Kind => row.kind = ActorKind::parse(cell)?,
            OnImport::Country => row.country = cell.to_string(),
            OnImport::Wikidata => {
                if let Some(why) = wikidata_problem(cell) {
                    return Err(why);
                }
                row.wikidata = Some(cell.to_string());
            }
            OnImport::Fact(property) => {
                let fact: Fact = parse_fact(&format!("{property}={cell}"))
                    .map_err(|e| format!("{}: {e}", column.name))?;
                row.facts.push(ImportFact {
                    place: place.to_string(),
                    membership: false,
                    fact,
                });
            }
            OnImport::Derived => {}
        }
    }
    Ok(row)
}

/// A CSV error with the line it is on.
fn csv_error(e: &csv::Error, line: usize) -> ImportError {
    let line = e.position().map_or(line, |p| p.line() as usize);
    let why = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} cells where the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "the file is not UTF-8 text".to_string(),
        _ => e.to_string(),
    };
    ImportError::at(line, format!("not a roster CSV: {why}"))
}
