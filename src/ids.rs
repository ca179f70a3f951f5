//! The indices by which the stages name articles, entities and tags: one
//! place, so that the alias table (`mentions`) and the resolved dossier
//! (`model`), which holds it, need not import each other.

/// Index of an article in `Dossier::articles`.
pub(crate) type ArticleId = usize;
/// Index of an entity in `Dossier::entities`.
pub(crate) type EntityId = usize;
/// Index of a tag in `Dossier::tags`.
pub(crate) type TagId = usize;
