"""Claims: every speaker's word on each event (drafted from attributions and the report's own voice), and the
claims that name no event of their own (denials of "the reports", credits "reported this"). Spans only; resolve
links speakers and attaches the loose claims to their events."""

from __future__ import annotations

from claimgraph.extract.attribution import continued_quotes
from claimgraph.extract.claims._copies import copied_from, relayed_claim
from claimgraph.extract.claims._credits import find_credits
from claimgraph.extract.claims._denials import find_denials
from claimgraph.extract.claims._drafts import carrying, cue_times, distinct, draft_claims, numbered
from claimgraph.extract.claims._references import reference_claims
from claimgraph.extract.events._time import TimeIndex
from claimgraph.model import Extraction

__all__ = ["ALGORITHM", "carrying", "copied_from", "distinct", "find_claims", "numbered", "relayed_claim"]

ALGORITHM = "claims.drafts/2"


def find_claims(extraction: Extraction) -> None:
    """Fill ``claims`` and ``attributions`` of each event and the report's ``loose_claims``, in place."""
    x, doc = extraction, extraction.nlp_doc
    said_on = cue_times(doc, x.attributions, TimeIndex(doc, x.timexes))
    said = x.attributions + continued_quotes(doc, x.document.text, x.attributions)  # '"A," he said. "B."': B is his too
    for event in x.events:
        event.claims = draft_claims(event, said, said_on, x.document, doc)
        event.attributions = list(dict.fromkeys(event.attributions))
    x.loose_claims = (find_denials(doc, x.attributions) + find_credits(doc, x.document.text, x.attributions)
                      + reference_claims(x.event_references, said))
    for loose in x.loose_claims:
        loose.said_on = said_on.get(loose.attribution) if loose.attribution else None

