"""Latency of the web app's pages and API on an existing database, through a real HTTP server (uvicorn on a free
port, in a thread of this process) and a keep-alive client, beside the baseline of the same server sending its
stylesheet (what the stack costs before any page work).

    .venv/bin/python bench/page_latency.py demo.db "Wagner Group"
    .venv/bin/python bench/page_latency.py /tmp/rss.db Russia --rounds 10
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
from urllib.parse import quote

import httpx
import uvicorn

from claimgraph import api
from claimgraph.web import create_app


def start(db: str) -> tuple[uvicorn.Server, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def timings(client: httpx.Client, url: str, rounds: int) -> list[float]:
    client.get(url).raise_for_status()  # warm: the first request of a page loads its template
    found = []
    for _ in range(rounds):
        started = time.perf_counter()
        client.get(url).raise_for_status()
        found.append(time.perf_counter() - started)
    return found


def pages(db: str, name: str) -> dict[str, str]:
    busiest = max(api.events(db, entity=name, limit=200).events, key=lambda e: len(e.claims))
    who = quote(name)
    return {"baseline: /static/style.css": "/static/style.css", "search": f"/?q={who}", "entity": f"/entity/{who}",
            "event (most claims)": f"/event/{busiest.id}", "timeline": f"/timeline?entity={who}",
            "network": "/network", "disputes": "/disputes", "report": f"/report/{busiest.claims[0].document}",
            "API events of the entity": f"/api/events?entity={who}", "API event": f"/api/events/{busiest.id}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("entity")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    server, base = start(args.db)
    rows = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for label, path in pages(args.db, args.entity).items():
            found = sorted(timings(client, path, args.rounds))
            p95 = found[min(len(found) - 1, round(0.95 * (len(found) - 1)))]
            rows.append((label, statistics.median(found) * 1000, p95 * 1000))
    server.should_exit = True
    base_p50 = rows[0][1]
    print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'p50 / baseline':>15}")
    for label, p50, p95 in rows:
        print(f"{label:28} {p50:8.1f} {p95:8.1f} {p50 / base_p50:15.1f}")


if __name__ == "__main__":
    main()
