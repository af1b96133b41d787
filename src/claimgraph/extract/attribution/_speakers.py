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
NOT_PERSONS = frozenset({"GPE", "NORP", "LOC", "FAC"})
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
    """A speaker is a person when it is a capitalised name the tagger does not make a place, a people or a
    many-word organisation: it may call "Kirby" an ORG or "Yevgeny Prigozhin" a WORK_OF_ART. An outlet never is."""
    outlet = attribution.outlet_chain[0].lower().removeprefix("the ") if attribution.outlet_chain else None
    if outlet is not None and outlet == attribution.speaker.name.lower().removeprefix("the "):
        return False
    span = doc.char_span(attribution.speaker.start, attribution.speaker.end, alignment_mode="expand")
    if span is None or not all(token.is_title for token in span if token.is_alpha):
        return False
    label = span.root.ent_type_
    return label not in NOT_PERSONS and not (label == "ORG" and len(span) > 1)
