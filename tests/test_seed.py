"""Acceptance on the reference article: runs only where ../shared is beside the project."""

import pytest
from conftest import shared_path

from claimgraph.evaluate import evaluate_seed


@pytest.fixture(scope="module")
def scores(pipeline):
    return evaluate_seed(shared_path("eval", "dev", "seed"), pipeline)


def test_entities_canonical_name_and_type(scores):
    assert scores["entities"]["recall"] >= 0.9, scores["entities"]["missed"]


def test_every_required_time_expression_has_its_value(scores):
    assert scores["timexes"]["all_required_right"], scores["timexes"]["items"]


def test_the_five_quantities(scores):
    assert scores["quantities"]["found"] == 5, scores["quantities"]["items"]
    parts = {q["text"]: q["part_of"] for q in scores["quantities"]["items"]}
    assert parts["40,000"] == parts["10,000"] == "50,000"


def test_required_events_type_actor_recipient_status_time(scores):
    events = scores["events"]
    assert events["required_right"] >= 9, [i for i in events["items"] if not i["ok"]]
    by_id = {item["id"]: item for item in events["items"]}
    assert by_id["E13"]["ok"] and by_id["E6"]["ok"]  # considered and planned, not happened


def test_attributions_name_their_speakers(scores):
    assert scores["attributions"]["speaker_right"] >= 8, scores["attributions"]["items"]
