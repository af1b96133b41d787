-- Dates of any precision and where they came from; the language a report is written in.
-- documents.date may now be "2023-01-11", "2023-01", "2022" or NULL (undated reports are stored too).
ALTER TABLE documents ADD COLUMN date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year'));
ALTER TABLE documents ADD COLUMN date_source TEXT
    CHECK (date_source IN ('record', 'text', 'html', 'argument', 'none'));
ALTER TABLE documents ADD COLUMN language TEXT;  -- ISO 639-1 ("en", "it"), NULL when unsure
-- Before this migration every stored document had a full-day date; where it came from was not kept.
UPDATE documents SET date_precision = 'day' WHERE date IS NOT NULL;
