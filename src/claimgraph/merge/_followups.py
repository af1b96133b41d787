"""Follow-ups: a planned or considered event linked to the later event that carries it out (or does it otherwise).

A plan and its deed are never one event (the clustering forbids it); here each plan gets the deed of its type whose
participants agree with it and that was reported no earlier, best first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from claimgraph.merge._clusters import Cluster
from claimgraph.merge._mentions import EventMention
from claimgraph.merge._pairs import NEVER, score_pair

# The mean pair score a deed needs to carry out a plan: the same participants, or one of them and the object.
FOLLOW_THRESHOLD = 1.5


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
        best = max((_fit(plan_mentions, ms) + (deed.id,) for deed, ms in deeds if ms[0].type == plan_mentions[0].type
                    and _not_earlier(plan_mentions, ms)), default=None)
        if best is not None and best[0] >= FOLLOW_THRESHOLD:
            links.append(FollowUp(plan.id, best[2], round(best[0], 3), best[1]))
    return links


def could_fulfil(a: EventMention, b: EventMention) -> bool:
    """One of the two is a plan the other could carry out (the pair alone, as ``follow_ups`` scores it)."""
    plan, deed = (a, b) if a.unrealised else (b, a)
    return plan.unrealised and not deed.unrealised and _fit([plan], [deed])[0] >= FOLLOW_THRESHOLD \
        and _not_earlier([plan], [deed])


def _fit(plan: list[EventMention], deed: list[EventMention]) -> tuple[float, tuple[str, ...]]:
    """Mean pair score with the plan read as done (so it is compared as a deed would be) and what it names left out
    (a deed may carry a plan out otherwise: a criminal designation for a terrorist listing); best pair's reasons."""
    scores = [score_pair(replace(p, status="asserted", window=None, words=frozenset()), d) for p in plan for d in deed]
    if any(s.score == NEVER for s in scores):
        return NEVER, ()
    best = max(scores, key=lambda s: s.score)
    return sum(s.score for s in scores) / len(scores), best.reasons


def _not_earlier(plan: list[EventMention], deed: list[EventMention]) -> bool:
    planned = min((m.date for m in plan if m.date), default=None)
    done = max((m.date for m in deed if m.date), default=None)
    return planned is None or done is None or done >= planned
