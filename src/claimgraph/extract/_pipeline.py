"""Pipeline steps as small callables that declare what they need and what they set.

A step's ``name`` is a versioned algorithm label ("quantities.rules/1") recorded in every
output, so a stored fact can always be traced to the code that produced it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from claimgraph.errors import ClaimgraphError, ExtractionFailed, TooLarge
from claimgraph.model import SET_ASIDE, Document, Extraction, too_large

ErrorHandler = Callable[[ClaimgraphError], None]

# What exists before the first step runs: the document and its spaCy parse.
INITIAL_FIELDS = frozenset({"document", "nlp_doc"})
# The language the model and every word list are for. A document known to be in another one is
# set aside: stored with its language, but English rules on it would only make up entities and events.
STEPS_LANGUAGE = "en"


@dataclass(frozen=True)
class Step:
    name: str  # versioned algorithm, e.g. "timex.rules/1"
    needs: tuple[str, ...]
    sets: tuple[str, ...]
    run: Callable[[Extraction], None]


class Pipeline:
    """Runs spaCy over documents in batches, then each step in order on each result."""

    def __init__(self, nlp, steps: Sequence[Step], batch_size: int = 64) -> None:
        _check_order(steps)
        self.nlp = nlp
        self.steps = tuple(steps)
        self.batch_size = batch_size

    @property
    def versions(self) -> dict[str, str]:
        from claimgraph.extract._nlp import model_label

        labels = {"model": model_label(self.nlp)}
        labels.update({step.sets[0]: step.name for step in self.steps})
        return labels

    def __call__(self, document: Document) -> Extraction:
        return next(self.run([document]))

    def run(self, documents: Iterable[Document], on_error: ErrorHandler | None = None) -> Iterator[Extraction]:
        """Extractions in input order. A document a step fails on goes to ``on_error`` (raised without one).

        A document known to be in another language than ``STEPS_LANGUAGE`` comes back with empty layers
        and ``pipeline == {"language": "set-aside:<code>"}``.
        """
        versions = self.versions
        texts = (_to_parse(d) for d in documents)
        for nlp_doc, (document, too_large_because) in self.nlp.pipe(texts, as_tuples=True,
                                                                     batch_size=self.batch_size):
            if _set_aside(document):
                yield Extraction(document=document, pipeline={"language": f"{SET_ASIDE}{document.language}"})
                continue
            extraction = Extraction(document=document, nlp_doc=nlp_doc, pipeline=dict(versions))
            if too_large_because:  # the readers refuse these; the API and the evaluations do not read through them
                error = TooLarge.text(too_large_because, document.location)
            else:
                error = self._run_steps(extraction)
            if error is None:
                yield extraction
            elif on_error is None:
                raise error
            else:
                on_error(error)

    def _run_steps(self, extraction: Extraction) -> ExtractionFailed | None:
        """Run every step; a failure comes back as an error value, so one document cannot end a batch."""
        try:
            for step in self.steps:
                current = step.name
                step.run(extraction)
        except Exception as exc:  # noqa: BLE001 - reported with the document and step, then skipped
            message = f"step {current} failed ({type(exc).__name__}: {exc}); please report this document"
            error = ExtractionFailed(message, where=extraction.document.location)
            error.__cause__ = exc
            return error
        finally:
            extraction.nlp_doc = None  # let the parse go: a stream must not hold every Doc
        return None


def _to_parse(document: Document) -> tuple[str, tuple[Document, str | None]]:
    """The text spaCy parses, and the document with why it is too large to read. A set-aside or too large
    document is parsed as "" so it keeps its place in input order at no cost."""
    why = None if _set_aside(document) else too_large(document.text)
    return ("" if why or _set_aside(document) else document.text), (document, why)


def _set_aside(document: Document) -> bool:
    return document.language is not None and document.language != STEPS_LANGUAGE


def _check_order(steps: Sequence[Step]) -> None:
    available = set(INITIAL_FIELDS)
    for step in steps:
        missing = [need for need in step.needs if need not in available]
        if missing:
            raise ValueError(f"step {step.name} needs {missing}, which no earlier step sets")
        available.update(step.sets)
