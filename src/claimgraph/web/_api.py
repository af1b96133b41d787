"""The JSON API: one endpoint per function of ``claimgraph.api``, with the same names and filters."""

from __future__ import annotations

import hmac
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Query, Request

from claimgraph import api
from claimgraph.errors import InvalidQuery, WriteRefused
from claimgraph.export import event_record, plain
from claimgraph.web._params import AsOf, Day, iso

# Every list is cut at MAX_LIMIT rows however it is asked: a client cannot make the server read the whole store.
MAX_LIMIT, DEFAULT_LIMIT = 1000, 100
Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"at most this many (0 to {MAX_LIMIT})")]

router = APIRouter(prefix="/api")


def _db(request: Request) -> Path:
    return request.app.state.db


def _listed(listed) -> dict[str, Any]:
    return {"as_of": listed.as_of, "matched": listed.matched, "undated_left_out": listed.undated_left_out,
            "events": [event_record(e) for e in listed.events]}


@router.get("/search", summary="Entities, events and reports that a few words find")
def search(request: Request, q: Annotated[str, Query(max_length=200)], limit: Limit = 20, as_of: AsOf = None):
    found = api.search(q, _db(request), limit=limit, as_of=iso(as_of))
    return {"words": found.words, "entities": plain(found.entities), "reports": plain(found.reports),
            "events": [event_record(e) for e in found.events]}


@router.get("/entities", summary="Entities, most documents first")
def entities(request: Request, type: str | None = None, limit: Limit = DEFAULT_LIMIT):
    return plain(api.entities(_db(request), type=type, limit=limit))


@router.get("/entities/{name:path}", summary="One entity (name, alias or id): counts, latest documents, first events")
def entity(request: Request, name: str, limit: Limit = 20):
    return plain(api.entity(name, _db(request), limit=limit))


@router.get("/events", summary="Events across reports, each with every claim about it")
def events(request: Request, type: str | None = None, status: str | None = None, actor: str | None = None,
           recipient: str | None = None, entity: str | None = None, since: Day = None, until: Day = None,
           min_sources: Annotated[int, Query(ge=1)] = 1, disputed: bool = False, as_of: AsOf = None,
           limit: Limit = DEFAULT_LIMIT):
    listed = api.events(_db(request), actor=actor, recipient=recipient, entity=entity, type=_upper(type),
                        status=status, since=iso(since), until=iso(until), min_sources=min_sources,
                        disputed=disputed, as_of=iso(as_of), limit=limit)
    return _listed(listed)


@router.get("/events/{event_id:path}", summary="One event across reports, by its id or a report-level event's key")
def event(request: Request, event_id: str, as_of: AsOf = None):
    found = api.event(event_id, _db(request), as_of=iso(as_of))
    return {**event_record(found), "members": [m.key for m in found.members]}


@router.get("/timeline/{name:path}", summary="An entity's events across reports, in time order")
def timeline(request: Request, name: str, as_of: AsOf = None):
    return _listed(api.timeline(name, _db(request), as_of=iso(as_of)))


@router.get("/disputes", summary="Events one claim says happened and another denies")
def disputes(request: Request, as_of: AsOf = None, limit: Limit = DEFAULT_LIMIT):
    return _listed(api.disputes(_db(request), as_of=iso(as_of), limit=limit))


@router.get("/network", summary="Actors tied by events: typed, directed edges weighed by independent sources")
def network(request: Request, entity: str | None = None, type: str | None = None, status: str | None = None,
            min_sources: Annotated[int, Query(ge=1)] = 1, as_of: AsOf = None, limit: Limit = MAX_LIMIT,
            max_edges: Limit = 200):
    found = api.network(_db(request), entity=entity, type=_upper(type), status=status, min_sources=min_sources,
                        as_of=iso(as_of), limit=limit, max_edges=max_edges)
    return plain(found)


@router.get("/docs", summary="Stored reports, oldest first")
def docs(request: Request, outlet: str | None = None, limit: Limit = DEFAULT_LIMIT):
    return plain(api.docs(_db(request), limit=limit, outlet=outlet))


@router.get("/docs/{document_id:path}", summary="One stored report with its text")
def document(request: Request, document_id: str):
    stored, text = api.document(document_id, _db(request))
    return {**plain(stored), "text": text}


@router.get("/report-events", summary="Report-level events, one per report that tells them")
def report_events(request: Request, type: str | None = None, status: str | None = None, entity: str | None = None,
                  since: Day = None, until: Day = None, disputed: bool = False, limit: Limit = DEFAULT_LIMIT):
    found = api.report_events(_db(request), type=type, status=status, entity=entity, since=iso(since),
                              until=iso(until), disputed=disputed, limit=limit)
    return plain(found)


@router.get("/judgements", summary="Merge and split decisions about entities, apart from the facts")
def judgements(request: Request):
    return plain(api.judgements(_db(request)))


@router.post("/reports", summary="Store one report (only on a server started with --token, which it requires)")
def add_report(request: Request, authorization: Annotated[str | None, Header()] = None,
               report: Annotated[dict[str, Any], Body(examples=[{"text": "...", "date": "2022-11-02"}])] = ...):
    _check_token(request.app.state.token, authorization)
    if not isinstance(report.get("text"), str):
        raise InvalidQuery("a report needs a `text` string (and may give id, date, title, outlet, url)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.jsonl"
        # ASCII escapes: a lone surrogate ("\\ud800", valid JSON) reaches the reader, which refuses it (CG104)
        path.write_text(json.dumps(report) + "\n", encoding="utf-8")
        done = api.ingest([path], db=_db(request), pipeline=_pipeline(request))
    return {"summary": done.summary(), "read": done.read, "stored": done.stored, "unchanged": done.unchanged,
            "set_aside": done.set_aside, "skipped": [str(error) for error in done.skipped]}


def _pipeline(request: Request):
    """The reading pipeline, loaded on the first upload and kept (loading the model takes seconds)."""
    if getattr(request.app.state, "pipeline", None) is None:
        from claimgraph.resolve import build_pipeline

        request.app.state.pipeline = build_pipeline()
    return request.app.state.pipeline


def _check_token(token: str | None, authorization: str | None) -> None:
    if token is None:
        raise WriteRefused("this server is read-only: start it with `claimgraph serve --token TOKEN` to allow writes")
    if not hmac.compare_digest((authorization or "").encode(), f"Bearer {token}".encode()):
        raise WriteRefused("send the server's token as `Authorization: Bearer TOKEN`")


def _upper(value: str | None) -> str | None:
    return value.upper() if value else None
