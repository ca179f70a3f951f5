//! The `english` fixture with dated entities (an event, a period) and an
//! annotated article: what the timeline, graph and data export tests build.

use super::Fixture;

pub const EVENT: &str =
    "---\nname: Summit of 2024\ntype: event\ndate: 2024-06-19\nend: 2024-06-20\n---\n";
const PERIOD: &str = "---\nname: Cold War\ntype: period\ndate: 1947-03-12\nend: 1991-12-26\n---\n";
const NOTED: &str = "---\ntitle: Noted\ndate: 2024-07-01\nannotations:\n  - quote: \"signed the pact\"\n    note: \"*Really* signed.\"\n    entities: [vladimir-putin]\n    tags: [Checks]\n---\nPutin signed the pact in Pyongyang.\n";

/// The `english` fixture with the event, the period and the annotated
/// article written in.
pub fn fixture() -> Fixture {
    let fixture = Fixture::copy("english");
    fixture.write("content/entities/events/summit.md", EVENT);
    fixture.write("content/entities/cold-war.md", PERIOD);
    fixture.write("content/articles/noted.md", NOTED);
    fixture
}
