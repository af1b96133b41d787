from dataclasses import dataclass

from claimgraph.model import Mention
from claimgraph.resolve import clean_surface, entity_id, resolve_entities


@dataclass(frozen=True)
class Entry:  # the fields of GazetteerEntry the resolver reads
    name: str
    type: str
    wikidata: str | None = None
    kind: str = "country"
    cameo: str = ""
    ambiguous: bool = False


class TinyGazetteer:
    entries = {"pyongyang": Entry("North Korea", "GPE", "Q423", "capital"),
               "north korean": Entry("North Korea", "GPE", "Q423", "demonym"),
               "washington": Entry("United States", "GPE", "Q30", "capital")}

    def lookup(self, surface):
        return self.entries.get(surface.lower())


def _mention(text, surface, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, label)


def test_surname_and_prefix_join_the_full_name():
    text = "John Kirby spoke about the Wagner Group. Kirby said Wagner grew."
    mentions = [_mention(text, "John Kirby", "PERSON"), _mention(text, "the Wagner Group", "ORG"),
                _mention(text, "Kirby", "ORG"), _mention(text, "Wagner", "ORG", 1)]
    entities = {e.name: e for e in resolve_entities(text, mentions, TinyGazetteer())}
    assert set(entities) == {"John Kirby", "Wagner Group"}
    assert entities["John Kirby"].type == "PERSON"  # the lone "Kirby" voted ORG is outvoted... by length
    assert len(entities["Wagner Group"].mentions) == 2


def test_gazetteer_maps_capital_and_demonym_to_country():
    text = "Pyongyang denied it. North Korean diplomats said so."
    mentions = [_mention(text, "Pyongyang", "GPE"), _mention(text, "North Korean", "NORP")]
    (entity,) = resolve_entities(text, mentions, TinyGazetteer())
    assert (entity.name, entity.type, entity.id) == ("North Korea", "GPE", "Q423")
    assert entity.aliases == ["Pyongyang", "North Korean"]


def test_capital_labelled_person_stays_a_person():
    text = "Denzel Washington arrived. Washington smiled."
    mentions = [_mention(text, "Denzel Washington", "PERSON"), _mention(text, "Washington", "PERSON", 1)]
    (entity,) = resolve_entities(text, mentions, TinyGazetteer())
    assert entity.name == "Denzel Washington"


def test_missed_mentions_are_found_by_rescan():
    text = "Yevgeny Prigozhin runs it. Prigozhin denied it; Prigozhin's men left."
    mentions = [_mention(text, "Yevgeny Prigozhin", "PERSON"), _mention(text, "Prigozhin", "PERSON", 1)]
    (entity,) = resolve_entities(text, mentions, TinyGazetteer())
    assert len(entity.mentions) == 3
    assert all(text[s:e].startswith(("Yevgeny", "Prigozhin")) for s, e in entity.mentions)


def test_clean_surface_and_ids():
    assert clean_surface("the Wagner Group’s") == "Wagner Group"
    assert entity_id("Wagner Group", None) == "cg:wagner-group"
    assert entity_id("North Korea", "Q423") == "Q423"


def test_real_pipeline_canonical_entities(report_extraction):
    entities = {e.name: e for e in report_extraction.entities}
    assert entities["North Korea"].type == "GPE" and entities["North Korea"].wikidata == "Q423"
    assert {"Pyongyang", "North Korean"} <= set(entities["North Korea"].aliases)
    assert entities["John Kirby"].type == "PERSON" and "Kirby" in entities["John Kirby"].aliases
    assert entities["Wagner Group"].type == "ORG"
    text = report_extraction.document.text
    for entity in report_extraction.entities:
        for start, end in entity.mentions:
            assert text[start:end] in [entity.name, *entity.aliases]


def test_the_reports_own_outlet_is_an_org():
    text = "The Tidewater Gazette has learned that Kirby spoke."
    mentions = [_mention(text, "Gazette", "PERSON"), _mention(text, "Kirby", "PERSON")]
    entities = {e.name: e.type for e in resolve_entities(text, mentions, TinyGazetteer(), outlet="Tidewater Gazette")}
    assert entities == {"Tidewater Gazette": "ORG", "Kirby": "PERSON"}
