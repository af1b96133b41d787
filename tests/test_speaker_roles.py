"""Speakers described by role and names spelt in another romanisation. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.model import Document
from claimgraph.resolve._spelling import spelling_variants


@pytest.fixture
def claims_of(pipeline):
    def run(text: str):
        x = pipeline(Document(text=text, date="2023-01-13", outlet="Harbor Post", source="<test>"))
        return {(c.speaker.name, c.status) for e in x.events for c in e.claims if c.speaker}

    return run


def test_a_speaker_described_by_role_is_the_person_named_in_it(claims_of):
    found = claims_of("The spokesperson for Ukraine's southern command denied that Russia had seized Vuhledar. "
                      "\"Our units hold the town,\" the spokesperson, Taras Bondar, told the paper.")
    assert ("Taras Bondar", "denied") in found


def test_a_role_serving_someone_else_is_another_person(pipeline):
    x = pipeline(Document(text="A spokesman for Russia's Defence Ministry said it had captured Vuhledar. Taras Bondar, "
                               "a spokesman for the Ukrainian army, said fighting went on.", date="2023-01-13",
                          source="<test>"))
    (seizure,) = [e for e in x.events if e.mode == "seize"]
    assert "Taras Bondar" not in {c.speaker.name for c in seizure.claims if c.speaker}


def test_a_bare_role_is_only_someone_named_before(pipeline):
    from claimgraph.model import Entity, Speaker
    from claimgraph.resolve.claims._roles import described_person, role_holders

    text = "The spokesman said the town fell. Later Taras Bondar, a spokesman for the army, disagreed."
    bondar = Entity("cg:taras-bondar", "Taras Bondar", "PERSON", None, [], [(text.index("Taras"), text.index(", a"))])
    holders = role_holders(text, [bondar])
    assert [h.role for h in holders] == ["spokesperson"]
    assert described_person(Speaker(None, "The spokesman", 0, 13), holders) is None
    later = Speaker(None, "the spokesman", len(text) - 5, len(text))
    assert described_person(later, holders) is bondar
    other = Speaker(None, "a spokesman for the Defence Ministry", len(text) - 5, len(text))
    assert described_person(other, holders) is None  # Bondar serves the army


@pytest.mark.parametrize(("name", "variant"), [
    ("Serhii Cherevatyi", "Serhiy Cherevatyi"),
    ("Hanna Maliar", "Hanna Malyar"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Oleksiy Reznikov", "Oleksii Reznikov"),
])
def test_romanisation_variants_of_a_name(name, variant):
    assert variant in spelling_variants(name)


@pytest.mark.parametrize("name", ["John Kirby", "Lloyd Austin", "Victoria Nuland", "Kirby"])
def test_names_without_such_endings_have_no_variants(name):
    assert all(v.split()[-1] == name.split()[-1] for v in spelling_variants(name))


def test_a_person_entity_lists_its_spellings(pipeline):
    x = pipeline(Document(text="Serhii Cherevatyi said the town held.", date="2023-01-13", source="<test>"))
    (person,) = [e for e in x.entities if e.type == "PERSON"]
    assert "Serhiy Cherevatyi" in person.aliases


def test_a_bodys_claim_is_voiced_by_its_named_spokesperson(claims_of):
    found = claims_of("The Kremlin on Tuesday denied that its forces had used drones to attack Kyiv. "
                      "Kremlin spokesman Dmitry Peskov spoke to reporters.")
    assert ("Dmitry Peskov", "denied") in found


def test_a_spokesperson_for_another_body_does_not_voice_it(claims_of):
    found = claims_of("The Kremlin on Tuesday denied that its forces had used drones to attack Kyiv. "
                      "Pentagon spokesman Pat Ryder spoke to reporters.")
    assert ("Pat Ryder", "denied") not in found


def test_a_claimant_inside_anothers_words_claims(claims_of):
    found = claims_of("The Kremlin urged patience, hours after Wagner claimed it had seized control of Soledar.")
    assert ("Wagner Group", "asserted") in found


def test_a_persons_claim_is_not_voiced_by_a_spokesperson(claims_of):
    found = claims_of("Ukrainian President Volodymyr Zelensky said Russia had not taken Soledar. Taras Bondar, a "
                      "spokesman for the Ukrainian army, spoke later.")
    assert not any(name == "Taras Bondar" for name, _ in found)
