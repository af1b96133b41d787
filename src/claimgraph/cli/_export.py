"""`claimgraph export`: events across reports in the formats other tools read."""

from __future__ import annotations

import sys

import click

from claimgraph.cli._events import event_filter_options, event_filters
from claimgraph.cli._main import cli
from claimgraph.cli._options import db_option
from claimgraph.errors import OutputError

FORMATS = ["plover-jsonl", "events-csv", "claims-csv", "graphml", "gexf", "parquet", "ftm-jsonl"]


@cli.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="plover-jsonl (PLOVER field names, a metadata line first), events-csv or claims-csv (metadata in "
                   "FILE.meta.json), graphml or gexf (Gephi), parquet (claims nested), ftm-jsonl (FollowTheMoney).")
@click.option("-o", "--output", default="-", show_default=True,
              help="File to write; `-` (standard output) only for plover-jsonl.")
@event_filter_options
def export_command(db, fmt, output, type_, status, actor, recipient, entity, since, until, min_sources, disputed,
                   as_of, limit):
    """Write the events `events` would list (every one by default), with what the file holds and where from.

    \b
    Examples:
      claimgraph export --format plover-jsonl -o events.jsonl
      claimgraph export --format graphml -o ties.graphml --min-sources 2
      claimgraph export --format claims-csv -o claims.csv --entity "Wagner Group" --as-of 2022-12-31
      claimgraph export --format parquet -o events.parquet
    """
    from claimgraph.export import export, needs_file

    if output == "-" and needs_file(fmt):
        raise OutputError(f"{fmt} is written to a file: give one with -o FILE")
    filters = event_filters(type_, status, actor, recipient, entity, since, until, min_sources, disputed, as_of, limit)
    done = export(db, fmt, sys.stdout if output == "-" else output, **filters)
    if done.path:
        click.echo(f"{done.written} {'edges' if fmt in ('graphml', 'gexf') else 'rows'} written to {done.path}",
                   err=True)
