import sqlite3

import pytest

from claimgraph.errors import StoreError
from claimgraph.model import Attribution, Document, Entity, Event, Extraction, Quantity, Span, Speaker, Timex
from claimgraph.store import EventFilter, Store, migration_names


def _extraction(text="North Korea sent rockets last month.", **doc):
    document = Document(text=text, date="2022-12-22", source="t.txt", **doc)
    return Extraction(
        document=document,
        entities=[Entity("Q423", "North Korea", "GPE", "Q423", ["Pyongyang"], [(0, 11)])],
        timexes=[Timex("last month", 25, 35, "DATE", "2022-11")],
        quantities=[Quantity("q1", "rockets", 17, 24, 2, True, "rockets")],
        pipeline={"model": "test/1"},
    )


def test_add_then_read_back(tmp_path):
    with Store(tmp_path / "t.db") as store:
        assert store.add(_extraction(outlet="Harbor Post"))
        (doc,) = store.documents()
        assert doc.outlet == "Harbor Post" and doc.entities == 1
        assert store.timexes(doc.id)[0].value == "2022-11"
        assert store.quantities(doc.id)[0].approximate is True
        assert store.find_entities("pyongyang")[0].name == "North Korea"


def test_same_text_twice_adds_nothing(tmp_path):
    with Store(tmp_path / "t.db") as store:
        assert store.add(_extraction())
        assert not store.add(_extraction(id="other-id"))
        assert store.counts() == {"documents": 1, "entities": 1, "mentions": 1, "timexes": 1, "quantities": 1,
                                  "attributions": 0, "events": 0}


def test_migrations_are_named_and_recorded(tmp_path):
    with Store(tmp_path / "t.db") as store:
        assert store.migrations == migration_names() and store.migrations[0].startswith("0001_")
    with Store(tmp_path / "t.db") as store:  # reopening applies nothing twice
        assert store.migrations == migration_names()


def test_failed_document_leaves_nothing_behind(tmp_path):
    bad = _extraction(text="A second report about North Korea.")
    bad.timexes = bad.timexes * 2  # the same span twice violates the primary key mid-insert
    with Store(tmp_path / "t.db") as store:
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


def test_events_round_trip_with_their_sources(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.add(_with_claims())
        (stored,) = store.events()
        event = stored.event
        assert (event.type, event.status, event.time.value) == ("AID", "asserted", "2022-11")
        assert event.actor[0]["name"] == "North Korea" and event.recipient[0]["entity"] is None
        assert event.roles["item"]["text"] == "rockets"
        (source,) = stored.sources
        assert source.speaker.name == "John Kirby" and source.cue.text == "said"
        assert store.event(stored.document_id, "e1").key == stored.key


def test_event_filters(tmp_path):
    with Store(tmp_path / "t.db") as store:
        store.add(_with_claims())
        assert len(store.events(EventFilter(entity_id="Q423"))) == 1
        assert store.events(EventFilter(type="ASSAULT")) == []
        assert store.events(EventFilter(since="2023-01-01")) == []
        assert len(store.events(EventFilter(status="asserted", until="2022-12-31"))) == 1
