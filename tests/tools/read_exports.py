"""Reads a built site's data/ exports with the tools their users use and
prints what they found as one JSON object, for tests/exports_tools.rs.

    python3 read_exports.py <site folder>

networkx reads the GEXF and the GraphML; the followthemoney package checks
every FtM entity (its schema, each property and value, the schema of the
entity each reference names, the required properties); citeproc-py formats
every CSL item; Python's csv module reads the tables. It reports counts and
problems and asserts nothing itself: the Rust test compares them with
dossier.json.
"""

import csv
import itertools
import json
import os
import shutil
import subprocess
import sys

import networkx
from citeproc import (Citation, CitationItem, CitationStylesBibliography,
                      CitationStylesStyle, formatter)
from citeproc.source.json import CiteProcJSON
from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.types import registry

site = sys.argv[1]
data = os.path.join(site, "data")
report = {}


def co_mentions_of_dossier():
    """Pairs of entities named in (or listed by) the same articles, from
    dossier.json."""
    with open(os.path.join(site, "dossier.json"), encoding="utf-8") as f:
        dossier = json.load(f)
    named = {a["slug"]: set(a["entities"]) for a in dossier["articles"]}
    for mention in dossier["mentions"]:
        named[mention["article"]].add(mention["entity"])
    pairs = {}
    for entities in named.values():
        for a, b in itertools.combinations(sorted(entities), 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    return pairs


def graph_report(graph):
    kinds = {}
    together = {}
    for a, b, edge in graph.edges(data=True):
        kinds[edge.get("kind")] = kinds.get(edge.get("kind"), 0) + 1
        if edge.get("kind") == "co-mention":
            together[(a, b)] = int(edge["weight"])
    expected = co_mentions_of_dossier()
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "kinds": kinds,
        "weights_match_dossier": together == expected,
        "types": sorted({n.get("type") for _, n in graph.nodes(data=True)}),
        "mentions": sum(int(n.get("mentions", 0)) for _, n in graph.nodes(data=True)),
    }


report["gexf"] = graph_report(networkx.read_gexf(os.path.join(data, "graph.gexf")))
report["graphml"] = graph_report(networkx.read_graphml(os.path.join(data, "graph.graphml")))

tables = {}
for name in ["articles", "entities", "mentions", "relations", "notes"]:
    path = os.path.join(data, f"{name}.csv")
    with open(path, "rb") as f:
        raw = f.read()
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    cells = [cell for row in rows[1:] for cell in row]
    tables[name] = {
        "header": rows[0],
        "rows": len(rows) - 1,
        "same_width": all(len(row) == len(rows[0]) for row in rows),
        # RFC 4180: every record ends with CRLF; a bare LF only inside a
        # quoted field, which csv has read back above.
        "crlf": raw.endswith(b"\r\n") and raw.count(b"\r\n") >= len(rows),
        "formula_cells": [c for c in cells if c[:1] in ("=", "+", "-", "@")],
        "guarded_cells": [c for c in cells if c.startswith("'")],
        "first": dict(zip(rows[0], rows[1])) if len(rows) > 1 else None,
    }
report["csv"] = tables

with open(os.path.join(data, "entities.ftm.json"), encoding="utf-8") as f:
    entities = [json.loads(line) for line in f if line.strip()]
by_id = {e["id"]: e for e in entities}
problems = []
schemata = {}
for entity in entities:
    where = entity.get("id")
    schema = model.get(entity.get("schema"))
    if schema is None or schema.abstract:
        problems.append(f"{where}: no such schema {entity.get('schema')!r}")
        continue
    schemata[schema.name] = schemata.get(schema.name, 0) + 1
    try:
        proxy = model.get_proxy(entity, cleaned=False)
    except InvalidData as error:
        problems.append(f"{where}: {error}")
        continue
    if not model.get_proxy(proxy.to_dict()).id == where:
        problems.append(f"{where}: the id does not survive a round trip")
    if not registry.entity.validate(where):
        problems.append(f"{where}: not a valid FtM id")
    for name, values in entity["properties"].items():
        prop = schema.get(name)
        if prop is None:
            problems.append(f"{where}: {schema.name} has no property {name!r}")
            continue
        for value in values:
            if prop.type.clean(value) is None:
                problems.append(f"{where}: {name} {value!r} is not a valid {prop.type.name}")
            if prop.type.name == "entity":
                target = by_id.get(value)
                if target is None:
                    problems.append(f"{where}: {name} names no entity of the file: {value}")
                elif not model.get(target["schema"]).is_a(prop.range):
                    problems.append(
                        f"{where}: {name} must be a {prop.range.name}, {value} is a {target['schema']}"
                    )
    for name in schema.required:
        if not entity["properties"].get(name):
            problems.append(f"{where}: {schema.name} requires {name!r}")
# The package's own command reads the file again and writes what it kept.
validated = subprocess.run(
    [shutil.which("ftm") or "ftm", "validate", "-i", os.path.join(data, "entities.ftm.json")],
    capture_output=True, text=True, check=True,
).stdout
report["ftm"] = {
    "validated_by_ftm": [json.loads(line)["id"] for line in validated.splitlines() if line.strip()],
    "entities": len(entities),
    "unique_ids": len(by_id),
    "schemata": schemata,
    "problems": problems,
    "lines": entities,
}

with open(os.path.join(data, "sources.csl.json"), encoding="utf-8") as f:
    items = json.load(f)
style = CitationStylesStyle("harvard-cite-them-right", validate=False)
bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
for item in items:
    bibliography.register(Citation([CitationItem(item["id"])]))
report["csl"] = {
    "items": len(items),
    "ids": [item["id"] for item in items],
    "formatted": [str(entry) for entry in bibliography.bibliography()],
}

with open(os.path.join(data, "timeline.json"), encoding="utf-8") as f:
    timeline = json.load(f)
events = timeline["events"]
undated = [
    e["text"]["headline"]
    for e in events
    if not isinstance(e.get("start_date", {}).get("year"), int)
    or ("day" in e["start_date"] and "month" not in e["start_date"])
]
report["timeline"] = {
    "events": len(events),
    "undated": undated,
    "unique_ids": len({e["unique_id"] for e in events}) == len(events),
    "headline": timeline["title"]["text"]["headline"],
    "dates": [e["start_date"] for e in events],
}

json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
