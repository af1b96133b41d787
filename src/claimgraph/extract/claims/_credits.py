"""Credits that name no event of their own: "The ministry reported this on September 23", "CNN reported it".

An attribution whose content is only a pointer back ("this", "it", "the news") says its speaker stands behind what
the report has just told: a claim by that speaker, `reported` when the speaker is an outlet, else `asserted`.
Resolve attaches it to the event it points back to, as it does with denials.
"""

from __future__ import annotations

import re

from claimgraph.extract.claims._drafts import has_denial_cue, speaks_as_outlet
from claimgraph.model import Attribution, LooseClaim, Span

POINTERS = frozenset({"this", "it", "that", "so", "the news", "the report", "the information", "about it",
                      "about this", "on it", "on this"})


def find_credits(doc, text: str, attributions: list[Attribution]) -> list[LooseClaim]:
    found = []
    for a in attributions:
        if has_denial_cue(a):
            continue  # "Moscow denied it" is a denial, found as one
        content = re.sub(r"[^\w\s]", "", a.content.text.lower()).strip()
        if content in POINTERS or _points_back(doc, a):
            status = "reported" if speaks_as_outlet(a) else "asserted"
            found.append(LooseClaim(a.speaker, a.cue, _sentence_of(text, a), a.id, None, status))
    return found


def _points_back(doc, a: Attribution) -> bool:
    """The cue verb's own object is a pointer: "reported this on September 23"."""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    return cue is not None and any(c.dep_ == "dobj" and c.lower_ in POINTERS for c in cue.root.children)


def _sentence_of(text: str, a: Attribution) -> Span:
    start = min(s for s in (a.speaker.start, a.cue.start, a.content.start) if s is not None)
    end = max(a.cue.end, a.content.end)
    return Span(start, end, text[start:end])
