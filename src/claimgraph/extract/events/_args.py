"""Who did it and to whom: subjects, objects and their named mentions, over a spaCy parse.

The small English model makes predictable mistakes that these functions work around:
coordinated verbs attached to the wrong clause ("is worried X is planning ... and urged Y"),
controlled subjects left implicit ("urged Pyongyang to cease", "accused X of buying"), and
appositions run together with the next name ("the Wagner Group, ..., John Kirby told").
"""

from __future__ import annotations

from claimgraph.model import Mention, Span

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Dependents that stay inside a named argument (never relative clauses or other prepositions).
NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos", "nummod", "npadvmod", "quantmod"})
CHUNK_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "predet", "advmod"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RELATIVE_WORDS = frozenset({"which", "who", "that", "whom"})
THING_PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Nouns whose owner does what their infinitive says: "Russia's attempt to take", "Wagner claims to have seized".
OWNED_INFINITIVE_NOUNS = frozenset({
    "attempt", "attempts", "bid", "bids", "effort", "efforts", "plan", "plans", "decision", "claim", "claims",
    "promise", "pledge", "threat", "threats", "intention", "readiness", "willingness", "move", "push", "drive",
    "refusal", "failure", "offer", "ambition", "ambitions", "goal", "aim", "campaign", "vow"})


# People who speak for an organisation: "a spokesman for Russia's Defence Ministry" names the ministry.
VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "official", "officials",
                    "adviser", "advisor"})


def sentence_span(sent) -> Span:
    """The sentence without its surrounding white space, as evidence."""
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Span(start, start + len(text), text)


def is_existential(verb) -> bool:
    """ "there was fighting": a form of "be" with an expletive "there", which has no doer."""
    return verb.lower_ in ("is", "was", "are", "were", "been", "be") and any(c.dep_ == "expl" for c in verb.children)


def is_verb(token) -> bool:
    return token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX")


def effective_head(verb):
    """The head a coordinated verb really shares its subject with.

    The parser often hangs a second, finite conjunct under a non-finite verb of an embedded clause
    ("The U.S. is worried [X is planning to send arms] and urged Y"): a finite verb without an auxiliary
    cannot share "is planning"'s auxiliary, so it coordinates with the clause above.
    """
    head = verb.head
    if verb.dep_ != "conj" or not is_verb(head):
        return head
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    head_aux = any(c.dep_ in ("aux", "auxpass") for c in head.children)
    if verb.tag_ in FINITE_TAGS and not own_aux and head_aux and head.tag_ in ("VBG", "VBN"):
        if head.dep_ in ("ccomp", "xcomp") and is_verb(head.head):
            return head.head
    return head


def is_passive(verb) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    has_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not has_aux:
        return is_passive(verb.head)
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def subject_of(verb, control_forms: frozenset[str], depth: int = 0):
    """The token standing for the verb's subject, following control and coordination; or None."""
    if depth > 8:
        return None
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.lower_ != "there":
            return verb.head if child.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl" else child
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return subject_of(effective_head(verb), control_forms, depth + 1)  # coordinated verbs share a subject
    owner = _owned_by(verb, verb.head) if verb.dep_ == "acl" else None
    if owner is not None:
        return owner
    if verb.dep_ in ("xcomp", "advcl", "pcomp", "prep", "acomp", "ccomp") or verb.head.dep_ == "prep":
        return _controlled_subject(verb, control_forms, depth)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        return verb.head
    return None


def _controlled_subject(verb, control_forms: frozenset[str], depth: int):
    governor = verb.head
    if governor.dep_ == "prep" or (governor.tag_ == "IN" and verb.dep_ == "pcomp"):
        governor = governor.head  # "accused X [of [buying]]"
    if governor.i == verb.i:
        return None
    if not is_verb(governor) and governor.dep_ in ("acomp", "amod"):
        governor = governor.head  # "is willing [to withdraw]"
    if not is_verb(governor):
        return None
    if governor.lower_ in control_forms and verb.dep_ != "advcl":  # "urged X, [accusing] Y": the urger accuses
        objects = [c for c in governor.children if c.dep_ in ("dobj", "dative")]
        objects += [g for c in governor.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < verb.i
                    for g in c.children if g.dep_ == "pobj"]  # "called on Russia to withdraw"
        if objects:
            return objects[0]
    owners = (_owned_by(verb, o) for o in governor.children if o.dep_ == "dobj" and o.i < verb.i)
    owner = next((o for o in owners if o is not None), None)
    return owner if owner is not None else subject_of(governor, control_forms, depth + 1)


def _owned_by(infinitive, noun):
    """The owner of "Russia's attempt [to take]" or (misparsed as the verb's object) "mocked Wagner claims [to have
    seized]": a possessor or name compound of a noun of intent that the infinitive directly follows."""
    if noun.lower_ not in OWNED_INFINITIVE_NOUNS or not any(c.lower_ == "to" for c in infinitive.children):
        return None
    if infinitive.left_edge.i != noun.i + 1:
        return None
    return next((c for c in noun.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")), None)


def objects_of(verb) -> list:
    """Direct objects; the passive subject; a name misread as an adverb; or the object of the next conjunct
    ("bought and used drones")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    if is_passive(verb):
        found += [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl":
            found.append(verb.head)
    if not found:  # "took Bakhmut": the small model reads an unknown name after the verb as an adverb
        found = [c for c in verb.children if c.dep_ == "advmod" and c.ent_type_ and c.i == verb.i + 1]
    if not found:
        for child in verb.children:
            if child.dep_ == "conj" and is_verb(child):
                found = [c for c in child.children if c.dep_ == "dobj"]
                break
    return found


def datives_of(verb) -> list:
    return [c for c in verb.children if c.dep_ == "dative" and c.tag_ != "IN"]


def prep_objects(token, preps) -> list:
    """Objects of prepositions of ``token`` whose word is in ``preps`` ("to", "against", "on behalf of")."""
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            found += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    return found


def conjuncts(token) -> list:
    """The token and its coordinated siblings ("Russia and China"), only when a conjunction joins them."""
    found = [token]
    if any(c.dep_ == "cc" for c in token.children):
        for child in token.children:
            if child.dep_ == "conj":
                found += conjuncts(child)
    return found


class MentionIndex:
    """Named mentions by token, for one parsed document."""

    def __init__(self, doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self.by_token.setdefault(token.i, mention)
        self.mentions = sorted(mentions, key=lambda m: m.start)

    def at(self, token) -> Mention | None:
        return self.by_token.get(token.i)

    def named(self, head, labels=ACTOR_LABELS) -> list[Mention]:
        """Mentions inside the noun phrase headed by ``head``, in text order."""
        found: list[Mention] = []
        self._visit(head, labels, found, 0)
        own = self.at(head)
        if own is not None and own.label == "PERSON":  # "Russian businessman Y": the nationality is no actor
            found = [m for m in found if m.label not in ("NORP", "GPE") or m is own]
        return sorted(found, key=lambda m: m.start)

    def _visit(self, token, labels, found: list[Mention], depth: int) -> None:
        if depth > 6:
            return
        mention = self.at(token)
        if mention is not None and mention.label in labels and mention not in found:
            found.append(mention)
        has_cc = any(c.dep_ == "cc" for c in token.children)
        for child in token.children:
            if child.dep_ in NAME_DEPS or (child.dep_ == "conj" and has_cc):
                self._visit(child, labels, found, depth + 1)
            elif child.dep_ == "prep" and mention is None and (child.lower_ in ("of", "from") or
                                                                (child.lower_ == "for" and token.lower_ in VOICES)):
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        self._visit(grandchild, labels, found, depth + 1)

    def last_before(self, char: int, labels) -> Mention | None:
        best = None
        for mention in self.mentions:
            if mention.start >= char:
                break
            if mention.label in labels:
                best = mention
        return best


def chunk(head, extra_deps=frozenset()):
    """(start token, end token) of the noun phrase of ``head``: modifiers, "of" phrases, balanced quotes."""
    left, right = head.i, head.i
    for child in head.children:
        take = child.dep_ in CHUNK_DEPS or child.dep_ in extra_deps
        take = take or (child.dep_ == "prep" and child.lower_ == "of")
        if take:
            left, right = min(left, child.left_edge.i), max(right, child.right_edge.i)
    return _balance_quotes(head.doc, left, right)


def _balance_quotes(doc, left: int, right: int) -> tuple[int, int]:
    """Take in the opening quote of a quoted word inside the phrase ("kamikaze" drones); drop stray edge quotes."""
    quotes = [t.i for t in doc[left : right + 1] if t.is_quote]
    if len(quotes) % 2 == 1 and left > 0 and doc[left - 1].is_quote and quotes[0] > left:
        left -= 1
    while left < right and doc[left].is_quote and len([t for t in doc[left : right + 1] if t.is_quote]) % 2:
        left += 1
    while right > left and doc[right].is_quote and len([t for t in doc[left : right + 1] if t.is_quote]) % 2:
        right -= 1
    return left, right


def mention_arg(mention: Mention) -> dict:
    return {"entity": None, "name": mention.text, "start": mention.start, "end": mention.end}


def span_arg(doc, left: int, right: int) -> dict:
    span = doc[left : right + 1]
    return {"entity": None, "name": span.text, "start": span.start_char, "end": span.end_char}
