//! Helpers for the tests of bad input: a few small files, and a build
//! expected to fail having written nothing.

use std::fs;

use super::Fixture;

pub const ARTICLE: &str = "---\ntitle: A\ndate: 2024-01-01\n---\nBody\n";
pub const PUTIN: &str = "---\nname: Vladimir Putin\ntype: person\n---\nPresident of Russia.\n";
pub const KIM: &str = "---\nname: Kim Jong Un\ntype: person\n---\nLeader of North Korea.\n";

/// Asserts that no output folder and no staging folder (`.public.new-*`,
/// `.public.old-*`) exist in the dossier's root.
pub fn assert_nothing_written(fixture: &Fixture) {
    assert!(
        !fixture.root().join("public").exists(),
        "a failed run wrote public/"
    );
    assert_no_leftovers(fixture);
}

/// Asserts that no staging folder was left beside the output.
pub fn assert_no_leftovers(fixture: &Fixture) {
    let leftovers: Vec<String> = fs::read_dir(fixture.root())
        .expect("root readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "leftover folders: {leftovers:?}");
}

/// Builds `files`, expecting exit 1 and nothing written; returns stderr.
pub fn fail_build(files: &[(&str, &str)]) -> String {
    let fixture = Fixture::new(files);
    let stderr = fixture.fail(&["build"]);
    assert_nothing_written(&fixture);
    stderr
}
