"""Score the claim layer on real news clusters: whole episodes told by many outlets, with a gold reading.

A folder holds, per cluster, ``NAME.gold.json`` (events with their claims: report, speaker, status) and
``NAME.reports.jsonl`` (the reports, in the form ``claimgraph extract`` reads). Every gold claim asks of the
report it comes from:

- event found: the report's output has an event of the gold type (or one of its ``alt_types``) whose actor,
  and recipient when gold names one, match loosely;
- status (strict, and lenient with confirmed and reported taken as asserted) and speaker: one of the claims
  those events carry has it; speaker and status: one claim has both (lenient status).

Names match loosely: case, punctuation and parenthesised parts are ignored, and a name containing the other
(longer than three characters) counts; a system name that is an entity's name or id stands for all that
entity's aliases too. A report with no output misses all of its claims. Without ``everything`` only
"core" events are scored. The system side is read in the extract command's JSON form, so a dump of this run
can be checked with the set's own ``score.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import EvaluationError
from claimgraph.evaluate._gold import reading_gold

# A claim "matches" on a measure when one (status, speaker names) pair of a found event passes its test.
LENIENT = {"confirmed": "asserted", "reported": "asserted"}
MEASURES = ("event_found", "status_strict", "status_lenient", "speaker", "speaker_and_status")
_PARENTHESISED = re.compile(r"\(.*?\)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class GoldClaim:
    report: str
    types: frozenset[str]
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    speaker: str
    status: str


def _norm(text) -> str:
    text = _PARENTHESISED.sub(" ", text or "")
    return _NOT_WORD.sub(" ", text.lower()).strip()


def _loosely_same(a: str, b: str) -> bool:
    return a == b or (len(b) > 3 and b in a) or (len(a) > 3 and a in b)


def _any_close(gold_names, system_names: set[str]) -> bool:
    return any(_loosely_same(_norm(g), s) for g in gold_names for s in system_names)


def _lenient(status: str) -> str:
    return LENIENT.get(status, status)


# Each measure's test on one (status, speaker names) pair of a found event.
PAIR_TESTS: dict[str, Callable[[GoldClaim, str, set[str]], bool]] = {
    "status_strict": lambda gold, status, who: status == gold.status,
    "status_lenient": lambda gold, status, who: _lenient(status) == _lenient(gold.status),
    "speaker": lambda gold, status, who: _any_close([gold.speaker], who),
    "speaker_and_status": lambda gold, status, who: (_lenient(status) == _lenient(gold.status)
                                                     and _any_close([gold.speaker], who)),
}


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def gold_claims(gold: dict, everything: bool = False, where: str = "gold") -> list[GoldClaim]:
    """Every claim on the scored events of a ``{clusters: [{events: [...]}]}`` gold reading."""
    with reading_gold(where, "a news-cluster gold file"):
        events = [e for c in gold["clusters"] for e in c["events"] if everything or e.get("salience") == "core"]
        return [_gold_claim(event, claim) for event in events for claim in event["claims"]]


def _gold_claim(event: dict, claim: dict) -> GoldClaim:
    return GoldClaim(
        report=claim["file"], types=frozenset([event["type"], *event.get("alt_types", [])]),
        actor=tuple(_as_list(event["actor"])), recipient=tuple(_as_list(event.get("recipient"))),
        speaker=claim.get("speaker") or "", status=_norm(claim["status"]),
    )


class _Report:
    """One report's system output, with the entity table that widens a name to the entity's aliases."""

    def __init__(self, doc: dict) -> None:
        self.doc = doc
        self.forms: dict[str, set[str]] = {}
        for entity in doc.get("entities") or []:
            surface = {_norm(entity.get("name"))} | {_norm(a) for a in entity.get("aliases") or []}
            for key in (entity.get("id"), entity.get("name")):
                if key:
                    self.forms[_norm(key)] = surface

    def names(self, people) -> set[str]:
        found = set()
        for person in _as_list(people):
            label = _label(person)
            if label:
                found |= self.forms.get(_norm(label), {_norm(label)})
        return found - {""}

    def events_for(self, gold: GoldClaim) -> list[dict]:
        return [e for e in self.doc.get("events") or [] if (e.get("type") or "").upper() in gold.types
                and _any_close(gold.actor, self.names(e.get("actor")))
                and (not gold.recipient or _any_close(gold.recipient, self.names(e.get("recipient"))))]

    def claim_pairs(self, event: dict) -> list[tuple[str, set[str]]]:
        """(status, speaker names) of each claim an event carries; older output: its status and attributions."""
        claims = event.get("claims")
        if isinstance(claims, list) and claims:
            return [(_status(c.get("status")), self.names(c.get("speaker"))) for c in claims if isinstance(c, dict)]
        listed = set(event.get("attributions") or [])
        speakers = [a.get("speaker") for a in self.doc.get("attributions") or [] if a.get("id") in listed]
        return [(_status(event.get("status")), self.names(speakers))]


def _label(person) -> str | None:
    if isinstance(person, dict):
        return person.get("name") or person.get("entity") or person.get("text")
    return person


def _status(value) -> str:
    return _norm(value.get("value") if isinstance(value, dict) else value)


def score_claims(gold: dict, system: list[dict], everything: bool = False, where: str = "gold") -> dict[str, int]:
    """Counts of the claims measure: gold claims, those in reports with no output, and each measure's hits."""
    reports = {doc.get("id"): _Report(doc) for doc in system}
    counts = dict.fromkeys(("claims", "reports_with_no_output", *MEASURES), 0)
    for claim in gold_claims(gold, everything, where):
        counts["claims"] += 1
        report = reports.get(claim.report)
        if report is None:
            counts["reports_with_no_output"] += 1
            continue
        hits = report.events_for(claim)
        pairs = [pair for event in hits for pair in report.claim_pairs(event)]
        counts["event_found"] += bool(hits)
        for name, test in PAIR_TESTS.items():
            counts[name] += any(test(claim, status, who) for status, who in pairs)
    return counts


def as_fractions(counts: dict[str, int]) -> dict:
    """The claim count, then every other count as a fraction of it."""
    total = counts["claims"]
    return {"claims": total, **{k: (v / total if total else 0.0) for k, v in counts.items() if k != "claims"}}


def _add(total: dict[str, int], counts: dict[str, int]) -> dict[str, int]:
    return {k: total.get(k, 0) + v for k, v in counts.items()}


def find_clusters(directory: str | Path) -> list[tuple[str, Path, Path]]:
    """(name, gold file, reports file) of every ``NAME.gold.json`` in a folder, by name."""
    directory = Path(directory)
    found = []
    for gold in sorted(directory.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        reports = directory / f"{name}.reports.jsonl"
        if not reports.exists():
            raise EvaluationError(f"{gold.name} has no {reports.name} beside it", where=str(directory))
        found.append((name, gold, reports))
    if not found:
        raise EvaluationError("holds no *.gold.json: pass a folder like ../shared/eval/dev/news_clusters",
                              where=str(directory))
    return found


def read_gold(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read the gold reading: {exc}", where=str(path)) from exc


def evaluate_cluster(gold_path: Path, reports_path: Path, pipeline, everything: bool = False,
                     dump: Path | None = None, on_error=lambda error: None) -> tuple[dict[str, int], dict]:
    """Run the extraction over one cluster's reports: the claims measure's counts, and the merging scores."""
    from claimgraph import api
    from claimgraph.export import write_jsonl

    gold = read_gold(gold_path)
    extractions = list(api.extract([reports_path], pipeline=pipeline, on_error=on_error))
    if dump is not None:
        with dump.open("w", encoding="utf-8") as stream:
            write_jsonl(extractions, stream)
    return score_claims(gold, [x.to_dict() for x in extractions], everything, where=str(gold_path)), \
        _merge_scores(gold, extractions, dump)


def _merge_scores(gold: dict, extractions, dump: Path | None) -> dict[str, float]:
    """Store the cluster's readings in a fresh database (merging as ingest does) and score the events."""
    import tempfile

    from claimgraph import api
    from claimgraph.evaluate._merged import score_merged
    from claimgraph.export import event_record
    from claimgraph.store import Store

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "cluster.db"
        with Store(db) as store:
            for extraction in extractions:
                store.add(extraction)
        records = [event_record(e) for e in api.events(db).events]
    if dump is not None:
        dump.with_suffix(".events.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in score_merged(gold, records).items()}


def evaluate_news(directory: str | Path, everything: bool = False, dump: str | Path | None = None,
                  pipeline=None, on_error=lambda error: None) -> dict:
    """Claims measure per cluster and over all claims of a folder of news clusters (one spaCy load for all)."""
    from claimgraph.resolve import build_pipeline

    clusters = find_clusters(directory)
    pipeline = pipeline or build_pipeline()
    if dump is not None:
        Path(dump).mkdir(parents=True, exist_ok=True)
    per_cluster, total = {}, {}
    for name, gold, reports in clusters:
        out = Path(dump) / f"{name}.jsonl" if dump is not None else None
        counts, merged = evaluate_cluster(gold, reports, pipeline, everything, out, on_error)
        per_cluster[name] = {**as_fractions(counts), "merged": merged}
        total = _add(total, counts)
    return {"events": "all" if everything else "core", "clusters": per_cluster, "overall": as_fractions(total)}
