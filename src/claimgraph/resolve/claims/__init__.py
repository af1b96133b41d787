"""Claims, resolved: speakers and participants as canonical entities, one event per happening in a report with
all of its claims, denials and credits on the events they are about, and each event's summary status."""

from __future__ import annotations

from claimgraph.extract.claims import copied_from, distinct, numbered, relayed_claim
from claimgraph.model import Event, Extraction
from claimgraph.resolve._gazetteer import Gazetteer, default_gazetteer
from claimgraph.resolve.claims._denials import attach_loose_claims, participant_claims
from claimgraph.resolve.claims._linking import link_claims, mark_own_voice
from claimgraph.resolve.claims._merge import merge_report_events
from claimgraph.resolve.claims._places import place_recipients
from claimgraph.resolve.claims._roles import role_holders, voiced_claims
from claimgraph.resolve.claims._unnamed import name_the_unnamed

__all__ = ["ALGORITHM", "STATUS_ORDER", "assemble_claims", "link_claims", "summary_status"]

ALGORITHM = "claims.assembly/2"
# The event's own status summarises its claims: the strongest claim that it happened, else the strongest other.
STATUS_ORDER = ("confirmed", "asserted", "reported", "believed", "alleged", "planned", "considered", "possible",
                "hypothetical", "denied", "negated")


def assemble_claims(extraction: Extraction, gazetteer: Gazetteer | None = None) -> None:
    x, gazetteer = extraction, gazetteer or default_gazetteer()
    holders = role_holders(x.document.text, x.entities)
    link_claims(x.events, x.attributions, x.entities, x.document.outlet, x.loose_claims, holders)
    place_recipients(x.document.text, x.events, x.entities, x.mentions, gazetteer, x.loose_claims)
    name_the_unnamed(x.events)
    x.events = merge_report_events(x.events)
    mark_own_voice(x.events, x.document.outlet)
    attach_loose_claims(x.events, x.loose_claims)
    bodies = frozenset(e.id for e in x.entities if e.type != "PERSON")
    voiced_claims(x.events, holders, x.document.text, _country_codes(x.entities, gazetteer), bodies)
    source = _copy_source(x.document.outlet, gazetteer)
    for event in x.events:
        participant_claims(event)
        if source is not None:  # "Devdiscourse (Reuters feed)": every event is also Reuters' word
            event.claims.append(relayed_claim(event, source))
        event.claims = numbered(event.id, distinct(event.claims))
        event.status = summary_status(event)


def summary_status(event: Event) -> str:
    """The strongest status among the claims, not counting an outlet that only relays another claim of the same
    attribution ("an official told CNN the U.S. is considering ..." is considered, not reported)."""
    relayed = {c.attribution for c in event.claims if c.status != "reported" and c.attribution}
    statuses = {c.status for c in event.claims if not (c.status == "reported" and c.attribution in relayed)}
    return next((s for s in STATUS_ORDER if s in statuses), event.status)


def _copy_source(outlet: str | None, gazetteer: Gazetteer) -> str | None:
    """The source of an agency copy; "East Coast Daily (India)" says where the outlet is, not whose text it is."""
    source = copied_from(outlet)
    entry = gazetteer.lookup(source) if source else None
    return None if entry is not None and entry.type in ("GPE", "LOC") else source


def _country_codes(entities, gazetteer: Gazetteer):
    """entity id -> the CAMEO country code the gazetteer gives it ("RUS" for Dmitry Peskov and the Kremlin)."""
    codes = {}
    for entity in entities:
        entry = gazetteer.entry_by_name(entity.name)
        codes[entity.id] = (entry.cameo or "")[:3] if entry is not None else ""
    return lambda entity_id: codes.get(entity_id or "", "")
