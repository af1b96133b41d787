"""Resolve: turn mention spans into canonical entities, and assemble the full reading pipeline."""

from __future__ import annotations

from importlib import import_module

from claimgraph.resolve._entities import clean_surface, entity_id, resolve_entities
from claimgraph.resolve._gazetteer import Gazetteer, GazetteerEntry, default_gazetteer, outlet_gazetteer

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "analyse",
    "build_pipeline",
    "clean_surface",
    "default_gazetteer",
    "outlet_gazetteer",
    "entity_id",
    "link_claims",
    "resolve_entities",
]

# The pipeline and claim resolution pull in every extractor; queries need only the gazetteer, so these load on first
# use (about 0.15 s of every query command's start otherwise).
_LAZY = {"analyse": "claimgraph.resolve._pipeline", "build_pipeline": "claimgraph.resolve._pipeline",
         "link_claims": "claimgraph.resolve.claims"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
