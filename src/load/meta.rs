//! Typed front matter: what each kind of file may say, validated while it is
//! parsed so that a bad value is reported at its own line and column.
//!
//! Every struct denies unknown keys; custom data goes under `extra`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, de};

use crate::date::DateValue;

pub(crate) use super::extra::Extra;

/// Front matter of an article.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticleMeta {
    pub title: String,
    pub date: DateValue,
    /// When the source itself was revised, as it says.
    pub updated: Option<DateValue>,
    pub slug: Option<Slug>,
    pub summary: Option<String>,
    /// Boxed: the largest field by far, it would make an article's front
    /// matter much larger than an entity's in load's per-file enums.
    pub source: Option<Box<SourceMeta>>,
    pub lang: Option<LanguageTag>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub annotations: Vec<AnnotationMeta>,
    /// Who wrote this article's notes, unless a note says.
    pub annotations_author: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub not_mentions: Vec<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub extra: Extra,
}

/// Where an article comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceMeta {
    pub name: Option<String>,
    pub url: Option<Url>,
    pub author: Option<String>,
    pub published: Option<DateValue>,
    pub archive: Option<Url>,
    pub accessed: Option<DateValue>,
}

/// A researcher's note on a quoted passage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnnotationMeta {
    pub quote: String,
    pub note: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub author: Option<String>,
    pub created: Option<DateValue>,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Front matter of an entity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityMeta {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: Word,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub not_mentions: Vec<String>,
    pub summary: Option<String>,
    pub wikidata: Option<WikidataId>,
    #[serde(default)]
    pub links: Vec<Url>,
    pub date: Option<DateValue>,
    pub end: Option<DateValue>,
    #[serde(default)]
    pub relations: Vec<RelationMeta>,
    #[serde(default)]
    pub extra: Extra,
}

/// A typed link from one entity to another.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RelationMeta {
    pub to: String,
    #[serde(rename = "type")]
    pub kind: Word,
    pub since: Option<DateValue>,
    pub until: Option<DateValue>,
    pub source: Option<String>,
    pub note: Option<String>,
}

/// Front matter of a free page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PageMeta {
    pub title: String,
    pub slug: Option<Slug>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub extra: Extra,
}

/// Front matter of `content/_index.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HomeMeta {
    pub title: Option<String>,
    /// Accepted (and checked) so that the home text may share its front
    /// matter with a page, but the home page has no slug: the docs say so.
    #[allow(dead_code)]
    pub slug: Option<Slug>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub extra: Extra,
}

/// Declares a string newtype validated while it is parsed.
macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub(crate) struct $name(pub(crate) String);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                let check: fn(&str) -> Result<(), String> = $check;
                check(&text).map_err(de::Error::custom)?;
                Ok(Self(text))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

checked_string!(
    /// A URL path segment: `[a-z0-9-]+`, so it can never leave the output folder.
    Slug,
    check_slug
);
checked_string!(
    /// A lowercase word (entity and relation types): letters, digits, `-`.
    Word,
    |text| {
        let ok = !text.is_empty()
            && text
                .chars()
                .all(|c| c == '-' || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_uppercase()));
        if ok {
            Ok(())
        } else {
            Err(format!("invalid type `{text}`: expected a lowercase word such as `person`"))
        }
    }
);
checked_string!(
    /// A Wikidata item id: `Q` followed by digits.
    WikidataId,
    |text| {
        let digits = text.strip_prefix('Q').unwrap_or("");
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            Ok(())
        } else {
            Err(format!("invalid Wikidata id `{text}`: expected `Q` and digits, such as `Q7747`"))
        }
    }
);
checked_string!(
    /// An absolute `http` or `https` URL; other schemes (`javascript:`) are refused.
    Url,
    |text| {
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .unwrap_or("");
        if rest.is_empty() || text.chars().any(char::is_whitespace) {
            Err(format!("invalid URL `{text}`: expected an absolute http:// or https:// URL"))
        } else {
            Ok(())
        }
    }
);
checked_string!(
    /// A BCP 47 language tag such as `fr` or `en-GB`.
    LanguageTag,
    |text| {
        let ok = !text.is_empty()
            && text.split('-').all(|part| {
                (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if ok {
            Ok(())
        } else {
            Err(format!("invalid language tag `{text}`: expected a BCP 47 code such as `fr` or `en-GB`"))
        }
    }
);

/// Checks a slug: non-empty, `[a-z0-9-]` only.
pub(crate) fn check_slug(text: &str) -> Result<(), String> {
    if !text.is_empty()
        && text
            .bytes()
            .all(|b| b == b'-' || b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        Ok(())
    } else {
        Err(format!(
            "invalid slug `{text}`: expected lowercase letters, digits and `-` only (such as `{}`)",
            slug::slugify(text)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_cannot_leave_the_output() {
        assert!(check_slug("traite-2024").is_ok());
        for bad in ["../../etc", "", "Traité", "a/b", "a b"] {
            assert!(check_slug(bad).is_err(), "{bad}");
        }
    }
}
