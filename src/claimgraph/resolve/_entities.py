"""Group mention spans into canonical entities within one document.

Order of evidence: the shipped gazetteer first (Pyongyang -> North Korea, North Korean -> North
Korea), then name containment inside the document (Kirby -> John Kirby, Wagner -> Wagner Group),
then a re-scan of the text for surfaces the tagger missed. The type is voted over all mentions,
because the sm model labels a lone "Kirby" ORG in short contexts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from claimgraph.model import Entity, Mention
from claimgraph.resolve._spelling import spelling_variants

ALGORITHM = "entities.gazetteer-containment/2"
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass
class _Group:
    name: str
    label_votes: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    entry: object | None = None  # GazetteerEntry when the gazetteer knows it

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


def clean_surface(text: str) -> str:
    """Surface without leading article, possessive or outer punctuation: "the Wagner Group's" -> "Wagner Group"."""
    text = _LEADING.sub("", " ".join(text.split()))
    return _POSSESSIVE.sub("", text).strip(" \"'“”‘’.,;:")


def resolve_entities(text: str, mentions: list[Mention], gazetteer, outlet: str | None = None) -> list[Entity]:
    mentions = with_outlet_mentions(text, mentions, outlet)
    mentions = _with_extended(text, mentions, gazetteer)
    mentions = mentions + gazetteer_mentions(text, gazetteer, mentions)
    groups: list[_Group] = []
    by_name: dict[str, _Group] = {}
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        group = _group_for(mention, gazetteer, groups, by_name)
        group.mentions.append(mention)
        group.label_votes[_vote_label(mention, group)] += 1
    taken = [(m.start, m.end) for m in mentions]
    for group in groups:
        _add_missed_mentions(text, group, taken)
    return sorted((_to_entity(g) for g in groups), key=lambda e: e.mentions[0])


def with_outlet_mentions(text: str, mentions: list[Mention], outlet: str | None) -> list[Mention]:
    """The report's own outlet named in its text is an ORG, whatever the tagger made of it."""
    if not outlet or len(outlet) < 3:
        return mentions
    spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(outlet)}(?!\w)", text)]
    kept = [m for m in mentions if not _overlaps(m.start, m.end, spans)]
    return kept + [Mention(start, end, text[start:end], "ORG") for start, end in spans]


# Capitalised words ("Axios", "West Africa", "U.S.") joined by the lowercase links names use.
_NAME_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w&-]*(?:['’][A-Z][\w-]*)?)"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:of|for|and|the|al|de)\s+)*{_NAME_WORD})*")
_LONGEST_NAME = 6  # words


def gazetteer_mentions(text: str, gazetteer, known: list[Mention]) -> list[Mention]:
    """Names the gazetteer knows that the tagger missed ("Axios' Ivana Saric reports")."""
    taken = [(m.start, m.end) for m in known]
    found = []
    for run in _NAME_RUN.finditer(text):
        words = [(w.start() + run.start(), w.end() + run.start()) for w in re.finditer(r"\S+", run.group())]
        found += _known_names_in(text, words, gazetteer, taken)
    return found


def _known_names_in(text: str, words: list[tuple[int, int]], gazetteer, taken: list[tuple[int, int]]):
    """Longest-first, left-to-right gazetteer matches among consecutive words."""
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + _LONGEST_NAME), i, -1):
            start, end = words[i][0], words[j - 1][1]
            entry = gazetteer.lookup(text[start:end])
            if entry and _trusted_match(entry, text[start:end]) and not _overlaps(start, end, taken):
                taken.append((start, end))
                yield Mention(start, end, text[start:end], entry.type)
                i = j - 1
                break
        i += 1


# Words that can finish a name the tagger cut short: "Ukrainian [forces]", "Russia's [Defence Ministry]". Only a
# longer name the gazetteer knows is taken.
_TAIL = re.compile(r"(?:['’]s)?(?:\s+[A-Za-z][\w-]*){1,3}")


def _with_extended(text: str, mentions: list[Mention], gazetteer) -> list[Mention]:
    """Mentions with the names they start completed; a possessor stays a mention of its own ("Russia" in
    "Russia's Ministry of Defence" is still Russia), a demonym does not ("Ukrainian" in "Ukrainian forces")."""
    extended = [_extended(text, m, gazetteer) for m in mentions]
    owners = [old for m, old in zip(extended, mentions, strict=True) if m is not old and _is_possessor(text, old)]
    longer = [(m.start, m.end) for m, old in zip(extended, mentions, strict=True) if m is not old]
    kept = [m for m in extended if (m.start, m.end) in longer or not _overlaps(m.start, m.end, longer)]
    return kept + owners


def _is_possessor(text: str, mention: Mention) -> bool:
    return text[mention.end : mention.end + 2] in ("'s", "’s")


def _extended(text: str, mention: Mention, gazetteer) -> Mention:
    """The mention, or the longer name the gazetteer knows that it starts ("Ukrainian forces" is the army, not
    the country)."""
    if mention.label not in ("NORP", "GPE", "ORG"):
        return mention
    tail = _TAIL.match(text, mention.end)
    if tail is None:
        return mention
    words = list(re.finditer(r"\s+[A-Za-z][\w-]*", tail.group()))
    for count in range(len(words), 0, -1):
        end = mention.end + words[count - 1].end()
        entry = gazetteer.lookup(text[mention.start : end])
        if entry is not None and _trusted_match(entry, text[mention.start : end]):
            return Mention(mention.start, end, text[mention.start : end], entry.type)
    return mention


def _trusted_match(entry, surface: str) -> bool:
    """Skip ambiguous names, and lone-word person names the tagger chose not to label."""
    return not entry.ambiguous and (entry.type != "PERSON" or " " in surface)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _group_for(mention: Mention, gazetteer, groups: list[_Group], by_name: dict[str, _Group]) -> _Group:
    surface = clean_surface(mention.text)
    entry = _gazetteer_entry(surface, mention.label, gazetteer)
    name = entry.name if entry else (_containing_group(surface, mention, groups) or surface)
    if name not in by_name:
        by_name[name] = _Group(name=name, entry=entry)
        groups.append(by_name[name])
    return by_name[name]


def _gazetteer_entry(surface: str, label: str, gazetteer):
    entry = gazetteer.lookup(surface) if surface else None
    # A capital or an ambiguous name ("Jordan", "Washington") labelled PERSON is more likely a person.
    if entry and label == "PERSON" and entry.type != "PERSON" and (entry.ambiguous or entry.kind == "capital"):
        return None
    return entry


def _containing_group(surface: str, mention: Mention, groups: list[_Group]) -> str | None:
    """Name of the group whose name starts or ends with this surface, nearest before it."""
    words = surface.split()
    if not words or len(words) > 3:
        return None
    candidates = [g for g in groups if _is_edge_of(words, g.tokens)]
    if not candidates:
        return None
    return max(candidates, key=lambda g: _last_start_before(g, mention.start)).name


def _is_edge_of(words: list[str], name: list[str]) -> bool:
    if len(words) >= len(name):
        return False
    return name[: len(words)] == words or name[-len(words) :] == words


def _last_start_before(group: _Group, position: int) -> int:
    starts = [m.start for m in group.mentions if m.start < position]
    return max(starts, default=-1)


def _vote_label(mention: Mention, group: _Group) -> str:
    if group.entry is not None:
        return group.entry.type
    return mention.label


def _add_missed_mentions(text: str, group: _Group, taken: list[tuple[int, int]]) -> None:
    """Find further occurrences of this group's surfaces that no mention covers yet (``taken`` grows).

    Longest surface first, so "Wagner Group" claims its span before "Wagner" and the result
    does not depend on set order."""
    surfaces = {clean_surface(m.text) for m in group.mentions}
    for surface in sorted(surfaces, key=lambda s: (-len(s), s)):
        if len(surface) < 3 and not surface.isupper():
            continue
        for match in re.finditer(rf"(?<![\w.]){re.escape(surface)}(?!\w)", text):
            span = (match.start(), match.end())
            if not _overlaps(*span, taken):
                group.mentions.append(Mention(span[0], span[1], match.group(), "RESCAN"))
                taken.append(span)


def _to_entity(group: _Group) -> Entity:
    entry = group.entry
    mentions = sorted(group.mentions, key=lambda m: m.start)
    surfaces = dict.fromkeys(m.text for m in mentions)
    kind = entry.type if entry else _voted_type(group)
    if kind == "PERSON":  # "Serhii" is "Serhiy" in another romanisation
        surfaces.update(dict.fromkeys(spelling_variants(group.name)))
    return Entity(
        id=entity_id(group.name, entry.wikidata if entry else None),
        name=group.name,
        type=kind,
        wikidata=(entry.wikidata or None) if entry else None,
        aliases=[s for s in surfaces if s != group.name],
        mentions=[(m.start, m.end) for m in mentions],
    )


def _voted_type(group: _Group) -> str:
    votes = group.label_votes
    longest = max(group.mentions, key=lambda m: m.end - m.start).label
    return max(votes, key=lambda label: (votes[label], label == longest))


def entity_id(name: str, wikidata: str | None) -> str:
    """Deterministic id: the Wikidata QID when known, else a slug of the canonical name."""
    if wikidata:
        return wikidata
    slug = re.sub(r"[^\w]+", "-", name.lower()).strip("-")
    return f"cg:{slug}"
