"""Find time expressions (TIMEX3) in a text and normalise them against the document date.

The patterns and word lists live in ``claimgraph/data/timex.yaml``; each rule names a normaliser.
Every rule is run over the text, every match normalised (a normaliser may reject it), and the
longest non-overlapping matches kept. Expressions such as "a year earlier" or "the next day" are then
resolved against the nearest earlier expression of the right granularity.

The document date may be a day, a month, a year or None; relative expressions are resolved only as
far as it allows (``_anchor.py``), and an expression that cannot be normalised is left
underspecified or skipped, never allowed to fail the report (``_guarded.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from claimgraph.extract.timex import _durations as durations
from claimgraph.extract.timex import _relative as relative
from claimgraph.extract.timex import _values as values
from claimgraph.extract.timex._anaphora import resolve_anaphor
from claimgraph.extract.timex._anchor import Anchor, parse_anchor
from claimgraph.extract.timex._calendar import well_formed
from claimgraph.extract.timex._context import Anaphor, Context
from claimgraph.extract.timex._guarded import normalise
from claimgraph.model import Timex

ALGORITHM = "timex.rules/2"

_LITERAL_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_NORMALISERS: dict[str, Callable[..., Any]] = {
    **{
        name: getattr(values, name)
        for name in (
            "month_day",
            "iso_date",
            "slash_date",
            "month_year",
            "month_rel_year",
            "month",
            "year",
            "year_words",
            "decade",
            "decade_words",
            "century",
            "this_century",
            "holiday",
        )
    },
    **{
        name: getattr(relative, name)
        for name in (
            "quarter",
            "quarter_anaphor",
            "half_year",
            "fiscal_year",
            "deictic_day",
            "this_part",
            "weekday",
            "anaphoric_day",
            "rel_unit",
            "season",
            "ago",
            "the_year",
        )
    },
    **{
        name: getattr(durations, name)
        for name in (
            "duration",
            "plural_units",
            "every",
            "per_unit",
            "set_adverb",
            "clock",
            "clock_word",
            "part_of_day",
        )
    },
}
_CAPITALISED_GROUPS = ("month", "weekday", "weekday2")
_WINDOW_MARGIN = 64  # characters either side of an anchor word; longer than any expression
_EDGE = 3  # a match this close to a window's cut end may be cut short (a real one lies well inside)
_ANY_ANCHOR = "*"


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    type: str
    value: str  # a normaliser name, or a literal such as PRESENT_REF
    anchors: tuple[str, ...]  # anchor classes, one of which every match contains


@dataclass
class _Candidate:
    start: int
    end: int
    order: int
    type: str
    value: Any  # str or an Anaphor until the anaphora pass


def find_timexes(text: str, doc_date: str | None, doc: Any = None) -> list[Timex]:
    """Time expressions in ``text`` (sorted, non-overlapping), normalised against ``doc_date``.

    ``doc_date`` is ``2022-12-22``, ``2023-01``, ``2022`` or None. ``doc`` is an optional spaCy Doc
    over the same text, used for the tense of the governing verb when a bare weekday or month could
    be before or after the document date.
    """
    rules, words, anchors = _compiled()
    anchor = parse_anchor(doc_date)
    windows = _windows(text, anchors)
    candidates = [
        candidate
        for order, rule in enumerate(rules)
        for window in _merge(w for cls in rule.anchors for w in windows.get(cls, ()))
        for candidate in _matches(rule, order, text, window, anchor, words, doc)
    ]
    chosen = _longest_first(candidates)
    return _resolve_anaphora(text, chosen)


def _windows(text: str, anchors: dict[str, re.Pattern[str]]) -> dict[str, list[tuple[int, int]]]:
    """For each anchor class, the stretches of text around its words (only there can its rules match)."""
    combined = anchors[_ANY_ANCHOR]
    windows: dict[str, list[tuple[int, int]]] = {}
    for hit in combined.finditer(text):
        span = (max(0, hit.start() - _WINDOW_MARGIN), min(len(text), hit.end() + _WINDOW_MARGIN))
        for name, pattern in anchors.items():
            if name != _ANY_ANCHOR and pattern.match(text, hit.start()):
                windows.setdefault(name, []).append(span)
    return windows


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _matches(
    rule: Rule, order: int, text: str, window: tuple[int, int], anchor: Anchor | None, words: dict, doc: Any
) -> list[_Candidate]:
    found = []
    cut = window[1] if window[1] < len(text) else len(text) + _EDGE
    for match in rule.regex.finditer(text, *window):
        if match.end() == match.start() or match.end() > cut - _EDGE or _lowercase_name(match):
            continue
        outcome = _normalise(rule, match, text, anchor, words, doc)
        if outcome is not None:
            found.append(_Candidate(match.start(), match.end(), order, *outcome))
    return found


def _lowercase_name(match: re.Match[str]) -> bool:
    """Month and weekday names must be capitalised: "may" and "march" are verbs."""
    groups = match.groupdict()
    return any(groups.get(name) and groups[name][:1].islower() for name in _CAPITALISED_GROUPS)


def _normalise(
    rule: Rule, match: re.Match[str], text: str, anchor: Anchor | None, words: dict, doc: Any
) -> tuple | None:
    if rule.value in _LITERAL_VALUES:
        return rule.type, rule.value
    context = Context(text, match.start(), match.end(), anchor.full if anchor else None, words, doc, anchor)
    return normalise(_NORMALISERS[rule.value], match.groupdict(), context, rule.type)


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidates that do not overlap (earlier rules win ties), in text order."""
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
        if all(candidate.end <= other.start or candidate.start >= other.end for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _resolve_anaphora(text: str, chosen: list[_Candidate]) -> list[Timex]:
    timexes: list[Timex] = []
    antecedents: list[tuple[int, str]] = []
    for candidate in chosen:
        value = candidate.value
        if isinstance(value, Anaphor):
            value = resolve_anaphor(value, candidate.start, antecedents)
        if not value or not well_formed(value):
            continue
        if not isinstance(candidate.value, Anaphor):
            antecedents.append((candidate.end, value))
        span = text[candidate.start : candidate.end]
        timexes.append(
            Timex(text=span, start=candidate.start, end=candidate.end, type=candidate.type, value=value)
        )
    return timexes


@cache
def _compiled() -> tuple[list[Rule], dict[str, Any], dict[str, re.Pattern[str]]]:
    source = resources.files("claimgraph").joinpath("data/timex.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    macros = data["macros"]
    rules = []
    for entry in data["rules"]:
        pattern = _expand(entry["pattern"], macros)
        regex = re.compile(pattern, re.IGNORECASE)
        rules.append(
            Rule(entry["name"], regex, entry["type"], entry["value"], tuple(entry["anchor"].split()))
        )
    anchors = {name: re.compile(source, re.IGNORECASE) for name, source in data["anchors"].items()}
    any_anchor = "|".join(f"(?:{source})" for source in data["anchors"].values())
    anchors[_ANY_ANCHOR] = re.compile(
        f"(?=(?:{any_anchor}))", re.IGNORECASE
    )  # zero-width: anchors may overlap
    words = {
        name: frozenset(table) if isinstance(table, list) else table for name, table in data["words"].items()
    }
    return rules, words, anchors


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Substitute %NAME macros (which may use other macros) into a pattern."""
    for _ in range(10):
        expanded = re.sub(r"%([A-Z][A-Z0-9]*)", lambda m: macros.get(m[1], m[0]), pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError(f"macro expansion does not terminate: {pattern[:80]}")
