-- How many mentions gave each entity each type, kept as documents are stored: an entity's type is the one most
-- mentions gave it, and counting them again on every document (Russia: every mention of every report) made storing
-- slower as the store grew.
CREATE TABLE entity_type_votes (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    type      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, type)
);
INSERT INTO entity_type_votes SELECT entity_id, type, count(*) FROM mentions GROUP BY entity_id, type;
