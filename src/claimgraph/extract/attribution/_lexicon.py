"""The attribution lexicon (data/attribution.yaml) as lookup tables, loaded once per process."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    kind: str  # speech, belief, evidence or object (content only as an object)
    # Content when there is no clause: "object" (the direct object) and prepositions ("for").
    object_content: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, CueVerb]  # any written form, lowercased -> its verb
    stance_adjectives: frozenset[str]
    addressee_verbs: frozenset[str]
    quoted_persons: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    cue_nouns: frozenset[str]
    cue_noun_prepositions: frozenset[str]
    addressees: frozenset[str]
    channels: frozenset[str]
    person_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    speaker_prepositions: frozenset[str]
    outlets: tuple[str, ...]
    outlet_words: frozenset[str]
    kickers: frozenset[str]  # as written, in capitals


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("claimgraph.data").joinpath("attribution.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    words = lambda key: frozenset(w.lower() for w in data[key])  # noqa: E731 - local shorthand
    return Lexicon(
        verbs=_verb_table(data),
        stance_adjectives=words("stance_adjectives"),
        addressee_verbs=words("addressee_verbs"),
        quoted_persons=words("quoted_persons"),
        source_phrases=tuple(tuple(p.lower().split()) for p in data["source_phrases"]),
        cue_nouns=words("cue_nouns"),
        cue_noun_prepositions=words("cue_noun_prepositions"),
        addressees=words("addressees"),
        channels=words("channels"),
        person_pronouns=words("person_pronouns"),
        relative_pronouns=words("relative_pronouns"),
        speaker_prepositions=words("speaker_prepositions"),
        outlets=tuple(data["outlets"]),
        outlet_words=frozenset(data["outlet_words"]),
        kickers=frozenset(data["kickers"]),
    )


def _verb_table(data: dict) -> dict[str, CueVerb]:
    objects = data["object_content"]
    listed = {lemma: tuple(words) for lemma, words in objects["verbs"].items()}
    speech_default = tuple(objects["speech_default"])
    lines = [(kind, line) for kind, entries in data["verbs"].items() for line in entries]
    lines += [("object", line) for line in data["object_verbs"]]
    table: dict[str, CueVerb] = {}
    for kind, line in lines:
        forms = line.lower().split()
        default = speech_default if kind == "speech" else ()
        verb = CueVerb(forms[0], kind, listed.get(forms[0], default))
        for form in forms:
            table.setdefault(form, verb)
    return table


@functools.lru_cache(maxsize=64)
def outlet_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any of ``names`` as whole words, longest first.

    Case matters ("AP" is an outlet, "ap" is not); a name written in lowercase also matches with
    a capital first letter, as at the start of a sentence ("State media said").
    """
    spellings = {n.strip() for n in names if n.strip()}
    spellings |= {n[0].upper() + n[1:] for n in spellings if n.islower()}
    ordered = sorted(spellings, key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in ordered) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
