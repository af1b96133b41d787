"""Quantities: value, what is counted, hedges, and part-whole splits.

Works on a spaCy Doc: numbers come from the NER labels CARDINAL and QUANTITY plus the vague
amounts listed in data/quantities.yaml ("dozens", "millions"). What is counted is read off the
tokens that follow the number, since the sm parser often attaches bare numbers oddly.
"""

from __future__ import annotations

import functools
import math
import re
from importlib import resources

import yaml

from claimgraph.model import Quantity

ALGORITHM = "quantities.rules/1"
_NUMBER_LABELS = {"CARDINAL", "QUANTITY"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_PHRASE_TAGS = _NOUN_TAGS | {"JJ", "VBN", "VBG"}


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict:
    text = resources.files("claimgraph.data").joinpath("quantities.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def find_quantities(doc, skip: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities in ``doc``, leaving out spans that overlap ``skip`` (e.g. time expressions)."""
    found: list[Quantity] = []
    for span in _number_spans(doc):
        if any(span.start_char < e and s < span.end_char for s, e in skip):
            continue
        quantity = _read_quantity(span, len(found) + 1)
        if quantity is not None:
            found.append(quantity)
    _inherit_counts(found)
    _link_parts(found, doc)
    return found


def _number_spans(doc):
    vague = _lexicon()["vague"]
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in _NUMBER_LABELS:
            seen.update(range(ent.start, ent.end))
            yield ent
    for token in doc:
        if token.i not in seen and token.lower_ in vague and token.tag_ in ("NNS", "NN"):
            yield doc[token.i : token.i + 1]


def _read_quantity(span, number: int) -> Quantity | None:
    tokens = [t for t in span if t.lower_ not in _hedge_words() or _joins_range(t, span)]
    approximate = len(tokens) < len(span) or _hedged(span)
    value, vague = _parse_value(" ".join(t.text for t in tokens))
    if value is None:
        return None
    start = tokens[0].idx if tokens else span.start_char
    text = span.text[start - span.start_char :]  # not doc.text: spaCy rebuilds the whole text on each access
    return Quantity(
        id=f"q{number}",
        text=text,
        start=start,
        end=span.end_char,
        value=value,
        approximate=approximate or vague,
        counts=_what_is_counted(span),
    )


def _joins_range(token, span) -> bool:
    """ "to" or "or" between two numbers ("10 to 15"): a range, not the "to" of "up to"."""
    inside = span.start < token.i < span.end - 1
    return inside and token.lower_ in ("to", "or") and token.nbor(-1).like_num and token.nbor(1).like_num


@functools.lru_cache(maxsize=1)
def _hedge_words() -> frozenset[str]:
    return frozenset(word for hedge in _lexicon()["hedges"] for word in hedge.split())


def _hedged(span) -> bool:
    before = span.doc[max(0, span.start - 3) : span.start].text.lower()
    return any(before.endswith(hedge) for hedge in _lexicon()["hedges"])


# SQLite integers are 64-bit: a larger count is kept as a float ("90,000,000,000,000,000,000,000 rounds").
_INT64 = 2**63
_NUMERIC = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")


# Between the two ends of a range: "10 to 15", "two or three thousand", "50-60", "50 – 60".
_RANGE = re.compile(r"\s+(?:to|or)\s+|(?<=\d)\s*[-\u2013]\s*(?=\d)")


def _parse_value(text: str) -> tuple[float | int | None, bool]:
    """Numeric value of ``text`` and whether it is vague: an amount like "dozens", or a range, whose value is its
    low end ("two to three thousand": 2,000, the scale of the high end read on both)."""
    lowered = text.lower().strip()
    ends = _RANGE.split(lowered)
    if len(ends) == 2:
        high, _ = _parse_one(ends[1])
        scale = next((w for w in reversed(re.split(r"[\s-]+", ends[1])) if w in _lexicon()["scales"]), None)
        low, _ = _parse_one(ends[0] if scale is None or scale in ends[0] else f"{ends[0]} {scale}")
        return (low, True) if low is not None and high is not None else (None, False)
    return _parse_one(lowered)


def _parse_one(lowered: str) -> tuple[float | int | None, bool]:
    lex = _lexicon()
    if lowered in lex["vague"]:
        return lex["vague"][lowered], True
    total, current, previous = 0.0, None, ""
    for word in re.split(r"[\s-]+", lowered):
        if _NUMERIC.match(word) and _NUMERIC.match(previous) and re.fullmatch(r"\d{3}", word):
            current = (current or 0) * 1000 + int(word)  # "1 000 000": thousands set apart by spaces
        elif _DECIMAL_COMMA.match(word):
            current = (current or 0) + float(word.replace(",", "."))  # "1,5 million": never thousands (3 digits)
        elif _NUMERIC.match(word):
            current = (current or 0) + float(word.replace(",", ""))
        elif word in lex["units"]:
            current = (current or 0) + lex["units"][word]
        elif word in lex["scales"]:
            current = (current or 1) * lex["scales"][word]
            if lex["scales"][word] >= 1000:
                total, current = total + current, None
        elif word not in ("and", "a"):
            return None, False
        previous = word
    if current is None and total == 0:
        return None, False
    value = total + (current or 0)
    if not math.isfinite(value):
        return None, False  # "9" * 400 digits: no number worth keeping
    return (int(value) if value == int(value) and abs(value) < _INT64 else value), False


def _what_is_counted(span) -> str | None:
    """The noun phrase after the number: "50,000 mercenaries", "dozens of civilians"."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
        while i < len(doc) and doc[i].tag_ in ("DT", "PRP$"):
            i += 1
    elif i < len(doc) and doc[i].lower_ in _lexicon()["copulas"]:
        i += 1
    return _noun_phrase_from(doc, i)


def _noun_phrase_from(doc, i: int) -> str | None:
    """Longest run of modifiers and nouns from ``i``, joined over "and" ("rockets and shells")."""
    end = _phrase_end(doc, i)
    while end < len(doc) - 1 and doc[end].lower_ == "and" and doc[end + 1].tag_ in _PHRASE_TAGS:
        end = _phrase_end(doc, end + 1)
    return doc[i:end].text if end > i else None


def _phrase_end(doc, i: int) -> int:
    end = i
    while end < len(doc) and doc[end].tag_ in _PHRASE_TAGS and doc[end].ent_type_ != "DATE":
        end += 1
    while end > i and doc[end - 1].tag_ not in _NOUN_TAGS:
        end -= 1
    return end


def _inherit_counts(quantities: list[Quantity]) -> None:
    """A bare number repeating an earlier counted one counts the same thing."""
    counted = {}
    for quantity in quantities:
        if quantity.counts:
            counted.setdefault(quantity.value, quantity.counts)
        else:
            quantity.counts = counted.get(quantity.value)


def _link_parts(quantities: list[Quantity], doc) -> None:
    """Mark parts whose values sum to a whole told just before them (50,000 = 40,000 + 10,000)."""
    for index, whole in enumerate(quantities):
        parts = _parts_after(quantities[index + 1 :], whole, doc)
        for part in parts:
            part.part_of = whole.id


def _parts_after(candidates: list[Quantity], whole: Quantity, doc) -> list[Quantity]:
    sentence = doc.char_span(whole.start, whole.end, alignment_mode="expand").sent
    nearby = [q for q in candidates if q.start < sentence.end_char and q.value < whole.value and not q.part_of]
    for size in range(len(nearby), 1, -1):
        window = nearby[:size]
        if sum(q.value for q in window) == whole.value:
            return window
    return []
