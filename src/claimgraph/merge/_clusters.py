"""Constrained average-linkage clustering of report-level events into events.

Deterministic: the result depends only on the set of mentions given (they are sorted by key first), so the same
reports give the same events in any ingest order. Two mentions that can never be one event (different times,
participants, a plan and a deed) block the merge of the clusters holding them: no chain through a third event.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from dataclasses import dataclass, field

from claimgraph.merge._blocks import candidate_pairs
from claimgraph.merge._mentions import EventMention
from claimgraph.merge._pairs import NEVER, score_pair

# The mean pair score two clusters need to become one: about a shared participant and one more agreement
# (a second participant, the time, the object, or reports a week apart). Chosen on the news clusters; see
# docs/EVALUATION.md for the figure with it held out.
THRESHOLD = 1.25


@dataclass
class MergeReason:
    """Why two parts of an event were joined: the closest pair across them and what they share."""

    event: str  # key of a report-level event of one part
    joined: str  # key of the closest one of the other part
    score: float
    reasons: tuple[str, ...]


@dataclass
class Cluster:
    members: list[str]  # report-level event keys, sorted
    merged_because: list[MergeReason] = field(default_factory=list)

    @property
    def id(self) -> str:
        return cluster_id(self.members)


def cluster_id(members: list[str]) -> str:
    """An event's id: from its first member's key, so it does not depend on ingest order or on other events."""
    return "ev" + hashlib.sha256(min(members).encode("utf-8")).hexdigest()[:14]


@dataclass(slots=True)
class _Link:
    """The pairs scored across two clusters: their total, whether one forbids the merge, the closest pair.
    Pairs that do not block together count as 0 in the mean."""

    total: float = 0.0
    blocked: bool = False
    best: tuple[float, int, int, tuple[str, ...]] | None = None  # (score, i, j, reasons)

    def absorb(self, other: _Link) -> None:
        self.total += other.total
        self.blocked = self.blocked or other.blocked
        if other.best is not None and (self.best is None or other.best > self.best):
            self.best = other.best


def cluster(mentions: list[EventMention], threshold: float | None = None,
            settled: list[tuple[list[str], list[MergeReason]]] = ()) -> list[Cluster]:
    """Clusters of the mentions. ``settled``: groups of keys (big stored events, with why they were merged) that
    start as one cluster each and are not taken apart: only pairs with some other mention are scored, so a report
    joining an event of hundreds of reports costs what joining a small one does."""
    threshold = THRESHOLD if threshold is None else threshold
    items = sorted({m.key: m for m in mentions}.values(), key=lambda m: m.key)
    members, reasons = _initial(items, settled)
    root_of = {i: root for root, group in members.items() for i in group}
    free = {root for root, group in members.items() if len(group) == 1}
    links = _links(items, free if len(free) < len(items) else None, root_of)
    touching: dict[int, set[int]] = defaultdict(set)  # cluster -> the clusters it has a link with
    for a, b in links:
        touching[a].add(b)
        touching[b].add(a)
    heap = [(-mean, a, b) for (a, b), link in links.items()
            if not link.blocked and (mean := _mean(link, members, a, b)) >= threshold]
    heapq.heapify(heap)
    while heap:
        negative_mean, a, b = heapq.heappop(heap)
        link = links.get((a, b))  # gone once a or b joined another cluster
        if link is None or _mean(link, members, a, b) != -negative_mean:
            continue  # a stale entry: the link changed since it was pushed
        del links[(a, b)]
        reasons[a] += reasons.pop(b) + [_reason(link, items)]
        members[a] += members.pop(b)
        # Only the clusters linked to a or b can change their link to a: the rest of the region is not looked at.
        for c in (touching[a] | touching.pop(b)) - {a, b}:
            joined = _relink(links, touching, a, b, c)
            if not joined.blocked and (mean := _mean(joined, members, a, c)) >= threshold:
                heapq.heappush(heap, (-mean, *_ordered(a, c)))
        touching[a].discard(b)
    return [Cluster(sorted(items[i].key for i in group), reasons[root]) for root, group in sorted(members.items())]


def _initial(items: list[EventMention], settled) -> tuple[dict[int, list[int]], dict[int, list[MergeReason]]]:
    """One cluster per mention, but one per settled group (rooted at its first member)."""
    index = {m.key: i for i, m in enumerate(items)}
    members = {i: [i] for i in range(len(items))}
    reasons: dict[int, list[MergeReason]] = {i: [] for i in range(len(items))}
    for keys, why in settled:
        group = sorted(index[k] for k in keys if k in index)
        if len(group) > 1:
            for i in group[1:]:
                del members[i], reasons[i]
            members[group[0]], reasons[group[0]] = group, list(why)
    return members, reasons


def _links(items: list[EventMention], free: set[int] | None, root_of: dict[int, int]) -> dict[tuple[int, int], _Link]:
    """The link between each two starting clusters, summed over their pairs in order. Only pairs that block
    together are scored (so a region clusters as the corpus would), and with ``free`` only pairs of which one is
    free (the members of a settled group are not compared with each other). Scored and summed in one pass: a
    crowded region has thousands of pairs, and a dict of them all was built only to be walked once."""
    links: dict[tuple[int, int], _Link] = {}
    for i, j in candidate_pairs(items, free):
        score = score_pair(items[i], items[j])
        joined = _ordered(root_of[i], root_of[j]) if free is not None else (i, j)
        link = links.get(joined)
        if link is None:
            link = links[joined] = _Link()
        if score.score == NEVER:
            link.blocked = True
            continue
        link.total += score.score
        best = (score.score, i, j, score.reasons)  # (i, j) is one pair's: reasons never take part in the order
        if link.best is None or best > link.best:
            link.best = best
    return links


def _relink(links: dict, touching: dict[int, set[int]], a: int, b: int, c: int) -> _Link:
    """After b joined a, a's link to c holds both old links (c is linked to at least one of them): that link."""
    to_a = _ordered(a, c)
    old_b = links.pop(_ordered(b, c), None)
    if old_b is not None:
        touching[c].discard(b)
        touching[c].add(a)
        touching[a].add(c)
        if to_a in links:
            links[to_a].absorb(old_b)
        else:
            links[to_a] = old_b
    return links[to_a]


def _mean(link: _Link, members: dict[int, list[int]], a: int, b: int) -> float:
    """The mean pair score across clusters a and b (pairs that do not block together count as 0)."""
    return link.total / (len(members[a]) * len(members[b]))


def _ordered(x: int, y: int) -> tuple[int, int]:
    return (x, y) if x < y else (y, x)


def _reason(link: _Link, items: list[EventMention]) -> MergeReason:
    score, i, j, reasons = link.best
    return MergeReason(items[i].key, items[j].key, round(score, 3), reasons)
