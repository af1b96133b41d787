"""Export: the published JSON form of an extraction, its schema, and JSONL writing."""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterable
from importlib import resources
from typing import Any, TextIO

from claimgraph.export._events import EVENTS_SCHEMA_FILE, event_record
from claimgraph.export._plover import PLOVER_SCHEMA_FILE
from claimgraph.export._run import ExportReport, export, needs_file
from claimgraph.export._write import FORMATS, metadata_file
from claimgraph.model import Extraction

__all__ = ["EVENTS_SCHEMA_FILE", "FORMATS", "PLOVER_SCHEMA_FILE", "SCHEMA_FILE", "ExportReport", "event_record",
           "events_schema", "export", "metadata_file", "needs_file", "plain", "plover_schema", "schema", "validate",
           "validate_event", "validate_plover", "write_jsonl"]

SCHEMA_FILE = "extraction.schema.json"


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("claimgraph.export").joinpath(SCHEMA_FILE).read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def events_schema() -> dict[str, Any]:
    return json.loads(resources.files("claimgraph.export").joinpath(EVENTS_SCHEMA_FILE).read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def plover_schema() -> dict[str, Any]:
    return json.loads(resources.files("claimgraph.export").joinpath(PLOVER_SCHEMA_FILE).read_text("utf-8"))


def validate_plover(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``record`` is a line of a plover-jsonl export."""
    import jsonschema

    jsonschema.Draft202012Validator(plover_schema()).validate(record)


def validate_event(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``record`` follows the schema of stored events."""
    import jsonschema

    jsonschema.Draft202012Validator(events_schema()).validate(record)


def validate(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``record`` follows the published schema."""
    import jsonschema

    jsonschema.Draft202012Validator(schema()).validate(record)


def write_jsonl(extractions: Iterable[Extraction], stream: TextIO) -> int:
    """Write one JSON object per extraction, in order; return how many were written."""
    written = 0
    for extraction in extractions:
        stream.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
        written += 1
    return written


def plain(value: Any) -> Any:
    """Query results (dataclasses, lists, dicts) as plain JSON values."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
