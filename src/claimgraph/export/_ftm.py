"""Events across reports as FollowTheMoney entities (the data model of Aleph and OpenSanctions), one JSON object per
line: actors as Person, Organization or PublicBody, each report as an Article, each event as an Event (organizer:
its actors, involved: its recipients), a SANCTION event also as a Sanction per recipient, and each claim as a
Documentation linking its report to its event (role: who says so and how sure, summary: the evidence).

Built as plain dictionaries, so the export needs no extra package; tests check every entity with the
`followthemoney` package itself.
"""

from __future__ import annotations

import re
from typing import Any

from claimgraph.model import iso_day

# spaCy's entity types as FollowTheMoney schemata; a participant must be a LegalEntity to organize or be involved.
SCHEMA_OF_TYPE = {"PERSON": "Person", "ORG": "Organization", "GPE": "PublicBody", "NORP": "LegalEntity"}
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


def ftm_id(*parts: str) -> str:
    """A FollowTheMoney id from claimgraph's own ids: `cg-` and the parts, with characters FtM ids avoid folded."""
    return "cg-" + "-".join(_UNSAFE.sub("-", part).strip("-") for part in parts)


def ftm_entities(event, types: dict[str, str], documents: dict[str, Any]) -> list[dict[str, Any]]:
    """The entities one event contributes. ``types`` maps entity ids to spaCy types; ``documents`` maps stored
    document ids to their ``StoredDocument`` (for the Articles)."""
    actors = [_participant(p, types) for p in event.actor]
    recipients = [_participant(p, types) for p in event.recipient]
    found = actors + recipients + [_event(event, actors, recipients)]
    if event.type == "SANCTION":
        found += [_sanction(event, target, actors) for target in recipients]
    for claim in event.claims:
        document = documents.get(claim.document)
        if document is not None:
            found.append(_article(document))
        found.append(_documentation(event, claim))
    return found


def _participant(p: dict, types: dict[str, str]) -> dict[str, Any]:
    key = p.get("entity") or p["name"]
    properties = {"name": [p["name"]]}
    if key.startswith("Q") and key[1:].isdigit():
        properties["wikidataId"] = [key]
    return {"id": ftm_id("entity", key), "schema": SCHEMA_OF_TYPE.get(types.get(key, ""), "LegalEntity"),
            "properties": properties}


def _event(event, actors: list[dict], recipients: list[dict]) -> dict[str, Any]:
    names = ", ".join(a["properties"]["name"][0] for a in actors) or "someone"
    to = ", ".join(r["properties"]["name"][0] for r in recipients)
    properties = {
        "name": [f"{event.type}: {names}" + (f" -> {to}" if to else "")],
        "summary": [event.object] if event.object else [],
        "description": [f"{event.status}; {event.sources.independent} independent source(s) of "
                        f"{event.sources.reports} report(s)"],
        "keywords": [k for k in (event.type, event.mode, event.status) if k],
        "recordId": [event.id],
        "organizer": [a["id"] for a in actors],
        "involved": [r["id"] for r in recipients],
        "date": _day_of(event),
    }
    return {"id": ftm_id("event", event.id), "schema": "Event", "properties": _filled(properties)}


def _sanction(event, target: dict, actors: list[dict]) -> dict[str, Any]:
    properties = {"entity": [target["id"]], "authority": [a["properties"]["name"][0] for a in actors],
                  "summary": [event.object] if event.object else [], "recordId": [event.id],
                  "date": _day_of(event)}
    return {"id": ftm_id("sanction", event.id, target["id"]), "schema": "Sanction", "properties": _filled(properties)}


def _article(document) -> dict[str, Any]:
    properties = {"title": [document.title] if document.title else [],
                  "publisher": [document.outlet] if document.outlet else [],
                  "publishedAt": [document.date] if document.date else [],
                  "sourceUrl": [document.url] if (document.url or "").startswith(("http://", "https://")) else []}
    return {"id": ftm_id("report", document.id), "schema": "Article", "properties": _filled(properties)}


def _documentation(event, claim) -> dict[str, Any]:
    who = claim.speaker or claim.outlet or "the report"
    properties = {"document": [ftm_id("report", claim.document)], "entity": [ftm_id("event", event.id)],
                  "role": [f"{claim.status} by {who}"], "status": [claim.status],
                  "summary": [claim.evidence.get("text", "")], "date": [claim.date] if claim.date else [],
                  "recordId": [claim.claim_id]}
    return {"id": ftm_id("claim", claim.claim_id), "schema": "Documentation", "properties": _filled(properties)}


def _day_of(event) -> list[str]:
    day = iso_day(event.time)
    return [day] if day else []


def _filled(properties: dict[str, list]) -> dict[str, list]:
    return {name: values for name, values in properties.items() if values}


def unique(entities) -> list[dict[str, Any]]:
    """Each entity once (actors and reports recur across events), in first-seen order."""
    seen: dict[str, dict[str, Any]] = {}
    for entity in entities:
        seen.setdefault(entity["id"], entity)
    return list(seen.values())
