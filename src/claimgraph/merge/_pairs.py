"""Whether two report-level events can tell one happening, and how strongly they look like it (with reasons)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from claimgraph.merge._mentions import Derived, EventMention

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
    return _never_because(a, b, a.derived, b.derived)


def _never_because(a: EventMention, b: EventMention, da: Derived, db: Derived) -> str | None:
    if a.type != b.type:
        return "different types"
    if a.unrealised != b.unrealised:
        return "a plan and a deed"  # linked as a follow-up instead
    if not _compatible_side(a.actors, b.actors, a.actor_sides, b.actor_sides):
        return "different actors"
    if not _compatible_side(a.recipients, b.recipients, a.recipient_sides, b.recipient_sides):
        return "different recipients"
    if da.specific and db.specific and da.specific.isdisjoint(db.specific):
        return "different objects"
    if _gap(da.time, db.time) > APART_DAYS:
        return "different times"  # stated times only: a report may retell an old deed without its time
    if not a.unrealised and _told_early(da, db) > APART_DAYS:
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
    pair = (a.key, a.fingerprint, b.key, b.fingerprint)
    score = _scored.get(pair)
    if score is None:
        if len(_scored) >= SCORED_LIMIT:
            for old in list(islice(_scored, SCORED_LIMIT // 2)):
                del _scored[old]
        score = _scored[pair] = _score(a, b)
    return score


def _score(a: EventMention, b: EventMention) -> PairScore:
    da, db = a.derived, b.derived
    why = _never_because(a, b, da, db)
    if why is not None:
        return _shared(NEVER, (why,))
    # The parts that apply, in a fixed order. Written out rather than as a table of every part: this runs for each
    # new pair, hundreds a report. No "different objects": a pair whose specific objects differ is never one event.
    parts: list[tuple[str, float]] = []
    _participant_parts(a, b, parts)
    _time_parts(a, da, db, parts)
    _what_parts(a, b, parts)
    if (close := _closeness(da.reported, db.reported)) > 0:
        parts.append(("reported close together", close))
    if _gap(da.window, db.window) > APART_DAYS:
        parts.append(("reported months apart", FAR_APART))
    return _shared(sum(v for _, v in parts), tuple(name for name, _ in parts))


@lru_cache(maxsize=8192)
def _shared(score: float, reasons: tuple[str, ...]) -> PairScore:
    """One score object per distinct score and reasons (a few thousand, a few of them NEVER with why), shared by the
    pairs in the cache that have them: fewer objects for the collector to walk on every full collection."""
    return PairScore(score, reasons)


def _participant_parts(a: EventMention, b: EventMention, parts: list) -> None:
    if not a.actors.isdisjoint(b.actors):
        parts.append(("same actor", 1.0))
    elif not a.actor_sides.isdisjoint(b.actor_sides):
        parts.append(("same side acting", 0.5))
    if not a.recipients.isdisjoint(b.recipients):
        parts.append(("same recipient", 1.0))
    elif not a.recipient_sides.isdisjoint(b.recipient_sides):
        parts.append(("same side acted on", 0.5))
    if not a.places.isdisjoint(b.places):
        parts.append(("same place", 0.75))


def _time_parts(a: EventMention, da: Derived, db: Derived, parts: list) -> None:
    if da.time and db.time and _same_time(da.time, db.time):
        parts.append(("same time", 1.0))
    if _time_gap(da, db) > TIME_SLACK_DAYS:
        parts.append(("times disagree", DISAGREEING_TIME))
    if not a.unrealised and _told_early(da, db) > TIME_SLACK_DAYS:
        parts.append(("told before it happened", DISAGREEING_TIME))


def _what_parts(a: EventMention, b: EventMention, parts: list) -> None:
    if (shared := _jaccard(a.words, b.words)) > 0:
        parts.append(("same object", shared))
    if a.mode and a.mode == b.mode:
        parts.append(("same mode", 0.25))
    if a.mode and b.mode and a.mode != b.mode:
        parts.append(("different modes", DIFFERENT_MODES))
    if a.acts and b.acts and a.acts.isdisjoint(b.acts):
        parts.append(("different acts", DIFFERENT_ACTS))


def _compatible_side(ids_a, ids_b, sides_a, sides_b) -> bool:
    """Participants agree when either is unknown, they share an entity, or they are of one country's side."""
    return not ids_a or not ids_b or not ids_a.isdisjoint(ids_b) or not sides_a.isdisjoint(sides_b)


# Days are day numbers (Derived): intervals are (first, last) day, inclusive.
def _gap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    """Days between two intervals (0 when they overlap or one is unknown)."""
    if a is None or b is None:
        return 0
    return max(b[0] - a[1], a[0] - b[1], 0)


def _time_gap(a: Derived, b: Derived) -> int:
    """Days between the stated times, or between one's stated time and the other's recent weeks."""
    return max(_gap(a.time, b.time), _gap(a.time, b.window), _gap(a.window, b.time))


def _same_time(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return _gap(a, b) <= TIME_SLACK_DAYS and a[1] - a[0] < 40 and b[1] - b[0] < 40  # a year says little


def _told_early(a: Derived, b: Derived) -> int:
    return max(_told_before(a, b), _told_before(b, a))


def _told_before(a: Derived, b: Derived) -> int:
    """Days by which b's report predates a's event: b cannot tell a's deed if it was dated before it."""
    if a.time is None or b.reported is None:
        return 0
    return max(a.time[0] - b.reported, 0)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _closeness(a: int | None, b: int | None) -> float:
    if a is None or b is None:
        return 0.0
    apart = abs(a - b)
    return 0.5 if apart <= NEAR_DAYS else 0.25 if apart <= FAR_DAYS else 0.0
