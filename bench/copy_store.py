"""Copy an SQLite store, row for row, into an empty PostgreSQL store, so the same generated database can be timed
in both engines (bench/big_store.py takes hours to store 1M claims through PostgreSQL; copying takes minutes).

    .venv/bin/python bench/copy_store.py /tmp/big.db postgresql://claimgraph@127.0.0.1:PORT/big
    .venv/bin/python bench/copy_store.py /tmp/big.db --serve /tmp/big.url   # on a throwaway server, kept running

The PostgreSQL store is made by claimgraph (its migrations), then each table is filled with COPY, foreign keys
checked by the source, not again (``session_replication_role``, which needs a superuser: the throwaway server's
user is one).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

import psycopg

from claimgraph.store import Store


def copy(source: str, url: str) -> None:
    with Store(source):  # brings the source up to the current migrations
        pass
    with Store(url):
        pass
    lite = sqlite3.connect(source)
    tables = [t for (t,) in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                                         " 'sqlite_%' AND name != 'schema_migrations' ORDER BY name")]
    with psycopg.connect(url) as pg:
        pg.execute("SET session_replication_role = replica")
        for table in tables:
            started = time.perf_counter()
            columns = [c for (_, c, *_) in lite.execute(f"PRAGMA table_info({table})")]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = 0
            with pg.cursor().copy(f"COPY {table} ({quoted}) FROM STDIN") as stream:
                for row in lite.execute(f"SELECT {quoted} FROM {table}"):
                    stream.write_row(row)
                    rows += 1
            print(f"{table}: {rows:,} rows, {time.perf_counter() - started:.0f} s", flush=True)
        pg.execute("SELECT setval(pg_get_serial_sequence('entity_judgements', 'id'),"
                   " coalesce((SELECT max(id) FROM entity_judgements), 0) + 1, false)")
    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("url", nargs="?", help="an empty PostgreSQL database")
    parser.add_argument("--serve", metavar="URL_FILE",
                        help="copy into a throwaway server instead, write its URL to this file and keep it running")
    args = parser.parse_args()
    if args.url:
        copy(args.source, args.url)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from pgserver import fresh_database, running_server

    with running_server() as server:
        url = fresh_database(server, "copy")
        copy(args.source, url)
        Path(args.serve).write_text(url + "\n")
        print(f"{url} is served until this process ends (Enter)", flush=True)
        try:
            input()
        except EOFError:
            time.sleep(10**9)


if __name__ == "__main__":
    main()
