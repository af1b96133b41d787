"""A report's own date where outlets print it at the top of the text: datelines, bylines, "Published ..." lines.

Only the first few lines are looked at, and only those positions: a date in the prose tells
when something happened, not when it was reported ("On September 13, the army ..."), so it is
never taken. A dateline without a year ("WASHINGTON, Dec 22 (Reuters) -") is kept only when
the record's own partial date supplies the year; guessing it from today would date old
archives wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from claimgraph.model import Document, date_precision

_HEAD_CHARS = 400  # cheap: a dateline or byline is never further down
_HEAD_LINES = 6  # non-blank lines: title, standfirst, byline, dateline paragraph...
_WITHIN_LINE = 60  # a byline's or "Published" line's date comes early in it...
_LABEL_LINE = 120  # ...and the line is short: a long one is a sentence of the report

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
           "nov": 11, "dec": 12}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|\b)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)(?!\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# Each shape is its own pattern: one regex cannot name the same group in two alternatives.
_SHAPES = (
    rf"(?<!\d){_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)",  # 2023-01-11, 2023-01-11T09:30Z
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?",  # Jan. 11, 2023 / Dec 22
    rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",  # 11 January 2023 / 22 Dec
)
_DATES = tuple(re.compile(rf"\b{shape}", re.IGNORECASE) for shape in _SHAPES)
# PLACE[, REGION], DATE then an agency mark or a dash: "KYIV, Jan 11 (AP) —", "MOSCOW, January 13, 2023 /TASS/".
_PLACE = r"\s*(?P<place>[^\W\d_][\w.'’ -]{0,40}?(?:,\s*[^\W\d_][\w.'’ -]{0,30}?)?),\s*"
_MARK = r"\s*(?P<mark>\([^()\n]{1,40}\)|/[^/\n]{1,30}/|[-–—])"
_DATELINES = tuple(re.compile(rf"{_PLACE}(?:{shape}){_MARK}", re.IGNORECASE) for shape in _SHAPES)
_WORD_LABEL = re.compile(r"\s*(?i:(?:first\s+|originally\s+)?published|posted|dated?|(?:last\s+)?(?:updated|modified))"
                         r"\b[\s:,-]*(?i:on\s+)?")
# a byline names someone: "By March 3, the army had..." and "By Tuesday, Dec. 20, ..." are prose
_BYLINE = re.compile(rf"\s*(?:By|BY)\s+(?!(?i:{_MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)day))[A-Z]")
_UPDATED = re.compile(r"\s*(?:last\s+)?(?:updated|modified)", re.IGNORECASE)
# What may stand beside the date on a line of its own: clock time, zone, separators. One character or
# one token per repetition, so a line that does not fit fails fast (no nested quantifiers).
_FILLER = re.compile(
    r"(?:[\s,.|·•/()-]|\d{1,2}[:.]\d\d(?::\d\d)?|[ap]\.?m\b\.?|(?:gmt|utc|bst|cet|cest|eet|eest|msk|[ecmp][sd]?t)\b)*",
    re.IGNORECASE,
)
_BARE_LINE = 60
# After a label's date: a clock time, a zone, separators, perhaps a byline; anything else is a sentence ("Dated
# 11 January 1999, the letter says...").
_AFTER_LABEL = re.compile(rf"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?{_FILLER.pattern}(?:by\s.*)?",
                          re.IGNORECASE)


def date_document(document: Document, argument: str | None) -> Document:
    """The document with a date its own data did not give in full: from its top lines, else ``argument``."""
    if document.date_precision == "day":
        return document
    found = find_text_date(document.text, document.date)
    if found is not None:
        return _dated(document, found, "text")
    if document.date is None and argument is not None:
        return _dated(document, argument, "argument")
    return document


def find_text_date(text: str, within: str | None = None) -> str | None:
    """The day (YYYY-MM-DD) printed at the top of ``text`` as its own date, or None.

    ``within`` is a partial date ("2022", "2022-12") the day must fall in; it also gives the
    year of a dateline that has none.
    """
    for month_day in _candidates(text[:_HEAD_CHARS]):
        day = _complete(month_day, within)
        if day is not None:
            return day
    return None


def _dated(document: Document, iso: str, source: str) -> Document:
    return replace(document, date=iso, date_precision=date_precision(iso), date_source=source)


def _candidates(head: str) -> Iterator[tuple[int | None, int, int]]:
    """(year or None, month, day) of each date in a dating position; "Updated" dates last."""
    lines = [line for line in head.split("\n") if line.strip()][:_HEAD_LINES]
    found = [(bool(_UPDATED.match(line)), hit) for line in lines for hit in _line_dates(line)]
    yield from (hit for _, hit in sorted(found, key=lambda pair: pair[0]))  # stable: text order within each kind


def _line_dates(line: str) -> Iterator[tuple[int | None, int, int]]:
    for dateline in _DATELINES:
        match = dateline.match(line)
        if match and _is_dateline(match):
            yield _parts(match)
    label = _WORD_LABEL.match(line)
    if label and len(line) <= _LABEL_LINE:  # "Published: Dec 22, 2022 10:00 GMT": the date right after the label
        yield from (_parts(m) for m in _dates_in(line) if m.start() == label.end() and _after_label(line, m))
    elif _BYLINE.match(line) and len(line) <= _LABEL_LINE:  # "By Jane Doe, Dec. 22, 2022"
        yield from (_parts(m) for m in _dates_in(line) if m.start() < _WITHIN_LINE and _after_label(line, m))
    elif len(line.strip()) <= _BARE_LINE:
        yield from (_parts(m) for m in _dates_in(line) if _alone(line, m))


def _dates_in(line: str) -> list[re.Match[str]]:
    return sorted((m for pattern in _DATES for m in pattern.finditer(line)), key=lambda m: m.start())


def _is_dateline(match: re.Match[str]) -> bool:
    """A place in capitals ("KYIV"), an agency's mark ("(AP)", "/TASS/") or a typographic dash ("Tesslin, 4 March
    2021 –"): "Separately, March 3, 2021 - the day..." opens a sentence."""
    return match["place"].isupper() or match["mark"] != "-"


def _after_label(line: str, match: re.Match[str]) -> bool:
    return _AFTER_LABEL.fullmatch(line[match.end():]) is not None


def _alone(line: str, match: re.Match[str]) -> bool:
    """True when nothing but a weekday, a clock time or separators stands beside the date on its line."""
    rest = line[: match.start()] + " " + line[match.end() :]
    return _FILLER.fullmatch(rest) is not None


def _parts(match: re.Match[str]) -> tuple[int | None, int, int]:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _month_number(groups["month"][:3])
    year = int(groups["year"]) if groups.get("year") else None
    return year, month, int(groups["day"])


def _month_number(name: str) -> int:
    """The month of a matched name, by the same case rule that matched it: Unicode's, where "ſep" (a long s) is
    "sep" but not a key of the table once lower-cased."""
    return _MONTHS.get(name.lower()) or next(n for key, n in _MONTHS.items() if re.fullmatch(key, name, re.IGNORECASE))


def _complete(month_day: tuple[int | None, int, int], within: str | None) -> str | None:
    year, month, day = month_day
    if year is None and within is not None:
        year = int(within[:4])
    if year is None:
        return None  # a dateline without a year, and nothing to tell which year it was
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:
        return None  # "Feb 30": not a day
    return iso if within is None or iso.startswith(within) else None
