"""Export: the published JSON form of an extraction, its schema, and JSONL writing."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib import resources
from typing import Any, TextIO

from claimgraph.model import Extraction

__all__ = ["SCHEMA_FILE", "schema", "validate", "write_jsonl"]

SCHEMA_FILE = "extraction.schema.json"


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("claimgraph.export").joinpath(SCHEMA_FILE).read_text("utf-8"))


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
