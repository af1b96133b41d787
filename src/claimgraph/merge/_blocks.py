"""Blocking: which pairs of report-level events are compared at all (a shared block, reports close enough).

Both the incremental merge (which stored events a new one is compared with) and the clustering (which pairs of a
region are scored) use this one relation, so a region clusters as the whole corpus would.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
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


def day_number(value: str | None) -> int | None:
    """The ordinal of ``day_of``, None when undated."""
    return day_of(value).toordinal() if value else None


def within_window(a: str | None, b: str | None) -> bool:
    return not a or not b or abs((day_of(a) - day_of(b)).days) <= WINDOW_DAYS


def candidate_pairs(mentions: list[EventMention], free: set[int] | None = None) -> list[tuple[int, int]]:
    """Index pairs (i < j), in order, that share a block (one would find the other) and were reported within the
    window; with ``free``, only pairs with at least one free member (the others are not looked at, not only left out).

    Worked out on sets of members held as the bits of an int, one bit a member: a region's busy blocks hold most of
    its members, and going through them member by member cost the square of the region in Python steps."""
    registered: dict[str, int] = defaultdict(int)  # block -> the members it finds
    queried: dict[str, int] = defaultdict(int)  # block -> the members that look in it
    for i, m in enumerate(mentions):
        for block in registered_blocks(m):
            registered[block] |= 1 << i
        for block in query_blocks(m):
            queried[block] |= 1 << i
    everyone = (1 << len(mentions)) - 1
    free_ones = everyone if free is None else sum(1 << i for i in set(free))
    pairs = []
    for j, (m, near_in_time) in enumerate(zip(mentions, _within_window(mentions), strict=True)):
        near = 0  # the members that j finds, or that find j
        for block in query_blocks(m):
            near |= registered.get(block, 0)
        for block in registered_blocks(m):
            near |= queried.get(block, 0)
        near &= near_in_time & (everyone if free_ones >> j & 1 else free_ones)
        near >>= j + 1  # the members after j: each pair once, in order
        while near:
            lowest = near & -near
            pairs.append((j, j + lowest.bit_length()))
            near ^= lowest
    return pairs


def _within_window(mentions: list[EventMention]) -> list[int]:
    """For each member, the members reported within WINDOW_DAYS of it (everyone, for an undated one or report)."""
    days = [day_number(m.date) for m in mentions]
    undated = sum(1 << i for i, day in enumerate(days) if day is None)
    dated = sorted((day, i) for i, day in enumerate(days) if day is not None)
    first_ones = [0]  # first_ones[k]: the k earliest dated members
    for _, i in dated:
        first_ones.append(first_ones[-1] | 1 << i)
    ordered = [day for day, _ in dated]
    everyone = (1 << len(mentions)) - 1
    return [everyone if day is None else undated | first_ones[bisect_right(ordered, day + WINDOW_DAYS)]
            ^ first_ones[bisect_left(ordered, day - WINDOW_DAYS)] for day in days]
