"""Who mentions an event in their own words takes it as having happened: "The capture of Soledar has opened the way
to Sloviansk, according to Denis Pushilin" is Pushilin's word that Soledar was captured.

A definite event noun that refers back (the events step lists them) inside an attribution's content is a loose
claim by its speaker, `asserted` (`reported` for an outlet), about the report's event of that type. Denials are
not read here: "denied the attack" denies it (extract/claims/_denials.py).
"""

from __future__ import annotations

from claimgraph.extract.claims._drafts import has_denial_cue, speaks_as_outlet
from claimgraph.model import Attribution, EventReference, LooseClaim


def reference_claims(references: list[EventReference], attributions: list[Attribution]) -> list[LooseClaim]:
    found = []
    for reference in references:
        for attribution in attributions:
            inside = attribution.content.start <= reference.span.start < attribution.content.end
            if inside and not has_denial_cue(attribution):
                status = "reported" if speaks_as_outlet(attribution) else "asserted"
                found.append(LooseClaim(attribution.speaker, attribution.cue, attribution.content, attribution.id,
                                        status=status, about=reference.type))
    return found
