//! The example dossier in `content/` (the seed article) builds, in French,
//! with every entity the article names linked.

mod common;

use common::Fixture;

const ARTICLE: &str = "articles/traite-russie-coree-du-nord/index.html";

#[test]
fn seed_article_is_clean_and_in_french() {
    let (_fixture, site) = Fixture::example();
    let page = site.page(ARTICLE);
    assert_eq!(page.attrs("html", "lang"), ["fr"]);
    let body = page.text_of(".body");
    assert!(body.starts_with("Mercredi, la Russie et la Corée du Nord ont signé"));
    // The advertisement and the teaser are gone; the glued paragraph keeps
    // its own first words.
    for scraped in [
        "Commandez",
        "Annonces",
        "3Vision",
        "Lire aussi",
        "Découvrez l",
    ] {
        assert!(!body.contains(scraped), "{scraped} left in the article");
    }
    assert!(
        page.texts(".body p")
            .iter()
            .any(|p| p.starts_with("Kim Jong Un a qualifié ce rapprochement"))
    );
    assert_eq!(page.text_of("time"), "19 juin 2024");
    // No source is known: the page says so rather than inventing one.
    let source = page.text_of(".source");
    assert!(source.contains("inconnue"), "{source}");
    // Said once: not "Source : Source inconnue".
    assert_eq!(source.matches("Source").count(), 1, "{source}");
}

#[test]
fn every_named_entity_is_linked_once_and_has_a_page() {
    let (_fixture, site) = Fixture::example();
    let page = site.page(ARTICLE);
    let linked = page.attrs(".body a.mention", "href");
    for id in [
        "vladimir-poutine",
        "kim-jong-un",
        "russie",
        "coree-du-nord",
        "coree-du-sud",
        "ukraine",
        "etats-unis",
        "pyongyang",
        "moscou",
        "seoul",
        "washington",
        "conseil-de-securite-onu",
        "traite-partenariat-strategique-global",
    ] {
        let href = format!("../../entities/{id}/index.html");
        assert!(linked.contains(&href), "{id} not linked");
        assert!(
            site.exists(&format!("entities/{id}/index.html")),
            "{id} has no page"
        );
    }
    // autolink: first — one automatic link per entity, plus the explicit
    // [[…|le traité]].
    let putin = linked
        .iter()
        .filter(|h| h.contains("/vladimir-poutine/"))
        .count();
    assert_eq!(putin, 1);
    // "Corée du Nord" is never cut into a "Corée" mention.
    assert!(page.texts(".body .mention").iter().all(|t| t != "Corée"));
}

#[test]
fn entity_pages_quote_the_article() {
    let (_fixture, site) = Fixture::example();
    let page = site.page("entities/kim-jong-un/index.html");
    assert_eq!(page.text_of("h1"), "Kim Jong Un");
    assert!(page.texts(".alias").contains(&"김정은".to_string()));
    let passages = page.texts(".passages blockquote");
    assert_eq!(passages.len(), 5, "{passages:?}");
    assert!(
        passages[4].starts_with("Kim Jong Un a qualifié ce rapprochement"),
        "{passages:?}"
    );
    assert!(page.text_of("#mentioned-in").starts_with("Cité dans (1)"));
    let seoul = site.page("entities/seoul/index.html");
    assert!(seoul.text_of(".prose").contains("gouvernement sud-coréen"));
}
