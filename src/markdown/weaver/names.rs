//! The part of the weaver that turns names into mentions: prose runs
//! searched with the alias table, `[[wikilinks]]` resolved, and the markup
//! of each mention (a link or an anchor) with its record.

use pulldown_cmark::Event;

use super::Weaver;
use crate::config::Autolink;
use crate::markdown::{Mention, escape};
use crate::mentions::Target;
use crate::model::EntityId;
use crate::passage::Passage;

impl Weaver<'_, '_> {
    /// Resolves the wikilink just read: a mention, or an error for a
    /// target that names no entity or several.
    pub(super) fn end_wikilink(&mut self) {
        let Some(link) = self.wikilink.take() else {
            return;
        };
        let aliases = self.context.aliases;
        match aliases.resolve(&link.target) {
            Some(Target::Entity(entity)) => {
                let shown = if !link.piped && aliases.is_id(&link.target) {
                    self.context.entities[entity].name.clone()
                } else {
                    link.shown
                };
                let html = self.mention(entity, &shown, true);
                self.out.push(Event::InlineHtml(html.into()));
            }
            Some(Target::Ambiguous(ids)) => {
                let names: Vec<String> = ids
                    .iter()
                    .map(|i| format!("`{}`", self.context.entities[*i].id))
                    .collect();
                self.unresolved.push((
                    link.offset,
                    format!(
                        "wikilink `[[{}]]` is ambiguous: it names {}",
                        link.target,
                        names.join(" and ")
                    ),
                    "write the entity id instead: `[[id|shown text]]`".to_string(),
                ));
            }
            // Its file has an error of its own, already reported.
            None if aliases.is_unreadable(&link.target) => {
                let mut html = String::new();
                self.visible.write(&mut html, &link.shown, false);
                self.out.push(Event::InlineHtml(html.into()));
            }
            None => {
                let help = crate::diagnostic::did_you_mean(
                    &aliases.suggest(&link.target),
                    "entity ids are the file names under content/entities/",
                );
                self.unresolved.push((
                    link.offset,
                    format!("wikilink `[[{}]]` names no entity", link.target),
                    help,
                ));
            }
        }
    }

    /// Searches the pending prose run for names and emits it as HTML.
    pub(super) fn flush_run(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        let mut html = String::with_capacity(run.len() + 64);
        let mut last = 0;
        for found in self.context.aliases.find(&run) {
            self.visible
                .write(&mut html, &run[last..found.range.start], false);
            let text = &run[found.range.clone()];
            match found.entity {
                Some(entity) if Some(entity) != self.context.itself => {
                    let markup = self.mention(entity, text, false);
                    html.push_str(&markup);
                }
                _ => self.visible.write(&mut html, text, false),
            }
            last = found.range.end;
        }
        self.visible.write(&mut html, &run[last..], false);
        self.out.push(Event::InlineHtml(html.into()));
    }

    /// Records a mention and returns its markup.
    pub(super) fn mention(&mut self, entity: EntityId, text: &str, explicit: bool) -> String {
        let record = &self.context.entities[entity];
        let count = self.per_entity.entry(entity).or_insert(0);
        *count += 1;
        let anchor = format!("m-{}-{count}", record.id);
        let linked = explicit
            || match self.context.autolink {
                Autolink::All => true,
                Autolink::First => *count == 1,
                Autolink::None => false,
            };
        let kind = escape(&record.kind);
        let mut html = if linked {
            format!(
                "<a class=\"mention t-{kind}\" id=\"{anchor}\" href=\"{}{}\">",
                self.context.root,
                crate::paths::entity(&record.id)
            )
        } else {
            format!("<span class=\"mention t-{kind}\" id=\"{anchor}\">")
        };
        let start = self.visible.text.len();
        self.visible.write(&mut html, text, true);
        html.push_str(if linked { "</a>" } else { "</span>" });
        self.block_mentions
            .push((self.mentions.len(), start..self.visible.text.len()));
        self.mentions.push(Mention {
            entity,
            anchor,
            passage: Passage::default(),
            explicit,
        });
        html
    }
}
