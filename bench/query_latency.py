"""Latency of the query commands on an existing database, as a user meets them: in this process (best of 3) and as
a whole `claimgraph` command (process start included), beside `claimgraph --version` as the baseline of starting.

    .venv/bin/python bench/query_latency.py /tmp/rss.db Russia
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from claimgraph import api


def best(call, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def command(*args: str) -> float:
    return best(lambda: subprocess.run([sys.executable, "-m", "claimgraph", *args], capture_output=True, check=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="an existing claimgraph database")
    parser.add_argument("name", help="an entity to ask about (Russia)")
    args = parser.parse_args()
    db, name = args.db, args.name
    calls = {f"events --entity {name} (table: first 100)": lambda: api.events(db, entity=name, limit=100),
             f"events --entity {name} --json (every event)": lambda: api.events(db, entity=name),
             f"entity {name}": lambda: api.entity(name, db),
             "docs --limit 20": lambda: api.docs(db, limit=20)}
    print(f"{'query':48} {'in process ms':>14}")
    for label, call in calls.items():
        print(f"{label:48} {1000 * best(call):14.1f}")
    start = command("--version")
    print(f"\nwhole commands (process start {1000 * start:.0f} ms included):")
    for args in (["events", "--entity", name], ["entity", name], ["docs", "--limit", "20"]):
        print(f"  claimgraph {' '.join(args):40} {1000 * command(*args, '--db', str(db)):8.0f} ms")


if __name__ == "__main__":
    main()
