"""Calendar arithmetic and TIMEX3 value formatting used by the time-expression normalisers.

Values follow TIMEX3: ``1998``, ``1998-11``, ``1998-11-20``, ``1998-W47``, ``1998-Q3``, ``1998-SU``,
``199`` (a decade), ``19`` (a century), ``1998-W47-WE``, ``1998-11-20TMO``, ``1998-11-20T10:35``.
Any part not known is X: ``XXXX-XX`` (some month), ``XXXX-WXX-4`` (a Thursday), ``2022-XX-XX`` (a day
in 2022), ``XXX`` (some decade), ``XX`` (some century).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASONS = ("SP", "SU", "FA", "WI")  # in calendar order; winter is dated by the year it starts
TIMEX_VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:[\dX.]+[YMWDLCE]|[\dX.]+DE|[\dX.]+CE)*(?:T(?:[\dX.]+[HMS])+)?"
    r"|(?:\d{1,4}|X{2,4}|\d{2}XX|\d{3}X)(?:-(?:\d\d|XX|W\d\d|WXX|Q\d|QX|H\d|HX|SP|SU|FA|WI))?"
    r"(?:-(?:\d\d|XX|\d|WE))?(?:T(?:\d\d:\d\d|MO|AF|EV|NI|DT))?)$"
)


def day(d: date) -> str:
    return d.isoformat()


def well_formed(value: str) -> bool:
    """A TIMEX3 value that names a time of the calendar: "10000" and "-001" are not values, "0000" names no year."""
    return TIMEX_VALUE.match(value) is not None and not value.startswith("0000")


# Years, decades and centuries a value can name: counting past the calendar's ends ("last year" in a report of the
# year 1, "next decade" in 9999) would write "0000" or "1000" (read back as the year 1000), so it is refused here
# and the expression is normalised as in an undated report (timex._guarded).
def year(number: int) -> str:
    if not 1 <= number <= 9999:
        raise ValueError(f"the year {number} is outside the calendar")
    return f"{number:04d}"


def decade(number: int) -> str:
    if not 0 <= number <= 999:
        raise ValueError(f"the decade {number}0 is outside the calendar")
    return f"{number:03d}"


def century(number: int) -> str:
    if not 0 <= number <= 99:
        raise ValueError(f"the century {number + 1} is outside the calendar")
    return f"{number:02d}"


def month(year_number: int, month_number: int) -> str:
    year_number, month_number = shift_month(year_number, month_number, 0)
    return f"{year(year_number)}-{month_number:02d}"


def week(d: date) -> str:
    iso_year, iso_week, _ = d.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def quarter(year_number: int, number: int) -> str:
    year_number += (number - 1) // 4
    return f"{year(year_number)}-Q{(number - 1) % 4 + 1}"


def shift_month(year: int, month_number: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month_number - 1) + by
    return index // 12, index % 12 + 1


def valid_day(year: int, month_number: int, day_number: int) -> bool:
    return 1 <= month_number <= 12 and 1 <= day_number <= calendar.monthrange(year, month_number)[1]


TENSE_PENALTY_DAYS = 200  # how far a date on the wrong side of the document date must beat the other
PAST_BIAS_DAYS = 0  # news mostly reports what happened: with no tense cue, lean to the past


def nearest_year(dct: date, month_number: int, day_number: int | None, tense: str | None) -> int:
    """The year of a month (and day) written without one: the nearest to the document date, with a
    penalty for landing on the side the clause's tense contradicts."""
    day_number = day_number or 15
    candidates = []
    for year in (y for y in (dct.year - 1, dct.year, dct.year + 1) if date.min.year <= y <= date.max.year):
        moment = date(year, month_number, min(day_number, calendar.monthrange(year, month_number)[1]))
        gap = (moment - dct).days
        if tense is None:
            penalty = PAST_BIAS_DAYS if gap > 0 else 0
        else:
            penalty = TENSE_PENALTY_DAYS if gap and (gap > 0) != (tense == "future") else 0
        candidates.append((abs(gap) + penalty, year))
    return min(candidates)[1]


def weekday_near(dct: date, weekday: int, direction: str) -> date:
    """The weekday (1=Monday) nearest the document date: 'past' (on or before), 'future' (on or
    after), 'before' (strictly before) or 'after' (strictly after)."""
    delta = weekday - dct.isoweekday()
    if direction in ("past", "before"):
        back = (-delta) % 7
        if back == 0 and direction == "before":
            back = 7
        return dct - timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == "after":
        ahead = 7
    return dct + timedelta(days=ahead)


def nth_weekday(year: int, month_number: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) given weekday (1=Monday) of a month."""
    if nth > 0:
        first = date(year, month_number, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = date(year, month_number, calendar.monthrange(year, month_number)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def season_current(dct: date) -> tuple[int, str]:
    """The (year, season) the document date falls in; winter is dated by the year it starts."""
    if dct.month == 12:
        return dct.year, "WI"
    if dct.month <= 2:
        return dct.year - 1, "WI"
    name = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(dct.month, "FA")
    return dct.year, name


def season_after(dct: date, by: int) -> str:
    """The season ``by`` seasons after the one the document date falls in ("last season": -1)."""
    return season_step(*season_current(dct), by)


def season_step(year_number: int, season: str, by: int) -> str:
    """``2022-WI`` moved by ``by`` seasons: one step back is ``2022-FA``, one forward ``2023-SP``."""
    index = year_number * 4 + _SEASONS.index(season) + by
    return f"{year(index // 4)}-{_SEASONS[index % 4]}"


def season_shift(dct: date, season: str, direction: str) -> str:
    """'last' = the latest occurrence that started before the current season; 'next' = the first
    after it; 'this' = the one in the current season's year (winter: the coming/current one)."""
    now_year, now_season = season_current(dct)
    now_key = (now_year, SEASON_START_MONTH[now_season])
    if direction == "this":
        year = now_year if season != "WI" or now_season == "WI" else dct.year
        return f"{year:04d}-{season}"
    step = -1 if direction == "last" else 1
    year = dct.year + (1 if step < 0 else -1)
    while True:
        key = (year, SEASON_START_MONTH[season])
        if (key < now_key) if step < 0 else (key > now_key):
            return f"{year:04d}-{season}"
        year += step


def duration(amount: float | None, designator: str) -> str:
    """``P3Y``, ``PT5H``, ``PXW``; fractions go down a unit (2.5 years -> P2Y6M)."""
    time_part = designator in ("H", "MIN", "S")
    letter = "M" if designator == "MIN" else designator
    prefix = "PT" if time_part else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if amount == int(amount):
        return f"{prefix}{int(amount)}{letter}"
    whole, fraction = int(amount), amount - int(amount)
    smaller = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60), "M": ("D", 30)}
    if designator in smaller:
        unit, factor = smaller[designator]
        if designator == "D":
            head = f"P{whole}D" if whole else "P"
            return f"{head}T{round(fraction * factor)}{unit}"
        head = f"{prefix}{whole}{letter}" if whole else prefix
        return f"{head}{round(fraction * factor)}{unit}"
    return f"{prefix}{amount:g}{letter}"
