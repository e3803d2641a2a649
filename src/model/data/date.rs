//! Dates as the sources give them: a year, a month, or a day, possibly approximate.
//!
//! A report may say "in 2022" or "in October 2023"; storing those as a day would invent
//! precision. A `PartialDate` keeps what was written, orders sensibly, and turns into the span
//! of calendar days it covers when arithmetic is needed (through chrono). A day inferred rather
//! than printed ("~2026-01-19": an undated report placed around that day) is *approximate*:
//! it is written with a leading `~` and may be off by [`APPROX_DAYS`] either way, so its order
//! against a day that close is unknown (see [`PartialDate::uncertain_span`]).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A year, a month of a year, or a day. Ordered by (year, month, day) with the less precise
/// date first, so "2026" < "2026-01" < "2026-01-01"; an approximate date after the same exact
/// one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    /// Written "~2026-01-19": the day was inferred, not printed.
    approx: bool,
}

/// How many days an approximate date may be off, either way. Wide enough for "a report of
/// last week", narrow enough that a fortnight later is still known to come after.
pub const APPROX_DAYS: u64 = 3;

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DateError(pub String);

impl PartialDate {
    pub fn year(year: i32) -> Result<Self, DateError> {
        check_year(year)?;
        Ok(Self {
            year,
            month: None,
            day: None,
            approx: false,
        })
    }

    pub fn month(year: i32, month: u32) -> Result<Self, DateError> {
        check_year(year)?;
        if !(1..=12).contains(&month) {
            return Err(DateError(format!("{month} is not a month (1 to 12)")));
        }
        Ok(Self {
            year,
            month: Some(month as u8),
            day: None,
            approx: false,
        })
    }

    pub fn day(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        check_year(year)?;
        NaiveDate::from_ymd_opt(year, month, day)
            .map(Self::from)
            .ok_or_else(|| {
                DateError(format!(
                    "{year:04}-{month:02}-{day:02} is not a calendar day"
                ))
            })
    }

    pub fn year_value(&self) -> i32 {
        self.year
    }

    pub fn is_exact_day(&self) -> bool {
        self.day.is_some()
    }

    /// Whether the date was inferred ("~2026-01-19") rather than printed.
    pub fn is_approx(&self) -> bool {
        self.approx
    }

    /// The same date, marked approximate (or not).
    pub fn with_approx(mut self, approx: bool) -> Self {
        self.approx = approx;
        self
    }

    /// The first and last calendar days the date may stand for: the span it covers, widened
    /// by [`APPROX_DAYS`] either way when it is approximate. Two dates whose spans meet have
    /// no known order ("2026-01" against "2026-01-20"; "~2026-01-19" against "2026-01-21").
    pub fn uncertain_span(&self) -> (NaiveDate, NaiveDate) {
        let (first, last) = (self.first_day(), self.last_day());
        if self.approx {
            let days = chrono::Days::new(APPROX_DAYS);
            (
                first.checked_sub_days(days).unwrap_or(first),
                last.checked_add_days(days).unwrap_or(last),
            )
        } else {
            (first, last)
        }
    }

    /// Whether `self` is known to lie wholly before `other`.
    pub fn surely_before(&self, other: &PartialDate) -> bool {
        self.uncertain_span().1 < other.uncertain_span().0
    }

    /// The first calendar day the date covers.
    pub fn first_day(&self) -> NaiveDate {
        let month = self.month.unwrap_or(1) as u32;
        let day = self.day.unwrap_or(1) as u32;
        NaiveDate::from_ymd_opt(self.year, month, day).expect("validated on construction")
    }

    /// The last calendar day the date covers.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(m), None) => {
                let first = NaiveDate::from_ymd_opt(self.year, m as u32, 1).expect("validated");
                first + Months::new(1) - chrono::Days::new(1)
            }
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31).expect("validated"),
        }
    }

    /// Whether everything the date covers lies on or before `day`: a claim dated "2026-01" is
    /// only known to hold on 31 January, not on the 15th.
    pub fn known_by(&self, day: NaiveDate) -> bool {
        self.last_day() <= day
    }

    /// The same precision, `years` later. A leap day lands on 28 February (chrono's rule).
    pub fn add_years(&self, years: u32) -> Self {
        let first = add_months(self.first_day(), years.saturating_mul(12));
        Self {
            year: first.year(),
            month: self.month.map(|_| first.month() as u8),
            day: self.day.map(|_| first.day() as u8),
            approx: self.approx,
        }
    }
}

/// `day` plus `months`, held at the last day of year 9999 rather than overflowing (a term or
/// window read from a hostile file can be billions of months long).
pub fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid day");
    day.checked_add_months(Months::new(months))
        .map_or(last, |d| d.min(last))
}

fn check_year(year: i32) -> Result<(), DateError> {
    // Wide enough for any history a user tracks, narrow enough that chrono never overflows.
    if (1..=9999).contains(&year) {
        Ok(())
    } else {
        Err(DateError(format!(
            "year {year} is out of range (1 to 9999)"
        )))
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        Self {
            year: d.year(),
            month: Some(d.month() as u8),
            day: Some(d.day() as u8),
            approx: false,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approx {
            f.write_str("~")?;
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let bad = || {
            DateError(format!(
                "\"{s}\" is not a date: write 2026-01-19, 19 Jan 2026, January 19, 2026 or \
                 19.01.2026 (a month: 2026-01 or January 2026; a year: 2026; ~2026-01-19 when \
                 it is approximate)"
            ))
        };
        if let Some(rest) = s.strip_prefix('~') {
            if rest.starts_with('~') {
                return Err(bad());
            }
            return rest
                .parse::<Self>()
                .map(|d| d.with_approx(true))
                .map_err(|_| bad());
        }
        let parts: Vec<&str> = s.split('-').collect();
        let number = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let iso = || match parts.as_slice() {
            [y] => Self::year(number(y, 4)? as i32),
            [y, m] => Self::month(number(y, 4)? as i32, number(m, 2)?),
            [y, m, d] => Self::day(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?),
            _ => Err(bad()),
        };
        // The file format's form first (a large file holds a date per claim); the ways people
        // type dates ("21 Jan 2026", "21.01.2026") only when that fails.
        iso().or_else(|e| {
            crate::model::text::typed_date::read_written_date(s).ok_or(match e {
                // A calendar check of the ISO form says more than the list of forms.
                DateError(m) if m.contains("not a calendar day") || m.contains("out of range") => {
                    DateError(m)
                }
                _ => bad(),
            })
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read as a borrowed `&str` where the format allows: a large file holds a date per
        // claim, and a `String` for each would be allocated only to be parsed and dropped.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = PartialDate;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a date such as \"2026\", \"2026-01\", \"2026-01-19\" or \"~2026-01-19\"",
                )
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<PartialDate, E> {
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn adding_months_saturates_instead_of_overflowing() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        assert_eq!(
            add_months(day, 1),
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        );
        assert_eq!(add_months(day, u32::MAX).year(), 9999);
        let d: PartialDate = "2026-01".parse().unwrap();
        assert_eq!(d.add_years(u32::MAX).year_value(), 9999);
    }

    #[test]
    fn parses_and_displays_as_written() {
        for s in [
            "2026",
            "2026-01",
            "2026-01-19",
            "0999-12-31",
            "~2026-01-19",
            "~2026-01",
        ] {
            assert_eq!(d(s).to_string(), s);
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for s in [
            "",
            "26",
            "2026-1",
            "2026-13",
            "2026-02-30",
            "2026/01/19",
            "0000",
            "x-01",
            "~",
            "~~2026-01-19",
            "2026-01-19~",
        ] {
            assert!(s.parse::<PartialDate>().is_err(), "{s} parsed");
        }
    }

    #[test]
    fn orders_less_precise_first() {
        assert!(d("2026") < d("2026-01"));
        assert!(d("2026-01") < d("2026-01-01"));
        assert!(d("2025-12-31") < d("2026"));
    }

    #[test]
    fn spans_cover_the_whole_period() {
        assert_eq!(
            d("2024-02").last_day(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        assert_eq!(
            d("2022").first_day(),
            NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()
        );
        assert_eq!(
            d("2022").last_day(),
            NaiveDate::from_ymd_opt(2022, 12, 31).unwrap()
        );
        let mid_jan = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        assert!(!d("2026-01").known_by(mid_jan));
        assert!(d("2026-01-15").known_by(mid_jan));
    }

    #[test]
    fn adding_years_keeps_precision_and_handles_leap_days() {
        assert_eq!(d("2026-01-22").add_years(3), d("2029-01-22"));
        assert_eq!(d("2024-02-29").add_years(3), d("2027-02-28"));
        assert_eq!(d("2024-02-29").add_years(4), d("2028-02-29"));
        assert_eq!(d("2026-01").add_years(3), d("2029-01"));
        assert_eq!(d("2026").add_years(3), d("2029"));
    }

    #[test]
    fn approximate_and_vague_dates_have_no_order_against_days_close_to_them() {
        let jan = d("2026-01");
        assert!(!jan.surely_before(&d("2026-01-20")));
        assert!(!d("2026-01-20").surely_before(&jan));
        assert!(d("2025-12-31").surely_before(&jan));
        assert!(jan.surely_before(&d("2026-02-01")));
        let about = d("~2026-01-19");
        assert!(about.is_approx());
        assert!(!about.surely_before(&d("2026-01-21")));
        assert!(!d("2026-01-17").surely_before(&about));
        assert!(about.surely_before(&d("2026-01-23")));
        assert!(d("2026-01-15").surely_before(&about));
        // Known from its nominal day: the as-of filter does not wait for the widened span.
        assert_eq!(
            about.last_day(),
            NaiveDate::from_ymd_opt(2026, 1, 19).unwrap()
        );
    }
}
