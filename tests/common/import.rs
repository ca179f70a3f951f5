//! Helpers for the tests of `dossier import`: an English news page, the
//! command run with its input on stdin and no proxy, and the front matter
//! of what it wrote, parsed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::Fixture;

/// An English news page: JSON-LD inside `@graph`, the author by `@id`.
pub const ENGLISH: &str = r##"<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Treaty signed | Example News</title>
<meta name="description" content="Putin and Kim sign a mutual defence pact.">
<link rel="canonical" href="https://news.example.org/world/treaty-signed">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","@id":"https://news.example.org/#site","name":"Example News"},
 {"@type":"NewsArticle","headline":"Putin and Kim sign a defence pact",
  "datePublished":"2024-06-19T09:30:00+09:00","author":{"@id":"#writer"},
  "publisher":{"@id":"https://news.example.org/#site"}},
 {"@type":"Person","@id":"#writer","name":"By Anna Writer"}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Putin and Kim sign a defence pact</h1>
<p>Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday, and the two leaders signed a treaty.</p>
<p>The pact commits each country to help the other if it is attacked.</p>
<p>The agreement, the first of its kind between the two countries since the end of the Cold War, was announced after several hours of talks behind closed doors in the North Korean capital.</p>
<p>Officials in Seoul and Washington said they were studying the text closely, and warned that any transfer of weapons or technology would break resolutions of the United Nations Security Council.</p>
</article></body></html>
"##;

/// Runs `dossier import <args…> --root <root>` with `stdin` as its input.
pub fn import(fixture: &Fixture, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("import")
        .args(args)
        .arg("--root")
        .arg(fixture.root())
        .env("DOSSIER_IMPORT_TIMEOUT", "1")
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("https_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier runs");
    // A run that ends before reading its input (not a dossier) closes it.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    let output = child.wait_with_output().expect("dossier ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    output
}

pub fn stdout_lines(output: &Output) -> Vec<PathBuf> {
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8")
        .lines()
        .map(PathBuf::from)
        .collect()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The front matter of the file at `path`, parsed.
pub fn front_matter(path: &Path) -> serde_yaml::Value {
    let text = std::fs::read_to_string(path).expect("article written");
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .expect("front matter")
        .0;
    serde_yaml::from_str(yaml).expect("YAML")
}

pub fn get<'a>(value: &'a serde_yaml::Value, path: &str) -> Option<&'a str> {
    path.split('.')
        .try_fold(value, |v, key| v.get(key))
        .and_then(serde_yaml::Value::as_str)
}

pub fn dossier() -> Fixture {
    Fixture::new(&[("dossier.yaml", "title: Test\nlanguage: en\n")])
}
