"""The report date as an anchor of known precision, and values cut back to what a partial anchor knows.

A report may be dated to the day ("2022-12-22"), the month ("2023-01"), the year ("2022") or not at
all. A relative expression is resolved against a partial anchor by normalising it at sample days
spread over the anchor's period and keeping only the parts of the value that every sample agrees on:
with the anchor "2022", "last month" is 2021-12 on 1 January and 2022-11 on 31 December, so it stays
"XXXX-XX", while "last year" is 2021 on every day and is resolved.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

_ANCHOR = re.compile(r"\s*(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
_MID_MONTH = 15


@dataclass(frozen=True)
class Anchor:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def full(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None

    @property
    def middle(self) -> date:
        """The day yearless names ("July 4") are placed near when only the month is known."""
        return date(self.year, self.month or 7, self.day or _MID_MONTH)

    def samples(self) -> list[date]:
        """Days spread over the anchor's period, both ends included: each week of a month, or the
        first of each month of a year. Values shifted from the report date move steadily with it,
        so a part the ends agree on holds in between, and a day or month part that differs
        anywhere differs between two of these samples."""
        if self.full:
            return [self.full]
        months = [self.month] if self.month else list(range(1, 13))
        last = date(self.year, months[-1], calendar.monthrange(self.year, months[-1])[1])
        days = (1, 8, 15, 22) if self.month else (1,)
        return [date(self.year, m, d) for m in months for d in days] + [last]


def parse_anchor(value: str | None) -> Anchor | None:
    """The anchor of a document date (``2022-12-22``, ``2022-12-22T10:00``, ``2023-01``, ``2022``).

    An impossible month or day is dropped rather than the whole date: "2022-02-30" is still known to
    be February 2022. Year 0 and junk give no anchor.
    """
    match = _ANCHOR.match(value or "")
    if not match or int(match[1]) < 1:
        return None
    year, month_text, day_text = int(match[1]), match[2], match[3]
    if not month_text or not 1 <= int(month_text) <= 12:
        return Anchor(year)
    month = int(month_text)
    if not day_text or not 1 <= int(day_text) <= calendar.monthrange(year, month)[1]:
        return Anchor(year, month)
    return Anchor(year, month, int(day_text))


def agreed(values: Iterable[str]) -> str | None:
    """The part of a TIMEX3 value that all ``values`` share; a part they disagree on becomes X.

    ``2021-12`` and ``2022-11`` give ``XXXX-XX``; ``2021-12-25`` and ``2022-12-25`` give
    ``XXXX-12-25``. Values of different shapes (or clock times that differ) give None.
    """
    distinct = list(dict.fromkeys(values))
    if len(distinct) == 1:
        return distinct[0]
    split = [_split(v) for v in distinct]
    if len({(len(parts), time) for parts, time in split}) != 1:
        return None
    merged = [_agree_part([parts[i] for parts, _ in split]) for i in range(len(split[0][0]))]
    if None in merged:
        return None
    return "-".join(merged) + split[0][1]


def _split(value: str) -> tuple[list[str], str]:
    """Date parts and the time suffix: ``2022-12-22T10:35`` -> (["2022", "12", "22"], "T10:35")."""
    head, cut, tail = value.partition("T")
    return head.split("-"), cut + tail


def _agree_part(parts: list[str]) -> str | None:
    if len(set(parts)) == 1:
        return parts[0]
    shapes = {re.sub(r"\d", "X", part) for part in parts}
    if len(shapes) != 1 or "X" not in next(iter(shapes)):
        return None  # "SU" against "WI", or "W51" against "12": nothing to put an X in
    return shapes.pop()
