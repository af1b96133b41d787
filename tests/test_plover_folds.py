"""Held-out PLOVER scoring: the hash fold split, the fixed test fold, the type classifier and its combination."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import shared_path
from test_eval_plover import event

from claimgraph.evaluate._classifier import TEST_SHARE, Model, combine, fold_models, fold_of, load_model
from claimgraph.evaluate._plover import score_plover_folds

BUILT = Path(__file__).resolve().parents[1] / "build" / "plover_classifier"

# Sentences written for these tests, in the GSR's shape (text, coded type).
SENTENCES = [
    ("Chile demanded that Peru free the sailors.", "DEMAND"),
    ("Rebels clashed with soldiers near the border.", "FIGHT"),
    ("Germany sent tanks and ammunition to the Ukrainian army.", "AID"),
    ("Warplanes bombed a market in the north of the country, killing nine people.", "ASSAULT"),
    ("The European Union imposed new sanctions on Iranian banks.", "SANCTION"),
    ("The two foreign ministers met in Geneva on Tuesday.", "CONSULT"),
    ("Thousands of students marched through the capital against the new law.", "PROTEST"),
    ("The government rejected the opposition's proposal for early elections.", "REJECT"),
]


def test_fold_split_is_deterministic_and_pinned():
    assert [fold_of(t) for t in ("a", "b", "e")] == [2, 5, 3]  # changing these would reshuffle every fold
    assert fold_of("Chile demanded that Peru free the sailors.") == 0
    assert all(fold_of(t, 5) == fold_of(t, 5) for t, _ in SENTENCES)


def test_folds_are_disjoint_and_the_test_fold_is_a_fifth_and_stable():
    keys = [f"record {i}" for i in range(5000)]
    folds = {key: fold_of(key) for key in keys}
    counts = Counter(folds.values())
    assert set(counts) == {0, 1, 2, 3, 4, 5}  # one fold per key: the split is a partition
    assert abs(counts[0] / len(keys) - TEST_SHARE / 100) < 0.02
    assert all(abs(counts[k] - counts[1]) < 0.15 * counts[1] for k in range(2, 6))
    # The test fold does not depend on the number of folds asked for.
    assert {k for k in keys if fold_of(k, 3) == 0} == {k for k in keys if folds[k] == 0}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Germany delivered rifles, ammunition and humanitarian aid to the Ukrainian army.", "AID"),
    ("Fighter jets bombed a village near the border, killing twelve civilians.", "ASSAULT"),
    ("The European Union imposed new sanctions on Iranian banks.", "SANCTION"),
])
def test_a_trained_classifier_classifies(sentence, expected):
    if not (BUILT / "model.json").exists():
        pytest.skip(f"no trained classifier in {BUILT}: run scripts/train_plover_classifier.py (needs ../shared)")
    model = load_model(BUILT)
    label, probability = model.classify(sentence)
    assert label == expected and 0.0 < probability <= 1.0
    assert sum(model.probabilities(sentence).values()) == pytest.approx(1.0)
    assert len(model.labels) == 16


# A two-class model written by hand: "tanks" points to AID, "bombed" to ASSAULT.
TINY = {"labels": ["AID", "ASSAULT"], "idf": {"w:tanks": 1.0, "w:bombed": 1.0},
        "weights": {"w:tanks": [[0, 3.0]], "w:bombed": [[1, 3.0]]}, "intercept": [0.0, 0.0]}


def test_inference_is_a_softmax_over_the_known_features():
    model = Model(TINY)
    assert model.classify("Germany sent tanks.")[0] == "AID"
    assert model.classify("Jets bombed the town.")[0] == "ASSAULT"
    assert model.probabilities("Nothing known here.") == {"AID": 0.5, "ASSAULT": 0.5}


def _classifier_folder(tmp_path) -> Path:
    folder = tmp_path / "clf"
    folder.mkdir()
    (folder / "model.json").write_text(json.dumps(TINY), "utf-8")
    (folder / "folds.json").write_text(json.dumps({"models": {str(k): TINY for k in range(1, 6)}}), "utf-8")
    return folder


def test_fold_models_are_read_from_the_folder_the_script_writes(tmp_path):
    assert fold_models(None) == {} and fold_models(tmp_path) == {}
    assert sorted(fold_models(_classifier_folder(tmp_path))) == [0, 1, 2, 3, 4, 5]


def test_combination_uses_the_classifier_only_without_an_event_or_on_an_ambiguous_trigger():
    assert combine(None, ("AID", 0.2)) == "AID"
    assert combine("ASSAULT", ("AID", 0.99)) == "ASSAULT"
    assert combine("ASSAULT", ("AID", 0.9), ambiguous=True) == "AID"
    assert combine("ASSAULT", ("AID", 0.3), ambiguous=True) == "ASSAULT"


GOLD = {t: {"DEMAND": "REQUEST", "FIGHT": "ASSAULT"}.get(e, e) for t, e in SENTENCES}


class FoldOracle:
    """A stand-in model that is right exactly on the records of one fold, so a score shows which was used."""

    def __init__(self, fold):
        self.fold = fold

    def classify(self, text):
        return (GOLD[text] if fold_of(text) == self.fold else "WRONG"), 0.9


def write(tmp_path):
    path = tmp_path / "gsr.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "event": e, "text": t}) for i, (t, e) in
                              enumerate(SENTENCES)), "utf-8")
    return path


def test_held_out_records_are_scored_by_the_model_of_their_own_fold(tmp_path):
    models = {k: FoldOracle(k) for k in range(6)}
    report = score_plover_folds(write(tmp_path), lambda text: [], 5, models)
    assert report["rules"]["in_sample"] == 0.0 and sum(report["fold_sizes"].values()) == len(SENTENCES)
    held = report["fallback"]
    assert held["test_fold"] == 1.0 and held["fold_mean"] == 1.0
    share = sum(fold_of(t) == 0 for t in GOLD) / len(GOLD)
    assert held["in_sample"] == round(share, 4)  # in-sample uses the shipped model (0) on every record


def test_without_fold_models_only_the_rules_are_scored(tmp_path):
    report = score_plover_folds(write(tmp_path), lambda text: [event("AID")], 5, {})
    assert "note" in report and "fallback" not in report
    assert report["rules"]["in_sample"] == round(sum(g == "AID" for g in GOLD.values()) / len(GOLD), 4)


def test_eval_plover_folds_prints_held_out_numbers_on_a_small_file(tmp_path):
    from claimgraph.cli import cli

    args = ["eval", "plover", str(write(tmp_path)), "--folds", "5", "--json"]
    result = CliRunner().invoke(cli, args + ["--classifier", str(_classifier_folder(tmp_path))])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["records"] == len(SENTENCES) and report["folds"] == 5
    for variant in ("rules", "fallback", "classifier_alone"):
        assert {"in_sample", "fold_mean", "test_fold", "fold_1"} <= set(report[variant])
    assert report["rules"]["test_fold"] is not None  # the fixture has a test-fold record


def test_dev_set_fold_report_keeps_a_fixed_test_fold():
    from claimgraph.evaluate import evaluate_plover

    report = evaluate_plover(shared_path("eval", "dev", "plover_gsr", "plover_gsr_dev.jsonl"), folds=5)
    assert report["fold_sizes"][0] == 27 and sum(report["fold_sizes"].values()) == 164
    assert report["rules"]["test_fold"] >= 0.6 and report["rules"]["fold_mean"] >= 0.75
