"""PLOVER events over a spaCy parse: type and mode, actor and recipient, status, time, domain roles.

Dependency patterns with trigger lexicons (data/plover.yaml, data/status.yaml), with fallbacks
where the small model's parse is predictably wrong (see _args). Every field is a character
span into the document text. Linear in tokens: one dict lookup per token, tree walks only from
trigger words. The steps:

1. triggers per sentence (_triggers), 2. participants by frame (_frames),
3. status and cue (_status), 4. time (_time), 5. domain roles (_roles).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.extract.events._args import sentence_span
from claimgraph.extract.events._corrections import (
    attempted_seizure,
    forces_of_leaders,
    mark_places,
    named_targets,
    origin_of_items,
    takes_place,
)
from claimgraph.extract.events._denial_words import denies_a_report
from claimgraph.extract.events._frames import Participants, participants
from claimgraph.extract.events._lexicon import lexicon
from claimgraph.extract.events._refs import DocContext
from claimgraph.extract.events._roles import (
    about,
    assault_roles,
    force_roles,
    location,
    sanction_roles,
    span_of,
    transfer_roles,
)
from claimgraph.extract.events._status import StatusCue, find_status, is_refusal
from claimgraph.extract.events._time import (
    TimeIndex,
    anaphor_time,
    is_weak,
    own_time,
    same_actor,
    time_from_cue,
    time_of_saying,
)
from claimgraph.extract.events._triggers import Trigger, find_triggers, object_classes
from claimgraph.model import Event, EventReference, Mention, Quantity, Span, Timex

ALGORITHM = "events.plover-rules/2"
# Statuses of events that happened (as far as the text says): only those can be "the shipment, completed last month".
REALIS = frozenset({"asserted", "confirmed", "believed", "reported", "alleged"})


@dataclass
class Draft:
    """An event while it is being read; ``time_source`` says how sure its time is."""

    trigger: Trigger
    parts: Participants
    cue: StatusCue
    mode: str | None
    time: Timex | None = None
    time_source: str = "none"  # own, cue, said, anaphor or none
    roles: dict = field(default_factory=dict)

    def to_event(self, event_id: str) -> Event:
        sent = self.trigger.token.sent
        trigger = span_of(sent.doc, self.trigger.start, self.trigger.end, depth=_depth(self.trigger.predicate))
        roles = {"trigger": trigger, "status_cue": self.cue.span(), **self.roles}
        return Event(
            id=event_id, type=self.trigger.type, mode=self.mode, actor=self.parts.actor,
            recipient=self.parts.recipient, status=self.cue.status, time=self.time,
            evidence=sentence_span(sent), attributions=[], roles=roles,
        )


def _depth(token) -> int:
    """Head hops from the event's predicate to its sentence root: 0 is the main clause."""
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def find_events(doc, timexes: list[Timex], mentions: list[Mention], quantities: list[Quantity]) -> list[Event]:
    """The PLOVER events stated in a parsed document, numbered e1.. in text order."""
    return find_events_and_references(doc, timexes, mentions, quantities)[0]


def find_events_and_references(doc, timexes: list[Timex], mentions: list[Mention],
                               quantities: list[Quantity]) -> tuple[list[Event], list[EventReference]]:
    """The events, and the definite nouns that refer back to events ("the capture of Soledar")."""
    ctx = DocContext(doc, mentions, timexes, quantities, lexicon())
    times = TimeIndex(doc, timexes)
    drafts, anaphors = [], []
    for sent in doc.sents:
        triggers, found = find_triggers(sent, ctx)
        triggers = [t for t in triggers if not (t.type == "REJECT" and denies_a_report(t.predicate))]
        anaphors += found
        drafts += _drop_consumed([_draft(trigger, ctx, times) for trigger in triggers])
    _date_by_anaphors(drafts, anaphors, times, ctx)
    drafts.sort(key=lambda d: (d.trigger.start, d.trigger.end))
    events = [draft.to_event(f"e{number}") for number, draft in enumerate(drafts, start=1)]
    return events, [_reference(anaphor) for anaphor in anaphors]


def _reference(anaphor) -> EventReference:
    token = anaphor.token
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return EventReference(anaphor.type, Span(span.start_char, span.end_char, span.text))


def _draft(trigger: Trigger, ctx, times: TimeIndex) -> Draft:
    attempt = attempted_seizure(trigger, ctx)
    attempted, trigger = attempt is not trigger, attempt
    parts = participants(trigger, ctx)
    if trigger.type == "AID" and not parts.actor:
        parts.actor = origin_of_items(trigger, parts, ctx)
    if trigger.type == "SANCTION":
        parts.recipient = named_targets(parts.recipient, ctx)
    forces_of_leaders(trigger, parts, ctx)
    cue = find_status(trigger, ctx)
    draft = Draft(trigger, parts, cue, _mode(trigger, parts, ctx))
    draft.roles = _roles(draft, ctx)
    if attempted:
        draft.roles["attempt"] = True  # "tried to take": an attack meant to take ground
    if cue.status == "negated" and is_refusal(trigger, cue):
        draft.roles["refusal"] = True  # "will not accept", "refused to fight": no denial, even by the actor
    _date(draft, ctx, times)
    return draft


def _mode(trigger: Trigger, parts: Participants, ctx) -> str | None:
    rule = trigger.rule
    mode = rule.mode
    if mode is None and rule.modes:
        classes = object_classes(trigger.objects or parts.items, ctx)
        mode = next((m for cls, m in rule.modes if cls in classes), None)
    if trigger.type == "AID":
        mode = _aid_mode_word(trigger, parts, ctx) or mode
    return mode if mode in ctx.lex.data["types"][trigger.type]["modes"] else None


def _aid_mode_word(trigger: Trigger, parts: Participants, ctx) -> str | None:
    """ "military aid", "humanitarian supplies": a modifier of the trigger or item sets the AID mode."""
    words = ctx.lex.data["aid_mode_words"]
    holders = [trigger.token] + list(parts.items)
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("amod", "compound") and child.lower_ in words:
                return words[child.lower_]
    return None


def _roles(draft: Draft, ctx) -> dict:
    trigger, parts, kind = draft.trigger, draft.parts, draft.trigger.type
    roles: dict = {}
    if kind == "AID":
        roles.update(transfer_roles(trigger, parts, draft.cue.status, ctx))
    elif kind == "MOBILIZE":
        roles.update(force_roles(parts, ctx))
    elif kind == "SANCTION":
        roles.update(sanction_roles(trigger, parts.actor, ctx))
    elif kind == "ASSAULT":
        assault, mode = assault_roles(trigger, parts, ctx)
        roles.update(assault)
        if draft.mode is None and mode in ctx.lex.data["types"]["ASSAULT"]["modes"]:
            draft.mode = mode
    elif kind == "ACCUSE":
        roles["about"] = about(trigger, ctx)
    place = location(trigger, parts, parts.actor + parts.recipient, ctx)
    if place is not None:
        roles["location"] = place
    if takes_place(draft.trigger.type, draft.mode):
        mark_places(draft.trigger, draft.parts, roles, ctx)
    return roles


def _date(draft: Draft, ctx, times: TimeIndex) -> None:
    trigger, cue = draft.trigger, draft.cue
    found, source = own_time(trigger, times), "own"
    if found is None and cue.status in ctx.lex.inherit_time and cue.token is not None:
        found, source = time_from_cue(cue.token, times, ctx.lex.speech_forms), "cue"
    if found is None and cue.status == "asserted" and trigger.type in ctx.lex.data["verbal_types"]:
        found, source = time_of_saying(trigger.predicate, times, ctx), "said"
    if found is not None:
        draft.time, draft.time_source = found, source


def _drop_consumed(drafts: list[Draft]) -> list[Draft]:
    """An attack's "killing and injuring ..." clause is its casualties role, not another attack."""
    spans = [(id(d), d.roles["casualties"]) for d in drafts if d.roles.get("casualties")]
    return [
        draft for draft in drafts
        if draft.trigger.type != "ASSAULT"
        or not any(key != id(draft) and c["start"] <= draft.trigger.token.idx < c["end"] for key, c in spans)
    ]


def _date_by_anaphors(drafts: list[Draft], anaphors: list, times: TimeIndex, ctx) -> None:
    """A definite noun with its own time ("the shipment, completed last month") dates earlier events of its type."""
    for anaphor in anaphors:
        timex = anaphor_time(anaphor, times)
        if timex is None:
            continue
        hints = [m.text for m in ctx.index.named(anaphor.token)]
        for draft in drafts:
            earlier = draft.trigger.token.i < anaphor.token.i
            happened = draft.cue.status in REALIS
            if earlier and happened and draft.trigger.type == anaphor.type and is_weak(draft.time, draft.time_source):
                if same_actor(hints, [a["name"] for a in draft.parts.actor]):
                    draft.time, draft.time_source = timex, "anaphor"

