//! Dates as researchers write them: a day (`2024-06-19`) or an RFC 3339
//! date-time. Parsed while front matter is read, used by every later stage
//! (order, display, exports), so they live apart from both.

use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, de};

/// A date as written: `YYYY-MM-DD` or an RFC 3339 date-time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    /// The calendar day as written (for a date-time, in its own offset).
    pub day: jiff::civil::Date,
    /// The instant, for date-times.
    pub instant: Option<jiff::Timestamp>,
    /// As written, for the data exports (a date-time keeps its offset).
    pub written: String,
}

impl DateValue {
    /// `YYYY-MM-DD`.
    pub fn iso_day(&self) -> String {
        self.day.to_string()
    }
}

impl FromStr for DateValue {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let invalid =
            || format!("invalid date `{text}`: expected YYYY-MM-DD or an RFC 3339 date-time");
        if text.len() == 10 {
            let day = jiff::civil::Date::from_str(text).map_err(|_| invalid())?;
            return Ok(Self {
                day,
                instant: None,
                written: text.to_string(),
            });
        }
        let instant = jiff::Timestamp::from_str(text).map_err(|_| invalid())?;
        let day = text
            .get(..10)
            .and_then(|d| jiff::civil::Date::from_str(d).ok())
            .ok_or_else(invalid)?;
        Ok(Self {
            day,
            instant: Some(instant),
            written: text.to_string(),
        })
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

/// Dates reach the data exports as written: `2024-06-19`, or a date-time
/// with its own offset.
impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_accept_day_and_rfc3339_only() {
        assert!("2024-06-19".parse::<DateValue>().is_ok());
        let with_time: DateValue = "2024-06-19T23:30:00+09:00".parse().expect("rfc 3339");
        assert_eq!(with_time.iso_day(), "2024-06-19");
        assert!("2024-02-30".parse::<DateValue>().is_err());
        assert!("19/06/2024".parse::<DateValue>().is_err());
    }
}
