"""Normalisers for explicit dates: "Dec. 22, 2022", "March", "the 1990s", "the 19th century", holidays.

A date written without its year takes it from the report: the nearest year to a dated report, the
year of a report dated only to a year, and none ("XXXX-12-22") when the report is undated.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from claimgraph.extract.timex import _calendar as cal
from claimgraph.extract.timex._context import (
    DATE_CUE_REACH,
    Context,
    capitalised,
    looks_like_name,
    month_number,
    unresolved,
)


def month_day(g: dict[str, str | None], ctx: Context) -> str | None:
    if not capitalised(g["month"]):
        return None
    month_value = month_number(g["month"], ctx.words)
    day_value = int(re.match(r"\d+", g["day"])[0])
    year = _explicit_year(g.get("year"), g.get("yy"))
    if year is None:
        year = ctx.named_year(month_value, min(day_value, 28), ctx.tense(DATE_CUE_REACH))
    if year is None:  # any year will do for the check; 2000 has a February 29
        return f"XXXX-{month_value:02d}-{day_value:02d}" if cal.valid_day(2000, month_value, day_value) else None
    if not cal.valid_day(year, month_value, day_value):
        return None
    return f"{year:04d}-{month_value:02d}-{day_value:02d}"


def _explicit_year(year: str | None, two_digits: str | None) -> int | None:
    if year:
        return int(year)
    if two_digits:
        value = int(two_digits)
        return value + (2000 if value < 50 else 1900)
    return None


def iso_date(g: dict[str, str | None], ctx: Context) -> Any:
    year, month_value, day_value = int(g["year"]), int(g["month"]), int(g["day"])
    if not cal.valid_day(year, month_value, day_value):
        return None
    value = f"{year:04d}-{month_value:02d}-{day_value:02d}"
    return ("TIME", f"{value}T{g['hour']}:{g['minute']}") if g.get("hour") else value


def slash_date(g: dict[str, str | None], ctx: Context) -> str | None:
    year = int(g["year"]) if len(g["year"]) == 4 else _explicit_year(None, g["year"])
    month_value, day_value = int(g["month"]), int(g["day"])
    return (
        f"{year:04d}-{month_value:02d}-{day_value:02d}"
        if cal.valid_day(year, month_value, day_value)
        else None
    )


def month_year(g: dict[str, str | None], ctx: Context) -> str | None:
    if not capitalised(g["month"]):
        return None
    return f"{int(g['year']):04d}-{month_number(g['month'], ctx.words):02d}"


def month_rel_year(g: dict[str, str | None], ctx: Context) -> str | None:
    month_value = month_number(g["month"], ctx.words)
    if ctx.dct is None:
        return f"XXXX-{month_value:02d}"
    shift = {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
    return f"{ctx.dct.year + shift:04d}-{month_value:02d}"


def month(g: dict[str, str | None], ctx: Context) -> str | None:
    if not capitalised(g["month"]) or (
        not g.get("rel") and not g.get("mod") and looks_like_name(ctx, g["month"])
    ):
        return None
    if (
        not g.get("rel")
        and re.search(r"\b(?:the|annual|a)\s+$", ctx.before(8), re.IGNORECASE)
        and re.match(r"\s+(?:of|for|on)\b", ctx.after(6))
    ):
        return None  # "the March of the mothers", "the annual March for Life"
    month_value = month_number(g["month"], ctx.words)
    if ctx.dct is None:
        return f"XXXX-{month_value:02d}"
    rel, now = (g.get("rel") or "").lower(), ctx.dct
    if rel in ("last", "past"):
        year = now.year if month_value < now.month else now.year - 1
    elif rel in ("next", "coming"):
        year = now.year if month_value > now.month else now.year + 1
    elif rel == "this":
        year = now.year
    else:
        year = ctx.named_year(month_value, None, ctx.tense(DATE_CUE_REACH))
    return f"{year:04d}-{month_value:02d}"


def year(g: dict[str, str | None], ctx: Context) -> str | None:
    value = int(g["year"])
    bare = not (g.get("mod") or g.get("fiscal") or ctx.text[ctx.start : ctx.end].lower().startswith("the"))
    if bare and not 1600 <= value <= 2099:
        return None
    if bare and re.search(
        r"(?:\d|No\.|number|\$|#|Flight|Route|[Rr]oom|page|[Bb]oeing|[A-Z]{2,}) ?$", ctx.before(12)
    ):
        return None
    return f"{value:04d}"


def year_words(g: dict[str, str | None], ctx: Context) -> str | None:
    words = re.split(r"[- ]", g["words"].lower().replace("the year ", ""))
    table = ctx.words["numbers"]
    if words[:2] == ["two", "thousand"]:
        return f"{2000 + sum(table.get(w, 0) for w in words[3:]):04d}"
    century = table[words[0]]
    rest = [w for w in words[1:] if w != "oh"]
    if not rest or any(w not in table for w in rest):
        return None
    return f"{century * 100 + sum(table[w] for w in rest):04d}"


def decade(g: dict[str, str | None], ctx: Context) -> str:
    if g.get("century"):
        return f"{g['century']}{g['decade']}"
    short = int(g["short"])
    if ctx.dct is not None and short * 10 <= ctx.dct.year % 100:
        return f"{ctx.dct.year // 100:02d}{short}"
    return f"19{short}"


def decade_words(g: dict[str, str | None], ctx: Context) -> str:
    tens = {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }[g["decade"].lower()]
    return f"19{tens}"


def century(g: dict[str, str | None], ctx: Context) -> str | None:
    text = g["ord"].lower()
    digits = re.match(r"\d+", text)
    ordinal = int(digits[0]) if digits else ctx.words["ordinals"].get(text)
    if not ordinal or text in ("final", "last"):
        return None
    return cal.century(ordinal - 1)


def this_century(g: dict[str, str | None], ctx: Context) -> str:
    if ctx.dct is None:
        return unresolved("century")
    phrase = ctx.text[ctx.start : ctx.end].lower()
    shift = -1 if ("last" in phrase or "past" in phrase) else 1 if "next" in phrase else 0
    return cal.century(ctx.dct.year // 100 + shift)


def holiday(g: dict[str, str | None], ctx: Context) -> str | None:
    rule = ctx.words["holidays"][re.sub(r"\s+", " ", g["holiday"].lower().replace(" jr.", ""))]
    if g.get("year"):
        return _holiday_date(rule, int(g["year"]))
    rel = (g.get("rel") or "").lower()
    if not rel and ctx.anchor_year() is not None:
        return _holiday_date(rule, ctx.anchor_year())
    if ctx.dct is None:
        return "XXXX-" + rule if ":" not in rule else unresolved("day")
    now = ctx.dct if rel or ctx.anchor is None else ctx.anchor.middle
    dates = [_holiday_date(rule, y) for y in (now.year - 1, now.year, now.year + 1)]
    today = cal.day(now)
    if rel == "last":
        return max(d for d in dates if d < today)
    if rel == "next":
        return min(d for d in dates if d > today)
    ahead = ctx.looks_ahead()
    pool = [d for d in dates if (d >= today) == ahead] or dates
    return min(pool, key=lambda d: abs((date.fromisoformat(d) - now).days))


def _holiday_date(rule: str, year_value: int) -> str:
    if ":" not in rule:  # fixed "MM-DD"; floating ones are "MM:weekday:nth" and nth may be -1
        return f"{year_value:04d}-{rule}"
    month_text, weekday, nth = rule.split(":")
    offset = 0
    if "+" in nth:
        nth, extra = nth.split("+")
        offset = int(extra or 1)
    return cal.day(
        cal.nth_weekday(year_value, int(month_text), int(weekday), int(nth)) + timedelta(days=offset)
    )
