"""Score an attribution finder on PolNeAR (Newell, Margolin and Ruths 2018): brat standoff files.

Layout: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann``. Each ``E``
line is one attribution joining a Source, a Cue and a Content ``T`` span (Source is missing for
Attribution-no-source; spans may be discontinuous, ``start end;start end``).

Choices, so that numbers are comparable between runs:
- One annotation set per document: when several annotators labelled a document, the file whose
  annotator code sorts first is used (two dev documents have six).
- Each role (speaker = Source, cue, content) is scored on its own: gold spans are those of every
  gold attribution having that role, system spans those of every system attribution; pairs are
  matched one to one, largest overlap first. A pair counts as *overlap* when they share a
  character, and as *exact* when they cover the same characters once whitespace and edge
  punctuation (, . ; :) are trimmed; a discontinuous gold span is compared by its extent.
- *attribution*: a system attribution matches a gold one when cue, content and (if gold has one)
  speaker all overlap.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.errors import EvaluationError
from claimgraph.evaluate._gold import reading_gold
from claimgraph.model import Attribution

Finder = Callable[[str], list[Attribution]]
Fragments = tuple[tuple[int, int], ...]
ROLES = ("speaker", "cue", "content")
_BRAT_ROLES = {"Source": "speaker", "Cue": "cue", "Content": "content"}
_EDGE = " \t\n\r\xa0,.;:"
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_EXAMPLES = 25


@dataclass(frozen=True)
class GoldAttribution:
    speaker: Fragments | None
    cue: Fragments | None
    content: Fragments | None


def read_brat(annotation: str) -> list[GoldAttribution]:
    """Gold attributions from the text of one brat ``.ann`` file."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in annotation.splitlines():
        if match := _T_LINE.match(line):
            spans[match[1]] = tuple(_fragment(part) for part in match[3].split(";"))
        elif match := _E_LINE.match(line):
            events.append(dict(arg.split(":", 1) for arg in match[2].split() if ":" in arg))
    return [_gold(event, spans) for event in events]


def _fragment(part: str) -> tuple[int, int]:
    start, end = part.split()
    return int(start), int(end)


def _gold(event: dict[str, str], spans: dict[str, Fragments]) -> GoldAttribution:
    roles = {role: spans.get(event.get(name, "")) for name, role in _BRAT_ROLES.items()}
    return GoldAttribution(**roles)


def documents(directory: str | Path) -> list[tuple[str, Path, Path]]:
    """(name, text file, chosen annotation file) for every annotated document of a split."""
    root = _split_root(Path(directory))
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, ann)  # sorted, so the first annotator code wins
    found = [(name, root / "text" / f"{name}.txt", ann) for name, ann in sorted(chosen.items())]
    return [item for item in found if item[1].exists()]


def _split_root(root: Path) -> Path:
    for candidate in (root, root / "dev"):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise EvaluationError("not a PolNeAR split (expected text/ and attributions/ folders)", where=str(root))


def score_polnear(directory: str | Path, finder: Finder) -> dict[str, Any]:
    """Speaker, cue and content P/R/F1 (exact and overlap) of ``finder(text)`` over a PolNeAR split."""
    items = documents(directory)
    if not items:
        raise EvaluationError("no PolNeAR documents with annotations found", where=str(directory))
    reports = []
    for name, text_path, ann_path in items:
        with reading_gold(ann_path, "a PolNeAR text and its brat annotation"):
            text = text_path.read_text(encoding="utf-8")
            gold = read_brat(ann_path.read_text(encoding="utf-8"))
        reports.append(score_document(text, gold, finder(text), name=name))
    summary = summarise(reports)
    summary["annotation_sets"] = {name: ann.name for name, _, ann in items}
    return summary


def score_text(text: str, annotation: str, finder: Finder) -> dict[str, Any]:
    """The same report as ``score_polnear`` for one text and its ``.ann`` content."""
    return summarise([score_document(text, read_brat(annotation), finder(text))])


def score_document(text: str, gold: list[GoldAttribution], system: list[Attribution], name: str = "") -> dict:
    counts: Counter[str] = Counter(gold=len(gold), system=len(system))
    errors: dict[str, list[dict[str, Any]]] = {"missed": [], "spurious": []}
    for role in ROLES:
        gold_spans = [getattr(g, role) for g in gold if getattr(g, role)]
        system_spans = [_system_fragments(a, role) for a in system]
        system_spans = [s for s in system_spans if s[0][0] < s[0][1]]
        pairs = _match(gold_spans, system_spans)
        counts[f"{role}.gold"] += len(gold_spans)
        counts[f"{role}.system"] += len(system_spans)
        counts[f"{role}.overlap"] += len(pairs)
        counts[f"{role}.exact"] += len(_match(gold_spans, system_spans, exact_in=text))
        _note_errors(errors, role, name, text, gold_spans, system_spans, pairs)
    counts["attribution.overlap"] += len(_match_attributions(gold, system))
    return {"counts": counts, "errors": errors}


def _system_fragments(attribution: Attribution, role: str) -> Fragments:
    part = getattr(attribution, role)
    return ((part.start, part.end),)


def _match(gold: list[Fragments], system: list[Fragments], exact_in: str | None = None) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs, largest overlap first; ``exact_in``: same trimmed extent."""
    options = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            shared = _shared(g, s)
            if shared and (exact_in is None or _trimmed(exact_in, g) == _trimmed(exact_in, s)):
                options.append((-shared, gi, si))
    return _greedy_pairs(options)


def _greedy_pairs(options: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold, system) pairs from (negated score, gold index, system index) options, best first."""
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _, gi, si in sorted(options):
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return pairs


def _shared(a: Fragments, b: Fragments) -> int:
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)


def _trimmed(text: str, fragments: Fragments) -> tuple[int, int]:
    start, end = fragments[0][0], fragments[-1][1]
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _match_attributions(gold: list[GoldAttribution], system: list[Attribution]) -> list[tuple[int, int]]:
    options = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            scores = [_shared(getattr(g, r), _system_fragments(s, r)) for r in ROLES if getattr(g, r)]
            if scores and all(scores):
                options.append((-sum(scores), gi, si))
    return _greedy_pairs(options)


def _note_errors(errors, role, name, text, gold_spans, system_spans, pairs) -> None:
    matched_gold = {gi for gi, _ in pairs}
    matched_system = {si for _, si in pairs}
    for gi, g in enumerate(gold_spans):
        if gi not in matched_gold:
            errors["missed"].append(_example(role, name, text, g))
    for si, s in enumerate(system_spans):
        if si not in matched_system:
            errors["spurious"].append(_example(role, name, text, s))


def _example(role: str, name: str, text: str, fragments: Fragments) -> dict[str, Any]:
    start, end = fragments[0][0], fragments[-1][1]
    return {
        "role": role,
        "document": name,
        "start": start,
        "text": " ".join(text[s:e] for s, e in fragments)[:200],
        "context": text[max(0, start - 80) : min(len(text), end + 80)].replace("\n", " "),
    }


def summarise(reports: Iterable[dict[str, Any]]) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    errors: dict[str, list[dict[str, Any]]] = {"missed": [], "spurious": []}
    documents_seen = 0
    for report in reports:
        counts.update(report["counts"])
        for kind in errors:
            errors[kind] += report["errors"][kind]
        documents_seen += 1
    result: dict[str, Any] = {"documents": documents_seen, "counts": dict(sorted(counts.items()))}
    for role in ROLES:
        gold, system = counts[f"{role}.gold"], counts[f"{role}.system"]
        result[role] = {kind: _prf(counts[f"{role}.{kind}"], system, gold) for kind in ("exact", "overlap")}
    result["attribution"] = {"overlap": _prf(counts["attribution.overlap"], counts["system"], counts["gold"])}
    result["frequent_errors"] = _frequent(errors)
    result["examples"] = {kind: _spread(found) for kind, found in errors.items()}
    return result


def _prf(correct: int, system: int, gold: int) -> dict[str, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _frequent(errors: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The most common missed and spurious cue words: where the rules lose most."""
    result = {}
    for kind, found in errors.items():
        words = Counter(e["text"].lower() for e in found if e["role"] == "cue")
        result[f"{kind}_cues"] = [{"cue": w, "count": n} for w, n in words.most_common(_EXAMPLES)]
    return result


def _spread(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A few examples of each role, taken evenly across the documents rather than from the first one."""
    chosen = []
    for role in ROLES:
        of_role = [e for e in found if e["role"] == role]
        step = max(1, len(of_role) // _EXAMPLES)
        chosen += of_role[::step][: _EXAMPLES // len(ROLES) + 1]
    return chosen
