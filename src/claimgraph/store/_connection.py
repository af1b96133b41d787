"""Opening a database: an SQLite file, or a PostgreSQL URL. Every way a --db can be wrong is a CG300 that says why."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from claimgraph.errors import StoreError
from claimgraph.store._postgres import PostgresConnection, PostgresError, connect_postgres, is_postgres, shown

# What the store's code catches as "the database failed", whichever database it is.
DATABASE_ERRORS = (sqlite3.Error, PostgresError)
# "No limit" in a LIMIT both engines take (SQLite's -1 is an error in PostgreSQL).
NO_LIMIT = 2**63 - 1


def described(target: str | Path) -> str:
    """The database as messages name it: its path, or its URL without the password."""
    return shown(target) if is_postgres(target) else str(target)


# Pages the write-ahead log may hold before they are copied into the database. A stored report writes about 85 pages,
# many of them pages the reports before it wrote too (a table's last page, an index's upper levels); a checkpoint
# copies each page once however often it was written, so checkpointing a tenth as often as SQLite's default (1,000)
# made storing about a tenth cheaper in a small and a large store alike (docs/PERFORMANCE.md).
WAL_CHECKPOINT_PAGES = 10_000


def connect(target: str | Path, readonly: bool) -> sqlite3.Connection | PostgresConnection:
    """A connection to the database: a PostgreSQL URL, else the SQLite file at that path (a path, never an
    SQLite URI or ":memory:"), with a coded error for every way it can be wrong."""
    if is_postgres(target):
        return connect_postgres(str(target), readonly)
    path = Path(target)
    _check_path(path, readonly)
    conn = None
    try:
        conn = _open(path, readonly)
        _check_is_claimgraph(conn, path, readonly)
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")  # readers never block the single writer
            conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    except (sqlite3.DatabaseError, StoreError) as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"cannot be used as a database ({exc}): if it is not a claimgraph database, give another "
                         "--db path; if it is damaged, restore it from a copy or ingest into a new file",
                         where=str(path)) from exc
    return conn


def _check_path(path: Path, readonly: bool) -> None:
    if str(path) == ":memory:":
        raise StoreError("an in-memory database keeps nothing after the run: give a file path to --db")
    if readonly and not path.exists():
        raise StoreError(f"no database at {path}; run `claimgraph ingest FILE --db {path}` first")
    if not path.parent.is_dir():
        raise StoreError(f"the folder {path.parent} does not exist: create it (mkdir -p {path.parent}) or give "
                         "another --db path", where=str(path))
    if path.is_dir():
        raise StoreError(f"{path} is a folder: give a file path to --db", where=str(path))
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a regular file (a device or a pipe): give a file path to --db",
                         where=str(path))


def _open(path: Path, readonly: bool) -> sqlite3.Connection:
    # "a?b.db" is a file name, not a query string; the name's bytes as the system holds them (not UTF-8 there)
    uri = "file:" + quote(os.fsencode(path.absolute()), safe="/")
    if readonly:
        try:
            return _configured(sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None))
        except sqlite3.OperationalError as exc:
            if "unable to open" not in str(exc):
                raise  # locked, damaged: said as it is
            # In a folder the user cannot write, SQLite cannot make the side files WAL reading needs: read the
            # file as it stands (nobody can be writing it there either).
            return _configured(sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None))
    return _configured(sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30))


def _configured(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a file that is no database fails here
    return conn


def _check_is_claimgraph(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    """Never add claimgraph's tables (nor a WAL journal) to another application's database; never read an empty
    file as if it held a store."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if readonly and not tables:
        raise StoreError(f"{path} holds no claimgraph store yet (an empty database): run `claimgraph ingest FILE "
                         f"--db {path}` first", where=str(path))
    if tables and "schema_migrations" not in tables:
        raise StoreError(f"is another application's database (tables: {', '.join(sorted(tables)[:5])}): "
                         "claimgraph leaves it alone; give a new --db path", where=str(path))
