"""Query: questions users ask of the store, answered as plain dataclasses (no SQL here)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from claimgraph.errors import InvalidQuery, NotFound
from claimgraph.model import Timex
from claimgraph.query._events import EventList, EventQuery, merged_event_detail, merged_events, timeline
from claimgraph.query._merged import ClaimRow, MergedEvent
from claimgraph.query._network import Edge, Network, Node, network
from claimgraph.query._search import SearchResult, search
from claimgraph.query._sources import Sources
from claimgraph.store import EntitySummary, EventFilter, Judgement, Store, StoredDocument, StoredEvent

__all__ = [
    "ClaimRow",
    "Edge",
    "EntityDetail",
    "EventList",
    "EventQuery",
    "MergedEvent",
    "Network",
    "Node",
    "SearchResult",
    "Sources",
    "entity_id_of",
    "find_document",
    "judge_entities",
    "merged_event_detail",
    "merged_events",
    "network",
    "search",
    "timeline",
    "NearbyTime",
    "entity_detail",
    "list_documents",
    "list_entities",
    "list_events",
    "sentence_bounds",
]

# A sentence ends at . ! ? (optionally closed by a quote) followed by space, or at a blank line.
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+|\n\s*\n")


@dataclass
class NearbyTime:
    """A time expression in the same sentence as one of the entity's mentions."""

    document_id: str
    date: str | None
    timex: Timex
    sentence: str


@dataclass
class EntityDetail:
    entity: EntitySummary
    aliases: list[str]
    documents: list[tuple[StoredDocument, int]]  # each document with the entity's mention count there
    times: list[NearbyTime] = field(default_factory=list)
    events: list[StoredEvent] = field(default_factory=list)  # events it takes part in, as actor or recipient
    judgements: list[Judgement] = field(default_factory=list)  # merge and split decisions about it
    event_count: int = 0  # all its report-level events (``events`` holds the first ``limit``)


def list_entities(store: Store, type: str | None = None, limit: int | None = None) -> list[EntitySummary]:
    return store.entities(type=type.upper() if type else None, limit=limit)


def list_documents(store: Store, limit: int | None = None, outlet: str | None = None) -> list[StoredDocument]:
    return store.documents(limit=limit, outlet=outlet)


def list_events(store: Store, *, type: str | None = None, status: str | None = None, entity: str | None = None,
                since: str | None = None, until: str | None = None, limit: int | None = None,
                disputed: bool = False) -> list[StoredEvent]:
    """Events by document date; ``entity`` (a name, alias or id) keeps those it takes part in; ``disputed`` those
    that one claim says happened and another denies."""
    entity_id = _find_one(store, entity).id if entity else None
    where = EventFilter(type.upper() if type else None, status.lower() if status else None, entity_id,
                        since, until, limit, disputed)
    return store.events(where)


def entity_detail(store: Store, name: str, limit: int | None = 20) -> EntityDetail:
    """Everything stored about one entity, found by canonical name, alias or id, with what is stored about the
    entities judged the same as it (`claimgraph entity merge`): counts of all, and the ``limit`` latest documents
    (with the times near its mentions there) and first events, so the answer costs the same in a store of any size."""
    entity = _find_one(store, name)
    group = store.same_group(entity.id)
    documents = store.latest_mentioning(group, limit)
    shown = {document.id: document for document, _ in documents}
    mentions = store.mentions_in(group, list(shown))
    events = store.events(EventFilter(entity_id=group, limit=limit))
    others = [found for e in group if e != entity.id for found in store.find_entities(e)[:1]]
    return EntityDetail(
        entity=entity,
        aliases=sorted({a for e in group for a in store.aliases(e)} | {o.name for o in others}),
        documents=documents,
        times=_times_near(store, mentions, shown),
        events=events,
        judgements=[j for j in store.judgements() if {j.entity_id, j.other_id} & set(group)],
        event_count=store.count_events(EventFilter(entity_id=group)),
    )


def judge_entities(store: Store, kind: str, name: str, other: str, decided_by: str, reason: str | None) -> Judgement:
    """Record that ``other`` is the same entity as ``name`` ("same"), or is not ("different"); both found by name,
    alias or id. The events of both are merged again."""
    # "same" joins other to what name stands for now; "different" parts the two as named (a name already judged
    # the same as another would find that other, and part it from itself)
    first = _find_one(store, name) if kind == "same" else _named(store, name)
    second = _named(store, other)
    already = _find_one(store, other).id == first.id if kind == "same" else first.id == second.id
    if already or name.strip().casefold() == other.strip().casefold():
        raise InvalidQuery(f"{name!r} and {other!r} are one entity ({first.id}) already: a judgement is about two")
    number = store.judge(kind, first.id, second.id, decided_by, reason)
    return next(j for j in store.judgements() if j.id == number)


def _named(store: Store, name: str) -> EntitySummary:
    """The entity a name finds itself, whatever it was judged the same as."""
    found = store.find_entities(name.strip())
    return found[0] if found else _find_one(store, name)  # _find_one raises NotFound with suggestions


def find_document(store: Store, document_id: str) -> tuple[StoredDocument, str]:
    """A stored report and its text, by its stored id or the id given at ingest; NotFound otherwise."""
    stored = store.document_id_of(document_id.strip())
    if stored is None:
        raise NotFound(f"no report with id {document_id!r}. Run `claimgraph docs` to list them.")
    return store.documents_by_id([stored])[stored], store.document_text(stored)


def entity_id_of(store: Store, name: str | None) -> str | None:
    """The id of the entity a user names (canonical name, alias or id); NotFound with suggestions otherwise."""
    return _find_one(store, name).id if name else None


def _find_one(store: Store, name: str) -> EntitySummary:
    """The entity a name finds (most documents first), or the one it is judged the same as."""
    found = store.find_entities(name.strip())
    if found:
        root = store.same_as().get(found[0].id)
        return store.find_entities(root)[0] if root else found[0]
    close = difflib.get_close_matches(name, store.entity_names(), n=3, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else " Run `claimgraph entities` to list them."
    raise NotFound(f"no entity named {name!r}.{hint}")


def _times_near(store: Store, mentions, documents: dict[str, StoredDocument]) -> list[NearbyTime]:
    found: dict[tuple[str, int], NearbyTime] = {}
    for document_id in dict.fromkeys(m.document_id for m in mentions):
        text = store.document_text(document_id)
        sentences = {sentence_bounds(text, m.start) for m in mentions if m.document_id == document_id}
        for timex in store.timexes(document_id):
            for start, end in sentences:
                if start <= timex.start < end:
                    date = documents[document_id].date
                    found[(document_id, timex.start)] = NearbyTime(document_id, date, timex, text[start:end].strip())
    return sorted(found.values(), key=lambda t: (t.date or "", t.document_id, t.timex.start))


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``position`` (a cheap splitter; no parse needed)."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    following = _SENTENCE_END.search(text, position)
    return start, following.end() if following else len(text)
