"""Tie the claim layer to canonical entities: participants, speakers, and which attribution carries which event."""

from __future__ import annotations

from claimgraph.extract.claims import carrying
from claimgraph.model import Attribution, Entity, Event, LooseClaim, Speaker
from claimgraph.resolve._gazetteer import fold
from claimgraph.resolve.claims._roles import RoleHolder, described_person


def link_claims(events: list[Event], attributions: list[Attribution], entities: list[Entity],
                outlet: str | None, loose: list[LooseClaim] = (), holders: list[RoleHolder] = ()) -> None:
    """Fill entity ids in place (participants, the speakers of attributions, claims and ``loose`` claims); an
    event no attribution carries is the report's own, sourced to its outlet. With the report's role ``holders``, a
    speaker described by role is the person the report names in it."""
    spans = mention_index(entities)
    for speaker in [a.speaker for a in attributions] + [c.speaker for c in loose]:
        link_speaker(speaker, spans, holders)
    for event in events:
        for participant in event.actor + event.recipient + _actor_roles(event):
            _link_participant(participant, spans)
        for claim in event.claims:
            if claim.speaker is not None:
                link_speaker(claim.speaker, spans, holders)
        if not event.attributions:  # the claims step has already set them; a caller without it has not
            event.attributions = [a.id for a in carrying(event, attributions)]
    mark_own_voice(events, outlet)


def mark_own_voice(events: list[Event], outlet: str | None) -> None:
    """An event no attribution carries is the report's own word (set again after events merge)."""
    for event in events:
        if event.attributions:
            event.roles.pop("source", None)
        else:
            event.roles["source"] = {"outlet": outlet, "kind": "the report itself"}


def link_speaker(speaker: Speaker, spans, holders: list[RoleHolder] = ()) -> None:
    """The entity that names the speaker; in a described speaker ("The head of Wagner, Yevgeny Prigozhin") the
    person named inside the description, or the person named elsewhere in the role it describes ("the
    spokesperson for ..."), but never the country of "a US official". A speaker linked once stays so (claims share
    their attribution's speaker)."""
    if speaker.entity:
        return
    entity = (_entity_at(spans, speaker.start, speaker.end) or _person_within(spans, speaker.start, speaker.end)
              or described_person(speaker, holders))
    if entity is None or entity.id.startswith("cg:") and entity.type == "ORG":
        entity = _described(spans, speaker.name, entity) or entity
    if entity is not None:
        speaker.entity, speaker.name = entity.id, entity.name


def mention_index(entities: list[Entity]) -> list[tuple[int, int, Entity]]:
    return sorted((start, end, entity) for entity in entities for start, end in entity.mentions)


# A mention must cover at least this share of a span to name it: "a US official" is not the United States.
_MIN_COVER = 0.5


def _entity_at(spans: list[tuple[int, int, Entity]], start: int | None, end: int | None) -> Entity | None:
    """The entity whose mention covers most of [start, end), if one covers enough of it."""
    if start is None or end is None or end <= start:
        return None
    overlapping = [(min(e, end) - max(s, start), entity) for s, e, entity in spans if s < end and start < e]
    if not overlapping:
        return None
    covered, entity = max(overlapping, key=lambda pair: pair[0])
    return entity if covered >= _MIN_COVER * (end - start) else None


def _person_within(spans, start: int | None, end: int | None) -> Entity | None:
    if start is None or end is None:
        return None
    people = [entity for s, e, entity in spans if start <= s and e <= end and entity.type == "PERSON"]
    return people[-1] if people else None


def _described(spans, name: str | None, unknown: Entity | None = None) -> Entity | None:
    """ "the ministry", "Defence Ministry": the known organisation of the report whose name holds every word of the
    description (the most mentioned, if several); ``unknown`` is the description's own entity, if it got one."""
    words = _words(name or "")
    if not words or len(words) > 3:
        return None
    own = _words(unknown.name) if unknown is not None else set()
    found = {}
    for _, _, entity in spans:
        if entity is unknown or entity.type != "ORG":
            continue
        for name in [entity.name, *entity.aliases]:
            candidate = _words(name)
            if words <= candidate and candidate - own:  # a fuller name than the description's own entity
                found[entity.id] = entity
    return max(found.values(), key=lambda e: len(e.mentions)) if found else None


def _words(name: str) -> set[str]:
    return set(fold(name).split()) - {"the", "a", "an", "its", "his", "her"}


def _actor_roles(event: Event) -> list[dict]:
    """Domain roles that name an actor ("intermediary", "end_user", "authority"): dicts with an "entity" key."""
    found = []
    for value in event.roles.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and "entity" in item and "name" in item:
                found.append(item)
    return found


def _link_participant(participant: dict, spans) -> None:
    if participant.get("entity"):
        return
    entity = _entity_at(spans, participant.get("start"), participant.get("end"))
    if entity is not None:
        participant["entity"], participant["name"] = entity.id, entity.name
