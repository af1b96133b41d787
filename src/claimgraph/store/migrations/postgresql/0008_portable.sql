-- PostgreSQL's reading of 0008: a store made in PostgreSQL has no claims from before it, and no rowid.
ALTER TABLE event_claims ADD COLUMN position INTEGER;
CREATE INDEX entities_name_lower ON entities(lower(name));
CREATE INDEX entity_aliases_alias_lower ON entity_aliases(lower(alias));
DROP INDEX entities_name;
DROP INDEX entity_aliases_alias;
