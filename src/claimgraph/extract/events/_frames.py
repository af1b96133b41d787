"""Actor, recipient and transferred item of a trigger, by the frame of its plover.yaml entry.

default  actor = subject, recipient = object naming an actor, or a preposition of the type
         ("sanctions against Wagner", "met with", "urged Pyongyang")
give     actor gives the object to the recipient ("supplied rockets to X", "send the group arms");
         "to X for use by Y" makes X the intermediary and Y the end user
receive  the subject gets the object from the actor ("purchased rockets from X", "drones made by X")
force    actor moves the object, a force ("deployed 50,000 mercenaries"): no recipient but "against"
fall     the place that falls is taken by whom it falls to ("Soledar fell to Russian forces")
demand   "X said [Y must V]": X demands of Y
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.extract.events._args import (
    datives_of,
    is_existential,
    is_passive,
    is_verb,
    objects_of,
    prep_objects,
)
from claimgraph.extract.events._denial_words import denial_words

MAKER_VERBS = frozenset({"made", "manufactured", "produced", "built", "supplied", "provided", "developed", "designed"})
ORIGIN_PREPS = ("from",)
RECEIVING_SUPPORT = frozenset({"take", "takes", "took", "taken", "taking", "receive", "receives", "received",
                               "receiving", "get", "gets", "got", "accept", "accepted", "obtain", "obtained"})


@dataclass
class Participants:
    actor: list[dict] = field(default_factory=list)
    recipient: list[dict] = field(default_factory=list)
    items: list = field(default_factory=list)  # head tokens of what is transferred or moved
    intermediary: list[dict] = field(default_factory=list)
    end_user: list[dict] = field(default_factory=list)


def participants(trigger, ctx) -> Participants:
    frame = trigger.rule.frame
    if frame == "control":
        return _holding(trigger, ctx)
    if trigger.token != trigger.predicate or not is_verb(trigger.token):  # a noun, or a noun standing alone
        return _noun_participants(trigger, ctx)
    if frame == "give":
        return _give(trigger, ctx)
    if frame == "receive":
        return _receive(trigger, ctx)
    if frame == "fall":
        subject = ctx.subject(trigger.predicate)
        holders = prep_objects(trigger.predicate, ("to",)) or _holder_of(trigger.predicate)
        return Participants(actor=ctx.arguments(holders, unnamed="actors"),
                            recipient=ctx.arguments([subject]) if subject is not None else [])
    if frame == "demand":
        subject = ctx.subject(trigger.objects[0])
        recipient = ctx.arguments([subject], unnamed="actors") if subject is not None else []
        return Participants(actor=_agent_or_subject(trigger.predicate, ctx), recipient=recipient)
    return _default(trigger, ctx, force=frame == "force")


def _holding(trigger, ctx) -> Participants:
    """ "Soledar was in Russian hands", "the town is under Russian control": the holder (the owner of the hands or
    control) took the place (the subject); "Russian forces were in control of Soledar": the subject took it."""
    noun, copula = trigger.token, trigger.predicate
    subject = ctx.subject(copula)
    held = prep_objects(noun, ("of",))
    if noun.lower_ == "control" and noun.head.lower_ == "in" and held:
        return Participants(actor=ctx.arguments([subject]) if subject is not None else [],
                            recipient=ctx.arguments(held, unnamed="always"))
    owners = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss")] + held
    return Participants(actor=ctx.arguments(owners, unnamed="never"),
                        recipient=ctx.arguments([subject], unnamed="always") if subject is not None else [])


def _holder_of(verb) -> list:
    """ "came under the control of X", "fell into the hands of X": X."""
    nouns = [n for n in prep_objects(verb, ("under", "into")) if n.lower_ in ("control", "hands")]
    return [g for n in nouns for g in prep_objects(n, ("of",))]


def _agent_or_subject(verb, ctx) -> list[dict]:
    """The doer: the subject, or the "by" phrase of a passive."""
    if is_passive(verb):
        return ctx.arguments(prep_objects(verb, ("by",)))
    subject = ctx.subject(verb)
    return ctx.arguments([subject]) if subject is not None else []


def _default(trigger, ctx, force: bool) -> Participants:
    verb, rule = trigger.predicate, trigger.rule
    found = Participants(actor=_agent_or_subject(verb, ctx))
    objects = trigger.objects
    if force:
        found.items = objects
    if rule.no_recipient:
        return found
    preps = _recipient_preps(trigger, ctx, force)
    # The weapons used are no target: "using Iranian drones in attacks on Kyiv" is not an attack on Iran.
    candidates = [] if force else [o for o in objects if not _is_weapon(o, ctx)] + datives_of(verb)
    recipient = ctx.arguments(candidates, unnamed="actors")
    if not recipient:
        holders = [verb] + objects + [c for o in objects for c in o.children if c.dep_ in ("acl", "relcl")]
        recipient = ctx.arguments([p for h in holders for p in prep_objects(h, preps)], unnamed="actors")
    found.recipient = recipient
    return found


def _is_weapon(noun, ctx) -> bool:
    return "weapon" in ctx.lex.noun_classes.get(noun.lower_, set())


def _recipient_preps(trigger, ctx, force: bool) -> tuple[str, ...]:
    if force:
        return ("against",)
    return tuple(ctx.lex.data["types"][trigger.type].get("recipient_preps", ()))


def _give(trigger, ctx) -> Participants:
    verb = trigger.predicate
    found = Participants(actor=_agent_or_subject(verb, ctx), items=trigger.objects)
    holders = [verb] + trigger.objects
    end_users = [np for h in holders for np in phrase_objects(h, ctx.lex.data["end_user_phrases"])]
    found.end_user = ctx.arguments(end_users, unnamed="actors")
    direct = datives_of(verb) + [np for h in holders for np in prep_objects(h, ("to",))]
    direct += [o for o in objects_of(verb) if o not in trigger.objects]  # "supplied Moscow with drones"
    direct = [np for np in direct if np not in end_users and np.dep_ != "pcomp"]
    if not direct:
        direct = [np for h in holders for np in prep_objects(h, ("for",)) if np not in end_users and np.lower_ != "use"]
    receivers = ctx.arguments(direct, unnamed="actors")
    intermediaries = [np for h in holders for np in prep_objects(h, tuple(ctx.lex.data["intermediary_preps"]))]
    found.intermediary = ctx.arguments(intermediaries, unnamed="actors")
    if found.end_user and receivers:
        found.intermediary = found.intermediary or receivers
    found.recipient = _merge(receivers, found.end_user)
    return found


def _receive(trigger, ctx) -> Participants:
    verb = trigger.predicate
    if is_passive(verb):
        receivers = ctx.arguments(prep_objects(verb, ("by",)))
    else:
        subject = ctx.subject(verb)
        receivers = ctx.arguments([subject]) if subject is not None else []
    found = Participants(recipient=receivers, items=trigger.objects)
    sources = [np for h in [verb] + trigger.objects for np in prep_objects(h, ORIGIN_PREPS)]
    for item in trigger.objects:
        for child in item.children:
            if child.dep_ == "acl" and child.lower_ in MAKER_VERBS:
                sources += prep_objects(child, ("by",))
    found.actor = ctx.arguments(sources)
    return found


def _noun_participants(trigger, ctx) -> Participants:
    noun, support = trigger.token, trigger.predicate
    phrase = _phrase_head(noun)  # "a new [aid] package for Ukraine": the package carries the phrase
    found = Participants()
    own = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(phrase, ("by", "between", "among"))
    # who "denied US accusations" is not the accuser, nor who "called the attacks terror" the attacker
    denying = support.lower_ in denial_words()["verbs"] or _is_verdict(support, trigger.type)
    if support != noun and phrase.dep_ not in ("nsubj", "nsubjpass") and not denying and not is_existential(support):
        found.actor = _agent_or_subject(support, ctx) if is_verb(support) else []
    elif phrase.dep_ == "nsubjpass" and is_verb(support):  # "the offensive was led by Wagner forces"
        found.actor = ctx.arguments(prep_objects(support, ("by",)))
    if not found.actor:
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound")]  # "US sanctions", not "new"
        found.actor = ctx.arguments(own) or ctx.arguments(modifiers, unnamed="never")
    preps = _recipient_preps(trigger, ctx, force=False)
    holders = list({t.i: t for t in (noun, phrase, support)}.values())
    found.recipient = ctx.arguments([np for h in holders for np in prep_objects(h, preps)], unnamed="actors")
    if trigger.type == "AID":
        found.items = prep_objects(noun, ("of",))
        if support.lower_ in RECEIVING_SUPPORT:  # "Russia took delivery of drones from Iran": the taker receives
            found.recipient, found.actor = found.actor, ctx.arguments(prep_objects(phrase, ORIGIN_PREPS))
    return found


# Hostile acts are labelled by others, not called by their doers: "called the battle a fluid fight".
LABELLED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})


def _is_verdict(verb, kind: str) -> bool:
    """ "called the attacks acts of terror", "labelled the strike a crime": a verdict verb with a second complement,
    or on a hostile act ("called for talks" is a request, and its subject the one who asks)."""
    if verb.lower_ not in denial_words()["verdict_verbs"]:
        return False
    if kind in LABELLED_TYPES:
        return True
    complements = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "xcomp", "ccomp", "acomp", "attr")]
    return len(complements) >= 2 or any(c.dep_ in ("oprd", "acomp") for c in complements)


def _phrase_head(noun):
    token = noun
    while token.dep_ in ("compound", "conj") and token.head.tag_.startswith("NN") and token.head != token:
        token = token.head
    return token


def phrase_objects(holder, phrases: list[str]) -> list:
    """Noun phrases after a multi-word preposition of ``holder`` ("for use by X", "on behalf of X")."""
    found = []
    doc = holder.doc
    for child in holder.children:
        if child.dep_ != "prep":
            continue
        for phrase in phrases:
            words = phrase.split()
            last = child.i + len(words) - 1
            if last < len(doc) and [t.lower_ for t in doc[child.i : last + 1]] == words:
                found += [c for c in doc[last].children if c.dep_ == "pobj"]
    return found


def _merge(first: list[dict], second: list[dict]) -> list[dict]:
    seen = {(a["start"], a["end"]) for a in first}
    return first + [a for a in second if (a["start"], a["end"]) not in seen]
