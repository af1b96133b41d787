"""Per-document state of the event finder, and arguments as spans: named mentions, or the
antecedent of a pronoun ("It has also purchased ...") or of a definite description ("the
mercenary group"), or else the noun phrase as written.
"""

from __future__ import annotations

from claimgraph.extract.events._args import (
    ACTOR_LABELS,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    MentionIndex,
    chunk,
    conjuncts,
    is_verb,
    mention_arg,
    span_arg,
    subject_of,
)

THING_LABELS = frozenset({"ORG", "GPE", "NORP"})
OWNER_PRONOUNS = frozenset({"his", "her", "its", "their"})
QUESTION_TAGS = frozenset({"WDT", "WP", "WP$"})
# Classes of nouns that can act (or be acted on as a party); any other class is a thing, place or event.
ANIMATE_CLASSES = frozenset({"actor", "troops", "police", "person", "envoy", "inspectors", "org_anaphor"})


class DocContext:
    """What every step of the finder needs about one document."""

    def __init__(self, doc, mentions, timexes, quantities, lex) -> None:
        self.doc = doc
        self.lex = lex
        self.index = MentionIndex(doc, mentions)
        self.timexes = timexes
        self.quantities = quantities
        self._sentence_subjects: dict[int, list[list]] = {}

    def subject(self, verb):
        return subject_of(verb, self.lex.control_forms)

    def arguments(self, heads: list, *, unnamed: str = "always", labels=ACTOR_LABELS) -> list[dict]:
        """Argument spans for the phrases headed by ``heads``.

        Named mentions when the phrases hold any; else resolved references; else the phrase itself
        (``unnamed``: "always", "actors" = only when its head noun names an actor, or "never").
        """
        heads = [h for head in heads for h in conjuncts(head)]
        named = [mention_arg(m) for head in heads for m in self.index.named(head, labels)]
        if named:
            return _unique(named)
        found = []
        for head in heads:
            reference = self.resolve(head)
            if reference is not None:
                found.append(reference)
            elif unnamed == "always" and self.can_act(head) or unnamed == "actors" and self.is_actor_noun(head):
                found.append(span_arg(self.doc, *chunk(head)))
        return _unique(found)

    def is_actor_noun(self, token) -> bool:
        return "actor" in self.lex.noun_classes.get(token.lower_, set()) and self.can_act(token)

    def can_act(self, head) -> bool:
        """Whether an unnamed phrase can be a participant: a noun, not a question ("which agency"),
        a quantity ("40,000 of them"), an adjective ("new"), a thing ("the weapons") or an event ("the transfer")."""
        if not head.tag_.startswith("NN") or any(c.tag_ in QUESTION_TAGS for c in head.children):
            return False
        classes = self.lex.noun_classes.get(head.lower_, set())
        if classes & ANIMATE_CLASSES:
            return True
        return not classes and head.lower_ not in self.lex.noun_rules

    def resolve(self, token) -> dict | None:
        """The antecedent of a pronoun or of "the group"-like description, as an argument, or None."""
        word, owner = token.lower_, self._owner_pronoun(token)
        if word in THING_PRONOUNS or word in PERSON_PRONOUNS:
            labels = frozenset({"PERSON"}) if word in PERSON_PRONOUNS else THING_LABELS
            mention = self._pronoun_antecedent(token, labels)
        elif owner is not None:  # "his units", "its troops": the forces of whoever the pronoun stands for
            labels = frozenset({"PERSON"}) if owner.lower_ in ("his", "her") else THING_LABELS
            person = self._pronoun_antecedent(owner, labels)
            mention = self.group_led_by(person.text) if person is not None else None
            if mention is None:
                mention, person = person, None
        elif self._is_org_description(token):
            mention = self.index.last_before(token.idx, frozenset({"ORG"}))
        else:
            return None
        if mention is None:
            return None
        argument = mention_arg(mention)
        if word not in THING_PRONOUNS and word not in PERSON_PRONOUNS and owner is not None and person is not None:
            argument["led_by"] = person.text  # "his forces" are Wagner's, and he speaks for them
        left, right = chunk(token)
        span = self.doc[left : right + 1]
        argument["anaphor"] = {"start": span.start_char, "end": span.end_char, "text": span.text}
        return argument

    def _owner_pronoun(self, token):
        """The possessive pronoun of a force or group noun ("his units", "their fighters", "his company")."""
        if not {"troops", "org_anaphor"} & self.lex.noun_classes.get(token.lower_, set()):
            return None
        return next((c for c in token.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)

    def group_led_by(self, person: str):
        """The organisation a person heads, as the report says it: "Prigozhin, the head of the Wagner Group",
        "Wagner founder Yevgeny Prigozhin", "the Wagner Group's chief, Prigozhin" (one pass per name)."""
        cache = self.__dict__.setdefault("_led_by", {})
        if person not in cache:
            cache[person] = self._find_group_led_by(person)
        return cache[person]

    def _find_group_led_by(self, person: str):
        for token in self.doc:
            mention = self.index.at(token)
            if mention is None or not _same_person(mention.text, person):
                continue
            for word in _leader_words(token):
                groups = [m for m in self.index.named(word, frozenset({"ORG"})) if m.text != person]
                if groups:
                    return groups[0]
        return None

    def _is_org_description(self, token) -> bool:
        if "org_anaphor" not in self.lex.noun_classes.get(token.lower_, set()):
            return False
        has_the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        return has_the and not self.index.named(token)

    def _pronoun_antecedent(self, pronoun, labels):
        """A governing clause's subject in the same sentence, else the latest subject of the sentence before."""
        verb, steps = pronoun.head, 0
        while verb.dep_ != "ROOT" and steps < 8:
            verb, steps = verb.head, steps + 1
            subject = self.subject(verb) if is_verb(verb) else None
            if subject is not None and subject.i < pronoun.i:
                named = self.index.named(subject, labels)
                if named:
                    return named[0]
        previous = self._previous_sentence(pronoun.sent)
        if previous is None:
            return None
        candidates = [group for group in self.subjects_in(previous) if group[0].label in labels]
        return max(candidates, key=lambda group: group[0].start)[0] if candidates else None

    def _previous_sentence(self, sent):
        if sent.start == 0:
            return None
        return self.doc[sent.start - 1].sent

    def subjects_in(self, sent) -> list[list]:
        """Named subjects (mention lists) of every verb in a sentence, cached."""
        if sent.start not in self._sentence_subjects:
            groups = []
            for token in sent:
                if is_verb(token) and token.dep_ not in ("aux", "auxpass"):
                    subject = self.subject(token)
                    named = self.index.named(subject, THING_LABELS | {"PERSON"}) if subject is not None else []
                    if named:
                        groups.append(named)
            self._sentence_subjects[sent.start] = groups
        return self._sentence_subjects[sent.start]


LEADER_WORDS = frozenset({"head", "founder", "leader", "chief", "boss", "commander", "owner", "financier",
                          "chairman", "director"})


def _same_person(one: str, other: str) -> bool:
    """ "Prigozhin" is "Yevgeny Prigozhin": the same name, or one the other's surname."""
    return one == other or one.endswith(" " + other) or other.endswith(" " + one)


def _leader_words(token) -> list:
    """Leader nouns tied to a name: its appositive ("X, the head of Y") or its title ("Y founder X")."""
    root = token
    while root.dep_ == "compound" and root.head != root:
        root = root.head
    found = [c for c in root.children if c.dep_ == "appos" and c.lower_ in LEADER_WORDS]
    found += [c for c in root.children if c.dep_ in ("compound", "nmod") and c.lower_ in LEADER_WORDS]
    if root.dep_ == "appos" and root.head.lower_ in LEADER_WORDS:
        found.append(root.head)
    return found


def _unique(arguments: list[dict]) -> list[dict]:
    seen, found = set(), []
    for argument in arguments:
        key = (argument["start"], argument["end"])
        if key not in seen:
            seen.add(key)
            found.append(argument)
    return found
