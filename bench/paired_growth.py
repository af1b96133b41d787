"""The ingest rate into a small store and into a large one, measured side by side in the same seconds.

`store_growth.py` measures each size when the growing store reaches it, so its 1k and 40k probes are most of an
hour apart, and this shared machine's speed drifts in that time. Here the small store is built first (the first
SMALL RSS reports), the large one is given (made by `store_growth.py --db`), and each round restores both from their
copies and stores the same PROBE reports into each, from two processes that take turns: one reads and stores a
batch (CHUNK reports, the pipeline's batch size) into its store, then the other the same batch into its own. A batch
takes about a second, so the two stores meet the same speed of the machine, where a whole probe of one store and
then of the other were half a minute apart and the machine's speed changed between them by as much as the two
stores differ. Each process holds what merging caches for its own store alone, as `claimgraph ingest` would, and
starts a round with nothing cached. The median of the rounds' rate ratios is reported.

Both stores get the same reports: the PROBE that follow the large store. For the small store they are dated as far
after its last report as they follow the large store's. The reports that follow the small store are not used: the
RSS reports of 2023 are about 40% longer than those of early 2022, and so take longer to read in any store, which
would count against the large store what is only the length of its reports.

    .venv/bin/python bench/store_growth.py --sizes 40000 --db /tmp/rss40.db    # once: about 40 minutes
    .venv/bin/python bench/paired_growth.py /tmp/rss40.db                      # about 5 minutes
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import shutil
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path

from store_growth import PROBE, RSS, documents, grow

from claimgraph.model import Document
from claimgraph.resolve import build_pipeline
from claimgraph.store import Store

CHUNK = 64  # reports a turn: the batch the pipeline reads at once (build_pipeline's batch_size)


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


def prober(copy: Path, store_path: Path, batch: list[Document], pipeline, turns: Connection) -> None:
    """In its own process: restore the store, then for each batch asked for over ``turns``, read and store it and
    answer (seconds in all, seconds storing, reports stored). Closing the store counts as storing: it copies what is
    left in the write-ahead log into the database."""
    shutil.copy(copy, store_path)
    store = Store(store_path)
    while (start := turns.recv()) is not None:
        began = time.perf_counter()
        storing, _, stored = grow(store, batch[start:start + CHUNK], pipeline)
        if start + CHUNK >= len(batch):
            closing = time.perf_counter()
            store.close()
            storing += time.perf_counter() - closing
        turns.send((time.perf_counter() - began, storing, stored))


def build(path: Path, docs: list[Document], pipeline) -> None:
    with Store(path) as store:
        grow(store, docs, pipeline)


def in_child(task, *args) -> None:
    child = multiprocessing.get_context("fork").Process(target=task, args=args)
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"{task.__name__} failed in its process")


def one_round(cases: dict[str, tuple[Path, list[Document]]], folder: Path,
              pipeline) -> dict[str, tuple[float, float]]:
    """Reports a second and storing ms a report of each store, the two taking turns batch by batch."""
    fork = multiprocessing.get_context("fork")  # the children share the loaded pipeline; neither has cached a pair
    ends, children = {}, []
    for name, (copy, batch) in cases.items():
        ends[name], child_end = fork.Pipe()
        child = fork.Process(target=prober, args=(copy, folder / f"{name}-probe.db", batch, pipeline, child_end))
        child.start()
        children.append(child)
    spent = {name: (0.0, 0.0, 0) for name in cases}  # seconds in all, seconds storing, reports stored
    for turn, start in enumerate(range(0, PROBE, CHUNK)):
        for name in sorted(cases, reverse=turn % 2 == 1):  # each store goes first every other batch
            ends[name].send(start)
            spent[name] = tuple(a + b for a, b in zip(spent[name], ends[name].recv(), strict=True))
    for name in cases:
        ends[name].send(None)
    for child in children:
        child.join()
    return {name: (stored / total, 1000 * storing / max(stored, 1)) for name, (total, storing, stored) in spent.items()}


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
        in_child(build, small, docs[:args.small], pipeline)  # so that this process caches no pair of it
        large = folder / "large.db"
        shutil.copy(args.large, large)
        with Store(large):
            pass  # a store made by an older claimgraph is brought to the current schema once, here
        after = reports_after(large, docs)
        batch = docs[after:after + PROBE]
        cases = {"small": (small, redated(batch, docs[after - 1].date, docs[args.small - 1].date)),
                 "large": (large, batch)}
        print(f"small: {args.small:,} reports; large: {after:,} reports; the same {PROBE} reports into each")
        # This process holds all 44k reports, which an ingest (reading them as a stream) never does: frozen out of the
        # collector, so that the full collections of the children do not walk them (and copy their pages).
        gc.collect()
        gc.freeze()
        ratios = []
        for n in range(args.rounds):
            (small_rate, small_ms), (large_rate, large_ms) = one_round(cases, folder, pipeline).values()
            ratios.append(large_rate / small_rate)
            print(f"round {n + 1}: small {small_rate:.1f} reports/s ({small_ms:.2f} ms storing), "
                  f"large {large_rate:.1f} reports/s ({large_ms:.2f} ms storing), rate ratio {ratios[-1]:.2f}",
                  flush=True)
        print(f"rate at {after:,} as a share of the rate at {args.small:,}: median {statistics.median(ratios):.2f}"
              f" (rounds: {', '.join(f'{r:.2f}' for r in ratios)})")


if __name__ == "__main__":
    main()
