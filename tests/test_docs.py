"""Documentation that falls behind the code fails the build."""

import inspect
import re
from pathlib import Path

import click
import pytest

from claimgraph import errors
from claimgraph.cli import cli

REPO = Path(__file__).resolve().parents[1]


def _commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, path + " ")


COMMANDS = list(_commands(cli))


def _documented() -> str:
    return (REPO / "README.md").read_text("utf-8") + (REPO / "docs" / "CLI.md").read_text("utf-8")


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_and_option_is_documented(path, command):
    text = _documented()
    assert f"claimgraph {path}" in text, f"`claimgraph {path}` is not in README.md or docs/CLI.md"
    for param in command.params:
        for option in getattr(param, "opts", []):
            if option.startswith("--") and option != "--help":
                assert option in text, f"option {option} of `claimgraph {path}` is undocumented"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_leaf_command_has_examples(path, command):
    if not isinstance(command, click.Group):
        assert "Examples:" in (command.help or ""), f"`claimgraph {path} --help` shows no examples"


def test_every_error_code_is_documented():
    page = (REPO / "docs" / "ERRORS.md").read_text("utf-8")
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.ClaimgraphError)]
    for cls in classes:
        assert re.search(rf"\|\s*{cls.code}\s*\|\s*`{cls.__name__}`", page), f"{cls.__name__} missing from ERRORS.md"
    assert len({c.code for c in classes}) == len(classes), "two error classes share a code"


def test_readme_starts_with_the_two_commands():
    head = (REPO / "README.md").read_text("utf-8")[:1500]
    assert "make demo" in head and "make test" in head
