"""One search box over entities, events and reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.query._events import EventQuery, merged_events
from claimgraph.query._merged import MergedEvent
from claimgraph.store import EntitySummary, Store, StoredDocument


@dataclass
class SearchResult:
    words: str
    entities: list[EntitySummary] = field(default_factory=list)
    events: list[MergedEvent] = field(default_factory=list)  # events of the best-matching entity, or of a type
    reports: list[StoredDocument] = field(default_factory=list)


def search(store: Store, words: str, limit: int = 20, as_of: str | None = None) -> SearchResult:
    """Entities by name or alias, reports by title, outlet or id; events of the first entity found, or of the
    PLOVER type the words name ("sanction")."""
    words = "".join(c for c in words if c.isprintable()).strip()  # a NUL cut SQLite's pattern: it matched all
    if not words:
        return SearchResult(words)
    entities, reports = store.search(words, limit)
    if as_of:
        reports = [r for r in reports if r.date and r.date[:10] <= as_of]
    if entities:
        query = EventQuery(entity=entities[0].id, as_of=as_of, limit=limit)
    else:
        query = EventQuery(type=words.upper(), as_of=as_of, limit=limit)
    return SearchResult(words, entities, merged_events(store, query).events, reports)
