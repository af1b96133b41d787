"""A generated store of about a million claims, for the page and query latency bars: the reports of
bench/merge_cost.py (one or two events each between actors of a pool, at a desk's daily rate), each event told with
several claims (speakers from the pool and officials, statuses asserted, denied, believed, planned), stored and
merged through the store as ingest stores them.

    .venv/bin/python bench/big_store.py /tmp/big.db --reports 100000 --claims 7      # about 1M claims, ~20 min
    .venv/bin/python bench/page_latency.py /tmp/big.db "Actor 1" --rounds 20
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time

from merge_cost import report

from claimgraph.model import Claim, Span, Speaker
from claimgraph.store import Store

STATUSES = ("asserted", "asserted", "asserted", "denied", "believed", "reported", "planned")


def with_claims(extraction, rng: random.Random, claims: int):
    """The generated report with ``claims`` claims on each of its events, each over a sentence of its text."""
    text = extraction.document.text
    for event in extraction.events:
        event.claims = []
        for k in range(claims):
            start = rng.randrange(0, max(len(text) - 40, 1))
            speaker = Speaker(None, f"Official {rng.randrange(50)}", None, None) if k else None
            event.claims.append(Claim(f"{event.id}.c{k + 1}", speaker, rng.choice(STATUSES), None,
                                      extraction.document.date, None, Span(start, start + 40, text[start:start + 40])))
    return extraction


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--claims", type=int, default=7, help="claims per report-level event")
    parser.add_argument("--actors", type=int, default=300)
    args = parser.parse_args()
    rng, started = random.Random(11), time.perf_counter()
    with Store(args.db) as store:
        for n in range(args.reports):
            store.add(with_claims(report(n, rng, args.actors), rng, args.claims))
            if (n + 1) % 10_000 == 0:
                print(f"{n + 1:,} reports stored, {time.perf_counter() - started:.0f} s", flush=True)
    with sqlite3.connect(args.db) as conn:
        for table in ("documents", "events", "event_claims", "merged_events"):
            print(f"{table}: {conn.execute(f'SELECT count(*) FROM {table}').fetchone()[0]:,}")


if __name__ == "__main__":
    main()
