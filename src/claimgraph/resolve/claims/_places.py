"""A place taken, attacked or left in war is where the event happened, not who it happened to.

"Wagner took control of Soledar": the parse gives Soledar as the recipient of the seizure. A recipient that is
a place (a town the gazetteer does not know as a country, or "the town", "both cities") moves to the event's
``location``. When no one else is left as recipient, the recipient is the other side of the fighting:

- sides are countries, read off the gazetteer's CAMEO codes (Wagner Group is RUSMIL, so Russia's side);
- the other side is the one the report shows fighting (its armed forces are named: "Ukrainian troops"), then
  the one that denies a capture or an attack (the side that held the town denies losing it), then the one it
  names as where the war is ("the war in Ukraine", "the Ukraine crisis", "invasion of Ukraine"),
  then the country it names most (ties: the first named). Only names count, not demonyms: "Iranian drones"
  makes Iran no side;
- territory is taken from, and left to, an army: the recipient of a seizure or a withdrawal is that side's armed
  forces (the report's own entity when it names them, else the gazetteer's name, with no entity id).
Such a recipient carries ``"inferred"`` ("other side", "place") and no span.
"""

from __future__ import annotations

import functools
import re

from claimgraph.extract.events import lexicon, location_role, takes_place
from claimgraph.model import Entity, Event, LooseClaim, Mention
from claimgraph.resolve._gazetteer import Gazetteer
from claimgraph.resolve.claims._unnamed import last_word

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PLACE_WORDS = frozenset({"town", "towns", "city", "cities", "village", "villages", "settlement", "settlements",
                         "area", "areas", "region", "territory", "mine", "mines", "district", "outskirts"})


class _Sides:
    """The countries of one report and their armed forces, as the gazetteer codes them."""

    def __init__(self, text: str, entities: list[Entity], mentions: list[Mention], gazetteer: Gazetteer,
                 speaking: set[str], denying: set[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        self.armies = {_code(e.name, gazetteer)[:3]: e for e in entities if _is_army(e, gazetteer)}
        self.known_armies = _known_armies(gazetteer)
        demonyms = {m.text for m in mentions if m.label == "NORP"}  # "Iranian drones" names no side
        ranked = []
        for entity in entities:
            spans = [s for s in entity.mentions if text[s[0] : s[1]] not in demonyms]
            if _is_country(entity, gazetteer) and (spans or _code(entity.name, gazetteer) in self.armies):
                fighting = _code(entity.name, gazetteer) in self.armies
                theatre = any(_is_theatre(text, start, end) for start, end in entity.mentions)
                ranked.append((not fighting, entity.id not in denying, not theatre, entity.id not in speaking,
                               -len(spans), entity.mentions[0][0], entity))
        self.countries = [row[-1] for row in sorted(ranked, key=lambda row: row[:6])]

    def of(self, people: list[dict]) -> set[str]:
        return {_code(p.get("name", ""), self.gazetteer)[:3] for p in people} - {""}

    def other(self, event: Event) -> Entity | None:
        own = self.of(event.actor)
        if not own:
            return None
        return next((c for c in self.countries if _code(c.name, self.gazetteer) not in own), None)

    def acted_on(self, country: Entity, event: Event, why: str | None = None) -> dict:
        """A seizure, a withdrawal or fighting for ground is between armies: the country's armed forces, else the
        country (a strike on a city hits the country)."""
        code = _code(country.name, self.gazetteer)
        if event.mode == "seize" or event.type == "RETREAT" or _ground_fight(event):
            if code in self.armies:
                return _participant(self.armies[code].id, self.armies[code].name, why)
            if code in self.known_armies:
                return _participant(None, self.known_armies[code], why or "armed forces")
        return _participant(country.id, country.name, why)


def place_recipients(text: str, events: list[Event], entities: list[Entity], mentions: list[Mention],
                     gazetteer: Gazetteer, loose: list[LooseClaim] = ()) -> None:
    by_id = {e.id: e for e in entities}
    said = [c for e in events if takes_place(e.type, e.mode) for c in e.claims] + list(loose)
    speaking = {c.speaker.entity for c in said if c.speaker is not None and c.speaker.entity}
    denying = {c.speaker.entity for c in said if c.speaker is not None and c.speaker.entity and c.status == "denied"}
    sides = _Sides(text, entities, mentions, gazetteer, speaking, denying)
    known: set[str] = set()  # a name taken or left as a place is a place wherever else the report names it
    fights = sorted((e for e in events if takes_place(e.type, e.mode)), key=lambda e: _ground_mode(e) is None)
    for event in fights:
        event.actor = [_fighting_force(a, by_id, sides) for a in event.actor]
        places = [r for r in event.recipient if r.get("entity") in known
                  or _is_place(r, by_id, gazetteer, _ground_mode(event))]
        known |= {r["entity"] for r in places if r.get("entity")}
        if places:
            _set_location(event, places)
            event.recipient = [r for r in event.recipient if r not in places]
        if not event.recipient:
            holder = _country_of_location(event, entities, sides) if not places else sides.other(event)
            why = "place" if not places else "other side"
            event.recipient = [sides.acted_on(holder, event, why)] if holder is not None else []
        else:
            event.recipient = [_armed(r, by_id, sides, event) for r in event.recipient]


_WAR_AFTER = re.compile(r"(?:['’]s)?\s+(?:war|crisis|conflict|front|frontline|invasion)\b", re.IGNORECASE)
_WAR_BEFORE = re.compile(r"\b(?:war|invasion|conflict|fighting|offensive|invaded|invading)\s+(?:in|of|on|against)?\s*$",
                         re.IGNORECASE)


def _is_theatre(text: str, start: int, end: int) -> bool:
    """ "the Ukraine war", "Ukraine's front", "the war in Ukraine", "invaded Ukraine": where the fighting is."""
    return bool(_WAR_AFTER.match(text, end) or _WAR_BEFORE.search(text[max(0, start - 24) : start]))


def _set_location(event: Event, places: list[dict]) -> None:
    if "location" not in event.roles and places[0].get("start") is not None:
        event.roles["location"] = location_role(places)


def _armed(recipient: dict, by_id: dict[str, Entity], sides: _Sides, event: Event) -> dict:
    """A country named as the loser of ground stands for its armed forces (keeping the span that names it)."""
    entity = by_id.get(recipient.get("entity") or "")
    if entity is None or not _is_country(entity, sides.gazetteer):
        return recipient
    army = sides.acted_on(entity, event)
    return {**recipient, "entity": army["entity"], "name": army["name"]}


def _fighting_force(actor: dict, by_id: dict[str, Entity], sides: _Sides) -> dict:
    """Ministries do not take towns, armies do: "the Defence Ministry said it had liberated Soledar" is an act of
    that country's armed forces (a body coded MIL that is not itself an army)."""
    entity = by_id.get(actor.get("entity") or "")
    entry = sides.gazetteer.entry_by_name(entity.name) if entity is not None else None
    if entry is None or entry.kind != "government_body" or not (entry.cameo or "").endswith("MIL"):
        return actor
    code = entry.cameo[:3]
    if sides.known_armies.get(code) in (None, entry.name):
        return actor
    army = sides.armies.get(code)
    return {**actor, "entity": army.id if army else None, "name": sides.known_armies[code], "for": entity.name}


def _participant(entity_id: str | None, name: str, why: str | None) -> dict:
    found = {"entity": entity_id, "name": name, "start": None, "end": None}
    return {**found, "inferred": why} if why else found


@functools.lru_cache(maxsize=4)
def _known_armies(gazetteer: Gazetteer) -> dict[str, str]:
    """Country code -> name of its armed forces, as the gazetteer lists them."""
    return {entry.cameo[:3]: entry.name for entry in gazetteer.entries()
            if entry.kind == "government_body" and (entry.cameo or "").endswith("MIL")
            and ARMY_WORDS & set(entry.name.lower().split())}


def _ground_fight(event: Event) -> bool:
    ground = lexicon().data["fighting"]["ground"]
    return event.type == "ASSAULT" and (bool(event.roles.get("attempt")) or last_word(event, "trigger") in ground)


def _ground_mode(event: Event) -> str | None:
    """An attack on ground that was meant to take it ("tried to take Soledar") reads its target as a seizure's."""
    return "seize" if event.roles.get("attempt") else event.mode


def _is_place(participant: dict, by_id: dict[str, Entity], gazetteer: Gazetteer, event_mode: str | None) -> bool:
    entity = by_id.get(participant.get("entity") or "")
    if participant.get("place"):
        return True
    if entity is None:  # "the town", "both cities": a place noun with no name
        words = participant.get("name", "").lower().split()
        return bool(words) and words[-1] in PLACE_WORDS
    known = gazetteer.entry_by_name(entity.name)
    if known is None and event_mode in ("seize", "withdraw"):
        return True  # seized or left and unknown to the gazetteer: a town, whatever the tagger called it (people
        # taken are arrests or abductions, modes of their own)
    return entity.type in PLACE_TYPES and (known is None or known.kind != "country")


def _country_of_location(event: Event, entities: list[Entity], sides: _Sides) -> Entity | None:
    """ "seized the town in east Ukraine": the country it happened in, when that is not the actor's own."""
    place = event.roles.get("location")
    names = set(place.get("value") or []) if isinstance(place, dict) else set()
    own = sides.of(event.actor)
    for entity in entities:
        if names & {entity.name, *entity.aliases} and _is_country(entity, sides.gazetteer):
            if own and _code(entity.name, sides.gazetteer) not in own:
                return entity
    return None


def _code(name: str, gazetteer: Gazetteer) -> str:
    entry = gazetteer.entry_by_name(name)
    return entry.cameo if entry is not None and entry.cameo else ""


ARMY_WORDS = frozenset({"forces", "army", "military"})


def _is_army(entity: Entity, gazetteer: Gazetteer) -> bool:
    """A state's armed forces ("Ukrainian Armed Forces", RUSMIL): not its ministry, not a private army."""
    entry = gazetteer.entry_by_name(entity.name)
    return entry is not None and _known_armies(gazetteer).get((entry.cameo or "")[:3]) == entry.name


def _is_country(entity: Entity, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.entry_by_name(entity.name)
    return entry is not None and entry.kind == "country"
