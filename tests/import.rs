//! `dossier import` of saved pages and pasted text: the front matter each
//! article gets (title, date, language, source, author, character set),
//! the original kept byte for byte, the report on stderr and the paths on
//! stdout; and a page of 20 MB.
//!
//! The bodies are asserted loosely (a sentence of the article is there):
//! what the extractor keeps is its own tests' business.

mod common;

use std::process::Command;
use std::time::Instant;

use common::assert_says;
use common::import::{ENGLISH, dossier, front_matter, get, import, stderr, stdout_lines};

/// Paragraphs enough for an article (the extractor wants 50 words of
/// running text), in English.
const PROSE_EN: &str = "<p>The agreement, the first of its kind between the two countries since \
    the end of the Cold War, was announced after several hours of talks behind closed doors.</p>\
    <p>Officials in Seoul and Washington said they were studying the text closely, and warned \
    that any transfer of weapons would break resolutions of the Security Council.</p>";

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
fn a_20_mb_page() {
    let fixture = dossier();
    let mut page = String::from("<html lang=en><head><title>Big page</title></head><body>");
    // Distinct paragraphs: a paragraph repeated is rightly removed.
    let mut number = 0;
    while page.len() < 20 * 1024 * 1024 {
        number += 1;
        page.push_str(&format!(
            "<p>Clause {number} of the pact commits each country to help the other if it is \
             attacked, and the two leaders said so in Pyongyang on Wednesday.</p>\n"
        ));
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
