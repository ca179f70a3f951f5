#!/usr/bin/env python3
"""Times `dossier import` of a saved page as a whole process, no network:
each run into a fresh copy of a small dossier (the copy is not timed, since
a second import of the same page is refused as a duplicate). Prints the
median and the 90th percentile.

    python3 bench/import_time.py [--runs 50] [--binary target/release/dossier] [PAGE.html]
"""
import argparse, os, shutil, statistics, subprocess, tempfile, time

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Treaty signed | Example News</title>
<meta name="description" content="Putin and Kim sign a mutual defence pact.">
<link rel="canonical" href="https://news.example.org/2024/06/19/treaty">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Putin and Kim sign a pact",
"datePublished":"2024-06-19","author":{"name":"Anna Writer"}}</script></head><body>
<nav><a href="/">Home</a></nav><article><h1>Putin and Kim sign a pact</h1>
""" + "<p>Vladimir Putin met Kim Jong Un in Pyongyang, and the two leaders signed a treaty that commits each country to help the other.</p>\n" * 60 + "</article></body></html>\n"

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--binary", default="target/release/dossier")
    parser.add_argument("page", nargs="?")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    with tempfile.TemporaryDirectory() as tmp:
        page = args.page or os.path.join(tmp, "page.html")
        if not args.page:
            with open(page, "w") as f:
                f.write(PAGE)
        template = os.path.join(tmp, "template")
        os.makedirs(os.path.join(template, "content/articles/2023"))
        with open(os.path.join(template, "dossier.yaml"), "w") as f:
            f.write("title: Bench\n")
        for i in range(20):
            with open(os.path.join(template, f"content/articles/2023/a{i}.md"), "w") as f:
                f.write(f"---\ntitle: A{i}\ndate: 2023-01-01\nsource:\n  url: https://x.org/{i}\n---\nText.\n")
        times = []
        for run in range(args.runs):
            root = os.path.join(tmp, f"run{run}")
            shutil.copytree(template, root)
            start = time.perf_counter()
            done = subprocess.run([binary, "import", page, "--root", root], capture_output=True)
            times.append((time.perf_counter() - start) * 1000)
            if done.returncode != 0:
                raise SystemExit(done.stderr.decode())
        times.sort()
        print(f"{args.runs} runs, page {os.path.getsize(page)} bytes: median {statistics.median(times):.1f} ms, "
              f"90th percentile {times[int(len(times) * 0.9) - 1]:.1f} ms, min {times[0]:.1f} ms")

main()
