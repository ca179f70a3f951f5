//! Helpers for the tests of the search: the theme's scripts run under
//! Node.js over a built site, as a page would run them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

use super::Site;

pub fn search_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/search.js")
}

pub fn reader_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/search-index.js")
}

/// Runs `program` under Node.js with `templates/search.js` as `search`,
/// `templates/search-index.js` as `reader` and `input` as `input`; returns
/// what it prints as JSON.
pub fn node(program: &str, input: &Value) -> Value {
    let script = format!(
        "const search = require({});\nconst reader = require({});\nconst input = {};\n{program}",
        json!(search_script()),
        json!(reader_script()),
        input
    );
    let mut child = Command::new("node")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node is installed (.ci/run installs it)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("script written");
    let output = child.wait_with_output().expect("node ran");
    assert!(
        output.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("node printed JSON")
}

/// Opens the built index in Node as a page would, loading each file when
/// the search asks for it, and runs `queries`: per query, the addresses of
/// its first `wanted` results in order (addresses, and numbers as
/// `found`), how many there are, the bytes of
/// the index files it loaded, and, for the first result and for the
/// page `input.article`, what a result shows and the words its snippet
/// marks.
const RUN_QUERIES: &str = r#"
const fs = require("fs");
const path = require("path");
function open() {
  const loaded = new Map();
  const index = new reader.Index(file => {
    if (!loaded.has(file)) {
      const full = path.join(input.site, file);
      const text = fs.existsSync(full) ? fs.readFileSync(full, "utf8") : null;
      loaded.set(file, text === null ? 0 : Buffer.byteLength(text));
      if (text !== null) new Function("dossierSearch", text)(index.receiver);
    }
    return Promise.resolve();
  }, input.documents);
  return { index, loaded };
}
(async () => {
  const answers = [];
  for (const query of input.queries) {
    const { index, loaded } = open();
    const tokens = search.parse(query);
    const { found, total } = await index.search(tokens, input.wanted);
    const bytes = [...loaded.values()].reduce((a, b) => a + b, 0);
    const docs = await index.shown(found, input.perFile);
    const shown = doc => doc === undefined ? null : {
      title: doc.t, kind: doc.k, date: doc.d,
      marked: search.matchRanges(doc.x, tokens).map(([a, b]) => doc.x.slice(a, b)),
    };
    answers.push({
      results: docs.map(doc => doc.u), found, total, bytes, loaded: [...loaded.keys()].sort(),
      first: shown(docs[0]),
      article: shown(docs.find(doc => doc.u === input.article)),
    });
  }
  console.log(JSON.stringify(answers));
})();
"#;

/// The first `wanted` results of each of `queries` on `site` (all with
/// `usize::MAX`), and what the result `article` (an address) shows.
pub fn run_queries_for(site: &Site, queries: &[&str], wanted: usize, article: &str) -> Vec<Value> {
    let page = site.page("search/index.html");
    let documents: usize = page.attrs("#search", "data-documents")[0]
        .parse()
        .expect("a count");
    let per_file: usize = page.attrs("#search", "data-texts-per-file")[0]
        .parse()
        .expect("a count");
    let answer = node(
        RUN_QUERIES,
        &json!({
            "site": site.root, "queries": queries, "documents": documents, "perFile": per_file,
            "article": article, "wanted": wanted.min(documents),
        }),
    );
    answer.as_array().expect("one answer per query").clone()
}
