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
