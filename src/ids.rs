//! The indices by which the stages name articles, entities and tags, each
//! its own type, so that an entity's index cannot be taken for an
//! article's; in one place, so that the alias table (`mentions`) and the
//! resolved dossier (`model`), which holds it, need not import each other.

use std::ops::{Index, IndexMut};

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub(crate) struct $name(pub(crate) usize);

        impl<T> Index<$name> for Vec<T> {
            type Output = T;
            fn index(&self, id: $name) -> &T {
                &self[id.0]
            }
        }

        impl<T> IndexMut<$name> for Vec<T> {
            fn index_mut(&mut self, id: $name) -> &mut T {
                &mut self[id.0]
            }
        }

        impl<T> Index<$name> for [T] {
            type Output = T;
            fn index(&self, id: $name) -> &T {
                &self[id.0]
            }
        }
    };
}

id!(
    /// Index of an article in `Dossier::articles`, and in every list by
    /// article.
    ArticleId
);
id!(
    /// Index of an entity in `Dossier::entities`, and in every list by
    /// entity.
    EntityId
);
id!(
    /// Index of a tag in `Dossier::tags`.
    TagId
);
