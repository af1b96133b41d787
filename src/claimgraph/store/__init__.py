"""Store: the embedded SQLite database, or PostgreSQL through the same interface (the only place SQL is written)."""

from claimgraph.store._claims import EventFilter, StoredEvent
from claimgraph.store._judgements import Judgement
from claimgraph.store._merged_read import MergedFilter, MergedRow
from claimgraph.store._migrations import migration_names
from claimgraph.store._store import DEFAULT_DB, EntitySummary, MentionRow, Store, StoredDocument, document_key

__all__ = [
    "DEFAULT_DB",
    "EntitySummary",
    "EventFilter",
    "Judgement",
    "MergedFilter",
    "MergedRow",
    "MentionRow",
    "Store",
    "StoredDocument",
    "StoredEvent",
    "document_key",
    "migration_names",
]
