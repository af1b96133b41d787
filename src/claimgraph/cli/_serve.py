"""`claimgraph serve`: the web pages and the HTTP API over a database."""

from __future__ import annotations

import click

from claimgraph import api
from claimgraph.cli._main import cli
from claimgraph.cli._options import db_option


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 opens it to the network: the pages are read-only, but anyone who "
                   "can reach it can read the database).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="CLAIMGRAPH_TOKEN",
              help="Allow storing reports through POST /api/reports with this token as `Authorization: Bearer "
                   "TOKEN` (env CLAIMGRAPH_TOKEN). Without it the server is read-only.")
def serve(db, host, port, token):
    """Serve the pages (search, entity, event, timeline, network, disputes) and the JSON API (/openapi.json).

    \b
    Examples:
      claimgraph serve --db demo.db
      claimgraph serve --db demo.db --port 8080
      CLAIMGRAPH_TOKEN=s3cret claimgraph serve --db desk.db
    """
    from claimgraph.web import serve as run_server  # deferred: the web stack loads only for this command

    api.docs(db, limit=1)  # a database that cannot be opened fails here, as CG300, before the server starts
    mode = "writes need the token" if token else "read-only"

    def announce(url: str) -> None:
        click.echo(f"claimgraph: serving {db} at {url} ({mode}); Ctrl-C stops it.", err=True)

    run_server(db, host=host, port=port, token=token, announce=announce)
