"""PostgreSQL (``--db postgresql://...``) behind the connection interface the store uses for SQLite.

The store's code talks to a connection with ``execute``, ``executemany``, ``executescript`` and
``in_transaction``, as ``sqlite3`` gives them. ``PostgresConnection`` gives the same over psycopg, translating
each statement once (``_postgres_sql``). Writers take one advisory lock per transaction, so PostgreSQL keeps the
single-writer rule of SQLite's ``BEGIN IMMEDIATE``: merging reads the stored events it joins and must not race
another writer. Readers never take it.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.store._postgres_sql import ddl, query

SCHEMES = ("postgresql://", "postgres://")
WRITER_LOCK = 7_101_612  # the advisory lock every claimgraph writer takes (any number, the same everywhere)
CONNECT_TIMEOUT = 10  # seconds
# The store orders stored events by their distance in days, with SQLite's julianday(): the same for PostgreSQL.
_JULIANDAY = (
    "CREATE OR REPLACE FUNCTION julianday(day text) RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS"
    " $$ SELECT CASE WHEN day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN to_char(day::date, 'J')::double precision END $$"
)


def is_postgres(target: Any) -> bool:
    return isinstance(target, str) and target.startswith(SCHEMES)


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresError(Exception):
    """A PostgreSQL error, raised where ``sqlite3`` would raise ``sqlite3.Error``."""


class _Cursor:
    """What the store reads from a cursor: rows (by iteration or fetch) and how many rows a write touched."""

    def __init__(self, cursor=None, rowcount: int = -1) -> None:
        self._cursor = cursor
        self.rowcount = cursor.rowcount if cursor is not None else rowcount

    def fetchone(self):
        return self._cursor.fetchone() if self._has_rows() else None

    def fetchall(self) -> list:
        return self._cursor.fetchall() if self._has_rows() else []

    def __iter__(self):
        return iter(self.fetchall())

    def _has_rows(self) -> bool:
        return self._cursor is not None and self._cursor.description is not None


class PostgresConnection:
    dialect = "postgresql"

    def __init__(self, raw) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Any = ()) -> _Cursor:
        statement = sql.strip().upper()
        if statement.startswith("PRAGMA"):
            return _Cursor()  # SQLite's settings; PostgreSQL's own defaults (and autovacuum) do their work
        if statement == "BEGIN IMMEDIATE":
            self._run("BEGIN", None)
            return _Cursor(self._run("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,)))
        return _Cursor(self._run(query(sql), params if params is not None else ()))

    def executemany(self, sql: str, rows) -> _Cursor:
        rows = list(rows)
        if not rows:
            return _Cursor(rowcount=0)
        cursor = self.raw.cursor()
        self._wrapped(cursor.executemany, query(sql), rows)
        return _Cursor(cursor)

    def executescript(self, script: str) -> None:
        """Run a script of SQLite's DDL (a migration), translated."""
        self._run(ddl(script), None)

    def execute_native(self, script: str) -> None:
        """Run a script written for PostgreSQL (no parameters)."""
        self._run(script, None)

    @contextmanager
    def writers_waiting(self):
        """Hold the writers' lock across several transactions (migrating: two writers starting on a new
        database would both create its tables)."""
        self._run("SELECT pg_advisory_lock(%s)", (WRITER_LOCK,))
        try:
            yield
        finally:
            self._run("SELECT pg_advisory_unlock(%s)", (WRITER_LOCK,))

    @property
    def in_transaction(self) -> bool:
        from psycopg import pq

        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()

    def _run(self, sql: str, params):
        return self._wrapped(self.raw.execute, sql, params)

    def _wrapped(self, call, *args):
        """``call`` with psycopg's errors raised as PostgresError, which the store catches as database errors."""
        try:
            return call(*args)
        except self._errors() as exc:
            raise PostgresError(_said(exc)) from exc

    @staticmethod
    def _errors():
        import psycopg

        return psycopg.Error


def _said(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def connect_postgres(url: str, readonly: bool) -> PostgresConnection:
    """A connection to the database at ``url``, checked to be claimgraph's (or empty, when writing)."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a declared dependency
        raise StoreError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'", where=shown(url)) from None
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
    except (psycopg.Error, ValueError) as exc:
        raise StoreError(f"cannot connect to PostgreSQL ({_said(exc)}): check the URL, that the server is running "
                         "and that it accepts this user", where=shown(url)) from exc
    conn = PostgresConnection(raw)
    try:
        _check_is_claimgraph(conn, url, readonly)
        if readonly:
            conn.execute("SET default_transaction_read_only = on")
        else:
            _add_functions(conn)
    except (PostgresError, StoreError) as exc:
        conn.close()
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"cannot be used as a database ({exc})", where=shown(url)) from exc
    return conn


def _check_is_claimgraph(conn: PostgresConnection, url: str, readonly: bool) -> None:
    """Never add claimgraph's tables to another application's schema; a reader needs a store to read."""
    tables = {name for (name,) in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    if tables and "schema_migrations" not in tables:
        raise StoreError(f"is another application's database (tables: {', '.join(sorted(tables)[:5])}): "
                         "claimgraph leaves it alone; give another database in --db", where=shown(url))
    if readonly and not tables:
        raise StoreError(f"no claimgraph store in this database yet; run `claimgraph ingest FILE --db {shown(url)}`"
                         " first", where=shown(url))


def _add_functions(conn: PostgresConnection) -> None:
    if conn.execute("SELECT to_regprocedure('julianday(text)')").fetchone()[0] is None:
        conn.execute("BEGIN IMMEDIATE")  # two writers starting at once would both create it
        conn.execute_native(_JULIANDAY)
        conn.execute("COMMIT")
