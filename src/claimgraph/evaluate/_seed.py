"""Score the reading of the seed article against its gold.json: mentions, events and attributions."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.errors import EvaluationError
from claimgraph.evaluate._gold import reading_gold
from claimgraph.ingest import read_paths
from claimgraph.model import Extraction
from claimgraph.resolve import analyse


def evaluate_seed(directory: str | Path, pipeline=None) -> dict:
    gold, extraction = _read_seed(Path(directory), pipeline)
    with reading_gold(Path(directory) / "gold.json", "a seed gold file"):
        return _scores(gold, extraction)


def _scores(gold: dict, extraction: Extraction) -> dict:
    return {
        "document": gold["document"]["file"],
        "entities": score_entities(gold["entities"], extraction),
        "timexes": score_timexes(gold["timexes"], extraction),
        "quantities": score_quantities(gold["quantities"], extraction),
        "events": score_events(gold["events"], extraction),
        "attributions": score_attributions(gold["attributions"], extraction),
    }


def _read_seed(directory: Path, pipeline) -> tuple[dict, Extraction]:
    gold_path = directory / "gold.json"
    if not gold_path.exists():
        raise EvaluationError(f"no gold.json in {directory}; pass the seed folder, e.g. ../shared/eval/dev/seed")
    try:
        gold = json.loads(gold_path.read_text("utf-8"))
        report = directory / gold["document"]["file"]
    except (OSError, ValueError, LookupError, TypeError) as exc:  # not UTF-8, not JSON, not a seed gold file
        raise EvaluationError(f"is not a seed gold file ({type(exc).__name__}: {exc})", where=str(gold_path)) from exc
    documents = [d for d in read_paths([report]) if not isinstance(d, Exception)]
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


def _names(people: list[dict]) -> set[str]:
    return {p["name"].lower() for p in people}


def _accepts(gold_names, people: list[dict]) -> bool:
    """A gold list of acceptable names (None: not scored) matches when any system participant is one of them."""
    return gold_names is None or bool({n.lower() for n in gold_names} & _names(people))


def _event_checks(gold: dict, event) -> dict[str, bool]:
    time_values = gold.get("time")
    return {
        "type": event.type == gold["type"],
        "actor": _accepts(gold["actor"], event.actor),
        "recipient": _accepts(gold["recipient"], event.recipient),
        "status": event.status in gold["status"],
        "time": not time_values or (event.time is not None and event.time.value in time_values),
        "evidence": gold["evidence_contains"] in event.evidence.text,
    }


def score_events(gold: list[dict], extraction: Extraction) -> dict:
    """Each gold event takes the system event of its evidence sentence that passes the most checks."""
    rows = []
    for item in gold:
        candidates = [_event_checks(item, e) for e in extraction.events]
        candidates = [c for c in candidates if c["evidence"]] or [{}]
        best = max(candidates, key=lambda c: (c.get("type", False), sum(c.values())))
        ok = bool(best) and all(best.values())
        rows.append({"id": item["id"], "type": item["type"], "required": item.get("required", True), "ok": ok,
                     "failed": [k for k, v in best.items() if not v] if best else ["no event in that sentence"]})
    required = [r for r in rows if r["required"]]
    right = sum(r["ok"] for r in required)
    return {"required": len(required), "required_right": right, "optional_right": sum(r["ok"] for r in rows) - right,
            "system_events": len(extraction.events), "items": rows}


def score_attributions(gold: list[dict], extraction: Extraction) -> dict:
    """A gold attribution is found when a system one holds its content and names its speaker (and outlet)."""
    rows = []
    for item in gold:
        holding = [a for a in extraction.attributions if item["content_contains"] in a.content.text]
        speaker = [a for a in holding if a.speaker.name.lower() == item["speaker"].lower()]
        outlet = item.get("outlet")
        chained = [a for a in speaker if not outlet or outlet in a.outlet_chain]
        cue = [a for a in chained if a.cue.text.lower() == item["cue"].lower()]
        rows.append({"speaker": item["speaker"], "content": item["content_contains"], "content_found": bool(holding),
                     "speaker_right": bool(chained), "cue_right": bool(cue)})
    right = sum(r["speaker_right"] for r in rows)
    return {"gold": len(gold), "speaker_right": right, "cue_right": sum(r["cue_right"] for r in rows),
            "system_attributions": len(extraction.attributions), "items": rows}
