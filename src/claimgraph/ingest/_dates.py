"""Publication dates: whatever a feed wrote, as an ISO calendar date (YYYY-MM-DD).

The date kept is the calendar date as written, in the report's own time zone:
"2022-12-22T23:30:00-05:00" stays 2022-12-22 (it was the 22nd for its readers),
rather than becoming the 23rd in UTC.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime

DATE_HINT = "use YYYY-MM-DD, an ISO 8601 timestamp or an RFC 2822 date"


def normalise_date(value: str) -> str | None:
    """ISO date for an ISO 8601 or RFC 2822 date/timestamp; None when unreadable."""
    value = value.strip()
    return _from_iso(value) or _from_rfc2822(value)


def _from_iso(value: str) -> str | None:
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def _from_rfc2822(value: str) -> str | None:
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
