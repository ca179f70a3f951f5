//! `dossier import`: collected pages, web addresses and pasted text turned
//! into articles, with the original kept under `sources/`.
//!
//! Not a stage of the build: like `new`, it writes files the build then
//! reads. For each source it reads the bytes (a file, standard input, or
//! a page fetched by `fetch.rs`), decodes them in the character set they
//! declare (`charset.rs`), reads what the page says of itself (`page/`:
//! title, date, site, address, author, language, description), takes the
//! article's text from the extractor (`extract/`), refuses a duplicate of
//! an article already collected (`originals.rs`), and writes the original
//! and the article (`article.rs`), never over a file. What it did, or why
//! not, comes back as a report for each source.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

mod article;
mod charset;
mod extract;
mod fetch;
mod lang;
mod originals;
mod page;
mod report;
mod source;

pub(crate) use originals::verify as verify_originals;

use crate::diagnostic::relative_to;
use page::Found;
use report::Report;

/// What one source of `dossier import` gave.
#[derive(Debug)]
pub struct Imported {
    /// The article written, as the root joined with its path in the
    /// dossier; `None` when the source gave none.
    pub article: Option<PathBuf>,
    /// For standard error: what was written and found, or why nothing was.
    pub report: String,
}

/// What every source of a run shares.
#[derive(Debug)]
pub(crate) struct Run<'a> {
    pub root: &'a Path,
    pub draft: bool,
    pub tags: &'a [String],
    pub today: Date,
}

/// Why a source gave no article: the problem and what to do.
struct Refused {
    problem: String,
    help: String,
}

impl Refused {
    fn new(problem: impl Into<String>, help: impl Into<String>) -> Self {
        Self {
            problem: problem.into(),
            help: help.into(),
        }
    }
}

/// Imports each of `sources` in turn, handing each one's outcome to `each`
/// as soon as it is known.
pub(crate) fn import(run: &Run<'_>, sources: &[String], each: &mut dyn FnMut(Imported)) {
    extract::compile_rules_beside();
    let mut recorded = originals::recorded(run.root);
    for source in sources {
        // A panic in a page's parsing or in a library is this source's
        // error, not the end of the run.
        let outcome = catch_unwind(AssertUnwindSafe(|| import_one(run, source, &recorded)))
            .unwrap_or_else(|panic| {
                let cause = (panic.downcast_ref::<String>().map(String::as_str))
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("no message");
                Err(Refused::new(
                    format!("internal error: {cause}"),
                    "this is a bug in dossier or a library it uses: please report it, with the \
                     page or text that led to it",
                ))
            });
        let imported = match outcome {
            Ok(written) => {
                recorded.push(originals::Recorded {
                    path: relative_to(&written.article, run.root),
                    url: written.url,
                    sha256: Some(written.sha256),
                });
                Imported {
                    article: Some(written.article),
                    report: written.report,
                }
            }
            Err(refused) => Imported {
                article: None,
                report: format!(
                    "{source}: error: {}\n  = help: {}\n",
                    refused.problem, refused.help
                ),
            },
        };
        each(imported);
    }
}

/// An article written: its path, the report, and the address and digest
/// it was collected with.
struct Written {
    article: PathBuf,
    report: String,
    url: Option<String>,
    sha256: String,
}

/// Imports one source, unless the dossier has it already (`recorded`).
fn import_one(
    run: &Run<'_>,
    source: &str,
    recorded: &[originals::Recorded],
) -> Result<Written, Refused> {
    let duplicate = |c: &originals::Recorded, why: &str| {
        Refused::new(
            format!("already imported, as {} ({why})", c.path.display()),
            "edit that article; to import this source again, delete it (and its original) first",
        )
    };
    if source.starts_with("http")
        && let Some(c) = originals::duplicate(recorded, &[source], None)
    {
        return Err(duplicate(c, "the same address"));
    }
    let page = source::collect(source)?;
    let sha256 = originals::sha256(&page.bytes);
    if let Some(c) = originals::duplicate(recorded, &[], Some(&sha256)) {
        return Err(duplicate(c, "the same SHA-256"));
    }
    let decoded = charset::decode(&page.bytes, page.content_type.as_deref(), None);
    let (found, extracted) = if page.html {
        let found = page::metadata(&decoded.text, page.url.as_deref());
        let base = found.canonical.as_ref().map(|c| c.value.as_str());
        let extracted = extract::from_html(&decoded.text, base.or(page.url.as_deref()));
        (found, extracted)
    } else {
        pasted(&decoded.text)
    };
    let url = found
        .canonical
        .as_ref()
        .map(|c| c.value.clone())
        .or_else(|| page.url.clone());
    let urls: Vec<&str> = url.iter().chain(&page.asked).map(String::as_str).collect();
    if let Some(c) = originals::duplicate(recorded, &urls, None) {
        return Err(duplicate(c, "the same address"));
    }
    let extracted = extracted.map_err(|no| {
        Refused::new(
            format!("no article: {}", no.reason),
            "nothing was written; if the page does have an article, save it from the browser's \
             reader view, or paste its text: `dossier import -`",
        )
    })?;
    let report = Report::new(source, &found, &decoded, &extracted);
    let lang = found
        .lang
        .clone()
        .or_else(|| lang::guess(&extracted.markdown).map(|l| Found::new(l, "the text, guessed")));
    let site = found.site.clone().or_else(|| {
        let host = host(url.as_deref()?)?;
        Some(Found::new(host, "the address"))
    });
    let (place, fields) = fields(run, &page, &found, url.clone(), &sha256, &decoded);
    let fields = article::Fields {
        lang: lang.as_ref().map(|l| l.value.clone()),
        site: site.as_ref().map(|s| s.value.clone()),
        ..fields
    };
    let text = article::text(&fields, &extracted.markdown);
    write_both(run.root, &place, &page.bytes, &text)?;
    Ok(Written {
        report: report.finish(&place, &fields, site.as_ref(), lang.as_ref()),
        article: place.article,
        url,
        sha256,
    })
}

/// Where the article goes, and its front matter as the page gives it
/// (`lang` and the site's name are the caller's to complete).
fn fields(
    run: &Run<'_>,
    page: &source::Collected,
    found: &page::Metadata,
    url: Option<String>,
    sha256: &str,
    decoded: &charset::Decoded,
) -> (article::Place, article::Fields) {
    let value = |field: &Option<Found>| field.as_ref().map(|f| f.value.clone());
    let year = found
        .published
        .as_ref()
        .and_then(|d| d.value.get(..4)?.parse().ok())
        .unwrap_or(run.today.year());
    let title = found
        .title
        .as_ref()
        .map_or(page.name.as_str(), |t| &t.value);
    let extension = if page.html { "html" } else { "txt" };
    let place = article::place(run.root, title, &page.name, year, extension);
    let fields = article::Fields {
        title: if title.is_empty() { "Untitled" } else { title }.to_string(),
        date: value(&found.published),
        summary: value(&found.description),
        lang: value(&found.lang),
        tags: run.tags.to_vec(),
        draft: run.draft,
        site: value(&found.site),
        url,
        author: value(&found.author),
        accessed: run.today,
        original: place.original.clone(),
        sha256: sha256.to_string(),
        // The original says it itself, or check must be told.
        charset: (decoded.charset != "UTF-8" && !decoded.declared_inside)
            .then(|| decoded.charset.to_string()),
    };
    (place, fields)
}

/// Writes the original, then the article; neither over a file, and no
/// original left behind when the article cannot be written.
fn write_both(
    root: &Path,
    place: &article::Place,
    original: &[u8],
    article: &str,
) -> Result<(), Refused> {
    let cannot = |e: crate::scaffold::ScaffoldError| {
        Refused::new(
            e.to_string(),
            "nothing was written; check the folder's permissions and free space",
        )
    };
    let original_path = root.join(&place.original);
    if let Some(parent) = original_path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            Refused::new(
                format!("cannot create {}: {e}", parent.display()),
                "check the folder's permissions",
            )
        })?;
    }
    write_bytes_new(&original_path, original).map_err(|e| {
        Refused::new(
            format!("{}: cannot write: {e}", original_path.display()),
            "nothing was written; check the folder's permissions and free space",
        )
    })?;
    crate::scaffold::write_new(&place.article, article).map_err(|e| {
        let _ = std::fs::remove_file(&original_path);
        cannot(e)
    })
}

/// Writes bytes to a file that must not exist yet.
fn write_bytes_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)
}

/// Pasted text: its first line is the title, the rest the article. When
/// that line is a paragraph rather than a headline (as when the text was
/// copied without its title), it stays in the article, and the title is
/// made of its first words, which the report asks to correct.
fn pasted(
    text: &str,
) -> (
    page::Metadata,
    Result<extract::Extracted, extract::NoArticle>,
) {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    let first = lines
        .by_ref()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let rest: Vec<&str> = lines.collect();
    let first = crate::spaces::collapse(first);
    let (title, body) = if first.is_empty() || looks_like_a_headline(&first) {
        let title = (!first.is_empty()).then(|| Found::new(first, "the first line"));
        (title, rest.join("\n"))
    } else {
        let title = Found::new(
            first_words(&first, TITLE_CHARS),
            "the first words of the text, as it has no headline; write the real one",
        );
        (Some(title), text.to_string())
    };
    let metadata = page::Metadata {
        title,
        ..page::Metadata::default()
    };
    (metadata, extract::from_text(&body))
}

/// About the longest a headline runs.
const TITLE_CHARS: usize = 100;

/// A line short enough for a headline, and not a sentence of a paragraph
/// (headlines seldom end with a full stop).
fn looks_like_a_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.chars().count() <= 2 * TITLE_CHARS && !(line.ends_with('.') && words > 12)
}

/// The first sentence of `text` when it is short enough, else its first
/// words up to `max` characters, with `…`.
fn first_words(text: &str, max: usize) -> String {
    if let Some(end) = text.find(". ")
        && text[..end].chars().count() < max
    {
        return text[..end].to_string();
    }
    let mut title = String::new();
    for word in text.split_whitespace() {
        if title.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    let title = title.trim_end_matches([',', ';', ':', '«', '(', ' ']);
    format!("{title}…")
}

/// The host of an address, without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_string())
}

/// The Markdown `import` writes for a page, for the extraction benchmark.
pub(crate) fn extract_markdown(html: &str, url: Option<&str>) -> Option<String> {
    extract::from_html(html, url)
        .ok()
        .map(|found| found.markdown)
}
