"""How sure the text is that an event happened: its status and the cue that says so (data/status.yaml).

Cues are looked for on the event's own predicate first (negation, modal, adverb, "if"), then on
each governing word up the parse, nearest first: "the U.S. believes [Wagner has deployed]" ->
believed; "is considering [whether to designate]" -> considered; "accused X of [purchasing]" ->
alleged. Speech verbs ("said") and other verbs that are no cue ("tried to") are passed through.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.extract.events._args import effective_head, is_verb
from claimgraph.extract.events._lexicon import lexicon

MAX_STEPS = 10
UP_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "acomp", "conj", "csubj", "attr", "oprd"})
# Negating a cue of knowledge leaves the event open or says it did not happen: "could not confirm whether the town
# fell" -> possible; "does not believe they were sent" -> negated.
FADED_BY_NEGATION = {"confirmed": "possible", "believed": "negated", "reported": "negated"}


@dataclass
class StatusCue:
    status: str
    token: object | None = None  # first token of the cue
    end: object | None = None  # last token of the cue

    def span(self) -> dict | None:
        if self.token is None:
            return None
        doc = self.token.doc
        last = self.end if self.end is not None else self.token
        text = doc[self.token.i : last.i + 1].text  # not doc.text: spaCy rebuilds the whole text on each access
        return {"start": self.token.idx, "end": last.idx + len(last.text), "text": text}


def find_status(trigger, ctx) -> StatusCue:
    """The status of the event stated by ``trigger`` (a ``Trigger``), with its cue."""
    lex = ctx.lex
    for token in _own_tokens(trigger):
        cue = own_cue(token, lex)
        if cue is not None:
            return _unless_doubted_above(cue, trigger, lex)
    if trigger.predicate != trigger.token and trigger.predicate.lower_ in lex.status_verbs:
        status = lex.status_verbs[trigger.predicate.lower_]
        if status == "denied" and trigger.type in PROPOSALS:
            status = "negated"  # "denied the request", "denied a visit": refused, not said not to have happened
        return StatusCue(status, trigger.predicate)
    return _governing_cue(trigger.predicate, lex)


def _unless_doubted_above(cue: StatusCue, trigger, lex) -> StatusCue:
    """ "we do not estimate that they have actually taken the town": "actually" stresses a clause that the
    speaker doubts; the doubt above it is the status."""
    if cue.status != "confirmed":
        return cue
    above = _governing_cue(trigger.predicate, lex)
    return above if above.status in ("negated", "possible") else cue


def _own_tokens(trigger) -> list:
    tokens = [trigger.predicate]
    if trigger.token != trigger.predicate:
        tokens.insert(0, trigger.token)
    return tokens


def own_cue(token, lex) -> StatusCue | None:
    """Negation, modal, adverb or subordinator attached to ``token``."""
    negation = next((c for c in token.children if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")), None)
    if negation is not None:
        return StatusCue("negated", negation)
    for child in token.children:
        word = child.lower_
        if child.dep_ == "aux" and word in lex.status_modals:
            return StatusCue(_modal_status(word, token, lex), child)
        if child.dep_ in ("advmod", "npadvmod") and word in lex.status_adverbs:
            return StatusCue(lex.status_adverbs[word], child)
        if child.dep_ == "mark" and word in lex.status_marks:
            return StatusCue(lex.status_marks[word], child)
    return None


def _modal_status(word: str, token, lex) -> str:
    status = lex.status_modals[word]
    if word == "would" and token.dep_ == "ccomp":
        return "planned"  # "said it would send": the future of a past report
    return status


def _governing_cue(predicate, lex) -> StatusCue:
    current = predicate
    for _ in range(MAX_STEPS):
        if current.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in current.children):
            return _cue_of_report_noun(current.head, lex)
        if current.dep_ not in UP_DEPS and not _is_purpose(current):
            break
        coordinated = current.dep_ == "conj"
        governor = effective_head(current) if coordinated else current.head
        if governor.dep_ == "prep" or governor.tag_ == "IN":
            governor = governor.head  # "accused X [of [buying]]"
        if governor == current:
            break
        cue = None if coordinated else _cue_of_governor(governor, lex)
        if cue is not None:
            return cue
        current = governor
    return StatusCue(lex.status_data["default"])


def _cue_of_report_noun(noun, lex) -> StatusCue:
    """ "could not corroborate reports that Soledar was in Russian hands": the verb over the noun says how sure
    (here: possible); without one, the noun does ("claims that ..." alleged, "reports that ..." reported)."""
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    cue = _cue_of_governor(verb, lex) if verb is not None and is_verb(verb) else None
    if cue is not None:
        return cue
    status = lex.status_nouns.get(noun.lower_)
    return StatusCue(status, noun) if status else StatusCue(lex.status_data["default"])


def _is_purpose(token) -> bool:
    """An infinitive of purpose ("shunned work to protest") shares the main clause's status."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _cue_of_governor(governor, lex) -> StatusCue | None:
    word = governor.lower_
    status = None
    if is_verb(governor) and word in lex.status_verbs:
        status = lex.status_verbs[word]
    elif word in lex.status_adjectives and governor.tag_.startswith(("JJ", "VBN")):
        status = lex.status_adjectives[word]
    elif governor.lower_ in ("is", "was", "are", "were", "be"):
        status = _copula_subject_cue(governor, lex)
    if status is not None:
        if status in FADED_BY_NEGATION and _is_negated(governor):
            status = FADED_BY_NEGATION[status]
        return StatusCue(status, governor)
    adverb = next((c for c in governor.children if c.dep_ == "advmod" and c.lower_ in lex.status_adverbs), None)
    if adverb is not None and lex.status_adverbs[adverb.lower_] in ("reported", "alleged"):
        return StatusCue(lex.status_adverbs[adverb.lower_], adverb)
    return None


# Acts one refuses rather than denies: a request, an agreement, a meeting, support.
PROPOSALS = frozenset({"REQUEST", "AGREE", "CONSULT", "SUPPORT"})
REFUSAL_MODALS = frozenset({"will", "wo", "'ll", "shall", "would", "can", "ca", "could"})


def is_refusal(trigger, cue: StatusCue) -> bool:
    """A negated act that refuses rather than says it did not happen: a refusal verb ("refused to fight",
    "declined to sanction") or a negation under a modal ("will not accept", "won't call up troops")."""
    if cue.token is None:
        return False
    if _doubted_by(cue.token):
        return False  # "does not believe they have taken it", "could not confirm": doubt, not refusal
    if cue.token.lower_ not in ("not", "n't", "never", "no"):
        return True
    return any(c.dep_ == "aux" and c.lower_ in REFUSAL_MODALS for c in trigger.predicate.children)


def _doubted_by(token) -> bool:
    return FADED_BY_NEGATION.get(lexicon().status_verbs.get(token.lower_, "")) is not None


def _is_negated(word) -> bool:
    """ "did not confirm", or a negation a few steps up: "has not been able to confirm", "cannot verify"."""
    for _ in range(3):
        if any(c.dep_ == "neg" for c in word.children):
            return True
        if word.dep_ not in ("xcomp", "acomp"):
            return False
        word = word.head
    return False


def _copula_subject_cue(copula, lex) -> str | None:
    """ "The plan is to send ...": the subject noun of a copula names the status."""
    for child in copula.children:
        if child.dep_ == "nsubj" and child.lower_ in lex.status_nouns:
            return lex.status_nouns[child.lower_]
    return None
