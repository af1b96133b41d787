"""Participants as real text gives them: converse and passive forms, a giver known by its goods, sanction targets,
places taken. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.model import Document


@pytest.fixture
def events(pipeline):
    def run(text: str):
        return pipeline(Document(text=text, date="2023-02-01", outlet="Harbor Post", source="<test>")).events

    return run


def _pairs(events, kind):
    return [([a["name"] for a in e.actor], [r["name"] for r in e.recipient]) for e in events if e.type == kind]


@pytest.mark.parametrize("text", [
    "Iran sent combat drones to Russia in August.",
    "Russia received combat drones sent by Iran.",
    "Russia took delivery of a shipment of combat drones from Iran.",
    "Russia bought combat drones from Iran.",
    "Combat drones were supplied to Moscow by Tehran.",
    "Tehran supplied Moscow with combat drones.",
    "Iranian drones were delivered to Russia last week.",
])
def test_every_form_of_a_transfer_gives_the_same_giver_and_receiver(events, text):
    assert (["Iran"], ["Russia"]) in _pairs(events(text), "AID")


def test_sanction_targets_are_the_company_not_the_country_that_qualifies_it(events):
    (pair,) = _pairs(events("Britain imposed sanctions on three managers of Kestrel Avionics, an Iranian drone "
                            "maker."), "SANCTION")
    assert "Iran" not in pair[1] and pair[1]


def test_a_diplomatic_downgrade_is_a_sanction(events):
    assert (["Ukraine"], ["Iran"]) in _pairs(events("Ukraine revoked the accreditation of the Iranian ambassador."),
                                             "SANCTION")


def test_a_town_that_fell_was_taken_by_whom_it_fell_to(events):
    found = events("Ukraine says its troops still hold the line. Officials said Vuhledar fell to Russian forces.")
    (seizure,) = [e for e in found if e.mode == "seize"]
    assert seizure.roles["location"]["text"] == "Vuhledar"
    assert [r["name"] for r in seizure.recipient] == ["Ukrainian Armed Forces"]  # ground is taken from an army


def test_a_rising_price_is_no_seizure(events):
    assert not [e for e in events("Grain prices fell to a record low in March.") if e.mode == "seize"]


def test_forces_named_by_their_country_are_the_army(pipeline):
    x = pipeline(Document(text="Ukrainian forces withdrew from the town, officials said.", date="2023-01-20"))
    names = {e.name for e in x.entities}
    assert "Ukrainian Armed Forces" in names and "Ukraine" not in names


def test_fighting_that_there_was_is_an_event_with_no_doer(events):
    found = events("Malyar said there was fierce fighting in the town of Vuhledar.")
    (fight,) = [e for e in found if e.type == "ASSAULT"]
    assert fight.actor == [] and fight.claims[0].speaker.name == "Malyar"
