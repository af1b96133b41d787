"""Events across reports as flat rows: one per event, one per claim (CSV and Parquet)."""

from __future__ import annotations

from typing import Any

EVENT_COLUMNS = ("id", "type", "mode", "status", "time", "object", "actors", "actor_ids", "recipients",
                 "recipient_ids", "reports", "outlets", "independent_sources", "first_reported_by", "claims",
                 "disputed", "fulfils", "fulfilled_by")
CLAIM_COLUMNS = ("event_id", "claim_id", "status", "speaker", "speaker_id", "said_on", "outlet", "report_date",
                 "doc_id", "document", "report_event", "evidence_start", "evidence_end", "evidence")
SEPARATOR = "; "  # between names in one cell


def event_row(event) -> dict[str, Any]:
    return {
        "id": event.id, "type": event.type, "mode": event.mode, "status": event.status, "time": event.time,
        "object": event.object, "actors": _names(event.actor), "actor_ids": _ids(event.actor),
        "recipients": _names(event.recipient), "recipient_ids": _ids(event.recipient),
        "reports": event.sources.reports, "outlets": event.sources.outlets,
        "independent_sources": event.sources.independent, "first_reported_by": event.sources.first_reported_by,
        "claims": len(event.claims), "disputed": event.status == "disputed",
        "fulfils": SEPARATOR.join(event.fulfils), "fulfilled_by": SEPARATOR.join(event.fulfilled_by),
    }


def claim_rows(event) -> list[dict[str, Any]]:
    return [{
        "event_id": event.id, "claim_id": c.claim_id, "status": c.status, "speaker": c.speaker,
        "speaker_id": c.speaker_id, "said_on": c.said_on, "outlet": c.outlet, "report_date": c.date,
        "doc_id": c.doc_id, "document": c.document, "report_event": c.event, "evidence_start": c.evidence["start"],
        "evidence_end": c.evidence["end"], "evidence": c.evidence.get("text", ""),
    } for c in event.claims]


def _names(participants: list[dict]) -> str:
    return SEPARATOR.join(p["name"] for p in participants)


def _ids(participants: list[dict]) -> str:
    return SEPARATOR.join(p.get("entity") or "" for p in participants)
