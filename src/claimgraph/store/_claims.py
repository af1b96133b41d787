"""SQL for the claim layer: attributions, events, their participants and links."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from claimgraph.model import Attribution, Claim, Event, Extraction, Span, Speaker, Timex
from claimgraph.store._connection import NO_LIMIT


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    status: str | None = None
    entity_id: str | tuple[str, ...] | None = None  # as actor or recipient (any of several ids)
    since: str | None = None  # document date, ISO
    until: str | None = None
    limit: int | None = None
    disputed: bool = False  # only events that one claim says happened and another denies
    document_id: str | None = None


@dataclass
class StoredEvent:
    """An event as stored, with the document it came from and the attributions carrying it."""

    key: str  # "<document id>/<event id>": the id users pass to `claimgraph event`
    document_id: str
    date: str | None
    outlet: str | None
    event: Event
    sources: list[Attribution] = field(default_factory=list)
    external_id: str | None = None  # the document id given at ingest (the input's `id`)


def insert_claims(conn: sqlite3.Connection, key: str, extraction: Extraction) -> None:
    conn.executemany("INSERT INTO attributions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     [_attribution_row(key, a) for a in extraction.attributions])
    for event in extraction.events:
        conn.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", _event_row(key, event))
        conn.executemany("INSERT INTO event_participants (document_id, event_id, role, position, entity_id, name,"
                         " start, end, inferred) VALUES (?,?,?,?,?,?,?,?,?)", _participants(key, event))
        conn.executemany("INSERT INTO event_attributions VALUES (?,?,?)",
                         [(key, event.id, a) for a in dict.fromkeys(event.attributions)])
        conn.executemany("INSERT INTO event_claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         [_claim_row(key, event.id, c, n) for n, c in enumerate(event.claims)])


def _claim_row(key: str, event_id: str, c: Claim, position: int) -> tuple:
    s, cue = c.speaker, c.cue
    speaker = (s.entity, s.name, s.start, s.end) if s else (None,) * 4
    cue_span = (cue.start, cue.end) if cue else (None, None)
    return (key, event_id, c.id, *speaker, c.status, *cue_span, c.said_on, c.attribution, c.evidence.start,
            c.evidence.end, position)


def _attribution_row(key: str, a: Attribution) -> tuple:
    s = a.speaker
    return (key, a.id, s.entity, s.name, s.start, s.end, a.cue.start, a.cue.end, a.content.start,
            a.content.end, json.dumps(a.outlet_chain))


def _event_row(key: str, e: Event) -> tuple:
    t = e.time
    time = (t.text, t.start, t.end, t.type, t.value) if t else (None,) * 5
    return (key, e.id, e.type, e.mode, e.status, *time, e.evidence.start, e.evidence.end,
            json.dumps(e.roles, ensure_ascii=False))


def _participants(key: str, e: Event) -> list[tuple]:
    rows = []
    for role, people in (("actor", e.actor), ("recipient", e.recipient)):
        for position, p in enumerate(people):
            rows.append((key, e.id, role, position, p.get("entity"), p["name"], p.get("start"), p.get("end"),
                         p.get("inferred")))
    return rows


_EVENT_SQL = """
SELECT e.document_id, e.id, d.date, d.outlet, d.external_id, d.text, e.type, e.mode, e.status,
       e.time_text, e.time_start, e.time_end, e.time_type, e.time_value, e.evidence_start, e.evidence_end, e.roles
FROM events e JOIN documents d ON d.id = e.document_id
"""


def select_events(conn: sqlite3.Connection, f: EventFilter) -> list[StoredEvent]:
    where, params = _where(f)
    sql = ("SELECT e.document_id, e.id FROM events e JOIN documents d ON d.id = e.document_id" + where +
           " ORDER BY d.date, e.document_id, e.evidence_start LIMIT ?")
    keys = [tuple(row) for row in conn.execute(sql, [*params, NO_LIMIT if f.limit is None else f.limit])]
    return list(select_events_of(conn, keys).values())


def count_events(conn: sqlite3.Connection, f: EventFilter) -> int:
    where, params = _where(f)
    return conn.execute("SELECT count(*) FROM events e JOIN documents d ON d.id = e.document_id" + where,
                        params).fetchone()[0]


def select_event(conn: sqlite3.Connection, document_id: str, event_id: str) -> StoredEvent | None:
    return select_events_of(conn, [(document_id, event_id)]).get((document_id, event_id))


_CLAIMED = ("SELECT 1 FROM event_claims c WHERE c.document_id = e.document_id AND c.event_id = e.id"
            " AND c.status {}")
_DISPUTED = ("EXISTS (" + _CLAIMED.format("= 'denied'") + ") AND EXISTS ("
             + _CLAIMED.format("IN ('asserted', 'confirmed', 'believed', 'reported', 'alleged')") + ")")


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for column, value in (("e.type", f.type), ("e.status", f.status)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    # A report dated by month or year ("2022-12") is kept when its period overlaps the range: '~' sorts
    # after every digit and '-', so "2022-12~" >= "2022-12-05" and "2022-12-20" <= "2022-12~". Undated: never.
    if f.since:
        clauses.append("d.date || '~' >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("d.date <= ? || '~'")
        params.append(f.until)
    if f.disputed:
        clauses.append(_DISPUTED)
    if f.document_id:
        clauses.append("e.document_id = ?")
        params.append(f.document_id)
    entities = (f.entity_id,) if isinstance(f.entity_id, str) else tuple(f.entity_id or ())
    if entities:
        clauses.append("(e.document_id, e.id) IN (SELECT p.document_id, p.event_id FROM event_participants p"
                       f" WHERE p.entity_id IN ({','.join('?' * len(entities))}))")
        params += list(entities)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def select_events_of(conn: sqlite3.Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], StoredEvent]:
    """The stored events with these (document id, event id) keys, read a few queries per batch of documents (not
    per event): listing thousands of events costs about what listing a few does, per event."""
    found: dict[tuple[str, str], StoredEvent] = {}
    documents = sorted({doc for doc, _ in keys})
    for start in range(0, len(documents), _BATCH):
        found.update(_events_of_documents(conn, documents[start:start + _BATCH]))
    return {key: found[key] for key in keys if key in found}


_BATCH = 400  # documents per query: well under SQLite's limit on bound parameters


def _events_of_documents(conn: sqlite3.Connection, documents: list[str]) -> dict[tuple[str, str], StoredEvent]:
    marks = ",".join("?" * len(documents))
    rows = conn.execute(_EVENT_SQL + f" WHERE e.document_id IN ({marks})", documents).fetchall()
    texts = {row[0]: row[5] for row in rows}
    participants = _grouped(conn.execute(_PARTICIPANTS_SQL.format(where=f"p.document_id IN ({marks})"), documents))
    sources = _grouped(conn.execute(_SOURCES_SQL.format(where=f"ea.document_id IN ({marks})"), documents))
    claims = _grouped(conn.execute(_CLAIMS_SQL.format(where=f"c.document_id IN ({marks})"), documents))
    return {(row[0], row[1]): _assembled(row, _sides(participants.get((row[0], row[1]), [])),
                                         [_attribution(a, texts[row[0]]) for a in sources.get((row[0], row[1]), [])],
                                         [_claim(c, texts[row[0]]) for c in claims.get((row[0], row[1]), [])])
            for row in rows}


def _grouped(rows) -> dict[tuple[str, str], list[tuple]]:
    """Rows that start with (document id, event id), grouped by that key (in query order)."""
    found: dict[tuple[str, str], list[tuple]] = {}
    for row in rows:
        found.setdefault((row[0], row[1]), []).append(row[2:])
    return found


def _assembled(row, sides: tuple[list[dict], list[dict]], sources: list[Attribution], claims: list[Claim]):
    (doc_id, event_id, date, outlet, external_id, text, type_, mode, status, t_text, t_start, t_end, t_type, t_value,
     ev_start, ev_end, roles) = row
    time = Timex(t_text, t_start, t_end, t_type, t_value) if t_value else None
    event = Event(event_id, type_, mode, *sides, status, time, Span(ev_start, ev_end, text[ev_start:ev_end]),
                  [a.id for a in sources], json.loads(roles), claims)
    return StoredEvent(f"{doc_id}/{event_id}", doc_id, date, outlet, event, sources, external_id)


_PARTICIPANTS_SQL = ("SELECT p.document_id, p.event_id, role, entity_id, coalesce(en.name, p.name), p.start, p.end,"
                     " p.inferred FROM event_participants p LEFT JOIN entities en ON en.id = p.entity_id"
                     " WHERE {where} ORDER BY p.document_id, p.event_id, role, position")
_SOURCES_SQL = (
    "SELECT ea.document_id, ea.event_id, a.id, a.speaker_entity, coalesce(en.name, a.speaker_name), a.speaker_start,"
    " a.speaker_end, a.cue_start, a.cue_end, a.content_start, a.content_end, a.outlet_chain"
    " FROM event_attributions ea JOIN attributions a ON a.document_id = ea.document_id AND a.id = ea.attribution_id"
    " LEFT JOIN entities en ON en.id = a.speaker_entity WHERE {where} ORDER BY ea.document_id, ea.event_id, a.id")
_CLAIMS_SQL = (
    "SELECT c.document_id, c.event_id, c.id, c.speaker_entity, coalesce(en.name, c.speaker_name), c.speaker_start,"
    " c.speaker_end, c.status, c.cue_start, c.cue_end, c.said_on, c.attribution_id, c.evidence_start, c.evidence_end"
    " FROM event_claims c LEFT JOIN entities en ON en.id = c.speaker_entity WHERE {where}"
    " ORDER BY c.document_id, c.event_id, c.position")


def _sides(rows) -> tuple[list[dict], list[dict]]:
    found: dict[str, list[dict]] = {"actor": [], "recipient": []}
    for role, entity, name, start, end, inferred in rows:
        participant = {"entity": entity, "name": name, "start": start, "end": end}
        found[role].append({**participant, "inferred": inferred} if inferred else participant)
    return found["actor"], found["recipient"]


def _attribution(row, text: str) -> Attribution:
    aid, entity, name, s_start, s_end, c_start, c_end, t_start, t_end, chain = row
    return Attribution(aid, Speaker(entity, name, s_start, s_end), Span(c_start, c_end, text[c_start:c_end]),
                       Span(t_start, t_end, text[t_start:t_end]), json.loads(chain))


def _claim(row, text: str) -> Claim:
    cid, entity, name, s_start, s_end, status, c_start, c_end, said_on, attribution, e_start, e_end = row
    speaker = Speaker(entity, name, s_start, s_end) if name is not None else None
    cue = Span(c_start, c_end, text[c_start:c_end]) if c_start is not None else None
    return Claim(cid, speaker, status, cue, said_on, attribution, Span(e_start, e_end, text[e_start:e_end]))
