"""The anaphora pass: "the next day", "a year earlier", "the previous decade" resolved against the
nearest earlier expression of the right granularity, else the value computed from the report date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimgraph.extract.timex import _calendar as cal
from claimgraph.extract.timex._context import Anaphor

_QUARTER_REFERENCE_REACH = 2000  # characters: "a year earlier" looks back this far for a quarter

# Which earlier values an anaphor of each kind can count from (group 1 is always the year part).
_GRAIN = {
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
    "day": re.compile(r"^(\d{4})-(\d\d)-(\d\d)"),
    "week": re.compile(r"^(\d{4})-(?:(\d\d)-(\d\d)|W(\d\d))"),
    "month": re.compile(r"^(\d{4})-(\d\d)(?!\d)"),
    "year": re.compile(r"^(\d{4})(?![\dX])"),
    "season": re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"),
    "decade": re.compile(r"^(\d{3})(?:\d|(?![\dX]))"),
    "century": re.compile(r"^(\d{2})(?:\d|(?![\dX]))"),
}
_GRAIN["weekend"] = _GRAIN["week"]


def resolve_anaphor(anaphor: Anaphor, position: int, antecedents: list[tuple[int, str]]) -> str | None:
    """The value of an expression like "the next day" or "a year earlier" given earlier (end, value)s.

    A kind without antecedent rules, or a shift that leaves the calendar (the day after 9999-12-31),
    falls back to the value computed from the report date.
    """
    kind = "quarter" if anaphor.kind == "quarter_in_year" else anaphor.kind
    pattern = _GRAIN.get(kind)
    for end, value in reversed(antecedents if pattern else []):
        if kind == "quarter" and position - end > _QUARTER_REFERENCE_REACH:
            break
        match = pattern.match(value)
        if match:
            try:
                shifted = _shifted(anaphor, match)
            except (OverflowError, ValueError):
                shifted = None
            valid = shifted is not None and cal.well_formed(shifted)
            return shifted if valid else anaphor.fallback or None
    return anaphor.fallback or None


def _shifted(anaphor: Anaphor, match: re.Match[str]) -> str | None:
    year, by = int(match[1]), anaphor.shift
    if anaphor.kind == "quarter_in_year":
        return cal.quarter(by, int(match[2]))
    if anaphor.kind == "quarter":
        return cal.quarter(year + by, int(match[2]))
    if anaphor.kind in ("year", "decade", "century"):  # "2022", "202", "20" by their digits, held in the calendar
        return {4: cal.year, 3: cal.decade, 2: cal.century}[len(match[1])](year + by)
    if anaphor.kind == "month":
        return cal.month(*cal.shift_month(year, int(match[2]), by))
    if anaphor.kind == "season":
        return cal.season_step(year, match[2], by)
    if anaphor.kind in ("week", "weekend"):
        return _shifted_week(anaphor, match)
    when = _day(match)
    return cal.day(when + timedelta(days=by)) if when else None


def _shifted_week(anaphor: Anaphor, match: re.Match[str]) -> str | None:
    if match[4]:
        when = date.fromisocalendar(int(match[1]), int(match[4]), 1)
    else:
        when = _day(match)
    if when is None:
        return None
    week = cal.week(when + timedelta(weeks=anaphor.shift))
    return week + "-WE" if anaphor.kind == "weekend" else week


def _day(match: re.Match[str]) -> date | None:
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except (TypeError, ValueError):
        return None
