"""When an event happened: its own time expression, told apart from the time it was said.

1. Own: a time expression in the event's clause ("will announce ... in the coming weeks").
2. From the cue: an event that is believed, considered, alleged, planned... takes the time of its
   cue's clause ("currently believes [Wagner has deployed]"); a cue in the present under a past report
   ("an aide told the paper last week [the ministry is weighing]") takes the report's time.
3. Said: an act done by saying (REQUEST, ACCUSE...) takes the time it was said; a speaker's other
   dated statement in the document counts ("Kirby said Thursday").
4. Anaphor: a later definite noun of the same type with its own time ("the convoy, which crossed
   the border in May") dates earlier events that have none, or only a vague one.
Only the own time is strong; the others may be replaced by a better one.
"""

from __future__ import annotations

from claimgraph.extract.events._args import effective_head, is_verb
from claimgraph.model import Timex

POINT_TYPES = frozenset({"DATE", "TIME"})
VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})
MAX_STEPS = 10


class TimeIndex:
    """Time expressions by the verb of the clause they sit in."""

    def __init__(self, doc, timexes: list[Timex]) -> None:
        self.by_clause: dict[int, list[Timex]] = {}
        for timex in timexes:
            if timex.type not in POINT_TYPES:
                continue  # durations and sets are not the time of an event
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None:
                clause = clause_head(span.root)
                self.by_clause.setdefault(clause.i, []).append(timex)
        self._speakers: dict[str, Timex] | None = None

    def of(self, token) -> Timex | None:
        """The best time expression of the clause headed by ``token``: specific values before vague ones."""
        found = self.by_clause.get(token.i, [])
        specific = [t for t in found if t.value not in VAGUE_VALUES]
        return (specific or found or [None])[0]


def clause_head(token):
    """The verb heading the clause a token sits in (or the root)."""
    current = token
    for _ in range(40):
        if current.head == current:
            return current
        current = current.head
        if is_verb(current) and current.dep_ not in ("aux", "auxpass", "amod"):
            return current
    return current


def own_time(trigger, index: TimeIndex) -> Timex | None:
    times = [index.of(trigger.predicate)]
    if trigger.token != trigger.predicate:  # a noun: its relative clause may date it
        times += [index.of(c) for c in trigger.token.children if c.dep_ in ("relcl", "acl")]
    return next((t for t in times if t is not None), None)


def time_from_cue(cue_token, index: TimeIndex, speech_forms: frozenset[str]) -> Timex | None:
    """The cue's clause time; for a present-tense cue under a report, the report's time."""
    found = index.of(cue_token)
    if found is not None or not _is_present(cue_token):
        return found
    current = cue_token
    for _ in range(MAX_STEPS):
        if current.head == current:
            return None
        current = current.head
        if is_verb(current) and current.lower_ in speech_forms:
            return index.of(current)
    return None


def _is_present(verb) -> bool:
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    present = ("is", "are", "am", "'s", "'re")
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in present for c in verb.children)


def time_of_saying(predicate, index: TimeIndex, ctx) -> Timex | None:
    """The time of the report that states the event, or of the same speaker's dated report."""
    current = predicate
    for _ in range(MAX_STEPS):
        if current.head == current:
            return None
        current = effective_head(current) if current.dep_ == "conj" else current.head
        if is_verb(current) and current.lower_ in ctx.lex.speech_forms:
            return index.of(current) or _speaker_time(current, index, ctx)
    return None


def _speaker_time(speech_verb, index: TimeIndex, ctx) -> Timex | None:
    speakers = _speaker_times(index, ctx)
    keys = _speaker_keys(ctx.subject(speech_verb), ctx)
    return next((speakers[key] for key in keys if key in speakers), None)


def _speaker_keys(subject, ctx) -> list[str]:
    """Surnames of a speech verb's subject: of its PERSON mentions, or the proper noun itself."""
    if subject is None:
        return []
    people = ctx.index.named(subject, frozenset({"PERSON"}))
    if people:
        return [m.text.split()[-1].lower() for m in people]
    return [subject.lower_] if subject.tag_ == "NNP" else []


def _speaker_times(index: TimeIndex, ctx) -> dict[str, Timex]:
    """Surname of each person who speaks with a date in the document -> that date (first one wins)."""
    if index._speakers is None:
        index._speakers = {}
        for token in ctx.doc:
            if is_verb(token) and token.lower_ in ctx.lex.speech_forms:
                timex = index.of(token)
                for key in _speaker_keys(ctx.subject(token), ctx) if timex is not None else ():
                    index._speakers.setdefault(key, timex)
    return index._speakers


def anaphor_time(anaphor, index: TimeIndex) -> Timex | None:
    """Own time of a definite event noun: in its relative clause, or its clause when it is the subject."""
    token = anaphor.token
    for child in token.children:
        if child.dep_ in ("relcl", "acl") and index.of(child) is not None:
            return index.of(child)
    if token.dep_ in ("nsubj", "nsubjpass") and is_verb(token.head):
        return index.of(token.head)
    return None


def is_weak(time: Timex | None, source: str) -> bool:
    return time is None or source != "own" or time.value in VAGUE_VALUES


def same_actor(hints: list[str], names: list[str]) -> bool:
    """Loose match of an adjective of origin and a name ("North Korean" ~ "North Korea")."""
    if not hints or not names:
        return True
    return any(_close(h.lower(), n.lower()) for h in hints for n in names)


def _close(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    if longer.startswith(shorter):
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 5
