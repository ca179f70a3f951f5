#!/usr/bin/env python3
"""How many bytes the search page loads for its first query, on a built site.

For each query of a realistic set, taken from the site itself, opens the
search page afresh and adds up what a browser loads to show the first
page of results with their snippets: the page, its stylesheet, icon and
scripts, search/keys.js, and every shard, tier and text file the query
asks for. The index is read by the site's own search-index.js and
search.js, run under Node.js with a loader that reads the files from disk
(as the browser runs them from file://), so what is counted is what the
page's code asks for.

The queries: the most frequent words of the corpus (the worst case: a
word in nearly every document), typed whole and with a space after it
(done typing); entity names; two- and three-word queries; and the start
of a word being typed (2, 3, 4 letters).

    python3 bench/search_weight.py target/bench/outputs/dossier-100000
    python3 bench/search_weight.py OUTPUT_DIR --json      # one JSON object
    python3 bench/search_weight.py OUTPUT_DIR --browser 'région'
                        # that query in headless Chromium, from file://: what it asked for

--browser needs tests/prepare (Chromium, playwright-core).
"""

import argparse
import collections
import html.parser
import json
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

WORD = re.compile(r"\w+")

NODE_PROGRAM = r"""
const fs = require("fs");
const path = require("path");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const search = require(path.join(input.site, "search.js"));
const reader = require(path.join(input.site, "search-index.js"));
(async () => {
  const answers = [];
  for (const query of input.queries) {
    const loaded = {};
    const index = new reader.Index(file => {
      if (!(file in loaded)) {
        const full = path.join(input.site, file);
        const text = fs.existsSync(full) ? fs.readFileSync(full) : null;
        loaded[file] = text === null ? 0 : text.length;
        if (text !== null) new Function("dossierSearch", text.toString("utf8"))(index.receiver);
      }
      return Promise.resolve();
    }, input.documents);
    const { found, total } = await index.search(search.parse(query), input.pageSize);
    await index.shown(found, input.perFile);
    answers.push({ query, total, loaded });
  }
  console.log(JSON.stringify({ answers, stopWords: search.frenchStopWords.concat(search.englishStopWords) }));
})();
"""


class PageFiles(html.parser.HTMLParser):
    """The files a page loads with it: stylesheets, icons, scripts."""

    def __init__(self):
        super().__init__()
        self.files = []
        self.form = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon") and attrs.get("href"):
            self.files.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.files.append(attrs["src"])
        elif tag == "form" and attrs.get("id") == "search":
            self.form = attrs


def texts_of(site, numbers):
    """The documents of the texts files `numbers`: [(kind, title, text)]."""
    documents = []
    for n in numbers:
        path = site / "search" / "texts" / f"{n}.js"
        if not path.exists():
            continue
        source = path.read_text(encoding="utf-8")
        data = json.loads("[" + source[source.index("(") + 1: source.rindex(")")] + "]")[1]
        documents.extend((d["k"], d["t"], d["x"]) for d in data)
    return documents


def choose_queries(site, files, stop_words):
    """A realistic set of queries for `site`, from a sample of its texts."""
    sample = texts_of(site, range(0, files, max(1, files // 600)))
    frequency = collections.Counter()
    shown_as = {}
    for _, title, text in sample:
        seen = set()
        for word in WORD.findall(f"{title} {text}"):
            lower = word.lower()
            if len(lower) < 2 or lower.isdigit() or lower in stop_words or lower in seen:
                continue
            seen.add(lower)
            frequency[lower] += 1
            shown_as.setdefault(lower, lower)
    common = [w for w, _ in frequency.most_common(12)]
    # Entities come after the articles: the last files hold them.
    entities = [title for kind, title, _ in texts_of(site, range(max(0, files - 400), files))
                if kind != "Article"]
    names = entities[:: max(1, len(entities) // 4)][:4]
    queries = []
    for word in common[:8]:
        queries += [word, word + " "]
    queries += names + [n + " " for n in names]
    queries += [
        f"{common[0]} {common[1]}", f"{common[2]} {common[3]} ",
        f"{common[0]} {common[1]} {common[2]}", f"{common[4]} {common[5]} {common[6]} ",
    ]
    if names:
        queries += [f"{names[0]} {common[0]}", f"{common[1]} {names[1 % len(names)].split()[0]} "]
    for word in common[:3] + [n.split()[0].lower() for n in names[:2]]:
        for length in (2, 3, 4):
            if len(word) > length:
                queries.append(word[:length])
    return list(dict.fromkeys(queries))


def in_browser(site, query):
    """Opens the search page at `site` with `query` in headless Chromium;
    prints each file it asked for with its size, and their sum."""
    base = site.as_uri() + "/"
    result = subprocess.run(["node", str(REPO / "tests/browser/weight.js"), base, query],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"tests/browser/weight.js failed:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    if report["errors"]:
        sys.exit(f"errors in the page: {report['errors']}")
    total = 0
    files = {}
    for url in report["requested"]:
        path = Path(urllib.request.url2pathname(urllib.parse.urlparse(url).path))
        files[str(path.relative_to(site))] = path.stat().st_size
    for name, size in files.items():
        print(f"{size:>9,}  {name}")
        total += size
    print(f"{total:>9,}  in all, {len(files)} files; {report['status']}")


def folder_size(folder):
    count = total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            count += 1
            total += os.path.getsize(os.path.join(root, name))
    return count, total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path, help="a site built by `dossier build`")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--queries", nargs="*", help="these queries rather than the realistic set")
    parser.add_argument("--browser", metavar="QUERY", help="run QUERY in headless Chromium instead")
    args = parser.parse_args()
    site = args.output.resolve()
    if args.browser is not None:
        in_browser(site, args.browser)
        return
    page = PageFiles()
    page.feed((site / "search/index.html").read_text(encoding="utf-8"))
    # Paths in the page are relative to search/.
    with_page = ["search/index.html"] + [os.path.normpath(os.path.join("search", f)) for f in page.files]
    fixed = {f: (site / f).stat().st_size for f in with_page}
    documents = int(page.form["data-documents"])
    per_file = int(page.form["data-texts-per-file"])
    texts = len(os.listdir(site / "search" / "texts"))

    def run(queries):
        request = {"site": str(site), "queries": queries, "documents": documents,
                   "perFile": per_file, "pageSize": 20}
        result = subprocess.run(["node", "-e", NODE_PROGRAM], input=json.dumps(request),
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"node failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout)

    stop_words = set(run([])["stopWords"])
    queries = args.queries or choose_queries(site, texts, stop_words)
    rows = []
    for answer in run(queries)["answers"]:
        loaded = answer["loaded"]
        kinds = collections.Counter()
        for path, size in loaded.items():
            kinds[path.split("/")[1] if path.count("/") > 1 else "keys"] += size
        total = sum(fixed.values()) + sum(loaded.values())
        rows.append({"query": answer["query"], "bytes": total, "files": len(fixed) + len(loaded),
                     "results": answer["total"], "page": sum(fixed.values()), **kinds})
    count, size = folder_size(site / "search")
    worst = max(rows, key=lambda r: r["bytes"])
    summary = {"documents": documents, "search_files": count, "search_bytes": size,
               "page_bytes": fixed, "queries": rows, "worst": worst}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return
    print(f"{documents:,} documents; search/: {count:,} files, {size:,} bytes")
    print("page and its files: " + ", ".join(f"{f} {b:,}" for f, b in fixed.items()))
    print(f"\n| query | bytes | files | results | page | keys | terms | tiers | texts |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| `{r['query']}` | {r['bytes']:,} | {r['files']} | {r['results']:,} | {r['page']:,} | "
              f"{r.get('keys', 0):,} | {r.get('terms', 0):,} | {r.get('tiers', 0):,} | {r.get('texts', 0):,} |")
    print(f"\nworst: `{worst['query']}`, {worst['bytes']:,} bytes ({worst['bytes'] / 1e6:.3f} MB)")


if __name__ == "__main__":
    main()
