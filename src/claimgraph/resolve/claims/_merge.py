"""One happening told twice in one report is one event with both claims.

Two events of a report merge when nothing tells them apart: the same type, compatible modes, the same
participants (the same actors, and the same recipients or one side silent), times and places that agree, no two
different counts of the item, and both about something that happened (or both the same plan). A plan and its
fulfilment, or two shipments with different numbers, stay apart. The earlier event absorbs the later one:
it keeps its evidence, fills what it lacks, takes every claim, and lists the merged ids in ``roles["merged"]``.
"""

from __future__ import annotations

from claimgraph.model import Event

# Claims of these statuses are all about a happening that is said to be real, or said not to be.
HAPPENED = frozenset({"asserted", "confirmed", "believed", "reported", "alleged", "denied", "negated"})


def merge_report_events(events: list[Event]) -> list[Event]:
    """The report's events with the same happening's mentions merged, in text order."""
    kept: list[Event] = []
    for event in events:
        target = next((k for k in kept if _same_happening(k, event)), None)
        if target is None:
            kept.append(event)
        else:
            _absorb(target, event)
    return kept


def _same_happening(a: Event, b: Event) -> bool:
    return (a.type == b.type and _modes_agree(a, b) and _participants_agree(a, b) and _times_agree(a, b)
            and _places_agree(a, b) and _counts_agree(a, b) and _reality_agrees(a, b))


def _modes_agree(a: Event, b: Event) -> bool:
    return a.mode is None or b.mode is None or a.mode == b.mode


def entity_keys(people: list[dict]) -> set[str]:
    return {p.get("entity") or p.get("name", "").lower() for p in people}


def _participants_agree(a: Event, b: Event) -> bool:
    """Shared participants are not enough ("North Korea sent rockets to Wagner" and "... shells to Russia's
    ministry" share North Korea and Russia): the sets must be the same where both sides name them."""
    actors = _relation(entity_keys(a.actor), entity_keys(b.actor))
    recipients = _relation(entity_keys(a.recipient), entity_keys(b.recipient))
    if "clash" in (actors, recipients):
        return False
    return actors == "same" or recipients == "same"


def _relation(x: set[str], y: set[str]) -> str:
    if not x or not y:
        return "silent"
    return "same" if x == y else "clash"


def _places_agree(a: Event, b: Event) -> bool:
    x, y = named_places(a), named_places(b)
    return not x or not y or bool(x & y)


def named_places(event: Event) -> set[str]:
    """Where an event is, by name: "the town" names no place (it points back to one)."""
    return {p for p in places_of(event) if not p.startswith(("the ", "this ", "that ", "its "))}


def places_of(event: Event) -> set[str]:
    place = event.roles.get("location")
    return {v.lower() for v in place.get("value", [])} if isinstance(place, dict) else set()


def _times_agree(a: Event, b: Event) -> bool:
    if a.time is None or b.time is None:
        return True
    x, y = a.time.value, b.time.value  # "2022-11" fits "2022-11-03"; an unknown digit (X) fits any
    return all(p == q or "X" in (p, q) for p, q in zip(x, y, strict=False))


def _counts_agree(a: Event, b: Event) -> bool:
    x, y = _count(a), _count(b)
    return x is None or y is None or x == y


def _count(event: Event):
    quantity = event.roles.get("quantity")
    return quantity.get("value") if isinstance(quantity, dict) else None


def _reality_agrees(a: Event, b: Event) -> bool:
    x, y = a.status, b.status
    return (x in HAPPENED and y in HAPPENED) or x == y


def _better_side(kept: list[dict], other: list[dict]) -> list[dict]:
    """The participants the text names, over ones inferred (same entities, by the merge's rule)."""
    if not kept or (all(p.get("inferred") for p in kept) and other and not any(p.get("inferred") for p in other)):
        return other or kept
    return kept


def _absorb(target: Event, other: Event) -> None:
    target.actor = _better_side(target.actor, other.actor)
    target.recipient = _better_side(target.recipient, other.recipient)
    target.time = target.time or other.time
    for key, value in other.roles.items():
        target.roles.setdefault(key, value)
    target.roles["merged"] = target.roles.get("merged", []) + [other.id]
    target.attributions = list(dict.fromkeys(target.attributions + other.attributions))
    target.claims = target.claims + other.claims
