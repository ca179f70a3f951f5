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
