"""A quotation that goes on after its cue: ``"A," Zelensky said. "B."`` — B is Zelensky's too.

Within a paragraph, a sentence that opens with a quotation mark right after an attributed sentence, and that no
attribution of its own covers, continues the last speaker's words. The attribution layer keeps PolNeAR's
convention (one content span per cue, the resumed part not annotated); the claim layer reads the continuation as a
copy of the attribution with that content, under the same id, so that what it says is the speaker's claim.
"""

from __future__ import annotations

from claimgraph.extract.attribution._clauses import quotation_after
from claimgraph.extract.attribution._spans import char_span
from claimgraph.model import Attribution

MAX_CONTINUED = 4  # quoted sentences that may follow one cue


def continued_quotes(doc, text: str, found: list[Attribution]) -> list[Attribution]:
    """The continuations of the quotations of ``found`` (``text`` is the doc's text: spaCy rebuilds ``doc.text`` on
    every access): copies with the continued content and the same id."""
    added = []
    covered = [(a.content.start, a.content.end) for a in found]
    for attribution in found:
        added += _continuations(doc, text, attribution, covered)
    return added


def _continuations(doc, text: str, attribution: Attribution, covered: list[tuple[int, int]]) -> list[Attribution]:
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    found, end = [], max(attribution.content.end, cue.sent.end_char if cue is not None else attribution.cue.end)
    for _ in range(MAX_CONTINUED):
        sent = _next_sentence(doc, text, end)
        if sent is None or _inside(covered, sent.start_char):
            break
        quoted = quotation_after(doc, sent.start, sent)
        if quoted is None or quoted[0] != _first_word(sent):
            break
        content = char_span(doc, *quoted)
        found.append(Attribution(id=attribution.id, speaker=attribution.speaker, cue=attribution.cue, content=content,
                                 outlet_chain=list(attribution.outlet_chain)))
        covered.append((content.start, content.end))
        end = content.end
    return found


def _next_sentence(doc, text: str, char: int):
    """The sentence after ``char`` when it is in the same paragraph (no line break between), else None."""
    span = doc.char_span(char, len(text), alignment_mode="expand") if char < len(text) else None
    token = next((t for t in span if t.idx >= char and not t.is_space and not t.is_punct), None) if span else None
    if token is None or "\n" in text[char : token.idx]:
        return None
    sent = token.sent
    return sent if sent.start_char >= char - 1 else None


def _first_word(sent) -> int:
    return next((t.i for t in sent if not t.is_space), sent.start)


def _inside(spans: list[tuple[int, int]], char: int) -> bool:
    return any(start <= char < end for start, end in spans)
