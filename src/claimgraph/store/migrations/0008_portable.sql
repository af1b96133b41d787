-- What SQLite gave implicitly is said in the schema, so PostgreSQL gives the same answers (docs/CLI.md, "PostgreSQL").
-- A claim's place among its event's claims: they were read back in rowid order, which PostgreSQL has not.
ALTER TABLE event_claims ADD COLUMN position INTEGER;
UPDATE event_claims SET position = rowid;

-- Names are looked up without case through lower() (ASCII case, as SQLite's NOCASE), which both engines index.
CREATE INDEX entities_name_lower ON entities(lower(name));
CREATE INDEX entity_aliases_alias_lower ON entity_aliases(lower(alias));
DROP INDEX entities_name;
DROP INDEX entity_aliases_alias;
