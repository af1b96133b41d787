"""Shared fixtures. Tests never need ../shared; those that use it skip when it is absent."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import settings

# Shared machines are noisy: property tests check behaviour, never speed. In CI the examples are
# derived from each test's name, so a run is repeatable; locally they are random, to keep finding bugs.
settings.register_profile("claimgraph", deadline=None, derandomize=bool(os.environ.get("CI")), database=None)
settings.load_profile("claimgraph")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that data is not beside the project."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only beside the project in development and CI)")
    return path


FEED_REPORTS = (
    "North Korea sent {n} rockets to the Wagner Group in Russia, John Kirby said on Thursday. Pyongyang denied it.",
    "Ukraine said Russian forces attacked Soledar for the {n}th day. Moscow claimed it had taken the town.",
    "The United States imposed sanctions on {n} companies that supplied Iran's drone makers, the Treasury said.",
    "Iran denied on Monday that it had sent drones to Russia, after Kyiv said {n} of them struck the capital.",
)


def write_feed(path: Path, count: int) -> Path:
    """A JSONL feed of ``count`` short reports of the four kinds above, dated through December 2022."""
    path.write_text("".join(json.dumps({"id": f"r{n}", "date": f"2022-12-{n % 28 + 1:02d}",
                                        "text": FEED_REPORTS[n % len(FEED_REPORTS)].format(n=n)}) + "\n"
                            for n in range(count)))
    return path


def database_content(db: Path | str) -> dict[str, list]:
    """Every row of every table, without the columns that record when it was written: two databases are the same
    store when these are equal (the planner's statistics, sqlite_stat1, are not part of it). ``db`` is an SQLite
    file or a PostgreSQL URL."""
    if str(db).startswith("postgresql://"):
        return _postgres_content(str(db))
    conn = sqlite3.connect(db)
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                         " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    content = {}
    for table in tables:
        columns = [c for (_, c, *_) in conn.execute(f"PRAGMA table_info({table})") if not c.endswith("_at")]
        content[table] = sorted(map(repr, conn.execute(f"SELECT {', '.join(columns)} FROM {table}")))
    conn.close()
    return content


def _postgres_content(url: str) -> dict[str, list]:
    import psycopg

    with psycopg.connect(url) as conn:
        tables = [t for (t,) in conn.execute("SELECT table_name FROM information_schema.tables"
                                             " WHERE table_schema = current_schema() ORDER BY table_name")]
        content = {}
        for table in tables:
            columns = [c for (c,) in conn.execute("SELECT column_name FROM information_schema.columns WHERE"
                                                  " table_schema = current_schema() AND table_name = %s"
                                                  " ORDER BY ordinal_position", (table,)) if not c.endswith("_at")]
            rows = conn.execute(f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)} FROM {table}")
            content[table] = sorted(repr(tuple(row)) for row in rows)
    return content


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server of the session's own (tests/pgserver.py), or skip; in CI it must start (.ci/run
    installs Debian's server), so there a server that cannot start fails the tests that need it."""
    from pgserver import Unavailable, running_server

    server = running_server()
    try:
        url = server.__enter__()
    except Unavailable as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL cannot be started here: {exc}")
    yield url
    server.__exit__(None, None, None)


_databases = iter(range(1_000_000))


def postgres_database(server_url: str) -> str:
    """The URL of a new, empty database on the session's server."""
    from pgserver import fresh_database

    return fresh_database(server_url, f"test_{os.getpid()}_{next(_databases)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    """A new store's --db in each backend: an SQLite file, then a PostgreSQL database (the same tests, both)."""
    if request.param == "sqlite":
        return str(tmp_path / "t.db")
    return postgres_database(request.getfixturevalue("postgres_server"))


@pytest.fixture(scope="session")
def nlp():
    from claimgraph.extract import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline(nlp):
    from claimgraph.resolve import build_pipeline

    return build_pipeline(nlp)


@pytest.fixture
def read(pipeline):
    """Read one text dated 2022-12-22 (unless told otherwise) into an Extraction."""
    from claimgraph.model import Document

    def run(text: str, date: str = "2022-12-22"):
        return pipeline(Document(text=text, date=date, source="<test>"))

    return run


# A short report written for these tests (not taken from any real article).
REPORT = (
    "Pyongyang has shipped artillery shells to Russia for the Wagner Group, White House spokesperson "
    "John Kirby said on Thursday. Kirby said the shipment arrived last month. Wagner now has about 50,000 "
    "fighters in Ukraine: 40,000 convicts and 10,000 contractors. North Korean officials called the claim false."
)


@pytest.fixture
def report_extraction(read):
    return read(REPORT)


# A report written to attack the pages: markup, event handlers and a javascript: link in every field a page shows.
HOSTILE = {
    "id": "<b>hostile</b>",
    "date": "2022-12-01",
    "title": "<script>window.__pwned = 1; alert('title')</script> Russia sanctions",
    "outlet": "<img src=x onerror=\"window.__pwned=1\">",
    "url": "javascript:window.__pwned=1",
    "text": ("The United States imposed sanctions on <script>window.__pwned=1;alert(1)</script> Russia on Monday, "
             "officials said. <img src=x onerror=\"window.__pwned=1\"> Moscow denied it had "
             "<a href=\"javascript:window.__pwned=1\">broken</a> the rules."),
}


@pytest.fixture(scope="session")
def demo_db(pipeline, tmp_path_factory):
    """The demo corpus (examples/corpus) and the hostile report, stored in a fresh database."""
    import json

    from claimgraph import api
    from claimgraph.store import Store

    folder = tmp_path_factory.mktemp("demo_db")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "demo.db"
    with Store(db) as store:
        for extraction in api.extract([REPO / "examples" / "corpus", hostile], pipeline=pipeline):
            store.add(extraction)
    return db
