"""Attach each claim that names no event of its own to the event of the same report it is about.

A credit ("the ministry reported this") points back: it is about the nearest event before it. A reference in
someone's words ("the capture of Soledar") is about the nearest event of its type.
A denial ("Moscow dismissed the reports") is about the event it denies.

The denied event is the one the denier takes part in (as actor first, then as recipient), nearest before the
denial, else after it; a denier the report does not show taking part denies the report's first event of
something that happened (or, in a report of plans only, its first plan). Events that are themselves acts of
saying (ACCUSE, REQUEST...) are not denied this way: "denied the accusations" denies what was alleged, not that
it was alleged. A negated event claimed by one of its own participants ("we have not supplied any weapons", said
by the supplier) is a denial too.
"""

from __future__ import annotations

from claimgraph.extract.events import is_saying
from claimgraph.model import Claim, Event, LooseClaim
from claimgraph.resolve.claims._merge import HAPPENED, entity_keys


def attach_loose_claims(events: list[Event], loose: list[LooseClaim]) -> None:
    for claim in loose:
        if claim.about is not None:
            target = _event_of_type(events, claim)
        else:
            target = _denied_event(events, claim) if claim.status == "denied" else _event_before(events, claim)
        if target is not None:
            target.claims.append(Claim("", claim.speaker, claim.status, claim.cue, claim.said_on,
                                       claim.attribution, claim.evidence))


def _event_before(events: list[Event], credit: LooseClaim) -> Event | None:
    before = [e for e in events if e.evidence.start < credit.cue.start]
    return max(before, key=lambda e: e.evidence.start) if before else None


def _event_of_type(events: list[Event], claim: LooseClaim) -> Event | None:
    """ "the capture of Soledar" in someone's words: the report's event of that type said to have happened whose
    sentence is nearest the speaker's cue (before it first)."""
    kind = [e for e in events if e.type == claim.about and e.status in HAPPENED]
    return min(kind, key=lambda e: _distance(e, claim), default=None)


def _denied_event(events: list[Event], denial: LooseClaim) -> Event | None:
    """What happened is denied first; a report that tells only of a plan has the plan denied."""
    acts = [e for e in events if not is_saying(e.type)]
    candidates = [e for e in acts if e.status in HAPPENED] or acts
    if not candidates:
        return None
    key = denial.speaker.entity or denial.speaker.name.lower()
    ranked = sorted(candidates, key=lambda e: (_role_rank(e, key), _distance(e, denial)))
    best = ranked[0]
    return best if _role_rank(best, key) < 2 else candidates[0]


def _role_rank(event: Event, key: str) -> int:
    if key in entity_keys(event.actor):
        return 0
    return 1 if key in entity_keys(event.recipient) else 2


def _distance(event: Event, denial: LooseClaim) -> tuple[int, int]:
    """Events before the denial first, nearest first; then those after it."""
    gap = denial.cue.start - event.evidence.start
    return (0, gap) if gap >= 0 else (1, -gap)


def participant_claims(event: Event) -> None:
    """What a participant says of its own act: saying it did not happen denies it (`negated` -> `denied`; "Russia
    refused to withdraw" is no saying and stays negated), and claiming it is asserting it (`alleged` ->
    `asserted`: one does not allege one's own deed)."""
    involved = entity_keys(event.actor) | entity_keys(event.recipient)
    actors = entity_keys(event.actor) | {a[key].lower() for a in event.actor for key in ("led_by", "for") if a.get(key)}
    for claim in event.claims:
        speaker = claim.speaker
        keys = {speaker.entity, speaker.name.lower()} - {None} if speaker is not None else set()
        refused = event.roles.get("refusal")
        if claim.status == "negated" and claim.attribution and not refused and keys & involved:
            claim.status = "denied"
        elif claim.status == "alleged" and keys & actors:
            claim.status = "asserted"
