"""Named schema migrations, applied in name order and recorded in ``schema_migrations``."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from importlib import resources


def migration_names() -> list[str]:
    folder = resources.files("claimgraph.store").joinpath("migrations")
    return sorted(p.name.removesuffix(".sql") for p in folder.iterdir() if p.name.endswith(".sql"))


def _migration_sql(name: str) -> str:
    return resources.files("claimgraph.store").joinpath("migrations", f"{name}.sql").read_text("utf-8")


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction; return their names."""
    done = set(applied_migrations(conn))
    applied = []
    for name in migration_names():
        if name in done:
            continue
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            conn.executescript(f"BEGIN; {_migration_sql(name)}; "
                               f"INSERT INTO schema_migrations VALUES ('{name}', '{now}'); COMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
