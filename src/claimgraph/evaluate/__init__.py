"""Evaluate: score claimgraph against annotated sets (``claimgraph eval ...``). An edge layer, like cli."""

from __future__ import annotations

from pathlib import Path

from claimgraph.evaluate._seed import evaluate_seed
from claimgraph.evaluate._timeml import read_timeml, score_timeml

__all__ = ["evaluate_seed", "evaluate_timeml", "read_timeml", "score_timeml"]


def evaluate_timeml(directory: str | Path) -> dict:
    """TempEval-3 scores of the time-expression step, run with the spaCy parse it gets in the pipeline."""
    from claimgraph.extract import find_timexes, load_model

    nlp = load_model()
    return score_timeml(directory, lambda text, date: find_timexes(text, date, nlp(text)))
