"""Judgements about entities, kept apart from the facts: "these two are the same" (merge) and "these are not"
(split). Facts keep the ids the reading gave; views and merging read ids through the judgements in force."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Judgement:
    id: int
    kind: str  # "same" or "different"
    entity_id: str  # the entity kept (for "same")
    other_id: str  # the entity judged to be it (or not)
    decided_by: str
    reason: str | None
    decided_at: str
    withdrawn_at: str | None


def record_judgement(conn: sqlite3.Connection, kind: str, entity_id: str, other_id: str, decided_by: str,
                     reason: str | None) -> int:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    cursor = conn.execute("INSERT INTO entity_judgements (kind, entity_id, other_id, decided_by, reason, decided_at)"
                          " VALUES (?,?,?,?,?,?) RETURNING id", (kind, entity_id, other_id, decided_by, reason, now))
    return cursor.fetchone()[0]


def withdraw_same(conn: sqlite3.Connection, a: str, b: str) -> int:
    """Withdraw every "same" judgement in force between a and b, either way; how many."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    cursor = conn.execute("UPDATE entity_judgements SET withdrawn_at = ? WHERE kind = 'same' AND withdrawn_at IS NULL"
                          " AND ((entity_id = ? AND other_id = ?) OR (entity_id = ? AND other_id = ?))",
                          (now, a, b, b, a))
    return cursor.rowcount


def select_judgements(conn: sqlite3.Connection) -> list[Judgement]:
    sql = ("SELECT id, kind, entity_id, other_id, decided_by, reason, decided_at, withdrawn_at"
           " FROM entity_judgements ORDER BY id")
    return [Judgement(*row) for row in conn.execute(sql)]


def same_as(conn: sqlite3.Connection) -> dict[str, str]:
    """Each entity judged the same as another -> the entity it stands for (followed to the end of a chain)."""
    pairs = dict(conn.execute("SELECT other_id, entity_id FROM entity_judgements"
                              " WHERE kind = 'same' AND withdrawn_at IS NULL ORDER BY id"))
    return {other: _root(other, pairs) for other in pairs}


def _root(entity: str, pairs: dict[str, str]) -> str:
    seen = {entity}
    while entity in pairs and pairs[entity] not in seen:
        entity = pairs[entity]
        seen.add(entity)
    return entity


def documents_with_events_of(conn: sqlite3.Connection, entity_ids: list[str]) -> list[str]:
    """Documents with an event one of these entities takes part in."""
    marks = ",".join("?" * len(entity_ids))
    sql = f"SELECT DISTINCT document_id FROM event_participants WHERE entity_id IN ({marks}) ORDER BY 1"
    return [row[0] for row in conn.execute(sql, entity_ids)]
