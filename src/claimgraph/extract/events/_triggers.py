"""Trigger words: which tokens state a PLOVER event, of which type, over which predicate.

A verb is a trigger when its form is listed in plover.yaml and the entry's conditions hold (object
class, preposition, subject kind). A noun is a trigger only where the sentence says the event
happens: after a support verb ("imposed sanctions"), as the subject of an occurrence verb ("talks
began") or as the root of a headline. Other definite trigger nouns ("the shipment, completed last
month") are kept as anaphors that can lend their time to an earlier event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.extract.events._args import ACTOR_LABELS, conjuncts, is_existential, is_verb, objects_of
from claimgraph.extract.events._lexicon import TriggerRule, noun_forms

PHRASE_WINDOW = 4  # tokens after a verb in which the rest of a phrasal verb may appear
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
SKIP_VERB_DEPS = frozenset({"aux", "auxpass", "amod", "compound"})
# Noun classes of people: "convicts", "recruits" also read as verbs, but a people noun merely describes.
PEOPLE_CLASSES = frozenset({"person", "troops", "actor"})


@dataclass
class Trigger:
    token: object  # the trigger's head token
    rule: TriggerRule
    predicate: object  # the verb that carries tense and status (a support verb for nouns)
    start: int  # first and last token of the trigger phrase
    end: int
    objects: list = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.rule.type


@dataclass
class Anaphor:
    """A definite trigger noun that refers back to an event ("the North Korean shipment")."""

    token: object
    type: str


DEMAND_RULE = TriggerRule(type="REQUEST", words=("demand",), pos="verb", frame="demand")
CONTROL_RULE = TriggerRule(type="COERCE", words=("control",), pos="noun", mode="seize", frame="control")
BE_FORMS = frozenset({"is", "was", "are", "were", "be", "been", "being", "'s"})


def find_triggers(sent, ctx) -> tuple[list[Trigger], list[Anaphor]]:
    verbs = [t for t in (verb_trigger(token, ctx) or demand_trigger(token, ctx) for token in sent) if t is not None]
    taken = {t.token.i for t in verbs}
    nouns, anaphors = [], []
    for token in sent:
        if token.tag_.startswith("NN") and token.i not in taken:
            found = control_trigger(token) or noun_trigger(token, ctx, taken)
            if isinstance(found, Trigger):
                nouns.append(found)
                taken.update(range(found.start, found.end + 1))
            elif isinstance(found, Anaphor):
                anaphors.append(found)
    return verbs + nouns, anaphors


def verb_trigger(token, ctx) -> Trigger | None:
    rules = ctx.lex.verb_rules.get(token.lower_)
    if not rules or not is_verb(token) or token.dep_ in SKIP_VERB_DEPS:
        return None
    if token.dep_ == "acl" and token.tag_ == "VBN" and not _is_content_clause(token):
        return None  # "drones made by Iran", "Wagner, deployed in Ukraine": descriptions, not reports
    objects = objects_of(token)
    if _is_people_noun(token, objects, ctx):
        return None
    for rule in rules:
        end = _phrase_end(token, rule.words)
        if rule.objects and objects and all(_names_another_event(o, rule, ctx) for o in objects):
            continue  # "took delivery of arms": the noun names the event, the verb only supports it
        given = _given_with(token, objects, ctx) if rule.frame == "give" else objects
        if end is not None and _conditions_hold(rule, token, given, ctx):
            return Trigger(token, rule, token, token.i, end, given)
    return None


def _is_content_clause(verb) -> bool:
    """ "claims that it had sent arms": a clause with its own subject or a "that" says what is claimed."""
    return any(c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "mark" and c.lower_ == "that") for c in verb.children)


def _names_another_event(noun, rule: TriggerRule, ctx) -> bool:
    """An object that is itself an event word and not, by itself, of the kind the rule asks for."""
    own = ctx.lex.noun_classes.get(noun.lower_, set())
    return noun.lower_ in ctx.lex.noun_rules and not own & set(rule.objects)


def _given_with(verb, objects: list, ctx) -> list:
    """ "supplied Moscow with drones": the object named is who receives; what is given comes after "with"."""
    if not objects or not all(ctx.index.named(o) for o in objects):
        return objects
    with_items = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                  if g.dep_ == "pobj"]
    return with_items or objects


def _is_people_noun(token, objects: list, ctx) -> bool:
    """ "40,000 of them convicts": a plural people noun the parser took for a verb without an object."""
    if not token.tag_.startswith("NN") and (token.tag_ != "VBZ" or objects):
        return False
    return bool(ctx.lex.noun_classes.get(token.lower_, set()) & PEOPLE_CLASSES)


def demand_trigger(token, ctx) -> Trigger | None:
    """ "X said [Y must V]": a report of what another must do is X's demand on Y (CAMEO/PLOVER usage)."""
    if not is_verb(token) or token.lower_ not in ctx.lex.speech_forms:
        return None
    modals = ctx.lex.data["demand_modals"]
    for clause in token.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
            addressee = ctx.subject(clause)
            if addressee is not None and ctx.arguments([addressee], unnamed="actors"):
                return Trigger(token, DEMAND_RULE, token, token.i, token.i, [clause])
    return None


def control_trigger(token) -> Trigger | None:
    """ "Soledar was in Russian hands", "the town is not under Russian control", "forces were in control of the
    town": who holds ground has taken it (COERCE/seize), stated by the copula. "Remains under Ukrainian control"
    is holding, not taking."""
    if token.lower_ not in ("control", "hands") or token.dep_ != "pobj":
        return None
    preposition = token.head
    if preposition.lower_ not in ("under", "in") or preposition.dep_ != "prep":
        return None
    copula = preposition.head
    if copula.lower_ not in BE_FORMS or not _has_holder(token):
        return None  # "the situation is under control": nobody holds anything
    return Trigger(token, CONTROL_RULE, copula, preposition.i, token.i, [])


def _has_holder(noun) -> bool:
    """ "Russian control", "the hands of Wagner", "in control of Soledar": a holder or a held place is named."""
    if any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ for c in noun.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ for g in c.subtree) for c in noun.children)


def _phrase_end(token, words: tuple[str, ...]) -> int | None:
    """Index of the last word of a phrasal verb ("forced the agency, X, out"), or None when it is absent.

    Each further word is the verb's own particle or preposition, or else follows within a few tokens.
    """
    position, sent_end = token.i, token.sent.end
    for word in words[1:]:
        child = next((c.i for c in token.children if c.lower_ == word and c.i > position), None)
        following = range(position + 1, min(position + 1 + PHRASE_WINDOW, sent_end))
        position = child if child is not None else next((i for i in following if token.doc[i].lower_ == word
                                                         and not _inside_noun_phrase(token.doc[i], token)), None)
        if position is None:
            return None
    return position


def _inside_noun_phrase(word, verb) -> bool:
    """ "called [the battle for Soledar] ...": a preposition that belongs to a noun is not the verb's particle."""
    return word.head.i != verb.i and word.head.pos_ in ("NOUN", "PROPN") and word.head.i > verb.i


def _conditions_hold(rule: TriggerRule, token, objects: list, ctx) -> bool:
    if rule.objects and not set(rule.objects) & object_classes(objects, ctx):
        return False
    if rule.require_prep and not _has_prep_after(token, rule.require_prep):
        return False
    if rule.subject_labels:
        subject = ctx.subject(token)
        labels = {m.label for m in ctx.index.named(subject)} if subject is not None else set()
        return bool(labels & set(rule.subject_labels))
    return True


GROUND_LABELS = frozenset({"LOC", "FAC"})


def object_classes(objects: list, ctx) -> set[str]:
    """Classes (weapon, troops, aid...) of the nouns in the objects' phrases."""
    classes: set[str] = set()
    classes_of = ctx.lex.noun_classes
    for noun in object_nouns(objects):
        classes |= classes_of.get(noun.lower_, set())
        for width in (1, 2, 3):  # "riot police", "know-how", "fact-finding mission"
            if noun.i >= width:
                classes |= classes_of.get(noun.doc[noun.i - width : noun.i + 1].text.lower(), set())
        mention = ctx.index.at(noun)
        if mention is not None and mention.label in ACTOR_LABELS:
            classes.add("actor")
        if mention is not None and mention.label in GROUND_LABELS:
            classes.add("ground")  # "took Bakhmut": a named place (not a country: "returned to China") is ground
    return classes


def object_nouns(objects: list, depth: int = 0) -> list:
    """Head nouns of object phrases, their conjuncts, compounds and "of" complements ("part of an aid program")."""
    found = []
    for head in objects:
        for noun in conjuncts(head):
            found.append(noun)
            inner = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    inner += [g for g in child.children if g.dep_ == "pobj"]
            found += object_nouns(inner, depth + 1) if depth < 2 else inner
    return found


def _has_prep_after(token, preps: tuple[str, ...]) -> bool:
    return any(t.dep_ == "prep" and t.lower_ in preps for t in token.subtree if t.i > token.i)


def noun_trigger(token, ctx, verb_triggers: set[int]) -> Trigger | Anaphor | None:
    rules = ctx.lex.noun_rules.get(token.lower_)
    if not rules:
        return None
    match = _noun_match(token, rules)
    if match is None:
        return None
    rule, start, end = match
    if token.dep_ == "compound" and _is_trigger_noun(token.head, ctx):
        return None  # "drone strike": the head noun carries the phrase
    predicate = support_of(token, ctx) or _verb_of_same_kind(token, rule, ctx)
    if predicate is None:
        definite = any(c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE or c.tag_ == "PRP$") for c in token.children)
        if definite:
            return Anaphor(token, rule.type)
        if token.lower_ in ctx.lex.data["fighting"]["stated"] and token.dep_ in ("pobj", "nsubj", "dobj", "ROOT"):
            return Trigger(token, rule, token, start, end, [])  # "amid heavy fighting", "locked in fighting"
        return None
    if predicate.i in verb_triggers and predicate.lower_ not in ctx.lex.status_verbs:
        return None  # "signed an agreement", "lifted sanctions": the verb's event says it all
    return Trigger(token, rule, predicate, start, end, [])


def _verb_of_same_kind(noun, rule: TriggerRule, ctx):
    """ "Iran has dispatched the first shipment to Russia": a verb of the noun's own type that takes it as object
    carries it (the noun names the event; "the first shipment" here is no reference back)."""
    verb = noun.head
    if noun.dep_ != "dobj" or not is_verb(verb):
        return None
    return verb if any(r.type == rule.type for r in ctx.lex.verb_rules.get(verb.lower_, ())) else None


def _is_trigger_noun(token, ctx) -> bool:
    rules = ctx.lex.noun_rules.get(token.lower_)
    return bool(rules) and _noun_match(token, rules) is not None


def _noun_match(token, rules) -> tuple[TriggerRule, int, int] | None:
    for rule in rules:
        words = rule.words
        if _matches_ending_at(token, words):
            return rule, token.i - len(words) + 1, token.i
        if len(words) > 2 and words[1] in ("of", "on") and _matches_starting_at(token, words):
            return rule, token.i, token.i + len(words) - 1
    return None


def _matches_ending_at(token, words: tuple[str, ...]) -> bool:
    first = token.i - len(words) + 1
    if first < token.sent.start or token.lower_ not in noun_forms(words[-1]):
        return False
    return all(token.doc[first + k].lower_ == word for k, word in enumerate(words[:-1]))


def _matches_starting_at(token, words: tuple[str, ...]) -> bool:
    last = token.i + len(words) - 1
    if last >= token.sent.end or token.lower_ not in noun_forms(words[0]):
        return False
    return all(token.doc[token.i + k].lower_ == word for k, word in enumerate(words) if k > 0)


def support_of(noun, ctx):
    """The verb that makes a trigger noun an event ("imposed [sanctions]"), the noun itself at a root, or None."""
    lex, token = ctx.lex, noun
    while token.dep_ in ("conj", "compound", "appos") and token.head.tag_.startswith("NN") and token.head != token:
        token = token.head
    head = token.head
    if token.dep_ == "nsubjpass" and is_verb(head) and any(c.dep_ == "xcomp" for c in head.children):
        raised = next(c for c in head.children if c.dep_ == "xcomp")  # "sanctions are expected to be imposed"
        return raised if raised.lower_ in lex.support_forms else None  # not "the delivery is expected to change"
    if token.dep_ in ("dobj", "nsubjpass", "dative") and is_verb(head):  # not "is a threat": a description
        return head if head.lower_ in lex.support_forms else None
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "to", "with", "on", "into"):
        verb = head.head
        return verb if is_verb(verb) and verb.lower_ in lex.support_forms else None
    if token.dep_ == "nsubj" and is_verb(head) and head.lower_ in lex.occurrence_forms:
        return head
    if token.dep_ in ("attr", "nsubj") and is_existential(head):  # "there was fierce fighting in Soledar"
        return head
    return token if token.dep_ == "ROOT" else None

