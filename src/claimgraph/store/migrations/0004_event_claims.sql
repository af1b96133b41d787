-- Every claim about an event: who says so (a speaker span, or the report's outlet with no span), how sure
-- (status), with which cue, when it was said (TIMEX3), from which attribution and sentence. Offsets index
-- documents.text. Claim ids ("e3.c1") are unique within a document.
CREATE TABLE event_claims (
    document_id    TEXT NOT NULL,
    event_id       TEXT NOT NULL,
    id             TEXT NOT NULL,
    speaker_entity TEXT REFERENCES entities(id),
    speaker_name   TEXT,                   -- NULL when the report does not say who
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    status         TEXT NOT NULL,
    cue_start      INTEGER,
    cue_end        INTEGER,
    said_on        TEXT,
    attribution_id TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    PRIMARY KEY (document_id, id),
    FOREIGN KEY (document_id, event_id) REFERENCES events(document_id, id) ON DELETE CASCADE
);
CREATE INDEX event_claims_event ON event_claims(document_id, event_id);
CREATE INDEX event_claims_speaker ON event_claims(speaker_entity, status);

-- A participant the text does not name but the reading inferred ("other side", "place", "armed forces"):
-- no span, and the reason here, so a reader can tell it from a stated one.
ALTER TABLE event_participants ADD COLUMN inferred TEXT;
