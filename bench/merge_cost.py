"""Cost of storing one new report (with merging) as the store grows: 1k, 10k, 100k stored reports.

Generated reports (no parsing): each tells one or two events of a few PLOVER types between actors drawn from a
pool, dated in arrival order at a steady rate (a desk's daily intake), with text of words drawn from a large
vocabulary, so the store grows as a long-running desk's database does: more days, not denser days. At each size the
script times a probe of new reports stored one by one, once with merging and once without (the same store, the
merge step switched off, in the same process, alternating), and prints the per-report cost and its ratio to the
cost at the first size.

    .venv/bin/python bench/merge_cost.py                        # 1k and 10k
    .venv/bin/python bench/merge_cost.py --sizes 1000 10000 100000
    .venv/bin/python bench/merge_cost.py --sizes 1000 10000 100000 --postgresql   # on a throwaway server
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from claimgraph.model import Document, Entity, Event, Extraction, Span, Timex
from claimgraph.store import Store
from claimgraph.store import _store as store_module

TYPES = ("AID", "SANCTION", "ASSAULT", "ACCUSE")
ITEMS = "drones shells rockets missiles sanctions fighting town border supplies talks strike convoy".split()
START = date(2015, 1, 1)
PER_DAY = 60  # reports a day


def _vocabulary(rng: random.Random, size: int = 5000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(size)]


VOCABULARY = _vocabulary(random.Random(3))


def report(n: int, rng: random.Random, actors: int) -> Extraction:
    day = START + timedelta(days=n // PER_DAY + rng.randrange(3))
    a, b = rng.sample(range(actors), 2)
    names = [f"Actor {a}", f"Actor {b}"]
    text = f"Report {n}: {names[0]} and {names[1]}. " + " ".join(rng.choice(VOCABULARY) for _ in range(80))
    entities = [Entity(f"cg:actor-{x}", f"Actor {x}", "GPE", mentions=[(text.index(f"Actor {x}"),
                text.index(f"Actor {x}") + len(f"Actor {x}"))]) for x in (a, b)]
    events = []
    for k in range(rng.choice((1, 2))):
        item = rng.choice(ITEMS)
        time_ = Timex("last week", 0, 6, "DATE", (day - timedelta(days=7)).isoformat()) if rng.random() < 0.4 else None
        events.append(Event(f"e{k + 1}", rng.choice(TYPES), None,
                            [{"entity": entities[0].id, "name": entities[0].name, "start": None, "end": None}],
                            [{"entity": entities[1].id, "name": entities[1].name, "start": None, "end": None}],
                            rng.choice(("asserted", "asserted", "planned", "denied")), time_, Span(0, 6, text[:6]),
                            roles={"trigger": {"text": "supplied"}, "item": {"text": item}}))
    return Extraction(Document(text, date=day.isoformat(), id=f"g{n}"), entities=entities, events=events)


def probe(store: Store, reports: list[Extraction], merging: bool) -> float:
    """Seconds per report to store these (they stay: the store grows by the probe)."""
    original = store_module.merge_events
    if not merging:
        store_module.merge_events = lambda *args: None
    try:
        started = time.perf_counter()
        for extraction in reports:
            store.add(extraction)
        elapsed = (time.perf_counter() - started) / len(reports)
    finally:
        store_module.merge_events = original
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--probe", type=int, default=100, help="new reports timed at each size")
    parser.add_argument("--actors", type=int, default=300)
    parser.add_argument("--postgresql", action="store_true", help="store into PostgreSQL (a throwaway server)")
    args = parser.parse_args()
    rng = random.Random(7)
    with fresh_store(args.postgresql) as db:
        with Store(db) as store:
            stored, first, n = 0, None, 0
            print("stored  ms/report merged  ms/report unmerged  merge ms  merged vs first size")
            for size in sorted(args.sizes):
                while stored < size:
                    store.add(report(n, rng, args.actors))
                    stored, n = stored + 1, n + 1
                timed = {True: [], False: []}
                for _ in range(2):  # alternate, so noise hits both alike
                    for merging in (True, False):
                        batch = [report(n + i, rng, args.actors) for i in range(args.probe)]
                        n += args.probe
                        timed[merging].append(probe(store, batch, merging))
                        stored += args.probe
                merged, plain = min(timed[True]), min(timed[False])
                first = first or merged
                print(f"{size:>6}  {merged * 1000:>16.2f}  {plain * 1000:>18.2f}  {(merged - plain) * 1000:>8.2f}"
                      f"  {merged / first:>20.2f}")


@contextmanager
def fresh_store(postgresql: bool):
    """An empty store's --db: a temporary SQLite file, or a database on a throwaway PostgreSQL server."""
    if not postgresql:
        with tempfile.TemporaryDirectory() as folder:
            yield str(Path(folder) / "bench.db")
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from pgserver import fresh_database, running_server

    with running_server() as server:
        yield fresh_database(server, "bench")


if __name__ == "__main__":
    main()
