"""Scoring claims on news clusters: a small cluster written for these tests, scored by hand."""

from __future__ import annotations

import copy
import json
import subprocess

import pytest
from click.testing import CliRunner
from conftest import shared_path

from claimgraph.cli import cli
from claimgraph.errors import EvaluationError
from claimgraph.evaluate import score_claims
from claimgraph.evaluate._news import as_fractions, evaluate_cluster, find_clusters, gold_claims

# Two short reports written for these tests (an invented episode, not taken from any article).
REPORTS = [
    {"id": "r1", "date": "2024-03-04", "outlet": "Harbour Gazette", "url": None,
     "text": "Norway delivered air-defence missiles to Estonia last week, the Estonian Ministry of Defence said on "
             "Monday. Officials of the two countries met in Tallinn to discuss further deliveries."},
    {"id": "r2", "date": "2024-03-05", "outlet": "Northern Ledger", "url": None,
     "text": "Norway has not sent any missiles to Estonia, Norwegian government spokesman Jonas Berg said on "
             "Tuesday. Estonia said Russia had threatened to retaliate against it."},
]

GOLD = {"clusters": [{"id": "fjord", "reports": [{"file": "r1"}, {"file": "r2"}], "events": [
    {"key": "delivery", "type": "AID", "alt_types": ["COOPERATE"], "actor": ["Norway"], "recipient": ["Estonia"],
     "salience": "core", "claims": [
         {"file": "r1", "speaker": "Estonian Ministry of Defence", "status": "asserted"},
         {"file": "r1", "speaker": "Harbour Gazette", "status": "reported"},
         {"file": "r2", "speaker": "Jonas Berg (Norwegian government spokesman)", "status": "denied"},
         {"file": "r2", "speaker": "Northern Ledger", "status": "reported"}]},
    {"key": "threat", "type": "THREATEN", "alt_types": ["COERCE"], "actor": ["Russia"], "recipient": ["Estonia"],
     "salience": "core", "claims": [{"file": "r2", "speaker": "Tallinn", "status": "asserted"}]},
    {"key": "talks", "type": "CONSULT", "actor": ["Estonia"], "recipient": ["Norway"], "salience": "secondary",
     "claims": [{"file": "r1", "speaker": "Harbour Gazette", "status": "asserted"}]},
]}]}


def person(name, entity=None):
    return {"entity": entity, "name": name, "start": 0, "end": len(name)}


# A hand-made reading: r1 in the newer form (claims on the event), r2 in the older (status + attributions).
SYSTEM = [
    {"id": "r1", "entities": [{"id": "Q20", "name": "Norway", "aliases": ["Oslo"]}], "attributions": [],
     "events": [{"type": "AID", "actor": [person("Norway", "Q20")], "recipient": [person("Estonia")],
                 "status": "asserted", "attributions": [],
                 "claims": [{"speaker": person("Estonian Ministry of Defence"), "status": "asserted"},
                            {"speaker": person("Harbour Gazette"), "status": "asserted"}]}]},
    {"id": "r2", "entities": [{"id": "Q191", "name": "Estonia", "aliases": ["Tallinn"]}],
     "attributions": [{"id": "a1", "speaker": person("Jonas Berg")}, {"id": "a2", "speaker": person("Estonia")}],
     "events": [{"type": "AID", "actor": [person("Norway")], "recipient": [person("Estonia", "Q191")],
                 "status": "denied", "attributions": ["a1"]},
                {"type": "coerce", "actor": [person("Russian Federation")], "recipient": [person("Estonia")],
                 "status": "alleged", "attributions": ["a2"]}]},
]


def counts(**hits):
    return {"claims": 0, "reports_with_no_output": 0, "event_found": 0, "status_strict": 0, "status_lenient": 0,
            "speaker": 0, "speaker_and_status": 0, **hits}


def test_core_claims_scored_by_hand():
    # delivery/r1 MoD: all; r1 Gazette "reported" vs asserted: lenient only; r2 Berg denied: all;
    # r2 Ledger: event only; threat/r2 Tallinn (= Estonia's alias) said "alleged": event and speaker.
    assert score_claims(GOLD, SYSTEM) == counts(claims=5, event_found=5, status_strict=2, status_lenient=3,
                                                speaker=4, speaker_and_status=3)


def test_all_adds_the_secondary_event():
    assert score_claims(GOLD, SYSTEM, everything=True) == counts(claims=6, event_found=5, status_strict=2,
                                                                 status_lenient=3, speaker=4, speaker_and_status=3)


def test_a_report_with_no_output_misses_its_claims():
    assert score_claims(GOLD, SYSTEM[:1]) == counts(claims=5, reports_with_no_output=3, event_found=2,
                                                    status_strict=1, status_lenient=2, speaker=2,
                                                    speaker_and_status=2)


def test_a_wrong_recipient_loses_the_event():
    system = copy.deepcopy(SYSTEM)
    system[0]["events"][0]["recipient"] = [person("Latvia")]
    assert score_claims(GOLD, system)["event_found"] == 3


def test_fractions_are_over_the_claims():
    fractions = as_fractions(counts(claims=5, event_found=5, status_strict=2, status_lenient=3, speaker=4))
    assert fractions["claims"] == 5 and fractions["event_found"] == 1.0 and fractions["status_strict"] == 0.4
    assert as_fractions(counts())["speaker"] == 0.0


def test_malformed_gold_names_the_file():
    with pytest.raises(EvaluationError, match="x.gold.json"):
        gold_claims({"clusters": [{"events": [{"type": "AID", "salience": "core"}]}]}, where="x.gold.json")


def write_cluster(folder):
    folder.mkdir()
    (folder / "fjord.gold.json").write_text(json.dumps(GOLD), "utf-8")
    (folder / "fjord.reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in REPORTS), "utf-8")
    return folder


def test_a_gold_file_needs_its_reports(tmp_path):
    (tmp_path / "lone.gold.json").write_text(json.dumps(GOLD), "utf-8")
    with pytest.raises(EvaluationError, match="lone.reports.jsonl"):
        find_clusters(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(EvaluationError, match="gold.json"):
        find_clusters(tmp_path / "empty")


def test_the_command_runs_the_pipeline_and_dumps_what_it_scored(nlp, tmp_path):
    folder = write_cluster(tmp_path / "clusters")
    result = CliRunner().invoke(cli, ["eval", "news", str(folder), "--json", "--dump", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    dumped = [json.loads(line) for line in (tmp_path / "out" / "fjord.jsonl").read_text("utf-8").splitlines()]
    assert [d["id"] for d in dumped] == ["r1", "r2"]
    merged = report["clusters"]["fjord"].pop("merged")
    assert report["clusters"]["fjord"] == as_fractions(score_claims(GOLD, dumped)) == report["overall"]
    assert set(merged) >= {"bcubed_f1", "pairwise_f1"} and 0.0 <= merged["bcubed_f1"] <= 1.0
    assert report["overall"]["claims"] == 5 and report["overall"]["reports_with_no_output"] == 0.0
    text = CliRunner().invoke(cli, ["eval", "news", str(folder), "--all"]).stdout
    assert "claims: 6" in text and "overall:" in text


@pytest.mark.slow
def test_agrees_with_the_sets_own_scorer(pipeline, tmp_path):
    folder = shared_path("eval", "dev", "news_clusters")
    name = "G_soledar_2023-01"
    gold, dump = folder / f"{name}.gold.json", tmp_path / f"{name}.jsonl"
    in_process, merged = evaluate_cluster(gold, folder / f"{name}.reports.jsonl", pipeline, everything=True,
                                          dump=dump)
    system = [json.loads(line) for line in dump.read_text("utf-8").splitlines()]
    for flags, everything in (([], False), (["--all"], True)):
        run = subprocess.run(["python3", str(folder / "score.py"), "claims", str(gold), str(dump), *flags],
                             capture_output=True, text=True, check=True)
        theirs = json.loads(run.stdout.splitlines()[0])
        theirs["reports_with_no_output"] = theirs.pop("reports_missing")
        assert score_claims(json.loads(gold.read_text("utf-8")), system, everything) == theirs, flags
    assert in_process == theirs  # what the run scored is what it dumped
    events = dump.with_suffix(".events.json")
    run = subprocess.run(["python3", str(folder / "score.py"), "merged", str(gold), str(events)],
                         capture_output=True, text=True, check=True)
    f1 = float(run.stdout.split("F1 ")[1].split()[0])
    assert abs(merged["bcubed_f1"] - f1) <= 0.001  # the merging figure is the set's own scorer's
