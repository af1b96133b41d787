"""Ingest throughput with 1 and 2 reading processes, as a ratio to bare single-process spaCy in the same run, and
the peak RSS of the ingest's whole process tree.

The baseline is `nlp.pipe` over the same texts in this process, with the pinned model as spaCy ships it (without
the lemmatizer claimgraph never runs, and without claimgraph's own components or its faster attribute rules), timed
without loading. Each ingest is a real `claimgraph ingest` in a subprocess, into a fresh database, timed from start to
summary (process start, model loading, reading, storing and merging included). Runs alternate: spaCy, 2 workers,
1 worker, spaCy; the baseline is the mean of the two spaCy runs, so drift hits both sides alike.

    .venv/bin/python bench/parallel_ingest.py                    # 2,000 BBC articles, about 15 minutes
    .venv/bin/python bench/parallel_ingest.py --docs 300
    .venv/bin/python bench/parallel_ingest.py --memory 1000 2000 5000 10000   # peak RSS by input size (RSS reports)

With --memory, each size is the first N real RSS reports of ../shared (title and description, oldest first), read
by `claimgraph ingest --workers 2` into a fresh database: one line per size, with the peak RSS of the process tree.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from throughput import DEFAULT_CORPUS, bare_spacy, load_texts, run_spacy


def write_feed(texts: list[str], path: Path) -> Path:
    """The texts as dated JSONL reports; a text met again (the corpus is cycled) gets a line of its own so that
    every report is new to the store."""
    with path.open("w", encoding="utf-8") as out:
        for n, text in enumerate(texts):
            day = f"2005-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
            out.write(json.dumps({"id": f"bbc{n}", "date": day, "text": f"{text}\n\nReport {n}."}) + "\n")
    return path


class TreePeak:
    """The largest sum of resident memory over a process and its children, sampled every 0.2 s."""

    def __init__(self, pid: int) -> None:
        self.peak, self.root = 0, psutil.Process(pid)
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while self.root.is_running():
            try:
                tree = [self.root, *self.root.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.2)


def timed_ingest(feed: Path, workers: int, folder: Path) -> tuple[float, float, str]:
    """Seconds, peak tree RSS in MB and the summary line of one `claimgraph ingest --workers N`."""
    db = folder / f"workers{workers}.db"
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "claimgraph", "ingest", str(feed), "--db", str(db),
                                "--workers", str(workers)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, text=True)
    peak = TreePeak(process.pid)
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"ingest --workers {workers} failed:\n{stderr[-2000:]}")
    return elapsed, peak.peak / 2**20, stderr.strip().splitlines()[-1]


def memory_by_size(sizes: list[int]) -> None:
    from store_growth import RSS

    with gzip.open(RSS, "rt", encoding="utf-8") as stream:
        records = sorted((json.loads(line) for line in stream), key=lambda r: (r["date_published"], r["link"]))
    print(f"{'reports':>8} {'seconds':>8} {'reports/s':>10} {'peak tree RSS MB':>17}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            feed = folder / "rss.jsonl"
            with feed.open("w", encoding="utf-8") as out:
                for r in records[:size]:
                    text = "\n\n".join(filter(None, (r.get("title"), r.get("description"))))
                    out.write(json.dumps({"id": r["link"], "date": r["date_published"], "text": text}) + "\n")
            seconds, peak, _ = timed_ingest(feed, 2, folder)
            print(f"{size:8,} {seconds:8.0f} {size / seconds:10.1f} {peak:17.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="CSV with a 'text' column")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--memory", type=int, nargs="+", metavar="N", help="peak RSS at these input sizes instead")
    args = parser.parse_args()
    if args.memory:
        memory_by_size(args.memory)
        return
    texts = load_texts(args.corpus, args.docs)
    nlp = bare_spacy()
    run_spacy(nlp, texts[:20])  # warm
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        feed = write_feed(texts, folder / "feed.jsonl")
        spacy_first = run_spacy(nlp, texts)
        two = timed_ingest(feed, 2, folder)
        one = timed_ingest(feed, 1, folder)
        spacy_last = run_spacy(nlp, texts)
    base = (spacy_first + spacy_last) / 2
    print(f"documents: {len(texts)}  bare spaCy: {spacy_first:.0f} s and {spacy_last:.0f} s "
          f"({len(texts) / base:.1f} docs/s)")
    print(f"{'run':22} {'seconds':>8} {'docs/s':>8} {'ratio to spaCy':>15} {'peak tree RSS MB':>17}")
    for label, (seconds, peak, _) in (("ingest --workers 1", one), ("ingest --workers 2", two)):
        print(f"{label:22} {seconds:8.0f} {len(texts) / seconds:8.1f} {base / seconds:15.2f} {peak:17.0f}")
    print(f"summaries: {one[2]!r} / {two[2]!r}")


if __name__ == "__main__":
    main()
