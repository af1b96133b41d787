"""The command line: `claimgraph COMMAND`. Click lives only in this package."""

from claimgraph.cli import _events  # noqa: F401  (registers the event commands)
from claimgraph.cli._main import cli, main

__all__ = ["cli", "main"]
