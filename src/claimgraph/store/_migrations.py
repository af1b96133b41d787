"""Named schema migrations, applied in name order and recorded in ``schema_migrations``.

Each is written for SQLite. PostgreSQL runs it translated (``_postgres_sql.ddl``), or its own reading from
``migrations/postgresql/`` where SQLite's has no translation (JSON functions, rowid)."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import UTC, datetime
from importlib import resources

from claimgraph.store._connection import DATABASE_ERRORS

_FOLDER = resources.files("claimgraph.store").joinpath("migrations")


def migration_names() -> list[str]:
    return sorted(p.name.removesuffix(".sql") for p in _FOLDER.iterdir() if p.name.endswith(".sql"))


def _sql(folder, name: str) -> str | None:
    path = folder.joinpath(f"{name}.sql")
    return path.read_text("utf-8") if path.is_file() else None


def applied_migrations(conn) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]


def pending_migrations(conn) -> list[str]:
    """Migrations not yet applied, read without writing (a reader's connection may not write)."""
    try:
        done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
    except DATABASE_ERRORS:
        return []  # no store at all: reading it says so
    return [name for name in migration_names() if name not in done]


def migrate(conn) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction; return their names."""
    with getattr(conn, "writers_waiting", nullcontext)():
        return _apply(conn)


def _apply(conn) -> list[str]:
    done = set(applied_migrations(conn))
    applied = []
    for name in migration_names():
        if name in done:
            continue
        now = datetime.now(UTC).isoformat(timespec="seconds")
        record = f"INSERT INTO schema_migrations VALUES ('{name}', '{now}')"
        try:
            own = _sql(_FOLDER.joinpath("postgresql"), name) if getattr(conn, "dialect", "") == "postgresql" else None
            if own is not None:
                conn.execute_native(f"BEGIN; {own}; {record}; COMMIT;")
            else:
                conn.executescript(f"BEGIN; {_sql(_FOLDER, name)}; {record}; COMMIT;")
        except DATABASE_ERRORS:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if name in applied_migrations(conn):
                continue  # another writer made the same new store at the same moment, and applied it first
            raise
        applied.append(name)
    return applied
