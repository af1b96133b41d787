-- Claim layer: attributions (who said it, through whom) and PLOVER events with their participants.
-- Offsets index documents.text. JSON columns hold lists and domain roles that vary by event type.
CREATE TABLE attributions (
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,          -- a1, a2... within the document
    speaker_entity TEXT REFERENCES entities(id),
    speaker_name   TEXT NOT NULL,
    speaker_start  INTEGER NOT NULL,
    speaker_end    INTEGER NOT NULL,
    cue_start      INTEGER NOT NULL,
    cue_end        INTEGER NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    outlet_chain   TEXT NOT NULL,          -- JSON list, nearest outlet first
    PRIMARY KEY (document_id, id)
);
CREATE INDEX attributions_speaker ON attributions(speaker_entity);

CREATE TABLE events (
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,          -- e1, e2... within the document
    type           TEXT NOT NULL,          -- PLOVER type
    mode           TEXT,
    status         TEXT NOT NULL,
    time_text      TEXT,
    time_start     INTEGER,
    time_end       INTEGER,
    time_type      TEXT,
    time_value     TEXT,                   -- TIMEX3 value of the event's own time
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    roles          TEXT NOT NULL,          -- JSON: domain roles (item, quantity, kind, status_cue...)
    PRIMARY KEY (document_id, id)
);
CREATE INDEX events_type ON events(type, status);

CREATE TABLE event_participants (
    document_id TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    position    INTEGER NOT NULL,
    entity_id   TEXT REFERENCES entities(id),
    name        TEXT NOT NULL,
    start       INTEGER,
    end         INTEGER,
    PRIMARY KEY (document_id, event_id, role, position),
    FOREIGN KEY (document_id, event_id) REFERENCES events(document_id, id) ON DELETE CASCADE
);
CREATE INDEX event_participants_entity ON event_participants(entity_id, role);

CREATE TABLE event_attributions (
    document_id    TEXT NOT NULL,
    event_id       TEXT NOT NULL,
    attribution_id TEXT NOT NULL,
    PRIMARY KEY (document_id, event_id, attribution_id),
    FOREIGN KEY (document_id, event_id) REFERENCES events(document_id, id) ON DELETE CASCADE,
    FOREIGN KEY (document_id, attribution_id) REFERENCES attributions(document_id, id) ON DELETE CASCADE
);
