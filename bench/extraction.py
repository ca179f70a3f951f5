#!/usr/bin/env python3
"""Scores the article extractor of `dossier import` on the extraction
benchmark (../shared/extraction-benchmark: 181 saved pages and the text of
each page's article as a person marked it), with the metric its README
describes: per page, the multiset of 4-word shingles (`\\w+` tokens) of the
expected and the extracted text; precision and recall averaged over pages;
F1 of the two means.

How the text is produced is kept apart from how it is scored: `produce()`
decompresses the pages, builds `examples/extract.rs` (release) and runs it
once over all of them; it writes each page's Markdown and its text, which
pulldown-cmark renders from the Markdown with the marks dropped. Also
prints the median and 90th percentile of the time one extraction took.

    python3 bench/extraction.py              # P, R, F1, times
    python3 bench/extraction.py --verbose    # and the 15 worst pages by precision and by recall
    python3 bench/extraction.py --keep DIR   # keep the Markdown and text in DIR
    python3 bench/extraction.py --import     # score what `dossier import` writes instead: each
                                             # page imported by the command into a dossier of its
                                             # own, the body of the article it wrote scored; the
                                             # times are then whole processes
"""

import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCHMARK = REPO.parent / "shared" / "extraction-benchmark"
TOKEN = re.compile(r"\w+")


def shingles(text):
    tokens = TOKEN.findall(text)
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def score_page(expected, extracted):
    """(precision, recall) of one page, by the benchmark's rules."""
    want, got = shingles(expected), shingles(extracted)
    tp = sum((want & got).values())
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    precision = 1.0 if fp == 0 and fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)
    recall = 1.0 if fp == 0 and fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    return precision, recall


def produce(truth, out):
    """Writes OUT/NAME.txt (and .md) for every page; returns the seconds each took."""
    pages = out / "pages"
    pages.mkdir()
    urls = []
    for name, item in truth.items():
        html = gzip.open(BENCHMARK / "html" / f"{name}.html.gz").read().decode("utf-8", "replace")
        (pages / f"{name}.html").write_text(html, encoding="utf-8")
        if item.get("url"):
            urls.append(f"{name}\t{item['url']}\n")
    (out / "urls.tsv").write_text("".join(urls), encoding="utf-8")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "extract"], cwd=REPO, check=True)
    subprocess.run([str(REPO / "target" / "release" / "examples" / "extract"), str(pages), str(out), str(out / "urls.tsv")],
                   check=True)
    times = {}
    for line in (out / "times.tsv").read_text().splitlines():
        name, seconds = line.split("\t")
        times[name] = float(seconds)
    return times


def produce_by_import(truth, out):
    """Imports every page with the `dossier` command, each into an empty
    dossier of its own (two pages of one site may share an address, which
    a dossier would refuse as a duplicate), and writes OUT/NAME.md (the
    body of the article written, empty when none) and OUT/NAME.txt;
    returns the seconds each whole import took."""
    import shutil, time
    pages, bodies = out / "pages", out / "bodies"
    pages.mkdir()
    bodies.mkdir(exist_ok=True)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "dossier", "--example", "extract"],
                   cwd=REPO, check=True)
    binary = REPO / "target" / "release" / "dossier"
    times = {}
    for name in truth:
        page = pages / f"{name}.html"
        page.write_bytes(gzip.open(BENCHMARK / "html" / f"{name}.html.gz").read())
        root = out / "dossiers" / name
        (root / "content").mkdir(parents=True)
        (root / "dossier.yaml").write_text("title: Benchmark\n", encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run([str(binary), "import", str(page), "--root", str(root)], capture_output=True, text=True)
        times[name] = time.perf_counter() - start
        body = ""
        written = done.stdout.split()
        if done.returncode == 0 and written:
            article = (root / written[0]).read_text(encoding="utf-8")
            # The body follows the front matter's closing `---`.
            body = article.split("\n---\n", 1)[1] if "\n---\n" in article else ""
        (bodies / f"{name}.md").write_text(body, encoding="utf-8")
        shutil.rmtree(root)
    (out / "dossiers").rmdir()
    subprocess.run([str(REPO / "target" / "release" / "examples" / "extract"), "--render", str(bodies), str(out)],
                   check=True)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true", help="list the worst pages")
    parser.add_argument("--keep", type=Path, help="write the extracted Markdown and text here")
    parser.add_argument("--import", dest="by_import", action="store_true",
                        help="score the articles the `dossier import` command writes")
    args = parser.parse_args()
    truth = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        if (out / "pages").exists():
            subprocess.run(["rm", "-r", str(out / "pages")], check=True)
        times = produce_by_import(truth, out) if args.by_import else produce(truth, out)
        scores = {}
        for name, item in truth.items():
            extracted = (out / f"{name}.txt").read_text(encoding="utf-8")
            scores[name] = score_page(item["articleBody"], extracted)
    precision = statistics.mean(p for p, _ in scores.values())
    recall = statistics.mean(r for _, r in scores.values())
    f1 = 2 * precision * recall / (precision + recall)
    print(f"pages {len(scores)}  F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}")
    ms = sorted(t * 1000 for t in times.values())
    what = "whole import" if args.by_import else "extraction"
    print(f"time per page ({what}): median {statistics.median(ms):.1f} ms, p90 {ms[int(0.9 * (len(ms) - 1))]:.1f} ms, max {ms[-1]:.1f} ms")
    if args.verbose:
        for label, index in (("precision", 0), ("recall", 1)):
            print(f"\nworst by {label}:")
            for name, pair in sorted(scores.items(), key=lambda kv: kv[1][index])[:15]:
                print(f"  {pair[0]:.3f} {pair[1]:.3f}  {name[:16]}  {truth[name].get('url', '')[:70]}")


if __name__ == "__main__":
    sys.exit(main())
