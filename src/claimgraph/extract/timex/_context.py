"""What every normaliser is given (``Context``) and the helpers they share.

Each normaliser takes the match's named groups and a ``Context`` and returns a value, a
``(type, value)`` pair, an ``Anaphor`` (resolved later against an earlier expression) or None to
reject the match. ``ctx.dct`` is a full day or None: without a document date, anchored values stay
unresolved (``XXXX-WXX-4``); with a month or year only, the finder calls the normaliser once per
sample day of that period (``ctx.dct`` is then the sample) and keeps what the samples agree on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from claimgraph.extract.timex import _calendar as cal
from claimgraph.extract.timex._anchor import Anchor

_CLAUSE_END = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"[A-Za-z']+")
DATE_CUE_REACH = 30  # a written date trusts only a verb right beside it ("payable Dec. 15", "met in May")
_NAME_MONTHS = {"april", "may", "june", "august"}


@dataclass
class Anaphor:
    """A value that depends on an earlier expression: ``kind`` is a grain (day, week, weekend, month,
    quarter, season, year, decade, century) or quarter_in_year; ``fallback`` counts from the report."""

    kind: str
    shift: int
    fallback: str


@dataclass
class Context:
    text: str
    start: int
    end: int
    dct: date | None
    words: dict[str, Any]
    doc: Any = None
    anchor: Anchor | None = None
    # shared by the per-sample copies of a context, so the tense is read once per match
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def partial(self) -> bool:
        """The report is dated to a month or a year only (``dct`` is then one sample day)."""
        return self.anchor is not None and self.anchor.full is None

    def named_year(self, month_number: int, day_number: int | None, tense: str | None) -> int | None:
        """The year of a month (and day) written without one: a year-only anchor's own year, else
        the year nearest the report date (the middle of the month when only the month is known)."""
        if self.anchor is None:
            return None
        if self.anchor.precision == "year":
            return self.anchor.year
        return cal.nearest_year(self.anchor.middle, month_number, day_number, tense)

    def anchor_year(self) -> int | None:
        """The year of a year-only anchor: yearless names ("the third quarter") take it."""
        return self.anchor.year if self.anchor is not None and self.anchor.precision == "year" else None

    def before(self, width: int = 40) -> str:
        return self.text[max(0, self.start - width) : self.start]

    def after(self, width: int = 40) -> str:
        return self.text[self.end : self.end + width]

    def tense(self, reach: int = 30) -> str | None:
        """'future' or 'past' for the clause around the expression, or None when nothing tells;
        ``reach`` limits how many words either side are read."""
        if reach not in self.memo:
            self.memo[reach] = self._tense(reach)
        return self.memo[reach]

    def _tense(self, reach: int) -> str | None:
        verdict = _tense_from_doc(self.doc, self.start) if self.doc is not None else None
        if verdict is not None:
            return verdict
        head = self.before(100)
        head = head[max((m.end() for m in _CLAUSE_END.finditer(head)), default=0) :]
        tail = self.after(60)
        stop = _CLAUSE_END.search(tail)
        tail = tail[: stop.start()] if stop else tail
        before, after = _WORD.findall(head)[-reach:], _WORD.findall(tail)[:reach]
        found = (_cue(before, i, self.words) for i in range(len(before) - 1, -1, -1))
        verdict = next((v for v in found if v), None)
        if verdict is None:
            verdict = next((v for v in (_cue(after, i, self.words) for i in range(len(after))) if v), None)
        return verdict

    def looks_ahead(self) -> bool:
        return self.tense() == "future"


def _cue(words: list[str], index: int, tables: dict[str, Any]) -> str | None:
    """Whether the word at ``index`` (with the words before it) marks the future or the past."""
    future, past = tables["future_cues"], tables["past_cues"]
    word = words[index].lower()
    for size in (2, 3):
        if index + 1 >= size and " ".join(words[index + 1 - size : index + 1]).lower() in future:
            return "future"
    if word in future:
        return "future"
    if word in past or (word.endswith("ed") and len(word) > 4 and words[index][:1].islower()):
        return "past"
    return None


def _tense_from_doc(doc: Any, offset: int) -> str | None:
    """Future if the governing verb has a future auxiliary, past if it is past tense, else None."""
    token = next((t for t in doc if t.idx <= offset < t.idx + len(t)), None)
    for _ in range(4):
        if token is None or token.pos_ in ("VERB", "AUX"):
            break
        token = token.head if token.head is not token else None
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "'ll", "shall", "would", "wo", "going"} or token.lower_ in ("will", "'ll"):
        return "future"
    if "Past" in token.morph.get("Tense") or any(
        "Past" in c.morph.get("Tense") for c in token.children if c.dep_ in ("aux", "auxpass")
    ):
        return "past"
    return None


# ---- shared helpers ------------------------------------------------------------------------------------


def number(text: str | None, words: dict[str, Any]) -> float | None:
    """``3``, ``three``, ``twenty-five``, ``a``, ``2 1/2``, ``one and a half`` -> a number (None if vague)."""
    if not text:
        return None
    text = text.lower().strip()
    half = 0.5 if text.endswith(("and a half", " 1/2")) else 0.0
    text = re.sub(r"(?: and a half| 1/2)$", "", text)
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) + half
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        return float(text.replace(",", "")) + half
    table = words["numbers"]
    if text in table:
        return table[text] + half
    parts = re.split(r"[- ]", text)
    if parts and all(p in table for p in parts):
        return sum(table[p] for p in parts) + half
    return None


def month_number(name: str, words: dict[str, Any]) -> int:
    return words["months"][name.lower().rstrip(".")]


def capitalised(text: str | None) -> bool:
    return text is None or text[:1].isupper()


def looks_like_name(ctx: Context, name: str) -> bool:
    """'May' and 'April' are names too: reject them right after or before a name ("Theresa May")."""
    if name.lower() not in _NAME_MONTHS:
        return False
    previous = re.search(r"\b([A-Z][a-z]+) $", ctx.before(30))
    following = re.match(r" ([A-Z][a-z]+)", ctx.after(30))
    after_name = previous is not None and previous[1].lower() not in ctx.words["before_month"]
    before_name = following is not None and not any(
        following[1].lower() in ctx.words[table] for table in ("months", "weekdays")
    )
    return after_name or before_name


def unresolved(grain: str) -> str:
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "month": "XXXX-XX",
        "year": "XXXX",
        "quarter": "XXXX-QX",
        "weekend": "XXXX-WXX-WE",
        "decade": "XXX",
        "century": "XX",
        "season": "XXXX-XX",
    }.get(grain, "XXXX-XX-XX")  # a grain without its own form: an unknown day says least


def shift_unit(dct: date, unit: str, by: int) -> str:
    """The document date moved by ``by`` units, at that unit's granularity."""
    if unit in ("day", "night", "hour", "minute", "second"):
        return cal.day(dct + timedelta(days=by if unit in ("day", "night") else 0))
    if unit in ("week", "fortnight"):
        return cal.week(dct + timedelta(weeks=by * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return _weekend(dct, by)
    if unit == "month":
        return cal.month(*cal.shift_month(dct.year, dct.month, by))
    if unit == "quarter":
        return cal.quarter(dct.year, cal.quarter_of(dct) + by)
    if unit == "decade":
        return cal.decade(dct.year // 10 + by)
    if unit in ("century", "centurie"):
        return cal.century(dct.year // 100 + by)
    if unit == "season":
        return cal.season_after(dct, by)
    return cal.year(dct.year + by)


def _weekend(dct: date, by: int) -> str:
    if by == 0:
        saturday = cal.weekday_near(dct, 6, "future" if dct.isoweekday() < 6 else "past")
    else:  # the nearest weekend on that side, then whole weeks further ("two weekends ago")
        saturday = cal.weekday_near(dct, 6, "before" if by < 0 else "after")
        saturday += timedelta(weeks=by + (1 if by < 0 else -1))
    return cal.week(saturday) + "-WE"


def unit_name(text: str) -> str:
    text = text.lower().rstrip("s")
    return {"centurie": "century", "night": "day"}.get(text, text)
