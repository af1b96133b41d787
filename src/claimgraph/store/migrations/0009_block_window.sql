-- Finding a new report's candidates reads a block's stored events nearest its date. The index now holds every
-- column that read needs, so a busy block ("ASSAULT|Q159": thousands of events) is read from the index alone,
-- without a table lookup per event.
CREATE INDEX merge_blocks_window ON merge_blocks(block, date, document_id, event_id);
DROP INDEX merge_blocks_date;
