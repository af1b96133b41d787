"""Score merging across reports on news clusters: B-cubed and pairwise "same event" over core-event mentions.

A mention is (report, core gold event). In each report, gold events are paired one to one with the merged events
that list that report (of an acceptable type), best fitting first: actor and recipient close, the recipient set
equal, the same time value, shared object words. A mention left unpaired is a cluster of its own. This follows
``score.py merged`` of the news clusters, so the two give the same figure.
"""

from __future__ import annotations

import json
import re

from claimgraph.evaluate._news import _any_close, _norm

_WORD = re.compile(r"[a-z]{4,}")


def _names(people) -> set[str]:
    people = people if isinstance(people, list) else [people]
    return {_norm(p.get("name") if isinstance(p, dict) else p) for p in people if p} - {""}


def _words(text) -> set[str]:
    return set(_WORD.findall((text if isinstance(text, str) else json.dumps(text)).lower()))


def _fit(gold: dict, event: dict) -> float:
    recipients = gold.get("recipient") or []
    g_words, s_words = _words(gold.get("object") or ""), _words(event.get("object") or "")
    return (_any_close(gold["actor"], _names(event.get("actor")))
            + _any_close(recipients, _names(event.get("recipient")))
            + ({_norm(r) for r in recipients} == _names(event.get("recipient")))
            + (bool(event.get("time")) and str(event.get("time")) == str(gold.get("time")))
            + len(g_words & s_words) / max(len(g_words | s_words), 1))


def _pair_mentions(gold: dict, events: list[dict]) -> tuple[dict, dict]:
    by_report: dict[str, list[dict]] = {}
    for e in events:
        for report in dict.fromkeys(c["doc_id"] for c in e["claims"]):
            by_report.setdefault(report, []).append(e)
    gold_of, system_of = {}, {}
    for report, core in _core_by_report(gold).items():
        pairs = [(_fit(g, e), i, g["key"], e["id"]) for g in core for i, e in enumerate(by_report.get(report, []))
                 if e["type"].upper() in {g["type"], *g.get("alt_types", [])}]
        used_gold, used_system = set(), set()
        for _, _, key, event_id in sorted(pairs, key=lambda p: (-p[0], p[1])):
            if key not in used_gold and event_id not in used_system:
                used_gold.add(key)
                used_system.add(event_id)
                system_of[(report, key)] = event_id
        for g in core:
            gold_of[(report, g["key"])] = g["key"]
            system_of.setdefault((report, g["key"]), None)
    return gold_of, system_of


def _core_by_report(gold: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for cluster in gold["clusters"]:
        for event in cluster["events"]:
            if event.get("salience") == "core":
                for report in event.get("reported_in") or dict.fromkeys(c["file"] for c in event["claims"]):
                    found.setdefault(report, []).append(event)
    return found


def score_merged(gold: dict, events: list[dict]) -> dict[str, float]:
    """B-cubed and pairwise precision, recall and F1 of grouping core-event mentions into events."""
    gold_of, system_of = _pair_mentions(gold, events)
    mentions = list(gold_of)
    same_system = {m: {x for x in mentions if system_of[m] is not None and system_of[x] == system_of[m]} or {m}
                   for m in mentions}
    same_gold = {m: {x for x in mentions if gold_of[x] == gold_of[m]} for m in mentions}
    n = max(len(mentions), 1)
    p = sum(len(same_gold[m] & same_system[m]) / len(same_system[m]) for m in mentions) / n
    r = sum(len(same_gold[m] & same_system[m]) / len(same_gold[m]) for m in mentions) / n
    pairs = [(a, b) for i, a in enumerate(mentions) for b in mentions[i + 1:]]
    both = sum(b in same_gold[a] and b in same_system[a] for a, b in pairs)
    said_same = sum(b in same_system[a] for a, b in pairs)
    truly_same = sum(b in same_gold[a] for a, b in pairs)
    return {"mentions": len(mentions), "found": sum(v is not None for v in system_of.values()) / n,
            "bcubed_p": p, "bcubed_r": r, "bcubed_f1": _f1(p, r),
            "pairwise_p": both / max(said_same, 1), "pairwise_r": both / max(truly_same, 1),
            "pairwise_f1": _f1(both / max(said_same, 1), both / max(truly_same, 1))}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
