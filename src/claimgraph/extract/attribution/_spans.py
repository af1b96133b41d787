"""Token ranges for attribution spans: trimming, quote marks, and the noun phrase that names a speaker.

Ranges are half-open token index pairs ``(start, end)`` into the spaCy Doc. Quote marks are never
paired across the text (scraped news has stray and unbalanced ones); each mark is read locally,
as opening or closing, from the spacing around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.extract.attribution._lexicon import lexicon
from claimgraph.model import Span

Range = tuple[int, int]

OPENING_QUOTES = frozenset({"“", "‘", "«", "``", "„"})
CLOSING_QUOTES = frozenset({"”", "’", "»"})
STRAIGHT_QUOTES = frozenset({'"', "''"})
# Punctuation trimmed from the edges of a content or speaker span (quote marks are kept).
EDGE_PUNCTUATION = frozenset({",", ";", ":", "-", "–", "—", ".", "(", ")", "[", "]", "…", "--"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
# Dependencies that end a described speaker: clauses and asides about it are not its name.
_ASIDE_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "prep"})
_SPEAKER_EXTRA_DEPS = frozenset({"prep", "cc", "conj"})


@dataclass
class Draft:
    """An attribution being read: token ranges into the Doc, turned into character spans at the end."""

    cue: Range
    speaker: Range
    speaker_head: object  # spaCy Token whose phrase names the speaker
    content: Range
    trigger: object  # spaCy Token of the cue word
    kind: str = "speech"  # the cue verb's kind, "stance" or "phrase"
    aside: Range | None = None  # "according to Reuters, which first reported it": not content
    outlets: list[str] = field(default_factory=list)


def is_quote(token) -> bool:
    return token.text in OPENING_QUOTES or token.text in CLOSING_QUOTES or token.text in STRAIGHT_QUOTES


def opens_quote(token) -> bool:
    """Whether a quote mark opens a quotation, judged by the spacing around it."""
    if token.text in OPENING_QUOTES:
        return True
    if token.text not in STRAIGHT_QUOTES:
        return False
    doc = token.doc
    after = token.i + 1 < len(doc) and not token.whitespace_ and not doc[token.i + 1].is_space
    if token.i == 0:
        return after
    before = doc[token.i - 1]
    return after and (bool(before.whitespace_) or before.is_space or before.text in "([{—–-:")


def closes_quote(token) -> bool:
    return is_quote(token) and not opens_quote(token)


def trim(doc, start: int, end: int) -> Range:
    """Shrink a range past spaces, edge punctuation and quote marks facing the wrong way."""
    while start < end and _drop_at_start(doc[start]):
        start += 1
    while end > start and _drop_at_end(doc[end - 1]):
        end -= 1
    return start, end


def _drop_at_start(token) -> bool:
    return token.is_space or token.text in EDGE_PUNCTUATION or closes_quote(token)


def _drop_at_end(token) -> bool:
    return token.is_space or token.text in EDGE_PUNCTUATION or opens_quote(token)


def take_quotes(doc, start: int, end: int, lowest: int, highest: int) -> Range:
    """Widen a range over the quote marks around it (and a comma inside a closing one: ``...,"``)."""
    if start > lowest and opens_quote(doc[start - 1]):
        start -= 1
    if end < highest and closes_quote(doc[end]):
        end += 1
    elif end + 1 < highest and doc[end].text in (",", ".", "?", "!") and closes_quote(doc[end + 1]):
        end += 2
    return start, end


def quotation_from(doc, opening: int, limit: int) -> Range:
    """From an opening quote mark to its closing mark, at most up to token ``limit``."""
    for i in range(opening + 1, limit):
        if closes_quote(doc[i]):
            return opening, i + 1
        if opens_quote(doc[i]) or breaks_paragraph(doc[i]):  # the quotation was never closed
            return opening, i
    return opening, limit


def breaks_paragraph(token) -> bool:
    """Quotations are read within a paragraph: scraped text often loses the closing mark."""
    return token.is_space and "\n" in token.text


def without(content: Range, block: Range, anchor: int) -> Range:
    """``content`` minus the speaker-and-cue ``block``, keeping the side that holds ``anchor``."""
    start, end = content
    if block[1] <= start or end <= block[0]:
        return content
    if anchor < block[0]:
        return start, block[0]
    return max(start, block[1]), end


def has_clause(doc, start: int, end: int) -> bool:
    return any(doc[i].pos_ in ("VERB", "AUX") for i in range(start, end))


def after_label(doc, start: int, end: int) -> int:
    """Start after a short run-in label ("The big picture: ...") when the content begins with one."""
    for i in range(start, min(end - 1, start + 8)):
        if doc[i].text == ":":
            return i + 1
    return start


def char_span(doc, start: int, end: int) -> Span:
    span = doc[start:end]  # not doc.text, which spaCy rebuilds from every token on each access
    return Span(span.start_char, span.end_char, span.text)


def entity_around(token, labels=NAME_LABELS):
    """The named entity holding ``token``, when it has one of ``labels``."""
    if token.ent_iob_ == "O" or token.ent_type_ not in labels:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def speaker_range(head) -> Range:
    """The tokens naming a speaker: its named entity, a pronoun, or the core of its noun phrase."""
    named = entity_around(head)
    if named is not None:
        return named
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    for child in head.children:
        if child.dep_ == "appos" and entity_around(child, {"PERSON"}) is not None:
            return entity_around(child, {"PERSON"})
    return _phrase_core(head)


def _phrase_core(head) -> Range:
    start = head.i
    for child in head.lefts:
        if child.dep_ not in _ASIDE_DEPS:
            start = min(start, child.left_edge.i)
    end = head.i + 1
    prepositions = lexicon().speaker_prepositions
    for child in head.rights:
        if child.left_edge.i != end or child.dep_ not in _SPEAKER_EXTRA_DEPS:
            break
        if child.dep_ == "prep" and child.lower_ not in prepositions:
            break
        end = child.right_edge.i + 1
    return trim(head.doc, start, end)


def phrase_extent(head, stop: Range) -> Range:
    """The speaker's phrase without its asides ("Axios' Ivana Saric"), to look for outlets in, short of ``stop``."""
    start, end = _phrase_core(head)
    named = entity_around(head)
    if named is not None:
        start, end = min(start, named[0]), max(end, named[1])
    if start < stop[0] < end:
        end = stop[0]
    if start < stop[1] <= end and head.i >= stop[1]:
        start = stop[1]
    return start, end
