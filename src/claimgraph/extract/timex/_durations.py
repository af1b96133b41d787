"""Normalisers for durations ("three years", "five-hour"), sets ("every week", "daily") and clock times."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from claimgraph.extract.timex import _calendar as cal
from claimgraph.extract.timex._context import Context, number, unit_name, unresolved
from claimgraph.extract.timex._relative import weekday
from claimgraph.extract.timex._values import month_day

Groups = dict[str, Any]
_PER_AMOUNT = re.compile(
    r"(?:\d|%|percent|million|billion|trillion|cents?|dollars|pounds|euros|times|once|twice"
    r"|hours|days|miles|barrels|tons|units|shares)\s*$",
    re.IGNORECASE,
)
_PLURAL_AFTER = re.compile(r"\b(?:for|within|in|over|after|lasting|took|take|takes)\s+$", re.IGNORECASE)


def _designator(unit_text: str, ctx: Context) -> tuple[str, int]:
    designator, multiplier = ctx.words["units"][unit_name(unit_text)]
    return designator, multiplier


def duration(g: Groups, ctx: Context) -> Any:
    unit_text = g["unit"]
    if (
        unit_text[:1].isupper()
        and ctx.start > 0
        or (unit_text.lower() == "second" and g.get("num") in ("a", "A"))
    ):
        return None  # "60 Minutes" is a programme; "a second group" counts, it does not last
    designator, multiplier = _designator(unit_text, ctx)
    amount: float | None
    if g.get("vague") or (g.get("num") is None and re.search(r"s(?:-long)?$", ctx.text[ctx.start : ctx.end])):
        amount = None
    elif g.get("num") is None:
        amount = 1.0
    else:
        amount = number(g["num"], ctx.words)
        if amount is None:
            return None
    if amount is not None:
        amount = (amount + (0.5 if g.get("half") else 0)) * multiplier
    return cal.duration(amount, designator)


def plural_units(g: Groups, ctx: Context) -> str | None:
    if not _PLURAL_AFTER.search(ctx.before(12)):
        return None
    return cal.duration(None, _designator(g["unit"], ctx)[0])


def every(g: Groups, ctx: Context) -> str | None:
    amount = number(g.get("num"), ctx.words) if g.get("num") else 1
    if amount is None:
        return None
    if "other" in ctx.text[ctx.start : ctx.end].lower():
        amount = 2
    part = g.get("part")
    code = ""
    if part:
        code = "T" + ctx.words["parts_of_day"].get(part.lower().rstrip("s"), "")
    if g.get("weekday"):
        return f"XXXX-WXX-{ctx.words['weekdays'][g['weekday'].lower()]}{code}"
    if g.get("month"):
        return f"XXXX-{ctx.words['months'][g['month'].lower()]:02d}"
    if part:
        return f"XXXX-XX-XX{code}"
    unit = g["unit"].lower()
    if unit in ctx.words["seasons"]:
        return f"XXXX-{ctx.words['seasons'][unit]}"
    designator, multiplier = _designator(unit, ctx)
    return cal.duration(amount * multiplier, designator)


def per_unit(g: Groups, ctx: Context) -> str | None:
    """ "$5 a year", "twice a day": a rate, so a SET; plain "a year" stays a duration."""
    if not _PER_AMOUNT.search(ctx.before(20)):
        return None
    designator, multiplier = _designator(g["unit"], ctx)
    return cal.duration(multiplier, designator)


def set_adverb(g: Groups, ctx: Context) -> str:
    return ctx.words["set_adverbs"][g["word"].lower()]


def clock(g: Groups, ctx: Context) -> Any:
    hour = number(g["hour"], ctx.words)
    minute = int(g.get("minute") or 0)
    if hour is None or not 0 <= hour <= 24:
        return None
    hour = int(hour)
    marker = (g.get("ampm") or g.get("inthe") or "").lower().replace(".", "")
    if marker in ("pm", "afternoon", "evening") and hour < 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    return "TIME", f"{_clock_date(g, ctx)}T{hour:02d}:{minute:02d}"


def _clock_date(g: Groups, ctx: Context) -> str:
    if g.get("month") and g.get("day"):
        return month_day({"month": g["month"], "day": g["day"]}, ctx) or unresolved("day")
    if g.get("weekday") or g.get("weekday2"):
        name = g.get("weekday") or g.get("weekday2")
        found = weekday({"weekday": name, "rel": g.get("rel"), "part": None}, ctx)
        return found[1] if found else unresolved("day")
    if ctx.dct is None:
        return unresolved("day")
    shift = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}.get(
        (g.get("word") or "today").lower(), 0
    )
    return cal.day(ctx.dct + timedelta(days=shift))


def clock_word(g: Groups, ctx: Context) -> Any:
    hour = ctx.words["parts_of_day"][g["word"].lower()]
    g2 = {"word": g.get("rel")}
    return "TIME", f"{_clock_date(g2, ctx)}T{hour}"


def part_of_day(g: Groups, ctx: Context) -> Any:
    code = ctx.words["parts_of_day"][g["part"].lower().replace("mid-", "mid")]
    base = unresolved("day") if ctx.dct is None else cal.day(ctx.dct)
    return "TIME", f"{base}T{code}"
