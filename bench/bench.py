#!/usr/bin/env python3
"""Whole-process benchmark of `dossier build` against Hugo on the same corpus.

Generates the corpus with ../shared/bench/gen_corpus.py (cached under
target/bench/), builds dossier in release mode, then times `dossier build`
and `hugo` alternately, several runs each, with /usr/bin/time -v. Prints a
Markdown table: median wall, user and system CPU seconds, peak RSS, pages
and bytes written, and the dossier/Hugo ratio measured in this same run.
Every corpus is read once before it is timed, so no run reads the disk.
Other sizes are timed for dossier alone, to show how the cost grows.

    python3 bench/bench.py                       # 10,000 articles vs Hugo, then 1,000 and 100,000
    python3 bench/bench.py --runs 7 --outputs /dev/shm/dossier-bench
                                                 # the README's figures: seven runs, sites in memory
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
    warm(out)
    return out


def warm(folder):
    """Reads every file of `folder` once, so that no run reads from the disk.

    A size timed once (100,000 articles) would otherwise pay for reading its
    corpus cold, about ten seconds on this machine's disk, while the sizes
    timed several times have it in the page cache from their first run on:
    the ratio between sizes would measure the disk."""
    for root, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as file:
                while file.read(1 << 20):
                    pass


def timed(command):
    """Runs `command` under /usr/bin/time -v; returns wall, user, system, rss_mib."""
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    stats = result.stderr
    def field(name):
        return re.search(rf"{re.escape(name)}: (.+)", stats).group(1).strip()
    wall_text = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall_text.split(":")]
    wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    user = float(field("User time (seconds)"))
    system = float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, user, system, rss


def in_memory(folder):
    """Whether `folder` is on a file system held in memory (tmpfs)."""
    folder = str(Path(folder).resolve())
    best, kind = "", ""
    with open("/proc/mounts") as mounts:
        for line in mounts:
            _, point, fstype, *_ = line.split()
            inside = folder == point or folder.startswith(point.rstrip("/") + "/")
            # The last of several mounts on one point is the one seen.
            if inside and len(point) >= len(best):
                best, kind = point, fstype
    return kind in ("tmpfs", "ramfs")


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
    # Each run writes to a folder of its own. On disk it is removed only at
    # the end: on ext4 mounted with `discard`, creating thousands of files
    # right where thousands were just deleted costs several times the
    # system time, and that would measure the disk's housekeeping, not the
    # tools. In memory it is removed as soon as it is measured: kept, the
    # sites would pile up in the machine's memory (3.7 GB for one
    # 100,000-article site), and on a virtual machine whose host hands out
    # memory more slowly the more of it the guest holds, each run would
    # pay for the pages of the runs before it.
    outputs = Path(args.outputs)
    marker = outputs / ".dossier-bench"
    if outputs.exists() and any(outputs.iterdir()) and not marker.exists():
        sys.exit(f"{outputs} holds files this bench did not write: name a new folder for --outputs")
    shutil.rmtree(outputs, ignore_errors=True)
    outputs.mkdir(parents=True)
    marker.touch()
    remove_each = in_memory(outputs)
    sizes = {}

    def measure(name, size, run, command):
        out = outputs / f"{name}-{size}-{run}"
        sample = timed(command(out))
        if run == 0:
            sizes[(name, size)] = size_of(out)
        if remove_each:
            shutil.rmtree(out)
        return sample
    corpus = generate("dossier", args.articles, args.entities, args.tags, args.seed)
    contenders = [("dossier", lambda out, corpus=corpus: [dossier, "build", "--root", str(corpus), "--output-dir", str(out)])]
    if args.baseline:
        baseline = str(Path(args.baseline).resolve())
        contenders.append(("baseline", lambda out, corpus=corpus: [baseline, "build", "--root", str(corpus), "--output-dir", str(out)]))
    if not args.no_hugo:
        hugo_corpus = generate("hugo", args.articles, args.entities, args.tags, args.seed)
        contenders.append(("hugo", lambda out: [hugo, "--quiet", "-s", str(hugo_corpus), "-d", str(out)]))
    samples = {name: [] for name, _ in contenders}
    for run in range(args.runs):
        for name, command in contenders:  # alternate, so noise hits both
            samples[name].append(measure(name, args.articles, run, command))
    for name, _ in contenders:
        rows.append((name, args.articles, samples[name]))

    # The size compared with Hugo is already measured, alternating.
    for size in [int(s) for s in args.sizes.split(",") if s.strip() and int(s) != args.articles]:
        corpus = generate("dossier", size, args.entities, args.tags, args.seed)
        build = lambda out, corpus=corpus: [dossier, "build", "--root", str(corpus), "--output-dir", str(out)]
        runs = [measure("dossier", size, run, build)
                for run in range(args.runs if size <= args.articles else 1)]
        rows.append(("dossier", size, runs))
    shutil.rmtree(outputs, ignore_errors=True)

    print("| tool | articles | wall s | user CPU s | system CPU s | peak RSS MiB | pages | MB written | runs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    medians = {}
    for name, size, runs in rows:
        wall, user, system = (statistics.median(r[i] for r in runs) for i in range(3))
        rss = max(r[3] for r in runs)
        pages, total = sizes[(name, size)]
        medians[(name, size)] = wall, user, system
        print(f"| {name} | {size:,} | {wall:.2f} | {user:.2f} | {system:.2f} | {rss:.0f} | {pages:,} "
              f"| {total / 1e6:.0f} | {len(runs)} |")
    print("\nMedians; peak RSS is the highest of the runs.")
    if ("hugo", args.articles) in medians:
        ratio = medians[("dossier", args.articles)][0] / medians[("hugo", args.articles)][0]
        print(f"\ndossier/Hugo wall-time ratio at {args.articles:,} articles: {ratio:.2f} (same run, alternating)")
    if ("baseline", args.articles) in medians:
        ratio = medians[("dossier", args.articles)][0] / medians[("baseline", args.articles)][0]
        print(f"dossier/baseline wall-time ratio at {args.articles:,} articles: {ratio:.2f} (same run, alternating)")
    big = [size for (name, size) in medians if name == "dossier" and size > args.articles]
    for size in big:
        # The user time is the program's own work; the system time also
        # holds what the kernel (and, in a virtual machine, its host) takes
        # to supply the pages the site is written into.
        wall, user, system = (a / b if b else float("inf")
                              for a, b in zip(medians[("dossier", size)], medians[("dossier", args.articles)]))
        print(f"{size:,} articles take {wall:.1f}x the {args.articles:,}-article wall time "
              f"(user CPU {user:.1f}x, system CPU {system:.1f}x)")


if __name__ == "__main__":
    main()
