"""Web: the HTTP API (with its OpenAPI description) and the pages over it, served by `claimgraph serve`."""

from __future__ import annotations

import socket
from pathlib import Path

from claimgraph.errors import CannotServe
from claimgraph.web._app import MAX_BODY_BYTES, create_app

__all__ = ["MAX_BODY_BYTES", "create_app", "serve"]


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          announce=lambda url: None) -> None:
    """Serve the app over ``db`` until interrupted (read-only unless ``token`` is given); ``announce`` gets the URL
    once the address is known to be free."""
    import uvicorn

    _check_address(host, port)
    announce(f"http://{host}:{port}/")
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="warning")


def _check_address(host: str, port: int) -> None:
    """Fail with CG601 before starting when the address cannot be listened on (uvicorn would only log it)."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise CannotServe(f"cannot listen on {host}:{port} ({exc.strerror or exc}): choose another --port, or a "
                          "--host of this machine") from exc
