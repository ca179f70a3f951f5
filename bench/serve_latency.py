#!/usr/bin/env python3
"""Edit-to-served latency of `dossier serve` on the generated corpus.

Copies the 10,000-article corpus (../shared/bench/gen_corpus.py, cached
under target/bench/) to a scratch folder, starts `dossier serve --port 0`
on it, and keeps a server-sent-events connection open as a browser tab
would. Then, again and again, it appends a new sentence to one article and
measures from just before the write to the moment the article's page, asked
for over HTTP after the reload event (as the page's script does), holds the
new sentence. Prints the median, 90th percentile and worst of these, beside
a full `dossier build` of the same corpus timed in the same run, since
these machines are shared and noisy.

    python3 bench/serve_latency.py                 # 10,000 articles, 30 edits
    python3 bench/serve_latency.py --articles 1000 --edits 50
"""

import argparse
import http.client
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import WORK, generate  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BINARY = REPO / "target" / "release" / "dossier"


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


class ReloadListener(threading.Thread):
    """Reads the event stream; `wait(after)` blocks until the event numbered > after."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.generation = 0
        self.changed = threading.Condition()

    def run(self):
        sock = socket.create_connection(("127.0.0.1", self.port))
        sock.sendall(b"GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        buffer = b""
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                return
            buffer += chunk
            for number in re.findall(rb"event: reload\r?\ndata: (\d+)", buffer):
                with self.changed:
                    self.generation = max(self.generation, int(number))
                    self.changed.notify_all()
            buffer = buffer[-256:]

    def wait(self, after, timeout=10):
        with self.changed:
            if not self.changed.wait_for(lambda: self.generation > after, timeout):
                sys.exit("no reload event within 10 s")
            return self.generation


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--what", choices=["body", "front-matter", "entity", "all"], default="all",
                        help="edit an article's body (a new sentence) or front matter (its title), "
                             "or an entity's description")
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    corpus = generate("dossier", args.articles, args.articles // 10, 60, 1)
    scratch = WORK / f"serve-{args.articles}"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(corpus, scratch)

    start = time.perf_counter()
    subprocess.run([str(BINARY), "build", "--root", str(scratch), "--output-dir",
                    str(WORK / f"serve-{args.articles}-public")], check=True,
                   stderr=subprocess.DEVNULL)
    full_build = time.perf_counter() - start

    server = subprocess.Popen([str(BINARY), "serve", "--root", str(scratch), "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    try:
        port = None
        for line in server.stderr:
            found = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
            if found:
                port = int(found.group(1))
                break
        if port is None:
            sys.exit("the server did not start")
        # Keep reading the server's lines so that it never blocks on them.
        threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()

        listener = ReloadListener(port)
        listener.start()
        time.sleep(0.5)
        article = sorted((scratch / "content" / "articles").glob("*.md"))[args.articles // 2]
        page = f"/articles/{article.stem}/"
        status, _ = get(port, page)
        if status != 200:
            sys.exit(f"{page}: status {status}")

        entity = sorted((scratch / "content" / "entities").glob("*/*.md"))[0]
        results = {}
        for what in (["body", "front-matter", "entity"] if args.what == "all" else [args.what]):
            file, path = (entity, f"/entities/{entity.stem}/") if what == "entity" else (article, page)
            text = file.read_text()
            results[what] = measure(port, listener, file, path, text, what, args.edits)
            file.write_text(text)
    finally:
        server.terminate()
        server.wait()

    print(f"| {args.articles:,} articles, {args.edits} edits each | median | 90th percentile | worst |")
    print("|---|---|---|---|")
    for what, latencies in results.items():
        latencies.sort()
        p90 = latencies[int(len(latencies) * 0.9) - 1]
        print(f"| save to new page served: {what} edit | {statistics.median(latencies):.0f} ms "
              f"| {p90:.0f} ms | {latencies[-1]:.0f} ms |")
    print(f"| full `dossier build`, same run | {full_build * 1000:.0f} ms | | |")


def measure(port, listener, article, page, text, what, edits):
    """Milliseconds from each save to the page showing it."""
    latencies = []
    for edit in range(edits):
        marker = f"Mesure {what} {edit}"
        if what in ("body", "entity"):
            new = f"{text}\n{marker}.\n"
        else:
            new = text.replace('title: "', f'title: "{marker} ', 1)
        generation = listener.generation
        t0 = time.perf_counter()
        article.write_text(new)
        listener.wait(generation)
        status, body = get(port, page)
        elapsed = time.perf_counter() - t0
        if status != 200 or marker.encode() not in body:
            sys.exit(f"{what} edit {edit}: the page does not show the change (status {status})")
        latencies.append(elapsed * 1000)
        time.sleep(0.3)
    return latencies


if __name__ == "__main__":
    main()
