"""The TimeML reader and the TempEval-3 style scorer, on a small document written for the test."""

from __future__ import annotations

import pytest

from claimgraph.errors import EvaluationError
from claimgraph.evaluate._timeml import canonical_value, parse_timeml, read_timeml, score_text, score_timeml
from claimgraph.model import Timex

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test-1</DOCID>
<DCT><TIMEX3 tid="t0" value="2001-03-09" functionInDocument="CREATION_TIME">March 9, 2001</TIMEX3></DCT>
<TEXT>
The mayor <EVENT eid="e1">said</EVENT> <TIMEX3 type="DATE" value="2001-03-08">Thursday</TIMEX3> that \
the bridge, shut for <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>, reopens \
<TIMEX3 tid="t3" type="DATE" value="2001-04">next month</TIMEX3> &amp; stays open \
<TIMEX3 tid="t4" type="SET" value="P1D">daily</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_gives_plain_text_document_date_and_gold_offsets():
    text, dct, gold = parse_timeml(TIMEML)
    assert dct == "2001-03-09"
    assert [g.text for g in gold] == ["Thursday", "three months", "next month", "daily"]
    assert all(text[g.start : g.end] == g.text for g in gold)
    assert "&" in text and "<EVENT" not in text and "March 9, 2001" not in text
    assert [(g.type, g.value) for g in gold][1] == ("DURATION", "P3M")


def test_read_timeml_from_a_file(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TIMEML, encoding="utf-8")
    assert read_timeml(path) == parse_timeml(TIMEML)


def _tagger_with(answers):
    """A tagger that finds each (surface text, type, value) at its first occurrence."""

    def tag(text, dct):
        found = []
        for surface, kind, value in answers:
            start = text.index(surface)
            found.append(Timex(surface, start, start + len(surface), kind, value))
        return found

    return tag


def test_scores_strict_relaxed_and_attribute_matches():
    text, dct, gold = parse_timeml(TIMEML)
    tagger = _tagger_with(
        [
            ("Thursday", "DATE", "2001-03-08"),  # exact
            ("for three months", "DURATION", "P3M"),  # relaxed only, right value
            ("next month", "DATE", "2001-05"),  # exact span, wrong value
            ("bridge", "DATE", "XXXX"),  # spurious
        ]
    )  # "daily" is missed
    report = score_text(text, dct, gold, tagger)
    assert report["counts"] == {"gold": 4, "system": 4, "strict": 2, "relaxed": 3, "type": 3, "value": 2}
    assert report["strict"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report["relaxed"]["f1"] == 0.75
    assert report["value"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report["type_accuracy"] == 1.0 and report["value_accuracy"] == pytest.approx(2 / 3)
    kinds = sorted(e["kind"] for e in report["errors"])
    assert kinds == ["missed", "spurious", "value"]
    assert report["worst_errors"][0]["count"] == 1


def test_a_system_span_overlapping_two_gold_spans_matches_only_one():
    text, dct, gold = parse_timeml(TIMEML)
    wide = text.index("Thursday")
    span = text[wide : text.index("months") + len("months")]
    tagger = lambda t, d: [Timex(span, wide, wide + len(span), "DATE", "2001-03-08")]  # noqa: E731
    assert score_text(text, dct, gold, tagger)["counts"]["relaxed"] == 1


def test_week_numbers_are_compared_in_one_spelling():
    assert canonical_value("2000-W7") == canonical_value("2000-W07") == "2000-W07"
    assert canonical_value("2000-W7-WE") == "2000-W07-WE"
    assert canonical_value("1998-W12") == "1998-W12"


def test_score_timeml_reads_every_file_below_a_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.tml").write_text(TIMEML, encoding="utf-8")
    (tmp_path / "two.tml").write_text(TIMEML, encoding="utf-8")
    report = score_timeml(tmp_path, lambda text, dct: [])
    assert report["documents"] == 2
    assert report["counts"]["gold"] == 8 and report["relaxed"]["recall"] == 0.0


def test_the_real_tagger_on_the_small_document():
    from claimgraph.extract.timex import find_timexes

    text, dct, gold = parse_timeml(TIMEML)
    report = score_text(text, dct, gold, find_timexes)
    assert report["value"]["f1"] == 1.0, report["errors"]


def test_errors_are_reported_with_a_code(tmp_path):
    with pytest.raises(EvaluationError):
        score_timeml(tmp_path, lambda text, dct: [])
    broken = tmp_path / "broken.tml"
    broken.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(EvaluationError):
        read_timeml(broken)


def test_tempeval3_training_set_value_f1():
    from conftest import shared_path

    from claimgraph.extract.timex import find_timexes

    report = score_timeml(shared_path("eval", "dev", "tempeval3_tbaq"), find_timexes)
    assert report["documents"] == 256
    assert report["value"]["f1"] >= 0.78, {k: report[k] for k in ("strict", "relaxed", "value")}
    assert report["relaxed"]["f1"] >= 0.90
