"""SQL for reading events across reports: which merged events match a filter, their members, links and copies."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from claimgraph.model import HAPPENED_STATUSES
from claimgraph.store._claims import StoredEvent, select_events_of


@dataclass(frozen=True)
class MergedFilter:
    type: str | None = None
    status: str | None = None  # some claim about it has this status
    actor: tuple[str, ...] = ()  # entity ids (one entity and those judged the same as it)
    recipient: tuple[str, ...] = ()
    entity: tuple[str, ...] = ()  # as actor or recipient
    since: str | None = None  # some report dated on or after (ISO)
    until: str | None = None
    as_of: str | None = None  # only reports dated on or before this day count
    min_reports: int = 1
    ids: tuple[str, ...] | None = None
    disputed: bool = False  # some member has a denying claim and some member an asserting one (a superset of disputes)


@dataclass
class MergedRow:
    id: str
    merged_because: list[dict]
    members: list[StoredEvent]
    fulfils: list[dict]  # [{id, score, reasons}] plans this event carries out
    fulfilled_by: list[dict]


# Driven from the participant index (entity, role) to the members, not member by member: on a store where the
# entity takes part in most events, an EXISTS per member made the planner scan them all.
_PARTICIPANT = ("(m.document_id, m.event_id) IN (SELECT p.document_id, p.event_id FROM event_participants p"
                " WHERE p.entity_id IN ({marks}){role})")


# Read from the claims first: on a big store few events are disputed, and judging each one in Python took seconds.
_CLAIMED_MERGED = ("m.merged_id IN (SELECT c2.merged_id FROM event_claims c JOIN merged_members c2"
                   " ON c2.document_id = c.document_id AND c2.event_id = c.event_id WHERE c.status {})")
_SAID_HAPPENED = "IN (" + ", ".join(f"'{status}'" for status in HAPPENED_STATUSES) + ")"
_DISPUTED_MERGED = _CLAIMED_MERGED.format("= 'denied'") + " AND " + _CLAIMED_MERGED.format(_SAID_HAPPENED)


def select_merged_ids(conn: sqlite3.Connection, f: MergedFilter) -> list[str]:
    clauses, params = _member_clauses(f)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    sql = ("SELECT m.merged_id FROM merged_members m JOIN documents d ON d.id = m.document_id"
           " JOIN events e ON e.document_id = m.document_id AND e.id = m.event_id" + where +
           " GROUP BY m.merged_id HAVING count(DISTINCT m.document_id) >= ?"
           " ORDER BY min(coalesce(d.date, '~')), m.merged_id")
    return [row[0] for row in conn.execute(sql, [*params, f.min_reports])]


def _member_clauses(f: MergedFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for clause, value in (("e.type = ?", f.type), ("d.date <= ? || '~'", f.until), ("d.date || '~' >= ?", f.since),
                          ("d.date IS NOT NULL AND d.date <= ? || '~'", f.as_of),
                          ("EXISTS (SELECT 1 FROM event_claims c WHERE c.document_id = m.document_id"
                           " AND c.event_id = m.event_id AND c.status = ?)", f.status)):
        if value:
            clauses.append(clause)
            params.append(value)
    for role, ids in ((" AND p.role = 'actor'", f.actor), (" AND p.role = 'recipient'", f.recipient), ("", f.entity)):
        if ids:
            clauses.append(_PARTICIPANT.format(marks=",".join("?" * len(ids)), role=role))
            params += list(ids)
    if f.disputed:
        clauses.append(_DISPUTED_MERGED)
    if f.ids is not None:
        clauses.append(f"m.merged_id IN ({','.join('?' * len(f.ids))})")
        params += list(f.ids)
    return clauses, params


def select_merged(conn: sqlite3.Connection, ids: list[str], as_of: str | None = None) -> list[MergedRow]:
    """The merged events with these ids, in this order, read in batches (a few queries per batch, not per event)."""
    rows: list[MergedRow] = []
    for start in range(0, len(ids), _BATCH):
        rows += _merged_rows(conn, ids[start:start + _BATCH], as_of)
    return rows


_BATCH = 300  # merged events per batch: well under SQLite's limit on bound parameters


def _merged_rows(conn: sqlite3.Connection, ids: list[str], as_of: str | None) -> list[MergedRow]:
    marks = ",".join("?" * len(ids))
    because = dict(conn.execute(f"SELECT id, merged_because FROM merged_events WHERE id IN ({marks})", ids))
    dated = " AND d.date IS NOT NULL AND d.date <= ? || '~'" if as_of else ""
    sql = ("SELECT m.merged_id, m.document_id, m.event_id FROM merged_members m JOIN documents d"
           f" ON d.id = m.document_id WHERE m.merged_id IN ({marks}){dated}"
           " ORDER BY d.date IS NULL, d.date, m.document_id, m.event_id")
    keys: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
    for merged_id, doc, event in conn.execute(sql, [*ids, as_of] if as_of else ids):
        keys[merged_id].append((doc, event))
    events = select_events_of(conn, [k for found in keys.values() for k in found])
    fulfils, fulfilled_by = _links(conn, "deed_id", "plan_id", ids), _links(conn, "plan_id", "deed_id", ids)
    return [MergedRow(i, json.loads(because[i]) if i in because else [], [events[k] for k in keys[i] if k in events],
                      fulfils.get(i, []), fulfilled_by.get(i, [])) for i in ids]


def _links(conn: sqlite3.Connection, own: str, other: str, ids: list[str]) -> dict[str, list[dict]]:
    sql = (f"SELECT {own}, {other}, score, reasons FROM event_links WHERE {own} IN ({','.join('?' * len(ids))})"
           f" ORDER BY score DESC, {other}")
    found: dict[str, list[dict]] = {}
    for mine, theirs, score, reasons in conn.execute(sql, ids):
        found.setdefault(mine, []).append({"id": theirs, "score": score, "reasons": json.loads(reasons)})
    return found


def merged_id_of(conn: sqlite3.Connection, document_id: str, event_id: str) -> str | None:
    row = conn.execute("SELECT merged_id FROM merged_members WHERE document_id = ? AND event_id = ?",
                       (document_id, event_id)).fetchone()
    return row[0] if row else None


def undated_reports(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM documents WHERE date IS NULL").fetchone()[0]
