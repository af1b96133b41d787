"""The store, in SQLite (one writer, many readers: WAL) or PostgreSQL. All SQL of the project lives in this package."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from claimgraph.errors import DocumentNotStored, StoreError
from claimgraph.model import Extraction, Quantity, Timex
from claimgraph.store._claims import (
    EventFilter,
    StoredEvent,
    count_events,
    insert_claims,
    select_event,
    select_events,
)
from claimgraph.store._connection import DATABASE_ERRORS, NO_LIMIT, connect, described
from claimgraph.store._judgements import (
    Judgement,
    documents_with_events_of,
    record_judgement,
    same_as,
    select_judgements,
    withdraw_same,
)
from claimgraph.store._merged import copies_of, merge_events, record_copies, unmerge, unmerged_documents
from claimgraph.store._merged_read import (
    MergedFilter,
    MergedRow,
    merged_id_of,
    select_merged,
    select_merged_ids,
    undated_reports,
)
from claimgraph.store._migrations import applied_migrations, migrate, pending_migrations
from claimgraph.store._postgres import is_postgres
from claimgraph.store._search import document_ids_titled, entity_ids_named

DEFAULT_DB = "claimgraph.db"


@dataclass(frozen=True)
class StoredDocument:
    id: str
    external_id: str | None
    date: str | None
    title: str | None
    url: str | None
    outlet: str | None
    source: str | None
    text_sha256: str
    ingested_at: str
    entities: int = 0
    date_precision: str | None = None  # "day", "month", "year"; None when undated
    date_source: str | None = None  # record, text, html, argument or none (None: stored before 0003)
    language: str | None = None


@dataclass(frozen=True)
class EntitySummary:
    id: str
    name: str
    type: str
    wikidata: str | None
    mentions: int
    documents: int


@dataclass(frozen=True)
class MentionRow:
    document_id: str
    start: int
    end: int
    text: str


def document_key(text_sha256: str) -> str:
    return "d" + text_sha256[:16]


class Store:
    """A claimgraph database: an SQLite file, or a PostgreSQL URL. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, readonly: bool = False) -> None:
        self.path = path if is_postgres(path) else Path(path)
        self.where = described(path)
        self.readonly = readonly
        self.conn = connect(self.path, readonly)
        if not readonly:
            self._migrate(self.conn)
        elif pending_migrations(self.conn):
            self._upgrade_then_read()

    def _migrate(self, conn) -> None:
        try:
            migrate(conn)
        except DATABASE_ERRORS as exc:  # a full disk while a new database is made
            conn.close()
            raise StoreError(f"could not set up the database: {exc}; nothing was stored", where=self.where) from exc

    def _upgrade_then_read(self) -> None:
        """A store made by an older claimgraph is brought up to date before it is read (its readers would ask
        for columns it does not have yet); where it cannot be written, it is not read."""
        self.conn.close()
        try:
            writer = connect(self.path, readonly=False)
            try:
                migrate(writer)
            finally:
                writer.close()
        except (StoreError, *DATABASE_ERRORS) as exc:
            raise StoreError(f"was made by an older claimgraph and must be upgraded before it is read, which needs "
                             f"write access ({getattr(exc, 'message', exc)}): run any `claimgraph ingest` into it "
                             "once where it can be written", where=self.where) from exc
        self.conn = connect(self.path, readonly=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.close()
        if isinstance(error, DATABASE_ERRORS):  # a page damaged past the ones opening the file looked at
            raise StoreError(f"could not be read ({error}): if it is damaged, restore it from a copy or ingest "
                             "into a new file", where=self.where) from error

    def close(self) -> None:
        if not self.readonly:
            try:
                self.conn.execute("PRAGMA optimize")  # fresh planner statistics as the store grows (cheap)
            except DATABASE_ERRORS:
                pass  # a full disk or a lock: the statistics can wait for the next run
        self.conn.close()

    @property
    def migrations(self) -> list[str]:
        return applied_migrations(self.conn)

    # --- writing -------------------------------------------------------------------------------

    def has_text(self, text_sha256: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE text_sha256 = ?", (text_sha256,))
        return row.fetchone() is not None

    def add(self, extraction: Extraction) -> bool:
        """Store one document with everything read from it, atomically. False if already stored."""
        key = document_key(extraction.document.text_sha256)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            if self.has_text(extraction.document.text_sha256):
                self.conn.execute("ROLLBACK")
                return False
            _insert_extraction(self.conn, key, extraction)
            record_copies(self.conn, key, extraction.document.text)
            merge_events(self.conn, key, extraction.document.date, extraction.events)
            self.conn.execute("COMMIT")
            return True
        except DATABASE_ERRORS as exc:
            self._roll_back()
            raise StoreError(f"could not store this report ({exc}); it was rolled back",
                             where=extraction.document.location) from exc
        except (ArithmeticError, LookupError, TypeError, ValueError) as exc:  # its content met a bug
            self._roll_back()
            raise DocumentNotStored(f"storing it failed ({type(exc).__name__}: {exc}); it was rolled back and the "
                                    "batch went on: please report it", where=extraction.document.location) from exc

    def _roll_back(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def merge_pending(self) -> int:
        """Merge the events of documents stored without merging (before migration 0005); how many documents."""
        pending = unmerged_documents(self.conn)
        for document_id in pending:
            date = self.conn.execute("SELECT date FROM documents WHERE id = ?", (document_id,)).fetchone()[0]
            events = [e.event for e in select_events(self.conn, EventFilter(document_id=document_id))]
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                merge_events(self.conn, document_id, date, events)
                self.conn.execute("COMMIT")
            except DATABASE_ERRORS as exc:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"could not merge document {document_id}: {exc}", where=self.where) from exc
        return len(pending)

    def judge(self, kind: str, entity_id: str, other_id: str, decided_by: str, reason: str | None = None) -> int:
        """Record that two entities are the same ("same": ``other_id`` stands for ``entity_id``) or not
        ("different": withdraws any "same" in force between them); the events of both are merged again."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            if kind == "different":
                withdraw_same(self.conn, entity_id, other_id)
            judgement = record_judgement(self.conn, kind, entity_id, other_id, decided_by, reason)
            unmerge(self.conn, documents_with_events_of(self.conn, sorted(self._same_group(entity_id, other_id))))
            self.conn.execute("COMMIT")
        except DATABASE_ERRORS as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(f"could not record the judgement: {exc}", where=self.where) from exc
        self.merge_pending()
        return judgement

    def _same_group(self, *entity_ids: str) -> set[str]:
        """These entities and every entity judged the same as one of them (before or after)."""
        same = same_as(self.conn)
        roots = {same.get(e, e) for e in entity_ids}
        return set(entity_ids) | roots | {other for other, root in same.items() if root in roots}

    def judgements(self) -> list[Judgement]:
        return select_judgements(self.conn)

    def same_as(self) -> dict[str, str]:
        return same_as(self.conn)

    def same_group(self, entity_id: str) -> tuple[str, ...]:
        """The entity, the one it is judged the same as, and all judged the same as that one; sorted."""
        return tuple(sorted(self._same_group(entity_id)))

    # --- reading -------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = ("documents", "entities", "mentions", "timexes", "quantities", "attributions", "events")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def documents(self, limit: int | None = None, outlet: str | None = None) -> list[StoredDocument]:
        """Documents oldest first, undated ones last. The ids come first, through the date index, so the first
        twenty of a big store cost what they cost in a small one."""
        outlet_only = " AND d.outlet = :outlet" if outlet else ""
        ids: list[str] = []
        for dated in ("d.date IS NOT NULL", "d.date IS NULL"):
            wanted = NO_LIMIT if limit is None else limit - len(ids)
            if wanted:
                sql = f"SELECT d.id FROM documents d WHERE {dated}{outlet_only} ORDER BY d.date, d.id LIMIT :limit"
                ids += [i for (i,) in self.conn.execute(sql, {"outlet": outlet, "limit": wanted})]
        found = self.documents_by_id(ids)
        return [found[i] for i in ids]

    def document_id_of(self, given: str) -> str | None:
        """The stored id of a document, by that id or the id given at ingest."""
        sql = "SELECT id FROM documents WHERE id = :given UNION ALL SELECT id FROM documents WHERE external_id = :given"
        row = self.conn.execute(sql + " LIMIT 1", {"given": given}).fetchone()
        return row[0] if row else None

    def document_text(self, document_id: str) -> str:
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row[0] if row else ""

    def entities(self, type: str | None = None, limit: int | None = None) -> list[EntitySummary]:
        where = " WHERE e.type = :type" if type else ""
        sql = _ENTITIES_SQL.format(where=where)
        rows = self.conn.execute(sql, {"type": type, "limit": NO_LIMIT if limit is None else limit})
        return [EntitySummary(*row) for row in rows]

    def find_entities(self, name: str) -> list[EntitySummary]:
        """Entities whose id, canonical name or an alias equals ``name`` (case-insensitive)."""
        where = (" WHERE e.id = :name OR lower(e.name) = lower(:name) OR e.id IN"
                 " (SELECT entity_id FROM entity_aliases WHERE lower(alias) = lower(:name))")
        rows = self.conn.execute(_ENTITIES_SQL.format(where=where), {"name": name, "limit": NO_LIMIT})
        return [EntitySummary(*row) for row in rows]

    def search(self, words: str, limit: int = 20) -> tuple[list[EntitySummary], list[StoredDocument]]:
        """Entities whose name or alias contains ``words``, and reports whose title, outlet or id does."""
        entities = [found for i in entity_ids_named(self.conn, words, limit) for found in self.find_entities(i)[:1]]
        ids = document_ids_titled(self.conn, words, limit)
        documents = self.documents_by_id(ids)
        return entities, [documents[i] for i in ids]

    def entity_names(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT name FROM entities ORDER BY name")]

    def aliases(self, entity_id: str) -> list[str]:
        sql = "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias"
        return [row[0] for row in self.conn.execute(sql, (entity_id,))]

    def latest_mentioning(self, entity_ids: tuple[str, ...], limit: int | None) -> list[tuple[StoredDocument, int]]:
        """The documents that mention any of these entities, latest first, each with how many mentions there."""
        marks = ",".join("?" * len(entity_ids))
        sql = ("SELECT m.document_id, count(*) FROM mentions m JOIN documents d ON d.id = m.document_id"
               f" WHERE m.entity_id IN ({marks}) GROUP BY m.document_id, d.date"
               " ORDER BY coalesce(d.date, '') DESC, m.document_id DESC LIMIT ?")
        counts = self.conn.execute(sql, [*entity_ids, NO_LIMIT if limit is None else limit]).fetchall()
        documents = self.documents_by_id([doc for doc, _ in counts])
        return [(documents[doc], n) for doc, n in counts]

    def mentions_in(self, entity_ids: tuple[str, ...], document_ids: list[str]) -> list[MentionRow]:
        """The mentions of these entities in these documents."""
        entities, documents = ",".join("?" * len(entity_ids)), ",".join("?" * len(document_ids))
        sql = ("SELECT m.document_id, m.start, m.end, substr(d.text, m.start + 1, m.end - m.start)"
               " FROM mentions m JOIN documents d ON d.id = m.document_id"
               f" WHERE m.entity_id IN ({entities}) AND m.document_id IN ({documents}) ORDER BY m.document_id, m.start")
        return [MentionRow(*row) for row in self.conn.execute(sql, [*entity_ids, *document_ids])]

    def documents_by_id(self, ids: list[str]) -> dict[str, StoredDocument]:
        found = {}
        for start in range(0, len(ids), 500):  # well under SQLite's limit on bound parameters
            batch = ids[start:start + 500]
            sql = _DOCUMENTS_SQL + f" WHERE d.id IN ({','.join('?' * len(batch))}) GROUP BY d.id"
            found.update((row[0], StoredDocument(*row)) for row in self.conn.execute(sql, batch))
        return found

    def timexes(self, document_id: str) -> list[Timex]:
        sql = "SELECT text, start, end, type, value FROM timexes WHERE document_id = ? ORDER BY start"
        return [Timex(*row) for row in self.conn.execute(sql, (document_id,))]

    def events(self, where: EventFilter | None = None) -> list[StoredEvent]:
        return select_events(self.conn, where or EventFilter())

    def count_events(self, where: EventFilter | None = None) -> int:
        return count_events(self.conn, where or EventFilter())

    def event(self, document_id: str, event_id: str) -> StoredEvent | None:
        return select_event(self.conn, document_id, event_id)

    def merged_ids(self, where: MergedFilter) -> list[str]:
        return select_merged_ids(self.conn, where)

    def merged(self, ids: list[str], as_of: str | None = None) -> list[MergedRow]:
        return select_merged(self.conn, ids, as_of)

    def merged_id_of(self, event_key: str) -> str | None:
        document_id, _, event_id = event_key.partition("/")
        return merged_id_of(self.conn, document_id, event_id)

    def copies(self, documents: list[str]) -> dict[str, str]:
        return copies_of(self.conn, documents)

    def undated_reports(self) -> int:
        return undated_reports(self.conn)

    def quantities(self, document_id: str) -> list[Quantity]:
        sql = ("SELECT id, text, start, end, value, approximate, counts, part_of FROM quantities"
               " WHERE document_id = ? ORDER BY start")
        return [_quantity(row) for row in self.conn.execute(sql, (document_id,))]


_DOCUMENTS_SQL = (
    "SELECT d.id, d.external_id, d.date, d.title, d.url, d.outlet, d.source, d.text_sha256,"
    " d.ingested_at, count(DISTINCT m.entity_id), d.date_precision, d.date_source, d.language FROM documents d"
    " LEFT JOIN mentions m ON m.document_id = d.id"
)
_ENTITIES_SQL = (
    "SELECT e.id, e.name, e.type, e.wikidata, count(m.start), count(DISTINCT m.document_id)"
    " FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id{where}"
    " GROUP BY e.id ORDER BY count(DISTINCT m.document_id) DESC, count(m.start) DESC, e.name LIMIT :limit"
)


# Named, not positional: migrations add columns at the end of the table.
_DOCUMENT_COLUMNS = ("id", "text_sha256", "external_id", "date", "title", "url", "outlet", "source", "text", "pipeline",
                     "ingested_at", "date_precision", "date_source", "language")


def _quantity(row) -> Quantity:
    qid, text, start, end, value, approximate, counts, part_of = row
    value = int(value) if float(value).is_integer() else value
    return Quantity(qid, text, start, end, value, bool(approximate), counts, part_of)


def _insert_extraction(conn: sqlite3.Connection, key: str, extraction: Extraction) -> None:
    doc = extraction.document
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        f"INSERT INTO documents ({', '.join(_DOCUMENT_COLUMNS)}) VALUES ({','.join('?' * len(_DOCUMENT_COLUMNS))})",
        (key, doc.text_sha256, doc.id, doc.date, doc.title, doc.url, doc.outlet, doc.source,
         doc.text, json.dumps(extraction.pipeline, sort_keys=True), now, doc.date_precision, doc.date_source,
         doc.language),
    )
    for entity in extraction.entities:
        _upsert_entity(conn, key, entity)
    conn.executemany(
        "INSERT INTO timexes VALUES (?,?,?,?,?,?)",
        [(key, t.start, t.end, t.text, t.type, t.value) for t in extraction.timexes],
    )
    conn.executemany(
        "INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?)",
        [(key, q.id, q.start, q.end, q.text, _storable(q.value), int(q.approximate), q.counts, q.part_of)
         for q in extraction.quantities],
    )
    insert_claims(conn, key, extraction)


def _storable(value: float | int) -> float | int:
    """SQLite integers are 64-bit: a larger count is kept as a float."""
    return float(value) if isinstance(value, int) and not -(2**63) <= value < 2**63 else value


def _upsert_entity(conn: sqlite3.Connection, key: str, entity) -> None:
    conn.execute(
        "INSERT INTO entities (id, name, type, wikidata) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
        (entity.id, entity.name, entity.type, entity.wikidata),
    )
    conn.executemany(
        "INSERT INTO entity_aliases VALUES (?,?) ON CONFLICT DO NOTHING", [(entity.id, a) for a in entity.aliases]
    )
    inserted = conn.executemany(
        "INSERT INTO mentions VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
        [(key, entity.id, start, end, entity.type) for start, end in entity.mentions],
    ).rowcount
    # The stored type is the one most mentions gave it, so one odd reading cannot flip it. The votes are counted
    # as documents come (this document's new mentions), so storing costs the same in a store of any size.
    conn.execute(
        "INSERT INTO entity_type_votes VALUES (?, ?, ?)"
        " ON CONFLICT (entity_id, type) DO UPDATE SET mentions = entity_type_votes.mentions + excluded.mentions",
        (entity.id, entity.type, inserted),
    )
    conn.execute(
        "UPDATE entities SET type = (SELECT type FROM entity_type_votes WHERE entity_id = :id"
        " ORDER BY mentions DESC, type LIMIT 1) WHERE id = :id",
        {"id": entity.id},
    )
