"""Blocking: which pairs of report-level events are compared at all (a shared block, reports close enough).

Both the incremental merge (which stored events a new one is compared with) and the clustering (which pairs of a
region are scored) use this one relation, so a region clusters as the whole corpus would.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import lru_cache

from claimgraph.merge._mentions import EventMention, specific

# Reports further apart than this are not compared (a cost bound; follow-ups are linked within a region).
WINDOW_DAYS = 120


# Blocks are asked for the same mentions many times while a region is clustered (every pair of it): cached by the
# mention, whose hash is computed once.
@lru_cache(maxsize=16_384)
def registered_blocks(mention: EventMention) -> frozenset[str]:
    """The blocks a stored event is found by: its type with each participant or place, and its report's week
    (an event naming no one there and in an "open" block, so one that names no participant finds any of its week)."""
    keys = _named_blocks(mention) | _object_blocks(mention)
    week = _week(mention)
    if week:
        keys.add(week)
        if not mention.participants:
            keys.add(week + "|open")
    if not mention.participants:
        keys |= {key + "|open" for key in _object_blocks(mention)}
    return frozenset(keys)


@lru_cache(maxsize=16_384)
def query_blocks(mention: EventMention) -> frozenset[str]:
    """The blocks a new event looks in: the pair (new, stored) is compared when either would find the other."""
    keys = _named_blocks(mention) | {key + "|open" for key in _object_blocks(mention)}
    week = _week(mention)
    if week:
        keys.add(week + "|open")
        if not mention.participants:
            keys.add(week)
    if not mention.participants:
        keys |= _object_blocks(mention)
    return frozenset(keys)


def _object_blocks(mention: EventMention) -> set[str]:
    """Type with each word that says which thing: an event naming no participant ("a terrorist designation was
    under consideration") finds the events of that thing."""
    return {f"{mention.type}|object:{word}" for word in specific(mention.words)}


def _named_blocks(mention: EventMention) -> set[str]:
    """Type with each participant, each side acting or acted on, each place word."""
    keys = {f"{mention.type}|{entity}" for entity in mention.participants}
    keys |= {f"{mention.type}|actor-side:{side}" for side in mention.actor_sides}
    keys |= {f"{mention.type}|recipient-side:{side}" for side in mention.recipient_sides}
    return keys | {f"{mention.type}|place:{word}" for word in mention.places}


def _week(mention: EventMention) -> str | None:
    if not mention.date or len(mention.date) != 10:
        return None
    year, week, _ = date.fromisoformat(mention.date).isocalendar()
    return f"{mention.type}|week:{year}-W{week:02d}"


@lru_cache(maxsize=8192)
def day_of(value: str) -> date:
    """The first day of an ISO date of any precision ("2022-12" -> 2022-12-01)."""
    return date.fromisoformat((value + "-01-01")[:10])


def within_window(a: str | None, b: str | None) -> bool:
    return not a or not b or abs((day_of(a) - day_of(b)).days) <= WINDOW_DAYS


def candidate_pairs(mentions: list[EventMention], free: set[int] | None = None) -> set[tuple[int, int]]:
    """Index pairs (i < j) that share a block (one would find the other) and were reported within the window;
    with ``free``, only pairs with at least one free member (the others are not looked at, not only left out)."""
    by_block: dict[str, list[int]] = defaultdict(list)
    by_free_block: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for block in registered_blocks(m):
            by_block[block].append(i)
            if free is not None and i in free:
                by_free_block[block].append(i)
    # within_window's rule, on day numbers computed once per mention rather than once per pair and block
    days = [day_of(m.date).toordinal() if m.date else None for m in mentions]
    pairs = set()
    for j, m in enumerate(mentions):
        found = by_block if free is None or j in free else by_free_block
        near: set[int] = set()  # a pair shares several blocks as often as not: each is looked at once
        for block in query_blocks(m):
            near.update(found.get(block, ()))
        near.discard(j)
        for i in near:
            if days[i] is None or days[j] is None or abs(days[i] - days[j]) <= WINDOW_DAYS:
                pairs.add((i, j) if i < j else (j, i))
    return pairs
