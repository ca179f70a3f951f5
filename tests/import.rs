//! `dossier import`: saved pages, pasted text and addresses served by a
//! server inside the test (127.0.0.1 only) made articles; front matter,
//! originals, the report, stdout, exit statuses, duplicates, and `check`'s
//! verification of the originals.
//!
//! The bodies are asserted loosely (a sentence of the article is there):
//! what the extractor keeps is its own tests' business.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{Fixture, assert_says};

/// An English news page: JSON-LD inside `@graph`, the author by `@id`.
const ENGLISH: &str = r##"<!doctype html>
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

/// Paragraphs enough for an article (the extractor wants 50 words of
/// running text), in English.
const PROSE_EN: &str = "<p>The agreement, the first of its kind between the two countries since \
    the end of the Cold War, was announced after several hours of talks behind closed doors.</p>\
    <p>Officials in Seoul and Washington said they were studying the text closely, and warned \
    that any transfer of weapons would break resolutions of the Security Council.</p>";

/// The same in French.
const PROSE_FR: &str = "<p>L'accord, le premier de ce genre entre les deux pays depuis la fin \
    de la guerre froide, a été annoncé après plusieurs heures d'entretiens à huis clos.</p>\
    <p>À Séoul comme à Washington, les responsables ont dit étudier le texte de près, et ont \
    rappelé que tout transfert d'armes violerait les résolutions du Conseil de sécurité.</p>";

/// A French page in windows-1252 (é is the byte 0xE9), described by meta
/// tags only.
fn french_1252() -> Vec<u8> {
    let page = "<html lang=\"fr\"><head>\
        <meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
        <meta property=\"og:title\" content=\"Le traité signé à Pyongyang\">\
        <meta property=\"og:site_name\" content=\"Le Journal\">\
        <meta property=\"article:published_time\" content=\"2023-11-05T08:00:00+01:00\">\
        <meta name=\"author\" content=\"Par Élise Martin\">\
        </head><body><p>Le président russe a été reçu à Pyongyang par Kim Jong Un.</p>\
        <p>Les deux dirigeants ont signé un traité de défense mutuelle.</p>\
        <p>L'accord, le premier de ce genre entre les deux pays depuis la fin de la guerre froide, a été annoncé \
        après plusieurs heures d'entretiens à huis clos dans la capitale nord-coréenne.</p>\
        <p>À Séoul comme à Washington, les responsables ont dit étudier le texte de près, et ont rappelé que \
        tout transfert d'armes ou de technologie violerait les résolutions du Conseil de sécurité des Nations unies.</p>\
        </body></html>";
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(page);
    assert!(!bad);
    assert!(bytes.contains(&0xE9), "é as one byte");
    bytes.into_owned()
}

/// Runs `dossier import <args…> --root <root>` with `stdin` as its input.
fn import(fixture: &Fixture, args: &[&str], stdin: &str) -> Output {
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

fn stdout_lines(output: &Output) -> Vec<PathBuf> {
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8")
        .lines()
        .map(PathBuf::from)
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The front matter of the file at `path`, parsed.
fn front_matter(path: &Path) -> serde_yaml::Value {
    let text = std::fs::read_to_string(path).expect("article written");
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .expect("front matter")
        .0;
    serde_yaml::from_str(yaml).expect("YAML")
}

fn get<'a>(value: &'a serde_yaml::Value, path: &str) -> Option<&'a str> {
    path.split('.')
        .try_fold(value, |v, key| v.get(key))
        .and_then(serde_yaml::Value::as_str)
}

fn dossier() -> Fixture {
    Fixture::new(&[("dossier.yaml", "title: Test\nlanguage: en\n")])
}

fn today() -> String {
    let output = Command::new("date")
        .arg("+%Y-%m-%d")
        .output()
        .expect("date");
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .trim()
        .to_string()
}

#[test]
fn a_saved_english_page_with_json_ld() {
    let fixture = dossier();
    fixture.write("saved/treaty.html", ENGLISH);
    let page = fixture.root().join("saved/treaty.html");
    let output = import(&fixture, &[page.to_str().expect("UTF-8")], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let article = fixture
        .root()
        .join("content/articles/2024/putin-and-kim-sign-a-defence-pact.md");
    assert_eq!(
        stdout_lines(&output),
        std::slice::from_ref(&article),
        "stdout: paths only"
    );
    let meta = front_matter(&article);
    assert_eq!(
        get(&meta, "title"),
        Some("Putin and Kim sign a defence pact")
    );
    assert_eq!(meta["date"].as_str(), Some("2024-06-19"));
    assert_eq!(get(&meta, "lang"), Some("en-GB"));
    assert_eq!(
        get(&meta, "summary"),
        Some("Putin and Kim sign a mutual defence pact.")
    );
    assert_eq!(get(&meta, "source.name"), Some("Example News"));
    assert_eq!(
        get(&meta, "source.url"),
        Some("https://news.example.org/world/treaty-signed")
    );
    assert_eq!(get(&meta, "source.author"), Some("Anna Writer"));
    assert_eq!(get(&meta, "source.published"), Some("2024-06-19"));
    assert_eq!(get(&meta, "source.accessed"), Some(today().as_str()));
    let original = "sources/2024/putin-and-kim-sign-a-defence-pact.html";
    assert_eq!(get(&meta, "source.original"), Some(original));
    let bytes = std::fs::read(fixture.root().join(original)).expect("original kept");
    assert_eq!(bytes, ENGLISH.as_bytes(), "the original byte for byte");
    // What `sha256sum` prints, as the docs say.
    let summed = Command::new("sha256sum")
        .arg(fixture.root().join(original))
        .output()
        .expect("sha256sum runs");
    let summed = String::from_utf8(summed.stdout).expect("UTF-8");
    let digest = summed.split_whitespace().next().expect("a digest");
    assert_eq!(digest.len(), 64);
    assert_eq!(get(&meta, "source.sha256"), Some(digest));
    assert!(meta.get("draft").is_none() && meta.get("tags").is_none());
    let text = fixture.text("content/articles/2024/putin-and-kim-sign-a-defence-pact.md");
    assert!(text.contains("met Kim Jong Un in Pyongyang"), "{text}");
    assert_says(
        &stderr(&output),
        &[
            "wrote ",
            "title: Putin and Kim sign a defence pact (from JSON-LD headline)",
            "date: 2024-06-19 (from JSON-LD datePublished)",
            "words kept: ",
        ],
    );
    // The dossier builds, and check verifies the original.
    let checked = fixture.run(&["check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
}

#[test]
fn a_french_page_in_windows_1252_with_meta_tags_tags_and_draft() {
    let fixture = dossier();
    fixture.write_bytes("traite.html", &french_1252());
    let page = fixture.root().join("traite.html");
    let output = import(
        &fixture,
        &[
            page.to_str().expect("UTF-8"),
            "--tag",
            "Corée du Nord",
            "--tag",
            "yes",
            "--draft",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let [article] = &stdout_lines(&output)[..] else {
        panic!("one path: {output:?}");
    };
    assert!(article.ends_with("content/articles/2023/le-traite-signe-a-pyongyang.md"));
    let meta = front_matter(article);
    assert_eq!(get(&meta, "title"), Some("Le traité signé à Pyongyang"));
    assert_eq!(meta["date"].as_str(), Some("2023-11-05"));
    assert_eq!(get(&meta, "lang"), Some("fr"));
    assert_eq!(get(&meta, "source.name"), Some("Le Journal"));
    assert_eq!(get(&meta, "source.author"), Some("Élise Martin"));
    assert_eq!(meta["draft"].as_bool(), Some(true));
    let tags: Vec<&str> = meta["tags"]
        .as_sequence()
        .expect("tags")
        .iter()
        .filter_map(serde_yaml::Value::as_str)
        .collect();
    assert_eq!(tags, ["Corée du Nord", "yes"]);
    // The page says its charset itself: the front matter need not.
    assert!(meta["source"].get("charset").is_none());
    let text = std::fs::read_to_string(article).expect("article");
    assert!(text.contains("a été reçu à Pyongyang"), "decoded: {text}");
    assert_says(
        &stderr(&output),
        &["character set: windows-1252 (declared by the page)"],
    );
    let checked = fixture.run(&["check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
}

#[test]
fn dates_from_time_then_the_address_else_today_with_a_comment() {
    let fixture = dossier();
    let time = format!(
        "<html><head><title>Time</title></head><body><article>\
         <p>The article text is here.</p>{PROSE_EN}\
         <time datetime=\"2022-03-04T10:00:00Z\">4 March</time></article></body></html>"
    );
    let address = format!(
        "<html><head><title>Address</title>\
         <link rel=canonical href=\"https://x.example.org/2021/02/03/address\">\
         <meta name=date content=\"0001-01-01\"></head>\
         <body><article><p>Another article text.</p>{PROSE_EN}</article></body></html>"
    );
    let none = format!(
        "<html><head><title>Nothing</title></head>\
         <body><article><p>A third article, with no date anywhere.</p>{PROSE_EN}</article></body></html>"
    );
    let mut paths = Vec::new();
    for (name, page) in [("time", time), ("address", address), ("none", none)] {
        fixture.write(&format!("{name}.html"), &page);
        paths.push(fixture.root().join(format!("{name}.html")));
    }
    let args: Vec<&str> = paths.iter().map(|p| p.to_str().expect("UTF-8")).collect();
    let output = import(&fixture, &args, "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written = stdout_lines(&output);
    assert_eq!(written.len(), 3, "{written:?}");
    assert_eq!(
        front_matter(&written[0])["date"].as_str(),
        Some("2022-03-04")
    );
    assert_eq!(
        front_matter(&written[1])["date"].as_str(),
        Some("2021-02-03")
    );
    let today = today();
    assert_eq!(
        front_matter(&written[2])["date"].as_str(),
        Some(today.as_str())
    );
    let text = std::fs::read_to_string(&written[2]).expect("article");
    assert!(
        text.contains(&format!("date: {today}  # not found in the page")),
        "{text}"
    );
    assert!(
        front_matter(&written[2])["source"]
            .get("published")
            .is_none()
    );
    let report = stderr(&output);
    assert_says(
        &report,
        &[
            "date: 2022-03-04 (from <time datetime>)",
            "date: 2021-02-03 (from the address)",
            "(not found in the page: the day it was imported; correct it)",
            "not found: date, author, summary",
        ],
    );
}

#[test]
fn a_saved_page_keeps_the_address_it_was_saved_from() {
    let fixture = dossier();
    let page = format!(
        "<!DOCTYPE html>\n<!-- saved from url=(0048)https://www.news.example.org/2020/01/02/saved -->\n\
         <html><head><title>Saved</title></head><body><article>{PROSE_EN}</article></body></html>"
    );
    fixture.write("saved.html", &page);
    let saved = fixture.root().join("saved.html");
    let output = import(&fixture, &[saved.to_str().expect("UTF-8")], "");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let [article] = &stdout_lines(&output)[..] else {
        panic!("one path: {output:?}");
    };
    let meta = front_matter(article);
    assert_eq!(
        get(&meta, "source.url"),
        Some("https://www.news.example.org/2020/01/02/saved")
    );
    assert_eq!(meta["date"].as_str(), Some("2020-01-02"));
    assert_eq!(get(&meta, "source.name"), Some("news.example.org"));
    assert_says(
        &stderr(&output),
        &["site: news.example.org (from the address)"],
    );
    // That address is in the dossier now: refused before any fetch (the
    // host does not exist).
    let again = import(
        &fixture,
        &["https://www.news.example.org/2020/01/02/saved/"],
        "",
    );
    assert_eq!(again.status.code(), Some(1));
    assert_says(
        &stderr(&again),
        &["already imported, as content/articles/2020/saved.md (the same address)"],
    );
}

#[test]
fn pasted_french_text_from_standard_input() {
    let fixture = dossier();
    let text = "Le traité de Pyongyang\n\nLe président russe a été reçu par Kim Jong Un. \
                Les deux dirigeants ont signé un traité qui engage chacun des deux pays.\n\n\
                L'accord, le premier de ce genre entre les deux pays depuis la fin de la guerre \
                froide, a été annoncé après plusieurs heures d'entretiens à huis clos dans la \
                capitale nord-coréenne.\n";
    let output = import(&fixture, &["-"], text);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let [article] = &stdout_lines(&output)[..] else {
        panic!("one path: {output:?}");
    };
    let meta = front_matter(article);
    assert_eq!(get(&meta, "title"), Some("Le traité de Pyongyang"));
    assert_eq!(get(&meta, "lang"), Some("fr"));
    let original = get(&meta, "source.original").expect("original");
    assert!(
        original.ends_with("/le-traite-de-pyongyang.txt"),
        "{original}"
    );
    assert_eq!(fixture.text(original), text);
    assert_says(&stderr(&output), &["language: fr (from the text, guessed)"]);
}

#[test]
fn pasted_text_without_a_headline_keeps_its_first_paragraph() {
    let fixture = dossier();
    let first = "Mercredi, la Russie et la Corée du Nord ont signé un « partenariat stratégique \
                 global », engageant une assistance mutuelle en cas d'agression. L'annonce a été \
                 faite par le président russe lors de sa visite d'État à Pyongyang.";
    let text = format!(
        "{first}\nLe président russe a été accueilli avec une grande cérémonie, incluant un tapis \
         rouge et des danses synchronisées sur la place Kim Il Sung.\n"
    );
    let output = import(&fixture, &["-"], &text);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let [article] = &stdout_lines(&output)[..] else {
        panic!("one path: {output:?}");
    };
    let meta = front_matter(article);
    assert_eq!(
        get(&meta, "title"),
        Some(
            "Mercredi, la Russie et la Corée du Nord ont signé un « partenariat stratégique global », engageant…"
        )
    );
    // The paragraph is not lost to the title.
    let written = std::fs::read_to_string(article).expect("article");
    assert!(
        written.contains("L'annonce a été faite par le président russe"),
        "{written}"
    );
    assert_says(
        &stderr(&output),
        &["(from the first words of the text, as it has no headline; write the real one)"],
    );
}

#[test]
fn a_page_without_an_article_exits_1_and_the_others_are_imported() {
    let fixture = dossier();
    fixture.write(
        "menu.html",
        "<html><head><title>Menu</title></head><body><nav><a href=/>Home</a></nav></body></html>",
    );
    fixture.write("good.html", ENGLISH);
    let menu = fixture.root().join("menu.html");
    let good = fixture.root().join("good.html");
    let missing = fixture.root().join("missing.html");
    let output = import(
        &fixture,
        &[
            menu.to_str().expect("UTF-8"),
            good.to_str().expect("UTF-8"),
            missing.to_str().expect("UTF-8"),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_lines(&output).len(), 1, "only the good page");
    let report = stderr(&output);
    assert_says(
        &report,
        &[
            "menu.html: error: no article: ",
            "missing.html: error: cannot read it",
            "2 of 3 sources not imported",
        ],
    );
    // Nothing of the refused page was kept.
    let originals: Vec<_> = walkdir::WalkDir::new(fixture.root().join("sources"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .collect();
    assert_eq!(originals.len(), 1);
}

#[test]
fn duplicates_and_no_overwrite() {
    let fixture = dossier();
    fixture.write("a.html", ENGLISH);
    let page = fixture.root().join("a.html");
    let page = page.to_str().expect("UTF-8");
    assert_eq!(import(&fixture, &[page], "").status.code(), Some(0));
    // The same bytes under another name.
    fixture.write("copy.html", ENGLISH);
    let copy = fixture.root().join("copy.html");
    let again = import(&fixture, &[page, copy.to_str().expect("UTF-8")], "");
    assert_eq!(again.status.code(), Some(1));
    assert!(again.stdout.is_empty());
    assert_says(
        &stderr(&again),
        &[
            "already imported, as content/articles/2024/putin-and-kim-sign-a-defence-pact.md (the same SHA-256)",
        ],
    );
    // Another page with the same canonical address.
    fixture.write(
        "changed.html",
        &ENGLISH.replace("Wednesday", "Wednesday morning"),
    );
    let changed = fixture.root().join("changed.html");
    let output = import(&fixture, &[changed.to_str().expect("UTF-8")], "");
    assert_eq!(output.status.code(), Some(1));
    assert_says(&stderr(&output), &["(the same address)"]);
    // Another article with the same title: a new name, nothing replaced.
    let other = ENGLISH
        .replace("treaty-signed", "another")
        .replace("Wednesday", "Thursday");
    fixture.write("other.html", &other);
    let before = fixture.text("content/articles/2024/putin-and-kim-sign-a-defence-pact.md");
    let output = import(
        &fixture,
        &[fixture.root().join("other.html").to_str().expect("UTF-8")],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let [second] = &stdout_lines(&output)[..] else {
        panic!("one path: {output:?}");
    };
    assert!(second.ends_with("content/articles/2024/putin-and-kim-sign-a-defence-pact-2.md"));
    assert_eq!(
        fixture.text("content/articles/2024/putin-and-kim-sign-a-defence-pact.md"),
        before
    );
    assert!(fixture.exists("sources/2024/putin-and-kim-sign-a-defence-pact-2.html"));
}

#[test]
fn refuses_a_folder_that_is_not_a_dossier() {
    let fixture = Fixture::new(&[("notes/x.txt", "x")]);
    let output = import(&fixture, &["-"], "Title\n\nSome text here.\n");
    assert_eq!(output.status.code(), Some(1));
    assert_says(&stderr(&output), &["not a dossier"]);
    assert!(!fixture.exists("content") && !fixture.exists("sources"));
}

#[test]
fn a_20_mb_page() {
    let fixture = dossier();
    let paragraph = "<p>The pact commits each country to help the other if it is attacked, \
                     and the two leaders said so in Pyongyang on Wednesday.</p>\n";
    let mut page = String::from("<html lang=en><head><title>Big page</title></head><body>");
    while page.len() < 20 * 1024 * 1024 {
        page.push_str(paragraph);
    }
    page.push_str("</body></html>");
    fixture.write("big.html", &page);
    let start = Instant::now();
    let output = import(
        &fixture,
        &[fixture.root().join("big.html").to_str().expect("UTF-8")],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    eprintln!("20 MB page imported in {:?} (debug build)", start.elapsed());
    let original = fixture
        .root()
        .join("sources")
        .join(format!("{}/big-page.html", &today()[..4]));
    assert_eq!(
        std::fs::metadata(original).expect("original").len(),
        page.len() as u64
    );
}

#[test]
fn check_finds_a_changed_original_and_a_quote_not_in_it() {
    let fixture = dossier();
    fixture.write("a.html", ENGLISH);
    let output = import(
        &fixture,
        &[fixture.root().join("a.html").to_str().expect("UTF-8")],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let path = "content/articles/2024/putin-and-kim-sign-a-defence-pact.md";
    let text = fixture.text(path);
    // A note on a passage the original has, one on a passage edited after
    // import, and the edit itself.
    let noted = text
        .replace("\n---\n", "\nannotations:\n  - quote: met Kim Jong Un in Pyongyang\n    note: Their second meeting.\n  - quote: help the other at once\n    note: Added here.\n---\n")
        .replace("help the other if", "help the other at once if");
    fixture.write(path, &noted);
    let checked = fixture.run(&["check"]);
    let report = stderr(&checked);
    assert!(checked.status.success(), "{report}");
    assert_says(
        &report,
        &[
            "warning: annotation 2: the quote is not in the original `sources/2024/putin-and-kim-sign-a-defence-pact.html`",
        ],
    );
    assert!(!report.contains("annotation 1:"), "{report}");
    // The original changed: an error at the `sha256` line.
    let sha_line = noted
        .lines()
        .position(|l| l.trim_start().starts_with("sha256:"))
        .expect("sha256 line")
        + 1;
    fixture.write(
        "sources/2024/putin-and-kim-sign-a-defence-pact.html",
        &ENGLISH.replace("Wednesday", "Tuesday"),
    );
    let stderr = fixture.fail(&["check"]);
    assert_says(
        &stderr,
        &[
            &format!("{path}:{sha_line}:"),
            "error: the original `sources/2024/putin-and-kim-sign-a-defence-pact.html` has changed since it was imported",
            "git checkout -- sources/2024/putin-and-kim-sign-a-defence-pact.html",
        ],
    );
    // Missing.
    std::fs::remove_file(
        fixture
            .root()
            .join("sources/2024/putin-and-kim-sign-a-defence-pact.html"),
    )
    .expect("remove");
    let stderr = fixture.fail(&["check"]);
    assert_says(&stderr, &["is missing"]);
}

/// A server on 127.0.0.1 answering each path as the tests need.
fn serve() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    let requests = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            std::thread::spawn(move || answer(stream));
        }
    });
    (address, requests)
}

fn answer(mut stream: TcpStream) {
    let mut request = Vec::new();
    let mut buffer = [0; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buffer[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
        "/silent" => {
            std::thread::sleep(Duration::from_secs(10));
            return;
        }
        "/missing" => ("404 Not Found", String::new(), b"no".to_vec()),
        "/paper" => (
            "200 OK",
            "Content-Type: application/pdf\r\n".to_string(),
            b"%PDF-1.7".to_vec(),
        ),
        "/broken" => ("500 Internal Server Error", String::new(), b"no".to_vec()),
        "/moved" => (
            "301 Moved Permanently",
            "Location: /2024/05/06/latin\r\n".to_string(),
            Vec::new(),
        ),
        "/2024/05/06/latin" => {
            // The charset in the header only, é as 0xE9.
            let page = format!(
                "<html><head><title>Un été à Pyongyang</title></head><body><article>\
                 <p>Le président a passé l'été à Pyongyang, où il a été reçu.</p>{PROSE_FR}\
                 </article></body></html>"
            );
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
            (
                "200 OK",
                "Content-Type: text/html; charset=ISO-8859-1\r\n".to_string(),
                bytes.into_owned(),
            )
        }
        _ => ("404 Not Found", String::new(), Vec::new()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

#[test]
fn addresses_fetched_redirected_and_failing() {
    let (server, requests) = serve();
    // A port nothing listens on.
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        format!("http://{}/x", listener.local_addr().expect("address"))
    };
    let fixture = dossier();
    let urls = [
        format!("{server}/missing"),
        format!("{server}/broken"),
        format!("{server}/paper"),
        format!("{server}/silent"),
        closed,
        format!("{server}/moved"),
    ];
    let args: Vec<&str> = urls.iter().map(String::as_str).collect();
    let start = Instant::now();
    let output = import(&fixture, &args, "");
    let took = start.elapsed();
    let report = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        took < Duration::from_secs(8),
        "the timeout is settable: {took:?}"
    );
    assert_says(
        &report,
        &[
            "/missing: error: the server answered 404 Not Found",
            "/broken: error: the server answered 500 Internal Server Error",
            "/silent: error: no answer within 1 s",
            "/x: error: the connection was refused",
            "/paper: error: the address gives `application/pdf`, not a page or text",
            "5 of 6 sources not imported",
        ],
    );
    let [article] = &stdout_lines(&output)[..] else {
        panic!("one path: {report}");
    };
    assert!(
        article.ends_with("content/articles/2024/un-ete-a-pyongyang.md"),
        "{article:?}"
    );
    let meta = front_matter(article);
    assert_eq!(
        get(&meta, "source.url"),
        Some(format!("{server}/2024/05/06/latin").as_str())
    );
    assert_eq!(meta["date"].as_str(), Some("2024-05-06"));
    assert_eq!(get(&meta, "source.name"), Some("127.0.0.1"));
    // Declared by the header only: the front matter keeps it for check.
    assert_eq!(get(&meta, "source.charset"), Some("windows-1252"));
    let text = std::fs::read_to_string(article).expect("article");
    assert!(text.contains("passé l'été à Pyongyang"), "{text}");
    // check reads the original in that charset: a note's quote with é is found.
    let path = article
        .strip_prefix(fixture.root())
        .expect("inside")
        .to_str()
        .expect("UTF-8")
        .to_string();
    fixture.write(
        &path,
        &text.replace(
            "\n---\n",
            "\nannotations:\n  - quote: passé l'été\n    note: Long.\n---\n",
        ),
    );
    let checked = fixture.run(&["check"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(
        !stderr(&checked).contains("not in the original"),
        "{}",
        stderr(&checked)
    );
    // The same address again: a duplicate, found without fetching it.
    let before = requests.load(std::sync::atomic::Ordering::SeqCst);
    let again = import(&fixture, &[&format!("{server}/2024/05/06/latin")], "");
    assert_eq!(again.status.code(), Some(1));
    assert_says(&stderr(&again), &["already imported", "(the same address)"]);
    assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), before);
}
