"""The data model: plain dataclasses shared by every layer. No I/O here.

Offsets everywhere are Python string indices (Unicode code points) into
``Document.text`` exactly as stored, so ``text[start:end]`` is the span.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

SCHEMA_VERSION = "1.2.0"

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
# Claim statuses that say an event happened, strongest first; with a "denied" claim beside one, the event is disputed.
HAPPENED_STATUSES = ("confirmed", "asserted", "reported", "believed", "alleged", "possible")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")
DATE_PRECISIONS = ("day", "month", "year")
# Where a document's date came from: its own record (field, seed header), its text (dateline, "Published ..."),
# its HTML metadata, the --date argument, or nowhere.
DATE_SOURCES = ("record", "text", "html", "argument", "none")
_PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year"}
# Prefix of the pipeline["language"] label of a document read no further than its language ("set-aside:it").
SET_ASIDE = "set-aside:"
# spaCy reads at most 1,000,000 characters, and time and memory grow with a document's length; a report this long
# is a book or a dump, not news: the readers refuse it, and the pipeline never parses one however it came.
MAX_CHARACTERS = 200_000
# The parser's memory grows with tokens (about 20 kB each), and a text of marks ("((((", quotes) is a token a
# character: 200,000 of them took 4 GB. 60,000 is half again the tokens of the longest report the character bound
# lets in when it is prose.
MAX_TOKENS = 60_000
_TOKEN = re.compile(r"\w+|[^\w\s]")


def too_large(text: str) -> str | None:
    """Why a text is too large to be read as one report ("holds 250,000 characters, over the 200,000"), or None."""
    if len(text) > MAX_CHARACTERS:
        return f"holds {len(text):,} characters, over the {MAX_CHARACTERS:,}"
    if len(text) > MAX_TOKENS and (tokens := len(_TOKEN.findall(text))) > MAX_TOKENS:
        return f"holds about {tokens:,} words and marks, over the {MAX_TOKENS:,}"
    return None


def iso_day(value: str | None) -> str | None:
    """The ISO day a TIMEX3 value or report date starts with ("2022-11-20T10:00"); None for "2022-W05-WE",
    "2022-11" or "2022-02-30"."""
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def date_precision(date: str | None) -> str | None:
    """The precision ("day", "month", "year") of an ISO date of that shape (2023-01-11, 2023-01, 2022), else None."""
    return _PRECISION_BY_LENGTH.get(len(date)) if date else None


@dataclass
class Document:
    """One dated report as read from its source, before any analysis."""

    text: str
    date: str | None = None  # ISO date at its precision: "2023-01-11", "2023-01", "2022", or None when unknown
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # file (or "<stdin>") the document came from
    line: int | None = None  # 1-based line/record in that source, for JSONL and CSV
    date_precision: str | None = None  # one of DATE_PRECISIONS, or None without a date; read off ``date`` if not given
    date_source: str | None = None  # one of DATE_SOURCES; "record" (or "none" without a date) if not given
    language: str | None = None  # ISO 639-1 code ("en", "it"), or None when unsure

    def __post_init__(self) -> None:
        if self.date_precision is None:
            self.date_precision = date_precision(self.date)
        if self.date_source is None:
            self.date_source = "none" if self.date is None else "record"

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
    start: int | None  # None for a speaker the text does not name: the report's own outlet
    end: int | None


@dataclass
class Attribution:
    """Who said something, with which cue, about which span (issue: claim layer)."""

    id: str
    speaker: Speaker
    cue: Span
    content: Span
    outlet_chain: list[str] = field(default_factory=list)


@dataclass
class Claim:
    """One speaker's word on an event, with how sure they are: "Kirby said", "Pyongyang denied", "as per Reuters".

    ``status`` is one of the statuses of data/status.yaml; ``said_on`` the TIMEX3 value of when it was said
    (the cue's own time, else the report's date for the report's own voice); ``attribution`` the attribution
    it comes from, if any; ``evidence`` the sentence that makes the claim.
    """

    id: str
    speaker: Speaker | None
    status: str
    cue: Span | None
    said_on: str | None
    attribution: str | None
    evidence: Span


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
    claims: list[Claim] = field(default_factory=list)


@dataclass
class LooseClaim:
    """A claim that names no event of its own: a denial ("Moscow dismissed the reports", "called it groundless"),
    a credit ("the ministry reported this"), or an event mentioned in someone's words ("the capture of Soledar",
    ``about`` its type).

    Working state between the extract and resolve layers: resolve attaches it, as a claim with ``status``, to the
    event of the same report that it is about.
    """

    speaker: Speaker
    cue: Span
    evidence: Span
    attribution: str | None = None
    said_on: str | None = None
    status: str = "denied"
    about: str | None = None  # the PLOVER type of the event it is about, when the text says ("the capture")


@dataclass
class EventReference:
    """A definite noun that refers back to an event of the report ("the capture of Soledar", "the attacks").

    Working state between the events and claims steps: who mentions it in their words presupposes the event.
    """

    type: str
    span: Span


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
    loose_claims: list[LooseClaim] = field(default_factory=list, repr=False)
    event_references: list[EventReference] = field(default_factory=list, repr=False)
    nlp_doc: Any = field(default=None, repr=False, compare=False)

    @property
    def set_aside_for(self) -> str | None:
        """The language of a document the English-only steps were not run on ("it"), else None."""
        label = self.pipeline.get("language", "")
        return label.removeprefix(SET_ASIDE) if label.startswith(SET_ASIDE) else None

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
            "date_precision": doc.date_precision,
            "date_source": doc.date_source,
            "language": doc.language,
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
