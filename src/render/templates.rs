//! The templates: the built-in theme with the site's own `templates/` laid
//! over it, parsed once, and the errors they give turned into diagnostics
//! at the template's own file and line, each reported once however many
//! pages meet it.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use tera::{ErrorKind, Tera};

use crate::diagnostic::{Diagnostic, relative_to};

/// The built-in theme: template name and source.
pub(super) const THEME: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    (
        "articles.html",
        include_str!("../../templates/articles.html"),
    ),
    ("article.html", include_str!("../../templates/article.html")),
    (
        "entities.html",
        include_str!("../../templates/entities.html"),
    ),
    ("entity.html", include_str!("../../templates/entity.html")),
    ("tags.html", include_str!("../../templates/tags.html")),
    ("tag.html", include_str!("../../templates/tag.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("note.html", include_str!("../../templates/note.html")),
    (
        "note_item.html",
        include_str!("../../templates/note_item.html"),
    ),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    (
        "timeline_years.html",
        include_str!("../../templates/timeline_years.html"),
    ),
    ("pager.html", include_str!("../../templates/pager.html")),
    ("graph.html", include_str!("../../templates/graph.html")),
    ("data.html", include_str!("../../templates/data.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("search.html", include_str!("../../templates/search.html")),
    (
        "redirect.html",
        include_str!("../../templates/redirect.html"),
    ),
];

/// The theme's files copied as they are, to the same path in the output,
/// unless the site's `templates/` has a file of the same name.
pub(super) const ASSETS: &[(&str, &str)] = &[
    ("style.css", include_str!("../../templates/style.css")),
    ("search.js", include_str!("../../templates/search.js")),
    (
        "search-index.js",
        include_str!("../../templates/search-index.js"),
    ),
    ("favicon.svg", include_str!("../../templates/favicon.svg")),
];

/// Every file of the built-in theme, templates then assets: its name in a
/// site's `templates/` and its text, for `dossier theme` to write out.
pub(crate) fn built_in() -> impl Iterator<Item = (&'static str, &'static str)> {
    THEME.iter().chain(ASSETS).copied()
}

/// The parsed templates and the text of each of [`ASSETS`].
pub(super) struct Theme {
    pub(super) tera: Tera,
    /// Per [`ASSETS`], its text (the theme's or the site's own).
    pub(super) assets: Vec<String>,
    /// Each template's source, and whether it is the site's own.
    sources: BTreeMap<String, (String, bool)>,
}

impl Theme {
    /// Reads the theme, overridden by `root/templates/`, and parses every
    /// template once: a syntax error is reported here, once, at its line.
    pub(super) fn read(root: &Path) -> Result<Self, Diagnostic> {
        let mut sources: BTreeMap<String, (String, bool)> = THEME
            .iter()
            .map(|(n, s)| ((*n).to_string(), ((*s).to_string(), false)))
            .collect();
        let mut assets: Vec<String> = ASSETS.iter().map(|(_, text)| (*text).to_string()).collect();
        let folder = root.join("templates");
        if folder.is_dir() {
            for entry in walkdir::WalkDir::new(&folder).sort_by_file_name() {
                let entry = entry.map_err(|e| {
                    Diagnostic::error(relative_to(&folder, root), format!("cannot read: {e}"))
                })?;
                if !entry.file_type().is_file()
                    || entry.file_name().to_string_lossy().starts_with('.')
                {
                    continue;
                }
                let name = relative_to(entry.path(), &folder)
                    .to_string_lossy()
                    .replace('\\', "/");
                let shown = relative_to(entry.path(), root);
                let text = std::fs::read_to_string(entry.path())
                    .map_err(|e| Diagnostic::error(&shown, format!("cannot read template: {e}")))?;
                match ASSETS.iter().position(|(n, _)| *n == name) {
                    Some(asset) => assets[asset] = text,
                    None => {
                        sources.insert(name, (text, true));
                    }
                }
            }
        }
        let mut theme = Theme {
            tera: Tera::default(),
            assets,
            sources,
        };
        let parsed = theme.tera.add_raw_templates(
            theme
                .sources
                .iter()
                .map(|(n, (s, _))| (n.as_str(), s.as_str())),
        );
        parsed.map_err(|e| theme.error("", &e))?;
        Ok(theme)
    }

    /// `error`, met rendering `template`, at the file and line Tera names
    /// (the template itself, or one it extends or includes).
    pub(super) fn error(&self, template: &str, error: &tera::Error) -> Diagnostic {
        let report = match error.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => Some(report),
            _ => None,
        };
        let Some(report) = report else {
            if let Some(diagnostic) = self.first_report(&error.to_string()) {
                return diagnostic;
            }
            let mut message = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                message.push_str(": ");
                message.push_str(&cause.to_string());
                source = cause.source();
            }
            let path = if template.is_empty() {
                "templates".to_string()
            } else {
                format!("templates/{template}")
            };
            return Diagnostic::error(path, format!("template error: {message}"));
        };
        let file = if report.filename().is_empty() {
            template
        } else {
            report.filename()
        };
        // Tera lists the variables the page has after the message: they
        // are the help, and they differ from page to page.
        let (message, variables) = match report.message().split_once(" Available variables: ") {
            Some((message, variables)) => (message, Some(variables)),
            None => (report.message(), None),
        };
        let span = report.span();
        let mut diagnostic = self.error_at(
            file,
            message.trim_end_matches('.'),
            span.start_line,
            span.start_col + 1,
        );
        if let Some(variables) = variables {
            diagnostic = diagnostic.with_help(format!(
                "this page's variables: {variables}; write `{{% if name is defined %}}` around one that may be missing"
            ));
        }
        diagnostic
    }
}

impl Theme {
    /// A template error at `line` and `column` of template `file`, which
    /// the message says is built in when the site does not have its own.
    fn error_at(&self, file: &str, message: &str, line: usize, column: usize) -> Diagnostic {
        let (source, own) = self
            .sources
            .get(file)
            .map_or(("", true), |(text, own)| (text.as_str(), *own));
        let built_in = if own {
            ""
        } else {
            " (in the built-in template)"
        };
        Diagnostic::error(
            format!("templates/{file}"),
            format!("template error{built_in}: {message}"),
        )
        .at_line(source, line, column)
    }

    /// The first of the reports Tera joins into one message when it checks
    /// the names a template uses (`Unknown filter`), placed at its line:
    /// `error: MESSAGE\n --> NAME:LINE:COLUMN`.
    fn first_report(&self, text: &str) -> Option<Diagnostic> {
        let message = text.lines().next()?.strip_prefix("error: ")?;
        let place = text.lines().nth(1)?.trim_start().strip_prefix("--> ")?;
        let mut parts = place.rsplitn(3, ':');
        let column: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        let file = parts.next()?;
        let diagnostic = self.error_at(file, message, line, column);
        Some(match missing_block(message) {
            Some(block) => diagnostic.with_help(format!(
                "the built-in pages fill the block `{block}` of base.html, and your templates/base.html \
                 replaces the built-in one: add `{{% block {block} %}}{{% endblock {block} %}}` to it \
                 where that part goes"
            )),
            None => diagnostic,
        })
    }
}

/// The block of a "Block `name` is not defined in any parent template"
/// error: a site's own `base.html` lacks a block that the built-in
/// templates fill.
fn missing_block(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("Block `")?;
    let (block, rest) = rest.split_once('`')?;
    rest.contains("not defined in any parent").then_some(block)
}

/// Runs `render`, the rendering of the page at `page` with `template`,
/// turning a panic inside a dependency into an error that names them:
/// input is validated before it reaches Tera, but a panic must never end
/// a build without saying where.
pub(super) fn guarded<T>(
    page: &str,
    template: &str,
    render: impl FnOnce() -> Result<T, Diagnostic>,
) -> Result<T, Diagnostic> {
    catch_unwind(AssertUnwindSafe(render)).unwrap_or_else(|panic| {
        let cause = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("no message");
        Err(Diagnostic::error(
            format!("templates/{template}"),
            format!("internal error while rendering `{page}`: {cause}"),
        )
        .with_help(
            "this is a bug in dossier or a library it uses: please report it, with the file \
             that led to this page",
        ))
    })
}

/// Each distinct error once, in the order met, with the page that met it
/// first and how many others did: one mistake in `base.html` is one error,
/// not one per page.
pub(super) fn once_each(failures: Vec<(String, Diagnostic)>) -> Vec<Diagnostic> {
    let mut seen: Vec<(Diagnostic, String, usize)> = Vec::new();
    for (page, error) in failures {
        let same = |(d, _, _): &&mut (Diagnostic, String, usize)| {
            (&d.path, d.position, &d.message) == (&error.path, error.position, &error.message)
        };
        match seen.iter_mut().find(same) {
            Some((_, _, others)) => *others += 1,
            None => seen.push((error, page, 0)),
        }
    }
    seen.into_iter()
        .map(|(mut error, page, others)| {
            let more = match others {
                0 => String::new(),
                1 => " and 1 other page".to_string(),
                n => format!(" and {n} other pages"),
            };
            error
                .message
                .push_str(&format!(" (rendering `{page}`{more})"));
            error
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{ASSETS, THEME};

    #[test]
    fn every_theme_template_is_embedded() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        for entry in std::fs::read_dir(folder).expect("templates/ exists") {
            let name = entry
                .expect("readable")
                .file_name()
                .to_string_lossy()
                .into_owned();
            let embedded = if name.ends_with(".html") {
                THEME.iter().any(|(n, _)| *n == name)
            } else {
                ASSETS.iter().any(|(n, _)| *n == name)
            };
            assert!(embedded, "{name} is not embedded in THEME or ASSETS");
        }
    }
}
