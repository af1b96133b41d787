"""Score event finding on the PLOVER gold standard records (one sentence, one coded event each).

Each record gives a sentence, its PLOVER type (older names mapped: DEMAND -> REQUEST, DISAPPROVE and
INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT) and source/target actors with their text and ISO-3 code.

The sentence's main event is the found event whose predicate is closest to the sentence root (the
``depth`` of its trigger role), ties going to events that happened (asserted, confirmed, ...) and
then to the earlier one. It is compared as PLOVER codes it: a stated intention to act (status
planned) is AGREE for a cooperative act and THREATEN for a hostile one, and a cooperative act
negated is REJECT (data/plover.yaml "intent" and "refusal").
No event counts as a wrong type and a missed actor.

``score_plover_folds`` splits the records by a hash of their text into a fixed test fold (20%, the same
on every run, never read while tuning) and ``folds`` folds, and scores the rules alone and, given trained
models, the rules combined with the type classifier (evaluate/_classifier.py; scripts/train_plover_classifier.py
trains it). Held-out numbers use, for each record, the model trained without that record's fold; in-sample
ones the full model.

Actors match by text when a gold actor's text overlaps one of the main event's actor spans (case
ignored; a gold text not found verbatim matches on shared content words), and by country when the
gazetteer's CAMEO code of one of our actor names starts with the gold ISO-3 code.
"""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import yaml

from claimgraph.errors import EvaluationError
from claimgraph.evaluate._classifier import combine, fold_of
from claimgraph.model import Event

Extractor = Callable[[str], list[Event]]
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
REALIS = ("asserted", "confirmed", "believed", "reported", "alleged")
STOPWORDS = frozenset({"the", "of", "and", "in", "a", "an", "from", "to", "for", "on", "its", "their", "his", "her"})
MAX_EXAMPLES = 25


def read_plover_gsr(path: str | Path) -> list[dict]:
    """Coded records of a PLOVER GSR JSONL (or JSON array) file, DOCUMENT records left out."""
    hint = "pass a PLOVER GSR file such as ../shared/eval/dev/plover_gsr/plover_gsr_dev.jsonl"
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot be read ({exc}): {hint}", where=str(path)) from exc
    records = []
    for number, row in enumerate(_rows(text, path, hint), start=1):
        if isinstance(row, dict) and row.get("event") == "DOCUMENT":
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not isinstance(row.get("event"), str):
            raise EvaluationError(f'record {number} is not a PLOVER record (it needs "text" and "event"): {hint}',
                                  where=str(path))
        records.append(_record(row))
    return records


def _rows(text: str, path, hint: str) -> list:
    try:
        rows = json.loads(text) if text.lstrip().startswith("[") else [json.loads(x) for x in text.splitlines() if x]
    except (ValueError, RecursionError) as exc:  # not JSON; a number of more digits than Python reads
        raise EvaluationError(f"is not JSON lines ({exc}): {hint}", where=str(path)) from exc
    return rows if isinstance(rows, list) else [rows]


def _record(row: dict) -> dict:
    return {
        "id": row.get("id"),
        "text": row["text"],
        "type": OLD_NAMES.get(row["event"], row["event"]),
        "sources": _actors(row.get("source")),
        "targets": _actors(row.get("target")),
    }


def _actors(value) -> list[dict]:
    """The coded actors; an entry of another shape (a bare string, a numeric code) codes nothing."""
    if not isinstance(value, list):
        return []
    return [{"text": a["actorText"], "code": a.get("code") if isinstance(a.get("code"), str) else None}
            for a in value if isinstance(a, dict) and isinstance(a.get("actorText"), str) and a["actorText"]]


@functools.lru_cache(maxsize=1)
def _coding_tables() -> dict[str, dict[str, str]]:
    data = yaml.safe_load(resources.files("claimgraph.data").joinpath("plover.yaml").read_text("utf-8"))
    def flat(table: dict) -> dict[str, str]:
        return {kind: coded for coded, kinds in table.items() for kind in kinds}

    return {"planned": flat(data["intent"]), "negated": flat(data["refusal"])}


def plover_code(event: Event) -> str:
    """The type PLOVER gives an event: a planned cooperative act is AGREE, a planned hostile one THREATEN,
    a cooperative act not done REJECT (plover.yaml "intent" and "refusal")."""
    table = _coding_tables().get(event.status, {})
    return table.get(event.type, event.type)


def main_event(events: list[Event]) -> Event | None:
    """The event closest to the sentence root; then one that happened; then the first."""
    def rank(event: Event) -> tuple:
        trigger = event.roles.get("trigger") or {}
        return (trigger.get("depth", 99), event.status not in REALIS, trigger.get("start", 0))

    return min(events, key=rank) if events else None


def score_plover(path: str | Path, extractor: Extractor, gazetteer=None) -> dict:
    """Type accuracy, actor/recipient match (text and country), confusion and example errors."""
    if gazetteer is None:
        from claimgraph.resolve import default_gazetteer

        gazetteer = default_gazetteer()
    records = read_plover_gsr(path)
    if not records:
        raise EvaluationError("no coded records", where=str(path))
    tally: Counter = Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    errors: list[dict] = []
    for record in records:
        event = main_event(extractor(record["text"]))
        _score_one(record, event, gazetteer, tally, confusion, errors)
    return _report(tally, confusion, errors, len(records))


def _score_one(record: dict, event: Event | None, gazetteer, tally: Counter, confusion, errors: list) -> None:
    predicted = plover_code(event) if event is not None else "NONE"
    right_type = predicted == record["type"]
    tally["type"] += right_type
    confusion[record["type"]][predicted] += 1
    actors = event.actor if event is not None else []
    recipients = event.recipient if event is not None else []
    checks = {
        "actor_text": _text_match(record["text"], record["sources"], actors),
        "actor_code": _code_match(record["sources"], actors, gazetteer),
        "recipient_text": _text_match(record["text"], record["targets"], recipients),
        "recipient_code": _code_match(record["targets"], recipients, gazetteer),
    }
    for key, result in checks.items():
        if result is not None:
            tally[key + "_n"] += 1
            tally[key] += result
    if (not right_type or checks["actor_text"] is False) and len(errors) < MAX_EXAMPLES:
        errors.append({
            "id": record["id"], "gold": record["type"], "found": predicted,
            "trigger": (event.roles.get("trigger") or {}).get("text") if event else None,
            "gold_actor": [a["text"] for a in record["sources"]], "actor": [a["name"] for a in actors],
        })


def _text_match(text: str, gold: list[dict], found: list[dict]) -> bool | None:
    if not gold:
        return None
    lowered = text.lower()
    for actor in gold:
        start = lowered.find(actor["text"].lower())
        if start >= 0:
            end = start + len(actor["text"])
            spans = [s for s in ((a.get("anaphor") or a)["start"] for a in found) if s is not None]
            if any(_overlaps(a, start, end, text) for a in found) or any(start <= s < end for s in spans):
                return True
        elif _shares_words(actor["text"], found):
            return True
    return False


def _overlaps(argument: dict, start: int, end: int, text: str) -> bool:
    """The argument's span (or, for a resolved pronoun, its anaphor span) overlaps [start, end); an inferred
    participant (no span) matches by name."""
    spans = [(argument["start"], argument["end"])] if argument.get("start") is not None else []
    if argument.get("anaphor"):
        spans.append((argument["anaphor"]["start"], argument["anaphor"]["end"]))
    name = argument["name"].lower()
    return any(s < end and start < e for s, e in spans) or (bool(name) and name in text[start:end].lower())


def _shares_words(gold_text: str, found: list[dict]) -> bool:
    words = {w for w in gold_text.lower().replace(".", " ").split() if w not in STOPWORDS and len(w) > 2}
    return any(words & set(a["name"].lower().split()) for a in found)


def _code_match(gold: list[dict], found: list[dict], gazetteer) -> bool | None:
    codes = {a["code"][:3] for a in gold if a.get("code")}
    if not codes:
        return None
    ours = set()
    for argument in found:
        entry = gazetteer.lookup(argument["name"])
        if entry is not None and entry.cameo:
            ours.add(entry.cameo[:3])
    return bool(codes & ours)


def _report(tally: Counter, confusion, errors: list, total: int) -> dict:
    def ratio(key: str) -> float:
        count = tally[key + "_n"] if key != "type" else total
        return round(tally[key] / count, 4) if count else 0.0

    per_type = {gold: round(row[gold] / sum(row.values()), 4) for gold, row in sorted(confusion.items())}
    return {
        "records": total,
        "type_accuracy": ratio("type"),
        "actor_match_text": ratio("actor_text"),
        "actor_match_code": ratio("actor_code"),
        "recipient_match_text": ratio("recipient_text"),
        "recipient_match_code": ratio("recipient_code"),
        "counts": {k: tally[k] for k in sorted(tally)},
        "per_type_accuracy": per_type,
        "confusion": {gold: dict(row.most_common()) for gold, row in sorted(confusion.items())},
        "errors": errors,
    }


# name -> (override only an ambiguous trigger, threshold); every variant lets the classifier decide when
# the rules find no event. "confident" overrides any rule type when the classifier is that sure.
VARIANTS = {"fallback": (True, 2.0), "ambiguous": (True, 0.5), "confident": (False, 0.8)}


def score_plover_folds(path: str | Path, extractor: Extractor, folds: int = 5, models=None) -> dict:
    """Type accuracy in-sample, per held-out fold, their mean and on the fixed test fold: rules alone and, when
    ``models`` are given (fold number -> model with ``classify``; 0 = the full model), rules combined with
    the classifier."""
    records = read_plover_gsr(path)
    if not records:
        raise EvaluationError("no coded records", where=str(path))
    events = [main_event(extractor(r["text"])) for r in records]
    keys = [fold_of(r["text"], folds) for r in records]
    gold = [r["type"] for r in records]
    rules = [plover_code(e) if e is not None else None for e in events]
    report = {"records": len(records), "folds": folds, "fold_sizes": dict(sorted(Counter(keys).items())),
              "rules": _fold_accuracy(gold, rules, rules, keys, folds)}
    models = models or {}
    if not set(range(folds + 1)) <= set(models):
        report["note"] = f"no classifier models for {folds} folds (scripts/train_plover_classifier.py): rules only"
        return report
    report.update(_combined(records, events, rules, keys, models, folds))
    return report


def _combined(records: list[dict], events: list, rules: list, keys: list[int], models, folds: int) -> dict:
    gold = [r["type"] for r in records]
    held = [models[k].classify(r["text"]) for r, k in zip(records, keys, strict=True)]
    seen = [models[0].classify(r["text"]) for r in records]
    ambiguous = [_ambiguous(e) for e in events]
    out = {"classifier_alone": _fold_accuracy(gold, [g[0] for g in seen], [g[0] for g in held], keys, folds)}
    for name, (only_ambiguous, threshold) in VARIANTS.items():
        flags = [amb or not only_ambiguous for amb in ambiguous]
        pick = functools.partial(_pick, rules, flags, threshold)
        out[name] = _fold_accuracy(gold, pick(seen), pick(held), keys, folds)
    return out


def _pick(rules: list, flags: list[bool], threshold: float, guesses: list) -> list[str]:
    return [combine(r, g, f, threshold) for r, g, f in zip(rules, guesses, flags, strict=True)]


def _ambiguous(event: Event | None) -> bool:
    """The trigger's first word is listed under more than one PLOVER type in plover.yaml."""
    from claimgraph.extract.events import lexicon

    if event is None:
        return False
    word = ((event.roles.get("trigger") or {}).get("text") or "").lower().split()[:1]
    lex = lexicon()
    rules = lex.verb_rules.get(word[0], []) + lex.noun_rules.get(word[0], []) if word else []
    return len({rule.type for rule in rules}) > 1


def _fold_accuracy(gold: list[str], in_sample: list, held_out: list, keys: list[int], folds: int) -> dict:
    def accuracy(predicted: list, indices: list[int]):
        return round(sum(predicted[i] == gold[i] for i in indices) / len(indices), 4) if indices else None

    every = range(len(gold))
    per_fold = {k: accuracy(held_out, [i for i in every if keys[i] == k]) for k in range(1, folds + 1)}
    scored = [v for v in per_fold.values() if v is not None]
    return {
        "in_sample": accuracy(in_sample, list(every)),
        **{f"fold_{k}": v for k, v in per_fold.items()},
        "fold_mean": round(sum(scored) / len(scored), 4) if scored else None,
        "test_fold": accuracy(held_out, [i for i in every if keys[i] == 0]),
    }
