"""Attribution drafts in one sentence: a cue, the tokens naming its speaker, and the content range.

Cues come from data/attribution.yaml: reporting verbs (_verbs); adjectives of stance,
source phrases such as "according to", cue nouns with an owner and headline colons
(_phrases). The first finder that reads a draft at a token wins. A sentence is read
one paragraph piece at a time, since the parser sometimes runs a sentence across a paragraph break.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimgraph.extract.attribution._lexicon import lexicon
from claimgraph.extract.attribution._phrases import headline_draft, noun_draft, phrase_draft, stance_draft
from claimgraph.extract.attribution._spans import Draft, Range, breaks_paragraph
from claimgraph.extract.attribution._verbs import verb_draft

_FINDERS = (stance_draft, verb_draft, phrase_draft, noun_draft, headline_draft)


def drafts_in(sent) -> Iterator[Draft]:
    """Every well-formed draft in a sentence (a spaCy Span), in token order."""
    for piece in _paragraph_pieces(sent):
        for token in piece:
            draft = _draft_at(token, piece)
            if draft is not None and _well_formed(draft) and _recordable(draft):
                yield draft


def _paragraph_pieces(sent):
    """The sentence cut at paragraph breaks, which the parser sometimes reads through."""
    start = sent.start
    for token in sent:
        if breaks_paragraph(token):
            if token.i > start:
                yield sent.doc[start : token.i]
            start = token.i + 1
    if start < sent.end:
        yield sent.doc[start : sent.end]


def _draft_at(token, sent) -> Draft | None:
    for finder in _FINDERS:
        draft = finder(token, sent)
        if draft is not None:
            return draft
    return None


def _well_formed(draft: Draft) -> bool:
    spans = (draft.cue, draft.speaker, draft.content)
    if any(start >= end for start, end in spans):
        return False
    return not (_overlap(draft.cue, draft.content) or _overlap(draft.speaker, draft.content))


def _recordable(draft: Draft) -> bool:
    """First and second person speak inside a quotation: the quotation's own speaker is the source."""
    return draft.speaker_head.lower_ not in lexicon().quoted_persons


def _overlap(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]
