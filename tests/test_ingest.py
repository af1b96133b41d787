"""Ingest: every format, every kind of bad input, order, stdin. Tiny fixtures in our own words."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest

from claimgraph.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedRecord,
    MissingDate,
    TooLarge,
    Unreadable,
    UnsupportedFormat,
)
from claimgraph.ingest import FORMATS, detect_format, read_paths, read_text_document
from claimgraph.model import Document

REPORT = "The harbour council of Tesslin voted on Monday to close the east pier.\n"
GOOD = {"id": "r2", "date": "2023-02-01", "text": "Ferry crews in Tesslin said the strike would end."}


def read(paths, **kwargs):
    return list(read_paths(paths, **kwargs))


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def jsonl(*records: dict | str) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def assert_error(item, cls, where: str) -> None:
    assert type(item) is cls, item
    assert item.where == where
    assert str(item).startswith(f"{where}: [{cls.code}]")


# --- seed and plain text -------------------------------------------------------------------------


def test_seed_header_is_removed_and_dates_the_document(tmp_path):
    path = write(tmp_path, "a.txt", " date 2022-12-22 " + REPORT + "\n")
    [doc] = read([path])
    assert doc == Document(text=REPORT + "\n", date="2022-12-22", id="a", source=str(path), language="en")
    assert (doc.date_precision, doc.date_source) == ("day", "record")


def test_seed_header_wins_over_the_date_argument(tmp_path):
    path = write(tmp_path, "a.txt", " date 2022-12-22 " + REPORT)
    [doc] = read([path], date="2020-01-01")
    assert doc.date == "2022-12-22"


def test_seed_with_an_impossible_date_is_malformed(tmp_path):
    path = write(tmp_path, "a.txt", " date 2022-13-45 " + REPORT)
    [err] = read([path])
    assert_error(err, MalformedRecord, str(path))


def test_plain_text_takes_the_date_argument_in_any_accepted_form(tmp_path):
    path = write(tmp_path, "a.txt", REPORT)
    [doc] = read([path], date="Thu, 22 Dec 2022 14:03:00 GMT")
    assert (doc.text, doc.date, doc.line, doc.id) == (REPORT, "2022-12-22", None, None)
    assert (doc.date_precision, doc.date_source) == ("day", "argument")


def test_plain_text_without_date_is_read_undated(tmp_path):
    undated = write(tmp_path, "a.txt", REPORT)
    dated = write(tmp_path, "b.txt", " date 2023-01-02 " + REPORT)
    first, second = read([undated, dated])
    assert (first.text, first.date, first.date_precision, first.date_source) == (REPORT, None, None, "none")
    assert second.date == "2023-01-02"


def test_plain_text_without_date_under_require_date_names_the_file(tmp_path):
    undated = write(tmp_path, "a.txt", REPORT)
    dated = write(tmp_path, "b.txt", " date 2023-01-02 " + REPORT)
    err, doc = read([undated, dated], require_date=True)
    assert_error(err, MissingDate, str(undated))
    assert "--date" in str(err) and "--require-date" in str(err)
    assert doc.date == "2023-01-02"


def test_crlf_and_cr_become_lf_and_nothing_else_changes(tmp_path):
    path = write(tmp_path, "a.txt", " date 2022-12-22  two  spaces\r\nnext\rlast\t\n")
    [doc] = read([path])
    assert doc.text == " two  spaces\nnext\nlast\t\n"


def test_read_text_document_helper():
    doc = read_text_document("\ufeff date 2021-05-06 Body.", date=None, source="x")
    assert (doc.text, doc.date, doc.source) == ("Body.", "2021-05-06", "x")
    assert read_text_document("Body.", date=None, source="x").date is None
    with pytest.raises(EmptyInput):
        read_text_document(" date 2021-05-06  \n", date=None, source="x")


# --- JSONL ---------------------------------------------------------------------------------------


def test_jsonl_records_keep_fields_and_lines(tmp_path):
    first = {
        "id": 7,
        "date": "2022-12-22T23:30:00-05:00",
        "title": "Pier",
        "url": "https://x.example/1",
        "outlet": "Tesslin Post",
        "text": "Line one.\r\nLine two.",
    }
    path = write(tmp_path, "feed.jsonl", jsonl(first) + "\n" + jsonl({"text": "No id.", "date": "2022-12-23"}))
    one, two = read([path])
    assert one == Document(
        text="Line one.\nLine two.",
        date="2022-12-22",
        id="7",
        title="Pier",
        url="https://x.example/1",
        outlet="Tesslin Post",
        source=str(path),
        line=1,
        date_precision="day",
        date_source="record",
    )
    assert (two.id, two.line, two.date) == (None, 3, "2022-12-23")


def test_ndjson_extension_and_rfc2822_dates(tmp_path):
    path = write(tmp_path, "feed.ndjson", jsonl({"date": "Thu, 22 Dec 2022 14:03:00 GMT", "text": "Hi."}))
    [doc] = read([path])
    assert doc.date == "2022-12-22"


def test_malformed_json_line_is_reported_and_the_rest_goes_on(tmp_path):
    path = write(tmp_path, "feed.jsonl", jsonl(GOOD, '{"text": "cut off', "[1, 2]", GOOD))
    good, broken, array, again = read([path])
    assert good.line == 1 and again.line == 4
    assert_error(broken, MalformedRecord, f"{path}:2")
    assert_error(array, MalformedRecord, f"{path}:3")


def test_record_without_date_uses_argument_else_stays_undated(tmp_path):
    path = write(tmp_path, "feed.jsonl", jsonl({"text": "Undated."}, GOOD))
    undated, good = read([path])
    assert (undated.date, undated.date_precision, undated.date_source, undated.line) == (None, None, "none", 1)
    assert good.date == "2023-02-01"
    doc, _ = read([path], date="2021-03-04")
    assert (doc.date, doc.date_source) == ("2021-03-04", "argument")
    err, good = read([path], require_date=True)
    assert_error(err, MissingDate, f"{path}:1")
    assert good.date == "2023-02-01"


@pytest.mark.parametrize(
    ("record", "cls"),
    [
        ({"date": "2023-01-01"}, MalformedRecord),
        ({"text": "   ", "date": "2023-01-01"}, EmptyInput),
        ({"text": "x", "date": "next Tuesday"}, MalformedRecord),
        ({"text": "x", "date": "2023-01-01", "title": ["a"]}, MalformedRecord),
        ({"text": "\ud800", "date": "2023-01-01"}, MalformedRecord),
    ],
)
def test_bad_records_get_their_own_error_class(tmp_path, record, cls):
    path = write(tmp_path, "feed.jsonl", jsonl(record, GOOD))
    err, good = read([path])
    assert_error(err, cls, f"{path}:1")
    assert good.text == GOOD["text"]


def test_jsonl_with_only_blank_lines_is_empty(tmp_path):
    path = write(tmp_path, "feed.jsonl", "\n  \n\n")
    [err] = read([path])
    assert_error(err, EmptyInput, str(path))


def test_jsonl_bad_utf8_line_is_reported_with_line_and_byte(tmp_path):
    good = jsonl(GOOD).encode()
    bad = b'{"text": "caf\xe9", "date": "2023-01-01"}\n'
    path = write(tmp_path, "feed.jsonl", good + bad + good)
    first, err, third = read([path])
    assert_error(err, EncodingError, f"{path}:2")
    assert f"byte {len(good) + 13} " in str(err)
    assert (first.line, third.line) == (1, 3)


def test_jsonl_over_long_record_is_too_large_and_rest_goes_on(tmp_path):
    long = {"date": "2023-01-01", "text": "x" * 500}
    path = write(tmp_path, "feed.jsonl", jsonl(GOOD, long, GOOD))
    first, err, third = read([path], max_bytes=200)
    assert_error(err, TooLarge, f"{path}:2")
    assert (first.line, third.line) == (1, 3)


def test_jsonl_records_are_read_lazily(tmp_path):
    path = write(tmp_path, "feed.jsonl", jsonl(*[GOOD] * 3))
    items = read_paths([path])
    assert next(items).line == 1  # a generator: nothing forces the whole file
    assert [d.line for d in items] == [2, 3]


def test_jsonl_is_streamed_not_loaded_at_once():
    data = jsonl(*[GOOD] * 2000).encode()
    stream = io.BytesIO(data)
    items = read_paths(["-"], stdin=stream)
    assert next(items).line == 1
    assert stream.tell() < len(data) // 4  # only a buffer or two has been read
    assert sum(1 for _ in items) == 1999


# --- CSV -----------------------------------------------------------------------------------------


def csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


def test_csv_records_with_quoted_newlines_name_their_starting_line(tmp_path):
    rows = [
        ["ID", " date", "text", "outlet"],
        ["a", "2022-12-22T14:03:00Z", 'He said "no",\nthen left.', ""],
        ["b", "2022-12-23", "Second.", "Lantern"],
    ]
    path = write(tmp_path, "r.csv", csv_text(rows))
    one, two = read([path])
    assert (one.id, one.date, one.text, one.outlet, one.line) == (
        "a",
        "2022-12-22",
        'He said "no",\nthen left.',
        None,
        2,
    )
    assert (two.id, two.outlet, two.line) == ("b", "Lantern", 4)


def test_csv_bad_rows_are_reported_and_the_rest_goes_on(tmp_path):
    content = csv_text(
        [["date", "text"], ["2023-01-01", "ok"], ["2023-01-01", "a", "extra"], ["", "undated"], ["2023-01-02", "fine"]]
    )
    path = write(tmp_path, "r.csv", content)
    ok, extra, undated, fine = read([path])
    assert_error(extra, MalformedRecord, f"{path}:3")
    assert (undated.date, undated.line) == (None, 4)
    assert (ok.line, fine.line) == (2, 5)
    assert_error(read([path], require_date=True)[2], MissingDate, f"{path}:4")


def test_csv_without_text_column_is_malformed(tmp_path):
    path = write(tmp_path, "r.csv", "date,body\n2023-01-01,hello\n")
    [err] = read([path])
    assert_error(err, MalformedRecord, f"{path}:1")
    assert "'text'" in str(err)


def test_csv_large_field_is_read(tmp_path):
    text = "word " * 30_000  # past the csv module's 128 KiB field limit, under a report's 200,000 characters
    path = write(tmp_path, "r.csv", csv_text([["date", "text"], ["2023-01-01", text]]))
    [doc] = read([path])
    assert doc.text == text


def test_csv_bad_utf8_row_is_reported(tmp_path):
    path = write(tmp_path, "r.csv", b"date,text\n2023-01-01,caf\xe9\n2023-01-02,ok\n")
    err, ok = read([path])
    assert_error(err, EncodingError, f"{path}:2")
    assert ok.line == 3


def test_csv_header_only_is_empty(tmp_path):
    path = write(tmp_path, "r.csv", "date,text\n")
    [err] = read([path])
    assert_error(err, EmptyInput, str(path))


# --- HTML ----------------------------------------------------------------------------------------

ARTICLE = """<!DOCTYPE html><html><head><title>Pier closes | Tesslin Post</title>
<meta property="og:site_name" content="Tesslin Post">
<meta property="article:published_time" content="2023-01-05T10:00:00Z">
<link rel="canonical" href="https://post.example/pier"><meta name="id" content="p7">
<script>var leaked = "SCRIPT-TEXT";</script><style>p { color: red }</style></head>
<body><nav>Home | World</nav><article><h1>Pier closes</h1>
<p>The harbour council of Tesslin voted on Monday to close the east pier after storm damage, officials said.</p>
<p>A spokesperson said repairs would take most of the spring and cost more than planned.</p>
<script>document.write("SCRIPT-TEXT")</script><a href="javascript:alert(1)">share</a>
</article></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    path = write(tmp_path, "p.html", ARTICLE)
    [doc] = read([path], date="1999-01-01")
    assert "close the east pier" in doc.text and "repairs would take" in doc.text
    assert "SCRIPT-TEXT" not in doc.text and "color" not in doc.text
    assert (doc.date, doc.outlet, doc.url, doc.source) == (
        "2023-01-05",
        "Tesslin Post",
        "https://post.example/pier",
        str(path),
    )
    assert "Pier closes" in doc.title and doc.id == "p7"


def test_html_without_metadata_date_takes_the_argument_else_stays_undated(tmp_path):
    path = write(tmp_path, "p.htm", "<html><body><p>Short note about the pier.</p></body></html>")
    [doc] = read([path])
    assert (doc.date, doc.date_source) == (None, "none")
    [err] = read([path], require_date=True)
    assert_error(err, MissingDate, str(path))
    [doc] = read([path], date="2023-03-03")
    assert (doc.text, doc.date, doc.id) == ("Short note about the pier.", "2023-03-03", None)
    assert doc.date_source == "argument"


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert('SCRIPT-TEXT')</script>",
        "<html><head><title>Only a title</title><script>SCRIPT-TEXT</script></head></html>",
        "<div>" * 50_000 + "SCRIPT-TEXT" + "</div>" * 50_000,
        "<frameset><frame src='javascript:SCRIPT-TEXT'></frameset>",
    ],
)
def test_hostile_html_never_crashes_nor_leaks_script(tmp_path, html):
    path = write(tmp_path, "p.html", html)
    items = read([path, write(tmp_path, "ok.txt", REPORT)], date="2023-01-01")
    assert isinstance(items[-1], Document)
    for item in items[:-1]:
        assert isinstance(item, InputError) or "SCRIPT-TEXT" not in item.text


def test_html_nested_past_the_parser_limit_is_refused_not_truncated(tmp_path):
    path = write(tmp_path, "p.html", "<p>Kept?</p>" + "<div>" * 300 + "deep" + "</div>" * 300 + "<p>After.</p>")
    [err] = read([path], date="2023-01-01")
    assert_error(err, MalformedRecord, str(path))


def test_html_javascript_url_is_dropped(tmp_path):
    html = ARTICLE.replace("https://post.example/pier", "javascript:alert(1)")
    [doc] = read([write(tmp_path, "p.html", html)])
    assert doc.url is None


def test_html_declared_charset_is_honoured(tmp_path):
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 owners met the mayor.</p></body></html>'
    [doc] = read([write(tmp_path, "p.html", html.encode("cp1252"))], date="2023-01-01")
    assert doc.text == "Café owners met the mayor."


@pytest.mark.parametrize(
    ("charset", "body", "expected"),
    [
        ("iso-8859-1", "Caf\xe9 \x93quoted\x94".encode("latin-1"), "Café “quoted”"),  # read as cp1252
        ("iso-8859-1", "Café, served as UTF-8".encode(), "Café, served as UTF-8"),  # UTF-8 tried first
        ("utf-16", "Café again".encode(), "Café again"),  # an ASCII-readable meta tag cannot be UTF-16
        ("rot13", b"Not a text codec", "Not a text codec"),
    ],
)
def test_html_charset_declarations(tmp_path, charset, body, expected):
    html = b'<html><head><meta charset="' + charset.encode() + b'"></head><body><p>' + body + b"</p></body></html>"
    [doc] = read([write(tmp_path, "p.html", html)], date="2023-01-01")
    assert doc.text == expected


# --- bad files -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "cls"),
    [
        ("empty.txt", b"", EmptyInput),
        ("blank.jsonl", b"  \n\n", EmptyInput),
        ("nul.txt", b"abc\x00def", BinaryInput),
        ("noise.csv", bytes(range(1, 32)) * 10, BinaryInput),
        ("latin.txt", " date 2023-01-01 Caf\xe9\nna\xefve".encode("latin-1"), EncodingError),
        ("data.json", b'[{"text": "x"}]', UnsupportedFormat),
        ("report.doc", b"words", UnsupportedFormat),
    ],
)
def test_bad_files_get_their_class_and_the_batch_goes_on(tmp_path, name, content, cls):
    bad = write(tmp_path, name, content)
    good = write(tmp_path, "z.txt", " date 2023-01-01 " + REPORT)
    err, doc = read([bad, good])
    assert type(err) is cls, err
    assert err.where.startswith(str(bad))
    assert doc.text == REPORT


def test_encoding_error_names_line_and_byte(tmp_path):
    path = write(tmp_path, "a.txt", "line one\r\nline two caf\xe9".encode("latin-1"))
    [err] = read([path], date="2023-01-01")
    assert_error(err, EncodingError, f"{path}:2")
    assert "byte 22 " in str(err) and "UTF-8" in str(err)


def test_utf8_bom_and_utf16_with_bom_are_read(tmp_path):
    text = " date 2023-01-01 Ünïcode report.\n"
    eight = write(tmp_path, "a.txt", codecs.BOM_UTF8 + text.encode())
    sixteen = write(tmp_path, "b.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    feed = write(tmp_path, "c.jsonl", codecs.BOM_UTF16_BE + jsonl(GOOD, GOOD).encode("utf-16-be"))
    docs = read([eight, sixteen, feed])
    assert [d.text for d in docs[:2]] == ["Ünïcode report.\n"] * 2
    assert [d.line for d in docs[2:]] == [1, 2]


def test_blank_head_does_not_make_a_long_file_empty(tmp_path):
    path = write(tmp_path, "a.txt", " " * 10_000 + "Late words.")
    [doc] = read([path], date="2023-01-01")
    assert doc.text.endswith("Late words.")


def test_cr_only_jsonl_lines_are_split(tmp_path):
    path = write(tmp_path, "feed.jsonl", jsonl(GOOD, GOOD).replace("\n", "\r"))
    assert [d.line for d in read([path])] == [1, 2]


def test_utf16_bad_bytes_cost_only_their_line(tmp_path):
    line = jsonl(GOOD).encode("utf-16-le")
    data = codecs.BOM_UTF16_LE + line + b"\x00\xdc\n\x00" + line
    path = write(tmp_path, "feed.jsonl", data)
    first, err, third = read([path])
    assert_error(err, EncodingError, f"{path}:2")
    assert f"byte {2 + len(line)} " in str(err)
    assert (first.line, third.line) == (1, 3)


def test_file_over_max_bytes_is_too_large(tmp_path):
    path = write(tmp_path, "a.txt", " date 2023-01-01 " + "x" * 100)
    [err] = read([path], max_bytes=50)
    assert_error(err, TooLarge, str(path))


def test_missing_path_is_an_input_error(tmp_path):
    [err] = read([tmp_path / "nowhere.txt"])
    assert_error(err, Unreadable, str(tmp_path / "nowhere.txt"))


def test_bad_arguments_raise_at_once():
    with pytest.raises(InputError):
        read_paths([], date="soon")
    with pytest.raises(UnsupportedFormat):
        read_paths([], fmt="pdf")


def test_format_argument_overrides_the_extension(tmp_path):
    path = write(tmp_path, "feed.log", jsonl(GOOD))
    [doc] = read([path], fmt="ndjson")
    assert doc.line == 1 and "jsonl" in FORMATS


# --- directories ---------------------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    seed = " date 2023-01-01 "
    write(tmp_path, "b.txt", seed + "B")
    write(tmp_path, "a/z.txt", seed + "AZ")
    write(tmp_path, "a/b.jsonl", jsonl({**GOOD, "text": "AB"}))
    write(tmp_path, ".hidden.txt", seed + "hidden")
    write(tmp_path, ".git/x.txt", seed + "hidden")
    write(tmp_path, "c.dat", seed + "C sniffed")
    write(tmp_path, "d.dat", "not a report")
    items = read([tmp_path])
    texts = [getattr(item, "text", type(item).__name__) for item in items]
    assert texts == ["AB", "AZ", "B", "C sniffed", "UnsupportedFormat"]
    assert items[-1].where == str(tmp_path / "d.dat")


# --- stdin ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_bytes", [True, False])
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (" date 2023-01-01 Seed on stdin.", [("Seed on stdin.", "2023-01-01", None)]),
        (
            "\n" + jsonl(GOOD, {"text": "Two.", "date": "2023-02-02"}),
            [(GOOD["text"], "2023-02-01", 2), ("Two.", "2023-02-02", 3)],
        ),
        ("<html><body><p>Page on stdin.</p></body></html>", [("Page on stdin.", "2020-02-02", None)]),
        ("Plain words on stdin.", [("Plain words on stdin.", "2020-02-02", None)]),
    ],
)
def test_stdin_is_sniffed(content, expected, as_bytes):
    stream = io.BytesIO(content.encode()) if as_bytes else io.StringIO(content)
    docs = read(["-"], stdin=stream, date="2020-02-02")
    assert [(d.text, d.date, d.line) for d in docs] == expected
    assert {d.source for d in docs} == {"<stdin>"}


def test_stdin_errors_name_stdin():
    [err] = read(["-"], stdin=io.BytesIO(b"Plain words."), require_date=True)
    assert_error(err, MissingDate, "<stdin>")
    [err] = read(["-"], stdin=io.BytesIO(b"x" * 100), max_bytes=10)
    assert_error(err, TooLarge, "<stdin>")
    [err] = read(["-"], stdin=io.BytesIO(b""))
    assert_error(err, EmptyInput, "<stdin>")


def test_stdin_csv_needs_the_format_argument():
    docs = read(["-"], stdin=io.StringIO("date,text\n2023-01-01,hello\n"), fmt="csv")
    assert [(d.text, d.line) for d in docs] == [("hello", 2)]


# --- detect_format -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "head", "fmt"),
    [
        ("a.txt", b" date 2022-01-01 x", "seed"),
        ("a.txt", b"plain", "text"),
        ("a.JSONL", b"{}", "jsonl"),
        ("a.csv", b"text\n", "csv"),
        ("a.htm", b"<p>", "html"),
        ("noext", b" date 2022-01-01 x", "seed"),
        ("-", b'  {"text": 1}', "jsonl"),
        ("-", b"<!doctype html>", "html"),
        ("-", b"words", "text"),
    ],
)
def test_detect_format(path, head, fmt):
    assert detect_format(path, head) == fmt


def test_seed_files_from_shared_when_present():
    seed_dir = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "dev" / "seed"
    if not seed_dir.is_dir():
        pytest.skip("../shared is not beside the repo")
    docs = [item for item in read([seed_dir]) if isinstance(item, Document)]
    assert docs and docs[0].date == "2022-12-22"
    assert not docs[0].text.startswith(" date")
