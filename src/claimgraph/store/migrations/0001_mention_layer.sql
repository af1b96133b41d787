-- Mention layer: documents with their text, canonical entities, mentions, time expressions, quantities.
-- Plain tables with foreign keys so any SQLite tool can read them. Offsets index documents.text.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,          -- "d" + first 16 hex digits of text_sha256
    text_sha256 TEXT NOT NULL UNIQUE,      -- re-ingesting the same text adds nothing
    external_id TEXT,                      -- the id the input gave, if any
    date        TEXT,                      -- ISO publication date
    title       TEXT,
    url         TEXT,
    outlet      TEXT,
    source      TEXT,                      -- file the document was read from
    text        TEXT NOT NULL,
    pipeline    TEXT NOT NULL,             -- JSON: step -> versioned algorithm
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);

CREATE TABLE entities (
    id       TEXT PRIMARY KEY,             -- Wikidata QID, or cg:<slug of canonical name>
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    wikidata TEXT
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases(alias COLLATE NOCASE);

CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL REFERENCES entities(id),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    type        TEXT NOT NULL,             -- the type this document's reading gave the entity
    PRIMARY KEY (document_id, start, end)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE timexes (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    type        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (document_id, start, end)
);

CREATE TABLE quantities (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,             -- q1, q2... within the document
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       REAL NOT NULL,
    approximate INTEGER NOT NULL,
    counts      TEXT,
    part_of     TEXT,
    PRIMARY KEY (document_id, id)
);
