//! Dates as researchers write them: a day (`2024-06-19`), an RFC 3339
//! date-time, or, for a source known only so far, a month (`2023-03`) or a
//! year (`2023`). Parsed while front matter is read, used by every later
//! stage (order, display, exports), so they live apart from both.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, de};

/// What the accepted forms are, for error messages.
pub(crate) const ACCEPTED: &str =
    "YYYY-MM-DD, YYYY-MM, YYYY or an RFC 3339 date-time (2024-06-19T14:30:00Z)";

/// What to write instead of an invalid date.
pub(crate) const HELP: &str = "write a day (`2024-06-19`), a month (`2024-06`) or a year (`2024`), \
     or a date-time with its offset (`2024-06-19T14:30:00+02:00`)";

/// How much of a date is known. Ordered so that a year comes before its
/// months, and a month before its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Precision {
    /// `2023`.
    Year,
    /// `2023-03`.
    Month,
    /// `2023-03-14`, or a date-time.
    Day,
}

/// A date as written. The field order is the sort order: by the first day
/// of the period, then a year before a month before a day, then a day
/// alone before a time on it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct DateValue {
    /// The calendar day as written (for a date-time, in its own offset);
    /// for a month or a year, its first day.
    pub day: jiff::civil::Date,
    /// Whether the day, the month or only the year is known.
    pub precision: Precision,
    /// The instant, for date-times.
    pub instant: Option<jiff::Timestamp>,
    /// As written, for the data exports (a date-time keeps its offset).
    pub written: String,
}

impl DateValue {
    /// Whether `other` is shown as this date is: the same day, month or
    /// year (a time on the day is not shown).
    pub(crate) fn shown_alike(&self, other: &DateValue) -> bool {
        self.day == other.day && self.precision == other.precision
    }

    /// ISO 8601 at the precision written: `2024-06-19` (a date-time's
    /// day), `2023-03`, `2023`. Valid in HTML's `datetime`, sitemaps and
    /// schema.org alike.
    pub(crate) fn iso(&self) -> String {
        match self.precision {
            Precision::Year => format!("{:04}", self.day.year()),
            Precision::Month => format!("{:04}-{:02}", self.day.year(), self.day.month()),
            Precision::Day => self.day.to_string(),
        }
    }

    /// What the timeline orders by: the period, without a time of day.
    pub(crate) fn period(&self) -> (jiff::civil::Date, Precision) {
        (self.day, self.precision)
    }

    fn reduced(day: jiff::civil::Date, precision: Precision, written: &str) -> Self {
        Self {
            day,
            precision,
            instant: None,
            written: written.to_string(),
        }
    }
}

/// `YYYY` with exactly four digits.
fn year(text: &str) -> Option<i16> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl FromStr for DateValue {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let invalid = || format!("invalid date `{text}`: expected {ACCEPTED}");
        match text.len() {
            4 => {
                let y = year(text).ok_or_else(invalid)?;
                let day = jiff::civil::Date::new(y, 1, 1).map_err(|_| invalid())?;
                return Ok(Self::reduced(day, Precision::Year, text));
            }
            7 => {
                let (y, m) = text.split_once('-').ok_or_else(invalid)?;
                let y = year(y).ok_or_else(invalid)?;
                let m: i8 = (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| m.parse().ok())
                    .flatten()
                    .ok_or_else(invalid)?;
                let day = jiff::civil::Date::new(y, m, 1).map_err(|_| invalid())?;
                return Ok(Self::reduced(day, Precision::Month, text));
            }
            10 => {
                let day = jiff::civil::Date::from_str(text).map_err(|_| invalid())?;
                return Ok(Self::reduced(day, Precision::Day, text));
            }
            _ => {}
        }
        let instant = jiff::Timestamp::from_str(text).map_err(|_| invalid())?;
        let day = text
            .get(..10)
            .and_then(|d| jiff::civil::Date::from_str(d).ok())
            .ok_or_else(invalid)?;
        Ok(Self {
            day,
            precision: Precision::Day,
            instant: Some(instant),
            written: text.to_string(),
        })
    }
}

/// YAML reads `date: 2023` as a number and `date: 2023-03` as a string:
/// both are dates.
struct DateVisitor;

impl de::Visitor<'_> for DateVisitor {
    type Value = DateValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a date: {ACCEPTED}")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateValue, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<DateValue, E> {
        self.visit_str(&number.to_string())
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<DateValue, E> {
        self.visit_str(&number.to_string())
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<DateValue, E> {
        self.visit_str(&number.to_string())
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DateVisitor)
    }
}

/// Dates reach the data exports as written: `2024-06-19`, `2023-03`,
/// `2023` (a string, though YAML read a number), or a date-time with its
/// own offset.
impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_accept_day_month_year_and_rfc3339_only() {
        assert!("2024-06-19".parse::<DateValue>().is_ok());
        let with_time: DateValue = "2024-06-19T23:30:00+09:00".parse().expect("rfc 3339");
        assert_eq!(with_time.iso(), "2024-06-19");
        let month: DateValue = "2023-03".parse().expect("a month");
        assert_eq!(
            (month.iso(), month.precision),
            ("2023-03".into(), Precision::Month)
        );
        let year: DateValue = "2023".parse().expect("a year");
        assert_eq!(
            (year.iso(), year.precision),
            ("2023".into(), Precision::Year)
        );
        for bad in [
            "2024-02-30",
            "19/06/2024",
            "2023-13",
            "2023-00",
            "2023-3",
            "March 2023",
            "99",
            "20234",
        ] {
            let error = bad.parse::<DateValue>().expect_err(bad);
            assert!(error.contains("YYYY-MM, YYYY"), "{error}");
        }
    }

    #[test]
    fn a_year_comes_before_its_months_and_a_month_before_its_days() {
        let mut dates: Vec<DateValue> =
            ["2023-03-01", "2023-03", "2023-02-28", "2023", "2023-01-01"]
                .iter()
                .map(|d| d.parse().expect("valid"))
                .collect();
        dates.sort();
        let written: Vec<&str> = dates.iter().map(|d| d.written.as_str()).collect();
        assert_eq!(
            written,
            ["2023", "2023-01-01", "2023-02-28", "2023-03", "2023-03-01"]
        );
    }

    #[test]
    fn yaml_numbers_and_strings_are_dates() {
        let read = |yaml: &str| serde_yaml::from_str::<DateValue>(yaml).map(|d| d.written);
        assert_eq!(read("2023").expect("a year"), "2023");
        assert_eq!(read("2023-03").expect("a month"), "2023-03");
        assert_eq!(read("'2023'").expect("quoted"), "2023");
        assert!(read("12").is_err());
    }
}
