"""A place taken, attacked or left in war is where the event happened, not who it happened to.

"Wagner took control of Soledar": the parse gives Soledar as the recipient of the seizure. A recipient that is
a place (a town the gazetteer does not know as a country, or "the town", "both cities") moves to the event's
``location``. When no one else is left as recipient, the recipient is the other side of the fighting: the country
the report names most (ties: the first named) whose side is not the actor's (sides from the gazetteer's CAMEO
codes: Wagner Group is RUSMIL, so Russia's side). Only names count, not demonyms: "Iranian drones" makes Iran no
side. Such a recipient carries ``"inferred": "other side"`` and no span.
"""

from __future__ import annotations

from claimgraph.extract.events import takes_place
from claimgraph.model import Entity, Event, Mention
from claimgraph.resolve._gazetteer import Gazetteer

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_WORDS = frozenset({"town", "towns", "city", "cities", "village", "villages", "settlement", "settlements",
                         "area", "areas", "region", "territory", "mine", "mines", "district", "outskirts"})


def place_recipients(events: list[Event], entities: list[Entity], mentions: list[Mention],
                     gazetteer: Gazetteer) -> None:
    by_id = {e.id: e for e in entities}
    sides = _sides(entities, mentions, gazetteer)
    for event in events:
        if not takes_place(event.type, event.mode):
            continue
        places = [r for r in event.recipient if _is_place(r, by_id, gazetteer)]
        if not places:
            if not event.recipient:  # "seized the town in east Ukraine": the country it happened in
                event.recipient = _country_of_location(event, entities, gazetteer)
            continue
        if "location" not in event.roles and places[0].get("start") is not None:
            first = places[0]
            event.roles["location"] = {"start": first["start"], "end": first["end"], "text": first["name"],
                                       "value": [p["name"] for p in places]}
        event.recipient = [r for r in event.recipient if r not in places] or _other_side(event, sides, gazetteer)


def _is_place(participant: dict, by_id: dict[str, Entity], gazetteer: Gazetteer) -> bool:
    entity = by_id.get(participant.get("entity") or "")
    if participant.get("place"):
        return True
    if participant.get("name", "").islower():
        return True  # "eastern", "the town": no one to act on
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


def _sides(entities: list[Entity], mentions: list[Mention], gazetteer: Gazetteer) -> list[tuple[int, int, Entity]]:
    """Countries named in the report (as GPE mentions, not demonyms): (-count, first offset, entity), best first."""
    named = {(m.start, m.end) for m in mentions if m.label == "GPE"}
    found = []
    for entity in entities:
        spans = [s for s in entity.mentions if tuple(s) in named]
        if spans and _is_country(entity, gazetteer):
            found.append((-len(spans), spans[0][0], entity))
    return sorted(found, key=lambda row: row[:2])


def _country_of_location(event: Event, entities: list[Entity], gazetteer: Gazetteer) -> list[dict]:
    place = event.roles.get("location")
    names = set(place.get("value") or []) if isinstance(place, dict) else set()
    own = {_country_code(a.get("name", ""), gazetteer) for a in event.actor} - {None}
    for entity in entities:
        if names & {entity.name, *entity.aliases} and _is_country(entity, gazetteer):
            if own and _country_code(entity.name, gazetteer) not in own:
                return [{"entity": entity.id, "name": entity.name, "start": None, "end": None, "inferred": "place"}]
    return []


def _other_side(event: Event, sides, gazetteer: Gazetteer) -> list[dict]:
    own = {_country_code(a.get("name", ""), gazetteer) for a in event.actor} - {None}
    if not own:
        return []
    other = next((e for _, _, e in sides if _country_code(e.name, gazetteer) not in own), None)
    if other is None:
        return []
    return [{"entity": other.id, "name": other.name, "start": None, "end": None, "inferred": "other side"}]


def _is_country(entity: Entity, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.entry_by_name(entity.name)
    return entry is not None and entry.kind == "country"
