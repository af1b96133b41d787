"""Extract: the mention layer (named-entity spans, time expressions, quantities) from a spaCy parse."""

from __future__ import annotations

from claimgraph.extract._nlp import MODEL_NAME, MODEL_VERSION, load_model
from claimgraph.extract._pipeline import Pipeline, Step
from claimgraph.extract._quantities import find_quantities
from claimgraph.extract._timex import find_timexes
from claimgraph.model import Extraction, Mention

__all__ = [
    "MODEL_NAME",
    "MODEL_VERSION",
    "Pipeline",
    "Step",
    "find_quantities",
    "find_timexes",
    "load_model",
    "mention_steps",
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


def mention_steps() -> list[Step]:
    """The extract layer's steps, in order."""
    return [
        Step("mentions.spacy-ner/1", ("nlp_doc",), ("mentions",), _tag_mentions),
        Step("timex.rules/1", ("nlp_doc",), ("timexes",), _find_timexes),
        Step("quantities.rules/1", ("nlp_doc", "timexes"), ("quantities",), _find_quantities),
    ]
