//! dossier: turns articles and entities written in Markdown into a linked,
//! annotated HTML dossier.
//!
//! The build is a pipeline, one module per stage:
//! load → resolve → annotate → render → write.

pub mod config;
pub mod diagnostic;
pub mod load;
pub mod markdown;
pub mod mentions;
pub mod model;
pub mod resolve;
