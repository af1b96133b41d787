"""Claims: every speaker's word on each event (drafted from attributions and the report's own voice), and the
denials that name no event of their own. Spans only; resolve links speakers and attaches denials."""

from __future__ import annotations

from claimgraph.extract.claims._denials import denies_a_report, find_denials
from claimgraph.extract.claims._drafts import carrying, cue_times, distinct, draft_claims, numbered
from claimgraph.extract.events._time import TimeIndex
from claimgraph.model import Extraction

__all__ = ["ALGORITHM", "carrying", "distinct", "find_claims", "numbered"]

ALGORITHM = "claims.drafts/1"


def find_claims(extraction: Extraction) -> None:
    """Fill ``claims`` and ``attributions`` of each event and the report's ``denials``, in place."""
    x, doc = extraction, extraction.nlp_doc
    x.events = [e for e in x.events if not _is_denial_event(e, doc)]
    said_on = cue_times(doc, x.attributions, TimeIndex(doc, x.timexes))
    for event in x.events:
        event.claims = draft_claims(event, x.attributions, said_on, x.document, doc)
    x.denials = find_denials(doc, x.attributions)
    for denial in x.denials:
        denial.said_on = said_on.get(denial.attribution) if denial.attribution else None


def _is_denial_event(event, doc) -> bool:
    """A REJECT read off "denied the reports" or "dismissed claims that ..." is a denial, not a refusal."""
    trigger = event.roles.get("trigger")
    if event.type != "REJECT" or not trigger:
        return False
    span = doc.char_span(trigger["start"], trigger["end"], alignment_mode="expand")
    return span is not None and denies_a_report(span.root)
