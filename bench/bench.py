#!/usr/bin/env python3
"""Whole-process benchmark of `dossier build` against Hugo on the same corpus.

Generates the corpus with ../shared/bench/gen_corpus.py (cached under
target/bench/), builds dossier in release mode, then times `dossier build`
and `hugo` alternately, several runs each, with /usr/bin/time -v. Prints a
Markdown table: median wall and CPU seconds, peak RSS, pages and bytes
written, and the dossier/Hugo ratio measured in this same run. Other sizes
are timed for dossier alone, to show how the cost grows.

    python3 bench/bench.py                       # 10,000 articles vs Hugo, then 1,000 and 100,000
    python3 bench/bench.py --sizes 10000 --runs 5
    python3 bench/bench.py --baseline /tmp/dossier-before --no-hugo --sizes ''
                                                 # this build against an earlier binary
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATOR = REPO.parent / "shared" / "bench" / "gen_corpus.py"
WORK = REPO / "target" / "bench"


def generate(fmt, articles, entities, tags, seed):
    out = WORK / f"corpus-{fmt}-{articles}-{entities}-{tags}-{seed}"
    if not (out / ".complete").exists():
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(
            [sys.executable, str(GENERATOR), "--format", fmt, "--articles", str(articles),
             "--entities", str(entities), "--tags", str(tags), "--seed", str(seed), "--out", str(out)],
            check=True, stdout=subprocess.DEVNULL,
        )
        (out / ".complete").touch()
    return out


def timed(command):
    """Runs `command` under /usr/bin/time -v; returns wall, cpu, rss_mib."""
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    stats = result.stderr
    def field(name):
        return re.search(rf"{re.escape(name)}: (.+)", stats).group(1).strip()
    wall_text = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall_text.split(":")]
    wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, cpu, rss


def size_of(folder):
    pages = total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
            pages += name.endswith(".html")
    return pages, total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000, help="size compared with Hugo")
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--tags", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,100000", help="other sizes, dossier alone ('' for none)")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--baseline", help="an earlier dossier binary, timed alternately with this one")
    parser.add_argument("--outputs", default=str(WORK / "outputs"),
                        help="where the sites are written (e.g. /dev/shm/dossier-bench to leave the disk out)")
    args = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=REPO, check=True)
    dossier = str(REPO / "target" / "release" / "dossier")
    hugo = shutil.which("hugo")
    if not hugo and not args.no_hugo:
        sys.exit("hugo not found: apt-get install -y hugo, or pass --no-hugo")

    rows = []
    # Each run writes to a folder of its own, removed only at the end: on
    # ext4 mounted with `discard`, creating thousands of files right where
    # thousands were just deleted costs several times the system time, and
    # that would measure the disk's housekeeping, not the tools.
    outputs = Path(args.outputs)
    shutil.rmtree(outputs, ignore_errors=True)
    outputs.mkdir()
    corpus = generate("dossier", args.articles, args.entities, args.tags, args.seed)
    contenders = [("dossier", lambda out: [dossier, "build", "--root", str(corpus), "--output-dir", str(out)])]
    if args.baseline:
        baseline = str(Path(args.baseline).resolve())
        contenders.append(("baseline", lambda out: [baseline, "build", "--root", str(corpus), "--output-dir", str(out)]))
    if not args.no_hugo:
        hugo_corpus = generate("hugo", args.articles, args.entities, args.tags, args.seed)
        contenders.append(("hugo", lambda out: [hugo, "--quiet", "-s", str(hugo_corpus), "-d", str(out)]))
    samples = {name: [] for name, _ in contenders}
    for run in range(args.runs):
        for name, command in contenders:  # alternate, so noise hits both
            out = outputs / f"{name}-{args.articles}-{run}"
            samples[name].append(timed(command(out)))
    for name, _ in contenders:
        pages, total = size_of(outputs / f"{name}-{args.articles}-0")
        rows.append((name, args.articles, samples[name], pages, total))

    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        corpus = generate("dossier", size, args.entities, args.tags, args.seed)
        runs = []
        for run in range(args.runs if size <= args.articles else 1):
            out = outputs / f"dossier-{size}-{run}"
            runs.append(timed([dossier, "build", "--root", str(corpus), "--output-dir", str(out)]))
        pages, total = size_of(outputs / f"dossier-{size}-0")
        rows.append(("dossier", size, runs, pages, total))
    shutil.rmtree(outputs, ignore_errors=True)

    print(f"| tool | articles | wall s (median) | CPU s (median) | peak RSS MiB | pages | MB written | runs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    medians = {}
    for name, size, runs, pages, total in rows:
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs)
        medians[(name, size)] = wall
        print(f"| {name} | {size:,} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {pages:,} | {total / 1e6:.0f} | {len(runs)} |")
    if ("hugo", args.articles) in medians:
        ratio = medians[("dossier", args.articles)] / medians[("hugo", args.articles)]
        print(f"\ndossier/Hugo wall-time ratio at {args.articles:,} articles: {ratio:.2f} (same run, alternating)")
    if ("baseline", args.articles) in medians:
        ratio = medians[("dossier", args.articles)] / medians[("baseline", args.articles)]
        print(f"dossier/baseline wall-time ratio at {args.articles:,} articles: {ratio:.2f} (same run, alternating)")
    big = [size for (name, size) in medians if name == "dossier" and size > args.articles]
    for size in big:
        growth = medians[("dossier", size)] / medians[("dossier", args.articles)]
        print(f"{size:,} articles take {growth:.1f}x the {args.articles:,}-article time")


if __name__ == "__main__":
    main()
