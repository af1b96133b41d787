"""The data model: plain dataclasses shared by every layer. No I/O here.

Offsets everywhere are Python string indices (Unicode code points) into
``Document.text`` exactly as stored, so ``text[start:end]`` is the span.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "1.1.0"

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One dated report as read from its source, before any analysis."""

    text: str
    date: str | None = None  # ISO date (YYYY-MM-DD) the report was published
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # file (or "<stdin>") the document came from
    line: int | None = None  # 1-based line/record in that source, for JSONL and CSV

    @property
    def text_sha256(self) -> str:
        return sha256_text(self.text)

    @property
    def location(self) -> str:
        """Human-readable origin used in messages: ``file:line`` or ``file``."""
        where = self.source or "<input>"
        return f"{where}:{self.line}" if self.line else where


@dataclass
class Mention:
    """A raw named-entity span, as found by the tagger (before resolution)."""

    start: int
    end: int
    text: str
    label: str


@dataclass
class Entity:
    """A canonical entity within one document with all of its mention spans."""

    id: str
    name: str
    type: str
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Timex:
    """A time expression normalised against the document date (TIMEX3)."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3 value, e.g. 2022-11, PRESENT_REF, P2W, XXXX-WXX-4


@dataclass
class Quantity:
    """A counted amount: ``50,000 mercenaries``, ``dozens of civilians``."""

    id: str
    text: str
    start: int
    end: int
    value: float | int
    approximate: bool = False
    counts: str | None = None  # what is counted, as written ("mercenaries")
    part_of: str | None = None  # id of the quantity this one is a part of


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Speaker:
    entity: str | None  # canonical entity id, or None for "an official"
    name: str
    start: int
    end: int


@dataclass
class Attribution:
    """Who said something, with which cue, about which span (issue: claim layer)."""

    id: str
    speaker: Speaker
    cue: Span
    content: Span
    outlet_chain: list[str] = field(default_factory=list)


@dataclass
class Event:
    """A PLOVER event with its roles, status and evidence (issue: claim layer)."""

    id: str
    type: str
    mode: str | None
    actor: list[dict[str, Any]]
    recipient: list[dict[str, Any]]
    status: str
    time: Timex | None
    evidence: Span
    attributions: list[str] = field(default_factory=list)
    roles: dict[str, Any] = field(default_factory=dict)


@dataclass
class Extraction:
    """Everything claimgraph read from one document: the output contract."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    pipeline: dict[str, str] = field(default_factory=dict)  # step name -> versioned algorithm
    # Working state between pipeline steps; never serialised.
    mentions: list[Mention] = field(default_factory=list, repr=False)
    nlp_doc: Any = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form published in ``schema/extraction.schema.json``."""
        doc = self.document
        return {
            "schema_version": SCHEMA_VERSION,
            "id": doc.id,
            "date": doc.date,
            "title": doc.title,
            "url": doc.url,
            "outlet": doc.outlet,
            "text_sha256": doc.text_sha256,
            "entities": [_entity_dict(e) for e in self.entities],
            "timexes": [asdict(t) for t in self.timexes],
            "quantities": [asdict(q) for q in self.quantities],
            "attributions": [asdict(a) for a in self.attributions],
            "events": [_event_dict(e) for e in self.events],
            "pipeline": dict(self.pipeline),
        }


def _entity_dict(entity: Entity) -> dict[str, Any]:
    data = asdict(entity)
    data["mentions"] = [list(m) for m in entity.mentions]
    return data


def _event_dict(event: Event) -> dict[str, Any]:
    data = asdict(event)
    roles = data.pop("roles")
    data.update(roles)  # domain roles live under their own top-level keys
    return data
