-- Events across reports. Every report-level event belongs to one merged event (merged_members); the merge layer's
-- reading of it (participants, sides, time interval, object words) is kept as JSON so a new report can be merged
-- without reading the old ones again. Blocks index members for candidate search. Merged-event ids come from their
-- first member's key: they change only when their membership does.
CREATE TABLE merged_events (
    id             TEXT PRIMARY KEY,       -- "ev" + 14 hex digits
    algorithm      TEXT NOT NULL,          -- e.g. merge.constrained-average/1
    merged_because TEXT NOT NULL,          -- JSON list: [{event, joined, score, reasons}]
    updated_at     TEXT NOT NULL
);

CREATE TABLE merged_members (
    document_id TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    merged_id   TEXT NOT NULL REFERENCES merged_events(id),
    date        TEXT,                      -- the report's date, for the candidate window
    mention     TEXT NOT NULL,             -- JSON: the merge layer's reading of the event
    PRIMARY KEY (document_id, event_id),
    FOREIGN KEY (document_id, event_id) REFERENCES events(document_id, id) ON DELETE CASCADE
);
CREATE INDEX merged_members_merged ON merged_members(merged_id);

CREATE TABLE merge_blocks (
    block       TEXT NOT NULL,             -- "AID|Q794", "ASSAULT|place:soledar", "AID|week:2022-W34"
    document_id TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    date        TEXT,
    PRIMARY KEY (block, document_id, event_id),
    FOREIGN KEY (document_id, event_id) REFERENCES events(document_id, id) ON DELETE CASCADE
);
CREATE INDEX merge_blocks_date ON merge_blocks(block, date);

-- A planned or considered event and the later one that carries it out.
CREATE TABLE event_links (
    plan_id TEXT NOT NULL REFERENCES merged_events(id) ON DELETE CASCADE,
    deed_id TEXT NOT NULL REFERENCES merged_events(id) ON DELETE CASCADE,
    score   REAL NOT NULL,
    reasons TEXT NOT NULL,                 -- JSON list
    PRIMARY KEY (plan_id, deed_id)
);
CREATE INDEX event_links_deed ON event_links(deed_id);

-- Near-identical reports (agency copies): MinHash signatures and LSH bands over word shingles.
CREATE TABLE document_signatures (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature   BLOB NOT NULL
);
CREATE TABLE document_bands (
    band        TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, document_id)
);
CREATE TABLE near_duplicates (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    other_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    similarity  REAL NOT NULL,             -- estimated Jaccard similarity of their word shingles
    PRIMARY KEY (document_id, other_id)
);

-- Judgements: decisions about entities made apart from the facts, reversible (withdrawn_at set, never deleted).
CREATE TABLE entity_judgements (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('same', 'different')),
    entity_id    TEXT NOT NULL,
    other_id     TEXT NOT NULL,
    decided_by   TEXT NOT NULL,
    reason       TEXT,
    decided_at   TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE INDEX entity_judgements_entity ON entity_judgements(entity_id);
