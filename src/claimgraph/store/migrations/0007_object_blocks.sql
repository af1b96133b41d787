-- Events stored before merging found events by the thing they are about ("SANCTION|object:kind:designation_terrorist")
-- get those blocks, so an event that names no participant finds them too. Every object word is indexed here (the
-- merge layer also leaves out generic words, which are never looked up: the extra rows only cost space).
INSERT OR IGNORE INTO merge_blocks (block, document_id, event_id, date)
SELECT json_extract(m.mention, '$.type') || '|object:' || w.value, m.document_id, m.event_id, m.date
FROM merged_members m, json_each(m.mention, '$.words') w;
INSERT OR IGNORE INTO merge_blocks (block, document_id, event_id, date)
SELECT json_extract(m.mention, '$.type') || '|object:' || w.value || '|open', m.document_id, m.event_id, m.date
FROM merged_members m, json_each(m.mention, '$.words') w
WHERE json_array_length(m.mention, '$.actors') = 0 AND json_array_length(m.mention, '$.recipients') = 0;
