-- PostgreSQL's reading of 0007: the same blocks, through jsonb instead of SQLite's json_each.
INSERT INTO merge_blocks (block, document_id, event_id, date)
SELECT (m.mention::jsonb ->> 'type') || '|object:' || w.value, m.document_id, m.event_id, m.date
FROM merged_members m, jsonb_array_elements_text(m.mention::jsonb -> 'words') w
ON CONFLICT DO NOTHING;
INSERT INTO merge_blocks (block, document_id, event_id, date)
SELECT (m.mention::jsonb ->> 'type') || '|object:' || w.value || '|open', m.document_id, m.event_id, m.date
FROM merged_members m, jsonb_array_elements_text(m.mention::jsonb -> 'words') w
WHERE jsonb_array_length(m.mention::jsonb -> 'actors') = 0 AND jsonb_array_length(m.mention::jsonb -> 'recipients') = 0
ON CONFLICT DO NOTHING;
