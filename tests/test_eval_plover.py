"""Scoring against the PLOVER gold standard: reading records, choosing the main event, matching actors."""

from __future__ import annotations

import json

import pytest
from conftest import shared_path

from claimgraph.errors import EvaluationError
from claimgraph.evaluate._plover import main_event, plover_code, read_plover_gsr, score_plover
from claimgraph.model import Event, Span

# Records written for these tests, in the GSR's shape.
RECORDS = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "internal documentation"},
    {"id": "T-1", "event": "DEMAND", "text": "Chile demanded that Peru free the sailors.",
     "source": [{"actorText": "Chile", "code": "CHL"}], "target": [{"actorText": "Peru", "code": "PER"}]},
    {"id": "T-2", "event": "FIGHT", "text": "Rebels clashed with soldiers near the border.",
     "source": [{"actorText": "Rebels"}], "target": ""},
]


def event(kind, status="asserted", depth=0, start=0, actor=(), recipient=()):
    return Event(
        id="e1", type=kind, mode=None, actor=list(actor), recipient=list(recipient), status=status, time=None,
        evidence=Span(0, 1, "x"), roles={"trigger": {"start": start, "end": start + 1, "text": "x", "depth": depth}},
    )


def arg(name, start):
    return {"entity": None, "name": name, "start": start, "end": start + len(name)}


@pytest.fixture
def gsr_file(tmp_path):
    path = tmp_path / "gsr.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS), "utf-8")
    return path


def test_reading_skips_documentation_and_maps_old_type_names(gsr_file):
    records = read_plover_gsr(gsr_file)
    assert [r["type"] for r in records] == ["REQUEST", "ASSAULT"]
    assert records[0]["sources"] == [{"text": "Chile", "code": "CHL"}] and records[1]["targets"] == []


def test_unreadable_file_is_an_evaluation_error(tmp_path):
    with pytest.raises(EvaluationError):
        read_plover_gsr(tmp_path / "missing.jsonl")


@pytest.mark.parametrize("source", [["RUS"], [{"actorText": "Russia", "code": 643}], [None, 5],
                                    [{"actorText": ["Russia"]}], {"actorText": "Russia"}, "Russia"])
def test_actors_of_another_shape_code_nothing_rather_than_fail(tmp_path, source):
    path = tmp_path / "gsr.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Russia attacked Kyiv.", "event": "ASSAULT", "source": source}))
    (record,) = read_plover_gsr(path)
    assert all(isinstance(a["text"], str) and isinstance(a["code"], (str, type(None))) for a in record["sources"])


def test_main_event_is_the_shallowest_then_realis_then_first():
    deep, root = event("AID", depth=2, start=0), event("THREATEN", depth=0, start=30)
    assert main_event([deep, root]) is root
    planned, done = event("AID", "planned", depth=1), event("ASSAULT", depth=1, start=40)
    assert main_event([planned, done]) is done
    assert main_event([]) is None


def test_plover_coding_of_intentions_and_refusals():
    assert plover_code(event("AID", "planned")) == "AGREE"
    assert plover_code(event("ASSAULT", "planned")) == "THREATEN"
    assert plover_code(event("AGREE", "negated")) == "REJECT"
    assert plover_code(event("SANCTION", "planned")) == "THREATEN"
    assert plover_code(event("AID", "asserted")) == "AID"
    assert plover_code(event("REQUEST", "planned")) == "REQUEST"


class FakeGazetteer:
    """Just enough of the gazetteer: names -> CAMEO codes."""

    class Entry:
        def __init__(self, cameo):
            self.cameo = cameo

    def lookup(self, name):
        return {"Chile": self.Entry("CHL"), "Peru": self.Entry("PERGOV")}.get(name)


def test_scores_type_actor_text_and_code(gsr_file):
    def extractor(text):
        if text.startswith("Chile"):
            return [event("REQUEST", actor=[arg("Chile", 0)], recipient=[arg("Peru", 21)])]
        return [event("COERCE", actor=[arg("soldiers", 28)])]

    report = score_plover(gsr_file, extractor, gazetteer=FakeGazetteer())
    assert report["records"] == 2 and report["type_accuracy"] == 0.5
    assert report["actor_match_text"] == 0.5 and report["actor_match_code"] == 1.0
    assert report["recipient_match_code"] == 1.0
    assert report["confusion"]["ASSAULT"] == {"COERCE": 1}
    assert report["errors"][0]["id"] == "T-2"


def test_no_event_is_a_wrong_type_and_a_missed_actor(gsr_file):
    report = score_plover(gsr_file, lambda text: [], gazetteer=FakeGazetteer())
    assert report["type_accuracy"] == 0.0 and report["actor_match_text"] == 0.0
    assert report["confusion"]["REQUEST"] == {"NONE": 1}


def test_plover_gold_standard_dev_meets_the_acceptance_bar():
    from claimgraph.evaluate import evaluate_plover

    path = shared_path("eval", "dev", "plover_gsr", "plover_gsr_dev.jsonl")
    report = evaluate_plover(path)
    assert report["records"] == 164
    assert report["type_accuracy"] >= 0.75, report["confusion"]
    assert report["actor_match_text"] >= 0.70
