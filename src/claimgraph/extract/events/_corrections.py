"""Corrections to the participants a frame reads off the parse, where real text says more than the frame sees.

- A transfer that names no giver is given by its goods' origin ("Iranian drones were delivered to Russia").
- Sanctions target the companies and people named, not the country that only qualifies them.
- A leader takes ground and fights through the group the report says they head ("Prigozhin announced the
  capture", with "Prigozhin, the head of the Wagner Group" elsewhere in the report).
- An attempt to take ground ("tried to take Soledar") is fighting, not a seizure.
- A place taken, attacked or left is where it happened: it is marked as a place, and the one who held it (as the
  report describes the place: "Ukraine's eastern town of Soledar") joins the recipients. Resolve moves marked
  places to the event's location and, when no holder is named, infers the other side.
"""

from __future__ import annotations

import dataclasses

from claimgraph.extract.events._args import is_verb, mention_arg, span_arg
from claimgraph.extract.events._frames import Participants
from claimgraph.extract.events._roles import place_holder
from claimgraph.extract.events._triggers import Trigger, object_classes


def attempted_seizure(trigger: Trigger, ctx) -> Trigger:
    """ "tried to take Soledar", "failing to capture the town", "Russia's bid to seize Bakhmut": what the text says
    happened is the attack (ASSAULT); that the ground was taken it does not say."""
    predicate = trigger.predicate
    if trigger.rule.mode != "seize" or predicate.dep_ not in ("xcomp", "acl") or predicate.head.i == predicate.i:
        return trigger
    governor = predicate.head
    if governor.lower_ not in ctx.lex.attempt_forms or is_verb(governor) != (predicate.dep_ == "xcomp"):
        return trigger
    if "ground" not in object_classes(trigger.objects, ctx) and not any(ctx.index.at(o) for o in trigger.objects):
        return trigger  # "trying to seize power", "a bid to seize assets": no fighting; a name may be a town
    rule = dataclasses.replace(trigger.rule, type="ASSAULT", mode=None, objects=(), modes=())
    return dataclasses.replace(trigger, rule=rule)


def forces_of_leaders(trigger: Trigger, parts: Participants, ctx) -> None:
    """People do not take towns, their forces do: a person acting in a seizure or an attack stands for the
    group the report says they head (``led_by`` keeps the person)."""
    if not takes_place(trigger.type, trigger.rule.mode):
        return
    for number, actor in enumerate(parts.actor):
        name = _person_named(actor, ctx)
        group = ctx.group_led_by(name) if name is not None else None
        if group is not None:
            parts.actor[number] = {**mention_arg(group), "led_by": name}


def _person_named(actor: dict, ctx) -> str | None:
    """The person an actor names: a PERSON mention, or a bare name the tagger missed ("Prigozhin announced")."""
    span = ctx.doc.char_span(actor["start"], actor["end"], alignment_mode="expand")
    if span is None:
        return None
    mention = ctx.index.at(span.root)
    if mention is not None:
        return mention.text if mention.label == "PERSON" else None
    return span.text if all(t.pos_ == "PROPN" for t in span) else None


def named_targets(recipients: list[dict], ctx) -> list[dict]:
    """Sanctions on "seven executives of Qods Aviation Industries, an Iranian drone maker" target the company and
    its people, not the country that only qualifies them."""
    labels = {id(r): _label_at(r, ctx) for r in recipients}
    if not any(label in ("ORG", "PERSON") for label in labels.values()):
        return recipients
    return [r for r in recipients if labels[id(r)] != "NORP" and not (labels[id(r)] == "GPE" and _is_modifier(r, ctx))]


def _label_at(argument: dict, ctx) -> str | None:
    span = ctx.doc.char_span(argument["start"], argument["end"], alignment_mode="expand")
    mention = ctx.index.at(span.root) if span is not None else None
    return mention.label if mention is not None else None


def _is_modifier(argument: dict, ctx) -> bool:
    span = ctx.doc.char_span(argument["start"], argument["end"], alignment_mode="expand")
    return span is not None and span.root.dep_ in ("amod", "compound", "poss", "nmod")


ORIGIN_VERBS = frozenset({"made", "built", "manufactured", "produced", "supplied", "provided", "sent", "designed"})


def origin_of_items(trigger: Trigger, parts: Participants, ctx) -> list[dict]:
    """A transfer that names no giver is given by the items' origin: "Iranian drones were delivered to Russia",
    "drones from Iran", "Iran-supplied drones", "drones made in Iran", "the first shipment from Iran". Never the
    recipient itself."""
    taken = {(r["start"], r["end"]) for r in parts.recipient}
    items = list(parts.items) + ([trigger.token] if trigger.token != trigger.predicate else [])
    items += [g for i in parts.items for c in i.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]  # "a delivery of drones sent by Iran"
    for item in items:
        for origin in _origin_tokens(item):
            mention = ctx.index.at(origin)
            if mention is not None and mention.label in ("GPE", "NORP") and (mention.start, mention.end) not in taken:
                return [mention_arg(mention)]
    return []


def _origin_tokens(item) -> list:
    found = [c for c in item.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")]
    found += [g for c in found if c.dep_ == "amod" for g in c.children if g.dep_ == "npadvmod"]  # "Iran-made"
    for child in item.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            found += [g for g in child.children if g.dep_ == "pobj"]
        if child.dep_ == "acl" and child.lower_ in ORIGIN_VERBS:
            found += [g for p in child.children if p.dep_ in ("prep", "agent") for g in p.children if g.dep_ == "pobj"]
    return found


def takes_place(kind: str, mode: str | None) -> bool:
    """Events whose recipient the parse may give as a place: a town taken, attacked or withdrawn from."""
    return mode == "seize" or kind in ("ASSAULT", "RETREAT")


def mark_places(trigger: Trigger, parts: Participants, roles: dict, ctx) -> None:
    """A place taken, attacked or left is where it happened; the one acted on is who held it, when the report
    says so ("Ukraine's eastern town of Soledar")."""
    if not parts.recipient and "ground" in object_classes(trigger.objects, ctx):
        # "captured all of the mining town": the ground taken stands for whoever held it
        head = trigger.objects[0]
        parts.recipient = [{**span_arg(ctx.doc, head.left_edge.i, head.right_edge.i), "place": True}]
    places, holders = [], []
    for recipient in parts.recipient:
        described, holder = place_holder(recipient, ctx)
        recipient["place"] = recipient.get("place") or described or trigger.rule.frame in ("fall", "control")
        if holder is not None:
            places.append(recipient)
            holders.append(holder)
    if places:
        roles["location"] = location_role(places)
        kept = [r for r in parts.recipient if r not in places]
        spans = {(r["start"], r["end"]) for r in kept}
        parts.recipient = kept + [h for h in holders if (h["start"], h["end"]) not in spans]


def location_role(places: list[dict]) -> dict:
    """The ``location`` role for places named as participants."""
    first = places[0]
    return {"start": first["start"], "end": first["end"], "text": first["name"], "value": [p["name"] for p in places]}
