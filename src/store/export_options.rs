//! What an export is written with beyond its format: the choices of the command line's flags
//! (`export --with-texts`) and of the Export window's checkboxes, and the day it is written.

use chrono::NaiveDate;

/// How a report is written. Only the HTML report reads it today; the other formats have no
/// source texts to leave out and print no as-of day of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Each source's full text in the HTML report, its quotes highlighted. Off by default:
    /// wire copy may not be republishable, so a source then shows its title, outlet, date,
    /// address and the words its claims quote.
    pub with_texts: bool,
    /// The day the report is written: the date its "As of" gives when no as-of day was chosen
    /// (everything the sources say, as of today).
    pub today: NaiveDate,
}

impl ExportOptions {
    /// Without the sources' texts, written `today`.
    pub fn new(today: NaiveDate) -> Self {
        ExportOptions {
            with_texts: false,
            today,
        }
    }
}
