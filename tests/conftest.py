"""Shared fixtures. Tests never need ../shared; those that use it skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Shared machines are noisy: property tests check behaviour, never speed. In CI the examples are
# derived from each test's name, so a run is repeatable; locally they are random, to keep finding bugs.
settings.register_profile("claimgraph", deadline=None, derandomize=bool(os.environ.get("CI")), database=None)
settings.load_profile("claimgraph")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when that data is not beside the project."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only beside the project in development and CI)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from claimgraph.extract import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline(nlp):
    from claimgraph.resolve import build_pipeline

    return build_pipeline(nlp)


@pytest.fixture
def read(pipeline):
    """Read one text dated 2022-12-22 (unless told otherwise) into an Extraction."""
    from claimgraph.model import Document

    def run(text: str, date: str = "2022-12-22"):
        return pipeline(Document(text=text, date=date, source="<test>"))

    return run


# A short report written for these tests (not taken from any real article).
REPORT = (
    "Pyongyang has shipped artillery shells to Russia for the Wagner Group, White House spokesperson "
    "John Kirby said on Thursday. Kirby said the shipment arrived last month. Wagner now has about 50,000 "
    "fighters in Ukraine: 40,000 convicts and 10,000 contractors. North Korean officials called the claim false."
)


@pytest.fixture
def report_extraction(read):
    return read(REPORT)
