"""The command line: `claimgraph COMMAND`. Click lives only in this package."""

from claimgraph.cli._main import cli, main

__all__ = ["cli", "main"]
