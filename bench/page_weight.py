#!/usr/bin/env python3
"""The weight of a built site's HTML pages, by kind of page.

Walks OUTPUT_DIR (what `dossier build --output-dir` wrote), sorts every
`.html` file into its kind by its path (the layout of docs/format.md, "What
a build produces"), and prints, per kind: how many pages, their total, the
median and the largest, with its path. Then the largest pages of the whole
site, and whether the limits hold: no page over --limit (1 MB), no page of
a paginated kind over --paged-limit (200 KB). Exits 1 when one does not.

    python3 bench/page_weight.py /tmp/out
    python3 bench/page_weight.py /tmp/out --top 20 --paged-limit 150000
"""

import argparse
import re
import statistics
import sys
from pathlib import Path

# (kind, pattern on the path inside the output, paginated). First match wins.
KINDS = [
    ("home", r"index\.html", False),
    ("404", r"404\.html", False),
    ("articles", r"articles/(page/\d+/)?index\.html", True),
    ("article", r"articles/[^/]+/index\.html", False),
    ("entities", r"entities/(page/\d+/)?index\.html", True),
    ("entity", r"entities/[^/]+/(page/\d+/)?index\.html", True),
    ("tags", r"tags/index\.html", False),
    ("tag", r"tags/[^/]+/(page/\d+/)?index\.html", True),
    ("timeline years", r"timeline/index\.html", False),
    ("timeline", r"timeline/\d{4}/(page/\d+/)?index\.html", True),
    ("graph", r"graph/index\.html", False),
    ("search", r"search/index\.html", False),
    ("data", r"data/index\.html", False),
    ("other (free pages, redirects)", r".*", False),
]


def kind_of(path):
    for name, pattern, paginated in KINDS:
        if re.fullmatch(pattern, path):
            return name, paginated
    raise AssertionError("the last pattern matches every path")


def size(text):
    """Bytes, from `200000`, `200KB` or `1MB` (decimal units)."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([km]?)b?", text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text} (write 200000, 200KB or 1MB)")
    number, unit = match.groups()
    return int(float(number) * {"": 1, "k": 1e3, "m": 1e6}[unit])


def shown(n):
    if n >= 1e6:
        return f"{n / 1e6:.2f} MB"
    if n >= 1e3:
        return f"{n / 1e3:.1f} KB"
    return f"{n} B"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the built site's folder")
    parser.add_argument("--top", type=int, default=10, help="largest pages listed")
    parser.add_argument("--limit", type=size, default=1_000_000, help="any page (bytes, or 1MB)")
    parser.add_argument(
        "--paged-limit", type=size, default=200_000, help="a page of a paginated kind (200KB)"
    )
    args = parser.parse_args()
    if not args.output.is_dir():
        sys.exit(f"{args.output} is not a folder")

    pages = []  # (bytes, path, kind, paginated)
    for file in args.output.rglob("*.html"):
        path = file.relative_to(args.output).as_posix()
        kind, paginated = kind_of(path)
        pages.append((file.stat().st_size, path, kind, paginated))
    if not pages:
        sys.exit(f"no .html file under {args.output}")

    by_kind = {}
    for page in pages:
        by_kind.setdefault(page[2], []).append(page)
    print(f"{len(pages)} pages, {shown(sum(p[0] for p in pages))}\n")
    print("| kind | pages | total | median | largest | path of the largest |")
    print("|---|---:|---:|---:|---:|---|")
    order = [name for name, _, _ in KINDS]
    for kind in sorted(by_kind, key=order.index):
        group = sorted(by_kind[kind], reverse=True)
        sizes = [p[0] for p in group]
        mark = " (paginated)" if group[0][3] else ""
        print(
            f"| {kind}{mark} | {len(group)} | {shown(sum(sizes))} | "
            f"{shown(int(statistics.median(sizes)))} | {shown(sizes[0])} | {group[0][1]} |"
        )

    print(f"\nThe {args.top} largest pages:")
    for bytes_, path, kind, _ in sorted(pages, reverse=True)[: args.top]:
        print(f"  {shown(bytes_):>10}  {kind:<14} {path}")

    over = [p for p in pages if p[0] > args.limit]
    paged_over = [p for p in pages if p[3] and p[0] > args.paged_limit]
    print(f"\npages over {shown(args.limit)}: {len(over)}")
    print(f"pages of a paginated kind over {shown(args.paged_limit)}: {len(paged_over)}")
    for bytes_, path, _, _ in sorted(set(over + paged_over), reverse=True)[: args.top]:
        print(f"  {shown(bytes_):>10}  {path}")
    sys.exit(1 if over or paged_over else 0)


if __name__ == "__main__":
    main()
