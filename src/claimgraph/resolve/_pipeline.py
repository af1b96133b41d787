"""The full reading pipeline: extract's steps, then resolution of entities and claims."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimgraph.extract import Pipeline, Step, extract_steps, load_model
from claimgraph.model import Document, Extraction
from claimgraph.resolve._entities import ALGORITHM as ENTITY_ALGORITHM
from claimgraph.resolve._entities import resolve_entities
from claimgraph.resolve._gazetteer import Gazetteer, default_gazetteer
from claimgraph.resolve.claims import ALGORITHM as CLAIMS_ALGORITHM
from claimgraph.resolve.claims import assemble_claims


def _entity_step(gazetteer: Gazetteer) -> Step:
    def run(extraction: Extraction) -> None:
        document = extraction.document
        extraction.entities = resolve_entities(document.text, extraction.mentions, gazetteer, document.outlet)

    return Step(ENTITY_ALGORITHM, ("mentions",), ("entities",), run)


def _claims_step(gazetteer: Gazetteer) -> Step:
    def run(extraction: Extraction) -> None:
        assemble_claims(extraction, gazetteer)

    return Step(CLAIMS_ALGORITHM, ("entities", "events", "attributions", "claims", "loose_claims"), ("claims",), run)


def build_pipeline(nlp=None, gazetteer: Gazetteer | None = None, batch_size: int = 64) -> Pipeline:
    """The whole reading of a document: extract's steps, then resolution of entities and claims."""
    gazetteer = gazetteer or default_gazetteer()
    steps = extract_steps() + [_entity_step(gazetteer), _claims_step(gazetteer)]
    return Pipeline(nlp or load_model(), steps, batch_size=batch_size)


def analyse(documents: Iterable[Document], pipeline: Pipeline | None = None, on_error=None) -> Iterator[Extraction]:
    """Read documents into extractions, streaming, in input order; failures go to ``on_error``."""
    yield from (pipeline or build_pipeline()).run(documents, on_error)
