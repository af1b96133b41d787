"""The timeline and network pictures, drawn on the server as SVG: no script, no front-end library, and every label
escaped (entity names come from untrusted report text)."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from markupsafe import Markup, escape

from claimgraph.model import iso_day

WIDTH, LANE, MARGIN = 960, 34, 150
STATUS_CLASSES = {"asserted", "confirmed", "believed", "reported", "alleged", "possible", "denied", "negated",
                  "planned", "considered", "hypothetical", "disputed"}


def when(event) -> str | None:
    """The day an event is drawn at: its own time when that is a day, else its first claim's report date."""
    own = iso_day(event.time)
    if own:
        return own
    dated = sorted(filter(None, (iso_day(c.date) for c in event.claims)))
    return dated[0] if dated else None


def timeline_svg(events: list) -> Markup:
    """One lane per PLOVER type, one dot per event at its day, a line from a plan to the deed that carried it out."""
    placed = {e.id: (day, e) for e in events if (day := when(e))}
    if not placed:
        return Markup("")
    days = sorted(date.fromisoformat(d) for d, _ in placed.values())
    first, span = days[0], max((days[-1] - days[0]).days, 1)
    lanes = sorted({e.type for _, e in placed.values()})
    height = LANE * len(lanes) + 40

    def point(event_id: str) -> tuple[float, float]:
        day, event = placed[event_id]
        x = MARGIN + (date.fromisoformat(day) - first).days / span * (WIDTH - MARGIN - 20)
        return round(x, 1), LANE * lanes.index(event.type) + 20

    parts = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="events over time">']
    for i, lane in enumerate(lanes):
        parts.append(f'<text class="lane" x="4" y="{LANE * i + 24}">{escape(lane)}</text>'
                     f'<line class="lane" x1="{MARGIN}" x2="{WIDTH - 20}" y1="{LANE * i + 20}" y2="{LANE * i + 20}"/>')
    for event_id, (_, event) in placed.items():
        for deed in event.fulfilled_by:
            if deed in placed:
                (x1, y1), (x2, y2) = point(event_id), point(deed)
                parts.append(f'<line class="fulfils" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>')
    for event_id, (day, event) in placed.items():
        x, y = point(event_id)
        status = event.status if event.status in STATUS_CLASSES else "other"
        href = escape(quote(event_id, safe=""))
        parts.append(f'<a href="/event/{href}"><circle class="{status}" cx="{x}" cy="{y}" r="6"><title>'
                     f'{escape(day)} {escape(event.type)} ({escape(event.status)})</title></circle></a>')
    parts.append(f'<text class="axis" x="{MARGIN}" y="{height - 4}">{first.isoformat()}</text>'
                 f'<text class="axis end" x="{WIDTH - 20}" y="{height - 4}">{days[-1].isoformat()}</text></svg>')
    return Markup("".join(parts))


def network_svg(graph, positions: dict[str, tuple[float, float]], height: int = 640) -> Markup:
    """Nodes at ``positions`` (in [-1, 1]), edges as arrows whose width grows with independent sources."""
    if not graph.nodes:
        return Markup("")

    def xy(node_id: str) -> tuple[float, float]:
        x, y = positions[node_id]
        return round(WIDTH / 2 + x * (WIDTH / 2 - 90), 1), round(height / 2 + y * (height / 2 - 40), 1)

    parts = [f'<svg class="network" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="who is tied to whom">'
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="6" markerHeight="6"'
             ' orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>']
    for edge in graph.edges:
        (x1, y1), (x2, y2) = xy(edge.source), xy(edge.target)
        width = min(1 + edge.independent / 2, 8)
        parts.append(f'<line class="edge {escape(edge.type)}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"'
                     f' stroke-width="{width}" marker-end="url(#arrow)"><title>{escape(edge.type)}: '
                     f'{len(edge.events)} event(s), {edge.independent} independent source(s)</title></line>')
    for node in graph.nodes:
        x, y = xy(node.id)
        href = escape(quote(node.id, safe=":"))
        parts.append(f'<a href="/entity/{href}"><circle class="node" cx="{x}" cy="{y}" r="8"/>'
                     f'<text class="node" x="{x + 11}" y="{y + 4}">{escape(node.name)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
