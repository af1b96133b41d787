"""Property tests: record formats round-trip any text; no bytes make read_paths raise."""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import InputError
from claimgraph.ingest import read_paths
from claimgraph.model import DATE_SOURCES, Document, date_precision

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Control characters (NUL, ESC...) are dropped from records: no report holds them, and kept they end up in names.
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

# Any text but NUL (refused as binary) that is not blank once controls are dropped (refused as empty);
# quotes, commas, CR/LF and astral characters are the interesting cases.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=80
).filter(lambda t: CONTROL.sub("", t).strip()) | st.sampled_from(
    ['"quoted", he said\r\n', "a\rb\nc\r\n", "\u2028line\x85sep", '🚀,""'])
records = st.fixed_dictionaries(
    {"text": texts, "date": st.dates().map(lambda d: d.isoformat())},
    optional={"id": texts, "title": texts, "url": texts, "outlet": texts},
)


def expected(record: dict) -> tuple:
    text = CONTROL.sub("", record["text"].replace("\r\n", "\n").replace("\r", "\n"))
    others = [CONTROL.sub("", record[key]) or None if key in record else None
              for key in ("id", "title", "url", "outlet")]
    return (text, record["date"], *others)


def as_tuple(doc: Document) -> tuple:
    return (doc.text, doc.date, doc.id, doc.title, doc.url, doc.outlet)


def read_file(name: str, data: bytes, **kwargs) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_paths([path], **kwargs))


@SETTINGS
@given(st.lists(records, min_size=1, max_size=5), st.booleans())
def test_jsonl_round_trip(batch, ascii_only):
    data = "".join(json.dumps(r, ensure_ascii=ascii_only) + "\n" for r in batch).encode()
    docs = read_file("feed.jsonl", data)
    assert [as_tuple(d) for d in docs] == [expected(r) for r in batch]
    assert [d.line for d in docs] == list(range(1, len(batch) + 1))


@SETTINGS
@given(st.lists(records, min_size=1, max_size=5))
def test_csv_round_trip(batch):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["id", "date", "title", "url", "outlet", "text"])
    writer.writeheader()
    writer.writerows(batch)
    content = buffer.getvalue()
    docs = read_file("feed.csv", content.encode())
    assert [as_tuple(d) for d in docs] == [expected(r) for r in batch]
    assert docs[0].line == 2


# Binary noise, text-like noise, and noise behind each format's opening bytes.
prefixes = st.sampled_from(
    [b"", b" date 2023-01-01 ", b'{"text": "', b"date,text\n", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe"]
)
noise = st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(prefixes, noise, st.sampled_from(["a.txt", "a.jsonl", "a.csv", "a.html", "a.bin", "-"]), st.booleans())
def test_arbitrary_bytes_never_raise(prefix, body, name, dated):
    data = prefix + body
    date = "2023-01-01" if dated else None
    if name == "-":
        items = list(read_paths(["-"], stdin=io.BytesIO(data), date=date, max_bytes=256))
    else:
        items = read_file(name, data, date=date, max_bytes=256)
    assert all(isinstance(item, (Document, InputError)) for item in items)
    for doc in (item for item in items if isinstance(item, Document)):
        assert doc.text.strip() and "\r" not in doc.text
        assert doc.date or not dated  # undated reports are read; with --date none is left undated
        assert doc.date_source in DATE_SOURCES and doc.date_precision == date_precision(doc.date)
        doc.text.encode("utf-8")  # storable and hashable
