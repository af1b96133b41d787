"""The HTML pages: search, entity, event, timeline, network, disputes and report, each as of a chosen day.

Rendered on the server with Jinja2 autoescaping; the pictures are SVG drawn here (``_svg``), so a page needs no
script and no library from a CDN.
"""

from __future__ import annotations

import datetime
from importlib import resources
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from claimgraph import api
from claimgraph.model import HAPPENED_STATUSES
from claimgraph.query import network
from claimgraph.web._highlight import event_marks, highlighted, window
from claimgraph.web._layout import spring_positions
from claimgraph.web._params import AsOf, Day, iso
from claimgraph.web._svg import network_svg, timeline_svg, when

router = APIRouter(include_in_schema=False)
_templates = Environment(loader=FileSystemLoader(str(resources.files("claimgraph.web") / "templates")),
                         autoescape=select_autoescape(default=True, default_for_string=True))
# Claim statuses in the three columns of an event page (the third: planned, considered, hypothetical).
HAPPENED, DENIED = HAPPENED_STATUSES, ("denied", "negated")
# Events a page reads at most, so that it answers in bounded time on a store of any size (each says how many of how
# many it shows).
PAGE_EVENTS, NETWORK_EVENTS, DISPUTES_SHOWN = 200, 300, 100
ENTITY_EVENTS = 50


def _url(path: str, **params) -> str:
    """A link inside the app; empty parameters are left out."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", False)})
    return path + (f"?{query}" if query else "")


def _quoted(value: str) -> str:
    return quote(value, safe=":")


_templates.globals.update(url=_url, quoted=_quoted, when=when)


def _render(request: Request, name: str, as_of: datetime.date | None, status: int = 200, **context) -> HTMLResponse:
    kept = {k: v for k, v in request.query_params.items() if k != "as_of"}
    page = _templates.get_template(name).render(request=request, as_of=iso(as_of), kept=kept, **context)
    return HTMLResponse(page, status_code=status)


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return _render(request, "error.html", None, status, code=code, message=message, title=f"{code}")


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "", as_of: AsOf = None):
    day = iso(as_of)
    found = api.search(q, request.app.state.db, as_of=day) if q.strip() else None
    top = [] if found else api.entities(request.app.state.db, limit=15)
    return _render(request, "search.html", as_of, q=q, found=found, top=top, title="Search")


@router.get("/entity/{name:path}", response_class=HTMLResponse)
def entity_page(request: Request, name: str, as_of: AsOf = None):
    """Bounded however big the entity: the first ENTITY_EVENTS events of each role, and the ties among them."""
    db, day = request.app.state.db, iso(as_of)
    detail = api.entity(name, db, limit=0)
    who = detail.entity.id
    as_actor = api.events(db, actor=who, as_of=day, limit=ENTITY_EVENTS)
    as_recipient = api.events(db, recipient=who, as_of=day, limit=ENTITY_EVENTS)
    shown = {e.id: e for e in as_actor.events + as_recipient.events}
    graph = network(list(shown.values()))
    names = {n.id: n.name for n in graph.nodes}
    ties = [(edge, other, names[other]) for edge in graph.edges if who in (edge.source, edge.target)
            for other in [edge.target if edge.source == who else edge.source]]
    reports = api.documents(sorted({c.document for e in shown.values() for c in e.claims}), db)
    reports = sorted(reports.values(), key=lambda d: (d.date or "~", d.id))
    return _render(request, "entity.html", as_of, detail=detail, as_actor=as_actor, as_recipient=as_recipient,
                   ties=ties, reports=reports, timeline=timeline_svg(list(shown.values())), shown=len(shown),
                   title=detail.entity.name)


@router.get("/event/{event_id:path}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, as_of: AsOf = None):
    db = request.app.state.db
    event = api.event(event_id, db, as_of=iso(as_of))
    texts = api.texts([c.document for c in event.claims], db)
    members = {m.key: m for m in event.members}
    shown = [(c, _evidence(c, members.get(c.event), texts.get(c.document, ""))) for c in event.claims]
    groups = [("Asserted", [s for s in shown if s[0].status in HAPPENED]),
              ("Denied", [s for s in shown if s[0].status in DENIED]),
              ("Planned or considered", [s for s in shown if s[0].status not in HAPPENED + DENIED])]
    return _render(request, "event.html", as_of, event=event, groups=groups, title=f"{event.type} {event.id}")


def _evidence(claim, member, text: str):
    start, end = claim.evidence["start"], claim.evidence["end"]
    marks = event_marks(member, claim.evidence) if member else []
    return highlighted(text, marks, window(text, start, end)) if text else claim.evidence.get("text", "")


def _filters(request: Request) -> dict[str, str]:
    names = ("entity", "type", "status", "since", "until", "min_sources")
    return {n: request.query_params[n] for n in names if request.query_params.get(n)}


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, entity: str | None = None, type: str | None = None, status: str | None = None,
                  since: Day = None, until: Day = None, as_of: AsOf = None):
    listed = api.events(request.app.state.db, entity=entity or None, type=type.upper() if type else None,
                        status=status or None, since=iso(since), until=iso(until), as_of=iso(as_of),
                        limit=PAGE_EVENTS)
    ordered = sorted(listed.events, key=lambda e: (when(e) or "9999", e.id))
    return _render(request, "timeline.html", as_of, listed=listed, events=ordered, filters=_filters(request),
                   picture=timeline_svg(ordered), title="Timeline")


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, entity: str | None = None, type: str | None = None, status: str | None = None,
                 min_sources: Annotated[int, Query(ge=1)] = 1, as_of: AsOf = None):
    graph = api.network(request.app.state.db, entity=entity or None, type=type.upper() if type else None,
                        status=status or None, min_sources=min_sources, as_of=iso(as_of), limit=NETWORK_EVENTS,
                        max_edges=120)
    picture = network_svg(graph, spring_positions(graph))
    names = {n.id: n.name for n in graph.nodes}
    return _render(request, "network.html", as_of, graph=graph, names=names, picture=picture,
                   filters=_filters(request), title="Network")


@router.get("/disputes", response_class=HTMLResponse)
def disputes_page(request: Request, as_of: AsOf = None):
    listed = api.disputes(request.app.state.db, as_of=iso(as_of), limit=DISPUTES_SHOWN)
    sides = [(e, [c for c in e.claims if c.status in HAPPENED], [c for c in e.claims if c.status in DENIED])
             for e in listed.events]
    return _render(request, "disputes.html", as_of, listed=listed, sides=sides, title="Disputes")


@router.get("/report/{document_id:path}", response_class=HTMLResponse)
def report_page(request: Request, document_id: str, as_of: AsOf = None):
    stored, text = api.document(document_id, request.app.state.db)
    return _render(request, "report.html", as_of, document=stored, text=text, title=stored.title or stored.id)
