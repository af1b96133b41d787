"""Counting sources: reports, outlets, and independent sources (copies and credited reports are not independent)."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.resolve import outlet_gazetteer
from claimgraph.store import StoredEvent


@dataclass
class Sources:
    reports: int
    outlets: int
    independent: int
    first_reported_by: str | None  # the earliest dated report's outlet, or the outlet it credits
    origins: list[str]  # one line per independent source: "Reuters (credited by 3 reports)", "copy of d12..."


def count_sources(members: list[StoredEvent], copies: dict[str, str]) -> Sources:
    """``copies`` maps a document to the earliest one it nearly repeats (an agency text on another site)."""
    reports = {m.document_id: m for m in members}
    origin_of = {doc: _origin(m) for doc, m in reports.items()}
    for doc, original in copies.items():  # a copy counts as its original (the original's source, if it is here)
        if doc in reports:
            origin_of[doc] = origin_of.get(original) or f"text of {original}"
    outlets = {m.outlet for m in reports.values() if m.outlet}
    counted: dict[str, int] = {}
    for origin in origin_of.values():
        counted[origin] = counted.get(origin, 0) + 1
    return Sources(len(reports), len(outlets), len(counted), _first_reported_by(list(reports.values())),
                   [f"{o} ({n} report{'s' * (n > 1)})" for o, n in sorted(counted.items())])


def _first_reported_by(reports: list[StoredEvent]) -> str | None:
    """The outlet the earliest dated report credits, or its own; reports that name no outlet are passed over."""
    for member in sorted((m for m in reports if m.date), key=lambda m: (m.date, m.document_id)):
        named = _credited(member) or member.outlet
        if named:
            return named
    return None


def _origin(member: StoredEvent) -> str:
    return _credited(member) or member.outlet or member.external_id or member.document_id


def _credited(member: StoredEvent) -> str | None:
    """The outlet a report credits for the event ("according to Reuters"), if it is not the report's own."""
    gazetteer = outlet_gazetteer()
    for claim in member.event.claims:
        name = claim.speaker.name if claim.speaker else None
        entry = gazetteer.entry_by_name(name) or gazetteer.lookup(name) if name else None
        if entry is not None and entry.kind == "outlet" and entry.name != member.outlet:
            return entry.name
    for source in member.sources:
        if source.outlet_chain and source.outlet_chain[0] != member.outlet:
            return source.outlet_chain[0]
    return None
