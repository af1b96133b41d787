"""Attribution drafts from reporting verbs: "said", "told reporters", "reports", "as Reuters reported".

Each draft is read off the dependency parse, with fallbacks for what spaCy's small model gets
wrong in news prose: a speaker hung under another noun ("..., spokesperson John Kirby told
reporters" leaves "told" without a subject), a cue tagged as a noun ("Axios' Ivana Saric
reports", "records show"), coordinated verbs attached one clause too low.
"""

from __future__ import annotations

from claimgraph.extract.attribution._clauses import (
    clause_content,
    host_clause,
    largest_child,
    quotation_after,
    rest_of_sentence,
    subject_of,
)
from claimgraph.extract.attribution._lexicon import CueVerb, lexicon
from claimgraph.extract.attribution._spans import Draft, Range, is_quote, speaker_range, trim

# A cue word in one of these roles is a noun phrase part, not a predicate ("the alleged plot").
_NOMINAL_DEPS = frozenset(
    "amod acl compound det nsubj nsubjpass dobj pobj poss attr appos nmod npadvmod dative case prep agent".split()
)


def verb_draft(token, sent) -> Draft | None:
    """The attribution whose cue is the verb ``token``, if it is one and has a speaker and content."""
    verb = lexicon().verbs.get(token.lower_)
    if verb is None or not _is_predicate(token):
        return None
    return _verb_draft(token, verb, sent)


def _is_predicate(token) -> bool:
    if token.dep_ == "acl":  # "a poll released Monday found that ...", "a statement saying that ..."
        return any(c.dep_ == "ccomp" for c in token.children) or _channel_participle(token)
    if token.dep_ in _NOMINAL_DEPS:
        return False
    if any(c.dep_ in ("dobj", "nsubj") and c.lower_ == "what" for c in token.children):
        return False  # "what they are saying": a free relative, not a report
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.pos_ in ("NOUN", "PROPN") and _nominal_subject(token) is not None


def _nominal_subject(token):
    """A cue the tagger read as a noun: "Axios' Ivana Saric reports" (nsubj), "records show" (compound)."""
    subject = subject_of(token)
    if subject is not None:
        return subject
    return next((c for c in token.lefts if c.dep_ == "compound" and c.i == token.i - 1), None)


def _verb_draft(token, verb: CueVerb, sent) -> Draft | None:
    head = _speaker_of(token, sent)
    if head is None:
        return None
    found = _verb_content(token, verb, sent, head)
    if found is None:
        return None
    cue, content = found
    return Draft(cue, speaker_range(head), head, content, token, verb.kind)


def _speaker_of(token, sent):
    children = list(token.children)
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return _passive_agent(token)
    subject = subject_of(token) if token.pos_ in ("VERB", "AUX") else _nominal_subject(token)
    if subject is not None:
        return subject
    if token.dep_ == "acl":
        return _noun_speaker(token)
    if token.dep_ == "conj":
        return _conjunct_subject(token)
    if token.dep_ == "xcomp":  # "went on to say": the subject, or the object in "asked him to say"
        controller = next((c for c in token.head.children if c.dep_ == "dobj"), None)
        return controller or subject_of(token.head, passive=True)
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        return subject_of(token.head)  # "..., saying"
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":
        governor = token.head.head  # "after determining that ...", "X was quoted as saying"
        return subject_of(governor, passive=governor.lower_ in QUOTED_FORMS)
    if token.dep_ in ("advcl", "relcl", "pcomp"):
        return None
    return _name_before(token, sent) or _name_after(token, sent)


# "X was quoted as saying", "X was cited as saying": the one quoted speaks.
QUOTED_FORMS = frozenset({"quoted", "cited", "reported", "heard", "recorded", "filmed", "seen"})


def _conjunct_subject(token):
    """The subject shared with the verb this one is coordinated with.

    The small parser attaches "X is worried [Y is planning ...] and urged Z" to "planning"; verbs
    joined by "and" share their form, so a conjunct of another form belongs one clause higher.
    """
    head = token.head
    if token.tag_ != head.tag_ and head.dep_ == "ccomp":
        higher = subject_of(head.head, passive=True)
        if higher is not None:
            return higher
    return subject_of(head)


def _noun_speaker(token):
    """For "a statement saying ...", whoever issued the statement; for "a poll found ...", the poll."""
    noun = token.head
    if _channel_participle(token):
        return subject_of(noun.head) or noun
    return noun


def _channel_participle(token) -> bool:
    return token.tag_ == "VBG" and token.head.lower_ in lexicon().channels


def _passive_agent(token):
    for child in token.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None  # "it was reported that": no speaker, a hedge (see the module docstring of _attribution)


def _name_before(token, sent):
    """The news lead: "..., spokesperson John Kirby told reporters" with "told" left subjectless."""
    i = token.i - 1
    while i >= sent.start and token.doc[i].pos_ in ("ADV", "AUX", "PART") and not is_quote(token.doc[i]):
        i -= 1
    if i < sent.start:
        return None
    candidate = token.doc[i]
    return candidate if candidate.pos_ in ("PROPN", "NOUN", "PRON") else None


def _name_after(token, sent):
    """Inverted order after a quotation: ``"...," said retired surgeon Ben Carson``."""
    doc = token.doc
    if token.i == sent.start or not (is_quote(doc[token.i - 1]) or doc[token.i - 1].text == ","):
        return None
    i = token.i + 1
    while i < sent.end and doc[i].dep_ in ("det", "amod", "compound", "nmod", "poss", "case"):
        i += 1
    return doc[i] if i < sent.end and doc[i].pos_ in ("PROPN", "NOUN") else None


def _cue_range(token) -> Range:
    """The cue word plus a particle, a generic addressee and a channel right after it."""
    lex = lexicon()
    end = token.i + 1
    for child in token.rights:
        if child.left_edge.i != end:
            break
        if child.dep_ == "prt":
            end = child.i + 1
        elif child.dep_ in ("dobj", "dative") and child.lower_ in lex.addressees:
            clause = _misattached_clause(token)  # "told journalists [that Iran has supplied ...]"
            end = clause.left_edge.i if clause is not None and clause.head == child else child.right_edge.i + 1
        elif child.dep_ == "prep" and _channel_object(child) is not None:
            end = _channel_object(child).i + 1
        else:
            break
    return token.i, end


def _clause_of_channel(token):
    """In "said in a statement that ...", the parser hangs the that-clause on "statement"."""
    for child in token.rights:
        channel = _channel_object(child) if child.dep_ == "prep" else None
        for clause in channel.children if channel is not None else ():
            if clause.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" for c in clause.children):
                return clause
    return None


def _misattached_clause(token):
    """The reported clause the small model hangs on the wrong word: on the time in "said Wednesday his forces had
    captured ...", on the addressee in "told journalists that Iran has supplied ..." (a clause with its own
    subject, and for an addressee a "that" that opens it rather than stands in it)."""
    for child in token.rights:
        timed = child.dep_ in ("npadvmod", "tmod") and child.ent_type_ in ("DATE", "TIME")
        if not (timed or child.dep_ in ("dobj", "dative")):
            continue
        for clause in (c for c in child.children if c.dep_ in ("relcl", "acl", "ccomp") and c.i > child.i):
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            opened = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            if has_subject and (timed or opened):
                return clause
    return None


def _clause_after_aside(token, sent):
    """ "reported, citing unnamed officials, that the shipment ...": after an aside between commas, a "that"
    opens the reported clause, wherever the parser hung it."""
    doc = token.doc
    if token.i + 1 >= sent.end or doc[token.i + 1].text != ",":
        return None
    for i in range(token.i + 2, min(sent.end - 1, token.i + 16)):
        if doc[i].text == "," and doc[i + 1].lower_ == "that" and doc[i + 1].dep_ == "mark":
            clause = doc[i + 1].head
            return clause if clause.i > i + 1 else None
    return None


def _channel_object(preposition):
    channels = lexicon().channels
    return next((c for c in preposition.children if c.dep_ == "pobj" and c.lower_ in channels), None)


def _verb_content(token, verb: CueVerb, sent, head) -> tuple[Range, Range] | None:
    """(cue, content): the reported clause, a quotation, an infinitive, an object or the host clause."""
    doc = token.doc
    speaker, cue = speaker_range(head), _cue_range(token)
    clause = (largest_child(token, "ccomp", sent) or _clause_of_channel(token) or _misattached_clause(token)
              or _clause_after_aside(token, sent))
    if clause is not None:
        return cue, clause_content(clause, speaker, cue, sent, head)
    block_end = max(cue[1], speaker[1]) if speaker[0] >= cue[1] else cue[1]
    quoted = quotation_after(doc, block_end, sent)
    if quoted is not None:
        return cue, quoted
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return cue, rest_of_sentence(doc, sent, (token.left_edge.i, token.right_edge.i + 1))
    infinitive = largest_child(token, "xcomp", sent)
    if infinitive is not None and infinitive.i > token.i:
        start = min([infinitive.left_edge.i] + [c.left_edge.i for c in token.rights if c.dep_ == "dobj"])
        return cue, trim(doc, max(start, cue[1]), infinitive.right_edge.i + 1)
    if verb.object_content:
        found = _object_content(token, verb.object_content, cue)
        if found is not None:
            return found
    complements = ("xcomp", "ccomp") if verb.lemma in lexicon().addressee_verbs else ("dobj", "xcomp", "ccomp")
    if any(c.dep_ in complements for c in token.children) or token.dep_ in ("relcl", "acl"):
        return None
    content = host_clause(doc, sent, speaker, cue, head)
    return None if content is None else (cue, content)


def _object_content(token, allowed: tuple[str, ...], cue: Range) -> tuple[Range, Range] | None:
    """Content as an object: "called for a ceasefire" (a listed preposition, kept in the cue), "denied X"."""
    doc = token.doc
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in allowed:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                cue = (cue[0], child.i + 1) if child.i == cue[1] else cue
                return cue, trim(doc, objects[0].left_edge.i, child.right_edge.i + 1)
    if "object" not in allowed:
        return None
    target = next((c for c in token.rights if c.dep_ == "dobj"), None)
    if target is None:
        return None
    end = target.right_edge.i + 1
    following = next((c for c in token.rights if c.dep_ == "prep" and c.i == end), None)
    if following is not None:  # "accused the ministry of buying shells"
        end = following.right_edge.i + 1
    return cue, trim(doc, max(target.left_edge.i, cue[1]), end)
