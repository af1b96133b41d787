"""Score a time-expression tagger on TimeML 1.2.1 files, TempEval-3 style.

Extraction is scored strictly (same span) and relaxedly (overlapping spans, matched one to one).
Over relaxed matches we report type and value accuracy, and attribute F1: precision = relaxed matches
with the right attribute over system expressions, recall = the same over gold expressions. Values are
compared as strings after one canonicalisation (week numbers padded to two digits, as ISO 8601 writes
them; TimeBank spells some ``2000-W7``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from claimgraph.errors import EvaluationError
from claimgraph.model import Timex

Tagger = Callable[[str, str | None], list[Timex]]
_COUNT_KEYS = ("gold", "system", "strict", "relaxed", "type", "value")
_WORST_ERRORS = 40
_SHORT_WEEK = re.compile(r"-W(\d)(?!\d)")


def read_timeml(path: str | Path) -> tuple[str, str | None, list[Timex]]:
    """(plain text of TEXT, document creation date, gold TIMEX3s with offsets into that text)."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EvaluationError(f"cannot read TimeML: {exc}", where=str(path)) from exc
    return parse_timeml_root(root, where=str(path))


def parse_timeml(source: str) -> tuple[str, str | None, list[Timex]]:
    """Like ``read_timeml`` for a TimeML document held in a string."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as exc:
        raise EvaluationError(f"cannot parse TimeML: {exc}") from exc
    return parse_timeml_root(root, where=None)


def parse_timeml_root(root: ET.Element, where: str | None) -> tuple[str, str | None, list[Timex]]:
    dct = next(
        (t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None
    )
    body = root.find("TEXT")
    if body is None:
        raise EvaluationError("no TEXT element", where=where)
    pieces: list[str] = []
    gold: list[Timex] = []
    _flatten(body, pieces, gold)
    return "".join(pieces), dct[:10] if dct else None, gold


def _flatten(element: ET.Element, pieces: list[str], gold: list[Timex]) -> None:
    """Append the element's text to ``pieces``, recording each TIMEX3 inside it with its offsets."""
    if element.text:
        pieces.append(element.text)
    for child in element:
        start = sum(map(len, pieces))
        _flatten(child, pieces, gold)
        if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
            end = sum(map(len, pieces))
            span = "".join(pieces)[start:end]
            gold.append(Timex(span, start, end, child.get("type", ""), child.get("value", "")))
        if child.tail:
            pieces.append(child.tail)


def score_document(gold: list[Timex], system: list[Timex], name: str = "") -> dict[str, Any]:
    """Counts and errors for one document's gold and system expressions."""
    counts = Counter({"gold": len(gold), "system": len(system)})
    errors: list[dict[str, Any]] = []
    pairs = _match(gold, system)
    for g, s in pairs:
        counts["relaxed"] += 1
        counts["strict"] += (g.start, g.end) == (s.start, s.end)
        counts["type"] += g.type == s.type
        same_value = canonical_value(g.value) == canonical_value(s.value)
        counts["value"] += same_value
        if not same_value or g.type != s.type:
            errors.append(_error("type" if same_value else "value", name, g, s))
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}
    errors += [_error("missed", name, g, None) for g in gold if id(g) not in matched_gold]
    errors += [_error("spurious", name, None, s) for s in system if id(s) not in matched_system]
    return {"counts": dict(counts), "errors": errors}


def canonical_value(value: str) -> str:
    """One spelling per TIMEX3 value: ISO weeks get two digits (``2000-W7`` is ``2000-W07``)."""
    return _SHORT_WEEK.sub(r"-W0\1", value.strip())


def _match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping expressions, largest overlap first."""
    options = [
        (min(g.end, s.end) - max(g.start, s.start), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if g.start < s.end and s.start < g.end
    ]
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, gi, si in sorted(options, key=lambda o: (-o[0], o[1], o[2])):
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gold[gi], system[si]))
    return sorted(pairs, key=lambda p: p[0].start)


def _error(kind: str, name: str, gold: Timex | None, system: Timex | None) -> dict[str, Any]:
    return {
        "kind": kind,
        "document": name,
        "gold": None if gold is None else _brief(gold),
        "system": None if system is None else _brief(system),
    }


def _brief(timex: Timex) -> dict[str, Any]:
    return {"text": timex.text, "type": timex.type, "value": timex.value, "start": timex.start}


def score_text(text: str, dct: str | None, gold: list[Timex], tagger: Tagger) -> dict[str, Any]:
    """Scores for a single document's text: the same report as ``score_timeml``."""
    return summarise([score_document(gold, tagger(text, dct))])


def score_timeml(directory: str | Path, tagger: Tagger) -> dict[str, Any]:
    """TempEval-3 scores of ``tagger(text, dct)`` over every ``.tml`` file below ``directory``."""
    root = Path(directory)
    files = sorted(root.rglob("*.tml"))
    if not files:
        raise EvaluationError("no .tml files found", where=str(root))
    reports = []
    for path in files:
        text, dct, gold = read_timeml(path)
        reports.append(score_document(gold, tagger(text, dct), name=str(path.relative_to(root))))
    return summarise(reports)


def summarise(reports: Iterable[dict[str, Any]]) -> dict[str, Any]:
    counts: Counter[str] = Counter({key: 0 for key in _COUNT_KEYS})
    errors: list[dict[str, Any]] = []
    documents = 0
    for report in reports:
        counts.update(report["counts"])
        errors += report["errors"]
        documents += 1
    gold, system, relaxed = counts["gold"], counts["system"], counts["relaxed"]
    return {
        "documents": documents,
        "counts": dict(counts),
        "strict": _prf(counts["strict"], system, gold),
        "relaxed": _prf(relaxed, system, gold),
        "type_accuracy": _ratio(counts["type"], relaxed),
        "value_accuracy": _ratio(counts["value"], relaxed),
        "type": _prf(counts["type"], system, gold),
        "value": _prf(counts["value"], system, gold),
        "worst_errors": _worst(errors),
        "errors": errors,
    }


def _prf(correct: int, system: int, gold: int) -> dict[str, float]:
    precision, recall = _ratio(correct, system), _ratio(correct, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _worst(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The most frequent kinds of mistake, grouped by what was expected and what was produced."""

    def key(error: dict[str, Any]) -> tuple:
        gold, system = error["gold"] or {}, error["system"] or {}
        return (
            error["kind"],
            gold.get("text", "").lower(),
            gold.get("value"),
            system.get("text", "").lower(),
            system.get("value"),
        )

    grouped = Counter(key(e) for e in errors)
    return [
        {
            "count": n,
            "kind": k[0],
            "gold_text": k[1] or None,
            "gold_value": k[2],
            "system_text": k[3] or None,
            "system_value": k[4],
        }
        for k, n in grouped.most_common(_WORST_ERRORS)
    ]
