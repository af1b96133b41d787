"""Issue 8, the database side: every --db path that cannot hold a claimgraph database is a CG300 that says why;
a fault while storing costs one report (CG301) or stops the run with what was done before (CG300), and nothing
stored before it is lost."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest

from claimgraph import api
from claimgraph.errors import DocumentNotStored, StoreError
from claimgraph.store import Store

REPORTS = [f"Russia attacked Kyiv on day {n} of the month, Ukraine's army said. Iran sent {n} drones to Russia."
           for n in range(1, 9)]


def _feed(path, texts, date="2022-12-22"):
    path.write_text("".join(json.dumps({"id": f"r{i}", "date": date, "text": t}) + "\n" for i, t in enumerate(texts)))
    return path


def _documents(db) -> list[str]:
    return [i for (i,) in sqlite3.connect(db).execute("SELECT external_id FROM documents ORDER BY external_id")]


@pytest.mark.parametrize("name", ["a?b.db", "x.db?mode=memory", "c#d.db", "50%.db"])
def test_a_db_path_is_a_file_name_never_an_sqlite_uri(tmp_path, name):
    with Store(tmp_path / name):
        pass
    assert (tmp_path / name).is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [name]


def test_an_in_memory_database_is_refused(tmp_path):
    with pytest.raises(StoreError, match="in-memory database keeps nothing"):
        Store(":memory:")


def test_a_missing_folder_says_to_create_it(tmp_path):
    with pytest.raises(StoreError, match="does not exist: create it"):
        Store(tmp_path / "nowhere" / "x.db")


@pytest.mark.parametrize("content", [b"hello, this is no database at all" * 40, b"SQLite format 3\x00" + b"\x01" * 700])
def test_a_file_that_is_not_sqlite_is_refused_and_left_as_it_was(tmp_path, content):
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="cannot be used as a database"):
        Store(path)
    assert path.read_bytes() == content


def test_a_truncated_database_is_refused(tmp_path, pipeline):
    path = tmp_path / "x.db"
    api.ingest([_feed(tmp_path / "f.jsonl", REPORTS[:3])], db=path, pipeline=pipeline)
    truncated = tmp_path / "t.db"
    truncated.write_bytes(path.read_bytes()[:5000])
    for readonly in (False, True):
        with pytest.raises(StoreError, match="cannot be used as a database"):
            Store(truncated, readonly=readonly)


def test_another_applications_database_gets_nothing_added(tmp_path):
    path = tmp_path / "theirs.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another application's database"):
        Store(path)
    assert path.read_bytes() == before and not (tmp_path / "theirs.db-wal").exists()


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"")
    with Store(path) as store:
        assert store.migrations


def test_an_empty_file_is_not_read_as_a_store(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match="holds no claimgraph store yet"):
        api.docs(path)
    assert path.read_bytes() == b""  # a reader made nothing of it


def test_a_device_is_not_a_database(tmp_path):
    for readonly in (False, True):
        with pytest.raises(StoreError, match="not a regular file"):
            Store("/dev/null", readonly=readonly)


def test_a_page_damaged_past_the_first_is_a_coded_error_when_read(tmp_path, pipeline):
    path = tmp_path / "x.db"
    api.ingest([_feed(tmp_path / "f.jsonl", REPORTS[:3])], db=path, pipeline=pipeline)
    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents'").fetchone()
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size:root * size] = b"\xff" * size
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="could not be read"):
        api.docs(path)


def test_a_db_path_that_is_not_utf_8_is_used_as_named(tmp_path, pipeline):
    path = tmp_path / os.fsdecode(b"caf\xe9.db")  # a Latin-1 name: a surrogate in Python's str
    api.ingest([_feed(tmp_path / "f.jsonl", REPORTS[:1])], db=path, pipeline=pipeline)
    assert [d.external_id for d in api.docs(path)] == ["r0"]
    assert os.fsencode(path.name) in os.listdir(os.fsencode(tmp_path))


def test_a_database_is_read_where_its_side_files_cannot_be_made(tmp_path, pipeline):
    """A folder the user cannot write: SQLite cannot make the -shm file WAL reading needs. (Root writes every
    folder, so the test stands a directory where the -shm file would go.)"""
    path = tmp_path / "x.db"
    api.ingest([_feed(tmp_path / "f.jsonl", REPORTS[:2])], db=path, pipeline=pipeline)
    (tmp_path / "x.db-shm").mkdir()
    assert sorted(d.external_id for d in api.docs(path)) == ["r0", "r1"]


def test_a_full_disk_stops_the_run_naming_the_report_and_keeps_what_was_stored(tmp_path, pipeline, monkeypatch):
    path = tmp_path / "x.db"
    api.ingest([_feed(tmp_path / "first.jsonl", REPORTS[:2])], db=path, pipeline=pipeline)
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
    _limit_pages(monkeypatch, pages + 1)  # SQLite's own "database or disk is full", a page past today's file
    feed = _feed(tmp_path / "more.jsonl", [t * 40 for t in REPORTS[2:]])
    with pytest.raises(StoreError, match="full") as raised:
        api.ingest([feed], db=path, pipeline=pipeline)
    assert raised.value.where.startswith(f"{feed}:")
    assert raised.value.report.read >= 1
    monkeypatch.undo()
    assert _documents(path)[:2] == ["r0", "r1"]
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    again = api.ingest([feed], db=path, pipeline=pipeline)  # the same command once there is room
    assert again.stored == len(REPORTS) - 2 and len(_documents(path)) == len(REPORTS)


def test_a_disk_that_fills_while_a_new_database_is_made_is_a_coded_error(tmp_path, monkeypatch):
    _limit_pages(monkeypatch, 3)  # a few pages: the first migrations do not fit
    with pytest.raises(StoreError, match="could not set up the database") as raised:
        Store(tmp_path / "new.db")
    assert "nothing was stored" in str(raised.value)
    monkeypatch.undo()
    with Store(tmp_path / "new.db") as store, Store(tmp_path / "fresh.db") as fresh:  # room again: a whole store
        assert store.migrations == fresh.migrations


def test_two_writers_making_one_new_store_at_once_both_go_on(tmp_path, monkeypatch):
    """As if another ingest applied every migration after this one read which were done: each then fails as
    "table already exists", and is found applied."""
    from claimgraph.store import _migrations
    from claimgraph.store._connection import connect

    path = tmp_path / "new.db"
    Store(path).close()  # the other writer, first
    real, calls = _migrations.applied_migrations, []

    def read_before_the_other(conn):
        calls.append(conn)
        return [] if len(calls) == 1 else real(conn)

    monkeypatch.setattr(_migrations, "applied_migrations", read_before_the_other)
    conn = connect(path, readonly=False)
    assert _migrations.migrate(conn) == [] and len(calls) > 1  # every one tried, every one found applied
    conn.close()


def _limit_pages(monkeypatch, pages: int) -> None:
    import claimgraph.store._connection as connection

    configured = connection._configured

    def limited(conn):
        conn = configured(conn)
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(connection, "_configured", limited)


def test_a_report_that_meets_a_bug_while_stored_costs_only_itself(tmp_path, pipeline, monkeypatch):
    import claimgraph.store._store as store_module

    record_copies = store_module.record_copies

    def failing(conn, key, text):
        if "day 3 " in text:
            raise OverflowError("a value the store cannot hold")
        return record_copies(conn, key, text)

    monkeypatch.setattr(store_module, "record_copies", failing)
    feed = _feed(tmp_path / "f.jsonl", REPORTS[:5])
    result = api.ingest([feed], db=tmp_path / "x.db", pipeline=pipeline)
    (error,) = result.skipped
    assert isinstance(error, DocumentNotStored) and error.where == f"{feed}:3"
    assert _documents(tmp_path / "x.db") == ["r0", "r1", "r3", "r4"]
    assert "1 CG301" in result.summary()


def test_the_cli_says_what_it_stored_before_a_full_disk_stopped_it(tmp_path, pipeline, monkeypatch):
    from click.testing import CliRunner

    from claimgraph import resolve
    from claimgraph.cli import cli

    monkeypatch.setattr(resolve, "build_pipeline", lambda: pipeline)
    path = tmp_path / "x.db"
    assert CliRunner().invoke(cli, ["ingest", str(_feed(tmp_path / "first.jsonl", REPORTS[:1])), "--db", str(path)]
                              ).exit_code == 0
    _limit_pages(monkeypatch, sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0] + 1)
    feed = _feed(tmp_path / "more.jsonl", [t * 40 for t in REPORTS[1:]])
    result = CliRunner().invoke(cli, ["ingest", str(feed), "--db", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "(stopped)" in result.output and f"{feed}:" in result.output and "[CG300]" in result.output
