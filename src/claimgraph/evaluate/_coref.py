"""Coreference scores over mentions with a gold and a system cluster each: MUC, B-cubed, CEAF-e and their mean
(the CoNLL F1)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable

import numpy as np
from scipy.optimize import linear_sum_assignment


def _clusters(assignment: dict[Hashable, Hashable]) -> list[set]:
    groups: dict[Hashable, set] = defaultdict(set)
    for mention, cluster in assignment.items():
        groups[cluster].add(mention)
    return list(groups.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _muc_recall(key: list[set], response: dict) -> float:
    """Links of the key clusters kept by the response (Vilain et al.): sum(|K| - parts) / sum(|K| - 1)."""
    found = total = 0
    for cluster in key:
        parts = len({response[m] for m in cluster})
        found += len(cluster) - parts
        total += len(cluster) - 1
    return found / total if total else 0.0


def _bcubed(gold: dict, system: dict) -> tuple[float, float]:
    by_gold, by_system = defaultdict(set), defaultdict(set)
    for m in gold:
        by_gold[gold[m]].add(m)
        by_system[system[m]].add(m)
    p = sum(len(by_gold[gold[m]] & by_system[system[m]]) / len(by_system[system[m]]) for m in gold) / len(gold)
    r = sum(len(by_gold[gold[m]] & by_system[system[m]]) / len(by_gold[gold[m]]) for m in gold) / len(gold)
    return p, r


def _ceaf_e(key: list[set], response: list[set]) -> tuple[float, float]:
    """Entity-based CEAF: clusters aligned one to one maximising the sum of 2|K∩R| / (|K| + |R|)."""
    similarity = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key])
    rows, cols = linear_sum_assignment(-similarity)
    total = similarity[rows, cols].sum()
    return float(total / len(response)), float(total / len(key))


def coreference_scores(gold: dict[Hashable, Hashable], system: dict[Hashable, Hashable]) -> dict[str, float]:
    """``gold`` and ``system`` map the same mentions to cluster ids."""
    if not gold:
        return {"mentions": 0}
    key, response = _clusters(gold), _clusters(system)
    muc = (_muc_recall(response, gold), _muc_recall(key, system))
    bcubed = _bcubed(gold, system)
    ceaf = _ceaf_e(key, response)
    scores = {"mentions": len(gold), "gold_clusters": len(key), "system_clusters": len(response)}
    for name, (p, r) in (("muc", muc), ("bcubed", bcubed), ("ceaf_e", ceaf)):
        scores.update({f"{name}_p": round(p, 3), f"{name}_r": round(r, 3), f"{name}_f1": round(_f1(p, r), 3)})
    scores["conll_f1"] = round((scores["muc_f1"] + scores["bcubed_f1"] + scores["ceaf_e_f1"]) / 3, 3)
    return scores
