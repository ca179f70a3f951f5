//! What the fuzz targets in `fuzz/` run, here rather than in the fuzz crate
//! so that `tests/fuzz_corpus.rs` can run the same code over the seeds and
//! every crash found so far, on the stable toolchain, in every test run.
//!
//! Each function takes the fuzzer's bytes and panics only where dossier
//! would: a content error is an answer, not a crash.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::notes::{self, Block, Mismatch, Quote};

/// A small dossier in a temporary folder (entities with aliases, endings,
/// adjectives, `not_mentions`, relations; a page; a home text; an article
/// with a note), to which each run adds one article.
pub struct SmallDossier {
    root: PathBuf,
}

/// The files of the small dossier, relative to its root.
const FILES: [(&str, &str); 9] = [
    ("dossier.yaml", include_str!("../fuzz/dossier/dossier.yaml")),
    (
        "content/_index.md",
        include_str!("../fuzz/dossier/content/_index.md"),
    ),
    (
        "content/pages/about.md",
        include_str!("../fuzz/dossier/content/pages/about.md"),
    ),
    (
        "content/articles/visit.md",
        include_str!("../fuzz/dossier/content/articles/visit.md"),
    ),
    (
        "content/entities/putin.md",
        include_str!("../fuzz/dossier/content/entities/putin.md"),
    ),
    (
        "content/entities/russia.md",
        include_str!("../fuzz/dossier/content/entities/russia.md"),
    ),
    (
        "content/entities/un.md",
        include_str!("../fuzz/dossier/content/entities/un.md"),
    ),
    (
        "content/entities/treaty.md",
        include_str!("../fuzz/dossier/content/entities/treaty.md"),
    ),
    // Where each run writes its article.
    ("content/articles/fuzzed.md", "---\ntitle: x\n---\n"),
];

impl SmallDossier {
    /// Writes the small dossier into a new folder of the system's
    /// temporary folder (memory-backed `/dev/shm` where there is one, as
    /// every run writes a file).
    pub fn new() -> std::io::Result<Self> {
        let base = Path::new("/dev/shm");
        let base = if base.is_dir() {
            base.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        // One folder per workspace, as tests may make several at once.
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let number = MADE.fetch_add(1, Ordering::Relaxed);
        let root = base.join(format!("dossier-fuzz-{}-{number}", std::process::id()));
        for (path, text) in FILES {
            let path = root.join(path);
            fs::create_dir_all(path.parent().expect("every file is in a folder"))?;
            fs::write(path, text)?;
        }
        Ok(Self { root })
    }

    /// Checks the dossier with `text` as the whole file of one more
    /// article, front matter and body; prints nothing, but formats every
    /// message as `dossier check` would print it.
    pub fn article(&self, text: &[u8]) {
        fs::write(self.root.join("content/articles/fuzzed.md"), text)
            .expect("the workspace is writable");
        let diagnostics = match crate::check(&self.root) {
            Ok(report) => report.warnings,
            Err(crate::Failure::Content(diagnostics)) => diagnostics,
            Err(crate::Failure::Io(..)) => Vec::new(),
        };
        for diagnostic in diagnostics {
            std::hint::black_box(diagnostic.to_string());
        }
    }

    /// Checks the dossier with one more article made of fuzzed parts, the
    /// front matter always valid YAML so that runs reach mention finding
    /// and note weaving: the parts are separated by NUL; the first is the
    /// Markdown body, then each three are a note's quote, prefix and
    /// suffix (an empty prefix or suffix is left out).
    pub fn annotated(&self, data: &[u8]) {
        let text = String::from_utf8_lossy(data);
        let mut parts = text.split('\0');
        let body = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        let mut notes = Vec::new();
        for note in rest.chunks(3) {
            let mut map = serde_yaml::Mapping::new();
            let keys = ["quote", "prefix", "suffix"];
            for (key, value) in keys.iter().zip(note) {
                if *key == "quote" || !value.is_empty() {
                    map.insert((*key).into(), (*value).into());
                }
            }
            map.insert("note".into(), "A note on [[putin]].".into());
            notes.push(serde_yaml::Value::Mapping(map));
        }
        let mut front = serde_yaml::Mapping::new();
        front.insert("title".into(), "Fuzzed".into());
        front.insert("date".into(), "2024-06-20".into());
        if !notes.is_empty() {
            front.insert("annotations".into(), serde_yaml::Value::Sequence(notes));
        }
        let yaml = serde_yaml::to_string(&front).expect("a mapping of strings serializes");
        self.article(format!("---\n{yaml}---\n{body}").as_bytes());
    }
}

impl Drop for SmallDossier {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// Locates a fuzzed quote in fuzzed blocks, and explains why it is not
/// there as an error message would: the parts are separated by NUL: the
/// quote, its prefix, its suffix, then the text of each block (its white
/// space folded, as blocks are made).
pub fn quote(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let exact = parts.next().unwrap_or_default();
    let prefix = parts.next().filter(|p| !p.is_empty());
    let suffix = parts.next().filter(|s| !s.is_empty());
    let mut source = 0;
    let blocks: Vec<Block> = parts
        .map(|part| {
            let block = Block {
                text: crate::spaces::collapse(part),
                source,
            };
            source += part.len() + 1;
            block
        })
        .collect();
    let quote = Quote {
        exact,
        prefix,
        suffix,
    };
    match notes::locate(quote, &blocks) {
        Ok(found) => {
            let text = &blocks[found.block].text;
            std::hint::black_box(&text[found.range]);
        }
        Err(Mismatch::Several(found)) => assert!(found.len() > 1),
        Err(Mismatch::Nowhere) => {
            if let Some(clue) = notes::closest(quote, &blocks) {
                std::hint::black_box(clue.explain(|block| block.to_string()));
            }
        }
    }
}
