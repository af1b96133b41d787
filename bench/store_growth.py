"""Ingest and query cost as the store grows, on real reports: the 44k RSS headlines and descriptions of
../shared/data/rss_news_2022_2023 (title and description as text), stored in publication order as a desk would.

At each size the script reports, over the last PROBE reports stored before it: the storing cost per report (the
part that could grow with the store), the whole ingest rate (reading + storing), and the latency (best of 3) of
`events --entity Russia`, `entity Russia` and `docs`, each as a ratio to the first size (the baseline, same run).

A run takes most of an hour, and a shared machine's speed drifts in that time. So just before each probe the script
also times a fixed reference job, bare spaCy over the same REFERENCE texts. The `drift-corrected` ratios divide each
size's rate (and cost) by that reference's, so a machine that slowed down does not read as a store that did.

    .venv/bin/python bench/store_growth.py                             # 1k, 5k, 10k, 20k, 40k
    .venv/bin/python bench/store_growth.py --sizes 1000 5000 --db /tmp/rss.db
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

from claimgraph import api
from claimgraph.ingest import read_paths
from claimgraph.model import Document
from claimgraph.resolve import analyse, build_pipeline
from claimgraph.store import Store

RSS = (Path(__file__).resolve().parents[1].parent / "shared/data/rss_news_2022_2023"
       / "rss_topical_ukraine_wagner_nk_iran_sanctions_2022_2023.jsonl.gz")
PROBE = 500
REFERENCE = 300  # texts bare spaCy reads before each probe, as the measure of the machine's speed at that moment


def documents(path: Path, folder: Path) -> list[Document]:
    """The RSS records as claimgraph reads them (through the JSONL reader), oldest first."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        records = sorted((json.loads(line) for line in stream), key=lambda r: (r["date_published"], r["link"]))
    feed = folder / "rss.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for r in records:
            text = "\n\n".join(filter(None, (r.get("title"), r.get("description"))))
            out.write(json.dumps({"id": r["link"], "date": r["date_published"], "title": r.get("title"),
                                  "outlet": urlparse(r["feed"]).netloc, "url": r["link"], "text": text}) + "\n")
    return [d for d in read_paths([feed]) if isinstance(d, Document)]


def timed(call, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def reference_rate(nlp, texts: list[str]) -> float:
    """Texts a second that bare spaCy reads right now (best of 2)."""
    return len(texts) / timed(lambda: list(nlp.pipe(texts, batch_size=64)), rounds=2)


def grow(store: Store, batch: list[Document], pipeline) -> tuple[float, float, int]:
    """Store ``batch``; the seconds spent storing, the seconds in all, and how many were stored."""
    storing, stored, started = 0.0, 0, time.perf_counter()
    for extraction in analyse(iter(batch), pipeline, lambda error: None):
        began = time.perf_counter()
        stored += store.add(extraction)
        storing += time.perf_counter() - began
    return storing, time.perf_counter() - started, stored


def queries(db: Path) -> dict[str, float]:
    return {"events --entity Russia": timed(lambda: api.events(db, entity="Russia")),
            "entity Russia": timed(lambda: api.entity("Russia", db)),
            "docs": timed(lambda: api.docs(db, limit=20))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 20000, 40000])
    parser.add_argument("--db", type=Path, help="keep the database here (default: a temporary folder)")
    parser.add_argument("--corpus", type=Path, default=RSS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "growth.db"
        docs = documents(args.corpus, Path(folder))
        pipeline, rows, done = build_pipeline(), [], 0
        texts = [d.text for d in docs[:REFERENCE]]
        with Store(db) as store:
            for size in sorted(args.sizes):
                if size > len(docs):
                    break
                grow(store, docs[done:size - PROBE], pipeline)
                machine = reference_rate(pipeline.nlp, texts)
                storing, total, stored = grow(store, docs[size - PROBE:size], pipeline)
                done = size
                rows.append((size, 1000 * storing / max(stored, 1), stored / total, queries(db), machine))
                _print(rows)


def _print(rows) -> None:
    first = rows[0]
    print(f"\n{'stored':>7} {'store ms/report':>16} {'ratio':>6} {'corrected':>9} {'ingest reports/s':>17} {'ratio':>6}"
          f" {'corrected':>9} {'spaCy texts/s':>13}  " + "  ".join(f"{name} ms (ratio)" for name in first[3]))
    for size, store_ms, rate, latency, machine in rows:
        drift = machine / first[4]  # > 1: the machine is faster now than at the first size
        cells = "  ".join(f"{1000 * latency[n]:8.1f} ({latency[n] / first[3][n]:4.2f})" for n in first[3])
        print(f"{size:7,} {store_ms:16.2f} {store_ms / first[1]:6.2f} {store_ms * drift / first[1]:9.2f}"
              f" {rate:17.1f} {rate / first[2]:6.2f} {rate / drift / first[2]:9.2f} {machine:13.1f}  {cells}",
              flush=True)


if __name__ == "__main__":
    main()
