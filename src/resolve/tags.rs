//! Tags: names folded to slugs, one tag per slug, shown as first written.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::ids::TagId;
use crate::load::SourceFile;
use crate::model::Tag;

/// Tags met so far, by slug, in the order first met.
#[derive(Default)]
pub(super) struct TagIndex {
    pub(super) tags: Vec<Tag>,
    pub(super) by_slug: BTreeMap<String, TagId>,
    /// Each name as written, once folded: a dossier has few tag names
    /// written many times, and folding is the costly part.
    pub(super) by_name: std::collections::HashMap<String, Option<TagId>>,
}

impl TagIndex {
    /// The tag `name` stands for, made on first use; `None` when the name
    /// has nothing to make a URL from. Names that fold to the same slug
    /// (`Sécurité`, `securite`) are one tag, shown as first written.
    pub(super) fn intern(&mut self, name: &str) -> Option<TagId> {
        if let Some(tag) = self.by_name.get(name) {
            return *tag;
        }
        let tag = self.intern_new(name);
        self.by_name.insert(name.to_string(), tag);
        tag
    }

    pub(super) fn intern_new(&mut self, name: &str) -> Option<TagId> {
        let slug = slug::slugify(name);
        if slug.is_empty() {
            return None;
        }
        let tags = &mut self.tags;
        Some(*self.by_slug.entry(slug.clone()).or_insert_with(|| {
            tags.push(Tag {
                name: name.trim().to_string(),
                slug,
                articles: Vec::new(),
                notes: Vec::new(),
            });
            TagId(tags.len() - 1)
        }))
    }

    /// The tags `names` stand for, each once; a name with nothing to make
    /// a URL from is an error.
    pub(super) fn intern_all(
        &mut self,
        file: &SourceFile,
        names: &[String],
        errors: &mut Vec<Diagnostic>,
    ) -> Vec<TagId> {
        let mut found = Vec::new();
        for name in names {
            match self.intern(name) {
                Some(tag) if !found.contains(&tag) => found.push(tag),
                Some(_) => {}
                None => errors.push(untaggable(file, name)),
            }
        }
        found
    }

    /// The tags sorted by slug, so that their order never depends on file
    /// order, and the new index of each tag by its old one.
    pub(super) fn finish(self) -> (Vec<Tag>, Vec<TagId>) {
        let mut order: Vec<usize> = (0..self.tags.len()).collect();
        order.sort_by(|a, b| self.tags[*a].slug.cmp(&self.tags[*b].slug));
        let mut new_index = vec![TagId(0); self.tags.len()];
        for (new, old) in order.iter().enumerate() {
            new_index[*old] = TagId(new);
        }
        let mut slots: Vec<Option<Tag>> = self.tags.into_iter().map(Some).collect();
        let tags = order.iter().filter_map(|old| slots[*old].take()).collect();
        (tags, new_index)
    }
}

pub(super) fn untaggable(file: &SourceFile, name: &str) -> Diagnostic {
    file.error_at_value(
        "tags",
        name,
        format!("tag `{name}` has no letters or digits to make a URL from"),
    )
}
