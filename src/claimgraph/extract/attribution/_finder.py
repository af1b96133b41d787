"""Attribution: who said what, with which cue, and through which outlets it reached us.

``find_attributions`` reads a spaCy Doc sentence by sentence (_drafts and the modules
it calls hold the cue patterns; the word lists are in data/attribution.yaml) and returns
``Attribution``s in text order. Conventions, chosen to follow PolNeAR (Newell et al. 2018) where
it has one:

- The speaker span is the name itself: a named entity inside the speaker's phrase ("John Kirby"
  in "National Security Council spokesperson John Kirby"), a pronoun, or the core of a described
  source ("An official"). ``entity`` is left None for the resolver to fill.
- Pronouns keep their span; ``he``/``she`` take as name the nearest PERSON mentioned before them
  (and before the content, so that in ``"Putin is weak," he said`` "he" is not Putin), and a
  relative pronoun ("Reuters, which reported ...") the name of the phrase it refers to. First and
  second person ("I think", "we can confirm") are left out: they speak inside a quotation whose
  own speaker is the source.
- The content is the reported clause or quotation (PolNeAR keeps the quote marks and "that"), or
  for "according to X" the rest of the sentence. A quotation is followed within its paragraph and
  at most five sentences; a second quoted part after the cue (``"A," he said. "B."``) is not joined,
  since a content is one span (the claim layer reads it as the speaker's, with ``continued_quotes``).
- Only the outermost report is kept: in "Kirby said the U.S. believes X" the belief is part of
  what Kirby said (PolNeAR annotates such inner cues about one time in five).
- Sourceless hedges ("Officials are reportedly concerned", "it was reported that") are not
  attributions here: there is no speaker to record, and the claim's status ("reported") is read
  by the event layer. PolNeAR annotates these as Attribution-no-source (about 6% of its dev set).
  A stance with a holder is: "officials are concerned (that) X" gives speaker "officials" with
  cue "concerned".
- ``outlet_chain`` lists the outlets the claim passed through, nearest the speaker first: the
  speaker itself when it is an outlet ("according to Reuters"), the outlet in the speaker's phrase
  ("Axios' Ivana Saric"), the outlet told ("told CNN"), then the chain of any attribution whose
  content holds this one ("..., an official told CNN, according to Reuters" -> CNN, Reuters).
"""

from __future__ import annotations

import bisect

from claimgraph.extract.attribution._drafts import drafts_in
from claimgraph.extract.attribution._lexicon import lexicon, outlet_pattern
from claimgraph.extract.attribution._spans import (
    Draft,
    char_span,
    entity_around,
    phrase_extent,
    speaker_range,
    trim,
)
from claimgraph.extract.attribution._speakers import is_speaker, name_pronouns
from claimgraph.model import Attribution, Speaker

ALGORITHM = "attribution.rules/2"


def find_attributions(doc, outlet: str | None = None) -> list[Attribution]:
    """Attributions in ``doc`` (a parsed spaCy Doc), in text order; ``outlet`` is the document's outlet."""
    if len(doc) == 0 or not doc.has_annotation("DEP"):
        return []
    drafts = (draft for sent in doc.sents for draft in drafts_in(sent) if is_speaker(draft.speaker_head))
    drafts = _outermost(_unique(drafts))
    drafts.sort(key=lambda d: (d.cue[0], d.speaker[0]))
    names = _OutletNames(outlet)
    for draft in drafts:
        draft.outlets = _own_outlets(draft, names)
    chains = _inherited_chains(drafts)
    persons = _PersonIndex(doc)
    found = [
        Attribution(
            id=f"a{number}",
            speaker=_speaker(draft, persons),
            cue=char_span(doc, *draft.cue),
            content=char_span(doc, *draft.content),
            outlet_chain=chain,
        )
        for number, (draft, chain) in enumerate(zip(drafts, chains, strict=True), start=1)
    ]
    name_pronouns(doc, found)
    return found


def _unique(drafts) -> list[Draft]:
    """One attribution per cue (a cue word can be reached as a verb and inside a phrase)."""
    seen: dict[tuple[int, int], Draft] = {}
    for draft in drafts:
        seen.setdefault(draft.cue, draft)
    return list(seen.values())


def _outermost(drafts: list[Draft]) -> list[Draft]:
    """Drop cues inside another attribution's content ("Kirby said the U.S. believes ...").

    Content under "according to X" is the exception: there the inner cue is the report X passed
    on ("..., an official told CNN, according to Reuters"). A clause about X inside the phrase
    ("according to Reuters, which first reported it") goes: it describes the source.
    """
    containers = [d.content for d in drafts if d.kind != "phrase"]
    containers += [d.aside for d in drafts if d.aside is not None]  # "..., which first reported it"
    phrases = [d for d in drafts if d.kind == "phrase"]
    kept = [
        d
        for d in drafts
        if d.kind == "phrase" or not any(start <= d.cue[0] and d.cue[1] <= end for start, end in containers)
    ]
    for draft in kept:
        _cut_before_phrases(draft, phrases)
    return kept


def _cut_before_phrases(draft: Draft, phrases: list[Draft]) -> None:
    """A clause ending in "..., according to Reuters" reports what Reuters said: the phrase is not content."""
    for phrase in phrases:
        start, end = draft.content
        if phrase is not draft and start < phrase.cue[0] < end:
            trimmed = trim(draft.trigger.doc, start, phrase.cue[0])
            if trimmed[1] > trimmed[0]:
                draft.content = trimmed


# --- speakers -----------------------------------------------------------------------------------


class _PersonIndex:
    """PERSON mentions by end offset, to name the person a pronoun most likely stands for."""

    def __init__(self, doc) -> None:
        people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        self.ends = [ent.end_char for ent in people]
        self.names = [ent.text for ent in people]

    def before(self, offset: int) -> str | None:
        position = bisect.bisect_right(self.ends, offset)
        return self.names[position - 1] if position else None


def _speaker(draft: Draft, persons: _PersonIndex) -> Speaker:
    doc = draft.trigger.doc
    span = char_span(doc, *draft.speaker)
    return Speaker(entity=None, name=_speaker_name(draft, span.text, persons), start=span.start, end=span.end)


def _speaker_name(draft: Draft, written: str, persons: _PersonIndex) -> str:
    head = draft.speaker_head
    if head.lower_ in lexicon().person_pronouns:
        before = min(head.idx, head.doc[draft.content[0]].idx)
        return persons.before(before) or written
    antecedent = _antecedent(head)
    if antecedent is not None:
        return char_span(head.doc, *speaker_range(antecedent)).text
    return written


def _antecedent(head):
    """For "who"/"which" opening a relative clause, the noun the clause is about."""
    if head.lower_ not in lexicon().relative_pronouns or head.head.dep_ != "relcl":
        return None
    noun = head.head.head
    return noun if noun.i != head.i else None


# --- outlet chains --------------------------------------------------------------------------------


class _OutletNames:
    def __init__(self, outlet: str | None) -> None:
        self.pattern = outlet_pattern(lexicon().outlets + ((outlet,) if outlet else ()))

    def in_text(self, text: str) -> list[str]:
        return [match.group(0) for match in self.pattern.finditer(text)]

    def is_outlet(self, text: str, head) -> bool:
        if self.pattern.fullmatch(text):
            return True
        named = entity_around(head, {"ORG"})
        return named is not None and head.doc[named[1] - 1].text in lexicon().outlet_words


def _own_outlets(draft: Draft, names: _OutletNames) -> list[str]:
    doc = draft.trigger.doc
    head = _antecedent(draft.speaker_head) or draft.speaker_head
    speaker_text = char_span(doc, *speaker_range(head)).text
    found = [speaker_text] if names.is_outlet(speaker_text, head) else []
    phrase = phrase_extent(head, draft.cue)
    found += names.in_text(doc[phrase[0] : phrase[1]].text)
    for child in draft.trigger.rights:  # "told CNN", "said in an interview with CNN"
        within = (child.left_edge.i, child.right_edge.i + 1)
        if child.dep_ in ("dobj", "dative", "prep") and not _overlap(within, draft.content):
            found += names.in_text(doc[within[0] : within[1]].text)
    return _distinct(found)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _distinct(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _inherited_chains(drafts: list[Draft]) -> list[list[str]]:
    """Each draft's outlets followed by those of the attributions whose content holds it, inner first."""
    parents = [_parent(index, drafts) for index in range(len(drafts))]
    chains = []
    for index, draft in enumerate(drafts):
        chain, seen, parent = list(draft.outlets), {index}, parents[index]
        while parent is not None and parent not in seen:  # contents can nest oddly: never loop
            seen.add(parent)
            chain += drafts[parent].outlets
            parent = parents[parent]
        chains.append(_distinct(chain))
    return chains


def _parent(index: int, drafts: list[Draft]) -> int | None:
    cue = drafts[index].cue
    holders = [
        (d.content[1] - d.content[0], other)
        for other, d in enumerate(drafts)
        if other != index and d.content[0] <= cue[0] and cue[1] <= d.content[1]
    ]
    return min(holders)[1] if holders else None
