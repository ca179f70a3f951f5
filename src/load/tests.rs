//! Finding items and values in front matter, for errors at their place.

use super::locate::{list_items, locate_value};

#[test]
fn list_items_are_found_at_their_indentation() {
    let yaml = "title: t\nannotations:\n  - quote: a\n    entities:\n      - x\n  - quote: a\nrelations: []\n";
    let items = list_items(yaml, "annotations");
    assert_eq!(
        items,
        [
            yaml.find("- quote").expect("first"),
            yaml.rfind("- quote").expect("second")
        ]
    );
}

#[test]
fn values_are_found_whole_under_their_key() {
    let yaml = "title: Kim update\nentities:\n  - kim-jong-un\n  - kim\n";
    assert_eq!(locate_value(yaml, "entities", "kim"), yaml.rfind("kim"));
    let flow = "relations:\n  - {to: russia, type: leads, source: \"no-such\"}\n";
    assert_eq!(
        locate_value(flow, "relations", "no-such"),
        flow.find("no-such")
    );
    let aliases = "name: North Korea\naliases: [North Korea, Korea]\n";
    assert_eq!(
        locate_value(aliases, "aliases", "Korea"),
        aliases.rfind("Korea")
    );
    assert_eq!(locate_value(aliases, "aliases", "Nowhere"), None);
}

/// A build leaves an article's body on disk and reads it again to
/// annotate it: the same text as read, the new body of a file saved
/// since, and an error for a file whose front matter changed.
#[test]
fn a_body_left_on_disk_is_read_again() {
    use super::files::parse_file;
    use super::{ContentKind, Parsed};
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("a.md");
    let original = "---\ntitle: A\ndate: 2024-06-19\n---\nKim Jong Un met Putin.\n";
    std::fs::write(&path, original).expect("written");
    let Ok(Parsed::Article(doc)) = parse_file(folder.path(), &path, ContentKind::Article) else {
        panic!("the article parses")
    };
    let mut file = doc.file;
    file.leave_body(&path);
    assert_eq!(file.body(), "", "the body is not held");
    let whole = file.whole().expect("read again");
    assert_eq!(&*whole.text, original);
    assert_eq!(whole.body(), "Kim Jong Un met Putin.\n");

    std::fs::write(&path, original.replace("Putin", "Poutine")).expect("saved");
    assert_eq!(
        file.whole().expect("read again").body(),
        "Kim Jong Un met Poutine.\n"
    );

    std::fs::write(&path, original.replace("title: A", "title: B")).expect("saved");
    let error = file.whole().expect_err("the front matter changed");
    assert!(error.message.contains("front matter changed"), "{error:?}");
}
