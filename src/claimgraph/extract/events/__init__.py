"""PLOVER events over the parse: triggers, participants, status, time and domain roles (data/plover.yaml)."""

from claimgraph.extract.events._corrections import location_role, takes_place
from claimgraph.extract.events._denial_words import denial_words, denies_its_head, is_report_denial
from claimgraph.extract.events._finder import ALGORITHM, REALIS, find_events, find_events_and_references
from claimgraph.extract.events._lexicon import is_saying, lexicon, noun_forms, verb_forms

__all__ = ["ALGORITHM", "REALIS", "denial_words", "denies_its_head", "find_events",
           "find_events_and_references", "is_report_denial", "is_saying",
           "location_role", "takes_place", "lexicon", "noun_forms", "verb_forms"]
