"""Publication dates: whatever a feed wrote, as an ISO date at the precision it was written.

The date kept is the calendar date as written, in the report's own time zone:
"2022-12-22T23:30:00-05:00" stays 2022-12-22 (it was the 22nd for its readers),
rather than becoming the 23rd in UTC. A feed that gives only a year ("2022") or a
month ("2023-01") keeps that precision: a guessed day would be a false fact.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

DATE_HINT = "use YYYY-MM-DD (or YYYY-MM, YYYY), an ISO 8601 timestamp or an RFC 2822 date"

# ASCII digits only: "٢٠٢٢" is a year to a reader, but not one Python's dates (or a store's ISO dates) can hold.
_YEAR = re.compile(r"(\d{4})", re.ASCII)
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)
_CALENDAR_DAY = re.compile(r"(?:\d{4}-\d{2}-\d{2}|\d{8})(?:$|[T ])", re.ASCII)
_WRITTEN_YEAR = re.compile(r"\b\d{1,2}\s+[a-z]{3,}\.?\s+(\d{4})\b", re.ASCII | re.IGNORECASE)  # "01 Jan 0001"


def normalise_date(value: str) -> str | None:
    """ISO date for an ISO 8601 or RFC 2822 date/timestamp; None when unreadable."""
    value = value.strip()
    return _from_iso(value) or _from_rfc2822(value)


def read_date(value: str) -> tuple[str, str] | None:
    """(ISO date at its precision, "day" | "month" | "year") for a date as a feed writes it; None when unreadable."""
    value = value.strip()
    year = _YEAR.fullmatch(value)
    if year:
        return (value, "year") if int(year[1]) >= 1 else None
    month = _YEAR_MONTH.fullmatch(value)
    if month:
        return (value, "month") if int(month[1]) >= 1 and 1 <= int(month[2]) <= 12 else None
    day = normalise_date(value)
    return (day, "day") if day else None


def _from_iso(value: str) -> str | None:
    if not _CALENDAR_DAY.match(value):
        return None  # "2022-W51", "2022-355": a week or a day of the year, not a day as written
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def _from_rfc2822(value: str) -> str | None:
    try:
        day = parsedate_to_datetime(value).date()
        written = _WRITTEN_YEAR.search(value)  # the parser reads any year under 100 as two digits: 0001 -> 2001
        return (day.replace(year=int(written[1])) if written else day).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
