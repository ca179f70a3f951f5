//! Text that must say something. serde takes `title:`, `title: ""` and a
//! list item `- ` that holds only a comment for text like any other, and
//! the site would show an empty heading or drop a name; these readers
//! refuse them while the front matter is read. Their errors carry no
//! position: serde_yaml places them at the start of the enclosing map or
//! list, and `yaml.rs` finds the key or the item from there by the words
//! of the message (`` `title` is empty ``, `item 2 is empty`).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};

use crate::diagnostic::HELP;

/// Declares a reader of required text under `key`, and what to write.
macro_rules! required {
    ($($name:ident: $key:literal, $help:literal;)*) => {$(
        #[doc = concat!("Reads `", $key, "`, refusing it blank or null.")]
        pub(crate) fn $name<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
            required(deserializer, $key, $help)
        }
    )*};
}

required! {
    title: "title", "write the title";
    name: "name", "write the name";
    quote: "quote", "write the passage the note is about, as the reader sees it";
    note: "note", "write the note";
    to: "to", "write the id of the entity the relation goes to";
}

fn required<'de, D: Deserializer<'de>>(
    deserializer: D,
    key: &str,
    help: &str,
) -> Result<String, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        Some(text) if !text.trim().is_empty() => Ok(text),
        _ => Err(de::Error::custom(format!("`{key}` is empty{HELP}{help}"))),
    }
}

/// Reads a list of text, refusing an item blank or null.
pub(crate) fn list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    deserializer.deserialize_seq(ListOfText)
}

struct ListOfText;

impl<'de> Visitor<'de> for ListOfText {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Vec<String>, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = items.next_element::<Option<String>>()? {
            match item {
                Some(text) if !text.trim().is_empty() => list.push(text),
                _ => {
                    return Err(de::Error::custom(format!(
                        "item {} is empty{HELP}remove it, or write its text",
                        list.len() + 1
                    )));
                }
            }
        }
        Ok(list)
    }
}

/// Reads the home page's `title`: none when absent or null (the site's
/// title is shown), but refused when written blank.
pub(crate) fn home_title<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        Some(text) if text.trim().is_empty() => Err(de::Error::custom(format!(
            "`title` is empty{HELP}write the title, or remove the line to use the site's `title`"
        ))),
        title => Ok(title),
    }
}
