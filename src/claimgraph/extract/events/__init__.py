"""PLOVER events over the parse: triggers, participants, status, time and domain roles (data/plover.yaml)."""

from claimgraph.extract.events._finder import ALGORITHM, REALIS, find_events, takes_place
from claimgraph.extract.events._lexicon import lexicon, noun_forms, verb_forms

__all__ = ["ALGORITHM", "REALIS", "find_events", "takes_place", "lexicon", "noun_forms", "verb_forms"]
