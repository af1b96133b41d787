"""Follow-ups: a planned or considered event linked to the later event that carries it out (or does it otherwise).

A plan and its deed are never one event (the clustering forbids it); here each plan gets the deed of its type whose
participants agree with it and that was reported no earlier, best first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from claimgraph.merge._clusters import Cluster
from claimgraph.merge._mentions import EventMention
from claimgraph.merge._pairs import NEVER, score_pair

# The score a deed needs to carry out a plan (as ``_fit`` reads it): its participants, or one and the side of the other.
FOLLOW_THRESHOLD = 1.25


@dataclass(frozen=True)
class FollowUp:
    plan: str  # event id of the planned or considered event
    deed: str  # event id of the one that carries it out
    score: float
    reasons: tuple[str, ...]


def follow_ups(mentions: list[EventMention], clusters: list[Cluster]) -> list[FollowUp]:
    by_key = {m.key: m for m in mentions}
    groups = [(c, [by_key[k] for k in c.members]) for c in clusters]
    plans = [(c, ms) for c, ms in groups if ms[0].unrealised]
    deeds = [(c, ms) for c, ms in groups if not ms[0].unrealised]
    links = []
    for plan, plan_mentions in plans:
        done = _as_done(plan_mentions)  # once per plan, not once per deed it is compared with
        best = max((_fit(done, ms) + (deed.id,) for deed, ms in deeds if ms[0].type == plan_mentions[0].type
                    and _not_earlier(plan_mentions, ms)), default=None)
        if best is not None and best[0] >= FOLLOW_THRESHOLD:
            links.append(FollowUp(plan.id, best[2], round(best[0], 3), best[1]))
    return links


def could_fulfil(a: EventMention, b: EventMention) -> bool:
    """One of the two is a plan the other could carry out (the pair alone, as ``follow_ups`` scores it)."""
    plan, deed = (a, b) if a.unrealised else (b, a)
    return plan.unrealised and not deed.unrealised and _fit(_as_done([plan]), [deed])[0] >= FOLLOW_THRESHOLD \
        and _not_earlier([plan], [deed])


def _as_done(plan: list[EventMention]) -> list[EventMention]:
    """The plan's tellings read as done (compared as a deed would be), without their times (they say when it was
    planned; ``_not_earlier`` orders the two) and without what they name (a deed may carry a plan out otherwise: a
    criminal designation for a terrorist listing). Tellings that name no participant are left out when others
    name some: a telling that names no one says neither yes nor no."""
    telling = [p for p in plan if p.participants] or plan
    return [_read_as_done(p) for p in telling]


@lru_cache(maxsize=4096)  # a region's plans are read as done for every deed and every new report near them
def _read_as_done(plan: EventMention) -> EventMention:
    return replace(plan, status="asserted", date=None, time=None, window=None, words=frozenset())


def _fit(done: list[EventMention], deed: list[EventMention]) -> tuple[float, tuple[str, ...]]:
    """Mean over the plan's tellings (read by ``_as_done``) of their best pair score; the best pair's reasons."""
    scores = [[score_pair(p, d) for d in deed] for p in done]
    if any(s.score == NEVER for row in scores for s in row):
        return NEVER, ()
    best = [max(row, key=lambda s: s.score) for row in scores]  # each telling of the plan, its closest deed
    return sum(s.score for s in best) / len(best), max(best, key=lambda s: s.score).reasons


def _not_earlier(plan: list[EventMention], deed: list[EventMention]) -> bool:
    """The deed was reported no earlier than the plan, and did not happen before it was planned (sanctions of 2017
    carry out no plan of 2022)."""
    planned = min((m.date for m in plan if m.date), default=None)
    done = max((m.date for m in deed if m.date), default=None)
    happened = max((m.time[1] for m in deed if m.time), default=None)
    if planned is None:
        return True
    return (done is None or done >= planned) and (happened is None or happened >= planned[:10])
