"""The command line: `claimgraph COMMAND`. Click lives only in this package."""

from claimgraph.cli import _events, _export, _serve  # noqa: F401  (register their commands)
from claimgraph.cli._main import cli, main

__all__ = ["cli", "main"]
