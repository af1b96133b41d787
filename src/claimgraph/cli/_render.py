"""Plain-text rendering of query results for the terminal (JSON goes through ``to_json``)."""

from __future__ import annotations

import json
from typing import Any

from claimgraph.export import plain


def to_json(value: Any) -> str:
    return json.dumps(plain(value), indent=2, ensure_ascii=False)


def table(headers: list[str], rows: list[list[Any]]) -> str:
    """A left-aligned text table sized to its content."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def title_or_source(document, width: int = 60) -> str:
    """A document's title, or the file it came from when it has none (seed and .txt files)."""
    label = document.title or (document.source or "").rsplit("/", 1)[-1]
    return label if len(label) <= width else label[: width - 1] + "…"


def judgement_line(j) -> str:
    """ "#3 same: PMC Wagner Centre is Wagner Group (by ana, 2026-12-01: one company)" and whether withdrawn."""
    verb = "is" if j.kind == "same" else "is not"
    why = f": {j.reason}" if j.reason else ""
    withdrawn = f"  [withdrawn {j.withdrawn_at}]" if j.withdrawn_at else ""
    return f"#{j.id} {j.kind}: {j.other_id} {verb} {j.entity_id} (by {j.decided_by}, {j.decided_at}{why}){withdrawn}"


def entity_detail(detail) -> str:
    e = detail.entity
    lines = [f"{e.name}  ({e.type}{', ' + e.wikidata if e.wikidata else ''}; id {e.id})",
             f"  aliases:   {', '.join(detail.aliases) or '-'}",
             f"  mentions:  {e.mentions} in {e.documents} document(s)", "",
             "Documents" + (f" (the latest {len(detail.documents)}; `--all` for every one):"
                            if len(detail.documents) < e.documents else ":")]
    for doc, count in detail.documents:
        lines.append(f"  {doc.date or '????-??-??'}  {doc.id}  {doc.outlet or '-'}  {title_or_source(doc)}  ({count}x)")
    if detail.times:
        lines += ["", "Time expressions near its mentions:"]
        for near in detail.times:
            t = near.timex
            lines.append(f"  {near.date or '?'}  {t.text!r} -> {t.value} ({t.type})  [{near.document_id}]")
    if detail.events:
        lines += ["", f"Events it takes part in ({detail.event_count}; `claimgraph events --entity` for the table):"]
        for stored in detail.events[:12]:
            e = stored.event
            who = " -> ".join(", ".join(p["name"] for p in side) or "?" for side in (e.actor, e.recipient))
            lines.append(f"  {stored.date or '?'}  {e.type:<9} {e.status:<10} {who}  [{stored.key}]")
    if detail.judgements:
        lines += ["", "Judgements:"] + [f"  {judgement_line(j)}" for j in detail.judgements]
    return "\n".join(lines)


def scores(report: dict, indent: int = 0) -> str:
    """Nested score dictionaries as indented lines; floats to three places, long lists cut."""
    lines = []
    pad = "  " * indent
    for key, value in report.items():
        if isinstance(value, dict):
            lines += [f"{pad}{key}:", scores(value, indent + 1)]
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: ({len(value)})")
            lines += [f"{pad}  - {_short(item)}" for item in value[:15]]
        else:
            lines.append(f"{pad}{key}: {_short(value)}")
    return "\n".join(lines)


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_short(v)}" for k, v in value.items())
    return str(value)
