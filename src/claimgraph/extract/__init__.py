"""Extract: what the text says, from a spaCy parse.

The mention layer (named-entity spans, time expressions, quantities) and the claim layer (attributions, PLOVER events
with roles and status). Spans only: the resolve layer maps them to canonical entities.
"""

from __future__ import annotations

from claimgraph.extract import _quantities, attribution, claims, events, timex
from claimgraph.extract._nlp import MODEL_NAME, MODEL_VERSION, load_model
from claimgraph.extract._pipeline import Pipeline, Step
from claimgraph.extract._quantities import find_quantities
from claimgraph.extract.attribution import find_attributions
from claimgraph.extract.events import find_events, find_events_and_references
from claimgraph.extract.timex import find_timexes
from claimgraph.model import Extraction, Mention

__all__ = [
    "MODEL_NAME",
    "MODEL_VERSION",
    "Pipeline",
    "Step",
    "extract_steps",
    "find_attributions",
    "find_events",
    "find_quantities",
    "find_timexes",
    "load_model",
]

# NER labels that name entities; numbers and dates are read by their own steps.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})


def _tag_mentions(extraction: Extraction) -> None:
    extraction.mentions = [
        Mention(ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in extraction.nlp_doc.ents
        if ent.label_ in ENTITY_LABELS
    ]


def _find_timexes(extraction: Extraction) -> None:
    document = extraction.document
    extraction.timexes = find_timexes(document.text, document.date, extraction.nlp_doc)


def _find_quantities(extraction: Extraction) -> None:
    taken = [(t.start, t.end) for t in extraction.timexes]
    extraction.quantities = find_quantities(extraction.nlp_doc, skip=taken)


def _find_attributions(extraction: Extraction) -> None:
    extraction.attributions = find_attributions(extraction.nlp_doc, extraction.document.outlet)


def _find_events(extraction: Extraction) -> None:
    x = extraction
    x.events, x.event_references = find_events_and_references(x.nlp_doc, x.timexes, x.mentions, x.quantities)


def extract_steps() -> list[Step]:
    """The extract layer's steps, in order."""
    return [
        Step("mentions.spacy-ner/2", ("nlp_doc",), ("mentions",), _tag_mentions),
        Step(timex.ALGORITHM, ("nlp_doc",), ("timexes",), _find_timexes),
        Step(_quantities.ALGORITHM, ("nlp_doc", "timexes"), ("quantities",), _find_quantities),
        Step(attribution.ALGORITHM, ("nlp_doc",), ("attributions",), _find_attributions),
        Step(events.ALGORITHM, ("nlp_doc", "timexes", "mentions", "quantities"), ("events", "event_references"),
             _find_events),
        Step(claims.ALGORITHM, ("nlp_doc", "events", "event_references", "attributions", "timexes"),
             ("claims", "loose_claims"),
             claims.find_claims),
    ]
