use super::*;

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
}

#[test]
fn json_ld_inside_a_graph_with_references() {
    let html = page(
        r##"<script type="application/ld+json">{"@graph":[
            {"@type":"WebPage","@id":"https://x.org/a","datePublished":"2020-01-01"},
            {"@type":["NewsArticle"],"headline":"Treaty signed","datePublished":"2024-06-19T23:30:00-05:00",
             "author":[{"@id":"#jane"},{"name":"By John Roe"}],"publisher":{"@id":"#org"}},
            {"@id":"#jane","name":"Jane Doe"},{"@id":"#org","name":"Example News"}]}</script>
           <script type="application/ld+json">not json</script>"##,
        "<h1>Other</h1>",
    );
    let found = metadata(&html, None);
    assert_eq!(found.title.expect("title").value, "Treaty signed");
    let date = found.published.expect("date");
    assert_eq!(
        (date.value.as_str(), date.from.as_str()),
        ("2024-06-19", "JSON-LD datePublished")
    );
    assert_eq!(found.author.expect("author").value, "Jane Doe, By John Roe");
    assert_eq!(found.site.expect("site").value, "Example News");
}

#[test]
fn meta_tags_then_time_then_address() {
    let meta = page(
        r#"<meta name="DC.date" content="2023-03-02"><meta property="og:title" content=" Le  titre ">
           <meta name="author" content="Par Marie Curie"><link rel="canonical" href="https://x.fr/2021/05/04/a">"#,
        "<time datetime='2022-01-01'>x</time>",
    );
    let found = metadata(&meta, None);
    assert_eq!(found.published.expect("date").value, "2023-03-02");
    assert_eq!(found.title.expect("title").value, "Le titre");
    assert_eq!(found.author.expect("author").value, "Marie Curie");
    assert_eq!(
        found.canonical.expect("canonical").value,
        "https://x.fr/2021/05/04/a"
    );
    let time = page(
        "",
        "<time datetime='0001-01-01'>?</time><time datetime='2022-01-05T10:00'>x</time>",
    );
    assert_eq!(
        metadata(&time, None).published.expect("time").value,
        "2022-01-05"
    );
    let address = page("<meta name=date content='0001-01-01T00:00:00Z'>", "");
    let found = metadata(&address, Some("https://x.org/news/2024/06/19/treaty"));
    assert_eq!(found.published.expect("address").from, "the address");
    assert!(
        metadata(&address, Some("https://x.org/treaty"))
            .published
            .is_none()
    );
}

#[test]
fn dates_in_addresses() {
    assert_eq!(
        date_in_url("https://x.org/2024/06/19/a").as_deref(),
        Some("2024-06-19")
    );
    assert_eq!(
        date_in_url("https://x.org/2024/06/a").as_deref(),
        Some("2024-06")
    );
    assert_eq!(
        date_in_url("https://x.org/a/2024-06-19-treaty").as_deref(),
        Some("2024-06-19")
    );
    assert_eq!(
        date_in_url("https://x.org/20240619/a").as_deref(),
        Some("2024-06-19")
    );
    assert_eq!(date_in_url("https://x.org/1234/56/a"), None);
    assert_eq!(date_in_url("https://2024.org/"), None);
    assert_eq!(
        date_in_text("Wed, 19 Jun 2024 08:00:00 GMT").as_deref(),
        Some("2024-06-19")
    );
    assert_eq!(date_in_text("1970-01-01"), None);
    assert_eq!(date_in_text("2999-01-01"), None);
}

#[test]
fn visible_text_leaves_out_scripts_and_separates_blocks() {
    let html = page(
        "<title>T</title><style>p{}</style>",
        "<p>one<br>two <b>th</b>ree</p><script>x()</script><p>four</p>",
    );
    assert_eq!(visible_text(&html), "one two three four");
}

/// A name that starts with letters of two bytes: "by " is three bytes,
/// which fall inside the second letter (this panicked on a page of the
/// extraction benchmark).
#[test]
fn a_byline_in_another_script_keeps_its_name() {
    assert_eq!(super::without_by("Гость"), "Гость");
    assert_eq!(super::without_by("Par Гость"), "Гость");
    assert_eq!(super::without_by("By Jane Roe"), "Jane Roe");
}
