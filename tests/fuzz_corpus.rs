//! The fuzz targets' code (src/fuzzing.rs) over their seeds and over every
//! input a campaign found crashing (fuzz/seeds/<target>/), so that each
//! crash found stays fixed without a nightly toolchain.

use std::fs;
use std::path::Path;

use dossier::fuzzing::{SmallDossier, quote};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(target);
    let mut inputs: Vec<(String, Vec<u8>)> = fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| {
            let path = entry.expect("a readable folder").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&path).expect("a readable seed"))
        })
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 3, "{target}: seeds missing");
    inputs
}

#[test]
fn article_seeds_do_not_crash() {
    let workspace = SmallDossier::new().expect("a temporary folder");
    for (name, data) in inputs("article") {
        eprintln!("article/{name}");
        workspace.article(&data);
    }
}

#[test]
fn annotated_seeds_do_not_crash() {
    let workspace = SmallDossier::new().expect("a temporary folder");
    for (name, data) in inputs("annotated") {
        eprintln!("annotated/{name}");
        workspace.annotated(&data);
    }
}

#[test]
fn quote_seeds_do_not_crash() {
    for (name, data) in inputs("quote") {
        eprintln!("quote/{name}");
        quote(&data);
    }
}
