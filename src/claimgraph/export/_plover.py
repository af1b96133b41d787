"""Events across reports as PLOVER records: PLOVER's own field names, claimgraph's claims beside them.

PLOVER (the open successor of CAMEO) names an event's fields `event`, `mode`, `date`, `source` and `target` (each a
list of actors with `actorText` and a CAMEO `code`), `eventText` and `text`; what PLOVER has no field for (every
claim with its speaker and status, independent sources, disputes, follow-ups) goes under `claimgraph`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from claimgraph.model import iso_day

PLOVER_SCHEMA_FILE = "plover.schema.json"


def plover_record(event, cameo_of=lambda name: None) -> dict[str, Any]:
    """A ``claimgraph.query.MergedEvent`` as one PLOVER record; ``cameo_of`` gives an actor's CAMEO code."""
    first = min(event.claims, key=lambda c: (c.date or "~", c.claim_id)) if event.claims else None
    return {
        "id": event.id,
        "date": iso_day(event.time) or (first.date if first else None),
        "event": event.type,
        "mode": event.mode or "",
        "source": [_actor(p, cameo_of) for p in event.actor],
        "target": [_actor(p, cameo_of) for p in event.recipient],
        "eventText": event.object or "",
        "text": first.evidence.get("text", "") if first else "",
        "publication": event.sources.first_reported_by or "",
        "language": "en",
        "claimgraph": {
            "status": event.status, "time": event.time,
            "claims": [dataclasses.asdict(c) for c in event.claims],
            "sources": dataclasses.asdict(event.sources), "disputes": event.disputes,
            "quantities": event.quantities, "fulfils": event.fulfils, "fulfilled_by": event.fulfilled_by,
        },
    }


def _actor(participant: dict, cameo_of) -> dict[str, Any]:
    return {"actorText": participant["name"], "code": cameo_of(participant["name"]) or "",
            "entity": participant.get("entity")}

