"""Issue 8: no input, path or fault ends a run with a traceback or loses a report. One test (or more) per class."""

from __future__ import annotations

import json
import os
import sqlite3
import threading

import pytest

from claimgraph import api
from claimgraph.errors import BinaryInput, MalformedRecord, ReaderFailed, TooLarge, Unreadable, UnsupportedFormat
from claimgraph.extract.timex import find_timexes
from claimgraph.ingest import read_paths
from claimgraph.ingest._dates import read_date
from claimgraph.model import MAX_CHARACTERS, MAX_TOKENS


def _jsonl(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _split(items):
    items = list(items)
    documents = [i for i in items if not isinstance(i, Exception)]
    return documents, [i for i in items if isinstance(i, Exception)]


# --- long documents ------------------------------------------------------------------------------

def test_a_report_too_long_to_parse_is_refused_before_the_parser_and_the_rest_goes_on(tmp_path):
    long = "Russia attacked Kyiv on Monday. " * (MAX_CHARACTERS // 32 + 10)
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "long", "text": long}, {"id": "short", "text": "Iran sent drones."})
    documents, errors = _split(read_paths([feed]))
    assert [d.id for d in documents] == ["short"]
    (error,) = errors
    assert isinstance(error, TooLarge) and error.where == f"{feed}:1" and "split it" in str(error)


@pytest.mark.parametrize("mark", ["(", '"', "-.", "( "])
def test_a_text_of_marks_is_refused_by_its_tokens_before_the_parser(tmp_path, mark):
    """Under the character bound, but a token a character: the parser's memory grows with tokens."""
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "marks", "text": mark * (MAX_TOKENS + 100)},
                  {"id": "prose", "text": "Iran sent drones. " * (MAX_CHARACTERS // 18)})
    documents, (error,) = _split(read_paths([feed]))
    assert [d.id for d in documents] == ["prose"]  # prose as long as the character bound lets in is read
    assert isinstance(error, TooLarge) and error.where == f"{feed}:1" and "words and marks" in str(error)


def test_a_document_too_long_given_to_the_pipeline_directly_is_refused_not_parsed(pipeline):
    """The API and the evaluations hand documents to the pipeline without the readers: it refuses them itself,
    and the documents around it are read."""
    from claimgraph.model import Document

    long = Document(text="Russia attacked Kyiv. " * (MAX_CHARACTERS // 22 + 10), source="long.txt")
    short = Document(text="Iran sent drones to Russia.", source="short.txt")
    errors = []
    read = list(pipeline.run([short, long, short], errors.append))
    assert [x.document.source for x in read] == ["short.txt", "short.txt"]
    (error,) = errors
    assert isinstance(error, TooLarge) and error.where == "long.txt"
    with pytest.raises(TooLarge):
        pipeline(long)


# --- numbers and times beyond the tables ---------------------------------------------------------

def test_a_number_beyond_64_bits_is_stored(tmp_path, pipeline):
    report = tmp_path / "r.txt"
    report.write_text("Wagner received 90,000,000,000,000,000,000,000 rounds from North Korea, officials said.")
    result = api.ingest([report], db=tmp_path / "x.db", date="2022-12-22", pipeline=pipeline)
    assert (result.stored, result.skipped) == (1, [])
    (value,) = sqlite3.connect(tmp_path / "x.db").execute("SELECT value FROM quantities").fetchone()
    assert value == pytest.approx(9e22)


@pytest.mark.parametrize("date", ["0001-01-01", "0001-01-20", "9999-12-31", "9999-12-01"])
def test_a_report_at_the_ends_of_the_calendar_is_stored(tmp_path, pipeline, date):
    text = ("Russia attacked Kyiv yesterday and will attack it again tomorrow, next week and next year, "
            "after sending troops last month and last year, in the previous quarter, {} said.")
    # two reports, so that the second is merged with the first: their times are compared as days
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "y", "date": date, "text": text.format("Ukraine")},
                  {"id": "z", "date": date, "text": text.format("Kyiv")})
    result = api.ingest([feed], db=tmp_path / "x.db", pipeline=pipeline)
    assert (result.stored, result.skipped) == (2, [])


@pytest.mark.parametrize(("date", "text"), [
    ("0002-03-01", "Troops left last year. The previous year, they arrived. The previous season, they left."),
    ("0002", "Troops left last year. The previous year, they arrived."),
    ("9995-06-01", "In the 9990s troops left. The next decade they came back.")])
def test_a_time_counted_from_an_earlier_one_stays_in_the_calendar(date, text):
    """ "The previous year" counts from the year just named: from 0001 it named "0000"."""
    for timex in find_timexes(text, date):
        assert not timex.value.startswith("0000") and timex.value != "1000", (timex.text, timex.value)


@pytest.mark.parametrize(("words", "value"), [
    ("one and a half decades ago", "2007"), ("a decade and a half ago", "2007"), ("1.5 decades ago", "2007"),
    ("half a century ago", "1972"), ("half a decade ago", "2017"), ("a millennium ago", "10"),
    ("a year and a half ago", "2020-09"), ("two centuries ago", "18"), ("two decades ago", "2002")])
def test_an_amount_of_time_ago_that_is_not_whole_is_counted_in_a_finer_unit(words, value):
    """Before: the amount was cut to a whole number (1.5 decades: 2012) and a millennium counted as a year."""
    (timex,) = find_timexes(f"Troops left {words}.", "2022-03-01")
    assert timex.value == value


@pytest.mark.parametrize(("words", "value"), [("March 1, 2100", "2100-03-01"), ("May 2100", "2100-05"),
                                             ("the first quarter of 2100", "2100-Q1"), ("the year 2100", "2100")])
def test_a_year_after_2099_is_read_not_replaced_by_the_reports(words, value):
    """Before: the year was not read, and the rule without one gave the report's ("March 1" of 2023)."""
    (timex,) = find_timexes(f"Temperatures rise {words}, the panel said.", "2022-12-22")
    assert (timex.text, timex.value) == (words, value)


def test_an_event_of_the_last_week_of_the_calendar_is_stored(tmp_path, pipeline):
    feed = _jsonl(tmp_path / "feed.jsonl",
                  {"id": "w", "date": "9999-12-31", "text": "The Treasury will designate Wagner this week."})
    result = api.ingest([feed], db=tmp_path / "x.db", pipeline=pipeline)
    assert (result.stored, result.skipped) == (1, [])  # was CG301: the week ran past 9999-12-31


def test_an_event_dated_before_the_year_1_is_merged_without_its_time(tmp_path, pipeline):
    feed = _jsonl(tmp_path / "feed.jsonl",
                  {"id": "a", "date": "0001-06-15", "text": "Russia attacked Kyiv last year, Ukraine said."},
                  {"id": "b", "date": "0001-06-20", "text": "Russia attacked Kyiv last year, officials said."})
    result = api.ingest([feed], db=tmp_path / "x.db", pipeline=pipeline)
    assert (result.stored, result.skipped) == (2, [])


@pytest.mark.parametrize(("date", "words"), [
    ("0001-06-15", "last year"), ("0001-01-02", "the previous quarter"), ("0005-01-01", "the previous decade"),
    ("0050-01-01", "last century"), ("9999-12-30", "next decade"), ("9999-06-15", "next century"),
    ("9999-10-01", "next quarter"), ("2022-12-22", "the 999th century")])
def test_a_time_counted_past_the_calendars_ends_is_left_unresolved(date, words):
    """Never "0000" (no year), "1000" for the decade after the 9990s (the year 1000), "100" for a century."""
    for timex in find_timexes(f"Russia attacked Kyiv {words}, Ukraine said.", date):
        assert "X" in timex.value, (timex.text, timex.value)


@pytest.mark.parametrize("words", ["the following weekend", "the previous decade", "the next century",
                                   "the weekend before", "the following quarter", "two decades ago"])
def test_a_time_expression_never_drops_its_report(read, words):
    extraction = read(f"Russia attacked Kyiv {words}, Ukraine said.")
    assert any("Kyiv" in e.aliases or e.name == "Kyiv" for e in extraction.entities) or extraction.events


@pytest.mark.parametrize("written", ["\u0662\u0660\u0662\u0662", "\uff12\uff10\uff12\uff12-\uff11\uff12",
                                     "\u0662\u0660\u0662\u0662-\u0661\u0662-\u0660\u0661"])
def test_a_date_in_digits_other_than_ascii_costs_its_record_a_coded_error(tmp_path, written):
    """Before: read as a year by the feed reader, then refused by the store (CG301): the report was lost."""
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "u", "date": written, "text": "Russia attacked Kyiv."})
    _, (error,) = _split(read_paths([feed]))
    assert isinstance(error, MalformedRecord) and error.where == f"{feed}:1" and "not readable" in str(error)


@pytest.mark.parametrize("written", ["2022-W51", "2022W514", "2022-355"])
def test_a_week_or_a_day_of_the_year_is_not_read_as_a_day(written):
    assert read_date(written) is None  # it was stored as 2022-12-19, precision "day": a guessed day


@pytest.mark.parametrize("line", ['{"id": NaN, "text": "a"}', '{"id": 1e400, "text": "a"}',
                                  '{"outlet": -Infinity, "text": "a"}', '{"id": 1' + "0" * 5000 + ', "text": "a"}'])
def test_numbers_json_does_not_have_cost_their_line_a_coded_error(tmp_path, line):
    """Python's reader takes NaN and Infinity and reads 1e400 as infinity: stored, they became ids "nan" and "inf"."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(line + '\n{"id": "ok", "text": "Iran sent drones."}\n')
    documents, (error,) = _split(read_paths([feed]))
    assert [d.id for d in documents] == ["ok"]
    assert isinstance(error, MalformedRecord) and error.where == f"{feed}:1" and "column None" not in str(error)


@pytest.mark.parametrize(("written", "day"), [("Mon, 01 Jan 0001 00:00:00 +0000", "0001-01-01"),
                                              ("Thu, 22 Dec 2022 10:00:00 +0000", "2022-12-22"),
                                              ("Thu, 22 Dec 22 10:00:00 +0000", "2022-12-22")])
def test_an_rfc_2822_date_keeps_the_year_as_written(written, day):
    assert read_date(written) == (day, "day")  # four digits are the year itself, not two digits of this century


def test_a_month_name_matched_by_unicode_case_rules_dates_its_report(tmp_path):
    """ "\u017fep" (a long s) matches "sep" case-insensitively, but is not "sep" lower-cased: the whole run failed."""
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "a", "text": "\u017fep 12, 2022\nMali troops attacked rebels."},
                  {"id": "b", "date": "2022-12-23", "text": "Chad sent troops."})
    documents, errors = _split(read_paths([feed]))
    assert [(d.id, d.date) for d in documents] == [("a", "2022-09-12"), ("b", "2022-12-23")] and not errors


def test_a_reader_that_fails_unforeseen_costs_the_rest_of_its_input_only(tmp_path, monkeypatch):
    from claimgraph.ingest import _readers

    def failing(source, options):
        yield from list(reader(source, options))[:1]
        raise KeyError("something no reader foresaw")

    reader = _readers._READERS["jsonl"]
    monkeypatch.setitem(_readers._READERS, "jsonl", failing)
    first = _jsonl(tmp_path / "a.jsonl", {"id": "a1", "text": "Iran sent drones."}, {"id": "a2", "text": "More."})
    second = tmp_path / "b.txt"
    second.write_text("Chad sent troops.")
    documents, (error,) = _split(read_paths([first, second]))
    assert [d.id or d.source for d in documents] == ["a1", str(second)]
    assert isinstance(error, ReaderFailed) and error.where == str(first) and "KeyError" in str(error)


@pytest.mark.parametrize("charset", ["undefined", "idna", "unicode_escape", "raw_unicode_escape", "rot13", "utf-7"])
def test_a_page_declaring_a_codec_no_browser_uses_is_read_as_utf_8(tmp_path, charset):
    page = tmp_path / "p.html"
    page.write_bytes(f'<html><head><meta charset="{charset}"><title>T</title></head><body><p>Caf\u00e9 \\u0041 '
                     f"C:\\new, Mali troops attacked rebels.</p></body></html>".encode())
    (document,) = read_paths([page])
    assert "Caf\u00e9 \\u0041 C:\\new" in document.text  # as written, not unescaped or decoded otherwise


# --- CSV -----------------------------------------------------------------------------------------

def test_a_quote_that_never_closes_costs_its_record_only(tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text('id,date,text\nc1,2022-12-22,"Russia attacked Kyiv.\nc2,2022-12-23,North Korea sent rockets.\n'
                    "c3,2022-12-24,Iran sent drones.\n", encoding="utf-8")
    documents, errors = _split(read_paths([feed]))
    assert [(d.id, d.line) for d in documents] == [("c2", 3), ("c3", 4)]
    (error,) = errors
    assert isinstance(error, MalformedRecord) and error.where == f"{feed}:2" and "quoted field" in str(error)


def test_a_stray_quote_that_closes_on_a_later_record_costs_only_its_own(tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text('id,date,text\nc1,2022-12-22,"Russia attacked Kyiv.\nc2,2022-12-23,North Korea sent rockets.\n'
                    'c3,2022-12-24,"Iran sent drones, officials ""said""."\nc4,2022-12-25,Ukraine said so.\n',
                    encoding="utf-8")
    documents, errors = _split(read_paths([feed]))
    assert [d.id for d in documents] == ["c2", "c3", "c4"]
    assert [e.where for e in errors] == [f"{feed}:2"]
    assert not any("c2,2022" in d.text for d in documents)  # the run-on text is never a report


def test_a_quote_closed_at_the_end_of_a_later_record_costs_only_its_own(tmp_path):
    """Valid CSV (one field over two lines), but its second line is a record of its own: dated, as wide as the
    header. Before, the first record's text swallowed the second and nothing was said."""
    feed = tmp_path / "feed.csv"
    feed.write_text('id,date,text\nm1,2022-12-22,"Sudan attacked Chad.\nm2,2022-12-23,Mali attacked Niger."\n'
                    "m3,2022-12-24,Iran sent drones.\n", encoding="utf-8")
    documents, errors = _split(read_paths([feed]))
    assert [d.id for d in documents] == ["m2", "m3"] and [e.where for e in errors] == [f"{feed}:2"]
    assert not any("m2,2022" in d.text for d in documents)


def test_a_csv_piped_in_is_read_as_records_not_as_one_report():
    import io

    stream = io.BytesIO(b"id,date,text\nr1,2022-12-20,Chad sent troops.\nr2,2022-12-21,Mali left Gao.\n")
    documents, errors = _split(read_paths(["-"], stdin=stream))
    assert [(d.id, d.date, d.text) for d in documents] == [("r1", "2022-12-20", "Chad sent troops."),
                                                            ("r2", "2022-12-21", "Mali left Gao.")] and not errors


def test_a_column_named_twice_is_refused_at_the_header(tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text("id,text,text\na,Cuba,attacked Haiti.\n", encoding="utf-8")
    _, (error,) = _split(read_paths([feed]))
    assert isinstance(error, MalformedRecord) and error.where == f"{feed}:1" and "'text' more than once" in str(error)


def test_a_multi_line_quoted_field_is_still_one_record(tmp_path):
    feed = tmp_path / "feed.csv"
    feed.write_text('id,text\na,"First paragraph, with a comma.\n\nSecond, ""quoted"", one."\nb,Next.\n')
    documents, errors = _split(read_paths([feed]))
    assert errors == [] and [d.id for d in documents] == ["a", "b"] and "Second" in documents[0].text


# --- NUL bytes -----------------------------------------------------------------------------------

def test_a_raw_nul_in_an_early_jsonl_line_costs_only_that_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"id": "a", "text": "Russia\x00 attacked Kyiv."}\n{"id": "b", "text": "Iran sent drones."}\n')
    documents, errors = _split(read_paths([feed]))
    assert [d.id for d in documents] == ["b"]
    assert [(type(e), e.where) for e in errors] == [(BinaryInput, f"{feed}:1")]


def test_a_binary_file_is_still_refused_whole(tmp_path):
    blob = tmp_path / "photo.jsonl"
    blob.write_bytes(bytes(range(256)) * 20)
    (error,) = list(read_paths([blob]))
    assert isinstance(error, BinaryInput) and error.where == str(blob)


def test_escaped_control_characters_never_reach_the_text(tmp_path, pipeline):
    feed = _jsonl(tmp_path / "feed.jsonl", {"id": "a", "date": "2022-12-22", "title": "\u0000",
                                           "text": "Russia attacked Kyiv\u0000 on Monday.\u001b"})
    (document,) = read_paths([feed])
    assert document.text == "Russia attacked Kyiv on Monday." and document.title is None
    api.ingest([feed], db=tmp_path / "x.db", pipeline=pipeline)
    names = [n for (n,) in sqlite3.connect(tmp_path / "x.db").execute("SELECT alias FROM entity_aliases")]
    assert not any("\x00" in n for n in names)


# --- the process's surroundings ------------------------------------------------------------------

def test_a_dangling_link_and_a_pipe_inside_a_folder_are_named(tmp_path):
    (tmp_path / "a.txt").write_text("Russia attacked Kyiv.")
    os.symlink(tmp_path / "gone.txt", tmp_path / "b.txt")
    os.mkfifo(tmp_path / "c.txt")
    documents, errors = _split(read_paths([tmp_path]))
    assert len(documents) == 1
    assert [(type(e), e.where) for e in errors] == [(Unreadable, str(tmp_path / "b.txt")),
                                                    (Unreadable, str(tmp_path / "c.txt"))]
    assert "does not exist" in str(errors[0]) and "pass it by name" in str(errors[1])


def test_a_loop_of_links_inside_a_folder_is_named_as_a_loop(tmp_path):
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    _, errors = _split(read_paths([tmp_path]))
    assert [e.where for e in errors] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert all("loop of links" in str(e) for e in errors)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder; the permission cannot be taken away")
def test_a_folder_that_cannot_be_listed_is_named(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Russia attacked Kyiv.")
    locked.chmod(0)
    try:
        (error,) = list(read_paths([tmp_path]))
    finally:
        locked.chmod(0o700)
    assert isinstance(error, Unreadable) and error.where == str(locked)


def test_a_named_pipe_given_by_name_is_read(tmp_path):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"id": "p", "text": "Iran sent drones to Russia."}) + "\n")

    writer = threading.Thread(target=write)
    writer.start()
    (document,) = list(read_paths([fifo]))
    writer.join()
    assert document.id == "p"


# --- hints name options that exist --------------------------------------------------------------

def test_hints_name_options_that_exist(tmp_path):
    odd = tmp_path / "notes.docx"
    odd.write_text("Russia attacked Kyiv.")
    big = tmp_path / "big.txt"
    big.write_text("x" * 200)
    (unsupported,) = list(read_paths([odd]))
    (too_large,) = list(read_paths([big], max_bytes=100))
    assert isinstance(unsupported, UnsupportedFormat) and "--input-format" in str(unsupported)
    assert isinstance(too_large, TooLarge) and "--max-bytes" not in str(too_large)


def test_thousands_of_stray_quotes_cost_their_records_and_nothing_more(tmp_path):
    feed = tmp_path / "feed.csv"
    rows = "".join(f'c{n},2022-12-22,"Russia attacked Kyiv {n}.\n' for n in range(3000))
    feed.write_text("id,date,text\n" + rows + "last,2022-12-23,Iran sent drones.\n", encoding="utf-8")
    documents, errors = _split(read_paths([feed]))
    assert [d.id for d in documents] == ["last"] and len(errors) == 3000
    assert errors[-1].where == f"{feed}:3001"
