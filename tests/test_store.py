import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.errors import StoreError
from claimgraph.model import Attribution, Document, Entity, Event, Extraction, Quantity, Span, Speaker, Timex
from claimgraph.store import EventFilter, Store, migration_names
from claimgraph.store._connection import WAL_CHECKPOINT_PAGES


def _extraction(text="North Korea sent rockets last month.", **doc):
    document = Document(text=text, date="2022-12-22", source="t.txt", **doc)
    return Extraction(
        document=document,
        entities=[Entity("Q423", "North Korea", "GPE", "Q423", ["Pyongyang"], [(0, 11)])],
        timexes=[Timex("last month", 25, 35, "DATE", "2022-11")],
        quantities=[Quantity("q1", "rockets", 17, 24, 2, True, "rockets")],
        pipeline={"model": "test/1"},
    )


def test_add_then_read_back(db):
    with Store(db) as store:
        assert store.add(_extraction(outlet="Harbor Post"))
        (doc,) = store.documents()
        assert doc.outlet == "Harbor Post" and doc.entities == 1
        assert store.timexes(doc.id)[0].value == "2022-11"
        assert store.quantities(doc.id)[0].approximate is True
        assert store.find_entities("pyongyang")[0].name == "North Korea"


def test_same_text_twice_adds_nothing(db):
    with Store(db) as store:
        assert store.add(_extraction())
        assert not store.add(_extraction(id="other-id"))
        assert store.counts() == {"documents": 1, "entities": 1, "mentions": 1, "timexes": 1, "quantities": 1,
                                  "attributions": 0, "events": 0}


def test_the_writer_checkpoints_its_log_less_often_than_sqlite_and_readers_change_nothing(tmp_path):
    db = tmp_path / "store.db"  # an SQLite setting: PostgreSQL has no write-ahead log to tune here
    with Store(db) as store:
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_CHECKPOINT_PAGES > 1000
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        store.add(_extraction())
    with Store(db, readonly=True) as store:
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # SQLite's own
        assert store.counts()["documents"] == 1


def test_migrations_are_named_and_recorded(db):
    with Store(db) as store:
        assert store.migrations == migration_names() and store.migrations[0].startswith("0001_")
    with Store(db) as store:  # reopening applies nothing twice
        assert store.migrations == migration_names()


def test_failed_document_leaves_nothing_behind(db):
    bad = _extraction(text="A second report about North Korea.")
    bad.timexes = bad.timexes * 2  # the same span twice violates the primary key mid-insert
    with Store(db) as store:
        store.add(_extraction())
        with pytest.raises(StoreError, match="could not store"):
            store.add(bad)
        assert store.counts()["documents"] == 1 and store.counts()["timexes"] == 1


def test_plain_sqlite_can_read_it_with_foreign_keys(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.add(_extraction())
    conn = sqlite3.connect(tmp_path / "t.db")
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("SELECT name FROM entities").fetchall() == [("North Korea",)]
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO mentions VALUES ('no-such-doc', 'Q423', 0, 1, 'GPE')")


def test_readonly_needs_an_existing_file(tmp_path):
    with pytest.raises(StoreError, match="claimgraph ingest"):
        Store(tmp_path / "missing.db", readonly=True)


def test_missing_model_says_how_to_install_it():
    from claimgraph.errors import ModelMissing
    from claimgraph.extract import load_model

    with pytest.raises(ModelMissing, match="make install"):
        load_model("no_such_model_installed")


def _with_claims():
    text = "North Korea sent rockets to Russia last month, Kirby said."
    extraction = _extraction(text=text)
    extraction.entities.append(Entity("cg:john-kirby", "John Kirby", "PERSON", None, ["Kirby"], [(47, 52)]))
    attribution = Attribution("a1", Speaker("cg:john-kirby", "Kirby", 47, 52), Span(53, 57, "said"),
                              Span(0, 45, text[0:45]), [])
    event = Event("e1", "AID", "military", [{"entity": "Q423", "name": "North Korea", "start": 0, "end": 11}],
                  [{"entity": None, "name": "Russia", "start": 28, "end": 34}], "asserted",
                  Timex("last month", 35, 45, "DATE", "2022-11"), Span(0, len(text), text), ["a1"],
                  {"item": {"start": 17, "end": 24, "text": "rockets"}})
    extraction.attributions, extraction.events = [attribution], [event]
    return extraction


def test_events_round_trip_with_their_sources(db):
    with Store(db) as store:
        store.add(_with_claims())
        (stored,) = store.events()
        event = stored.event
        assert (event.type, event.status, event.time.value) == ("AID", "asserted", "2022-11")
        assert event.actor[0]["name"] == "North Korea" and event.recipient[0]["entity"] is None
        assert event.roles["item"]["text"] == "rockets"
        (source,) = stored.sources
        assert source.speaker.name == "John Kirby" and source.cue.text == "said"
        assert store.event(stored.document_id, "e1").key == stored.key


def test_event_filters(db):
    with Store(db) as store:
        store.add(_with_claims())
        assert len(store.events(EventFilter(entity_id="Q423"))) == 1
        assert store.events(EventFilter(type="ASSAULT")) == []
        assert store.events(EventFilter(since="2023-01-01")) == []
        assert len(store.events(EventFilter(status="asserted", until="2022-12-31"))) == 1


# --- dates of any precision, languages (migration 0003) ----------------------------------------


def _old_database(path) -> None:
    """A database as claimgraph made it before 0003: migrations 0001 and 0002 only, one dated document."""
    from importlib import resources

    folder = resources.files("claimgraph.store").joinpath("migrations")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name in ("0001_mention_layer", "0002_claim_layer"):
        conn.executescript(folder.joinpath(f"{name}.sql").read_text("utf-8"))
        conn.execute("INSERT INTO schema_migrations VALUES (?, '2023-01-01T00:00:00+00:00')", (name,))
    conn.execute("INSERT INTO documents VALUES ('dold', 'ab12', 'r1', '2022-12-22', NULL, NULL, 'Harbor Post',"
                 " 'old.jsonl', 'An older report.', '{}', '2023-01-01T00:00:00+00:00')")
    conn.commit()
    conn.close()


def test_migration_0003_upgrades_a_0002_database(tmp_path):
    _old_database(tmp_path / "old.db")
    with Store(tmp_path / "old.db") as store:
        assert "0003_document_dates" in store.migrations and store.migrations == migration_names()
        (old,) = store.documents()
        assert (old.date, old.date_precision, old.date_source, old.language) == ("2022-12-22", "day", None, None)
        assert store.add(_extraction(date_source="text", language="en"))
        new = next(d for d in store.documents() if d.id != "dold")
        assert (new.date_precision, new.date_source, new.language) == ("day", "text", "en")


def test_an_older_store_is_upgraded_before_it_is_read(tmp_path):
    _old_database(tmp_path / "old.db")
    with Store(tmp_path / "old.db", readonly=True) as store:
        assert [d.id for d in store.documents()] == ["dold"] and store.migrations == migration_names()


def test_an_older_store_that_cannot_be_written_says_how_to_upgrade_it(tmp_path):
    _old_database(tmp_path / "old.db")
    (tmp_path / "old.db-shm").mkdir()  # writing (WAL) cannot start here, whoever runs the test (root writes all)
    with pytest.raises(StoreError, match="older claimgraph.*claimgraph ingest"):
        Store(tmp_path / "old.db", readonly=True)


def test_partial_and_missing_dates_round_trip_and_filter_by_overlap(db):
    with Store(db) as store:
        for n, date in enumerate([None, "2022", "2022-12", "2023-01-05"]):
            extraction = _with_claims()
            extraction.document = Document(text=f"{extraction.document.text} {n}", date=date)
            store.add(extraction)
        assert [d.date for d in store.documents()] == ["2022", "2022-12", "2023-01-05", None]
        assert [d.date_precision for d in store.documents()] == ["year", "month", "day", None]

        def dates(**window):
            return [e.date for e in store.events(EventFilter(**window))]

        assert dates() == [None, "2022", "2022-12", "2023-01-05"]
        assert dates(since="2022-12-15") == ["2022", "2022-12", "2023-01-05"]
        assert dates(until="2022-12-10") == ["2022", "2022-12"]
        assert dates(since="2022-12-01", until="2022-12-31") == ["2022", "2022-12"]
        assert dates(since="2023-01-06") == []


def test_claims_and_inferred_participants_round_trip(db):
    from claimgraph.model import Claim

    extraction = _with_claims()
    event = extraction.events[0]
    event.recipient.append({"entity": None, "name": "Russian Armed Forces", "start": None, "end": None,
                            "inferred": "armed forces"})
    text = extraction.document.text
    event.claims = [
        Claim("e1.c1", Speaker("cg:john-kirby", "Kirby", 47, 52), "asserted", Span(53, 57, "said"), "2022-12-22",
              "a1", Span(0, len(text), text)),
        Claim("e1.c2", Speaker(None, "Harbor Post", None, None), "reported", None, None, None, Span(0, 11, text[:11])),
        Claim("e1.c3", None, "denied", None, None, None, Span(0, 11, text[:11])),
    ]
    with Store(db) as store:
        store.add(extraction)
        (stored,) = store.events()
    claims = stored.event.claims
    assert [(c.id, c.status) for c in claims] == [("e1.c1", "asserted"), ("e1.c2", "reported"), ("e1.c3", "denied")]
    assert claims[0].speaker.name == "John Kirby" and claims[0].cue.text == "said" and claims[0].said_on == "2022-12-22"
    assert claims[1].speaker.start is None and claims[2].speaker is None
    assert stored.event.recipient[-1] == {"entity": None, "name": "Russian Armed Forces", "start": None, "end": None,
                                          "inferred": "armed forces"}


_BLOCK_DATES = st.one_of(st.none(), st.dates(date(2022, 1, 1), date(2022, 12, 31)).map(date.isoformat),
                         st.sampled_from(["2022-06", "2022-07", "2022"]))


@settings(max_examples=60, deadline=None)
@given(dates=st.lists(_BLOCK_DATES, min_size=1, max_size=150), middle=st.dates(date(2022, 3, 1), date(2022, 10, 1)),
       limit=st.integers(1, 60))
def test_a_blocks_nearest_events_are_those_of_sorting_the_whole_window(dates, middle, limit):
    """Reading the days around the middle first (and widening) gives exactly what sorting the whole window gives."""
    from claimgraph.store._merged import SqliteMergeIndex

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE merge_blocks (block TEXT, document_id TEXT, event_id TEXT, date TEXT)")
    conn.executemany("INSERT INTO merge_blocks VALUES ('AID|Q1', ?, 'e1', ?)",
                     [(f"d{n:03d}", day) for n, day in enumerate(dates)])
    low, high = (middle - timedelta(days=120)).isoformat(), (middle + timedelta(days=120)).isoformat()

    def distance(day):  # a month or a year counts from its first day; an undated event is as near as can be
        return abs((date.fromisoformat((day + "-01-01")[:10]) - middle).days) if day else 0

    window = [(f"d{n:03d}", day) for n, day in enumerate(dates) if day is None or low[:7] <= day <= high]
    expected = sorted(window, key=lambda row: (distance(row[1]), row[0]))[:limit]
    found = SqliteMergeIndex(conn).blocked(["AID|Q1"], low, high, limit)
    assert found == [("AID|Q1", f"{doc}/e1", day) for doc, day in expected]
