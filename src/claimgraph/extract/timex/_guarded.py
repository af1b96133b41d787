"""Run one normaliser against the report's anchor, so that no expression can fail a whole report.

A normaliser is called once per sample day of the anchor (once for a full date, once with no date
when there is no anchor) and the outcomes are cut back to what they agree on. When that fails
(the date leaves the calendar, a table lacks a unit, a value comes out malformed), the expression
is normalised again as if the report were undated, which gives an underspecified value such as
``XXXX-XX-XX``; when that fails too, the expression is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from claimgraph.extract.timex._anchor import agreed
from claimgraph.extract.timex._calendar import well_formed
from claimgraph.extract.timex._context import Anaphor, Context

Normaliser = Callable[[dict[str, Any], Context], Any]
FAILED = object()  # not normalisable against this anchor (None means: not a time expression)


def normalise(normaliser: Normaliser, groups: dict[str, Any], ctx: Context, kind: str) -> tuple | None:
    """``(type, value)`` for a match, value a string or an ``Anaphor``; None to reject the match."""
    outcome = _against_anchor(normaliser, groups, ctx, kind)
    if outcome is FAILED and ctx.anchor is not None:
        outcome = _against_anchor(normaliser, groups, replace(ctx, anchor=None, dct=None), kind)
    return None if outcome is FAILED else outcome


def _against_anchor(normaliser: Normaliser, groups: dict[str, Any], ctx: Context, kind: str) -> Any:
    days = ctx.anchor.samples() if ctx.anchor is not None else [None]
    try:
        outcomes = [normaliser(groups, ctx if day == ctx.dct else replace(ctx, dct=day)) for day in days]
    except Exception:  # noqa: BLE001 - whatever went wrong, it concerns this expression only
        return FAILED
    if any(outcome is None for outcome in outcomes):
        return None
    return _combined([o if isinstance(o, tuple) else (kind, o) for o in outcomes])


def _combined(outcomes: list[tuple[str, Any]]) -> Any:
    kinds = {kind for kind, _ in outcomes}
    found = [value for _, value in outcomes]
    if len(kinds) != 1:
        return FAILED
    if all(isinstance(value, Anaphor) for value in found):
        value = _combined_anaphor(found)
    elif any(isinstance(value, Anaphor) for value in found):
        value = None
    else:
        value = agreed(found)
        value = value if value is not None and well_formed(value) else None
    return FAILED if value is None else (kinds.pop(), value)  # refused: "10000", "-001", the year 0


def _combined_anaphor(anaphors: list[Anaphor]) -> Anaphor | None:
    """One anaphor for all samples: same kind and shift, the fallback cut back to what they share."""
    first = anaphors[0]
    if any((a.kind, a.shift) != (first.kind, first.shift) for a in anaphors):
        return None
    fallback = agreed(a.fallback for a in anaphors)
    if fallback is None or (fallback and not well_formed(fallback)):
        return None
    return Anaphor(first.kind, first.shift, fallback)
