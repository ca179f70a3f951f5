//! `dossier import`: collected pages, web addresses and pasted text turned
//! into articles, with the original kept under `sources/`.

#[allow(dead_code)] // until the command lands
mod extract;
