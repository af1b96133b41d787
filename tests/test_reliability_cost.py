"""Issue 8: per-report ingest cost and query cost must not grow with the number of stored reports. Timings are for
bench/store_growth.py; here the property is checked where it is decided, in SQLite's query plans: no statement run
to store one report, or to answer `events --entity`, `entity` and `docs`, reads a whole table that grows with the
store (a SCAN without an index to narrow it)."""

from __future__ import annotations

import copy
import functools
import json
import sqlite3

import pytest

from claimgraph import api
from claimgraph.store import _store as store_module

GROWING = {"documents", "mentions", "entities", "entity_aliases", "entity_type_votes", "timexes", "quantities",
           "attributions", "events", "event_participants", "event_attributions", "event_claims", "merged_events",
           "merged_members", "merge_blocks", "event_links", "document_signatures", "document_bands",
           "near_duplicates"}
# Once per run, not per report: reports stored before merging existed are merged at the end of a run.
ONCE_PER_RUN = ("SELECT DISTINCT e.document_id FROM events e LEFT JOIN merged_members",)
REPORTS = [
    "North Korea sent rockets to the Wagner Group in Russia, John Kirby said on Thursday. Pyongyang denied it.",
    "Iran supplied drones to Russia, Ukraine's foreign ministry said on Monday. Tehran called the report false.",
    "The United States imposed sanctions on the Wagner Group on Thursday, the Treasury said.",
    "Russian forces attacked Soledar again on Tuesday, Ukraine's army said, after weeks of fighting.",
]


@pytest.fixture
def store_db(tmp_path, pipeline):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"r{i}", "date": f"2022-12-{i + 10}", "text": t}) + "\n"
                            for i, t in enumerate(REPORTS)))
    db = tmp_path / "x.db"
    api.ingest([feed], db=db, pipeline=pipeline)
    return db


def _statements(monkeypatch) -> list[str]:
    seen: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(seen.append)
        return conn

    monkeypatch.setattr(store_module.sqlite3, "connect", traced)
    return seen


def _full_scans(db, statements: list[str]) -> list[str]:
    """Statements whose plan reads a growing table whole. Planner statistics are dropped first: on a tiny store they
    make a scan look cheap, and the plan that matters is the one for a big store."""
    conn = sqlite3.connect(db)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        conn.execute("DELETE FROM sqlite_stat1")
        conn.commit()
    conn = sqlite3.connect(db)
    found = []
    for sql in dict.fromkeys(statements):
        if not sql.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")):
            continue
        if sql.lstrip().startswith(ONCE_PER_RUN):
            continue
        for *_, detail in conn.execute("EXPLAIN QUERY PLAN " + sql):
            words = detail.split()
            if words[0] == "SCAN" and _table(conn, sql, words[1]) in GROWING and "INDEX" not in detail:
                found.append(f"{detail}: {sql[:160]}")
    return found


def _table(conn, sql: str, name: str) -> str:
    """The table a plan's name stands for (plans name aliases: "SCAN e")."""
    for table in GROWING:
        if f"{table} {name} " in sql + " " or name == table:
            return table
    return name


def test_storing_a_report_reads_no_growing_table_whole(store_db, tmp_path, pipeline, monkeypatch):
    report = tmp_path / "new.txt"
    report.write_text("North Korea sent more rockets to the Wagner Group, John Kirby said on Friday.")
    statements = _statements(monkeypatch)
    assert api.ingest([report], db=store_db, date="2022-12-30", pipeline=pipeline).stored == 1
    monkeypatch.undo()
    assert _full_scans(store_db, statements) == []


@pytest.mark.parametrize("query", [lambda db: api.events(db, entity="Russia"), lambda db: api.entity("Russia", db),
                                   lambda db: api.docs(db, limit=20), lambda db: api.events(db, actor="Iran"),
                                   lambda db: api.timeline("Wagner Group", db)])
def test_queries_read_no_growing_table_whole(store_db, monkeypatch, query):
    statements = _statements(monkeypatch)
    query(store_db)
    monkeypatch.undo()
    assert statements and _full_scans(store_db, statements) == []


def _vm_steps(conn: sqlite3.Connection, work) -> int:
    """SQLite virtual-machine steps (in thousands) a piece of work takes: a count of work done, not a timing."""
    steps = [0]

    def count():
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 1000)
    try:
        work()
    finally:
        conn.set_progress_handler(None, 0)
    return steps[0]


def _copy(extraction, n: int):
    """The extraction of another report: the same reading, its text made unique at the end (offsets still hold)."""
    other = copy.deepcopy(extraction)
    other.document.text += f" ({n})"
    return other


def test_storing_a_report_costs_the_same_however_often_its_entities_were_stored_before(tmp_path, read):
    extraction = read(REPORTS[0] + " Russia said Russia would answer, and Russia did.")
    steps = []
    with store_module.Store(tmp_path / "x.db") as store:
        stored = 0
        for size in (100, 800):
            store.conn.execute("BEGIN")
            for n in range(stored, size):
                store_module._insert_extraction(store.conn, f"d{n:016x}", _copy(extraction, n))
            store.conn.execute("COMMIT")
            stored = size
            new = _copy(extraction, size + 1000)
            store.conn.execute("BEGIN")
            steps.append(_vm_steps(store.conn, functools.partial(store_module._insert_extraction, store.conn, "dnew",
                                                                 new)))
            store.conn.execute("ROLLBACK")
    assert steps[1] <= 1.2 * steps[0] + 2, steps  # eight times the store, about the same work


def test_a_table_cut_by_its_limit_says_how_many_matched(store_db):
    from claimgraph.cli._render_merged import events_table

    every, listed = api.events(store_db), api.events(store_db, limit=1)
    assert every.matched == len(every.events) > 1 and len(listed.events) == 1
    assert f"1 event(s) of {every.matched} matching" in events_table(listed)
