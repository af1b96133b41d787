"""Writing an export: each format with a statement of what it holds, from which database, as of when."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, TextIO

from claimgraph.export._ftm import ftm_entities, unique
from claimgraph.export._graph import to_networkx, write_gexf
from claimgraph.export._plover import plover_record
from claimgraph.export._tables import CLAIM_COLUMNS, EVENT_COLUMNS, claim_rows, event_row

# Formats and whether they can go to standard output (the others are files with their metadata inside or beside).
FORMATS = {"plover-jsonl": True, "events-csv": False, "claims-csv": False, "graphml": False, "gexf": False,
           "parquet": False, "ftm-jsonl": False}
HOLDS = {
    "plover-jsonl": "events across reports, one per line after this one, PLOVER field names; claims under `claimgraph`",
    "events-csv": "events across reports, one row per event",
    "claims-csv": "every claim about the exported events, one row per claim (event_id joins events-csv)",
    "graphml": "actors as nodes, events as directed edges (actor to recipient) per PLOVER type, weight = "
               "independent sources",
    "gexf": "actors as nodes, events as directed edges (actor to recipient) per PLOVER type, weight = "
            "independent sources",
    "parquet": "events across reports, one row per event, with their claims as a nested list",
    "ftm-jsonl": "FollowTheMoney entities, one per line: actors, reports (Article), events (Event), sanctions "
                 "(Sanction) and claims (Documentation linking a report to an event)",
}


def metadata_file(path: Path) -> Path:
    """Where the metadata of a CSV or FollowTheMoney export goes: beside it, as FILE.meta.json."""
    return path.with_name(path.name + ".meta.json")


def write_text(fmt: str, events: list, metadata: dict[str, Any], stream: TextIO, cameo_of) -> int:
    if fmt != "plover-jsonl":
        raise ValueError(f"{fmt} is not written to a stream")
    stream.write(json.dumps({"claimgraph_export": metadata}, ensure_ascii=False) + "\n")
    for event in events:
        stream.write(json.dumps(plover_record(event, cameo_of), ensure_ascii=False) + "\n")
    return len(events)


def write_file(fmt: str, events: list, network, metadata: dict[str, Any], path: Path, cameo_of, ftm=None) -> int:
    """``ftm``: (entity types, documents) for ftm-jsonl."""
    if fmt == "ftm-jsonl":
        return _ftm(events, metadata, path, *ftm)
    if fmt == "plover-jsonl":
        with path.open("w", encoding="utf-8") as stream:
            return write_text(fmt, events, metadata, stream, cameo_of)
    if fmt in ("events-csv", "claims-csv"):
        return _csv(fmt, events, metadata, path)
    if fmt in ("graphml", "gexf"):
        return _graph(fmt, network, metadata, path)
    return _parquet(events, metadata, path)


def _ftm(events: list, metadata: dict[str, Any], path: Path, types, documents) -> int:
    entities = unique(entity for event in events for entity in ftm_entities(event, types, documents))
    with path.open("w", encoding="utf-8") as stream:
        for entity in entities:
            stream.write(json.dumps(entity, ensure_ascii=False) + "\n")
    _sidecar(path, metadata, len(entities))
    return len(entities)


def _sidecar(path: Path, metadata: dict[str, Any], rows: int) -> None:
    metadata_file(path).write_text(json.dumps({**metadata, "rows": rows}, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")


def _csv(fmt: str, events: list, metadata: dict[str, Any], path: Path) -> int:
    columns, rows = ((EVENT_COLUMNS, [event_row(e) for e in events]) if fmt == "events-csv"
                     else (CLAIM_COLUMNS, [r for e in events for r in claim_rows(e)]))
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    _sidecar(path, metadata, len(rows))
    return len(rows)


def _graph(fmt: str, network, metadata: dict[str, Any], path: Path) -> int:
    import networkx as nx

    graph = to_networkx(network, metadata)
    if fmt == "graphml":
        nx.write_graphml(graph, str(path))
    else:
        write_gexf(graph, str(path), metadata)
    return graph.number_of_edges()


def _parquet(events: list, metadata: dict[str, Any], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{**event_row(e), "claim_rows": claim_rows(e)} for e in events]
    table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in EVENT_COLUMNS})
    table = table.replace_schema_metadata({"claimgraph_export": json.dumps(metadata, ensure_ascii=False)})
    # Into a file opened here: given a path, pyarrow deletes it when writing fails (as root, even /dev/full).
    with open(path, "wb") as file:
        pq.write_table(table, file)
    return len(rows)
