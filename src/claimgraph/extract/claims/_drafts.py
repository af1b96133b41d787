"""Each event's claims as the text gives them: who says so, how sure, with which cue, when, from which sentence.

- An attribution whose content holds the event's trigger is a claim by its speaker, with the event's status
  (read from the cues between them: "believes", "accused ... of", "denied"; a speaker saying it did not happen
  denies it, and one who denies or rejects "claims that ..." denies). A speaker that is an outlet ("according to
  Reuters", "the Washington Post reported") claims it as `reported`.
- The named owner of a claim noun the event hangs on ("Wagner claims to have seized") claims it; the one who
  mentions the claim relays it.
- Every outlet an attribution passed through ("told CNN", "..., according to Reuters") is a `reported` claim.
- An event no attribution carries is the report's own word: a claim by the document's outlet, with the
  event's status (so "reportedly" stays `reported`, relayed by the outlet).
- An act done by saying (ACCUSE, REQUEST, THREATEN...) is also its actor's own claim: "Zelensky accused Iran of
  lying" is Zelensky's word, whoever reports it.
- A status verb with its own subject inside the content is that subject's claim: in "the report noted that Iran
  denied sending missiles" Iran denies, and the report relays it.
Speakers are spans here; resolve maps them to canonical entities.
"""

from __future__ import annotations

import re

from claimgraph.extract.events import denial_words, is_saying, lexicon
from claimgraph.extract.events._time import TimeIndex, clause_head
from claimgraph.model import Attribution, Claim, Document, Event, Span, Speaker

REPORTED = "reported"


def carrying(event: Event, attributions: list[Attribution]) -> list[Attribution]:
    """Attributions whose content holds the event's trigger (or, without one, overlaps its evidence)."""
    trigger = event.roles.get("trigger") or {}
    start = trigger.get("start", event.evidence.start)
    end = trigger.get("end", event.evidence.end)
    return [a for a in attributions if a.content.start < end and start < a.content.end]


def draft_claims(event: Event, attributions: list[Attribution], said_on: dict[str, str], document: Document,
                 doc) -> list[Claim]:
    """The claims about one event, numbered within it; ``said_on`` maps attribution ids to cue times."""
    carriers = carrying(event, attributions)
    event.attributions = [a.id for a in carriers]
    claims, owner = [], claim_owner(event, doc)
    for attribution in carriers:
        claims += _attributed(event, attribution, said_on.get(attribution.id), doc, document.text, owner)
    if not carriers:
        # "Kyiv has accused Russia of using drones": Kyiv alleges it
        holder = _cue_subject(event, doc) or owner
        claims.append(_own_voice(event, document) if holder is None else
                      Claim("", holder, event.status, _status_span(event), None, None, event.evidence))
    if is_saying(event.type):
        claims += _actors_word(event)
    return numbered(event.id, distinct(claims))


# The statuses a sayer's own act keeps; any other (a hedge of the outlet's, "reportedly", or someone's denial)
# is not the sayer's: they did say it.
OWN_ACT_STATUSES = frozenset({"planned", "considered", "possible", "hypothetical", "negated"})


def _actors_word(event: Event) -> list[Claim]:
    """The sayer's own claim: "the EU reportedly agreed" is the EU agreeing, relayed with a hedge by the outlet."""
    span = _role_span(event, "trigger")
    status = event.status if event.status in OWN_ACT_STATUSES else "asserted"
    return [Claim("", Speaker(None, a["name"], a["start"], a["end"]), status, span, None, None, event.evidence)
            for a in event.actor if a.get("start") is not None]


def _attributed(event: Event, a: Attribution, said_on: str | None, doc, text: str,
                owner: Speaker | None) -> list[Claim]:
    evidence = _evidence(doc, text, a, event)
    chain = list(a.outlet_chain)
    by_outlet = speaks_as_outlet(a)
    status = REPORTED if by_outlet else _denied_by_cue(a, text) or _speakers_stance(event)
    cue = _status_cue(event, a)
    inner = (_inner_claimant(event, a, doc, INNER_STATUSES if by_outlet else CLAIMANT_STATUSES)
             or _quoted_source(a, doc) or owner)
    if inner is not None and status != "denied":  # "the report noted that Iran denied ...": the report relays
        status = REPORTED
    claims = [Claim("", a.speaker, status, cue, said_on, a.id, evidence)]
    if inner is not None:
        claims.insert(0, Claim("", inner, event.status, cue, said_on, a.id, evidence))
    for outlet in chain[1:] if by_outlet else chain:
        claims.append(Claim("", _outlet_speaker(evidence, outlet), REPORTED, None, said_on, a.id, evidence))
    return claims


# Status verbs whose subject makes a claim of its own when they sit inside what someone else said.
CLAIMANT_STATUSES = frozenset({"denied", "alleged", "confirmed", "believed", "asserted"})


# Inside what an outlet reports, a planner's or a weigher's own word counts too: "Tokyo Shimbun reported that
# Japan plans to send ..." is Japan's plan, relayed by the paper ("Sullivan said Iran plans ..." stays Sullivan's).
INNER_STATUSES = CLAIMANT_STATUSES | {"planned", "considered"}


def _inner_claimant(event: Event, a: Attribution, doc, statuses: frozenset[str]) -> Speaker | None:
    """The named subject of the event's status verb, when that verb is inside the attribution's content."""
    cue = event.roles.get("status_cue")
    if not cue or not a.content.start <= cue["start"] < a.content.end:
        return None
    return _cue_subject(event, doc, statuses)


def _cue_subject(event: Event, doc, statuses: frozenset[str] = CLAIMANT_STATUSES) -> Speaker | None:
    """The named subject of the verb that sets the event's status ("Ukraine denied", "Kyiv accused")."""
    cue = event.roles.get("status_cue")
    if event.status not in statuses or not cue:
        return None
    span = doc.char_span(cue["start"], cue["end"], alignment_mode="expand")
    verb = span.root if span is not None else None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    named = next((e for e in doc.ents if subject is not None and e.start <= subject.i < e.end), None)
    if named is None or named.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    return Speaker(None, named.text, named.start_char, named.end_char)


# Nouns of saying whose owner makes the claim inside them: "Wagner claims to have seized", "Moscow's claim that".
CLAIM_NOUNS = frozenset({"claim", "claims", "assertion", "assertions", "allegation", "allegations", "accusation",
                         "accusations", "statement", "statements", "announcement", "boast", "boasts"})


def claim_owner(event: Event, doc) -> Speaker | None:
    """The named owner of a claim noun the event's trigger depends on ("previous Wagner claims to have seized part
    of Soledar", "Russia's claim that it took the town"): theirs is the claim, whoever mentions it."""
    trigger = event.roles.get("trigger")
    span = doc.char_span(trigger["start"], trigger["end"], alignment_mode="expand") if trigger else None
    if span is None:
        return None
    token, nouns = span.root, []
    for _ in range(3):
        governor = token.head
        if token.dep_ == "xcomp":  # the parser hangs "claims [to have seized]" on the verb that governs "claims"
            nouns += [c for c in governor.children if c.dep_ == "dobj" and c.right_edge.i + 1 == token.left_edge.i]
        nouns.append(governor)
        if governor.i == token.i:
            break
        token = governor
    for noun in nouns:
        if noun.lower_ in CLAIM_NOUNS:
            return _named_owner(noun, doc)
    return None


SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _named_owner(noun, doc) -> Speaker | None:
    for owner in (c for c in noun.children if c.dep_ in ("poss", "compound", "amod")):
        if owner.ent_type_ in SPEAKER_LABELS:
            named = _entity_span(owner)
            return Speaker(None, named.text, named.start_char, named.end_char)
    return None


def _entity_span(token):
    """The named-entity span a token is in (read off the token's IOB tags: ``doc.ents`` is rebuilt on access)."""
    start, end = token.i, token.i + 1
    while token.doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return token.doc[start:end]


QUOTING_VERBS = frozenset({"cited", "quoted", "cites", "quotes", "citing", "quoting"})


def _quoted_source(a: Attribution, doc) -> Speaker | None:
    """ "The Guardian cited the minister as saying ...": the one quoted speaks, the outlet relays."""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    verb = cue.root if cue is not None else None
    if verb is None or verb.lower_ not in QUOTING_VERBS:
        return None
    quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
    named = next((e for e in doc.ents if quoted is not None and e.start <= quoted.i < e.end), None)
    if named is None:
        named = next((e for e in doc.ents if quoted is not None and e.label_ == "PERSON"
                      and quoted.left_edge.i <= e.start and e.end <= quoted.right_edge.i + 1), None)
    return Speaker(None, named.text, named.start_char, named.end_char) if named is not None else None


def _speakers_stance(event: Event) -> str:
    """A speaker who says it did not happen ("Kirby said Russia has not taken the town") denies it; a refusal
    ("said it will not send troops") stays negated."""
    return "denied" if event.status == "negated" and not event.roles.get("refusal") else event.status


def _denied_by_cue(a: Attribution, text: str) -> str | None:
    """ "Prigozhin denied US accusations that his company took delivery ...": whatever the inner cue (the
    accusation alleges), the speaker of a denial denies, and so does one who rejects or dismisses claims or reports
    ("dismissed the decision" scorns, it does not deny)."""
    if lexicon().status_verbs.get(first_word(a.cue.text)) == "denied":
        return "denied"
    between = text[a.cue.end : a.content.start] if a.cue.end <= a.content.start else ""
    head = (between + " " + a.content.text).lower().split()[:5]  # "rejected [claims] that ...", "dismissed the reports"
    said = next((w.strip(",.") for w in head if w.strip(",.") in denial_words()["report_nouns"]), None)
    return "denied" if has_denial_cue(a) and said is not None else None


def _status_cue(event: Event, a: Attribution) -> Span:
    """The event's own status cue when it lies outside the content ("accused X of"), else the attribution's cue."""
    cue = _role_span(event, "status_cue")
    return cue if cue is not None and not (a.content.start <= cue.start < a.content.end) else a.cue


def _own_voice(event: Event, document: Document) -> Claim:
    outlet = Speaker(None, document.outlet, None, None) if document.outlet else None
    return Claim("", outlet, event.status, _status_span(event), document.date or None, None, event.evidence)


def _status_span(event: Event) -> Span | None:
    return _role_span(event, "status_cue")


def _role_span(event: Event, role: str) -> Span | None:
    """A span role of the event ("trigger", "status_cue") as a Span, or None."""
    found = event.roles.get(role)
    return Span(found["start"], found["end"], found["text"]) if found else None


def _outlet_speaker(evidence: Span, outlet: str) -> Speaker:
    """The outlet's mention in the claim's evidence, or a speaker without a span."""
    at = evidence.text.find(outlet)
    if at < 0:
        return Speaker(None, outlet, None, None)
    return Speaker(None, outlet, evidence.start + at, evidence.start + at + len(outlet))


def _evidence(doc, text: str, a: Attribution, event: Event) -> Span:
    """The sentences from the one that names the speaker to the one that states the event, whole."""
    start = min(s for s in (a.speaker.start, a.cue.start, event.evidence.start) if s is not None)
    end = max(a.cue.end, event.evidence.end)
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    start = min(start, first.sent.start_char) if first is not None else start
    end = max(end, last.sent.end_char) if last is not None else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def speaks_as_outlet(a: Attribution) -> bool:
    """ "according to Reuters", "the Washington Post reported": the speaker is the outlet that carries the claim."""
    return bool(a.outlet_chain) and same_name(a.outlet_chain[0], a.speaker.name)


def has_denial_cue(a: Attribution) -> bool:
    """ "denied", "dismissed", "rejected" (data/status.yaml, `denials`) as the attribution's cue."""
    return first_word(a.cue.text) in denial_words()["verbs"]


def first_word(text: str) -> str:
    """The first word of a cue, lower case ("" for an empty one)."""
    words = text.split()
    return words[0].lower() if words else ""


def same_name(a: str, b: str) -> bool:
    """ "Reuters" is "Reuters", "the Washington Post" is "Washington Post"; "AP" is not "Japanese officials"."""
    x, y = (re.findall(r"\w+", s.lower().removeprefix("the ")) for s in (a, b))
    shorter, longer = sorted((x, y), key=len)
    return bool(shorter) and (longer[: len(shorter)] == shorter or longer[-len(shorter) :] == shorter)


def distinct(claims: list[Claim]) -> list[Claim]:
    """One claim per speaker and status: the first, which is the nearest to the event's own words."""
    seen, kept = set(), []
    for claim in claims:
        key = ((claim.speaker.name.lower() if claim.speaker else None), claim.status)
        if key not in seen:
            seen.add(key)
            kept.append(claim)
    return kept


def numbered(event_id: str, claims: list[Claim]) -> list[Claim]:
    """Claim ids unique in the report: "e3.c1", "e3.c2"."""
    for number, claim in enumerate(claims, start=1):
        claim.id = f"{event_id}.c{number}"
    return claims


def cue_times(doc, attributions: list[Attribution], times: TimeIndex) -> dict[str, str]:
    """Attribution id -> TIMEX3 value of the time in its cue's clause ("Kirby said Thursday")."""
    found = {}
    for a in attributions:
        token = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
        if token is None:
            continue
        timex = times.of(token.root) or times.of(clause_head(token.root))
        if timex is not None:
            found[a.id] = timex.value
    return found
