"""`claimgraph export`: the events a filter finds, written in one format with what it holds and where from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from claimgraph import __version__, api
from claimgraph.errors import OutputError
from claimgraph.export._write import FORMATS, HOLDS, write_file, write_text
from claimgraph.query import network


@dataclass
class ExportReport:
    format: str
    written: int  # events, claims (claims-csv) or edges (graphml, gexf)
    path: str | None  # None: written to the stream


def export(db: str | Path, fmt: str, output: str | Path | TextIO, **filters) -> ExportReport:
    """Write the events ``api.events`` finds with ``filters`` (every one by default) as ``fmt`` to ``output``,
    a path or, for plover-jsonl, a text stream."""
    if fmt not in FORMATS:
        raise OutputError(f"no export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    listed = api.events(db, **filters)
    metadata = _metadata(db, fmt, listed, filters)
    cameo_of = _cameo_codes()
    if not isinstance(output, str | Path):
        return ExportReport(fmt, write_text(fmt, listed.events, metadata, output, cameo_of), None)
    path = Path(output)
    ftm = _ftm_context(db, listed.events) if fmt == "ftm-jsonl" else None
    try:
        written = write_file(fmt, listed.events, network(listed.events, listed.as_of), metadata, path, cameo_of, ftm)
    except OSError as exc:
        raise OutputError(f"could not write {path} ({exc.strerror or exc}): choose another path") from exc
    return ExportReport(fmt, written, str(path))


def needs_file(fmt: str) -> bool:
    return not FORMATS.get(fmt, True)


def _metadata(db, fmt: str, listed, filters: dict) -> dict:
    return {
        "format": fmt, "holds": HOLDS[fmt], "database": str(Path(db).resolve()), "as_of": listed.as_of,
        "exported_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "events": len(listed.events), "undated_reports_left_out": listed.undated_left_out,
        "filters": {k: v for k, v in filters.items() if v not in (None, False)},
        "claimgraph": __version__,
    }


def _ftm_context(db, events) -> tuple[dict[str, str], dict]:
    """The entity types and stored documents a FollowTheMoney export needs."""
    types = {e.id: e.type for e in api.entities(db)}
    return types, api.documents([c.document for e in events for c in e.claims], db)


def _cameo_codes():
    from claimgraph.resolve import default_gazetteer

    gazetteer = default_gazetteer()

    def cameo_of(name: str) -> str | None:
        entry = gazetteer.entry_by_name(name) or gazetteer.lookup(name)
        return (entry.cameo or "")[:3] or None if entry is not None else None

    return cameo_of
