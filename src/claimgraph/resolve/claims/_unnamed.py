"""Mentions that name no participant go on telling an event the report has already given its participants.

- Fighting that names neither side ("there was fierce fighting in Soledar", "the fighting continued") is the
  report's fight: it takes the sides of the first attack or seizure that names both (preferring one at the same
  place; the sides of a war are the same elsewhere), else of a withdrawal the other way round, marked
  ``"inferred": "report's fight"``.
- A seizure that names no one ("the city had been taken", "the entire territory has been taken under control")
  is the report's seizure that names who took it (at the same place when it names one), marked ``"inferred":
  "report's seizure"``.
- A transfer of things already named ("However, the drones were delivered months before the war", "a small
  number of drones had been shipped") is the nearest earlier transfer of those things that names giver and
  receiver, marked ``"inferred": "report's transfer"``.
A report that names no such event leaves the mention as it is. The merge that follows then makes each such
mention one event with the one it continues when both are of one type, every telling adding its claim.
"""

from __future__ import annotations

from claimgraph.extract.events import lexicon
from claimgraph.model import Event
from claimgraph.resolve.claims._merge import named_places

DEFINITE = frozenset({"the", "these", "those", "such"})
REPORTS_FIGHT = "report's fight"
REPORTS_TRANSFER = "report's transfer"
REPORTS_SEIZURE = "report's seizure"


def name_the_unnamed(events: list[Event]) -> None:
    """Give participant-less mentions the participants of the event they continue, in place."""
    for number, event in enumerate(events):
        if event.actor or event.recipient:
            continue
        source, why = None, None
        reverse = False
        if event.type == "ASSAULT" and last_word(event, "trigger") in lexicon().data["fighting"]["two_sided"]:
            (source, reverse), why = _fight_of(event, events), REPORTS_FIGHT
        elif event.type == "AID" and _definite_items(event):
            source, why = _transfer_before(event, events[:number]), REPORTS_TRANSFER
        elif event.mode == "seize":
            source, why = _seizure_of(event, events), REPORTS_SEIZURE
        if source is not None:
            actor, recipient = (source.recipient, source.actor) if reverse else (source.actor, source.recipient)
            event.actor = [_inferred(p, why) for p in actor]
            event.recipient = [_inferred(p, why) for p in recipient]


def _fight_of(event: Event, events: list[Event]) -> tuple[Event | None, bool]:
    """The report's attack or seizure that names both sides; else its withdrawal, the other way round (who
    withdrew was attacked by whom the ground was left to). Second: whether the sides are reversed."""
    for kinds, reverse in ((("ASSAULT", "seize"), False), (("RETREAT",), True)):
        named = [e for e in events if (e.type in kinds or e.mode in kinds) and _named_both(e)]
        here = named_places(event)
        found = next((e for e in named if here and here & named_places(e)), named[0] if named else None)
        if found is not None:
            return found, reverse
    return None, False


def _seizure_of(event: Event, events: list[Event]) -> Event | None:
    """ "the city had been taken": the report's seizure that names who took it, at the same place when known."""
    named = [e for e in events if e.mode == "seize" and e is not event and _named_both(e)]
    here = named_places(event)
    return next((e for e in named if here and here & named_places(e)), named[0] if named and not here else None)


def _transfer_before(event: Event, earlier: list[Event]) -> Event | None:
    noun = last_word(event, "item")
    for candidate in reversed(earlier):
        if candidate.type == "AID" and _named_both(candidate) and noun in _words(candidate, "item"):
            return candidate
    return None


def _named_both(event: Event) -> bool:
    return bool(event.actor and event.recipient) and not any(p.get("inferred") for p in event.actor)


def _definite_items(event: Event) -> bool:
    """ "the drones", or a part of things of a kind ("a small number of drones", "dozens of the drones")."""
    words = _words(event, "item")
    return len(words) >= 2 and (words[0] in DEFINITE or "of" in words[1:-1])


def _words(event: Event, role: str) -> list[str]:
    value = event.roles.get(role)
    return value.get("text", "").lower().split() if isinstance(value, dict) else []


def last_word(event: Event, role: str) -> str:
    """The last word of a span role ("trigger", "item"), lower case; empty when there is none."""
    words = _words(event, role)
    return words[-1] if words else ""


def _inferred(participant: dict, why: str) -> dict:
    return {**participant, "start": None, "end": None, "inferred": participant.get("inferred") or why}
