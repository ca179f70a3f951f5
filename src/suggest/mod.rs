//! `dossier suggest`: the names in the articles that no entity covers,
//! for a researcher to turn into entities. Not a stage of the build: it
//! takes the resolved dossier, asks the annotate stage for each article's
//! text with what the mention finder found in it (so "covered" means just
//! what a build would link), reads the names left over ([`names`]), groups
//! their spellings, counts them, and guesses a type for each ([`types`]).
//! Writing the chosen ones as entity files is `scaffold`'s job.

mod names;
mod tokens;
mod types;
mod words;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Accents;
use crate::diagnostic::{Diagnostic, did_you_mean, nearest_ids};
use crate::fold;
use crate::ids::ArticleId;
use crate::markdown::ProseBlock;
use crate::model::Dossier;
use names::{Block, Evidence, Occurrence};
use types::Clues;

/// A name no entity covers, with its spellings and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The spelling written most often.
    pub name: String,
    /// The other spellings that the mention finder would not take for
    /// the name (case, accents, hyphens, spaces), sorted.
    pub aliases: Vec<String>,
    /// How many times it is written.
    pub count: usize,
    /// The slugs of the articles it is written in, most first (then by
    /// slug).
    pub articles: Vec<String>,
    /// A guessed entity type, when the name gives a clue.
    pub kind: Option<&'static str>,
}

impl Suggestion {
    /// The table `dossier suggest` prints: count, name, number of
    /// articles, and the first articles, aligned; empty for no name.
    pub fn table(shown: &[&Suggestion]) -> String {
        const FIRST_ARTICLES: usize = 3;
        if shown.is_empty() {
            return String::new();
        }
        let width = shown
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(0)
            .max("name".len());
        let mut table = format!("count  {:width$}  articles  in\n", "name");
        for suggestion in shown {
            let first = suggestion.articles.len().min(FIRST_ARTICLES);
            let mut articles = suggestion.articles[..first].join(", ");
            if suggestion.articles.len() > FIRST_ARTICLES {
                articles.push_str(&format!(
                    ", +{}",
                    suggestion.articles.len() - FIRST_ARTICLES
                ));
            }
            table.push_str(&format!(
                "{:>5}  {:width$}  {:>8}  {articles}\n",
                suggestion.count,
                suggestion.name,
                suggestion.articles.len()
            ));
        }
        table
    }
}

/// What `dossier suggest` found.
#[derive(Debug, Default)]
pub struct Suggestions {
    /// Most written first, then in most articles, then by name.
    pub names: Vec<Suggestion>,
    /// The articles read.
    pub articles: usize,
}

impl Suggestions {
    /// The suggestion written `name` (in any of its spellings, compared as
    /// names are grouped), or an error that says which are near.
    pub fn find(&self, name: &str) -> Result<&Suggestion, String> {
        let key = group_key(name);
        if let Some(found) = self.names.iter().find(|s| group_key(&s.name) == key) {
            return Ok(found);
        }
        let slugs: Vec<String> = self.names.iter().map(|s| slug::slugify(&s.name)).collect();
        let near = nearest_ids(name, slugs.iter().map(String::as_str));
        let near: Vec<&str> = near
            .iter()
            .filter_map(|n| slugs.iter().position(|s| s == n))
            .map(|i| self.names[i].name.as_str())
            .collect();
        Err(did_you_mean(
            &near,
            "write a name as `dossier suggest` lists it, in quotes",
        ))
    }
}

/// The key that spellings of one name share: folded as names are
/// compared (typographic variants, accents), lowercase, letters and digits
/// only, so that `Kim Jong-un`, `Kim Jong Un` and `KIM JONG UN` are one.
fn group_key(text: &str) -> String {
    fold::key(text, true)
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The names in `articles` of `dossier` (by slug or file; all when
/// empty) that no entity covers. An argument that names no article is an
/// error, as is an article whose text cannot be annotated.
pub(crate) fn suggest(
    dossier: &Dossier,
    root: &Path,
    articles: &[String],
) -> Result<Suggestions, Vec<Diagnostic>> {
    let chosen = choose_articles(dossier, root, articles)?;
    let prose = prose_of(dossier, &chosen)?;
    let groups = groups(&prose);
    let without_accents = dossier.config.accents == Accents::Optional;
    let mut names: Vec<Suggestion> = groups
        .into_values()
        .map(|group| group.suggestion(dossier, without_accents))
        .collect();
    names.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.articles.len().cmp(&a.articles.len()))
            .then_with(|| group_key(&a.name).cmp(&group_key(&b.name)))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(Suggestions {
        names,
        articles: chosen.len(),
    })
}

/// Each article's blocks with what the mention finder covered in them.
fn prose_of(
    dossier: &Dossier,
    articles: &[ArticleId],
) -> Result<Vec<(ArticleId, Vec<ProseBlock>)>, Vec<Diagnostic>> {
    let prose: Vec<_> = articles
        .par_iter()
        .map(|id| crate::annotate::prose_of(dossier, &dossier.articles[*id]).map(|p| (*id, p)))
        .collect();
    let mut errors = Vec::new();
    let prose = prose
        .into_iter()
        .filter_map(|result| result.map_err(|mut e| errors.append(&mut e)).ok())
        .collect();
    if errors.is_empty() {
        Ok(prose)
    } else {
        Err(errors)
    }
}

/// The names no entity covers in the articles' `prose`, by group key.
fn groups(prose: &[(ArticleId, Vec<ProseBlock>)]) -> BTreeMap<String, Group> {
    // Blocks are read into words twice, rather than kept: their words
    // would take several times the memory of the text.
    let evidence = prose
        .par_iter()
        .map(|(_, blocks)| {
            let mut evidence = Evidence::default();
            for block in blocks {
                Block::read(block).witness(&mut evidence);
            }
            evidence
        })
        .reduce(Evidence::default, Evidence::merge);
    let found: Vec<(ArticleId, Vec<Occurrence>)> = prose
        .par_iter()
        .map(|(id, blocks)| {
            let names = blocks.iter().flat_map(|b| Block::read(b).names(&evidence));
            (*id, names.collect())
        })
        .collect();
    let sure: BTreeSet<String> = found
        .iter()
        .flat_map(|(_, occurrences)| occurrences)
        .filter(|o| !o.doubtful)
        .map(|o| group_key(&o.text))
        .collect();
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for (id, occurrences) in &found {
        for occurrence in occurrences {
            // `Le Monde a écrit` is `Le Monde` where `selon Le Monde` is
            // written too, else `Monde`.
            let text = match &occurrence.fuller {
                Some(fuller) if sure.contains(&group_key(fuller)) => fuller,
                _ => &occurrence.text,
            };
            let key = group_key(text);
            if key.is_empty() || (occurrence.doubtful && !evidence.inside_a_sentence(&key)) {
                continue;
            }
            groups.entry(key).or_default().add(text, occurrence, *id);
        }
    }
    groups
}

/// The spellings, articles and clues of one name.
#[derive(Debug, Default)]
struct Group {
    spellings: BTreeMap<String, usize>,
    articles: BTreeMap<ArticleId, usize>,
    clues: Clues,
}

impl Group {
    /// Counts `occurrence`, written `text`, in `article`.
    fn add(&mut self, text: &str, occurrence: &Occurrence, article: ArticleId) {
        *self.spellings.entry(text.to_string()).or_default() += 1;
        *self.articles.entry(article).or_default() += 1;
        self.clues.add(occurrence.before.as_deref());
    }

    fn suggestion(self, dossier: &Dossier, without_accents: bool) -> Suggestion {
        // The most written spelling; among equals, one not in capitals,
        // then one with its accents (collected text loses them, it never
        // adds any).
        let in_capitals = |s: &str| !s.chars().any(char::is_lowercase);
        let accents = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
        let name = self
            .spellings
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then(in_capitals(b.0).cmp(&in_capitals(a.0)))
                    .then(accents(a.0).cmp(&accents(b.0)))
                    .then(b.0.cmp(a.0))
            })
            .map(|(s, _)| s.clone())
            .unwrap_or_default();
        // A spelling the finder takes for the name (or for another
        // spelling kept) needs no alias; nor does the name in capitals.
        let compared = |s: &str| fold::key(s, without_accents);
        let mut seen = vec![compared(&name), compared(&name).to_uppercase()];
        let mut aliases = Vec::new();
        for spelling in self.spellings.keys() {
            let key = compared(spelling);
            if !seen.contains(&key) {
                seen.push(key);
                aliases.push(spelling.clone());
            }
        }
        let mut articles: Vec<(usize, &str)> = self
            .articles
            .iter()
            .map(|(id, count)| (*count, dossier.articles[*id].slug.as_str()))
            .collect();
        articles.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        Suggestion {
            kind: types::guess(&name, &self.clues),
            count: self.spellings.values().sum(),
            articles: articles.into_iter().map(|(_, s)| s.to_string()).collect(),
            name,
            aliases,
        }
    }
}

/// The articles `wanted` names, each by its slug or its file (relative
/// to the current folder or to the root); every article when none is.
fn choose_articles(
    dossier: &Dossier,
    root: &Path,
    wanted: &[String],
) -> Result<Vec<ArticleId>, Vec<Diagnostic>> {
    if wanted.is_empty() {
        return Ok((0..dossier.articles.len()).map(ArticleId).collect());
    }
    let files: Vec<Option<PathBuf>> = dossier
        .articles
        .iter()
        .map(|a| root.join(&a.file.path).canonicalize().ok())
        .collect();
    let mut chosen = Vec::new();
    let mut errors = Vec::new();
    for argument in wanted {
        let by_slug = dossier.articles.iter().position(|a| &a.slug == argument);
        let by_file = || {
            [PathBuf::from(argument), root.join(argument)]
                .iter()
                .filter_map(|p| p.canonicalize().ok())
                .find_map(|p| files.iter().position(|f| f.as_ref() == Some(&p)))
        };
        match by_slug.or_else(by_file) {
            Some(index) if !chosen.contains(&ArticleId(index)) => chosen.push(ArticleId(index)),
            Some(_) => {}
            None => {
                let near = nearest_ids(argument, dossier.articles.iter().map(|a| a.slug.as_str()));
                errors.push(
                    Diagnostic::error(argument, "no article has this slug or file").with_help(
                        did_you_mean(
                            &near,
                            "give an article's slug or its file, such as content/articles/2024/treaty.md",
                        ),
                    ),
                );
            }
        }
    }
    if errors.is_empty() {
        chosen.sort_unstable();
        Ok(chosen)
    } else {
        Err(errors)
    }
}
