"""Terminal rendering of events: one line each in lists, the evidence with its parts marked in detail."""

from __future__ import annotations

from claimgraph.cli._render import table

# Marks around highlighted parts of the evidence: ANSI colour on a terminal, brackets in pipes and files.
_COLOURS = {"actor": "1;34", "recipient": "1;35", "trigger": "1;4", "time": "32", "status_cue": "33"}
_BRACKETS = {"actor": ("[A:", "]"), "recipient": ("[R:", "]"), "trigger": ("[", "]"), "time": ("[T:", "]"),
             "status_cue": ("[S:", "]")}


def _names(people: list[dict], width: int | None = None) -> str:
    names = ", ".join(p["name"] for p in people) or "-"
    return names if width is None or len(names) <= width else names[: width - 1] + "…"


def source_label(stored) -> str:
    """Who carries the event: the speakers of its attributions, or the outlet itself."""
    if stored.sources:
        return "; ".join(_speaker_with_chain(a) for a in stored.sources)
    return f"{stored.outlet or 'the report'} (itself)"


def _speaker_with_chain(attribution) -> str:
    chain = "".join(f" via {outlet}" for outlet in attribution.outlet_chain)
    return f"{attribution.speaker.name}{chain}"


def claims_label(event) -> str:
    """ "United States asserted; North Korea denied": each claim's speaker and status, or the sources."""
    said = [f"{c.speaker.name if c.speaker else 'the report'} {c.status}" for c in event.claims]
    return "; ".join(dict.fromkeys(said))


def events_table(rows) -> str:
    body = []
    for stored in rows:
        e = stored.event
        kind = f"{e.type}/{e.mode}" if e.mode else e.type
        said = claims_label(e) or source_label(stored)
        said = said if len(said) <= 56 else said[:55] + "…"
        body.append([stored.date or "undated", stored.key, kind, e.status, _names(e.actor, 28),
                     _names(e.recipient, 28), e.time.value if e.time else "", said])
    return table(["date", "event", "type", "status", "actor", "recipient", "time", "claims"], body)


def role_text(value) -> str:
    if isinstance(value, dict):
        return value.get("text") or ", ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return "; ".join(role_text(v) for v in value)
    return str(value)


def highlight(stored, colour: bool) -> str:
    """The evidence sentence with actor, recipient, trigger, time and status cue marked."""
    e = stored.event
    start, text = e.evidence.start, e.evidence.text
    marks = _marks(e)
    out, cursor = [], 0
    for role, s, end in sorted((m for m in marks if start <= m[1] and m[2] <= start + len(text)), key=lambda m: m[1]):
        s, end = s - start, end - start
        if s < cursor:
            continue  # nested or overlapping marks: keep the first
        opening, closing = (f"\033[{_COLOURS[role]}m", "\033[0m") if colour else _BRACKETS[role]
        out += [text[cursor:s], opening, text[s:end], closing]
        cursor = end
    return "".join(out + [text[cursor:]])


def _marks(e) -> list[tuple[str, int, int]]:
    marks = [(role, p["start"], p["end"]) for role in ("actor", "recipient") for p in getattr(e, role)
             if p.get("start") is not None]
    for role in ("trigger", "status_cue"):
        span = e.roles.get(role)
        if isinstance(span, dict) and "start" in span:
            marks.append((role, span["start"], span["end"]))
    if e.time:
        marks.append(("time", e.time.start, e.time.end))
    return marks
