"""A report's text around a claim's evidence, with the evidence and the event's fields marked.

Report text is untrusted: every character goes through ``markupsafe.escape``; only the <mark> tags are ours.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

# Roles of an event shown in the text, as the CSS class that marks them.
_ROLE_MARKS = {"trigger": "trigger", "status_cue": "cue", "item": "item", "quantity": "quantity"}
# Characters of context shown either side of the evidence, cut back to a paragraph break where there is one.
CONTEXT = 400


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # evidence, actor, recipient, time, speaker, cue, trigger, item, quantity


def event_marks(member, claim_evidence: dict | None = None) -> list[Mark]:
    """The spans of one report-level event (a ``StoredEvent``) worth marking in its report's text."""
    event = member.event
    evidence = claim_evidence or {"start": event.evidence.start, "end": event.evidence.end}
    marks = [Mark(evidence["start"], evidence["end"], "evidence")]
    for kind in ("actor", "recipient"):
        marks += [Mark(p["start"], p["end"], kind) for p in getattr(event, kind) if p.get("start") is not None]
    if event.time is not None:
        marks.append(Mark(event.time.start, event.time.end, "time"))
    for role, kind in _ROLE_MARKS.items():
        span = event.roles.get(role)
        if isinstance(span, dict) and span.get("start") is not None:
            marks.append(Mark(span["start"], span["end"], kind))
    for attribution in member.sources:
        if attribution.speaker is not None and attribution.speaker.start is not None:
            marks.append(Mark(attribution.speaker.start, attribution.speaker.end, "speaker"))
        marks.append(Mark(attribution.cue.start, attribution.cue.end, "cue"))
    return [m for m in marks if 0 <= m.start < m.end]


def window(text: str, start: int, end: int, context: int = CONTEXT) -> tuple[int, int]:
    """Bounds of the text shown around [start, end): up to ``context`` characters either side, to a paragraph."""
    low, high = max(0, start - context), min(len(text), end + context)
    before, after = text.rfind("\n\n", low, start), text.find("\n\n", end, high)
    return (before + 2 if before >= 0 else low), (after if after >= 0 else high)


def highlighted(text: str, marks: list[Mark], bounds: tuple[int, int] | None = None) -> Markup:
    """``text[bounds]`` escaped, each run of characters inside marks wrapped in <mark class="kinds">."""
    low, high = bounds or (0, len(text))
    kinds_at = [set() for _ in range(high - low)]
    for mark in marks:
        for i in range(max(mark.start, low), min(mark.end, high)):
            kinds_at[i - low].add(mark.kind)
    out, run_start = [], 0
    for i in range(1, len(kinds_at) + 1):
        if i == len(kinds_at) or kinds_at[i] != kinds_at[run_start]:
            out.append(_run(text[low + run_start:low + i], kinds_at[run_start]))
            run_start = i
    prefix, suffix = ("… " if low > 0 else ""), (" …" if high < len(text) else "")
    return Markup(prefix + "".join(out) + suffix)


def _run(piece: str, kinds: set[str]) -> str:
    if not kinds:
        return str(escape(piece))
    return f'<mark class="{" ".join(sorted(kinds))}">{escape(piece)}</mark>'
