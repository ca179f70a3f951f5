//! Publication dates as pages write them (`2024-06-19T08:00:00+02:00`,
//! `2024/06/19`, `Wed, 19 Jun 2024 08:00:00 GMT`, an address with
//! `/2024/06/19/`) made dates as dossier writes them. Placeholders that
//! content systems print for "no date" (`0001-01-01`, the Unix epoch) and
//! dates after tomorrow are not dates.

use jiff::civil::Date;

/// The day a date-time or date in `text` names, as `2024-06-19`.
pub(crate) fn date_in_text(text: &str) -> Option<String> {
    let text = text.trim();
    let digits: Vec<&str> = text
        .get(..10)
        .map(|head| head.split(['-', '/', '.']).collect())
        .unwrap_or_default();
    if let [year, month, day] = digits[..]
        && year.len() == 4
        && month.len() == 2
        && day.len() == 2
    {
        return day_of(year, month, day);
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(text) {
        return plausible(zoned.date()).map(|d| d.to_string());
    }
    None
}

/// The date an address gives in its path: `/2024/06/19/`, `/2024-06-19-…`
/// or `/20240619/` as a day, `/2024/06/` as a month (`2024-06`).
pub(crate) fn date_in_url(url: &str) -> Option<String> {
    let after_host = url.split("://").nth(1).unwrap_or(url);
    let path = after_host
        .split_once('/')
        .map_or("", |(_, path)| path)
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    let segments: Vec<&str> = path.split('/').collect();
    for (index, segment) in segments.iter().enumerate() {
        if let Some(day) = segment.get(..10).and_then(date_in_text) {
            return Some(day);
        }
        if segment.len() == 8
            && segment.bytes().all(|b| b.is_ascii_digit())
            && let Some(day) = day_of(&segment[..4], &segment[4..6], &segment[6..])
        {
            return Some(day);
        }
        let numbers = |i: usize, len: usize| {
            segments
                .get(i)
                .filter(|s| s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        };
        let (Some(year), Some(month)) = (numbers(index, 4), numbers(index + 1, 2)) else {
            continue;
        };
        if let Some(day) = numbers(index + 2, 2)
            && let Some(found) = day_of(year, month, day)
        {
            return Some(found);
        }
        if let Some(first) = day_of(year, month, "01") {
            return Some(first[..7].to_string());
        }
    }
    None
}

/// `year-month-day` when it is a real, plausible date.
fn day_of(year: &str, month: &str, day: &str) -> Option<String> {
    let date = Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()?;
    plausible(date).map(|d| d.to_string())
}

/// `date`, unless it is a placeholder or after tomorrow.
fn plausible(date: Date) -> Option<Date> {
    let tomorrow = crate::scaffold::today().tomorrow().ok()?;
    let epoch = jiff::civil::date(1970, 1, 1);
    (date.year() >= 1800 && date != epoch && date <= tomorrow).then_some(date)
}
