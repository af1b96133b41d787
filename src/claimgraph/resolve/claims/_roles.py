"""A speaker the text describes by role ("the spokesperson for Ukraine's eastern military command") is the person
the report names in that role ("the spokesperson, Serhiy Cherevatyi", "Serhii Cherevaty, a spokesman for the
Ukrainian army", "Kremlin spokesman Dmitry Peskov").

A description that says whom the role serves ("for X", "of X") takes a person of the same role anywhere in the
report, unless that person is said to serve someone else; a bare one ("the spokesman") only a person named
before it, as an anaphor would. Several fitting people and none are left alone: the description stays as it is.

A body's claim ("The Kremlin denied ...") is voiced by the one spokesperson the report names for it ("Kremlin
spokesman Dmitry Peskov"): the person gets a claim of the same status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.model import Claim, Entity, Event, Speaker

ROLE_WORDS = ("spokesman", "spokeswoman", "spokesperson", "representative", "adviser", "advisor", "commander",
              "governor", "ambassador", "envoy", "analyst", "secretary", "minister")
_ROLE = "|".join(ROLE_WORDS)
_SERVES = r"(?:\s+(?:for|of|at|to)\s+(?P<org>[^,.;:\"“”]{2,60}))?"
_AFTER_NAME = re.compile(rf"\s*,\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<role>{_ROLE})\b{_SERVES}", re.I)
_BEFORE_NAME = re.compile(rf"(?P<pre>(?:[A-Z][\w'’.-]*\s+){{0,3}})(?P<role>(?i:{_ROLE}))\b{_SERVES}\s*,?\s*$")
_STOP = frozenset({"the", "a", "an", "of", "for", "in", "at", "to", "and", "its", "his", "her", "their"})


@dataclass(frozen=True)
class RoleHolder:
    role: str
    serves: frozenset[str]  # word stems of whom the role serves; empty when the text does not say
    start: int  # where the person is named in that role
    end: int
    entity: Entity


def role_holders(text: str, entities: list[Entity]) -> list[RoleHolder]:
    """Every person the text names in a role, with where."""
    found = []
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for start, end in entity.mentions:
            for match in (_AFTER_NAME.match(text, end), _BEFORE_NAME.search(text[max(0, start - 90) : start])):
                if match is not None:
                    serves = _stems(match["org"]) | _stems(match.groupdict().get("pre"))
                    found.append(RoleHolder(_singular(match["role"]), serves, start, end, entity))
    return found


def described_person(speaker: Speaker, holders: list[RoleHolder]) -> Entity | None:
    """The one person that fits a described speaker, or None."""
    match = re.search(rf"\b(?P<role>{_ROLE})\b{_SERVES}", speaker.name or "", re.I)
    if match is None or speaker.start is None:
        return None
    role, serves = _singular(match["role"]), _stems(match["org"])
    fitting = {h.entity.id: h.entity for h in holders if h.role == role and _serve_alike(serves, h.serves)
               and (serves or h.start < speaker.start)}
    return next(iter(fitting.values())) if len(fitting) == 1 else None


def _serve_alike(one: frozenset[str], other: frozenset[str]) -> bool:
    return not one or not other or bool(one & other)


def _stems(words: str | None) -> frozenset[str]:
    """ "Ukraine's eastern military command" and "the Ukrainian army" share "ukrai"."""
    tokens = re.findall(r"[a-z]+", (words or "").lower())
    return frozenset(t[:5] for t in tokens if t not in _STOP and len(t) > 2)


def _singular(role: str) -> str:
    role = role.lower()
    return {"spokeswoman": "spokesperson", "spokesman": "spokesperson", "advisor": "adviser"}.get(role, role)


VOICE_ROLES = frozenset({"spokesperson", "representative"})


def voiced_claims(events: list[Event], holders: list[RoleHolder], text: str, country_of=lambda entity_id: "",
                  bodies: frozenset[str] = frozenset()) -> None:
    """ "The Kremlin denied ...", with "Kremlin spokesman Dmitry Peskov said ..." in the report: the one spokesperson
    the report names for the body voices its claims too (a claim of the same status by the person). A spokesperson
    the report names without saying for whom speaks for their own country's bodies (``country_of`` gives an entity's
    CAMEO country, from the gazetteer). Only bodies are voiced (``bodies``: ids of entities that are no person)."""
    for event in events:
        voiced = []
        for claim in event.claims:
            speaker = claim.speaker
            person = _spokesperson(speaker, holders, text, country_of) if speaker and speaker.entity in bodies else None
            if person is not None:
                voiced.append(Claim("", Speaker(person.entity.id, person.entity.name, person.start, person.end),
                                    claim.status, claim.cue, claim.said_on, claim.attribution, claim.evidence))
        event.claims += voiced


def _spokesperson(speaker: Speaker | None, holders: list[RoleHolder], text: str, country_of) -> RoleHolder | None:
    if speaker is None or speaker.start is None or speaker.end is None:
        return None
    body, country = _stems(text[speaker.start : speaker.end]), country_of(speaker.entity)
    voices = {h.entity.id: h for h in holders if h.role in VOICE_ROLES and h.entity.id != speaker.entity
              and (body & h.serves or not h.serves and country and country_of(h.entity.id) == country)}
    return next(iter(voices.values())) if len(voices) == 1 else None
