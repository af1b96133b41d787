"""The ASGI application: the JSON API and the pages over one database, one error shape, bounded requests."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError, InputError, InvalidQuery, NotFound, StoreError, WriteRefused
from claimgraph.web import _api, _pages

# A request body larger than this is refused before it is read (one report is at most 200,000 characters).
MAX_BODY_BYTES = 1_000_000
_OVER_LIMIT = f"the request body is over {MAX_BODY_BYTES:,} bytes: send one report"
_STATUS = {NotFound: 404, InvalidQuery: 400, WriteRefused: 403, InputError: 422, StoreError: 503}
# Pages load nothing from elsewhere and run no script: report text shown in them can do nothing.
_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
                               " frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}
log = logging.getLogger("claimgraph.web")


def create_app(db: str | Path, *, token: str | None = None) -> FastAPI:
    """The app over ``db`` (read-only; with ``token``, POST /api/reports stores reports sent with that token)."""
    app = FastAPI(title="claimgraph", version=__version__, description=_DESCRIPTION, docs_url="/api/docs-ui",
                  redoc_url=None)
    app.state.db, app.state.token = db, token  # a file path or a PostgreSQL URL, as --db gave it
    app.include_router(_api.router)
    app.include_router(_pages.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("claimgraph.web") / "static")), name="static")
    app.middleware("http")(_bounded_and_headed)
    app.add_middleware(_BoundedBody)
    app.add_exception_handler(ClaimgraphError, _claimgraph_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unforeseen)
    return app


_DESCRIPTION = ("Events across reports with every claim about them (who says so, through which outlet, how sure), "
                "their sources, disputes and follow-ups. Read-only unless started with a token. Errors are "
                '`{"error": {"code", "message", "status"}}` with the codes of docs/ERRORS.md.')


async def _bounded_and_headed(request: Request, call_next) -> Response:
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
        return _error(request, 413, "CG106", _OVER_LIMIT)  # refused unread; one sent in chunks: _BoundedBody
    response = await call_next(request)
    response.headers.update(_HEADERS)
    return response


class _BoundedBody:
    """Reads a request's body before the app does, refusing it once it is over MAX_BODY_BYTES: one sent in
    chunks has no length to refuse it by, and was read whole (200 MB) before anything looked at it."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        messages, seen = [], 0
        while True:
            message = await receive()
            messages.append(message)
            seen += len(message.get("body", b""))
            if seen > MAX_BODY_BYTES:
                return await _error(Request(scope), 413, "CG106", _OVER_LIMIT)(scope, receive, send)
            if message["type"] != "http.request" or not message.get("more_body"):
                break

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


def _error(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return JSONResponse({"error": {"code": code, "message": message, "status": status}}, status_code=status)
    return _pages.error_page(request, status, code, message)


async def _claimgraph_error(request: Request, exc: ClaimgraphError) -> Response:
    status = next((s for kind, s in _STATUS.items() if isinstance(exc, kind)), 500)
    message = str(exc).split("] ", 1)[-1]
    return _error(request, status, exc.code, message)


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
    return _error(request, 400, InvalidQuery.code, problems or "the request is not valid")


async def _http_error(request: Request, exc: HTTPException) -> Response:
    code = {404: NotFound.code, 413: "CG106"}.get(exc.status_code, InvalidQuery.code)
    message = "no such page or endpoint (see /openapi.json)" if exc.status_code == 404 else str(exc.detail)
    return _error(request, exc.status_code, code, message)


async def _unforeseen(request: Request, exc: Exception) -> Response:
    log.exception("unforeseen error on %s", request.url.path)  # the trace stays in the server's log
    return _error(request, 500, "CG001", f"the server met a bug ({type(exc).__name__}); it is logged, please report it")
