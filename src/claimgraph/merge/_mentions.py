"""One report's event as the merge layer sees it: canonical participants, their sides, a time interval, words."""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, fields
from datetime import date, timedelta
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from claimgraph.model import Event
from claimgraph.resolve import Gazetteer, default_gazetteer

# Statuses of something that has not happened (yet): a plan and its fulfilment are two events, linked.
UNREALISED = frozenset({"planned", "considered", "hypothetical"})
_CONCRETE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?")
_WORD = re.compile(r"[a-z][a-z-]{2,}")


@dataclass(frozen=True, slots=True)
class Derived:
    """A mention's days as day numbers (date.toordinal), and the object words that say which thing."""

    time: tuple[int, int] | None
    window: tuple[int, int] | None
    reported: int | None  # the report's day, when it is dated to the day
    specific: frozenset[str]


def _day_numbers(days: tuple[str, str] | None) -> tuple[int, int] | None:
    return None if days is None else (date.fromisoformat(days[0]).toordinal(), date.fromisoformat(days[1]).toordinal())


@dataclass(frozen=True)
class EventMention:
    """A report-level event, reduced to what decides whether two reports tell the same happening."""

    key: str  # "<document id>/<event id>"
    document_id: str
    date: str | None  # the report's date, at its precision
    type: str
    mode: str | None
    status: str
    time: tuple[str, str] | None  # first and last ISO day the event's own time covers
    window: tuple[str, str] | None  # without its own time: the weeks before its report (news tells recent events)
    actors: frozenset[str]  # canonical entity ids (names where unresolved)
    recipients: frozenset[str]
    actor_sides: frozenset[str]  # CAMEO country codes ("RUS") of the participants
    recipient_sides: frozenset[str]
    places: frozenset[str]
    words: frozenset[str]  # what was moved, used or done, as folded words
    acts: frozenset[str] = frozenset()  # kinds of act its trigger names (data/merge.yaml `acts`): "transfer"

    @cached_property
    def fingerprint(self) -> int:
        """The fields' hash, computed once: merging looks pairs of mentions up by it hundreds of times a report."""
        return hash(tuple(getattr(self, f.name) for f in fields(self)))

    def __hash__(self) -> int:
        return self.fingerprint

    def __getstate__(self) -> dict:
        """Pickled without the cached hash: another process hashes strings with another seed."""
        return {k: v for k, v in self.__dict__.items() if k != "fingerprint"}

    @cached_property
    def derived(self) -> Derived:
        """What scoring a pair compares, computed once: merging scores each mention with hundreds of others."""
        reported = date.fromisoformat(self.date).toordinal() if self.date and len(self.date) == 10 else None
        return Derived(_day_numbers(self.time), _day_numbers(self.window), reported, specific(self.words))

    @property
    def unrealised(self) -> bool:
        return self.status in UNREALISED

    @property
    def participants(self) -> frozenset[str]:
        return self.actors | self.recipients


def mention_of(document_id: str, report_date: str | None, event: Event,
               gazetteer: Gazetteer | None = None) -> EventMention:
    gazetteer = gazetteer or default_gazetteer()
    actors, recipients = _ids(event.actor), _ids(event.recipient)
    time = _lasting(event, time_interval(event.time.value if event.time else None, report_date), report_date)
    return EventMention(
        key=f"{document_id}/{event.id}", document_id=document_id, date=report_date, type=event.type,
        mode=event.mode, status=event.status, time=time, window=None if time else _recent(report_date, event.status),
        actors=actors, recipients=recipients, actor_sides=_sides(event.actor, gazetteer),
        recipient_sides=_sides(event.recipient, gazetteer), places=_places(event), words=_object_words(event),
        acts=acts_of(_role_text(event.roles.get("trigger"))),
    )


def acts_of(trigger: str) -> frozenset[str]:
    """The acts of a trigger's last word that names one ("took delivery" -> transfer, "took control" -> seizure)."""
    for word in reversed(_WORD.findall(trigger.casefold())):
        acts = frozenset(act for act, stems in _lexicon()["acts"].items() if any(word.startswith(s) for s in stems))
        if acts:
            return acts
    return frozenset()


def _role_text(value) -> str:
    return (value.get("text") if isinstance(value, dict) else value if isinstance(value, str) else None) or ""


def _ids(people: list[dict]) -> frozenset[str]:
    """Canonical ids; a participant left unresolved ("his country", "its forces") is as good as unknown."""
    return frozenset(p["entity"] for p in people if p.get("entity"))


def _sides(people: list[dict], gazetteer: Gazetteer) -> frozenset[str]:
    return frozenset(filter(None, (_side(p.get("name", ""), gazetteer) for p in people)))


@lru_cache(maxsize=4096)
def _side_of_name(name: str, gazetteer: Gazetteer) -> str:
    entry = gazetteer.entry_by_name(name) or gazetteer.lookup(name)
    return (entry.cameo or "")[:3] if entry is not None else ""


def _side(name: str, gazetteer: Gazetteer) -> str:
    return _side_of_name(name, gazetteer) if name else ""


def _places(event: Event) -> frozenset[str]:
    location = event.roles.get("location")
    text = location.get("text") if isinstance(location, dict) else None
    if not text or not text[:1].isupper():  # a named place, not "the city"
        return frozenset()
    return frozenset(_folded_words(text))


def _object_words(event: Event) -> frozenset[str]:
    found: set[str] = set()
    for role in ("item", "instrument", "about"):
        found |= _folded_words(_common_words(_role_text(event.roles.get(role))))
    kind = event.roles.get("kind")
    if isinstance(kind, dict) and kind.get("value"):
        found.add("kind:" + kind["value"])  # a sanction's kind, whole: a terrorist listing is no export ban
    return frozenset(found)


def _common_words(text: str) -> str:
    """The phrase without names ("North Korean rockets" -> "rockets"): who is named is compared as a participant,
    not as the object. Words of the lexicon stay however written ("Shahed drones", "Drones" in a headline)."""
    known = _lexicon()["same"]
    return " ".join(w for w in text.split() if not w[:1].isupper() or _singular(w.casefold().strip("'’‘“”")) in known)


def specific(words: frozenset[str]) -> frozenset[str]:
    """Object words that say which thing ("rocket", "shell"), without the generic ones ("weapon", "equipment")."""
    generic = _lexicon()["generic"]
    return words if words.isdisjoint(generic) else words - generic  # the same set, not a copy, when none is generic


def _folded_words(text: str) -> set[str]:
    lexicon = _lexicon()
    words = (_singular(w) for w in _WORD.findall(text.casefold()))
    return {lexicon["same"].get(w, w) for w in words if w not in lexicon["stop"]}


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    data = yaml.safe_load(resources.files("claimgraph.data").joinpath("merge.yaml").read_text("utf-8"))
    same = {w: head for head, variants in data["same_thing"].items() for w in [head, *variants]}
    return {"same": same, "stop": frozenset(data["not_object_words"]), "acts": data["acts"],
            "generic": frozenset(data["generic_objects"])}


_SINCE = re.compile(r"\b(?:since|from)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:before|prior to|until|ahead of)\s+(?:the\s+|\w+['’]s\s+)?$", re.IGNORECASE)
_LONG_AGO = "1900-01-01"


def _lasting(event: Event, time: tuple[str, str] | None, report_date: str | None) -> tuple[str, str] | None:
    """ "fighting since August": the event runs from that time to its report, not only in August; "shipped before
    the February 24 invasion": it happened at some time before."""
    if time is None or event.time is None:
        return time
    offset = event.time.start - event.evidence.start
    preceding = event.evidence.text[max(offset - 24, 0):offset] if 0 < offset <= len(event.evidence.text) else ""
    reported = time_interval(report_date, None)
    if reported is not None and _SINCE.search(preceding):
        return time[0], max(time[1], reported[1])
    if _BEFORE.search(preceding):
        return _LONG_AGO, time[0]
    return time


# A deed a report tells without its time happened in about the RECENT_DAYS before the report.
RECENT_DAYS = 30


def _recent(report_date: str | None, status: str) -> tuple[str, str] | None:
    reported = time_interval(report_date, None)
    if reported is None or status in UNREALISED:
        return None
    return shifted(date.fromisoformat(reported[0]), -RECENT_DAYS).isoformat(), reported[1]


def shifted(day: date, days: int) -> date:
    """The day so many days later (earlier when negative), held within the calendar (a report of 0001-01-05)."""
    room = (date.max - day).days if days > 0 else (day - date.min).days
    return day + timedelta(days=max(min(days, room), -room))


def time_interval(value: str | None, report_date: str | None) -> tuple[str, str] | None:
    """The days a TIMEX3 value covers ("2022-08" -> 2022-08-01..2022-08-31); None when it names no calendar time.

    PRESENT_REF is the report's own date."""
    if value == "PRESENT_REF":
        value = report_date
    match = _CONCRETE.match(value or "")
    if not match:
        return None
    year, month, day, week = match.groups()
    try:
        return _interval(int(year), month, day, week)
    except (ValueError, OverflowError):  # no such day; a week running past 9999-12-31
        return None


def _interval(year: int, month: str | None, day: str | None, week: str | None) -> tuple[str, str]:
    if week:
        first = date.fromisocalendar(year, int(week), 1)
        return first.isoformat(), shifted(first, 6).isoformat()  # the last week of 9999 ends with the calendar
    if day:
        one = date(year, int(month), int(day)).isoformat()
        return one, one
    if month:
        first = date(year, int(month), 1)
        return first.isoformat(), first.replace(day=calendar.monthrange(year, first.month)[1]).isoformat()
    return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()  # the year 0 is no year: ValueError


def mention_to_json(mention: EventMention) -> str:
    """The stored form of a mention (the store keeps it opaque): every field, sets as sorted lists."""
    values = {f.name: getattr(mention, f.name) for f in fields(mention)}
    values = {k: sorted(v) if isinstance(v, frozenset) else v for k, v in values.items()}
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


# Keyed by the stored text itself, so a cached mention is never stale: each new report reads back the same few
# hundred stored events its neighbours read.
@lru_cache(maxsize=10_000)
def mention_from_json(text: str) -> EventMention:
    values = json.loads(text)
    for name in ("time", "window"):
        values[name] = tuple(values[name]) if values[name] else None
    sets = ("actors", "recipients", "actor_sides", "recipient_sides", "places", "words", "acts")
    return EventMention(**{k: _frozen(tuple(v)) if k in sets else v for k, v in values.items()})


# The cached mentions' sets are few (mostly empty, or {"RUS"}, or one country): one object each, shared, where every
# mention held its own; the collector walked them all on every full collection.
@lru_cache(maxsize=16_384)
def _frozen(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(values)
