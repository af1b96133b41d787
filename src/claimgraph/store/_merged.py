"""SQL of the merge layer: candidate search by block, regions of stored events, and writing merged events back."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from claimgraph.merge import (
    ALGORITHM,
    COPY_SIMILARITY,
    Cluster,
    EventMention,
    FollowUp,
    MergeReason,
    bands,
    mention_from_json,
    mention_of,
    mention_to_json,
    merge_new,
    registered_blocks,
    signature,
    similarity,
)
from claimgraph.model import Event
from claimgraph.store._judgements import same_as

# Follow-up links are few (plans and the deeds that carry them out); the bound keeps a pathological chain of them
# from pulling a whole store into one region.
LINKED_LIMIT = 200
# Days around a report's date read first for its nearest stored events in a block, before the whole window.
NEAREST_DAYS = (8, 32)


class SqliteMergeIndex:
    """``claimgraph.merge.MergeIndex`` over one connection (inside the caller's transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def blocked(self, blocks: list[str], low: str | None, high: str | None,
                per_block: int) -> list[tuple[str, str, str | None]]:
        middle = _middle(low, high)
        rows = [row for block in blocks for row in self._nearest(block, low, high, middle, per_block)]
        return [(block, f"{doc}/{event}", day) for block, doc, event, day, _ in rows]

    def _nearest(self, block: str, low: str | None, high: str | None, middle: str, limit: int) -> list:
        """The block's ``limit`` stored events reported nearest ``middle`` within [low, high] (undated ones first).

        A busy block holds thousands of events in the window, and sorting them all on every report made the read
        grow with the store. So the days around the middle are read first, widening until the ``limit``-th event
        found is no further away than the days read: every event outside them is further still, so the answer is
        that of reading the whole window."""
        for days in NEAREST_DAYS if low and high else ():  # an undated frontier has no days around it
            rows = self._window(block, *_around(middle, days, low, high), middle, limit)
            if len(rows) == limit and rows[-1][4] <= days:
                return rows
        return self._window(block, low, high, middle, limit)

    def _window(self, block: str, low: str | None, high: str | None, middle: str, limit: int) -> list:
        distance = "abs(julianday(substr(coalesce(date, ?) || '-01-01', 1, 10)) - julianday(?))"
        rows = "SELECT block, document_id, event_id, date FROM merge_blocks WHERE block = ?"
        params: list = [middle, middle, block]
        if low:  # undated and dated apart, so the dated are a range of the index; from the month, as a report
            # dated "2022-08" is in a window from 2022-08-20
            rows = f"{rows} AND date IS NULL UNION ALL {rows} AND date >= ? AND date <= ?"
            params += [block, low[:7], high]
        sql = (f"SELECT *, {distance} AS distance FROM ({rows}) AS candidates"
               " ORDER BY distance, document_id, event_id LIMIT ?")
        return self.conn.execute(sql, [*params, limit]).fetchall()

    def mentions(self, keys: list[str]) -> dict[str, tuple[EventMention, str]]:
        found = {}
        for start in range(0, len(keys), 400):
            chunk = [key.split("/", 1) for key in keys[start:start + 400]]
            where = " OR ".join(["(document_id = ? AND event_id = ?)"] * len(chunk))
            sql = f"SELECT document_id, event_id, mention, merged_id FROM merged_members WHERE {where}"
            for doc, event, mention, merged_id in self.conn.execute(sql, [v for pair in chunk for v in pair]):
                found[f"{doc}/{event}"] = (mention_from_json(mention), merged_id)
        return found

    def reasons(self, merged_ids: list[str]) -> dict[str, list[MergeReason]]:
        sql = f"SELECT id, merged_because FROM merged_events WHERE id IN ({_marks(merged_ids)})"
        return {merged_id: [MergeReason(r["event"], r["joined"], r["score"], tuple(r["reasons"]))
                            for r in json.loads(because)]
                for merged_id, because in self.conn.execute(sql, merged_ids)}

    def members(self, merged_ids: list[str]) -> dict[str, list[str]]:
        """In a few statements for all of them: most events have no follow-up links, and are read in one."""
        linked = self._with_any_link(merged_ids)
        events = {i: self._with_links([i]) if i in linked else [i] for i in merged_ids}
        direct = self._direct_members(sorted({e for group in events.values() for e in group}))
        return {i: sorted(k for e in group for k in direct.get(e, ())) for i, group in events.items()}

    def _with_any_link(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        return {end for link in self._links_touching(ids) for end in link} & set(ids)

    def _direct_members(self, merged_ids: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for start in range(0, len(merged_ids), 400):
            chunk = merged_ids[start:start + 400]
            sql = f"SELECT merged_id, document_id, event_id FROM merged_members WHERE merged_id IN ({_marks(chunk)})"
            for merged_id, doc, event in self.conn.execute(sql, chunk):
                found[merged_id].append(f"{doc}/{event}")
        return found

    def _with_links(self, merged_ids: list[str]) -> list[str]:
        """These events and every event joined to them by follow-up links, however many links away: the plans
        of a deed, and the other deeds of those plans, are linked again when the deed is clustered again."""
        found = dict.fromkeys(merged_ids)
        frontier = list(found)
        while frontier and len(found) < LINKED_LIMIT:
            frontier = [i for i in self._linked(frontier) if i not in found]
            found.update(dict.fromkeys(frontier))
        return list(found)

    def _linked(self, ids: list[str]) -> list[str]:
        """The events at the other end of these events' links, in order."""
        wanted, links = set(ids), self._links_touching(ids)
        deeds = {deed for plan, deed in links if plan in wanted}
        return sorted(deeds | {plan for plan, deed in links if deed in wanted})

    def _links_touching(self, ids: list[str]) -> list[tuple[str, str]]:
        sql = f"SELECT plan_id, deed_id FROM event_links WHERE plan_id IN ({_marks(ids)}) OR deed_id IN ({_marks(ids)})"
        return self.conn.execute(sql, ids + ids).fetchall()

    def save_merge(self, before: dict[str, str], clusters: list[Cluster], links: list[FollowUp],
                   new: list[EventMention]) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for c in clusters:
            because = json.dumps([_reason_json(r) for r in c.merged_because], ensure_ascii=False)
            self.conn.execute("INSERT INTO merged_events VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                              " merged_because = excluded.merged_because, updated_at = excluded.updated_at"
                              " WHERE merged_events.merged_because != excluded.merged_because",
                              (c.id, ALGORITHM, because, now))
        self._add_members(new, {k: c.id for c in clusters for k in c.members})
        # Only the stored mentions that changed event: most of a region stays where it was, and each UPDATE looks
        # its row up even when it leaves it as it was.
        moved = [(c.id, *key.split("/", 1)) for c in clusters for key in c.members if before.get(key, c.id) != c.id]
        self.conn.executemany("UPDATE merged_members SET merged_id = ? WHERE document_id = ? AND event_id = ?", moved)
        replaced, kept = set(before.values()), {c.id for c in clusters}
        self._relink(replaced | kept, links)
        gone = sorted(replaced - kept)
        self.conn.executemany("DELETE FROM merged_events WHERE id = ?", [(i,) for i in gone])

    def _add_members(self, new: list[EventMention], merged_of: dict[str, str]) -> None:
        for m in new:
            document_id, _, event_id = m.key.partition("/")
            self.conn.execute("INSERT INTO merged_members VALUES (?,?,?,?,?)",
                              (document_id, event_id, merged_of[m.key], m.date, mention_to_json(m)))
            self.conn.executemany("INSERT INTO merge_blocks VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                                  [(b, document_id, event_id, m.date) for b in sorted(registered_blocks(m))])

    def _relink(self, ids: set[str], links: list[FollowUp]) -> None:
        marks = ",".join("?" * len(ids))
        self.conn.execute(f"DELETE FROM event_links WHERE plan_id IN ({marks}) OR deed_id IN ({marks})",
                          [*ids, *ids])
        self.conn.executemany("INSERT INTO event_links VALUES (?,?,?,?) ON CONFLICT (plan_id, deed_id) DO UPDATE"
                              " SET score = excluded.score, reasons = excluded.reasons",
                              [(f.plan, f.deed, f.score, json.dumps(f.reasons)) for f in links])


def _reason_json(reason: MergeReason) -> dict:
    """As ``dataclasses.asdict`` would give it, without its deep copy (every cluster of a region, every report)."""
    return {"event": reason.event, "joined": reason.joined, "score": reason.score, "reasons": reason.reasons}


def _around(middle: str, days: int, low: str, high: str) -> tuple[str, str]:
    """[middle - days, middle + days] within [low, high]."""
    day = date.fromisoformat(middle)
    return max(low, (day - timedelta(days=days)).isoformat()), min(high, (day + timedelta(days=days)).isoformat())


def _middle(low: str | None, high: str | None) -> str:
    """The day halfway between two ISO days (undated frontiers rank stored events by id alone)."""
    if not low or not high:
        return "2000-01-01"
    a, b = date.fromisoformat(low[:10]), date.fromisoformat(high[:10])
    return (a + (b - a) / 2).isoformat()


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


def merge_events(conn: sqlite3.Connection, key: str, report_date: str | None, events: list[Event]) -> None:
    """Merge one stored report's events into the events across reports (inside the caller's transaction), each
    participant read through the entity judgements in force."""
    same = same_as(conn)
    mentions = [_judged(mention_of(key, report_date, event), same) for event in events]
    if mentions:
        merge_new(SqliteMergeIndex(conn), mentions)


def _judged(mention: EventMention, same: dict[str, str]) -> EventMention:
    if not same:
        return mention
    return replace(mention, actors=frozenset(same.get(e, e) for e in mention.actors),
                   recipients=frozenset(same.get(e, e) for e in mention.recipients))


def unmerge(conn: sqlite3.Connection, documents: list[str]) -> None:
    """Take these reports' events out of the events across reports, so they are merged again (``merge_pending``)."""
    for table in ("merge_blocks", "merged_members"):
        conn.executemany(f"DELETE FROM {table} WHERE document_id = ?", [(d,) for d in documents])
    conn.execute("DELETE FROM event_links WHERE plan_id NOT IN (SELECT merged_id FROM merged_members)"
                 " OR deed_id NOT IN (SELECT merged_id FROM merged_members)")
    conn.execute("DELETE FROM merged_events WHERE id NOT IN (SELECT merged_id FROM merged_members)")


def unmerged_documents(conn: sqlite3.Connection) -> list[str]:
    """Documents with events not yet merged (stored before migration 0005, or by an interrupted run)."""
    sql = ("SELECT DISTINCT e.document_id FROM events e LEFT JOIN merged_members m"
           " ON m.document_id = e.document_id AND m.event_id = e.id WHERE m.merged_id IS NULL ORDER BY 1")
    return [row[0] for row in conn.execute(sql)]


def record_copies(conn: sqlite3.Connection, key: str, text: str) -> None:
    """Store the report's signature and note every stored report it nearly repeats."""
    sig = signature(text)
    own = bands(sig)
    marks = ",".join("?" * len(own))
    sql = (f"SELECT DISTINCT s.document_id, s.signature FROM document_bands b JOIN document_signatures s"
           f" ON s.document_id = b.document_id WHERE b.band IN ({marks}) AND b.document_id != ?")
    for other, other_sig in conn.execute(sql, [*own, key]).fetchall():
        score = similarity(sig, other_sig)
        if score >= COPY_SIMILARITY:
            conn.executemany("INSERT INTO near_duplicates VALUES (?,?,?) ON CONFLICT (document_id, other_id)"
                             " DO UPDATE SET similarity = excluded.similarity",
                             [(key, other, score), (other, key, score)])
    conn.execute("INSERT INTO document_signatures VALUES (?,?) ON CONFLICT (document_id)"
                 " DO UPDATE SET signature = excluded.signature", (key, sig))
    conn.executemany("INSERT INTO document_bands VALUES (?,?) ON CONFLICT DO NOTHING", [(band, key) for band in own])


def copies_of(conn: sqlite3.Connection, documents: list[str]) -> dict[str, str]:
    """Each document that nearly repeats another -> the original of its copies: the one whose outlet the others
    name ("first published by the Harbor Post"), else the earliest dated, else the first by id."""
    found = {}
    for doc in documents:
        group = [doc] + [row[0] for row in conn.execute("SELECT other_id FROM near_duplicates WHERE document_id = ?",
                                                        (doc,))]
        if len(group) > 1:
            original = min(group, key=lambda d: _original_rank(conn, d, group))
            if original != doc:
                found[doc] = original
    return found


def _original_rank(conn: sqlite3.Connection, doc: str, group: list[str]) -> tuple:
    outlet, date = conn.execute("SELECT outlet, date FROM documents WHERE id = ?", (doc,)).fetchone()
    texts = [conn.execute("SELECT text FROM documents WHERE id = ?", (other,)).fetchone()[0]
             for other in group if other != doc]
    named = bool(outlet) and any(outlet in text for text in texts)
    return (not named, date is None, date or "", doc)
