"""Normalisers for expressions anchored to the document date or to an earlier expression:
weekdays, "last month", "two weeks ago", quarters, seasons, times of day."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from claimgraph.extract.timex import _calendar as cal
from claimgraph.extract.timex._context import (
    Anaphor,
    Context,
    number,
    shift_unit,
    unit_name,
    unresolved,
)
from claimgraph.extract.timex._values import year_words

Groups = dict[str, Any]
_DEICTIC_SHIFT = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}


def _part_code(part: str | None, words: dict[str, Any]) -> str:
    if not part:
        return ""
    key = part.lower().replace("mid-", "mid")
    code = words["parts_of_day"].get(key) or words["parts_of_day"].get(part.lower(), "")
    return f"T{code}" if code else ""


def _last_completed_quarter(dct: date) -> str:
    return cal.quarter(dct.year, cal.quarter_of(dct) - 1)


# ---- quarters and fiscal periods -------------------------------------------------------------------------


def quarter(g: Groups, ctx: Context) -> Any:
    number_q = ctx.words["ordinals"][g["ord"].lower()]
    if not 1 <= number_q <= 4:
        return None
    explicit = g.get("y1") or g.get("y2")
    if explicit:
        return cal.quarter(int(explicit), number_q)
    if ctx.dct is None:
        return f"XXXX-Q{number_q}"
    rel = (g.get("rel") or g.get("rel2") or "").lower()
    shift = {"last year's": -1, "last": -1, "next year's": 1, "next": 1, "year-earlier": -1, "year-ago": -1}
    if rel in shift or rel in ("this year's", "this"):
        return cal.quarter(ctx.dct.year + shift.get(rel, 0), number_q)
    if ctx.anchor_year() is not None:  # "the third quarter" in a report dated only by its year
        return cal.quarter(ctx.anchor_year(), number_q)
    current = cal.quarter_of(ctx.dct)
    ahead = number_q > current and ctx.looks_ahead()
    return cal.quarter(ctx.dct.year - (0 if number_q <= current or ahead else 1), number_q)


def quarter_anaphor(g: Groups, ctx: Context) -> Any:
    det, phrase = g["det"].lower(), ctx.text[ctx.start : ctx.end].lower()
    year_text = g.get("year") or g.get("y2")
    if ctx.dct is None:
        return unresolved("quarter")
    if year_text:
        return Anaphor("quarter_in_year", int(year_text), year_text)
    back = any(
        w in phrase
        for w in (
            "year-ago",
            "year-earlier",
            "comparable",
            "corresponding",
            "same",
            "prior-year",
            "last year",
            "a year",
        )
    )
    if back:
        return Anaphor("quarter", -1, cal.quarter(ctx.dct.year - 1, cal.quarter_of(ctx.dct) - 1))
    if det in ("this", "the current"):
        return Anaphor("quarter", 0, cal.quarter(ctx.dct.year, cal.quarter_of(ctx.dct)))
    if g["unit"].lower() == "period" and det in ("the", "that"):
        return Anaphor("quarter", 0, "")
    return Anaphor("quarter", 0, _last_completed_quarter(ctx.dct))


def half_year(g: Groups, ctx: Context) -> str | None:
    half = 1 if g["ord"].lower() == "first" else 2
    explicit = g.get("y1") or g.get("y2")
    if explicit:
        return f"{int(explicit):04d}-H{half}"
    if ctx.dct is None:
        return f"XXXX-H{half}"
    rel = (g.get("rel") or "").lower()
    if not rel and ctx.anchor_year() is not None:
        return f"{ctx.anchor_year():04d}-H{half}"
    current = 1 if ctx.dct.month <= 6 else 2
    default = 0 if half <= current or ctx.looks_ahead() else -1
    shift = {"last": -1, "next": 1, "this": 0}.get(rel, default)
    return f"{ctx.dct.year + shift:04d}-H{half}"


def fiscal_year(g: Groups, ctx: Context) -> str:
    if ctx.dct is None:
        return unresolved("year")
    words = f"{g['det']} {g.get('rel') or ''}".lower()
    shift = (
        -1
        if re.search(r"\b(last|previous|past|prior)\b", words)
        else 1
        if re.search(r"\b(next|coming|new)\b", words)
        else 0
    )
    return f"{ctx.dct.year + shift:04d}"


# ---- days, weekdays, parts of day ------------------------------------------------------------------------


def deictic_day(g: Groups, ctx: Context) -> Any:
    word = g["word"].lower()
    part = _part_code(g.get("part") or ("night" if word == "tonight" else None), ctx.words)
    if ctx.dct is None:
        return ("TIME" if part else "DATE", unresolved("day") + part)
    value = cal.day(ctx.dct + timedelta(days=_DEICTIC_SHIFT[word])) + part
    return ("TIME", value) if part else value


def this_part(g: Groups, ctx: Context) -> Any:
    rel = g["rel"].lower()
    shift = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and g["part"].lower() not in ("night", "evening"):
        return None  # "last morning" is not an expression
    base = unresolved("day") if ctx.dct is None else cal.day(ctx.dct + timedelta(days=shift))
    return base + _part_code(g["part"], ctx.words)


def weekday(g: Groups, ctx: Context) -> Any:
    if not g["weekday"][:1].isupper():
        return None
    number_wd = ctx.words["weekdays"][g["weekday"].lower()]
    part = _part_code(g.get("part"), ctx.words)
    kind = "TIME" if part else "DATE"
    if ctx.dct is None:
        return kind, f"XXXX-WXX-{number_wd}{part}"
    rel = (g.get("rel") or "").lower()
    direction = {
        "last": "before",
        "the previous": "before",
        "this past": "past",
        "next": "after",
        "the following": "after",
        "the next": "after",
        "this coming": "after",
        "this": "future",
    }.get(rel)
    if direction is None and ctx.after(2) == "'s" and not part:
        direction = _nearest_direction(ctx.dct, number_wd)  # "Sunday's vote": tense says little
    if direction is None:
        direction = "future" if ctx.looks_ahead() else "past"
    when = cal.weekday_near(ctx.dct, number_wd, direction)
    if ctx.partial:  # as a week date, so samples that agree on the week-year keep it: 2023-WXX-4
        return kind, f"{cal.week(when)}-{number_wd}{part}"
    return kind, cal.day(when) + part


def _nearest_direction(dct: date, weekday_number: int) -> str:
    return "future" if 0 < (weekday_number - dct.isoweekday()) % 7 < 4 else "past"


def anaphoric_day(g: Groups, ctx: Context) -> Any:
    phrase = g["phrase"].lower()
    shift = (
        -1
        if re.search(r"previous|before", phrase)
        else 1
        if re.search(r"following|next|after", phrase)
        else 0
    )
    unit = next((u for u in ("week", "month", "year") if phrase.endswith(u)), "day")
    if ctx.dct is None:
        return unresolved(unit)
    return Anaphor(unit, shift, shift_unit(ctx.dct, unit, shift))


# ---- "last month", "this week", "the coming year", seasons -----------------------------------------------


def rel_unit(g: Groups, ctx: Context) -> Any:
    unit = g["unit"].lower()
    rel = (g.get("rel") or "this").lower()
    if rel in ("the past", "the coming", "the next") and unit != "weekend":
        designator, multiplier = ctx.words["units"][unit]  # "the past decade" lasts ten years
        return "DURATION", cal.duration(multiplier, designator)
    shift = {"last": -1, "next": 1, "the past": -1, "the coming": 1, "the next": 1}.get(rel, 0)
    if ctx.dct is None:
        return unresolved(unit)
    if rel == "the":  # "over the weekend": the one the clause's tense points to
        shift = 1 if ctx.tense() == "future" else -1 if ctx.dct.isoweekday() < 6 else 0
    if rel in ("the previous", "the prior", "the preceding", "the following", "that", "the same"):
        shift = (
            -1
            if rel in ("the previous", "the prior", "the preceding")
            else 1
            if rel == "the following"
            else 0
        )
        return Anaphor(unit, shift, shift_unit(ctx.dct, unit, shift))
    return shift_unit(ctx.dct, unit, shift)


def season(g: Groups, ctx: Context) -> str | None:
    name = ctx.words["seasons"][g["season"].lower()]
    rel = (g.get("rel") or "").lower()
    explicit = g.get("y1") or g.get("y2")
    if g.get("words"):
        explicit = year_words({"words": g["words"]}, ctx)
    if explicit:
        return f"{int(explicit):04d}-{name}"
    if (
        rel in ("", "the", "that")
        and not g.get("mod")
        and not re.search(
            r"\b(?:in|during|by|until|since|over|through|for|this|that|early|late)\s+$",
            ctx.before(12),
            re.IGNORECASE,
        )
    ):
        return None  # "the fall of the city", "spring" as a verb
    if rel in ("", "the", "that") and re.match(r"\s+of\b", ctx.after(6)):
        return None
    if ctx.dct is None:
        return f"XXXX-{name}"
    direction = {
        "last": "last",
        "this past": "last",
        "the past": "last",
        "next": "next",
        "the coming": "next",
        "this": "this",
    }.get(rel)
    if direction is None and ctx.anchor_year() is not None:  # a bare season takes the report's year
        return f"{ctx.anchor_year():04d}-{name}"
    if direction is None:
        current = cal.season_current(ctx.dct)[1]
        direction = "this" if name == current else "next" if ctx.looks_ahead() else "last"
    return cal.season_shift(ctx.dct, name, direction)


# A unit counted in another, finer one: "two decades ago" points at a year, "a millennium ago" at a century, and
# an amount that is not whole ("a year and a half ago", "half a century ago") is counted in the finer unit.
_FINER = {"millennium": ("century", 10), "century": ("year", 100), "decade": ("year", 10), "year": ("month", 12),
          "fortnight": ("day", 14), "week": ("day", 7), "month": ("day", 30)}


def _whole_steps(unit: str, amount: float) -> tuple[str, int]:
    """The unit to shift by and how many of it. "Two centuries ago" stays a century ("18"): two hundred years back
    would claim a precision the phrase does not have."""
    while unit in _FINER and (unit in ("decade", "millennium") or amount != int(amount)):
        unit, amount = _FINER[unit][0], amount * _FINER[unit][1]
    return unit, round(amount)


def ago(g: Groups, ctx: Context) -> Any:
    unit = unit_name(g["unit"])
    direction = (g.get("dir") or "ago").lower()
    sign = 1 if direction in ("later", "from now", "hence") else -1
    amount = 1.0 if g.get("num") is None and g.get("vague") is None else number(g.get("num"), ctx.words)
    if amount is None:
        return "FUTURE_REF" if sign > 0 else "PAST_REF"
    unit, steps = _whole_steps(unit, amount + (0.5 if g.get("half") else 0))
    steps *= sign
    if ctx.dct is None:
        return unresolved("day" if unit in ("hour", "minute", "second") else unit)
    value = shift_unit(ctx.dct, unit, steps)
    if unit == "year":
        return Anaphor("quarter", steps, value)
    if direction in ("earlier", "later") and unit in ("day", "week", "month"):
        return Anaphor(unit, steps, value)
    return value


def the_year(g: Groups, ctx: Context) -> Any:
    phrase = ctx.text[ctx.start : ctx.end].lower()
    if re.search(r"\bfor\s+$", ctx.before(5)):
        return "DURATION", "P1Y"
    if ctx.dct is None:
        return unresolved("year")
    if phrase.startswith("that"):
        return Anaphor("year", 0, f"{ctx.dct.year:04d}")
    return f"{ctx.dct.year:04d}"
