//! Periods that end before they start: a source revised before it was
//! published, an event that ends before it begins, a relation that ends
//! before it started. Each is a typing mistake that would otherwise be
//! shown and sorted as written.

use crate::date::{DateValue, Precision};
use crate::diagnostic::Diagnostic;

use super::Document;
use super::meta::{ArticleMeta, EntityMeta};

/// `updated` not before `date`.
pub(super) fn check_article(doc: &Document<ArticleMeta>) -> Result<(), Diagnostic> {
    let Some(updated) = &doc.meta.updated else {
        return Ok(());
    };
    if !ends_before(&doc.meta.date, updated) {
        return Ok(());
    }
    Err(doc
        .file
        .error_at_value(
            "updated",
            &updated.written,
            format!(
                "`updated` ({}) is before `date` ({}): a source cannot be revised before it is published",
                updated.written, doc.meta.date.written
            ),
        )
        .with_help("`updated` is when the source itself was revised: correct the date mistyped, or leave `updated` out"))
}

/// `end` not before `date`; in each relation, `until` not before `since`.
pub(super) fn check_entity(doc: &Document<EntityMeta>) -> Result<(), Diagnostic> {
    if let (Some(start), Some(end)) = (&doc.meta.date, &doc.meta.end)
        && ends_before(start, end)
    {
        return Err(doc
            .file
            .error_at_value(
                "end",
                &end.written,
                format!(
                    "`end` ({}) is before `date` ({})",
                    end.written, start.written
                ),
            )
            .with_help(SWAPPED));
    }
    for (index, relation) in doc.meta.relations.iter().enumerate() {
        if let (Some(since), Some(until)) = (&relation.since, &relation.until)
            && ends_before(since, until)
        {
            return Err(doc
                .file
                .error_in_item(
                    "relations",
                    index,
                    "until",
                    &until.written,
                    format!(
                        "relation to `{}`: `until` ({}) is before `since` ({})",
                        relation.to, until.written, since.written
                    ),
                )
                .with_help(SWAPPED));
        }
    }
    Ok(())
}

const SWAPPED: &str = "correct the date mistyped, or swap the two";

/// Whether the period `end` is over before the period `start` begins: a
/// month or a year lasts to its last day, so `2024-06` does not end
/// before `2024-06-19`.
fn ends_before(start: &DateValue, end: &DateValue) -> bool {
    let last_day = match end.precision {
        Precision::Day => end.day,
        Precision::Month => end.day.last_of_month(),
        Precision::Year => end.day.last_of_year(),
    };
    last_day < start.day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> DateValue {
        text.parse().expect("a valid date")
    }

    #[test]
    fn a_period_lasts_to_its_last_day() {
        assert!(!ends_before(&date("2024-06-19"), &date("2024-06")));
        assert!(!ends_before(&date("2024-06-19"), &date("2024")));
        assert!(!ends_before(&date("2024-06-19"), &date("2024-06-19")));
        assert!(ends_before(&date("2024-06-19"), &date("2024-06-18")));
        assert!(ends_before(&date("2024-06-19"), &date("2024-05")));
        assert!(ends_before(&date("2024-06"), &date("2023")));
    }
}
