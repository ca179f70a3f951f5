//! `dossier init`, `dossier new` and `dossier theme`: the files a user
//! starts from.
//!
//! Not a stage of the build: these commands only write new files, which the
//! build then reads like any other. `init` writes the skeleton dossier kept
//! in `skeleton/` (embedded in the binary, listed in [`SKELETON`]); `new`
//! writes one article, entity or page with its front matter filled in;
//! `init --ci` adds the CI file that publishes the dossier (`ci.rs`), to a
//! new dossier or to one that exists; `theme` writes the built-in theme
//! into `templates/` (`theme.rs`). None overwrites a file, but
//! `theme --force`, asked to.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

mod ci;
mod entities;
mod fields;
mod theme;

use crate::diagnostic::{Diagnostic, relative_to};
use crate::paths::{self, RESERVED_SLUGS};
pub use ci::Ci;
pub use entities::{NewEntity, new_entities};
pub use fields::{EntityType, NewAlias, NewDate, NewOptions, NewTag, SourceUrl};
pub use theme::{ThemeFile, theme};

/// One file of the skeleton: where it goes, and its text. In both, `{year}`
/// and `{date}` stand for today's.
struct SkeletonFile {
    path: &'static str,
    text: &'static str,
}

/// Every file `dossier init` writes, in the order it lists them.
const SKELETON: &[SkeletonFile] = &[
    SkeletonFile {
        path: "dossier.yaml",
        text: include_str!("skeleton/dossier.yaml"),
    },
    SkeletonFile {
        path: "content/_index.md",
        text: include_str!("skeleton/content/_index.md"),
    },
    SkeletonFile {
        path: "content/articles/{year}/first-article.md",
        text: include_str!("skeleton/content/articles/first-article.md"),
    },
    SkeletonFile {
        path: "content/entities/jane-roe.md",
        text: include_str!("skeleton/content/entities/jane-roe.md"),
    },
    SkeletonFile {
        path: "content/entities/example-institute.md",
        text: include_str!("skeleton/content/entities/example-institute.md"),
    },
    SkeletonFile {
        path: "content/pages/about.md",
        text: include_str!("skeleton/content/pages/about.md"),
    },
    // Kept as `gitignore` in the source, so that it does not apply there.
    SkeletonFile {
        path: ".gitignore",
        text: include_str!("skeleton/gitignore"),
    },
];

/// What `dossier new` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewFile {
    /// `content/articles/<year>/<slug>.md`.
    Article,
    /// `content/entities/<id>.md`.
    Entity,
    /// `content/pages/<slug>.md`.
    Page,
}

impl NewFile {
    /// The folder under `content/`.
    fn folder(self) -> &'static str {
        match self {
            NewFile::Article => "articles",
            NewFile::Entity => "entities",
            NewFile::Page => "pages",
        }
    }

    /// The word that names it on the command line.
    fn word(self) -> &'static str {
        match self {
            NewFile::Article => "article",
            NewFile::Entity => "entity",
            NewFile::Page => "page",
        }
    }
}

/// Why `init` or `new` wrote nothing.
#[derive(Debug)]
pub enum ScaffoldError {
    /// `init`: the folder already holds something.
    NotEmpty(PathBuf),
    /// `init` without `--ci`: the folder is a dossier already.
    IsADossier(PathBuf),
    /// `init`: the path is a file.
    NotAFolder(PathBuf),
    /// `new`: the root has neither `dossier.yaml` nor `content/`.
    NotADossier(Diagnostic),
    /// `new`: the file exists.
    Exists(PathBuf),
    /// `init --ci`: the CI file exists.
    CiFileExists(PathBuf),
    /// `new`: another file of the same kind would get the same slug or id.
    SameName {
        /// The file that would have been written.
        path: PathBuf,
        /// The file already there, relative to the root.
        existing: PathBuf,
    },
    /// `new`: the title has no letter or digit to make a file name from.
    NoSlug(String),
    /// `new page`: the slug is one the site uses for its own pages.
    Reserved(String),
    /// `suggest --write`: an entity file has the id a name makes, and its
    /// names do not cover that name.
    IdTaken {
        /// The name to write.
        name: String,
        /// The entity file with that id, relative to the root.
        existing: PathBuf,
    },
    /// Reading or writing failed.
    Io(PathBuf, io::Error),
}

impl fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScaffoldError::NotEmpty(dir) => write!(
                f,
                "{}: error: the folder is not empty: `dossier init` writes only into a new or empty folder\n  = help: give the name of a new folder, such as `dossier init my-dossier`",
                dir.display()
            ),
            ScaffoldError::IsADossier(dir) => write!(
                f,
                "{}: error: this folder is a dossier already\n  = help: to add the file that publishes it, run `dossier init --ci github` or `dossier init --ci gitlab` in it",
                dir.display()
            ),
            ScaffoldError::NotAFolder(path) => write!(
                f,
                "{}: error: this is a file, not a folder\n  = help: give the name of a new folder, such as `dossier init my-dossier`",
                path.display()
            ),
            ScaffoldError::NotADossier(error) => write!(f, "{error}"),
            ScaffoldError::Exists(path) => write!(
                f,
                "{}: error: the file already exists, and dossier never overwrites one\n  = help: edit that file, or choose another title",
                path.display()
            ),
            ScaffoldError::CiFileExists(path) => write!(
                f,
                "{}: error: the file already exists, and dossier never overwrites one\n  = help: edit that file, or delete it and run the command again for a new one",
                path.display()
            ),
            ScaffoldError::SameName { path, existing } => write!(
                f,
                "{}: error: `{}` already has this name, and the two would get the same URL\n  = help: edit that file, or choose another title",
                path.display(),
                existing.display()
            ),
            ScaffoldError::NoSlug(title) => write!(
                f,
                "error: the title `{title}` has no letter or digit to make a file name from"
            ),
            ScaffoldError::Reserved(slug) => write!(
                f,
                "error: a page named `{slug}` would take the place of the site's own `{slug}/`\n  = help: choose another title; reserved: {}",
                RESERVED_SLUGS.join(", ")
            ),
            ScaffoldError::IdTaken { name, existing } => write!(
                f,
                "{}: error: this entity has the id that `{name}` makes, but none of its names is `{name}`\n  = help: add `{name}` to its `aliases` if it is the same entity; else write `dossier new entity` with another name",
                existing.display()
            ),
            ScaffoldError::Io(path, error) => {
                write!(f, "{}: error: cannot write: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for ScaffoldError {}

/// Writes the skeleton dossier into `dir`, which must be missing (it is
/// created) or empty, with the CI file of `ci`; or, when `dir` is a dossier
/// already, that CI file alone. Gives the files written, relative to `dir`.
pub fn init(dir: &Path, ci: Option<Ci>) -> Result<Vec<PathBuf>, ScaffoldError> {
    init_on(dir, ci, today())
}

/// Writes a new article, entity or page named `title` in the dossier at
/// `root`, with its front matter filled in: what `options` set (which
/// must fit `kind`: see [`NewOptions::misplaced`]), an article's `date`
/// today's unless set. Gives the path written: `root` joined with the
/// file's place in the dossier.
pub fn new_file(
    root: &Path,
    kind: NewFile,
    title: &str,
    options: &NewOptions,
) -> Result<PathBuf, ScaffoldError> {
    new_file_on(root, kind, title, options, today())
}

/// Today, in the time zone of the system (UTC when it cannot be told).
pub(crate) fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

fn init_on(dir: &Path, ci: Option<Ci>, today: Date) -> Result<Vec<PathBuf>, ScaffoldError> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                let dossier = crate::load::root::is_dossier(dir);
                return match ci {
                    Some(ci) if dossier => Ok(vec![ci::write(dir, ci)?]),
                    None if dossier => Err(ScaffoldError::IsADossier(dir.to_path_buf())),
                    _ => Err(ScaffoldError::NotEmpty(dir.to_path_buf())),
                };
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(_) if dir.is_file() => return Err(ScaffoldError::NotAFolder(dir.to_path_buf())),
        Err(error) => return Err(ScaffoldError::Io(dir.to_path_buf(), error)),
    }
    let year = format!("{:04}", today.year());
    let date = today.to_string();
    let mut written = Vec::with_capacity(SKELETON.len());
    for file in SKELETON {
        let relative = PathBuf::from(file.path.replace("{year}", &year));
        write_new(&dir.join(&relative), &file.text.replace("{date}", &date))?;
        written.push(relative);
    }
    if let Some(ci) = ci {
        written.push(ci::write(dir, ci)?);
    }
    Ok(written)
}

fn new_file_on(
    root: &Path,
    kind: NewFile,
    title: &str,
    options: &NewOptions,
    today: Date,
) -> Result<PathBuf, ScaffoldError> {
    crate::load::root::check_root(root).map_err(ScaffoldError::NotADossier)?;
    // A title is one line: a line break from the shell would end the
    // YAML value.
    let title = crate::spaces::collapse(title);
    let path = place(root, kind, &title, options.year(today))?;
    write_new(&path, &fields::front_matter(kind, &title, options, today))?;
    Ok(path)
}

/// Where a new file titled `title` (one line) goes in the dossier at
/// `root`, an article in the folder of `year`; an error when that file or
/// another with its slug exists.
fn place(root: &Path, kind: NewFile, title: &str, year: i16) -> Result<PathBuf, ScaffoldError> {
    // `content/…` rather than `./content/…` in what is shown.
    let root = root.strip_prefix(".").unwrap_or(root);
    let slug = file_slug(title);
    if slug.is_empty() {
        return Err(ScaffoldError::NoSlug(title.to_string()));
    }
    if kind == NewFile::Page && RESERVED_SLUGS.contains(&slug.as_str()) {
        return Err(ScaffoldError::Reserved(slug));
    }
    let folder = root.join("content").join(kind.folder());
    let file_name = format!("{slug}.md");
    let path = match kind {
        NewFile::Article => folder.join(format!("{year:04}")).join(file_name),
        NewFile::Entity | NewFile::Page => folder.join(file_name),
    };
    if path.exists() {
        return Err(ScaffoldError::Exists(path));
    }
    if let Some(existing) = same_slug(&folder, &slug) {
        let existing = relative_to(&existing, root);
        return Err(ScaffoldError::SameName { path, existing });
    }
    Ok(path)
}

/// The most characters of a file name made from a title: file systems
/// refuse names past 255 bytes, and a headline pasted whole would reach
/// it; 80 keeps a name readable in a listing, as Zola's and Hugo's
/// users see.
const SLUG_LENGTH: usize = 80;

/// The file name (without `.md`) of a new file titled `title`: its words
/// in ASCII, joined by hyphens, cut after the last whole word that fits.
pub(crate) fn file_slug(title: &str) -> String {
    let slug = slug::slugify(title);
    if slug.len() <= SLUG_LENGTH {
        return slug;
    }
    // slugify gives ASCII only, so every byte is a character boundary.
    let cut = &slug[..=SLUG_LENGTH];
    match cut.rfind('-') {
        Some(end) if end > 0 => cut[..end].to_string(),
        _ => slug[..SLUG_LENGTH].to_string(),
    }
}

/// A Markdown file under `folder` whose name gives `slug`: articles and
/// pages take their slug from the file name, entities their id, and
/// sub-folders do not count.
pub(crate) fn same_slug(folder: &Path, slug: &str) -> Option<PathBuf> {
    walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        })
        .filter_map(Result::ok)
        .find(|entry| {
            let path = entry.path();
            entry.file_type().is_file()
                && path.extension().is_some_and(|e| e == "md")
                && paths::slug_from_file_name(path) == slug
        })
        .map(walkdir::DirEntry::into_path)
}

/// Writes a file that must not exist yet, creating its folders.
pub(crate) fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let io_error = |error| ScaffoldError::Io(path.to_path_buf(), error);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_error)?;
    }
    // `create_new`: a file that appeared since the checks is not replaced.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|error| match error.kind() {
            io::ErrorKind::AlreadyExists => ScaffoldError::Exists(path.to_path_buf()),
            _ => io_error(error),
        })?;
    file.write_all(text.as_bytes()).map_err(io_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Date = jiff::civil::date(2026, 3, 9);

    /// `new` with no option, on `DAY`.
    fn plain(root: &Path, kind: NewFile, title: &str) -> Result<PathBuf, ScaffoldError> {
        new_file_on(root, kind, title, &NewOptions::default(), DAY)
    }

    #[test]
    fn new_places_files_by_kind_and_folds_the_title() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path();
        fs::create_dir(root.join("content")).expect("content");
        let article = plain(root, NewFile::Article, "Kim\n Jong  Un").expect("article");
        assert_eq!(article, root.join("content/articles/2026/kim-jong-un.md"));
        let text = fs::read_to_string(&article).expect("written");
        assert!(text.starts_with("---\ntitle: Kim Jong Un\n"), "{text}");
        let entity = plain(root, NewFile::Entity, "Kim Jong Un").expect("entity");
        assert_eq!(entity, root.join("content/entities/kim-jong-un.md"));
        let page = plain(root, NewFile::Page, "Méthode").expect("page");
        assert_eq!(page, root.join("content/pages/methode.md"));
    }

    #[test]
    fn new_refuses_a_slug_taken_in_another_folder() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path();
        fs::create_dir_all(root.join("content/entities/people")).expect("folders");
        fs::write(root.join("content/entities/people/kim-jong-un.md"), "x").expect("entity");
        let error = plain(root, NewFile::Entity, "Kim Jong Un").expect_err("taken");
        assert!(
            matches!(&error, ScaffoldError::SameName { existing, .. }
                if existing == Path::new("content/entities/people/kim-jong-un.md")),
            "{error}"
        );
        // Another year's article with the same name.
        fs::create_dir_all(root.join("content/articles/2025")).expect("folders");
        fs::write(root.join("content/articles/2025/Treaty.md"), "x").expect("article");
        let error = plain(root, NewFile::Article, "treaty").expect_err("taken");
        assert!(matches!(error, ScaffoldError::SameName { .. }), "{error}");
    }

    #[test]
    fn long_titles_make_file_names_of_whole_words() {
        let headline = "Russia and North Korea sign a comprehensive strategic partnership \
                        treaty during Vladimir Putin's state visit to Pyongyang";
        let slug = file_slug(headline);
        assert_eq!(
            slug,
            "russia-and-north-korea-sign-a-comprehensive-strategic-partnership-treaty-during"
        );
        assert!(slug.len() <= SLUG_LENGTH);
        assert_eq!(file_slug(&"a".repeat(5000)), "a".repeat(SLUG_LENGTH));
        assert_eq!(file_slug("Short title"), "short-title");
    }

    #[test]
    fn new_refuses_empty_and_reserved_names() {
        let dir = tempfile::tempdir().expect("temporary folder");
        fs::write(dir.path().join("dossier.yaml"), "").expect("settings");
        let error = plain(dir.path(), NewFile::Page, " !!! ").expect_err("no slug");
        assert!(matches!(error, ScaffoldError::NoSlug(_)), "{error}");
        let error = plain(dir.path(), NewFile::Page, "Tags").expect_err("reserved");
        assert!(matches!(error, ScaffoldError::Reserved(_)), "{error}");
        // An article may be called so: its URL is under articles/.
        plain(dir.path(), NewFile::Article, "Tags").expect("article");
    }

    #[test]
    fn skeleton_article_goes_in_the_year_with_the_date() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let written = init_on(dir.path(), None, DAY).expect("init");
        assert_eq!(written.len(), SKELETON.len());
        let text = fs::read_to_string(dir.path().join("content/articles/2026/first-article.md"))
            .expect("article");
        assert!(text.contains("\ndate: 2026-03-09\n"), "{text}");
        assert!(!text.contains("{date}"));
    }
}
