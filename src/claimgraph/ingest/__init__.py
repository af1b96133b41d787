"""Ingest: dated reports in, one ``Document`` (or one ``InputError``) out at a time.

Formats: seed text (`` date YYYY-MM-DD `` header), plain text (dated by ``--date``),
JSONL/NDJSON and CSV records (id, date, title, url, outlet, text) and HTML pages.
Text is stored as read except that CRLF and CR become LF, so offsets computed by
later layers index ``Document.text`` exactly as stored.
"""

from ._readers import FORMATS, detect_format, read_paths, read_text_document

__all__ = ["FORMATS", "detect_format", "read_paths", "read_text_document"]
