"""Attribution drafts from cues other than verbs: stance adjectives, source phrases, nouns, colons.

"Officials are worried (that) ...": the subject holds the stance, the clause is the content.
"according to Reuters": the source follows the phrase, the content is the rest of the sentence.
"Trump's call for a ban": the possessor is the source, the noun's complement the content.
"Kirby: we have seen the shipment": a name and a colon open a headline quotation.
"""

from __future__ import annotations

from claimgraph.extract.attribution._clauses import clause_content, largest_child, rest_of_sentence, subject_of
from claimgraph.extract.attribution._lexicon import lexicon
from claimgraph.extract.attribution._spans import NAME_LABELS, Draft, entity_around, is_quote, speaker_range, trim

_HEADLINE_NAME_TOKENS = 6  # the name before a headline colon is short


def stance_draft(token, sent) -> Draft | None:
    if token.lower_ not in lexicon().stance_adjectives or token.pos_ not in ("ADJ", "VERB"):
        return None
    return _stance_draft(token, sent)


def phrase_draft(token, sent) -> Draft | None:
    phrases = lexicon().source_phrases
    if not any(token.lower_ == phrase[0] for phrase in phrases):
        return None
    for phrase in phrases:
        if _phrase_at(token, phrase, sent):
            return _phrase_draft(token, len(phrase), sent)
    return None


def _stance_draft(token, sent) -> Draft | None:
    """A stance and its holder: in "officials are worried (that) X" the subject holds it, X is the content."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ == "acomp":
        subject = subject_of(token.head)
    clause = largest_child(token, "ccomp", sent)
    if subject is None or clause is None:
        return None
    speaker = speaker_range(subject)
    cue = (token.i, token.i + 1)
    content = clause_content(clause, speaker, cue, sent, subject)
    return Draft(cue, speaker, subject, content, token, "stance")


def _phrase_at(token, phrase: tuple[str, ...], sent) -> bool:
    end = token.i + len(phrase)
    if end > sent.end:
        return False
    return all(token.doc[token.i + k].lower_ == word for k, word in enumerate(phrase))


def _phrase_draft(token, length: int, sent) -> Draft | None:
    """A source after a phrase ("according to Reuters"); the content is the rest of the sentence."""
    doc = token.doc
    last = doc[token.i + length - 1]
    source = next((c for c in last.children if c.dep_ == "pobj"), None)
    if source is None and last.i + 1 < sent.end and doc[last.i + 1].pos_ in ("PROPN", "NOUN", "PRON", "DET"):
        source = doc[last.i + 1]
        while source.head.i != source.i and source.head.i > last.i and source.head.pos_ in ("PROPN", "NOUN"):
            source = source.head
    if source is None:
        return None
    extent_end = max(source.right_edge.i, last.i) + 1
    aside = (token.i, extent_end)
    content = rest_of_sentence(doc, sent, aside)
    return Draft((token.i, token.i + length), speaker_range(source), source, content, token, "phrase", aside)


def noun_draft(token, sent) -> Draft | None:
    """A cue noun with an owner and a complement: "Voss's call for a ceasefire", "her claim that X"."""
    lex = lexicon()
    if token.pos_ != "NOUN" or token.lower_ not in lex.cue_nouns:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    for child in token.rights:
        if child.dep_ in ("acl", "ccomp") or (child.dep_ == "prep" and child.lower_ in lex.cue_noun_prepositions):
            end = child.i + 1 if child.dep_ == "prep" and child.i == token.i + 1 else token.i + 1
            start = child.i + 1 if child.dep_ == "prep" else child.left_edge.i
            content = trim(token.doc, max(start, sent.start), min(child.right_edge.i + 1, sent.end))
            return Draft((token.i, end), speaker_range(owner), owner, content, token, "noun")
    return None


def headline_draft(token, sent) -> Draft | None:
    """A short name, a colon and a statement: "Kirby: North Korea shipped rockets"."""
    if token.text != ":" or token.i - sent.start > _HEADLINE_NAME_TOKENS:
        return None
    doc = token.doc
    start = sent.start
    while start < token.i and is_quote(doc[start]):
        start += 1
    named = entity_around(doc[token.i - 1], NAME_LABELS) if token.i > start else None
    if named is None or named[0] != start:
        return None
    content = trim(doc, token.i + 1, sent.end)
    if content[1] - content[0] < 3:
        return None
    return Draft((token.i, token.i + 1), named, doc[named[1] - 1], content, token, "headline")
