//! Typed front matter: what each kind of file may say, validated while it is
//! parsed so that a bad value is reported at its own line and column.
//!
//! Every struct denies unknown keys; custom data goes under `extra`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, de};

use crate::date::DateValue;

use super::text;
use crate::diagnostic::HELP;
use crate::extra::Extra;

/// Front matter of an article.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ArticleMeta {
    #[serde(deserialize_with = "text::title")]
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
    #[serde(default, deserialize_with = "text::list")]
    pub tags: Vec<String>,
    #[serde(default, deserialize_with = "text::list")]
    pub entities: Vec<String>,
    /// The notes, under `annotations:` (the W3C's word for them).
    #[serde(default, rename = "annotations")]
    pub notes: Vec<NoteMeta>,
    /// Who wrote this article's notes, unless a note says.
    pub annotations_author: Option<String>,
    /// The article's old URL paths, `aliases:` as Hugo and Zola call
    /// them (an entity's `aliases` are its other names).
    #[serde(default, rename = "aliases", deserialize_with = "text::list")]
    pub old_paths: Vec<String>,
    #[serde(default, deserialize_with = "text::list")]
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
    /// The page or text as collected, kept under `sources/`.
    pub original: Option<OriginalPath>,
    /// The SHA-256 of the original's bytes, which `check` verifies.
    pub sha256: Option<Sha256>,
    /// The character set the original is read in, when not UTF-8 and not
    /// declared inside it (a page whose server's header said so).
    pub charset: Option<Charset>,
}

/// A researcher's note on a quoted passage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoteMeta {
    #[serde(deserialize_with = "text::quote")]
    pub quote: String,
    #[serde(deserialize_with = "text::note")]
    pub note: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub author: Option<String>,
    pub created: Option<DateValue>,
    #[serde(default, deserialize_with = "text::list")]
    pub entities: Vec<String>,
    #[serde(default, deserialize_with = "text::list")]
    pub tags: Vec<String>,
}

/// Front matter of an entity.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityMeta {
    #[serde(deserialize_with = "text::name")]
    pub name: String,
    #[serde(rename = "type")]
    pub kind: Word,
    #[serde(default, deserialize_with = "text::list")]
    pub aliases: Vec<String>,
    #[serde(default, deserialize_with = "text::list")]
    pub adjectives: Vec<String>,
    #[serde(default, deserialize_with = "text::list")]
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
    #[serde(deserialize_with = "text::to")]
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
    #[serde(deserialize_with = "text::title")]
    pub title: String,
    pub slug: Option<Slug>,
    /// Its place in the menu: lower first, as Hugo's and Zola's `weight`.
    #[serde(default, deserialize_with = "weight")]
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub extra: Extra,
}

/// Reads a page's `weight`: a whole number. A decimal or a word would
/// leave the menu's order to a guess.
fn weight<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    struct Weight;
    impl de::Visitor<'_> for Weight {
        type Value = Option<i64>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number")
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
            Ok(Some(n))
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
            i64::try_from(n)
                .map(Some)
                .map_err(|_| wrong_weight(&n.to_string()))
        }

        fn visit_u128<E: de::Error>(self, n: u128) -> Result<Self::Value, E> {
            Err(wrong_weight(&n.to_string()))
        }

        fn visit_i128<E: de::Error>(self, n: i128) -> Result<Self::Value, E> {
            Err(wrong_weight(&n.to_string()))
        }

        fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
            Err(wrong_weight(&n.to_string()))
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Err(wrong_weight(text))
        }

        fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
            Err(wrong_weight(&value.to_string()))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(E::custom(format!("is empty{HELP}{WEIGHT_HELP}")))
        }
    }
    deserializer.deserialize_any(Weight)
}

const WEIGHT_HELP: &str = "write a whole number, such as `weight: 1`: pages with a lower weight \
     come first in the menu, those without one last; or remove the line";

fn wrong_weight<E: de::Error>(written: &str) -> E {
    E::custom(format!(
        "invalid number `{written}`: expected a whole number{HELP}{WEIGHT_HELP}"
    ))
}

/// Front matter of `content/_index.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HomeMeta {
    #[serde(default, deserialize_with = "text::home_title")]
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

/// Declares a string newtype validated while it is parsed: within the
/// parser's reading of the scalar, so that an error has the value's own
/// line, column and key.
macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $check:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub(crate) struct $name(pub(crate) String);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(Checked($check)).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

/// Reads a scalar as text and checks it: the error, if any, is the
/// check's message, with its help after [`HELP`].
struct Checked(fn(&str) -> Result<(), String>);

impl de::Visitor<'_> for Checked {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        (self.0)(text).map_err(E::custom)?;
        Ok(text.to_string())
    }
}

/// The message for an empty value, which `yaml.rs` shows with its key.
fn empty(help: &str) -> String {
    format!("is empty{HELP}{help}")
}

checked_string!(
    /// A URL path segment: `[a-z0-9-]+`, so it can never leave the output folder.
    Slug,
    |text| {
        if text.is_empty() {
            return Err(empty(
                "remove the line to use the file name, or write a slug such as `my-article`",
            ));
        }
        check_slug(text).map_err(|message| {
            let fixed = slug::slugify(text);
            if fixed.is_empty() {
                format!("{message}{HELP}write lowercase letters and digits, such as `my-article`")
            } else {
                format!("{message}{HELP}write `{fixed}`")
            }
        })
    }
);
checked_string!(
    /// A lowercase word (entity and relation types): letters, digits, `-`.
    Word,
    check_word
);

/// Checks a type word: the error's message, then [`HELP`] and its help.
/// `new entity --type` checks its value with it too.
pub(crate) fn check_word(text: &str) -> Result<(), String> {
    let is_word = |text: &str| {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c == '-' || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_uppercase()))
    };
    if text.trim().is_empty() {
        return Err(empty("write a lowercase word such as `person`"));
    }
    if is_word(text) {
        return Ok(());
    }
    let fixed = text.trim().to_lowercase().replace([' ', '_'], "-");
    let help = if is_word(&fixed) {
        format!("types are lowercase words: write `{fixed}`")
    } else {
        "write a lowercase word of letters, digits and `-`, such as `person`".to_string()
    };
    Err(format!(
        "invalid type `{text}`: expected a lowercase word such as `person`{HELP}{help}"
    ))
}

checked_string!(
    /// A Wikidata item id: `Q` followed by digits.
    WikidataId,
    |text| {
        let is_id = |text: &str| {
            let digits = text.strip_prefix('Q').unwrap_or("");
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
        };
        if text.trim().is_empty() {
            return Err(empty("remove the line, or write an id such as `Q7747`"));
        }
        if is_id(text) {
            return Ok(());
        }
        // `q7747`, ` Q7747`, or the item's address.
        let last = text.trim().rsplit('/').next().unwrap_or_default();
        let fixed = format!("Q{}", last.trim_start_matches(['q', 'Q']));
        let help = if is_id(&fixed) {
            format!("write `{fixed}`")
        } else {
            "write the id the item's Wikidata page shows, such as `Q7747`".to_string()
        };
        Err(format!(
            "invalid Wikidata id `{text}`: expected `Q` and digits, such as `Q7747`{HELP}{help}"
        ))
    }
);
checked_string!(
    /// An absolute `http` or `https` URL; other schemes (`javascript:`) are refused.
    Url,
    check_url
);

/// Checks a URL: the error's message, then [`HELP`] and its help.
/// `new article --source` checks its value with it too.
pub(crate) fn check_url(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(empty(
            "remove it, or write the address, starting with `https://`",
        ));
    }
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .unwrap_or("");
    if !rest.is_empty() && !text.chars().any(char::is_whitespace) {
        return Ok(());
    }
    let trimmed = text.trim();
    let help = if !trimmed.contains(':') && !trimmed.contains(char::is_whitespace) {
        format!("write `https://{}`", trimmed.trim_start_matches('/'))
    } else {
        "write the whole address, starting with `https://`, without spaces".to_string()
    };
    Err(format!(
        "invalid URL `{text}`: expected an absolute http:// or https:// URL{HELP}{help}"
    ))
}

checked_string!(
    /// A BCP 47 language tag such as `fr` or `en-GB`.
    LanguageTag,
    |text| {
        if text.trim().is_empty() {
            return Err(empty(
                "remove the line to use the site's `language`, or write a code such as `fr`",
            ));
        }
        let ok = text.split('-').all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if ok {
            Ok(())
        } else {
            Err(format!(
                "invalid language tag `{text}`: expected a BCP 47 code such as `fr` or `en-GB`\
                 {HELP}write a language code: `fr`, `en`, `en-GB`, `zh-Hant`"
            ))
        }
    }
);

checked_string!(
    /// A file under the dossier's `sources/` folder, as a relative path
    /// with `/`: never outside it.
    OriginalPath,
    |text| {
        let inside = text.strip_prefix("sources/").is_some_and(|rest| {
            !rest.is_empty()
                && !rest.contains('\\')
                && rest.split('/').all(|part| !matches!(part, "" | "." | ".."))
        });
        if inside {
            Ok(())
        } else {
            Err(format!(
                "invalid original `{text}`: expected a file under `sources/`, such as \
                 `sources/2024/treaty.html`{HELP}write the path from the dossier's folder, with \
                 `/`, starting with `sources/`"
            ))
        }
    }
);
checked_string!(
    /// A SHA-256 digest in lowercase hexadecimal.
    Sha256,
    |text| {
        if text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            Ok(())
        } else {
            Err(format!(
                "invalid SHA-256 `{text}`: expected 64 lowercase hexadecimal digits{HELP}write \
                 what `sha256sum FILE` prints for the original, or remove the line"
            ))
        }
    }
);
checked_string!(
    /// A character set's name, as browsers know them (`windows-1252`).
    Charset,
    |text| {
        if encoding_rs::Encoding::for_label(text.trim().as_bytes()).is_some() {
            Ok(())
        } else {
            Err(format!(
                "unknown character set `{text}`{HELP}write one such as `windows-1252`, \
                 `iso-8859-1` or `utf-8`, or remove the line"
            ))
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
