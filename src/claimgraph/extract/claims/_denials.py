"""Denials that name no event of their own: "Moscow dismissed the reports", "Pyongyang called them groundless".

Three shapes, over the parse (word lists in data/status.yaml, `denials`):
- a denial verb whose object is a report, not an act: "denied the reports", "rejected the accusations";
- a verdict verb with a falsity word: "called the report groundless", "labelled it fake";
- a falsity predicate on a report, as what a speaker said: "insisted that the report was false".
A denial verb over a clause ("denied that it had sent arms") is no denial here: that clause is an event whose
status is already `denied`. Each denial keeps its speaker as a span; resolve decides which event it denies.
"""

from __future__ import annotations

from claimgraph.extract.attribution._spans import char_span, speaker_range
from claimgraph.extract.events import denial_words, denies_its_head, is_report_denial
from claimgraph.extract.events._args import is_verb, sentence_span
from claimgraph.extract.events._denial_words import PRONOUNS
from claimgraph.model import Attribution, LooseClaim, Span, Speaker


def find_denials(doc, attributions: list[Attribution]) -> list[LooseClaim]:
    """Denials in ``doc``, in text order; a denial inside an attribution's content is that speaker's."""
    found = []
    for token in doc:
        if is_verb(token) and (denies_its_head(token) or is_report_denial(token)):  # "a charge Tehran denies"
            found += _denial(token, _subject(token), attributions)
        elif token.lower_ in denial_words()["verdict_verbs"] and _has_verdict(token):
            found += _denial(token, _subject(token), attributions)
        elif token.lower_ in denial_words()["false_words"] and _is_false_report(token):
            found += _said_false(token, attributions)
    return found


def _has_verdict(verb) -> bool:
    """ "called the report groundless": a falsity word as the complement of a verb whose object is a report
    ("called the strategy wrong" is criticism, no denial)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    words = denial_words()
    if objects and not all(o.lower_ in words["report_nouns"] or o.lower_ in PRONOUNS for o in objects):
        return False
    complements = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "dobj", "attr")]
    complements += [g for c in complements for g in c.children if g.dep_ in ("amod", "acomp", "attr")]
    return any(c.lower_ in denial_words()["false_words"] for c in complements)


def _is_false_report(word) -> bool:
    """ "the report was false": a falsity predicate whose subject is a report."""
    if word.dep_ not in ("acomp", "attr"):
        return False
    subjects = [c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ in denial_words()["report_nouns"] or s.lower_ in ("all", "everything") for s in subjects)


def _subject(verb):
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject


def _denial(verb, subject, attributions: list[Attribution]) -> list[LooseClaim]:
    holder = _holding(verb.idx, attributions)
    if subject is None or subject.pos_ == "PRON" and subject.lower_ not in ("he", "she", "they", "it"):
        if holder is None:
            return []
        return [LooseClaim(holder.speaker, _cue(verb), _sentence(verb), holder.id)]
    own = _own_attribution(verb, attributions)
    speaker = own.speaker if own is not None else _speaker_of(subject)
    return [LooseClaim(speaker, _cue(verb), _sentence(verb), own.id if own is not None else None)]


def _said_false(word, attributions: list[Attribution]) -> list[LooseClaim]:
    holder = _holding(word.idx, attributions)
    if holder is None:
        return []
    return [LooseClaim(holder.speaker, _cue(word), _sentence(word), holder.id)]


def _holding(offset: int, attributions: list[Attribution]) -> Attribution | None:
    """The attribution whose content holds the offset (the innermost if several)."""
    holders = [a for a in attributions if a.content.start <= offset < a.content.end]
    return min(holders, key=lambda a: a.content.end - a.content.start) if holders else None


def _own_attribution(verb, attributions: list[Attribution]) -> Attribution | None:
    """The attribution read off this very verb ("Moscow dismissed the reports" is one), if any."""
    return next((a for a in attributions if a.cue.start <= verb.idx < a.cue.end), None)


PERSON_WORDS = frozenset({"he", "she"})
PRONOUN_LABELS = {True: frozenset({"PERSON"}), False: frozenset({"GPE", "ORG", "NORP"})}


def _speaker_of(subject) -> Speaker:
    """The subject as written; a pronoun ("when it first dismissed reports") stands for the nearest name of its
    kind before it, in its sentence or the one before."""
    if subject.lower_ in ("he", "she", "it", "they"):
        named = _antecedent(subject)
        if named is not None:
            return Speaker(None, named.text, named.start_char, named.end_char)
    span = char_span(subject.doc, *speaker_range(subject))
    return Speaker(None, span.text, span.start, span.end)


def _antecedent(pronoun):
    labels = PRONOUN_LABELS[pronoun.lower_ in PERSON_WORDS]
    sent = pronoun.sent
    earliest = pronoun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    before = [e for e in pronoun.doc.ents if earliest <= e.start and e.end <= pronoun.i and e.label_ in labels]
    return before[-1] if before else None


def _cue(token) -> Span:
    return Span(token.idx, token.idx + len(token.text), token.text)


def _sentence(token) -> Span:
    return sentence_span(token.sent)
