"""Content ranges for attribution cues: reported clauses, quotations, and the clause around an aside.

Quotations are never paired across the text (scraped news has stray and unbalanced marks): a
quotation is followed from its opening mark within its paragraph and a few sentences, and a
cue standing alone after a closing mark looks back for the opening one.
"""

from __future__ import annotations

from claimgraph.extract.attribution._spans import (
    Range,
    after_label,
    breaks_paragraph,
    closes_quote,
    has_clause,
    is_quote,
    opens_quote,
    quotation_from,
    take_quotes,
    trim,
    without,
)

_PARENTHESIS_MARKS = frozenset({",", "—", "–", "--", "-"})
_QUOTE_LOOKAHEAD_SENTENCES = 5  # a quotation may run on over this many more sentences


def subject_of(token, passive: bool = False):
    """The subject nearest the verb: in ``"Dear Michael," the speaker says`` the parser finds two."""
    wanted = ("nsubj", "nsubjpass") if passive else ("nsubj",)
    subjects = [c for c in token.children if c.dep_ in wanted]
    return min(subjects, key=lambda c: abs(c.i - token.i), default=None)


def largest_child(token, dep: str, sent=None):
    children = [c for c in token.children if c.dep_ == dep and (sent is None or sent.start <= c.i < sent.end)]
    return max(children, key=lambda c: c.right_edge.i - c.left_edge.i, default=None)


def clause_content(clause, speaker: Range, cue: Range, sent, head=None) -> Range:
    doc = clause.doc
    content = (max(clause.left_edge.i, sent.start), min(clause.right_edge.i + 1, sent.end))
    content = without(without(content, cue, clause.i), speaker_block(doc, speaker, sent, head), clause.i)
    if content[0] == sent.start:
        content = (after_label(doc, content[0], content[1]), content[1])
    start, end = trim(doc, *content)
    return _quoted(doc, start, end, sent)


def speaker_block(doc, speaker: Range, sent, head=None) -> Range:
    """The speaker with the titles and descriptions before it, back to a comma or quote mark."""
    start = speaker[0]
    while start > sent.start:
        before = doc[start - 1]
        if before.is_space or (before.is_punct and before.dep_ != "case"):  # keep the ' of "Axios' "
            break
        in_phrase = head is not None and head.is_ancestor(before)  # "Axios' Ivana Saric"
        if not in_phrase and before.pos_ not in ("PROPN", "NOUN", "ADJ", "DET", "PART", "NUM"):
            break
        start -= 1
    return start, speaker[1]


def rest_of_sentence(doc, sent, aside: Range) -> Range:
    """The larger side of the sentence around an aside ("as Reuters reported", "according to X")."""
    before = trim(doc, after_label(doc, sent.start, aside[0]), aside[0])
    after = trim(doc, aside[1], sent.end)
    content = before if _words(doc, before) >= _words(doc, after) else after
    return take_quotes(doc, content[0], content[1], sent.start, sent.end)


def _words(doc, span: Range) -> int:
    return sum(1 for i in range(*span) if not doc[i].is_punct and not doc[i].is_space)


def quotation_after(doc, position: int, sent) -> Range | None:
    """A quotation opening right after the cue and speaker (``said: "..."``), run on if unclosed."""
    colon = False
    while position < len(doc) and (doc[position].text in (",", ":") or doc[position].is_space):
        colon = colon or doc[position].text == ":"
        position += 1
    if position >= sent.end and colon and position < len(doc):  # "she added:" ending a sentence
        sent = doc[position].sent
    if position >= sent.end or not opens_quote(doc[position]):
        return None
    limit = _sentence_end_after(doc, sent.end, _QUOTE_LOOKAHEAD_SENTENCES)
    start, end = quotation_from(doc, position, limit)
    if end > sent.end and not is_quote(doc[end - 1]):
        end = sent.end  # never closed: keep to this sentence
    start, end = trim(doc, start, end)
    return (start, end) if end > start else None


def _quotation_before(doc, position: int, sent) -> Range | None:
    """``"...!" the crowd shouted``: the parser ended a sentence inside the quotation before the cue."""
    close = position - 1
    while close >= 0 and doc[close].is_space:
        close -= 1
    if close < 0 or not closes_quote(doc[close]):
        return None
    floor = _sentence_start_before(doc, sent.start, _QUOTE_LOOKAHEAD_SENTENCES)
    for i in range(close - 1, floor - 1, -1):
        if opens_quote(doc[i]):
            start, end = trim(doc, i, close + 1)
            return (start, end) if end > start else None
        if closes_quote(doc[i]) or breaks_paragraph(doc[i]):
            return None
    return None


def _sentence_start_before(doc, start: int, sentences: int) -> int:
    for _ in range(sentences):
        if start <= 0:
            break
        start = doc[start - 1].sent.start
    return start


def _sentence_end_after(doc, end: int, sentences: int) -> int:
    for _ in range(sentences):
        if end >= len(doc):
            break
        end = doc[end].sent.end
    return end


def host_clause(doc, sent, speaker: Range, cue: Range, head) -> Range | None:
    """Parenthetical cues: in "..., Kirby added." the content is the clause before the aside."""
    if speaker[1] <= cue[0] and speaker[1] < cue[0] - 3:
        return None  # the speaker is not next to the cue: not an aside
    block = (min(speaker[0], cue[0]), max(speaker[1], cue[1]))
    block = (speaker_block(doc, block, sent, head)[0], block[1])
    before = block[0] - 1
    while before >= sent.start and (is_quote(doc[before]) or doc[before].is_space):
        before -= 1
    if before < sent.start:
        return _quotation_before(doc, block[0], sent) or _clause_after(doc, block[1], sent)
    if doc[before].text not in _PARENTHESIS_MARKS and not is_quote(doc[before + 1]):
        return None
    start = after_label(doc, sent.start, block[0])
    start, end = trim(doc, start, block[0])
    if end > start and (has_clause(doc, start, end) or opens_quote(doc[start]) or _ends(doc, block[1], sent)):
        return _quoted(doc, start, end, sent)
    return _clause_after(doc, block[1], sent)


def _quoted(doc, start: int, end: int, sent) -> Range:
    """Widen over the quote marks around a content, back to an opening mark in an earlier sentence.

    ``"This is not only about X. It is about Y," she said``: the parser ends a sentence inside the
    quotation, so a content that closes a quotation it never opened starts where the mark is.
    """
    start, end = take_quotes(doc, start, end, sent.start, sent.end)
    if end - start < 2 or not closes_quote(doc[end - 1]) or any(opens_quote(doc[i]) for i in range(start, end)):
        return start, end
    floor = _sentence_start_before(doc, sent.start, _QUOTE_LOOKAHEAD_SENTENCES)
    for i in range(start - 1, floor - 1, -1):
        if opens_quote(doc[i]):
            return i, end
        if closes_quote(doc[i]) or breaks_paragraph(doc[i]):
            break
    return start, end


def _ends(doc, position: int, sent) -> bool:
    """Whether only adjuncts follow: "Sorry, Sanders said on Tuesday." but not "..., Sanders said, and ..."."""
    return not has_clause(doc, position, sent.end) and not any(doc[i].text == "," for i in range(position, sent.end))


def _clause_after(doc, position: int, sent) -> Range | None:
    """An aside before its clause: "In several cases, officials say, they were asked ..."."""
    if position >= sent.end or doc[position].text != ",":
        return None
    start, end = trim(doc, position + 1, sent.end)
    return (start, end) if has_clause(doc, start, end) else None
