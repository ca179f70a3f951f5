//! `dossier.yaml`: the site settings. Every key has a default, so the file
//! itself is optional.

use serde::{Deserialize, Deserializer, Serialize, de};

use crate::diagnostic::HELP;
use crate::extra::Extra;

/// Interface language of the built-in theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Language {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Language {
    /// The BCP 47 code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }
}

/// Which automatically found mentions become links.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Autolink {
    /// The first mention of each entity in each article.
    #[default]
    First,
    /// Every mention.
    All,
    /// None (mentions are still found and counted).
    None,
}

/// Whether names are found without their accents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Accents {
    /// `Suddeutsche` finds `Süddeutsche`, and the other way round.
    #[default]
    Optional,
    /// A name is found only with its accents as written.
    Exact,
}

/// A data file for other tools that a build can write, named in
/// `exports`. The names are those of docs/format.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Export {
    /// `data/*.csv`: the tables for a spreadsheet.
    Csv,
    /// `data/graph.gexf`, for Gephi.
    Gexf,
    /// `data/graph.graphml`, for networkx and yEd.
    Graphml,
    /// `data/entities.ftm.json`, FollowTheMoney for Aleph.
    Ftm,
    /// `data/sources.csl.json`, for Zotero.
    Csl,
    /// `data/timeline.json`, for TimelineJS.
    Timelinejs,
    /// `dossier.json`, the whole dossier as data.
    DossierJson,
    /// `annotations.jsonld`, the notes as W3C Web Annotations.
    Annotations,
}

impl Export {
    /// Every export, in the order of the Data page: a build writes them
    /// all unless `exports` says.
    pub(crate) const ALL: [Export; 8] = [
        Export::Csv,
        Export::Gexf,
        Export::Graphml,
        Export::Ftm,
        Export::Csl,
        Export::Timelinejs,
        Export::DossierJson,
        Export::Annotations,
    ];

    /// Its name in `exports`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Export::Csv => "csv",
            Export::Gexf => "gexf",
            Export::Graphml => "graphml",
            Export::Ftm => "ftm",
            Export::Csl => "csl",
            Export::Timelinejs => "timelinejs",
            Export::DossierJson => "dossier-json",
            Export::Annotations => "annotations",
        }
    }
}

/// The settings of one dossier.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Config {
    /// Site title.
    #[serde(deserialize_with = "site_title")]
    pub title: String,
    /// One line, for the home page and meta tags.
    pub description: String,
    /// Absolute URL where the site is published (may be empty).
    #[serde(deserialize_with = "checked_base_url")]
    pub base_url: String,
    /// Interface language.
    pub language: Language,
    /// Which mentions become links.
    pub autolink: Autolink,
    /// Whether names are found without their accents.
    pub accents: Accents,
    /// Where the dossier's git repository can be browsed (may be empty).
    #[serde(deserialize_with = "checked_repo_url")]
    pub repo_url: String,
    /// Who writes the notes, unless an article or a note says (may be empty).
    pub author: String,
    /// How many items a page of a paginated list holds: articles, entities,
    /// dated items of the timeline, an entity's quoted passages.
    #[serde(deserialize_with = "page_size")]
    pub paginate_by: usize,
    /// Which data files for other tools a build writes: all of them unless
    /// said, as Hugo writes every output format unless `disableKinds` says.
    #[serde(deserialize_with = "export_list")]
    pub exports: Vec<Export>,
    /// The user's own site-wide data, handed to every template as
    /// `site.extra`, as Zola's `config.extra` is.
    pub extra: Extra,
}

/// Items on a page of a paginated list, unless `paginate_by` says. Chosen
/// on the generated corpus of 100,000 articles (bench/page_weight.py): no
/// page of a list is over 80 KB (an entity's first page, 78 KB, is the
/// heaviest), well under the 200 KB aimed at, for longer summaries and
/// passages than the corpus has.
pub(crate) const PAGINATE_BY: usize = 200;

impl Config {
    /// Whether a build writes `export`.
    pub(crate) fn writes(&self, export: Export) -> bool {
        self.exports.contains(&export)
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            title: "Dossier".to_string(),
            description: String::new(),
            base_url: String::new(),
            language: Language::default(),
            autolink: Autolink::default(),
            accents: Accents::default(),
            repo_url: String::new(),
            author: String::new(),
            paginate_by: PAGINATE_BY,
            exports: Export::ALL.to_vec(),
            extra: Extra::new(),
        }
    }
}

/// Checks a `base_url`: empty, or an absolute `http(s)://` URL. Without its
/// scheme, every link made from it would be relative, and broken.
pub fn check_base_url(url: &str) -> Result<(), (String, String)> {
    check_absolute("base_url", url, "https://example.org/dossier/")
}

/// Checks a setting that must be empty or an absolute `http(s)://` URL:
/// the problem and the help, naming `key` and an `example`.
fn check_absolute(key: &str, url: &str, example: &str) -> Result<(), (String, String)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    if url.is_empty() || rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace)) {
        return Ok(());
    }
    let problem = format!("invalid `{key}` `{url}`: expected an absolute http:// or https:// URL");
    let help = if url.contains("://") || url.contains(char::is_whitespace) {
        format!("write the full address, such as `{example}`")
    } else {
        format!("write `https://{}`", url.trim_start_matches('/'))
    };
    Err((problem, help))
}

fn checked_base_url<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    checked_url(deserializer, check_base_url)
}

fn checked_repo_url<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    checked_url(deserializer, |url| {
        check_absolute("repo_url", url, "https://github.com/jdoe/dossier")
    })
}

fn checked_url<'de, D: Deserializer<'de>>(
    deserializer: D,
    check: impl Fn(&str) -> Result<(), (String, String)>,
) -> Result<String, D::Error> {
    let url = String::deserialize(deserializer)?;
    check(&url).map_err(|(problem, help)| de::Error::custom(format!("{problem}{HELP}{help}")))?;
    Ok(url)
}

/// Reads the site's `title`, refusing it blank: every page's heading and
/// window title would be empty.
fn site_title<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        Some(title) if !title.trim().is_empty() => Ok(title),
        _ => Err(de::Error::custom(format!(
            "`title` is empty{HELP}write the site's title, or remove the line to keep `Dossier`"
        ))),
    }
}

/// Reads `paginate_by`: a whole number, 1 or more. Anything else would
/// leave a list with no page, or a page with no item.
fn page_size<'de, D: Deserializer<'de>>(deserializer: D) -> Result<usize, D::Error> {
    struct PageSize;
    impl de::Visitor<'_> for PageSize {
        type Value = usize;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a whole number of items per page")
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> Result<usize, E> {
            match usize::try_from(n) {
                Ok(0) => Err(wrong_page_size("0")),
                Ok(n) => Ok(n),
                Err(_) => Err(wrong_page_size(&n.to_string())),
            }
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> Result<usize, E> {
            match u64::try_from(n) {
                Ok(n) => self.visit_u64(n),
                Err(_) => Err(wrong_page_size(&n.to_string())),
            }
        }

        fn visit_u128<E: de::Error>(self, n: u128) -> Result<usize, E> {
            Err(wrong_page_size(&n.to_string()))
        }

        fn visit_f64<E: de::Error>(self, n: f64) -> Result<usize, E> {
            Err(wrong_page_size(&n.to_string()))
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<usize, E> {
            Err(wrong_page_size(text))
        }

        fn visit_bool<E: de::Error>(self, value: bool) -> Result<usize, E> {
            Err(wrong_page_size(&value.to_string()))
        }

        fn visit_unit<E: de::Error>(self) -> Result<usize, E> {
            Err(wrong_page_size(""))
        }
    }
    deserializer.deserialize_any(PageSize)
}

/// Reads `exports`: a list, empty for none. Left blank (`exports:`), it
/// is an error rather than no export: the user may have meant all of them,
/// which is what leaving the line out gives.
fn export_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Export>, D::Error> {
    match Option::<Vec<Export>>::deserialize(deserializer)? {
        Some(exports) => Ok(exports),
        None => Err(de::Error::custom(format!(
            "`exports` is empty{HELP}list the data files to write, such as `exports: [csv, gexf]`; \
             write `exports: []` for none, or remove the line for all of them"
        ))),
    }
}

/// Why `written` is no `paginate_by`, and what to write. The key is named
/// before the message by the YAML reader.
fn wrong_page_size<E: de::Error>(written: &str) -> E {
    let problem = match written {
        "" => "is empty".to_string(),
        "0" => "0 would put no item on a page".to_string(),
        _ => format!("invalid number `{written}`: expected a whole number, 1 or more"),
    };
    E::custom(format!(
        "{problem}{HELP}write how many items a page of a list holds, such as \
         `paginate_by: {PAGINATE_BY}` (the default), or remove the line"
    ))
}
