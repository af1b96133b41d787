"""The options and option types the commands share."""

from __future__ import annotations

import click

from claimgraph.errors import OutputError
from claimgraph.store import DEFAULT_DB

FORMATS = click.Choice(["seed", "txt", "jsonl", "csv", "html"])
db_option = click.option("--db", default=DEFAULT_DB, envvar="CLAIMGRAPH_DB", show_default=True,
                         type=click.Path(dir_okay=False),
                         help="SQLite database file, or a URL postgresql://USER@HOST/DB (env CLAIMGRAPH_DB).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
date_option = click.option("--date", help="Publication date (YYYY-MM-DD, or YYYY-MM, YYYY) for inputs that carry "
                           "none and print none at the top of their text.")
require_date_option = click.option("--require-date", is_flag=True,
                                   help="Skip (CG105) reports without a full-day date instead of reading them undated.")
format_option = click.option("--input-format", "fmt", type=FORMATS, help="Read every input as this format.")


class OutputFile(click.File):
    """A file to write (``-`` is standard output); one that cannot be opened is a CG600 that names it."""

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as error:  # opened here, not at the first write: a folder, a missing folder
            reason = error.message.rsplit(": ", 1)[-1]
            raise OutputError(f"cannot write the output to {value} ({reason}): give a file path to -o") from error


class NonBlank(click.ParamType):
    """A name to filter by: an empty one would match nothing, or (as no filter) everything, so it is refused."""

    name = "text"

    def convert(self, value, param, ctx):
        if not str(value).strip():
            self.fail("is empty: give a name, or leave the option out", param, ctx)
        return value


NAME = NonBlank()
# A count of rows: none below 0, none beyond what a database's LIMIT holds (a 64-bit integer).
COUNT = click.IntRange(min=0, max=2**63 - 1)
