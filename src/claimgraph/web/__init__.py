"""Web: the HTTP API (with its OpenAPI description) and the pages over it, served by `claimgraph serve`."""

from __future__ import annotations

from pathlib import Path

from claimgraph.web._app import MAX_BODY_BYTES, create_app

__all__ = ["MAX_BODY_BYTES", "create_app", "serve"]


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the app over ``db`` until interrupted (read-only unless ``token`` is given)."""
    import uvicorn

    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")
