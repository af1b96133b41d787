"""A progress bar on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def _input_bytes(paths) -> int:
    total = 0
    for path in map(Path, paths):
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return total


class Progress:
    """Advances by each document's size against the total size of the inputs."""

    def __init__(self, paths) -> None:
        self.enabled = sys.stderr.isatty() and "-" not in paths
        self.bar = None
        if self.enabled:
            self.bar = click.progressbar(length=max(_input_bytes(paths), 1), label="reading", file=sys.stderr)

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            # File sizes count markup and JSON around the text: close the bar at 100%.
            self.bar.update(max(0, self.bar.length - self.bar.pos))
            self.bar.__exit__(*exc)

    def advance(self, document) -> None:
        if self.bar is not None:
            self.bar.update(len(document.text.encode("utf-8")))

    def wrap(self, report):
        """Print a message on its own line so it does not mangle the bar."""
        def wrapped(error) -> None:
            if self.bar is not None:
                click.echo("", err=True)
            report(error)
        return wrapped
