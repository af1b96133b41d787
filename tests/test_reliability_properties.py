"""Issue 8, property tests: random JSON shapes, CSV made of quotes, commas and newlines, random dates and numbers,
and random readings stored: nothing escapes as an uncoded exception, and what is stored reads back."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import ClaimgraphError, InputError
from claimgraph.extract._quantities import _parse_value
from claimgraph.ingest import read_paths
from claimgraph.merge import time_interval
from claimgraph.merge._mentions import mention_of
from claimgraph.model import Document, Entity, Event, Extraction, Quantity, Span, Timex
from claimgraph.store import Store

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
# Records with the fields claimgraph reads, each of any JSON shape.
shaped_records = st.fixed_dictionaries({}, optional={key: json_values | st.text(max_size=40) for key in
                                                     ("id", "date", "title", "url", "outlet", "text")})


def _read(name: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_paths([path]))


@SETTINGS
@given(st.lists(shaped_records | json_values, min_size=1, max_size=6))
def test_jsonl_records_of_any_shape_are_read_or_refused_with_their_line(records):
    lines = [json.dumps(r) for r in records]
    items = _read("feed.jsonl", "\n".join(lines).encode())
    assert all(isinstance(i, (Document, InputError)) for i in items)
    for item in items:
        if isinstance(item, InputError):
            assert item.where and ":" in item.where and item.code.startswith("CG1")


csv_soup = st.lists(st.sampled_from(['"', ",", "\n", "\r\n", '""', "text", "id", "a", " ", "2022-12-22", "é"]),
                    max_size=60).map("".join)


@SETTINGS
@given(csv_soup)
def test_csv_of_quotes_commas_and_newlines_is_read_or_refused_line_by_line(body):
    items = _read("feed.csv", ("id,date,text\n" + body).encode())
    assert all(isinstance(i, (Document, InputError)) for i in items)
    lines = body.count("\n") + 2
    for item in items:
        if isinstance(item, Document):
            assert 1 <= item.line <= lines
        else:
            place = item.where.rsplit(":", 1)[-1]
            assert (place.isdigit() and 1 <= int(place) <= lines) or item.code == "CG101"  # no records: the file


@SETTINGS
@given(st.text(max_size=30) | st.dates().map(str) | st.datetimes().map(str))
def test_any_date_field_is_read_or_refused(value):
    (item,) = _read("feed.jsonl", json.dumps({"text": "Russia attacked Kyiv.", "date": value}).encode())
    assert isinstance(item, (Document, InputError))


@SETTINGS
@given(st.lists(st.sampled_from(["1", "9" * 30, "1,000", "0.5", "million", "billion", "dozens", "and", "a",
                                 "hundred", "thousand", "-", "9" * 400]), min_size=1, max_size=8).map(" ".join))
def test_any_number_is_read_as_a_storable_value_or_not_at_all(text):
    value, _ = _parse_value(text)
    assert value is None or isinstance(value, float) or -(2**63) <= value < 2**63


@SETTINGS
@given(st.dates().map(str) | st.sampled_from(["0001-01-01", "9999-12-31", "2023-W52", "2022-12", "PRESENT_REF"]),
       st.dates().map(str) | st.none())
def test_any_time_value_and_report_date_make_an_interval_or_none(value, report_date):
    interval = time_interval(value, report_date)
    assert interval is None or interval[0] <= interval[1]


@SETTINGS
@given(st.integers(min_value=-(10**30), max_value=10**30) | st.floats(allow_nan=False, allow_infinity=False),
       st.text(max_size=20), st.dates().map(str) | st.none(), st.text(max_size=12).filter(str.strip))
def test_any_reading_is_stored_and_read_back_or_refused_with_a_code(value, name, date, text):
    extraction = _reading(value, name, date, text)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "x.db") as store:
        try:
            stored = store.add(extraction)
        except ClaimgraphError as error:
            assert error.code.startswith("CG3")
            return
        (document,) = store.documents()
        (quantity,) = store.quantities(document.id)
        assert stored and quantity.value == pytest.approx(value, rel=1e-12)
        mention_of(document.id, date, extraction.events[0])


def _reading(value, name: str, date: str | None, text: str) -> Extraction:
    body = f"{text} {name or 'x'} 12 rounds"
    document = Document(text=body, date=date, source="<random>", id="r1")
    at = len(text) + 1
    entity = Entity("cg:random", name or "x", "GPE", mentions=[(at, at + len(name or "x"))])
    quantity = Quantity("q1", "12 rounds", len(body) - 9, len(body), value, False, "rounds", None)
    time = Timex(text[:4] or "x", 0, 1, "DATE", date or "XXXX")
    event = Event("e1", "AID", None, [{"entity": "cg:random", "name": name or "x", "start": at, "end": at + 1}],
                  [], "asserted", time, Span(0, len(body), body), [], {"quantity": {"value": value}}, [])
    return Extraction(document=document, entities=[entity], timexes=[time], quantities=[quantity], events=[event],
                      pipeline={"test": "random/1"})
