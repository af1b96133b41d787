"""Merging one new report into the stored events without re-clustering the corpus.

The new report's events fetch their candidates by block (type and a shared participant or place, reports within
a date window); the candidates' whole events (and the events linked to them as follow-ups) form a region; the
region is clustered again from scratch and written back. Clustering a region depends only on its members, so the
stored events do not depend on the order reports arrived in.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from claimgraph.merge._blocks import WINDOW_DAYS, day_number, day_of, query_blocks
from claimgraph.merge._clusters import THRESHOLD, Cluster, MergeReason, cluster
from claimgraph.merge._followups import FollowUp, could_fulfil, follow_ups
from claimgraph.merge._mentions import EventMention, shifted
from claimgraph.merge._pairs import score_pair

# A new report's events are clustered with at most this many stored ones (whole events, closest first): merge cost
# per report stays flat however dense the coverage.
REGION_LIMIT = 100
# A stored event of more report-level events than this is settled: clustering a region never takes it apart
# (re-clustering an event told by hundreds of reports on every new one cost the square of its size).
SETTLED_SIZE = 30
# At most this many stored events per block and step (those reported nearest the new one): a block as busy as
# "ASSAULT by Russia" costs no more. 50 merges a news episode stored into a crowded store as well as 100 did, or
# better, for less (bench/crowded_merge.py, docs/EVALUATION.md).
BLOCK_LIMIT = 50
# At most this many stored events are scored against a report's events (see _neighbours): once the window is
# dense with coverage, a report costs what it costs in a sparse store. Measured in docs/PERFORMANCE.md.
NEIGHBOUR_LIMIT = 80


class MergeIndex(Protocol):
    """What merging needs from a store (implemented by ``claimgraph.store``)."""

    def blocked(self, blocks: list[str], low: str | None, high: str | None,
                per_block: int) -> list[tuple[str, str, str | None]]:
        """(block, event key, report date) of stored events in these blocks, reported in [low, high] or undated:
        in each block at most ``per_block``, those reported nearest the middle of the range first."""
        ...

    def mentions(self, keys: list[str]) -> dict[str, tuple[EventMention, str]]:
        """Stored mention and merged-event id of each key."""
        ...

    def members(self, merged_ids: list[str]) -> dict[str, list[str]]:
        """For each of these merged events, the keys (sorted) of its report-level events and of those of the events
        linked to it."""
        ...

    def reasons(self, merged_ids: list[str]) -> dict[str, list[MergeReason]]:
        """Why each of these merged events was merged (its stored ``merged_because``)."""
        ...

    def save_merge(self, before: dict[str, str], clusters: list[Cluster], links: list[FollowUp],
                   new: list[EventMention]) -> None:
        """Write the region back: ``before`` is the merged event each of its stored mentions was in."""
        ...


def merge_new(index: MergeIndex, new: list[EventMention]) -> None:
    """Join a report's events to the stored ones: cluster their region again and write it back. A stored event of
    more than SETTLED_SIZE reports is kept whole: new events may join it, its own members are not compared again."""
    region = _region(index, new)
    mentions = [m for m, _ in region.values()] + new
    clusters = cluster(mentions, settled=_settled(index, region))
    before = {key: merged_id for key, (_, merged_id) in region.items()}
    index.save_merge(before, clusters, follow_ups(mentions, clusters), new)


def _settled(index: MergeIndex, region: dict[str, tuple[EventMention, str]]) -> list[tuple[list[str], list]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for key, (_, merged_id) in region.items():
        groups[merged_id].append(key)
    big = sorted(merged_id for merged_id, keys in groups.items() if len(keys) > SETTLED_SIZE)
    why = index.reasons(big) if big else {}
    return [(groups[merged_id], why.get(merged_id, [])) for merged_id in big]


def _region(index: MergeIndex, new: list[EventMention]) -> dict[str, tuple[EventMention, str]]:
    """The stored events the new ones could join: the whole merged events (with those linked to them as
    follow-ups) of the stored events a new one is linkable with, closest first, while they fit in REGION_LIMIT.

    A pair is linkable when it could merge on its own (its score reaches the threshold) or one could carry out the
    other: average linkage only joins clusters through such a pair. One step, not the whole connected part of the
    graph: on a day of dense coverage ("Russia attacked ..." in every other report) that part is most of the store,
    and clustering it on every report made storing cost hundreds of milliseconds; the events a report cannot join
    directly were clustered when their own reports came, so the answer is the same on the news clusters and the
    demo, in any order (tests/test_merge.py)."""
    finders = _neighbours(index, new)
    stored = index.mentions(sorted(finders))
    closeness: dict[str, float] = {}  # merged event -> its closest member's score with a new event
    for key, (mention, merged_id) in stored.items():
        score = max(_closeness(f, mention) for f in finders[key])
        if score >= THRESHOLD:
            closeness[merged_id] = max(score, closeness.get(merged_id, score))
    nearest_first = sorted(closeness, key=lambda i: (-closeness[i], i))
    members = index.members(nearest_first)
    taken: dict[str, None] = {}  # the region's keys, in order
    for merged_id in nearest_first:
        whole = [k for k in members[merged_id] if k not in taken]
        if taken and len(taken) + len(whole) > REGION_LIMIT:
            break
        taken.update(dict.fromkeys(whole))
    read = index.mentions([k for k in taken if k not in stored])
    return {k: stored[k] if k in stored else read[k] for k in taken}


def _closeness(a: EventMention, b: EventMention) -> float:
    """The pair's score; a plan and a deed that could carry it out count as just linkable (THRESHOLD)."""
    if a.unrealised != b.unrealised:
        return THRESHOLD if could_fulfil(a, b) else float("-inf")
    return score_pair(a, b).score


def _neighbours(index: MergeIndex, frontier: list[EventMention]) -> dict[str, list[EventMention]]:
    """Stored events that some frontier event would find (shared block, reports within the window), each with
    the frontier events that find it: at most NEIGHBOUR_LIMIT, those found by most blocks first, then the nearest
    in time (a pair that shares its actor, its recipient and its place is likelier one event than a pair that
    shares only its week)."""
    wanted: dict[str, list[tuple[EventMention, int | None]]] = defaultdict(list)  # block -> (finder, its day)
    for m in frontier:
        for block in query_blocks(m):
            wanted[block].append((m, day_number(m.date)))
    low, high = _span([m.date for m in frontier])
    found: dict[str, dict[str, EventMention]] = defaultdict(dict)
    rank: dict[str, tuple[int, int]] = {}  # key -> (minus the blocks it was found in, days to its nearest finder)
    for block, key, day in index.blocked(sorted(wanted), low, high, BLOCK_LIMIT):  # hundreds of rows a report
        stored_day, nearest = day_number(day), None
        for m, finder_day in wanted[block]:
            # within_window's rule: an undated one is within any window, WINDOW_DAYS from everything
            apart = WINDOW_DAYS if finder_day is None or stored_day is None else abs(finder_day - stored_day)
            if apart <= WINDOW_DAYS:
                found[key][m.key] = m
                nearest = apart if nearest is None else min(nearest, apart)
        if nearest is not None:
            blocks, gap = rank.get(key, (0, WINDOW_DAYS))
            rank[key] = (blocks - 1, min(gap, nearest))
    best = sorted(found, key=lambda key: (rank[key], key))[:NEIGHBOUR_LIMIT]
    return {key: list(found[key].values()) for key in best}


def _span(dates: list[str | None]) -> tuple[str | None, str | None]:
    if not dates or any(not d for d in dates):
        return None, None
    days = [day_of(d) for d in dates]
    return shifted(min(days), -WINDOW_DAYS).isoformat(), shifted(max(days), WINDOW_DAYS).isoformat()
