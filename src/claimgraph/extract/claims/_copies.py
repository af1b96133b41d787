"""Agency copies: a report whose outlet says where its text comes from relays that source in every claim.

Aggregators and syndicators name the source beside their own name: "Devdiscourse (Reuters feed)", "Jordan News
(AFP)", "Babel.ua (cites Washington Post)", "Iron Blade Online (Belga-derived)", "Iran Watch (summary of New York
Times)". Every event such a report tells is then also `reported` by the source: its text is the source's. What the
brackets hold that is no source ("CDN mirror", "blog"; a country, which resolve tells by the gazetteer) is left
alone.
"""

from __future__ import annotations

import re

from claimgraph.model import Claim, Event, Speaker

_BRACKETED = re.compile(r"^(?P<outlet>.+?)\s*\((?P<note>[^()]+)\)\s*$")
_LEADING = re.compile(r"^(?:cites|citing|via|from|after|summary of|translation of|copy of|quoting)\s+", re.I)
_TRAILING = re.compile(r"(?:^|[\s-]+)(?:derived|feed|text|snippet|copy|wire)$", re.I)
# Bracket notes that say what kind of copy it is, or where the outlet is, not whose text it is.
NOT_SOURCES = frozenset({"mirror", "cdn", "archive", "cache", "blog", "translation", "summary", "snippet", "amp",
                         "print", "video", "live", "opinion", "editorial", "paywall", "syndicated"})


def copied_from(outlet: str | None) -> str | None:
    """The source an outlet's name says its text comes from, or None (resolve leaves out places)."""
    match = _BRACKETED.match(outlet or "")
    if match is None:
        return None
    note = _LEADING.sub("", match["note"].split("/")[0].strip())
    while _TRAILING.search(note):  # "Reuters-derived snippet"
        note = _TRAILING.sub("", note).strip(" -")
    words = set(note.lower().split())
    if not re.search(r"[A-Za-z]", note) or words & NOT_SOURCES:
        return None
    return note


# What a source relays of a happening is `reported`; of a plan, a denial or a doubt, what the copy says of it.
RELAYED_AS_REPORTED = frozenset({"asserted", "confirmed", "reported"})


def relayed_claim(event: Event, source: str) -> Claim:
    """The source's claim on an event of its copied text (it never outranks the report's own status)."""
    status = "reported" if event.status in RELAYED_AS_REPORTED else event.status
    return Claim("", Speaker(None, source, None, None), status, None, None, None, event.evidence)
