//! The front matter `dossier new` writes: the title, and what its options
//! set (`--draft`; an article's `--date`, `--source` and `--tag`; an
//! entity's `--type` and `--alias`). Each value is checked when the
//! command line is read, by the rule the loader applies to that key, so
//! that the file written loads; and an option the kind of file has no
//! place for is refused rather than dropped.

use std::fmt::Write as _;
use std::str::FromStr;

use jiff::civil::Date;

use super::NewFile;
use crate::date::{self, DateValue};
use crate::diagnostic::HELP;
use crate::load::{meta, yaml};

/// What `dossier new` writes besides the title.
#[derive(Debug, Clone, Default)]
pub struct NewOptions {
    /// `draft: true` (articles and pages).
    pub draft: bool,
    /// An article's `date` (default: today), whose year is its folder's.
    pub date: Option<NewDate>,
    /// An article's `source.url`.
    pub source: Option<SourceUrl>,
    /// An article's `tags`.
    pub tags: Vec<NewTag>,
    /// An entity's `type` (default: `person`).
    pub entity_type: Option<EntityType>,
    /// An entity's `aliases`.
    pub aliases: Vec<NewAlias>,
}

impl NewOptions {
    /// Why these options do not fit a file of `kind`: the first option
    /// given that it has no place for, and what to do. None when all fit.
    pub fn misplaced(&self, kind: NewFile) -> Option<String> {
        use NewFile::{Article, Entity};
        if self.draft && kind == Entity {
            return Some("an entity cannot be a draft: leave out --draft".to_string());
        }
        let given = [
            ("--date", self.date.is_some(), Article),
            ("--source", self.source.is_some(), Article),
            ("--tag", !self.tags.is_empty(), Article),
            ("--type", self.entity_type.is_some(), Entity),
            ("--alias", !self.aliases.is_empty(), Entity),
        ];
        let (flag, _, fits) = given
            .into_iter()
            .find(|&(_, given, fits)| given && fits != kind)?;
        Some(format!(
            "{flag} is for `dossier new {}`, not for {}: leave it out",
            fits.word(),
            match kind {
                Article => "an article",
                Entity => "an entity",
                NewFile::Page => "a page",
            }
        ))
    }

    /// The year of the article's date: its folder under `articles/`.
    pub(super) fn year(&self, today: Date) -> i16 {
        self.date.as_ref().map_or(today, |d| d.0.day).year()
    }
}

/// The error of a command-line value: the loader's message with its help
/// on a line of its own, as every diagnostic shows it.
fn refused(message: &str) -> String {
    message.replacen(HELP, "\n  = help: ", 1)
}

/// The value of an option, trimmed as YAML trims a plain value; refused
/// when blank.
fn given<'a>(text: &'a str, what: &str) -> Result<&'a str, String> {
    match text.trim() {
        "" => Err(format!("{what} is empty")),
        text => Ok(text),
    }
}

/// `--date`: a date as the loader reads one (a day, a month, a year or an
/// RFC 3339 date-time).
#[derive(Debug, Clone)]
pub struct NewDate(DateValue);

impl FromStr for NewDate {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = given(text, "the date")?;
        DateValue::from_str(text)
            .map(NewDate)
            .map_err(|message| format!("{message}\n  = help: {}", date::HELP))
    }
}

/// Declares the text of an option, refused when blank (naming it `what`)
/// or when `check` says so: its message, then [`HELP`] and its help.
macro_rules! checked_option {
    ($(#[$doc:meta])* $name:ident, $what:literal, $check:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(String);

        impl FromStr for $name {
            type Err = String;

            fn from_str(text: &str) -> Result<Self, String> {
                let text = given(text, $what)?;
                let check: fn(&str) -> Result<(), String> = $check;
                check(text).map_err(|message| refused(&message))?;
                Ok(Self(text.to_string()))
            }
        }
    };
}

checked_option!(
    /// `--source`: an absolute `http(s)` address, as `source.url` must be.
    SourceUrl,
    "the address",
    meta::check_url
);
checked_option!(
    /// `--tag`: a tag with a letter or digit to make its page's address from.
    NewTag,
    "the tag",
    |text| {
        if slug::slugify(text).is_empty() {
            return Err(format!(
                "the tag `{text}` has no letter or digit to make its page's address from\
                 {HELP}write a word, such as `--tag Sanctions`"
            ));
        }
        Ok(())
    }
);
checked_option!(
    /// `--type`: an entity's type, a lowercase word.
    EntityType,
    "the type",
    meta::check_word
);
checked_option!(
    /// `--alias`: another name of an entity, its endings in parentheses if
    /// any (`Путин(|а|у)`), read as the alias table reads them.
    NewAlias,
    "the alias",
    |text| {
        crate::mentions::expand(text).map(drop).map_err(|message| {
            format!(
                "{message}{HELP}endings go in parentheses after the stem, separated by `|`, \
                 an empty one for no ending: `Путин(|а|у|ым|е)`"
            )
        })
    }
);

impl From<NewTag> for String {
    fn from(tag: NewTag) -> String {
        tag.0
    }
}

/// Today's `date:` comment-free line, or the one asked for.
fn date_line(options: &NewOptions, today: Date) -> String {
    match &options.date {
        Some(date) => date.0.written.clone(),
        None => today.to_string(),
    }
}

/// `key:` and one `- item` a line, each quoted for YAML where needed.
fn list(out: &mut String, key: &str, items: impl Iterator<Item = String>) {
    let _ = writeln!(out, "{key}:");
    for item in items {
        let _ = writeln!(out, "  - {}", yaml::scalar(&item));
    }
}

/// The text of a new file: front matter only, the body left to the user.
/// What is not set is left as a comment, a reminder of what can be.
pub(super) fn front_matter(
    kind: NewFile,
    title: &str,
    options: &NewOptions,
    today: Date,
) -> String {
    let title = yaml::scalar(title);
    let mut out = String::from("---\n");
    match kind {
        NewFile::Article => {
            let _ = writeln!(out, "title: {title}");
            let _ = writeln!(out, "date: {}", date_line(options, today));
            draft(&mut out, options);
            out.push_str("# summary: One paragraph on what the article says.\n");
            match &options.source {
                Some(url) => {
                    let _ = writeln!(out, "source:\n  url: {}", yaml::scalar(&url.0));
                }
                None => {
                    let _ = writeln!(
                        out,
                        "# source: {{name: Example News, url: \"https://news.example.org/…\", accessed: {today}}}"
                    );
                }
            }
            if options.tags.is_empty() {
                out.push_str("# tags: []\n");
            } else {
                list(&mut out, "tags", options.tags.iter().map(|t| t.0.clone()));
            }
            out.push_str("# entities: []\n");
        }
        NewFile::Entity => {
            let _ = writeln!(out, "name: {title}");
            match &options.entity_type {
                Some(word) => {
                    let _ = writeln!(out, "type: {}", word.0);
                }
                None => out.push_str(
                    "type: person  # or organization, country, place, event, document, or a lowercase word of your own\n",
                ),
            }
            if options.aliases.is_empty() {
                out.push_str(
                    "aliases: []   # other names to find in the articles: [Putin, Путин]\n",
                );
            } else {
                list(
                    &mut out,
                    "aliases",
                    options.aliases.iter().map(|a| a.0.clone()),
                );
            }
            out.push_str("# summary: One line.\n");
        }
        NewFile::Page => {
            let _ = writeln!(out, "title: {title}");
            draft(&mut out, options);
        }
    }
    out.push_str("---\n");
    out
}

fn draft(out: &mut String, options: &NewOptions) {
    if options.draft {
        out.push_str(
            "draft: true  # `dossier serve` and `build --drafts` show it; delete this line to publish it\n",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::meta::{ArticleMeta, EntityMeta, PageMeta};

    const DAY: Date = jiff::civil::date(2026, 3, 9);

    fn yaml_of(text: &str) -> &str {
        let split = crate::load::front_matter::split(text).expect("front matter");
        &text[split.yaml]
    }

    #[test]
    fn front_matter_reads_back_with_awkward_titles() {
        let draft = NewOptions {
            draft: true,
            ..NewOptions::default()
        };
        for title in ["L'accord : \"historique\"", "# yes", "- null: [x]"] {
            for options in [&NewOptions::default(), &draft] {
                let text = front_matter(NewFile::Article, title, options, DAY);
                let meta: ArticleMeta = serde_yaml::from_str(yaml_of(&text)).expect("article");
                assert_eq!(meta.title, title);
                assert_eq!(meta.date.day, DAY);
                assert_eq!(meta.draft, options.draft);
            }
            let text = front_matter(NewFile::Entity, title, &NewOptions::default(), DAY);
            let meta: EntityMeta = serde_yaml::from_str(yaml_of(&text)).expect("entity");
            assert_eq!(
                (meta.name.as_str(), meta.kind.0.as_str()),
                (title, "person")
            );
            let text = front_matter(NewFile::Page, title, &draft, DAY);
            let meta: PageMeta = serde_yaml::from_str(yaml_of(&text)).expect("page");
            assert_eq!(meta.title, title);
            assert!(meta.draft);
        }
    }

    #[test]
    fn what_the_options_set_reads_back_with_awkward_values() {
        let options = NewOptions {
            date: Some("2023-03".parse().expect("a month")),
            source: Some("https://example.org/a?b=c#d".parse().expect("an address")),
            tags: ["Corée, du Nord", "- x", "# y", "yes"]
                .iter()
                .map(|t| t.parse().expect("a tag"))
                .collect(),
            ..NewOptions::default()
        };
        let text = front_matter(NewFile::Article, "A", &options, DAY);
        let meta: ArticleMeta = serde_yaml::from_str(yaml_of(&text)).expect("article");
        assert_eq!(meta.date.iso(), "2023-03");
        assert_eq!(options.year(DAY), 2023);
        let url = meta.source.expect("source").url.expect("url");
        assert_eq!(url.0, "https://example.org/a?b=c#d");
        assert_eq!(meta.tags, ["Corée, du Nord", "- x", "# y", "yes"]);

        let options = NewOptions {
            entity_type: Some(" organization ".parse().expect("a type")),
            aliases: ["Путин(|а|у)", "a: b", "[x]"]
                .iter()
                .map(|a| a.parse().expect("an alias"))
                .collect(),
            ..NewOptions::default()
        };
        let text = front_matter(NewFile::Entity, "E", &options, DAY);
        let meta: EntityMeta = serde_yaml::from_str(yaml_of(&text)).expect("entity");
        assert_eq!(meta.kind.0, "organization");
        assert_eq!(meta.aliases, ["Путин(|а|у)", "a: b", "[x]"]);
    }

    #[test]
    fn values_the_loader_would_refuse_are_refused() {
        for (error, says) in [
            (
                "2024-13-01".parse::<NewDate>().err(),
                "invalid date `2024-13-01`",
            ),
            ("June 2024".parse::<NewDate>().err(), "= help: write a day"),
            ("javascript:x".parse::<SourceUrl>().err(), "invalid URL"),
            (
                "news.example.org/a".parse::<SourceUrl>().err(),
                "write `https://news.example.org/a`",
            ),
            ("!!!".parse::<NewTag>().err(), "no letter or digit"),
            (" ".parse::<NewTag>().err(), "the tag is empty"),
            (
                "Organization".parse::<EntityType>().err(),
                "write `organization`",
            ),
            (
                "Путин(|а".parse::<NewAlias>().err(),
                "= help: endings go in parentheses",
            ),
        ] {
            let error = error.expect(says);
            assert!(error.contains(says), "{error}");
            assert!(!error.contains(HELP), "{error}");
        }
    }

    #[test]
    fn options_a_kind_has_no_place_for_are_named() {
        let tagged = NewOptions {
            tags: vec!["x".parse().expect("a tag")],
            ..NewOptions::default()
        };
        assert_eq!(tagged.misplaced(NewFile::Article), None);
        assert_eq!(
            tagged.misplaced(NewFile::Page).as_deref(),
            Some("--tag is for `dossier new article`, not for a page: leave it out")
        );
        let typed = NewOptions {
            entity_type: Some("place".parse().expect("a type")),
            ..NewOptions::default()
        };
        assert_eq!(typed.misplaced(NewFile::Entity), None);
        assert!(
            typed
                .misplaced(NewFile::Article)
                .is_some_and(|m| m.starts_with("--type"))
        );
        let draft = NewOptions {
            draft: true,
            ..NewOptions::default()
        };
        assert_eq!(draft.misplaced(NewFile::Page), None);
        assert!(draft.misplaced(NewFile::Entity).is_some());
    }
}
