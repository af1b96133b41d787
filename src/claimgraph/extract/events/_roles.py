"""Domain roles of an event, each a character span ({start, end, text}) with a parsed value where
one applies: what was transferred and how much, force sizes and their parts, sanction kinds and
legal bases, attack instruments and casualties, places, and what an accusation is about.
"""

from __future__ import annotations

from claimgraph.extract.events._args import PLACE_LABELS, chunk, conjuncts, is_verb, mention_arg, prep_objects
from claimgraph.extract.events._triggers import object_nouns

LOCATION_PREPS = ("in", "at", "near", "into", "across", "inside", "outside", "throughout", "around")
ABOUT_PREPS = ("of", "for", "over", "about")
CASUALTY_WORDS = ("kill", "wound", "injur", "maim", "murder")
UNCERTAIN = frozenset({"planned", "considered", "possible", "hypothetical", "negated", "denied"})


def span_of(doc, left: int, right: int, **extra) -> dict:
    span = doc[left : right + 1]
    return {"start": span.start_char, "end": span.end_char, "text": span.text, **extra}


def item_span(heads: list):
    """(left, right) token indices of the object phrases with their conjuncts, or None."""
    if not heads:
        return None
    bounds = [chunk(t) for head in heads for t in conjuncts(head)]
    return min(b[0] for b in bounds), max(b[1] for b in bounds)


def quantity_in(ctx, start: int, end: int) -> dict | None:
    """The first quantity inside a character range, as a role value."""
    for quantity in ctx.quantities:
        if start <= quantity.start and quantity.end <= end:
            return {"start": quantity.start, "end": quantity.end, "text": quantity.text,
                    "value": quantity.value, "id": quantity.id}
    return None


def transfer_roles(trigger, parts, status: str, ctx) -> dict:
    """AID: item, weapon class, quantity, delivery status, intermediary and end user."""
    roles: dict = {}
    bounds = item_span(parts.items)
    if bounds is not None:
        roles["item"] = span_of(ctx.doc, *bounds)
        classes = [ctx.lex.weapon_classes[n.lower_] for n in object_nouns(parts.items)
                   if n.lower_ in ctx.lex.weapon_classes]
        if classes:
            roles["weapon_class"] = dict(roles["item"], value=sorted(set(classes)))
        roles["quantity"] = quantity_in(ctx, roles["item"]["start"], roles["item"]["end"])
    roles["delivery_status"] = _delivery(trigger, status, ctx)
    if parts.intermediary:
        roles["intermediary"] = parts.intermediary
    if parts.end_user:
        roles["end_user"] = parts.end_user
    return roles


def _delivery(trigger, status: str, ctx) -> dict | None:
    delivery = ctx.lex.data["delivery"]
    sentence = trigger.token.sent.text.lower()
    phrase = next((p for p in delivery["in_transit"] if f" {p} " in f" {sentence} "), None)
    if phrase is not None:
        start = trigger.token.sent.start_char + sentence.index(phrase)
        sent = trigger.token.sent
        return {"start": start, "end": start + len(phrase), "text": sent.text[start - sent.start_char :][: len(phrase)],
                "value": "in_transit"}
    if status in UNCERTAIN:
        return None
    lemma = ctx.lex.verb_lemma.get(trigger.token.lower_, trigger.token.lower_)
    for value in ("ordered", "delivered"):
        if lemma in delivery[value] and is_verb(trigger.token):
            return span_of(ctx.doc, trigger.start, trigger.end, value=value)
    return None


def force_roles(parts, ctx) -> dict:
    """MOBILIZE: the force's size (a quantity) and its parts ("40,000 convicts and 10,000 contractors")."""
    bounds = item_span(parts.items)
    if bounds is None:
        return {}
    roles = {"force": span_of(ctx.doc, *bounds)}
    size = quantity_in(ctx, roles["force"]["start"], roles["force"]["end"])
    roles["force_size"] = size
    if size is not None:
        roles["force_parts"] = _parts_of(size, ctx)
    return roles


def _parts_of(size: dict, ctx) -> list[dict]:
    """Quantities that are parts of the force, or of a later restatement of the same number."""
    by_id = {q.id: q for q in ctx.quantities}
    whole = by_id.get(size["id"])
    same = {q.id for q in ctx.quantities if whole is not None and q.value == whole.value and q.counts == whole.counts}
    return [{"start": q.start, "end": q.end, "text": q.text, "value": q.value, "counts": q.counts, "id": q.id}
            for q in ctx.quantities if q.part_of in same]


def sanction_roles(trigger, actor: list[dict], ctx) -> dict:
    """SANCTION: authority, kind (sanctions, export controls, designations) and legal basis."""
    roles: dict = {"authority": actor[0] if actor else None}
    words = _kind_words(trigger)
    for kind, cues in ctx.lex.data["sanction_kinds"].items():
        if any(cue in words for cue in cues):
            roles["kind"] = {**_token_span(trigger), "value": kind}
            break
    basis = [np for h in (trigger.predicate, trigger.token)
             for np in prep_objects(h, tuple(ctx.lex.data["legal_basis_preps"]))]
    if basis:
        roles["legal_basis"] = span_of(ctx.doc, basis[0].left_edge.i, basis[0].right_edge.i)
    return roles


# Children of a designation whose words say which one: "designate X a terrorist organization" (the second object),
# "a foreign terrorist organization designation" (compound), "terrorist designation" (amod).
_KIND_DEPS = ("compound", "amod", "oprd", "attr", "dobj", "appos")


def _kind_words(trigger) -> str:
    """Words of the trigger phrase, of its objects and modifiers, and of its "as ..." complement ("designate X as
    a terrorist group", "designate X a terrorist organization")."""
    doc = trigger.token.doc
    words = [doc[i].lower_ for i in range(trigger.start, trigger.end + 1)]
    words += [t.lower_ for c in trigger.token.children if c.dep_ in _KIND_DEPS for t in c.subtree]
    for holder in (trigger.predicate, trigger.token):
        for np in prep_objects(holder, ("as",)):
            words += [t.lower_ for t in np.subtree]
    return " ".join(words)


def _token_span(trigger) -> dict:
    return span_of(trigger.token.doc, trigger.start, trigger.end)


def assault_roles(trigger, parts, ctx) -> tuple[dict, str | None]:
    """ASSAULT: the instrument (and the mode it implies) and casualties."""
    roles: dict = {}
    instrument = _instrument(trigger, ctx)
    mode = None
    if instrument is not None:
        roles["instrument"] = span_of(ctx.doc, *chunk(instrument))
        modes = ctx.lex.data["instrument_modes"]
        words = [t.lower_.rstrip("s") for t in ctx.doc[chunk(instrument)[0] : chunk(instrument)[1] + 1]]
        mode = next((modes[w] for w in words if w in modes), None)
    casualties = casualty_span(trigger, ctx)
    if casualties is not None:
        roles["casualties"] = dict(casualties, value=quantity_in(ctx, casualties["start"], casualties["end"]))
    return roles, mode


def _instrument(trigger, ctx):
    weapons = ctx.lex.weapon_classes
    for noun in object_nouns(trigger.objects):
        if noun.lower_ in weapons:
            return noun
    for holder in (trigger.predicate, trigger.token):
        for np in prep_objects(holder, ("with",)):
            if np.lower_ in weapons:
                return np
        for child in holder.children:
            if child.lower_ in ("using", "firing") and child.dep_ in ("advcl", "xcomp", "acl"):
                found = [c for c in child.children if c.dep_ == "dobj"]
                if found:
                    return found[0]
    compounds = [c for c in trigger.token.children if c.dep_ == "compound" and c.lower_.rstrip("s") in weapons]
    return compounds[0] if compounds else None


def casualty_span(trigger, ctx) -> dict | None:
    """Killed and wounded: the object of "kill"-like triggers, or a "killing ..." clause of the attack."""
    if trigger.token.lower_.startswith(CASUALTY_WORDS) and trigger.objects:
        left, right = item_span(trigger.objects)
        return span_of(ctx.doc, left, right)
    for child in trigger.predicate.children:
        if child.dep_ in ("xcomp", "advcl", "conj") and child.lower_.startswith(CASUALTY_WORDS):
            tokens = [child] + [c for c in child.children if c.dep_ == "conj" and c.lower_.startswith(CASUALTY_WORDS)]
            objects = [o for t in tokens for o in t.children if o.dep_ == "dobj"]
            right = max([item_span(objects)[1]] if objects else [t.i for t in tokens])
            return span_of(ctx.doc, child.i, right)
    return None


def location(trigger, parts, used: list[dict], ctx) -> dict | None:
    """Places named in a locative phrase of the event ("in Ukraine", "to other areas ... West Africa")."""
    preps = LOCATION_PREPS + (("to",) if trigger.type in ("MOBILIZE", "RETREAT") else ())
    taken = {(a["start"], a["end"]) for a in used}
    for holder in [trigger.predicate, trigger.token] + list(parts.items):
        for np in prep_objects(holder, preps):
            places = {}
            for token in np.subtree:
                mention = ctx.index.at(token)
                if mention is not None and mention.label in PLACE_LABELS and (mention.start, mention.end) not in taken:
                    places[(mention.start, mention.end)] = mention
            places = list(places.values())
            if places:
                return {"start": places[0].start, "end": places[-1].end,
                        "text": np.doc.char_span(places[0].start, places[-1].end, alignment_mode="expand").text,
                        "value": [m.text for m in places]}
    return None


def about(trigger, ctx) -> dict | None:
    """ACCUSE: what is alleged ("accused X [of purchasing ...]", "criticised X for ...", "charged that ...")."""
    for holder in (trigger.predicate, trigger.token):
        for np in prep_objects(holder, ABOUT_PREPS):
            return span_of(ctx.doc, np.left_edge.i, np.right_edge.i)
        for child in holder.children:
            if child.dep_ == "ccomp" and child.i > holder.i:
                return span_of(ctx.doc, child.left_edge.i, child.right_edge.i)
    return None


PLACE_NOUNS = frozenset({"town", "city", "village", "region", "settlement", "district", "oblast", "province",
                         "port", "island", "base"})


def place_holder(place: dict, ctx) -> tuple[bool, dict | None]:
    """Whether the report describes a name as a place, and who holds it: "Ukraine's eastern town of Soledar",
    "the Ukrainian city of Bakhmut", "the town of Soledar in Ukraine" -> (True, Ukraine). Any mention of the name
    counts, whatever label the tagger gave it: "the town of" says it is a place."""
    name, described = place.get("name"), False
    own = _own_place_noun(place, ctx)
    if own is not None:  # "the town in east Ukraine", "the Ukrainian town"
        owner = _owner_of(own, ctx)
        return True, (mention_arg(owner) if owner is not None else None)
    for token in ctx.doc:
        mention = ctx.index.at(token)
        noun = _place_noun(token) if mention is not None and mention.text == name else None
        if noun is None:
            continue
        described = True
        owner = _owner_of(noun, ctx)
        if owner is not None:
            return True, mention_arg(owner)
    return described, None


def _own_place_noun(place: dict, ctx):
    if place.get("start") is None:
        return None
    span = ctx.doc.char_span(place["start"], place["end"], alignment_mode="expand")
    return span.root if span is not None and span.root.lower_ in PLACE_NOUNS else None


def _place_noun(token):
    """ "town" in "the town of Soledar" or "the town Soledar", "Soledar, a town ..." ."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif token.dep_ not in ("appos", "compound", "nmod") and not any(c.dep_ == "appos" for c in token.children):
        return None
    if head.lower_ in PLACE_NOUNS:
        return head
    return next((c for c in token.children if c.dep_ == "appos" and c.lower_ in PLACE_NOUNS), None)


def _owner_of(noun, ctx):
    for child in noun.children:
        mention = ctx.index.at(child)
        if child.dep_ in ("poss", "amod", "compound") and mention is not None and mention.label in ("GPE", "NORP"):
            return mention
    for inner in prep_objects(noun, ("in",)):
        mention = ctx.index.at(inner)
        if mention is not None and mention.label == "GPE":
            return mention
    return None
