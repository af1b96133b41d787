"""Normalisers: turn one matched time expression into a TIMEX3 value against the document date.

Each normaliser takes the match's named groups and a ``Context`` and returns a value, a
``(type, value)`` pair, an ``Anaphor`` (resolved later against an earlier expression) or None to
reject the match. Without a document date, anchored values stay unresolved (``XXXX-WXX-4``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from claimgraph.extract.timex import _calendar as cal

_CLAUSE_END = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"[A-Za-z']+")
_DATE_CUE_REACH = 30  # a written date trusts only a verb right beside it ("payable Dec. 15", "met in May")
_NAME_MONTHS = {"april", "may", "june", "august"}


@dataclass
class Anaphor:
    """A value that depends on an earlier expression: ``kind`` is quarter, day or year."""

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

    def before(self, width: int = 40) -> str:
        return self.text[max(0, self.start - width) : self.start]

    def after(self, width: int = 40) -> str:
        return self.text[self.end : self.end + width]

    def tense(self, reach: int = 30) -> str | None:
        """'future' or 'past' for the clause around the expression, or None when nothing tells;
        ``reach`` limits how many words either side are read."""
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


def _capitalised(text: str | None) -> bool:
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
    }[grain]


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
        return str(dct.year // 10 + by)
    if unit in ("century", "centurie"):
        return str(dct.year // 100 + by)
    return f"{dct.year + by:04d}"


def _weekend(dct: date, by: int) -> str:
    if by == 0:
        saturday = cal.weekday_near(dct, 6, "future" if dct.isoweekday() < 6 else "past")
    else:
        saturday = cal.weekday_near(dct, 6, "before" if by < 0 else "after")
    return cal.week(saturday) + "-WE"


def unit_name(text: str) -> str:
    text = text.lower().rstrip("s")
    return {"centurie": "century", "night": "day"}.get(text, text)


# ---- explicit dates ------------------------------------------------------------------------------------


def month_day(g: dict[str, str | None], ctx: Context) -> str | None:
    if not _capitalised(g["month"]):
        return None
    month_value = month_number(g["month"], ctx.words)
    day_value = int(re.match(r"\d+", g["day"])[0])
    year = _explicit_year(g.get("year"), g.get("yy"))
    if year is None:
        if ctx.dct is None:
            return f"XXXX-{month_value:02d}-{day_value:02d}" if 1 <= day_value <= 31 else None
        year = cal.nearest_year(ctx.dct, month_value, min(day_value, 28), ctx.tense(_DATE_CUE_REACH))
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
    if not _capitalised(g["month"]):
        return None
    return f"{int(g['year']):04d}-{month_number(g['month'], ctx.words):02d}"


def month_rel_year(g: dict[str, str | None], ctx: Context) -> str | None:
    month_value = month_number(g["month"], ctx.words)
    if ctx.dct is None:
        return f"XXXX-{month_value:02d}"
    shift = {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
    return f"{ctx.dct.year + shift:04d}-{month_value:02d}"


def month(g: dict[str, str | None], ctx: Context) -> str | None:
    if not _capitalised(g["month"]) or (
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
        year = cal.nearest_year(now, month_value, None, ctx.tense(_DATE_CUE_REACH))
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
        return f"{ctx.dct.year // 100}{short}"
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
    return f"{ordinal - 1:02d}"


def this_century(g: dict[str, str | None], ctx: Context) -> str:
    if ctx.dct is None:
        return unresolved("century")
    phrase = ctx.text[ctx.start : ctx.end].lower()
    shift = -1 if ("last" in phrase or "past" in phrase) else 1 if "next" in phrase else 0
    return f"{ctx.dct.year // 100 + shift:02d}"


def holiday(g: dict[str, str | None], ctx: Context) -> str | None:
    rule = ctx.words["holidays"][re.sub(r"\s+", " ", g["holiday"].lower().replace(" jr.", ""))]
    if g.get("year"):
        return _holiday_date(rule, int(g["year"]))
    if ctx.dct is None:
        return "XXXX-" + rule if ":" not in rule else unresolved("day")
    rel, now = (g.get("rel") or "").lower(), ctx.dct
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
