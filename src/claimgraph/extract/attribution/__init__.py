"""Attributions: speaker, cue, content and outlet chain (word lists in data/attribution.yaml)."""

from claimgraph.extract.attribution._continued import continued_quotes
from claimgraph.extract.attribution._finder import ALGORITHM, find_attributions
from claimgraph.extract.attribution._lexicon import outlet_pattern

__all__ = ["ALGORITHM", "continued_quotes", "find_attributions", "outlet_pattern"]
