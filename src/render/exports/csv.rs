//! The CSV tables: articles, entities, mentions, relations and notes, one
//! row each, as RFC 4180 says (UTF-8, a header row, CRLF line ends, a field
//! quoted when it holds a comma, a quote or a line end).
//!
//! Written by hand rather than with the `csv` crate: quoting is a dozen
//! lines, and the guard against formula injection (below) is ours anyway.
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! gets a `'` in front, as OWASP advises, so that a spreadsheet shows the
//! text instead of running it as a formula.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::date::DateValue;
use crate::ids::{ArticleId, EntityId};
use crate::paths;
use crate::render::graph::mention_counts;
use crate::render::views::Views;

use super::site_base;

/// A table being written, row by row: `mentions.csv` is hundreds of
/// megabytes at 100,000 articles.
struct Table<'a> {
    out: &'a mut dyn Write,
    /// The row being made.
    line: Vec<u8>,
}

impl<'a> Table<'a> {
    fn new(out: &'a mut dyn Write, header: &[&str]) -> io::Result<Self> {
        let mut table = Table {
            out,
            line: Vec::new(),
        };
        table.row(header)?;
        Ok(table)
    }

    fn row(&mut self, cells: impl IntoIterator<Item = impl AsRef<str>>) -> io::Result<()> {
        self.line.clear();
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.line.push(b',');
            }
            push_field(&mut self.line, cell.as_ref());
        }
        self.line.extend_from_slice(b"\r\n");
        self.out.write_all(&self.line)
    }
}

/// Appends one cell, guarded against formulas and quoted when it must be.
fn push_field(line: &mut Vec<u8>, cell: &str) {
    // Bytes, not characters: the four are ASCII, and a char pattern
    // decoded every character of every passage.
    let quoted = (cell.bytes()).any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
    if quoted {
        line.push(b'"');
    }
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        line.push(b'\'');
    }
    if quoted {
        for (i, part) in cell.split('"').enumerate() {
            if i > 0 {
                line.extend_from_slice(b"\"\"");
            }
            line.extend_from_slice(part.as_bytes());
        }
        line.push(b'"');
    } else {
        line.extend_from_slice(cell.as_bytes());
    }
}

/// A date as ISO 8601 at its precision, or an empty cell.
fn date(value: Option<&DateValue>) -> String {
    value.map(DateValue::iso).unwrap_or_default()
}

/// A list in one cell, as `a; b`.
fn joined<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join("; ")
}

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_string()
}

/// `data/articles.csv`.
pub(crate) fn articles(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let dossier = views.dossier;
    let base = site_base(views);
    let mut table = Table::new(
        out,
        &[
            "slug",
            "title",
            "date",
            "updated",
            "summary",
            "source_name",
            "source_author",
            "source_url",
            "source_published",
            "source_accessed",
            "source_archive",
            "language",
            "tags",
            "entities",
            "mentions",
            "notes",
            "draft",
            "page",
        ],
    )?;
    for (id, article) in dossier.articles.iter().enumerate() {
        let source = article.source.as_ref();
        table.row([
            article.slug.clone(),
            article.title.clone(),
            article.date.iso(),
            date(article.updated.as_ref()),
            views.summary_text(ArticleId(id)).unwrap_or_default(),
            text(source.and_then(|s| s.name.as_deref())),
            text(source.and_then(|s| s.author.as_deref())),
            text(source.and_then(|s| s.url.as_deref())),
            date(source.and_then(|s| s.published.as_ref())),
            date(source.and_then(|s| s.accessed.as_ref())),
            text(source.and_then(|s| s.archive.as_deref())),
            text(article.lang.as_deref()),
            joined(article.tags.iter().map(|t| dossier.tags[*t].name.as_str())),
            joined(
                article
                    .about
                    .iter()
                    .map(|e| dossier.entities[*e].id.as_str()),
            ),
            views
                .annotated
                .articles
                .mention_count(ArticleId(id))
                .to_string(),
            article.notes.len().to_string(),
            article.draft.to_string(),
            paths::article_url(&base, &article.slug),
        ])?;
    }
    Ok(())
}

/// `data/entities.csv`.
pub(crate) fn entities(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let base = site_base(views);
    let mentions = mention_counts(views);
    let mut articles = vec![0usize; views.dossier.entities.len()];
    for article in &views.annotated.entities_of {
        for (entity, _) in article {
            articles[*entity] += 1;
        }
    }
    let mut table = Table::new(
        out,
        &[
            "id", "name", "type", "aliases", "summary", "wikidata", "links", "date", "end",
            "articles", "mentions", "page",
        ],
    )?;
    for (id, entity) in views.dossier.entities.iter().enumerate() {
        table.row([
            entity.id.clone(),
            entity.name.clone(),
            entity.kind.clone(),
            joined(entity.aliases.iter().map(String::as_str)),
            text(entity.summary.as_deref()),
            text(entity.wikidata.as_deref()),
            joined(entity.links.iter().map(String::as_str)),
            date(entity.date.as_ref()),
            date(entity.end.as_ref()),
            articles[id].to_string(),
            mentions[id].to_string(),
            paths::entity_url(&base, &entity.id),
        ])?;
    }
    Ok(())
}

/// `data/mentions.csv`: each mention with the passage around it.
pub(crate) fn mentions(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let dossier = views.dossier;
    let base = site_base(views);
    let mut table = Table::new(
        out,
        &[
            "article", "entity", "anchor", "text", "passage", "explicit", "page",
        ],
    )?;
    for (id, article) in dossier.articles.iter().enumerate() {
        let page = paths::article_url(&base, &article.slug);
        for mention in views.annotated.articles.mentions(ArticleId(id)).iter() {
            let passage = &mention.passage;
            // Borrowed where it can: a row per mention, millions of cells.
            table.row([
                Cow::Borrowed(article.slug.as_str()),
                Cow::Borrowed(dossier.entities[mention.entity].id.as_str()),
                Cow::Borrowed(mention.anchor.as_str()),
                Cow::Borrowed(passage.text.as_str()),
                Cow::Owned(format!(
                    "{}{}{}",
                    passage.before, passage.text, passage.after
                )),
                Cow::Borrowed(if mention.explicit { "true" } else { "false" }),
                Cow::Owned(format!("{page}#{}", mention.anchor)),
            ])?;
        }
    }
    Ok(())
}

/// `data/relations.csv`.
pub(crate) fn relations(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let dossier = views.dossier;
    let entity = |id: EntityId| &dossier.entities[id];
    let mut table = Table::new(
        out,
        &[
            "from",
            "from_name",
            "type",
            "to",
            "to_name",
            "since",
            "until",
            "source",
            "note",
        ],
    )?;
    for relation in &dossier.relations {
        table.row([
            entity(relation.from).id.clone(),
            entity(relation.from).name.clone(),
            relation.kind.clone(),
            entity(relation.to).id.clone(),
            entity(relation.to).name.clone(),
            date(relation.since.as_ref()),
            date(relation.until.as_ref()),
            text(relation.source.map(|a| dossier.articles[a].slug.as_str())),
            text(relation.note.as_deref()),
        ])?;
    }
    Ok(())
}

/// `data/notes.csv`.
pub(crate) fn notes(views: &Views<'_>, out: &mut dyn Write) -> io::Result<()> {
    let dossier = views.dossier;
    let base = site_base(views);
    let mut table = Table::new(
        out,
        &[
            "article", "number", "quote", "note", "author", "created", "entities", "tags", "page",
        ],
    )?;
    for article in &dossier.articles {
        let page = paths::article_url(&base, &article.slug);
        for (index, note) in article.notes.iter().enumerate() {
            table.row([
                article.slug.clone(),
                (index + 1).to_string(),
                note.quote.clone(),
                note.text.clone(),
                text(article.note_author(note, &dossier.config.author)),
                date(article.note_created(note)),
                joined(
                    note.entities
                        .iter()
                        .map(|e| dossier.entities[*e].id.as_str()),
                ),
                joined(note.tags.iter().map(|t| dossier.tags[*t].name.as_str())),
                format!("{page}#note-{}", index + 1),
            ])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::push_field;

    fn field(cell: &str) -> String {
        let mut line = Vec::new();
        push_field(&mut line, cell);
        String::from_utf8(line).expect("cells are text")
    }

    #[test]
    fn fields_are_quoted_and_guarded() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("@cmd, x"), "\"'@cmd, x\"");
        assert_eq!(field("a=b"), "a=b");
    }
}
