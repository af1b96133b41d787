"""Evaluate: score claimgraph against annotated sets (``claimgraph eval ...``). An edge layer, like cli."""

from __future__ import annotations

from pathlib import Path

from claimgraph.evaluate._classifier import fold_models
from claimgraph.evaluate._meantime import evaluate_meantime
from claimgraph.evaluate._merged import score_merged
from claimgraph.evaluate._news import evaluate_news, score_claims
from claimgraph.evaluate._plover import score_plover, score_plover_folds
from claimgraph.evaluate._polnear import score_polnear
from claimgraph.evaluate._seed import evaluate_seed
from claimgraph.evaluate._timeml import read_timeml, score_timeml
from claimgraph.model import Document

__all__ = [
    "evaluate_attribution",
    "evaluate_meantime",
    "evaluate_news",
    "evaluate_plover",
    "evaluate_seed",
    "evaluate_timeml",
    "read_timeml",
    "score_claims",
    "score_merged",
    "score_plover",
    "score_plover_folds",
    "score_polnear",
    "score_timeml",
]


def evaluate_timeml(directory: str | Path) -> dict:
    """TempEval-3 scores of the time-expression step, run with the spaCy parse it gets in the pipeline."""
    from claimgraph.extract import find_timexes, load_model

    nlp = load_model()
    return score_timeml(directory, lambda text, date: find_timexes(text, date, nlp(text)))


def _reader(pipeline=None):
    """Text -> extraction through the whole pipeline (undated: these sets score types, actors and speakers)."""
    from claimgraph.resolve import build_pipeline

    pipeline = pipeline or build_pipeline()
    return lambda text: pipeline(Document(text=text, source="<eval>"))


def evaluate_plover(path: str | Path, pipeline=None, folds: int | None = None,
                    classifier: str | Path | None = None) -> dict:
    """PLOVER gold-standard sentences: event type accuracy, actor and recipient match; with ``folds``,
    type accuracy in-sample, per held-out fold and on the fixed test fold, rules alone and, with the
    ``classifier`` folder that scripts/train_plover_classifier.py writes, combined with it."""
    read = _reader(pipeline)
    if folds:
        return score_plover_folds(path, lambda text: read(text).events, folds, fold_models(classifier))
    return score_plover(path, lambda text: read(text).events)


def evaluate_attribution(directory: str | Path, pipeline=None) -> dict:
    """PolNeAR attributions: speaker, cue and content F1, exact and overlap."""
    read = _reader(pipeline)
    return score_polnear(directory, lambda text: read(text).attributions)
