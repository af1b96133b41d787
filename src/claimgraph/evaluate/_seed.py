"""Score the reading of the seed article against its gold.json (entities, time expressions, quantities)."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.errors import EvaluationError
from claimgraph.ingest import read_paths
from claimgraph.model import Extraction
from claimgraph.resolve import analyse


def evaluate_seed(directory: str | Path, pipeline=None) -> dict:
    gold, extraction = _read_seed(Path(directory), pipeline)
    return {
        "document": gold["document"]["file"],
        "entities": score_entities(gold["entities"], extraction),
        "timexes": score_timexes(gold["timexes"], extraction),
        "quantities": score_quantities(gold["quantities"], extraction),
    }


def _read_seed(directory: Path, pipeline) -> tuple[dict, Extraction]:
    gold_path = directory / "gold.json"
    if not gold_path.exists():
        raise EvaluationError(f"no gold.json in {directory}; pass the seed folder, e.g. ../shared/eval/dev/seed")
    gold = json.loads(gold_path.read_text("utf-8"))
    documents = [d for d in read_paths([directory / gold["document"]["file"]]) if not isinstance(d, Exception)]
    if not documents:
        raise EvaluationError(f"could not read {gold['document']['file']} in {directory}")
    return gold, next(analyse(documents, pipeline))


def _ratio(hit: int, total: int) -> float:
    return hit / total if total else 0.0


def score_entities(gold: list[dict], extraction: Extraction) -> dict:
    """An entity counts when an extracted one has the gold canonical name and type."""
    found = {(e.name.lower(), e.type) for e in extraction.entities}
    names = {e.name.lower() for e in extraction.entities}
    misses = [f"{g['name']} ({g['type']})" for g in gold if (g["name"].lower(), g["type"]) not in found]
    matched = len(gold) - len(misses)
    gold_names = {g["name"].lower() for g in gold}
    extra = sorted(e.name for e in extraction.entities if e.name.lower() not in gold_names)
    return {
        "gold": len(gold), "matched": matched, "recall": _ratio(matched, len(gold)),
        "name_only_recall": _ratio(sum(g["name"].lower() in names for g in gold), len(gold)),
        "precision": _ratio(matched, len(extraction.entities)), "missed": misses, "not_in_gold": extra,
    }


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def score_timexes(gold: list[dict], extraction: Extraction) -> dict:
    """Each gold expression must be found ``count`` times with an acceptable value."""
    rows, required_ok, required = [], 0, 0
    for item in gold:
        values = _as_list(item["value"])
        same_text = [t for t in extraction.timexes if t.text.lower() == item["text"].lower()]
        right = [t for t in same_text if t.value in values]
        ok = len(right) >= item.get("count", 1)
        if item.get("required", True):
            required += 1
            required_ok += ok
        rows.append({"text": item["text"], "expected": "|".join(values), "found": [t.value for t in same_text],
                     "ok": ok})
    return {"required": required, "required_right": required_ok, "all_required_right": required_ok == required,
            "items": rows}


def score_quantities(gold: list[dict], extraction: Extraction) -> dict:
    """A quantity counts when its text and value are found; ``counts`` and ``part_of`` are reported too."""
    rows = []
    by_id = {q.id: q for q in extraction.quantities}
    for item in gold:
        match = next((q for q in extraction.quantities if q.text == item["text"] and q.value == item["value"]), None)
        whole = by_id.get(match.part_of) if match and match.part_of else None
        rows.append({"text": item["text"], "found": match is not None,
                     "counts": match.counts if match else None, "expected_counts": item.get("counts"),
                     "part_of": whole.text if whole else None, "expected_part_of": item.get("part_of")})
    found = sum(r["found"] for r in rows)
    return {"gold": len(gold), "found": found, "recall": _ratio(found, len(gold)), "items": rows}
