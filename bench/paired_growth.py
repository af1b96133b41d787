"""The ingest rate into a small store and into a large one, measured side by side in the same minutes.

`store_growth.py` measures each size when the growing store reaches it, so its 1k and 40k probes are most of an
hour apart, and this shared machine's speed drifts in that time. Here the small store is built first (the first
SMALL RSS reports), the large one is given (made by `store_growth.py --db`), and then, in alternating rounds, each
store is restored from its copy and PROBE reports are read and stored into it. The ratio of the two rates is taken
per round, so the drift between rounds cancels; the median of the rounds is reported. Each round stores the batch as
new reports: what merging cached from the round before (the scores of the batch's pairs) is forgotten first, or the
small store, whose pairs all fit in that cache, would store its later rounds faster than any real report.

Both stores get the same reports: the PROBE that follow the large store. For the small store they are dated as far
after its last report as they follow the large store's. The reports that follow the small store are not used: the
RSS reports of 2023 are about 40% longer than those of early 2022, and so take longer to read in any store, which
would count against the large store what is only the length of its reports.

    .venv/bin/python bench/store_growth.py --sizes 40000 --db /tmp/rss40.db    # once: about 40 minutes
    .venv/bin/python bench/paired_growth.py /tmp/rss40.db                      # about 5 minutes
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from store_growth import PROBE, RSS, documents, grow

from claimgraph.merge import forget_cached
from claimgraph.model import Document
from claimgraph.resolve import build_pipeline
from claimgraph.store import Store


def reports_after(db: Path, docs: list[Document]) -> int:
    """How many of the RSS reports, in order, the store was made from: one past the last it holds."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        held = {row[0] for row in conn.execute("SELECT external_id FROM documents")}
    return max(n for n, d in enumerate(docs) if d.id in held) + 1


def redated(batch: list[Document], since: str, until: str) -> list[Document]:
    """The reports moved in time by (until - since), keeping any time of day."""
    shift = date.fromisoformat(until[:10]) - date.fromisoformat(since[:10])
    return [replace(d, date=(date.fromisoformat(d.date[:10]) + shift).isoformat() + d.date[10:]) if d.date else d
            for d in batch]


def probe(copy: Path, store_path: Path, batch: list[Document], pipeline) -> tuple[float, float]:
    """Reports a second (reading and storing) and storing ms a report, into a fresh copy of the store. Closing the
    store counts as storing: it copies what is left in the write-ahead log into the database."""
    shutil.copy(copy, store_path)
    forget_cached()
    store = Store(store_path)
    storing, total, stored = grow(store, batch, pipeline)
    began = time.perf_counter()
    store.close()
    closing = time.perf_counter() - began
    return stored / (total + closing), 1000 * (storing + closing) / max(stored, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("large", type=Path, help="a store of the first RSS reports, made by store_growth.py --db")
    parser.add_argument("--small", type=int, default=1000, help="reports in the small store (default 1000)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs, pipeline = documents(RSS, folder), build_pipeline()
        small = folder / "small.db"
        with Store(small) as store:
            grow(store, docs[:args.small], pipeline)
        large = folder / "large.db"
        shutil.copy(args.large, large)
        with Store(large):
            pass  # a store made by an older claimgraph is brought to the current schema once, here
        after = reports_after(large, docs)
        batch = docs[after:after + PROBE]
        cases = {"small": (small, redated(batch, docs[after - 1].date, docs[args.small - 1].date)),
                 "large": (large, batch)}
        print(f"small: {args.small:,} reports; large: {after:,} reports; the same {PROBE} reports into each")
        ratios = []
        for n in range(args.rounds):
            small_rate, small_ms = probe(cases["small"][0], folder / "probe.db", cases["small"][1], pipeline)
            large_rate, large_ms = probe(cases["large"][0], folder / "probe.db", cases["large"][1], pipeline)
            ratios.append(large_rate / small_rate)
            print(f"round {n + 1}: small {small_rate:.1f} reports/s ({small_ms:.2f} ms storing), "
                  f"large {large_rate:.1f} reports/s ({large_ms:.2f} ms storing), rate ratio {ratios[-1]:.2f}",
                  flush=True)
        print(f"rate at {after:,} as a share of the rate at {args.small:,}: median {statistics.median(ratios):.2f}"
              f" (rounds: {', '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
