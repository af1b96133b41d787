"""Whether two report-level events can tell one happening, and how strongly they look like it (with reasons)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import islice

from claimgraph.merge._mentions import EventMention, specific

# An event's own time and another report's may differ by TIME_SLACK_DAYS and still agree ("Monday" in one report,
# "Tuesday" in one that counts from a time zone away). Up to APART_DAYS they disagree, which counts against the
# pair but is kept as a dispute when everything else agrees (claims of a capture on the 11th and on the 13th);
# further apart they are two happenings.
TIME_SLACK_DAYS, APART_DAYS = 2, 31
DISAGREEING_TIME = -1.5
# Two ways of one act ("expelled the ambassador", "withdrew his accreditation") may be one event.
DIFFERENT_MODES = -0.75
# Two deeds told without their time, by reports months apart: perhaps one long affair, perhaps two happenings.
FAR_APART = -1.0
# Shells and rockets, a terrorist listing and sanctions: two things named, nothing in common.
DIFFERENT_OBJECTS = -1.0
# "train" and "deliver", "fighting" and "shot down": one type, different acts (data/merge.yaml `acts`).
DIFFERENT_ACTS = -1.0
# Reports told further apart than this are scored as less likely to tell one happening (not forbidden).
NEAR_DAYS, FAR_DAYS = 7, 60


@dataclass(frozen=True, slots=True)  # slots: the cache below holds a hundred thousand of them
class PairScore:
    score: float  # -inf when the two can never be one event
    reasons: tuple[str, ...]


NEVER = float("-inf")


def incompatible(a: EventMention, b: EventMention) -> str | None:
    """Why a and b can never be one event, or None. Hard constraints: no merge, even through a third event."""
    if a.type != b.type:
        return "different types"
    if a.unrealised != b.unrealised:
        return "a plan and a deed"  # linked as a follow-up instead
    if not _compatible_side(a.actors, b.actors, a.actor_sides, b.actor_sides):
        return "different actors"
    if not _compatible_side(a.recipients, b.recipients, a.recipient_sides, b.recipient_sides):
        return "different recipients"
    if _different_things(a.words, b.words):
        return "different objects"
    if _gap(a.time, b.time) > APART_DAYS:
        return "different times"  # stated times only: a report may retell an old deed without its time
    if not a.unrealised and _told_early(a, b) > APART_DAYS:
        return "told before it happened"
    return None


# Scores of pairs already met, by both keys and contents: each new report re-clusters a region of stored events
# whose pairs were mostly scored for the reports before it. When full, the older half is dropped, so memory stays
# bounded (about 20 MB) and the pairs of the regions being clustered now stay.
SCORED_LIMIT = 100_000
_scored: dict[tuple[str, int, str, int], PairScore] = {}


def score_pair(a: EventMention, b: EventMention) -> PairScore:
    """How strongly a and b look like one happening, with the reasons; NEVER when they cannot be one.
    Symmetric, so a pair is cached once whichever side asks."""
    if b.key < a.key:
        a, b = b, a
    pair = (a.key, hash(a), b.key, hash(b))
    score = _scored.get(pair)
    if score is None:
        if len(_scored) >= SCORED_LIMIT:
            for old in list(islice(_scored, SCORED_LIMIT // 2)):
                del _scored[old]
        score = _scored[pair] = _score(a, b)
    return score


def _score(a: EventMention, b: EventMention) -> PairScore:
    why = incompatible(a, b)
    if why is not None:
        return _never(why)
    parts = [
        ("same actor", 1.0 * bool(a.actors & b.actors)),
        ("same side acting", 0.5 * bool(not a.actors & b.actors and a.actor_sides & b.actor_sides)),
        ("same recipient", 1.0 * bool(a.recipients & b.recipients)),
        ("same side acted on", 0.5 * bool(not a.recipients & b.recipients and a.recipient_sides & b.recipient_sides)),
        ("same place", 0.75 * bool(a.places & b.places)),
        ("same time", 1.0 * bool(a.time and b.time and _same_time(a.time, b.time))),
        ("times disagree", DISAGREEING_TIME * (_time_gap(a, b) > TIME_SLACK_DAYS)),
        ("told before it happened", DISAGREEING_TIME * (not a.unrealised and _told_early(a, b) > TIME_SLACK_DAYS)),
        ("same object", _jaccard(a.words, b.words)),
        ("different objects", DIFFERENT_OBJECTS * _different_things(a.words, b.words)),
        ("same mode", 0.25 * bool(a.mode and a.mode == b.mode)),
        ("different modes", DIFFERENT_MODES * bool(a.mode and b.mode and a.mode != b.mode)),
        ("different acts", DIFFERENT_ACTS * bool(a.acts and b.acts and not a.acts & b.acts)),
        ("reported close together", _closeness(a.date, b.date)),
        ("reported months apart", FAR_APART * (_gap(a.window, b.window) > APART_DAYS)),
    ]
    return PairScore(sum(v for _, v in parts), tuple(name for name, v in parts if v))


@cache
def _never(why: str) -> PairScore:
    """One score per reason a pair can never merge (a few), shared by every such pair in the cache."""
    return PairScore(NEVER, (why,))


def _compatible_side(ids_a, ids_b, sides_a, sides_b) -> bool:
    """Participants agree when either is unknown, they share an entity, or they are of one country's side."""
    return not ids_a or not ids_b or bool(ids_a & ids_b) or bool(sides_a & sides_b)


def _days(a: str, b: str) -> int:
    return _ordinal(b) - _ordinal(a)


@lru_cache(maxsize=4096)
def _ordinal(day: str) -> int:
    """Days since year 1 of an ISO day; cached, as a region's few hundred dates are compared many times."""
    return date.fromisoformat(day).toordinal()


def _gap(a: tuple[str, str] | None, b: tuple[str, str] | None) -> int:
    """Days between two intervals (0 when they overlap or one is unknown)."""
    if a is None or b is None:
        return 0
    return max(_days(a[1], b[0]), _days(b[1], a[0]), 0)


def _time_gap(a: EventMention, b: EventMention) -> int:
    """Days between the stated times, or between one's stated time and the other's recent weeks."""
    return max(_gap(a.time, b.time), _gap(a.time, b.window), _gap(a.window, b.time))


def _same_time(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return _gap(a, b) <= TIME_SLACK_DAYS and _days(a[0], a[1]) < 40 and _days(b[0], b[1]) < 40  # a year says little


def _told_early(a: EventMention, b: EventMention) -> int:
    return max(_told_before(a, b), _told_before(b, a))


def _told_before(a: EventMention, b: EventMention) -> int:
    """Days by which b's report predates a's event: b cannot tell a's deed if it was dated before it."""
    if a.time is None or not b.date or len(b.date) != 10:
        return 0
    return max(_days(b.date, a.time[0]), 0)


def _different_things(a: frozenset[str], b: frozenset[str]) -> bool:
    a, b = _specific(a), _specific(b)
    return bool(a and b and not a & b)


@lru_cache(maxsize=4096)
def _specific(words: frozenset[str]) -> frozenset[str]:
    return specific(words)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _closeness(a: str | None, b: str | None) -> float:
    if not a or not b or len(a) != 10 or len(b) != 10:
        return 0.0
    apart = abs(_days(a, b))
    return 0.5 if apart <= NEAR_DAYS else 0.25 if apart <= FAR_DAYS else 0.0
