"""A place taken in war is where the event happened, not who it happened to.

"Wagner took control of Soledar": the parse gives Soledar as the recipient of the seizure. A recipient that is
a place (a town the gazetteer does not know as a country, or "the town", "both cities") moves to the event's
``location``. When no one else is left as recipient, the recipient is the other side of the fighting: the
country the report mentions most whose side is not the actor's (sides from the gazetteer's CAMEO codes: Wagner
Group is RUSMIL, so Russia's side). Such a recipient carries ``"inferred": "other side"`` and no span.
"""

from __future__ import annotations

from collections import Counter

from claimgraph.model import Entity, Event
from claimgraph.resolve._gazetteer import Gazetteer

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_WORDS = frozenset({"town", "towns", "city", "cities", "village", "villages", "settlement", "settlements",
                         "area", "areas", "region", "territory", "mine", "mines", "district", "outskirts"})


def place_recipients(events: list[Event], entities: list[Entity], gazetteer: Gazetteer) -> None:
    by_id = {e.id: e for e in entities}
    for event in events:
        if event.mode != "seize":
            continue
        places = [r for r in event.recipient if _is_place(r, by_id, gazetteer)]
        if not places:
            continue
        if "location" not in event.roles and places[0].get("start") is not None:
            first = places[0]
            event.roles["location"] = {"start": first["start"], "end": first["end"], "text": first["name"],
                                       "value": [p["name"] for p in places]}
        event.recipient = [r for r in event.recipient if r not in places] or _other_side(event, entities, gazetteer)


def _is_place(participant: dict, by_id: dict[str, Entity], gazetteer: Gazetteer) -> bool:
    entity = by_id.get(participant.get("entity") or "")
    if participant.get("place"):
        return True
    if entity is None:
        words = participant.get("name", "").lower().split()
        return bool(words) and words[-1] in PLACE_WORDS
    known = gazetteer.entry_by_name(entity.name)
    return entity.type in PLACE_TYPES and (known is None or known.kind != "country")


def _country_code(name: str, gazetteer: Gazetteer) -> str | None:
    entry = gazetteer.entry_by_name(name)
    if entry is None or not entry.cameo:
        return None
    return entry.cameo[:3]


def _other_side(event: Event, entities: list[Entity], gazetteer: Gazetteer) -> list[dict]:
    sides = {_country_code(a.get("name", ""), gazetteer) for a in event.actor} - {None}
    if not sides:
        return []
    counts = Counter({e.id: len(e.mentions) for e in entities})
    countries = [e for e in entities if _is_country(e, gazetteer) and _country_code(e.name, gazetteer) not in sides]
    if not countries:
        return []
    other = max(countries, key=lambda e: (counts[e.id], -e.mentions[0][0]))
    return [{"entity": other.id, "name": other.name, "start": None, "end": None, "inferred": "other side"}]


def _is_country(entity: Entity, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.entry_by_name(entity.name)
    return entry is not None and entry.kind == "country"
