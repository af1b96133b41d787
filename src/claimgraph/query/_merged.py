"""Events across reports: every claim from every report, sources counted, disputes and follow-ups side by side."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from claimgraph.merge import UNREALISED, time_interval
from claimgraph.model import HAPPENED_STATUSES
from claimgraph.query._sources import Sources, count_sources
from claimgraph.store import MergedRow, StoredEvent

# Summary status of an event across its claims, strongest first ("disputed" when one says it happened and one
# denies it).
_HAPPENED = HAPPENED_STATUSES
_ORDER = (*_HAPPENED, "planned", "considered", "hypothetical", "negated", "denied")


@dataclass
class ClaimRow:
    doc_id: str  # the document id given at ingest (the input's `id`), else the stored document's id
    claim_id: str  # "<document>/<claim>", unique in the database
    status: str
    speaker: str | None
    speaker_id: str | None
    said_on: str | None
    evidence: dict  # {start, end, text} in the report's text
    document: str
    event: str  # the report-level event: "<document>/<event>"
    outlet: str | None
    date: str | None


@dataclass
class MergedEvent:
    id: str
    type: str
    mode: str | None
    actor: list[dict]
    recipient: list[dict]
    time: str | None
    object: str | None
    status: str
    claims: list[ClaimRow]
    sources: Sources
    disputes: list[dict] = field(default_factory=list)
    fulfils: list[str] = field(default_factory=list)
    fulfilled_by: list[str] = field(default_factory=list)
    merged_because: list[dict] = field(default_factory=list)
    quantities: list[dict] = field(default_factory=list)
    members: list[StoredEvent] = field(default_factory=list, repr=False)  # the report-level events, for display


def merged_event(row: MergedRow, copies: dict[str, str], shown: set[str] | None = None,
                 canonical: dict[str, tuple[str, str]] | None = None) -> MergedEvent:
    """One event from its stored members; ``copies`` maps a document to the original it copies; links to events
    outside ``shown`` (not reported as of the date asked) are left out; ``canonical`` maps an entity judged the same
    as another to that one's (id, name)."""
    members = row.members
    claims = [c for m in members for c in _claims(m)]
    keep = (lambda link: True) if shown is None else (lambda link: link["id"] in shown)
    quantities = _quantities(members)
    return MergedEvent(
        id=row.id, type=members[0].event.type, mode=_most([m.event.mode for m in members]),
        actor=_participants(members, "actor", canonical or {}),
        recipient=_participants(members, "recipient", canonical or {}),
        time=_time(members), object=_most([_item(m) for m in members]), status=summary_status(claims, members),
        claims=claims, sources=count_sources(members, copies), disputes=_disputes(claims, members, quantities),
        fulfils=[link["id"] for link in row.fulfils if keep(link)],
        fulfilled_by=[link["id"] for link in row.fulfilled_by if keep(link)],
        merged_because=row.merged_because, quantities=quantities, members=members)


def summary_status(claims: list[ClaimRow], members: list[StoredEvent] = ()) -> str:
    """A plan's status is its own (planned, considered) whoever reports it; else the strongest claim's."""
    own = [m.event.status for m in members]
    if own and all(s in UNREALISED for s in own):
        return min(own, key=_ORDER.index)
    statuses = {c.status for c in claims}
    if statuses & set(_HAPPENED) and "denied" in statuses:
        return "disputed"
    return min(statuses, key=lambda s: _ORDER.index(s) if s in _ORDER else len(_ORDER), default="asserted")


def _claims(member: StoredEvent) -> list[ClaimRow]:
    """The report's claims about the event; a report stored without claims gives one per attribution carrying it
    (or one in its own voice)."""
    event, doc_id = member.event, member.external_id or member.document_id
    if event.claims:
        return [_row(member, doc_id, c.id, c.status, c.speaker, c.said_on, c.evidence) for c in event.claims]
    speakers = [a.speaker for a in member.sources] or [None]
    return [_row(member, doc_id, f"{event.id}.s{n}", event.status, speaker, member.date, event.evidence)
            for n, speaker in enumerate(speakers, 1)]


def _row(member: StoredEvent, doc_id: str, claim_id: str, status: str, speaker, said_on, evidence) -> ClaimRow:
    return ClaimRow(doc_id, f"{member.document_id}/{claim_id}", status, speaker.name if speaker else None,
                    speaker.entity if speaker else None, said_on,
                    {"start": evidence.start, "end": evidence.end, "text": evidence.text},
                    member.document_id, member.key, member.outlet, member.date)


def _participants(members: list[StoredEvent], role: str, canonical: dict[str, tuple[str, str]]) -> list[dict]:
    """Participants named by at least a third as many reports as the most named one; one row per name (an entity
    judged the same as another is shown as that one)."""
    reports: dict[str, set[str]] = {}
    rows: dict[str, dict] = {}
    for m in members:
        for p in getattr(m.event, role):
            if p.get("entity") in canonical:
                p = {**p, "entity": canonical[p["entity"]][0], "name": canonical[p["entity"]][1]}
            key = p["name"].casefold()
            reports.setdefault(key, set()).add(m.document_id)
            if key not in rows or (p.get("entity") and not rows[key]["entity"]):
                rows[key] = {"entity": p.get("entity"), "name": p["name"]}
    counts = Counter({key: len(docs) for key, docs in reports.items()})
    top = counts.most_common(1)[0][1] if counts else 0
    named = [k for k in counts if counts[k] * 3 >= top]
    return [{**rows[k], "reports": counts[k]} for k in sorted(named, key=lambda k: (-counts[k], k))]


def _most(values: list) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _item(member: StoredEvent) -> str | None:
    """What the report says was moved, used or done: the item, else the trigger with its place ("captured
    Soledar")."""
    roles = member.event.roles
    kind = roles.get("kind")
    text = _text(roles.get("item")) or _text(roles.get("about"))
    if not text and isinstance(kind, dict) and kind.get("value"):
        text = kind["value"].replace("_", " ")  # "designation criminal", "export controls"
    if not text:
        text = " ".join(filter(None, (_text(roles.get("trigger")), _text(roles.get("location")))))
    return " ".join(text.split()) if text else None


def _text(value) -> str | None:
    return value.get("text") if isinstance(value, dict) else value if isinstance(value, str) else None


def _concrete_times(members: list[StoredEvent]) -> list[str]:
    """Each calendar time the reports give, once per report."""
    values = {(m.document_id, _calendar_part(m.event.time.value)) for m in members if m.event.time}
    return [v for _, v in sorted(values) if time_interval(v, None)]


def _calendar_part(value: str) -> str:
    """ "2023-01-12TEV" -> "2023-01-12": the day, without the time of day."""
    return value.split("T", 1)[0]


def _time(members: list[StoredEvent]) -> str | None:
    """The time most reports give (a day before a month before a year, at equal counts)."""
    counts = Counter(_concrete_times(members))
    return min(counts, key=lambda v: (-counts[v], -len(v), v)) if counts else None


def _quantities(members: list[StoredEvent]) -> list[dict]:
    found = {}
    for m in members:
        text = m.event.roles.get("quantity")
        text = text.get("text") if isinstance(text, dict) else text
        if isinstance(text, str) and text.strip():
            found.setdefault(" ".join(text.split()).casefold(), {"text": text, "event": m.key})
    return list(found.values())


def _disputes(claims: list[ClaimRow], members: list[StoredEvent], quantities: list[dict]) -> list[dict]:
    disputes = []
    said = [c for c in claims if c.status in _HAPPENED]
    denied = [c for c in claims if c.status == "denied"]
    if said and denied:
        disputes.append({"about": "whether it happened", "asserted_by": _who(said), "denied_by": _who(denied),
                         "claims": [c.claim_id for c in said + denied]})
    days = sorted({v for v in _concrete_times(members) if len(v) == 10})
    if len(days) > 1:
        disputes.append({"about": "time", "values": days})
    if len(quantities) > 1:
        disputes.append({"about": "quantity", "values": [q["text"] for q in quantities]})
    return disputes


def _who(claims: list[ClaimRow]) -> list[str]:
    return sorted({c.speaker or c.outlet or c.doc_id for c in claims})
