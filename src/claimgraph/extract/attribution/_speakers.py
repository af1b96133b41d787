"""Speakers as real text gives them: pronouns named after the last fitting speaker, and words that only look like
speakers left out.

- "Tokyo Shimbun reported ... It had said ...": "it" is the last speaker before it that is not a person; "he added"
  is the last person who spoke, before any other person the text names in between (a quote's "he said" follows
  its speaker, and the tagger may even call a town a PERSON).
- A weekday or date ("Thursday said"), or a kicker in capitals before a colon ("STORY:", "WATCH:") is no speaker.
"""

from __future__ import annotations

from claimgraph.extract.attribution._lexicon import lexicon
from claimgraph.model import Attribution

PERSON_WORDS = frozenset({"he", "she"})
THING_WORDS = frozenset({"it", "they"})
CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                            "yesterday", "tomorrow", "january", "february", "march", "april", "june", "july",
                            "august", "september", "october", "november", "december"})


def is_speaker(head) -> bool:
    """Whether the speaker's head word can speak at all."""
    if head.ent_type_ in ("DATE", "TIME") or head.lower_ in CALENDAR_WORDS:
        return False
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return not (head.text in lexicon().kickers and nxt is not None and nxt.text == ":")


def name_pronouns(doc, attributions: list[Attribution]) -> None:
    """Give a pronoun speaker the name of the last fitting speaker before it."""
    text = doc.text  # built once: spaCy rebuilds it on every access
    for index, attribution in enumerate(attributions):
        word = text[attribution.speaker.start : attribution.speaker.end].lower() if index else ""
        if word not in PERSON_WORDS | THING_WORDS:
            continue
        wanted_person = word in PERSON_WORDS
        for earlier in reversed(attributions[:index]):
            if earlier.speaker.name.lower() not in PERSON_WORDS | THING_WORDS and \
                    _is_person(doc, earlier, attribution) == wanted_person:
                attribution.speaker.name = earlier.speaker.name
                break


def _is_person(doc, attribution: Attribution, pronoun: Attribution) -> bool:
    """A speaker is a person when the tagger says so, or when it is one capitalised word the tagger called an ORG
    ("Kirby" alone may come out as one); an outlet never is."""
    if attribution.outlet_chain and attribution.outlet_chain[0] == attribution.speaker.name:
        return False
    span = doc.char_span(attribution.speaker.start, attribution.speaker.end, alignment_mode="expand")
    label = span.root.ent_type_ if span is not None else ""
    return label == "PERSON" or (label == "ORG" and _surname_like(span))


def _surname_like(span) -> bool:
    """ "Kirby": one capitalised word that the tagger called an ORG; real organisations are rarely one bare word
    that a person pronoun then refers back to."""
    return len(span) == 1 and span.root.is_title
