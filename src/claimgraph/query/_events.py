"""Questions about events across reports: lists with filters, one event, an entity's timeline, the disputes."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.errors import NotFound
from claimgraph.query._merged import MergedEvent, merged_event
from claimgraph.store import MergedFilter, Store


@dataclass
class EventQuery:
    """Filters of `claimgraph events`; ids of entities are resolved from names by the caller."""

    type: str | None = None
    status: str | None = None
    actor: str | None = None
    recipient: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None
    min_sources: int = 1  # independent sources
    disputed: bool = False
    as_of: str | None = None
    limit: int | None = None


@dataclass
class EventList:
    events: list[MergedEvent]
    as_of: str | None = None
    undated_left_out: int = 0  # reports without a date, never part of an as-of answer
    matched: int = 0  # events the store's filters match (before --min-sources, --disputed and --limit)


def merged_events(store: Store, q: EventQuery, ids: list[str] | None = None) -> EventList:
    groups = [store.same_group(e) if e else () for e in (q.actor, q.recipient, q.entity)]
    where = MergedFilter(q.type, q.status, *groups, q.since, q.until, q.as_of,
                         ids=tuple(ids) if ids is not None else None, disputed=q.disputed)
    canonical = _canonical_names(store)
    found = store.merged_ids(where)
    shown = None if q.as_of is None else set(store.merged_ids(MergedFilter(as_of=q.as_of)))  # links kept
    events: list[MergedEvent] = []
    # "--limit 0": none shown, how many match still told (the loop below keeps the first before it counts)
    for row in _rows(store, found if q.limit != 0 else [], q.as_of, min(300, q.limit or 300)):
        if not row.members:
            continue
        event = merged_event(row, store.copies([m.document_id for m in row.members]), shown, canonical)
        if event.sources.independent >= q.min_sources and (not q.disputed or _denied_and_asserted(event)):
            events.append(event)
            if q.limit is not None and len(events) >= q.limit:
                break
    undated = store.undated_reports() if q.as_of else 0
    return EventList(events, q.as_of, undated, len(found))


def _rows(store: Store, ids: list[str], as_of: str | None, batch: int):
    """The merged events, read a batch at a time: a list cut by --limit reads no more than it shows."""
    for start in range(0, len(ids), batch):
        yield from store.merged(ids[start:start + batch], as_of)


def _canonical_names(store: Store) -> dict[str, tuple[str, str]]:
    """Each entity judged the same as another -> (that entity's id, its name)."""
    found = {}
    for other, root in store.same_as().items():
        entities = store.find_entities(root)
        found[other] = (root, entities[0].name if entities else root)
    return found


def _denied_and_asserted(event: MergedEvent) -> bool:
    return any(d["about"] == "whether it happened" for d in event.disputes)


def merged_event_detail(store: Store, event_id: str, as_of: str | None = None) -> MergedEvent:
    """One event by its id (``ev...``), or by the key of one of its report-level events (``d.../e2``)."""
    wanted = event_id.strip()
    if "/" in wanted:
        wanted = store.merged_id_of(wanted) or wanted
    found = merged_events(store, EventQuery(as_of=as_of), ids=[wanted]).events
    if not found:
        when = f" as of {as_of}" if as_of else ""
        raise NotFound(f"no event {event_id!r}{when}; ids look like ev3a5f0c9e1b2d4c (see `claimgraph events`)")
    return found[0]


def timeline(store: Store, entity_id: str, as_of: str | None = None) -> EventList:
    """The events an entity takes part in, in the order they happened (their time, else when first reported)."""
    listed = merged_events(store, EventQuery(entity=entity_id, as_of=as_of))
    listed.events.sort(key=_when)
    return listed


def _when(event: MergedEvent) -> tuple[str, str]:
    first = min((c.date for c in event.claims if c.date), default="~")
    return (event.time or first)[:10], event.id
