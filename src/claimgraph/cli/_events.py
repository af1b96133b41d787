"""Commands over events across reports: `events`, `event`, `timeline`, `disputes`, `report-events`."""

from __future__ import annotations

import json
import sys

import click

from claimgraph import api
from claimgraph.cli import _render, _render_events, _render_merged
from claimgraph.cli._main import cli
from claimgraph.cli._options import COUNT, NAME, db_option, json_option

STATUSES = ["asserted", "confirmed", "believed", "reported", "alleged", "denied", "planned", "considered", "possible",
            "hypothetical", "negated"]
as_of_option = click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]),
                            help="Answer with what had been reported by this day (undated reports are left out).")
limit_option = click.option("--limit", type=COUNT, help="At most this many events.")
day = click.DateTime(["%Y-%m-%d"])


def _day(value) -> str | None:
    return value.date().isoformat() if value else None


# Rows of the `events` table when no --limit is given.
TABLE_ROWS = 100


def _echo_events(listed, as_json: bool) -> None:
    if as_json:
        from claimgraph.export import event_record

        click.echo(json.dumps([event_record(e) for e in listed.events], indent=2, ensure_ascii=False))
    else:
        click.echo(_render_merged.events_table(listed))


_FILTERS = (
    click.option("--type", "type_", type=NAME, help="Only this PLOVER type (AID, SANCTION, ACCUSE, ASSAULT...)."),
    click.option("--status", type=click.Choice(STATUSES), help="Only events some claim gives this status."),
    click.option("--actor", type=NAME, help="Only events this entity (name, alias or id) does."),
    click.option("--recipient", type=NAME, help="Only events done to this entity."),
    click.option("--entity", type=NAME, help="Only events this entity takes part in, either way."),
    click.option("--since", type=day, help="Only events some report dated on or after this day tells (YYYY-MM-DD)."),
    click.option("--until", type=day, help="Only events some report dated on or before this day tells."),
    click.option("--min-sources", type=click.IntRange(min=1, max=COUNT.max), default=1, show_default=True,
                 help="Only events told by at least this many independent sources."),
    click.option("--disputed", is_flag=True, help="Only events one claim says happened and another denies."),
    as_of_option,
    limit_option,
)


def event_filter_options(command):
    """The filters of `events`, shared by `export`."""
    for option in reversed(_FILTERS):
        command = option(command)
    return command


def event_filters(type_, status, actor, recipient, entity, since, until, min_sources, disputed, as_of, limit) -> dict:
    """The filters' values as ``api.events`` takes them."""
    return {"type": type_.upper() if type_ else None, "status": status, "actor": actor, "recipient": recipient,
            "entity": entity, "since": _day(since), "until": _day(until), "min_sources": min_sources,
            "disputed": disputed, "as_of": _day(as_of), "limit": limit}


@cli.command()
@db_option
@json_option
@event_filter_options
def events(db, as_json, type_, status, actor, recipient, entity, since, until, min_sources, disputed, as_of, limit):
    """List events across reports: one row per real event, however many reports tell it.

    \b
    Examples:
      claimgraph events
      claimgraph events --type SANCTION --status planned
      claimgraph events --actor Pyongyang --min-sources 2 --json
      claimgraph events --disputed --as-of 2022-12-31
    """
    if limit is None and not as_json:
        limit = TABLE_ROWS  # a table of 20,000 rows helps nobody; --json lists every event, as its contract says
    filters = event_filters(type_, status, actor, recipient, entity, since, until, min_sources, disputed, as_of, limit)
    _echo_events(api.events(db, **filters), as_json)


@cli.command()
@click.argument("event_id")
@db_option
@json_option
@as_of_option
def event(event_id, db, as_json, as_of):
    """Show one event (ID as `claimgraph events` prints it, or a report-level key d.../e1): every claim with its
    report, outlet, speaker, status and evidence; sources; disputes; follow-ups; why it was merged.

    \b
    Examples:
      claimgraph event ev3a5f0c9e1b2d4c
      claimgraph event ev3a5f0c9e1b2d4c --as-of 2022-12-25 --json
    """
    found = api.event(event_id, db, as_of=_day(as_of))
    if as_json:
        from claimgraph.export import event_record

        click.echo(json.dumps(event_record(found), indent=2, ensure_ascii=False))
    else:
        click.echo(_render_merged.event_detail(found, sys.stdout.isatty()))


@cli.command()
@click.argument("name")
@db_option
@json_option
@as_of_option
def timeline(name, db, as_json, as_of):
    """The events an entity takes part in, in the order they happened.

    \b
    Examples:
      claimgraph timeline "Wagner Group"
      claimgraph timeline Pyongyang --as-of 2023-01-01
    """
    _echo_events(api.timeline(name, db, as_of=_day(as_of)), as_json)


@cli.command()
@db_option
@json_option
@as_of_option
@limit_option
def disputes(db, as_json, as_of, limit):
    """Events one claim says happened and another denies, with both sides.

    \b
    Examples:
      claimgraph disputes
      claimgraph disputes --as-of 2022-12-31 --json
    """
    listed = api.disputes(db, as_of=_day(as_of), limit=limit)
    if as_json:
        _echo_events(listed, True)
    else:
        click.echo(_render_merged.disputes_text(listed))


@cli.command(name="report-events")
@db_option
@json_option
@click.option("--type", "type_", type=NAME, help="Only this PLOVER type.")
@click.option("--status", type=click.Choice(STATUSES), help="Only events with this status in their report.")
@click.option("--entity", type=NAME, help="Only events this entity (name, alias or id) takes part in.")
@limit_option
def report_events(db, as_json, type_, status, entity, limit):
    """List events as each report tells them (one row per report), before merging.

    \b
    Examples:
      claimgraph report-events --type AID
    """
    rows = api.report_events(db, type=type_, status=status, entity=entity, limit=limit)
    click.echo(_render.to_json(rows) if as_json else _render_events.events_table(rows))
