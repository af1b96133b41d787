"""Record formats: JSONL/NDJSON and CSV with fields id, date, title, url, outlet, text.

Each record becomes one ``Document`` or one ``InputError`` naming ``file:line``
(for CSV, the physical line where the record starts); the file goes on after it.
"""

from __future__ import annotations

import collections
import csv
import json
import math
import re
import sys
from collections.abc import Iterator
from typing import Any

from claimgraph.errors import EmptyInput, InputError, MalformedRecord
from claimgraph.model import Document

from ._datelines import date_document
from ._dates import DATE_HINT, read_date
from ._decode import normalise_newlines
from ._sources import LineReader, Source

FIELDS = ("id", "date", "title", "url", "outlet", "text")
_OPTIONAL = ("id", "title", "url", "outlet")

Item = Document | InputError


def read_jsonl(source: Source, *, date: str | None, max_bytes: int) -> Iterator[Item]:
    lines = LineReader(source, max_bytes)
    found = False
    for lineno, line in _each_line(lines):
        if isinstance(line, str) and not line.strip():
            continue
        found = True
        yield line if isinstance(line, InputError) else _jsonl_record(line, source.name, lineno, date)
    if not found:
        yield EmptyInput("holds no records: write one JSON object per line", where=source.name)


def read_csv(source: Source, *, date: str | None, max_bytes: int) -> Iterator[Item]:
    _allow_fields_up_to(max_bytes)
    lines = LineReader(source, max_bytes)
    rows = _csv_rows(lines)
    header = _csv_header(rows, source.name)
    if isinstance(header, InputError):
        yield header
        return
    found = False
    for start, row in rows:
        found = True
        yield row if isinstance(row, InputError) else _csv_record(header, row, source.name, start, date)
    if not found:
        yield EmptyInput("has a header but no records", where=source.name)


def _each_line(lines: LineReader) -> Iterator[tuple[int, str | InputError]]:
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except InputError as err:
            yield lines.lineno, err
            continue
        yield lines.lineno, line


def _jsonl_record(line: str, name: str, lineno: int, date: str | None) -> Item:
    where = f"{name}:{lineno}"
    try:
        fields = json.loads(line, parse_constant=_not_json, parse_float=_finite)
    except ValueError as err:  # also a number of more digits than Python reads (4,300)
        at = f" at column {err.colno}" if isinstance(err, json.JSONDecodeError) else ""
        return MalformedRecord(f"is not valid JSON ({getattr(err, 'msg', err)}{at}): write one JSON object per line",
                               where=where)
    except RecursionError:
        return MalformedRecord("is JSON nested too deeply to read", where=where)
    if not isinstance(fields, dict):
        return MalformedRecord(f'is a JSON {_JSON_TYPES.get(type(fields), "value")}, not an object with a "text" field',
                               where=where)
    return _build(fields, name, lineno, date)


def _not_json(word: str):
    raise ValueError(f"{word} is not a JSON value")  # Python's reader takes NaN and Infinity; JSON has neither


def _finite(digits: str) -> float:
    value = float(digits)
    if not math.isfinite(value):
        raise ValueError(f"{digits} is beyond what a number can hold")  # 1e400 would be read as infinity
    return value


_JSON_TYPES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


def _allow_fields_up_to(max_bytes: int) -> None:
    # The csv module's default 128 KiB field limit would reject long articles;
    # a field can be as large as the per-record limit (the limit is process-wide).
    wanted = min(max(max_bytes, 1), sys.maxsize)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def _csv_rows(lines: LineReader) -> Iterator[tuple[int, list[str] | InputError]]:
    """(line where the record starts, its cells or the error reading it); blank rows skipped."""
    return _rows(_Taken(lines), lines.name)


class _Taken:
    """Lines as the csv module takes them, counted, and kept until their record is done: so a record that ran on
    past where it should have ended (a quote that never closes) can be read again from its second line."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines, self.taken, self.count = lines, [], 0
        self.pending: collections.deque[str] = collections.deque()

    def __iter__(self) -> _Taken:
        return self

    def __next__(self) -> str:
        if self.pending:
            line = self.pending.popleft()
        else:
            try:
                line = next(self.lines)
            except InputError:
                self.count += 1  # the line reader refused this line and goes on with the next
                raise
        self.count += 1
        self.taken.append(line)
        return line

    def read_again_after(self, line: int) -> None:
        """Give back the lines taken after ``line`` (the first of the record just read), to be read again."""
        self.pending.extendleft(reversed(self.taken[1:]))
        self.count = line


def _rows(source: _Taken, name: str) -> Iterator[tuple[int, list[str] | InputError]]:
    """Rows, the header first. A record over several lines that never closes its quote, or that does not have the
    header's width, is refused and read again from its second line: a stray quote costs only its own record."""
    header: list[str] | None = None
    while True:
        source.taken = []
        start = source.count + 1
        try:
            row = next(csv.reader(source))  # a reader per record: one that ran on is read again by a fresh one
        except StopIteration:
            return
        except InputError as err:
            yield source.count, err
            continue
        except csv.Error as err:
            yield start, _bad_csv(f"is not valid CSV ({err})", f"{name}:{start}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(source.taken) > 1 and (_runs_on(source.taken) or (header and len(row) != len(header))
                                      or (header and _holds_records(source.taken[1:], header))):
            yield start, _bad_csv(f"has a quoted field that does not close where it should (the {len(source.taken)} "
                                  "lines from here ran into one record; the lines after this one are read again)",
                                  f"{name}:{start}")
            source.read_again_after(start)
            continue
        header = header or [cell.strip().lower() for cell in row]
        yield start, row


def _runs_on(lines: list[str]) -> bool:
    """A record over several lines that strict CSV refuses: a quote that never closes, or one that "closes" inside
    a field (the lenient reader joins the lines of several records into one field)."""
    try:
        list(csv.reader(lines, strict=True))
    except csv.Error:
        return True
    return False


def _holds_records(lines: list[str], header: list[str]) -> bool:
    """Whether the later lines of a record over several lines read as records themselves: as wide as the header,
    with a readable date where it has its date ("c2,2022-12-23,Mali attacked Niger."). Valid CSV, but a quote
    opened in one record and closed at the end of another, which joined the records between them into one field;
    prose over several lines does not put a date in that column."""
    if "date" not in header:
        return False
    column = header.index("date")
    for line in lines:
        cells = next(csv.reader([line]), [])
        if len(cells) == len(header) and read_date(cells[column]):
            return True
    return False


def _bad_csv(what: str, where: str) -> MalformedRecord:
    return MalformedRecord(f"{what}: quote fields holding commas, quotes or newlines", where=where)


def _csv_header(rows: Iterator[tuple[int, list[str] | InputError]], name: str) -> list[str] | InputError:
    for start, row in rows:
        if isinstance(row, InputError):
            return row
        header = [cell.strip().lower() for cell in row]
        twice = sorted({column for column in header if column in FIELDS and header.count(column) > 1})
        if twice:
            return MalformedRecord(f"the CSV header names {', '.join(map(repr, twice))} more than once: which "
                                   "column is meant is not known; name each column once", where=f"{name}:{start}")
        if "text" not in header:
            found = ", ".join(header)
            return MalformedRecord(
                f"the CSV header has no 'text' column (found: {found}): the first row must "
                f"name the columns, from {', '.join(FIELDS)}",
                where=f"{name}:{start}",
            )
        return header
    return EmptyInput("holds no records", where=name)


def _csv_record(header: list[str], row: list[str], name: str, start: int, date: str | None) -> Item:
    if len(row) != len(header):
        return MalformedRecord(
            f"has {len(row)} fields but the header has {len(header)}: quote fields holding commas, quotes or newlines",
            where=f"{name}:{start}",
        )
    fields: dict[str, str] = {}
    for column, cell in zip(header, row, strict=True):
        fields.setdefault(column, cell)
    return _build(fields, name, start, date)


def _build(fields: dict[str, Any], name: str, line: int, fallback_date: str | None) -> Item:
    try:
        return build_document(fields, source=name, line=line, fallback_date=fallback_date)
    except InputError as err:
        return err


def build_document(fields: dict[str, Any], *, source: str, line: int, fallback_date: str | None) -> Document:
    """One record's fields as a Document; raises an ``InputError`` naming ``source:line``.

    A record without a date, or with only a year or month, is dated from its text's top lines
    when they print one, else by ``fallback_date``; else it stays undated (never skipped).
    """
    where = f"{source}:{line}"
    text = fields.get("text")
    if not isinstance(text, str):
        raise MalformedRecord('has no "text" string: every record needs its report text', where=where)
    text = _checked_str(normalise_newlines(text), "text", where)
    if not text.strip():
        raise EmptyInput('has an empty "text": every record needs its report text', where=where)
    optional = {key: _optional_str(fields.get(key), key, where) for key in _OPTIONAL}
    document = Document(text=text, date=_record_date(fields.get("date"), where), source=source, line=line, **optional)
    return date_document(document, fallback_date)


def _record_date(value: Any, where: str) -> str | None:
    """The record's own date at the precision it gives; None when it has none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    found = read_date(value) if isinstance(value, str) else None
    if found is None:
        raise MalformedRecord(f"date {value!r} is not readable: {DATE_HINT}", where=where)
    return found[0]


def _optional_str(value: Any, key: str, where: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise MalformedRecord(f'field "{key}" must be a string, not {type(value).__name__}', where=where)
    return _checked_str(value, key, where) or None


def _checked_str(value: str, key: str, where: str) -> str:
    # JSON may escape a lone surrogate ("\ud800"); such text cannot be stored or hashed as UTF-8.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise MalformedRecord(
            f'field "{key}" holds an unpaired surrogate escape: fix the record', where=where
        ) from None
    return _CONTROL.sub("", value)


# Control characters a record may escape ("\u0000"): no text holds them, and kept they end up in names ("Kyiv\x00").
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
