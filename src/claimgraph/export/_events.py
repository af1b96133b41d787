"""The published JSON form of an event across reports (schema: events.schema.json)."""

from __future__ import annotations

import dataclasses
from typing import Any

EVENTS_SCHEMA_FILE = "events.schema.json"
_CLAIM_FIELDS = ("doc_id", "claim_id", "status", "speaker", "speaker_id", "said_on", "evidence", "document", "event",
                 "outlet", "date")


def event_record(event) -> dict[str, Any]:
    """A ``claimgraph.query.MergedEvent`` as the contract of `claimgraph events --json`."""
    return {
        "id": event.id, "type": event.type, "mode": event.mode, "actor": event.actor, "recipient": event.recipient,
        "time": event.time, "object": event.object, "status": event.status,
        "claims": [{name: getattr(c, name) for name in _CLAIM_FIELDS} for c in event.claims],
        "sources": dataclasses.asdict(event.sources), "disputes": event.disputes, "quantities": event.quantities,
        "fulfils": event.fulfils, "fulfilled_by": event.fulfilled_by, "merged_because": event.merged_because,
    }
