"""The PolNeAR scorer, on a small brat example written for the test (and on the dev split when present)."""

from __future__ import annotations

import pytest

from claimgraph.errors import EvaluationError
from claimgraph.evaluate._polnear import documents, read_brat, score_polnear, score_text
from claimgraph.model import Attribution, Span, Speaker

TEXT = (
    "The mayor said the bridge will reopen. According to the agency, traffic fell sharply. "
    '"It was chaos," a driver said. "Never again." Buses were reportedly rerouted.'
)


def _at(part: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(part, after)
    return start, start + len(part)


def _t(number: int, kind: str, *parts: str) -> str:
    spans = [_at(p, TEXT.index("a driver") if p == "said" and number > 8 else 0) for p in parts]
    ranges = ";".join(f"{s} {e}" for s, e in spans)
    return f"T{number}\t{kind} {ranges}\t{' '.join(parts)}"


ANN = "\n".join(
    [
        _t(1, "Source", "The mayor"),
        _t(2, "Cue", "said"),
        _t(3, "Content", "the bridge will reopen"),
        _t(4, "Attribution", "said"),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        _t(5, "Cue", "According to"),
        _t(6, "Source", "the agency"),
        _t(7, "Content", "traffic fell sharply"),
        _t(8, "Attribution", "According to"),
        "E2\tAttribution:T8 Cue:T5 Source:T6 Content:T7",
        _t(9, "Content", '"It was chaos,"', '"Never again."'),  # discontinuous: the cue sits between
        _t(10, "Cue", "said"),
        _t(11, "Source", "a driver"),
        _t(12, "Attribution", "said"),
        "E3\tAttribution:T12 Content:T9 Cue:T10 Source:T11",
        _t(13, "Cue", "reportedly"),
        _t(14, "Content", "Buses were"),
        _t(15, "Attribution-no-source", "reportedly"),
        "E4\tAttribution-no-source:T15 Cue:T13 Content:T14",
    ]
)


def _attribution(number: int, speaker: str, cue: str, content: str, after: int = 0) -> Attribution:
    def span(part: str) -> Span:
        start, end = _at(part, after)
        return Span(start, end, part)

    who = span(speaker)
    return Attribution(f"a{number}", Speaker(None, speaker, who.start, who.end), span(cue), span(content))


def _finder(text: str) -> list[Attribution]:
    assert text == TEXT
    driver = TEXT.index('"It was')
    return [
        _attribution(1, "The mayor", "said", "the bridge will reopen"),  # all exact
        _attribution(2, "agency", "According to", "traffic fell sharply."),  # speaker overlaps; "." is trimmed
        _attribution(3, "a driver", "said", '"It was chaos,"', after=driver),  # content: part of a split span
        _attribution(4, "bridge", "reopen", "traffic"),  # spurious everywhere
    ]


def test_brat_reader_keeps_roles_and_discontinuous_spans():
    gold = read_brat(ANN)
    assert len(gold) == 4
    assert gold[0].speaker == (_at("The mayor"),) and gold[0].cue == (_at("said"),)
    assert len(gold[2].content) == 2 and gold[2].content[1] == _at('"Never again."')
    assert gold[3].speaker is None and gold[3].cue == (_at("reportedly"),)


def test_reader_ignores_lines_it_does_not_know_and_continued_text():
    gold = read_brat(ANN + "\n#1\tAnnotatorNotes T1\tnote\nsecond line of a span text\nA1\tNegated E1\n")
    assert len(gold) == 4


def test_scores_each_role_exact_and_overlap():
    report = score_text(TEXT, ANN, _finder)
    counts = report["counts"]
    assert (counts["gold"], counts["system"]) == (4, 4)
    assert (counts["speaker.gold"], counts["speaker.exact"], counts["speaker.overlap"]) == (3, 2, 3)
    assert (counts["cue.gold"], counts["cue.exact"], counts["cue.overlap"]) == (4, 3, 3)
    assert (counts["content.gold"], counts["content.exact"], counts["content.overlap"]) == (4, 2, 3)
    assert report["speaker"]["overlap"] == {"precision": 0.75, "recall": 1.0, "f1": 0.8571}
    assert report["content"]["exact"]["precision"] == 0.5
    assert report["attribution"]["overlap"]["f1"] == 0.75


def test_errors_name_what_was_missed_and_what_was_spurious():
    report = score_text(TEXT, ANN, _finder)
    missed = {(e["role"], e["text"]) for e in report["examples"]["missed"]}
    spurious = {(e["role"], e["text"]) for e in report["examples"]["spurious"]}
    assert ("cue", "reportedly") in missed and ("content", "Buses were") in missed
    assert ("speaker", "bridge") in spurious and ("cue", "reopen") in spurious
    assert report["frequent_errors"]["spurious_cues"] == [{"cue": "reopen", "count": 1}]


def test_a_split_directory_uses_the_first_annotator_of_each_document(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc-one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc-one_b2.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "doc-one_a1.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "no-text_a1.ann").write_text(ANN, encoding="utf-8")
    assert [(name, ann.name) for name, _, ann in documents(tmp_path)] == [("doc-one", "doc-one_a1.ann")]
    report = score_polnear(tmp_path, _finder)
    assert report["documents"] == 1 and report["counts"]["gold"] == 4
    assert report["annotation_sets"] == {"doc-one": "doc-one_a1.ann"}


def test_not_a_polnear_split(tmp_path):
    with pytest.raises(EvaluationError):
        score_polnear(tmp_path, _finder)


@pytest.mark.slow
def test_dev_split_speaker_overlap(nlp):
    from conftest import shared_path

    from claimgraph.extract.attribution import find_attributions

    report = score_polnear(shared_path("eval", "dev", "polnear", "dev"), lambda text: find_attributions(nlp(text)))
    assert report["documents"] == 84
    assert report["speaker"]["overlap"]["f1"] >= 0.70, report["speaker"]
    assert report["cue"]["overlap"]["f1"] >= 0.65 and report["content"]["overlap"]["f1"] >= 0.65
