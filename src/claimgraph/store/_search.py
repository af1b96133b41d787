"""Finding entities and reports by a few words a user types (the web app's search box)."""

from __future__ import annotations

import sqlite3


def _pattern(words: str) -> str:
    """A LIKE pattern that finds ``words`` anywhere, with LIKE's own wildcards taken literally."""
    escaped = words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def entity_ids_named(conn: sqlite3.Connection, words: str, limit: int) -> list[str]:
    """Entities whose name or an alias contains ``words`` (case-insensitive), most documents first."""
    sql = ("SELECT e.id FROM entities e WHERE e.name LIKE :p ESCAPE '\\' OR e.id = :w OR e.id IN"
           " (SELECT entity_id FROM entity_aliases WHERE alias LIKE :p ESCAPE '\\')"
           " ORDER BY (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id) DESC, e.name"
           " LIMIT :limit")
    return [i for (i,) in conn.execute(sql, {"p": _pattern(words), "w": words.strip(), "limit": limit})]


def document_ids_titled(conn: sqlite3.Connection, words: str, limit: int) -> list[str]:
    """Reports whose title, outlet or given id contains ``words``, latest first."""
    sql = ("SELECT id FROM documents WHERE title LIKE :p ESCAPE '\\' OR outlet LIKE :p ESCAPE '\\'"
           " OR external_id LIKE :p ESCAPE '\\' ORDER BY date DESC, id LIMIT :limit")
    return [i for (i,) in conn.execute(sql, {"p": _pattern(words), "limit": limit})]
