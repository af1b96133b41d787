"""The event finder's word lists (data/plover.yaml, data/status.yaml) turned into lookup tables.

The pipeline runs spaCy without its lemmatizer, so lemmas in the data files are expanded to their
inflected forms here once ("supply" -> supplies, supplied, supplying) and words are matched by
``token.lower_``: one dict lookup per token keeps the finder linear and cheap.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

import yaml

_VOWELS = set("aeiou")


@dataclass(frozen=True)
class TriggerRule:
    """One trigger entry of plover.yaml, for one lemma (single word or phrase)."""

    type: str
    words: tuple[str, ...]  # the lemma split in words; words[0] is the head
    pos: str  # "verb" or "noun"
    mode: str | None = None
    objects: tuple[str, ...] = ()  # required object classes
    modes: tuple[tuple[str, str], ...] = ()  # object class -> mode
    frame: str = "default"
    require_prep: tuple[str, ...] = ()
    no_recipient: bool = False
    subject_labels: tuple[str, ...] = ()  # the subject must name one of these (GPE, ORG...)
    priority: int = 0
    order: int = 0  # position in the file: earlier entries win ties

    @property
    def rank(self) -> tuple:
        """Priority, then longer phrases, then entries with more conditions, then file order."""
        conditions = bool(self.objects) + bool(self.require_prep) + bool(self.subject_labels)
        return (-self.priority, -len(self.words), -conditions, self.order)


@dataclass
class Lexicon:
    verb_rules: dict[str, list[TriggerRule]] = field(default_factory=dict)  # head form -> rules
    noun_rules: dict[str, list[TriggerRule]] = field(default_factory=dict)  # any word form -> rules
    noun_classes: dict[str, set[str]] = field(default_factory=dict)  # noun form -> classes
    weapon_classes: dict[str, str] = field(default_factory=dict)  # noun form -> weapon class
    verb_lemma: dict[str, str] = field(default_factory=dict)  # verb form -> lemma (for listed verbs)
    status_verbs: dict[str, str] = field(default_factory=dict)  # verb form -> status
    status_adjectives: dict[str, str] = field(default_factory=dict)
    status_adverbs: dict[str, str] = field(default_factory=dict)
    status_modals: dict[str, str] = field(default_factory=dict)
    status_marks: dict[str, str] = field(default_factory=dict)
    status_nouns: dict[str, str] = field(default_factory=dict)
    inherit_time: frozenset[str] = frozenset()
    speech_forms: frozenset[str] = frozenset()
    support_forms: frozenset[str] = frozenset()
    occurrence_forms: frozenset[str] = frozenset()
    control_forms: frozenset[str] = frozenset()
    attempt_forms: frozenset[str] = frozenset()  # verbs and nouns of trying ("tried to take", "a bid to seize")
    data: dict = field(default_factory=dict)  # the raw plover.yaml
    status_data: dict = field(default_factory=dict)


def _read(name: str) -> dict:
    return yaml.safe_load(resources.files("claimgraph.data").joinpath(name).read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared lexicon, built once per process."""
    data, status = _read("plover.yaml"), _read("status.yaml")
    irregular = {lemma: set(forms) for lemma, forms in data["irregular"].items()}
    lex = Lexicon(data=data, status_data=status)
    _add_triggers(lex, data["triggers"], irregular)
    _add_classes(lex, data["classes"])
    _add_status(lex, status, irregular)
    lex.speech_forms = frozenset(_verb_forms_of(status["speech_verbs"], irregular))
    cue_keys = ("planned", "considered", "hypothetical", "denied", "asserted")  # "claimed the capture of Soledar"
    cue_verbs = [v for key in cue_keys for v in status["verbs"][key]]
    lex.support_forms = frozenset(_verb_forms_of(data["support_verbs"] + cue_verbs, irregular))
    lex.occurrence_forms = frozenset(_verb_forms_of(data["occurrence_verbs"], irregular))
    lex.control_forms = frozenset(_verb_forms_of(data["object_control"], irregular))
    attempts = data["attempts"]
    lex.attempt_forms = frozenset(_verb_forms_of(attempts["verbs"], irregular)) | frozenset(attempts["nouns"])
    return lex


def _verb_forms_of(lemmas: list[str], irregular: dict[str, set[str]]) -> set[str]:
    """Forms of each lemma's head word (phrasal verbs are looked up by their verb)."""
    return {form for lemma in lemmas for form in verb_forms(lemma.split()[0], irregular)}


def _add_triggers(lex: Lexicon, triggers: dict, irregular: dict[str, set[str]]) -> None:
    order = 0
    for type_, entries in triggers.items():
        for entry in entries:
            for pos in ("verbs", "nouns"):
                for lemma in entry.get(pos, ()):
                    order += 1
                    rule = _rule(type_, entry, lemma, pos[:-1], order)
                    _index_rule(lex, rule, irregular)
    for table in (lex.verb_rules, lex.noun_rules):
        for rules in table.values():
            rules.sort(key=lambda r: r.rank)


def _rule(type_: str, entry: dict, lemma: str, pos: str, order: int) -> TriggerRule:
    return TriggerRule(
        type=type_,
        words=tuple(lemma.replace("-", " - ").split()),
        pos=pos,
        mode=entry.get("mode"),
        objects=tuple(entry.get("objects", ())),
        modes=tuple((entry.get("modes") or {}).items()),
        frame=entry.get("frame", "default"),
        require_prep=tuple(entry.get("require_prep", ())),
        no_recipient=bool(entry.get("no_recipient", False)),
        subject_labels=tuple(entry.get("subject_labels", ())),
        priority=int(entry.get("priority", 0)),
        order=order,
    )


def _index_rule(lex: Lexicon, rule: TriggerRule, irregular: dict[str, set[str]]) -> None:
    if rule.pos == "verb":
        for form in verb_forms(rule.words[0], irregular):
            lex.verb_rules.setdefault(form, []).append(rule)
            lex.verb_lemma.setdefault(form, rule.words[0])
        return
    # A noun phrase is found from its last word ("drone strike") or its first ("state of emergency").
    keys = set(noun_forms(rule.words[-1])) | {rule.words[0]} | set(noun_forms(rule.words[0]))
    for key in keys:
        rules = lex.noun_rules.setdefault(key, [])
        if rule not in rules:
            rules.append(rule)


def _add_classes(lex: Lexicon, classes: dict) -> None:
    for name, words in classes.items():
        items = words.items() if isinstance(words, dict) else ((w, None) for w in words)
        for word, value in items:
            for form in noun_forms(word):
                lex.noun_classes.setdefault(form, set()).add(name)
                if value is not None:
                    lex.weapon_classes.setdefault(form, value)


def _add_status(lex: Lexicon, status: dict, irregular: dict[str, set[str]]) -> None:
    for key, words in status["verbs"].items():
        for form in _verb_forms_of(words, irregular):
            lex.status_verbs.setdefault(form, key)
    lex.status_adjectives = _flat(status["adjectives"])
    lex.status_adverbs = _flat(status["adverbs"])
    lex.status_modals = _flat(status["modals"])
    lex.status_marks = _flat(status["marks"])
    lex.status_nouns = {form: key for key, words in status["nouns"].items() for w in words for form in noun_forms(w)}
    lex.inherit_time = frozenset(status["inherit_time"])


def _flat(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: key for key, words in table.items() for word in words}


def is_saying(event_type: str) -> bool:
    """PLOVER types whose act is done by saying (ACCUSE, REQUEST, THREATEN...): plover.yaml `verbal_types`."""
    return event_type in lexicon().data["verbal_types"]


def verb_forms(lemma: str, irregular: dict[str, set[str]] | None = None) -> set[str]:
    """The lemma and its regular (and listed irregular) inflections; over-generation is harmless."""
    forms = {lemma, _third_person(lemma), *_past(lemma), *_gerund(lemma)}
    return forms | (irregular or {}).get(lemma, set())


@functools.lru_cache(maxsize=4096)
def noun_forms(lemma: str) -> frozenset[str]:
    """Singular and plural of a noun (or of the last word of a noun phrase)."""
    head, _, last = lemma.rpartition(" ")
    prefix = f"{head} " if head else ""
    return frozenset({prefix + last, prefix + _third_person(last), prefix + last + "s"})


def _third_person(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str) -> set[str]:
    if word.endswith("e"):
        return {word + "d"}
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return {word[:-1] + "ied"}
    forms = {word + "ed"}
    if _doubles(word):
        forms.add(word + word[-1] + "ed")
    return forms


def _gerund(word: str) -> set[str]:
    if word.endswith("ie"):
        return {word[:-2] + "ying"}
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return {word[:-1] + "ing", word + "ing"}
    forms = {word + "ing"}
    if _doubles(word):
        forms.add(word + word[-1] + "ing")
    return forms


def _doubles(word: str) -> bool:
    """Consonant-vowel-consonant endings may double ("plan" -> "planned", "ban" -> "banning")."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )
