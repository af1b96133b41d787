"""Reports without a date, or with only a month or a year, are read; dates printed at the top of a text are found.

Every report here is written for these tests, about an invented harbour town.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.errors import MalformedRecord, MissingDate
from claimgraph.ingest import read_paths
from claimgraph.ingest._datelines import find_text_date

BODY = "The harbour council of Tesslin voted to close the east pier after storm damage, officials said."


def write_jsonl(tmp_path: Path, *records: dict, name: str = "feed.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def dating(doc) -> tuple:
    return doc.date, doc.date_precision, doc.date_source


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2022", ("2022", "year", "record")), ("2023-01", ("2023-01", "month", "record")),
     ("2023-01-11", ("2023-01-11", "day", "record")), ("", (None, None, "none")), (None, (None, None, "none"))],
)
def test_record_dates_keep_their_precision(tmp_path, value, expected):
    [doc] = read_paths(write_jsonl(tmp_path, {"date": value, "text": BODY}))
    assert dating(doc) == expected


@pytest.mark.parametrize("value", ["2023-13", "2023-00", "0000", "yesterday"])
def test_unreadable_partial_dates_are_malformed(tmp_path, value):
    [err] = read_paths(write_jsonl(tmp_path, {"date": value, "text": BODY}))
    assert type(err) is MalformedRecord and err.where.endswith("feed.jsonl:1")


def test_the_date_argument_may_be_partial_and_marks_its_source(tmp_path):
    [doc] = read_paths(write_jsonl(tmp_path, {"text": BODY}), date="2023-01")
    assert dating(doc) == ("2023-01", "month", "argument")


@pytest.mark.parametrize(
    ("head", "day"),
    [
        ("TESSLIN, Dec 22, 2022 (Harbour Wire) - ", "2022-12-22"),
        ("PORT ARLEN, Jan. 11, 2023 (AP) — ", "2023-01-11"),
        ("TESSLIN, January 13, 2023 /HWN/. ", "2023-01-13"),
        ("Tesslin, Northshire, 4 March 2021 – ", "2021-03-04"),
        ("Pier to close\n\nBy Mara Quell | Dec. 22, 2022\n\n", "2022-12-22"),
        ("Pier to close\nPublished: 2023-01-11T09:30:00Z\n", "2023-01-11"),
        ("Pier to close\nPosted on 5 February 2023, 10:12\n", "2023-02-05"),
        ("Pier to close\nThursday 22 December 2022 10.31 GMT\n", "2022-12-22"),
        ("Pier to close\nUpdated 12 January 2023\nFirst published 11 January 2023\n", "2023-01-11"),
    ],
)
def test_dates_at_the_top_of_the_text_are_found(tmp_path, head, day):
    [doc] = read_paths(write_jsonl(tmp_path, {"text": head + BODY}))
    assert dating(doc) == (day, "day", "text")


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021 the harbour council of Tesslin voted to close the east pier.",  # prose, first line
        "Pier to close\n\nTesslin officials said the pier had been shut since December 22, 2022, after a storm.",
        "Pier to close\n\n" + "The council met again. " * 25 + "\nPublished 11 January 2023\n",  # past the top
        "Pier to close\n" + "\n".join(f"Line {n} of the report." for n in range(8)) + "\nPublished 11 January 2023",
        "TESSLIN, Feb 30, 2023 (Harbour Wire) - " + BODY,  # not a day
        "By March 3, 2022, the harbour council of Tesslin had closed the east pier.",  # "By" but no byline
        "Updated figures released on 3 March 2022 show that traffic through the harbour of Tesslin fell by a third "
        "after the east pier was closed, officials said.",  # a sentence, not an "Updated" line
    ],
)
def test_dates_elsewhere_are_not_taken(tmp_path, text):
    [doc] = read_paths(write_jsonl(tmp_path, {"text": text}))
    assert dating(doc) == (None, None, "none")


def test_a_dateline_without_year_needs_the_record_to_give_the_year(tmp_path):
    text = "TESSLIN, Dec 22 (Harbour Wire) - " + BODY
    path = write_jsonl(tmp_path, {"text": text}, {"date": "2022", "text": text}, {"date": "2023-01", "text": text},
                       {"date": "2022-12", "text": text})
    undated, by_year, disagrees, by_month = read_paths(path)
    assert dating(undated) == (None, None, "none")
    assert dating(by_year) == ("2022-12-22", "day", "text")
    assert dating(disagrees) == ("2023-01", "month", "record")  # the text does not overrule the record
    assert dating(by_month) == ("2022-12-22", "day", "text")


def test_the_record_and_the_seed_header_win_over_the_text(tmp_path):
    text = "TESSLIN, January 13, 2023 (Harbour Wire) - " + BODY
    [doc] = read_paths(write_jsonl(tmp_path, {"date": "2023-01-14", "text": text}))
    assert dating(doc) == ("2023-01-14", "day", "record")
    seed = tmp_path / "s.txt"
    seed.write_text(" date 2023-01-15 " + text, encoding="utf-8")
    [doc] = read_paths([seed], date="2020-01-01")
    assert dating(doc) == ("2023-01-15", "day", "record")


def test_plain_text_dateline_wins_over_the_argument(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("TESSLIN, January 13, 2023 (Harbour Wire) - " + BODY, encoding="utf-8")
    [doc] = read_paths([path], date="2020-01-01")
    assert dating(doc) == ("2023-01-13", "day", "text")


def test_find_text_date_alone():
    assert find_text_date("TESSLIN, Jan 11 (AP) — The pier", "2023") == "2023-01-11"
    assert find_text_date("TESSLIN, Jan 11 (AP) — The pier") is None
    assert find_text_date("") is None


PAGE = """<html><head><title>Pier closes</title>{meta}</head><body><article>
<p>{lead}The harbour council of Tesslin voted on Monday to close the east pier after storm damage, officials said.</p>
<p>A spokesperson said repairs would take most of the spring and cost more than planned by the council.</p>
</article></body></html>"""


def test_html_metadata_date_is_marked_html(tmp_path):
    meta = '<meta property="article:published_time" content="2023-01-05T10:00:00Z">'
    path = tmp_path / "p.html"
    path.write_text(PAGE.format(meta=meta, lead=""), encoding="utf-8")
    [doc] = read_paths([path], date="1999-01-01")
    assert dating(doc) == ("2023-01-05", "day", "html")


def test_html_without_metadata_is_dated_by_its_dateline(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(PAGE.format(meta="", lead="TESSLIN, January 13, 2023 (Harbour Wire) - "), encoding="utf-8")
    [doc] = read_paths([path])
    assert dating(doc) == ("2023-01-13", "day", "text")


def test_require_date_skips_partial_and_missing_dates_naming_file_and_line(tmp_path):
    path = write_jsonl(tmp_path, {"date": "2023-01", "text": BODY}, {"text": BODY + " Again."},
                       {"date": "2023-01-11", "text": BODY + " Once more."},
                       {"text": "TESSLIN, January 13, 2023 (Harbour Wire) - " + BODY})
    month, missing, day, dateline = read_paths(path, require_date=True)
    assert type(month) is MissingDate and month.where == f"{path}:1" and "month 2023-01" in str(month)
    assert type(missing) is MissingDate and missing.where == f"{path}:2" and "[CG105]" in str(missing)
    assert (day.date, dateline.date) == ("2023-01-11", "2023-01-13")


def test_require_date_on_the_command_line(tmp_path):
    from claimgraph.cli import cli

    path = write_jsonl(tmp_path, {"text": BODY}, {"date": "2023-01-11", "text": BODY + " Again."})
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "--require-date"])
    assert result.exit_code == 0, result.output
    assert f"{path}:1: [CG105]" in result.stderr and "1 read, 1 stored" in result.stderr
    result = CliRunner().invoke(cli, ["extract", str(path), "--require-date"])
    assert f"{path}:1: [CG105]" in result.stderr and "1 extracted, 1 skipped" in result.stderr


def test_undated_and_partial_records_are_stored_and_extracted(tmp_path, pipeline):
    from claimgraph import api
    from claimgraph.store import Store

    text = "Tesslin port officials said the Harbour Authority of Northshire would repair the pier next week."
    path = write_jsonl(tmp_path, {"id": "u", "text": text}, {"id": "y", "date": "2022", "text": text + " Y."},
                       {"id": "m", "date": "2023-01", "text": text + " M."})
    report = api.ingest([path], db=tmp_path / "t.db", pipeline=pipeline)
    assert (report.read, report.stored, report.skipped) == (3, 3, [])
    with Store(tmp_path / "t.db", readonly=True) as store:
        rows = {d.external_id: d for d in store.documents()}
        assert [d.external_id for d in store.documents()] == ["y", "m", "u"]  # by date, undated last
        assert store.counts()["entities"] > 0 and store.counts()["timexes"] > 0
    assert (rows["u"].date, rows["u"].date_precision, rows["u"].date_source) == (None, None, "none")
    assert (rows["y"].date, rows["y"].date_precision) == ("2022", "year")
    assert (rows["m"].date, rows["m"].date_precision, rows["m"].language) == ("2023-01", "month", "en")
    docs = api.docs(tmp_path / "t.db")
    assert len(docs) == 3
    [extraction] = api.extract([write_jsonl(tmp_path, {"text": text}, name="one.jsonl")], pipeline=pipeline)
    assert extraction.to_dict()["date"] is None and extraction.entities


def test_docs_table_prints_undated_reports(tmp_path, pipeline):
    from claimgraph import api
    from claimgraph.cli import cli

    path = write_jsonl(tmp_path, {"id": "u", "text": BODY}, {"id": "m", "date": "2023-01", "text": BODY + " M."})
    api.ingest([path], db=tmp_path / "t.db", pipeline=pipeline)
    result = CliRunner().invoke(cli, ["docs", "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0 and "undated" in result.stdout and "2023-01 " in result.stdout


@pytest.mark.parametrize("first_line", [
    "By Tuesday, Dec. 20, 2022, the troops of Russia had left Kherson.",
    "Updated figures from March 3, 2021 show a rise in attacks.",
    "Separately, March 3, 2021 - the day of the vote - passed quietly.",
    "Dated 11 January 1999, the letter says the border is closed.",
    "Posted along the border since Jan. 5, 2020, the unit waits."])
def test_a_sentence_that_opens_with_a_label_word_or_a_place_like_word_gives_no_date(first_line):
    """A label's date comes right after it and ends the line (a time, a zone or a byline may follow); a
    dateline's place is in capitals or followed by an agency's mark or a typographic dash."""
    assert find_text_date(first_line + "\nRussia attacked Kyiv.") is None
