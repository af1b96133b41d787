"""Issue 8, the evaluations: a gold file of another shape is a CG500 that names it, never an uncoded error."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli


def _seed(root):
    (root / "gold.json").write_text(json.dumps({"document": {"file": "r.txt"}}))
    (root / "r.txt").write_text("Mali troops attacked rebels on Monday.")
    return root, root / "gold.json"


def _news(root):
    (root / "c.gold.json").write_text(json.dumps({"clusters": [{"events": [1]}]}))
    (root / "c.reports.jsonl").write_text(json.dumps({"id": "n1", "date": "2022-12-20", "text": "Mali left."}) + "\n")
    return root, root / "c.gold.json"


def _polnear(root):
    (root / "text").mkdir()
    (root / "attributions").mkdir()
    (root / "text" / "b.txt").write_text("Mali said so.")
    (root / "attributions" / "b_x.ann").write_text("T1\tSource 0\tMali\nE1\tSource:T1\n")  # one offset, not two
    return root, root / "attributions" / "b_x.ann"


def _meantime(root):
    topic = root / "intra_cross-doc_annotation" / "corpus_a"
    topic.mkdir(parents=True)
    (topic / "a.xml").write_text(
        '<Document doc_name="a"><token t_id="1" sentence="0">Troops</token><Markables><EVENT_MENTION m_id="m1">'
        '<token_anchor t_id="99"/></EVENT_MENTION><EVENT m_id="e1" instance_id="i1"/></Markables><Relations>'
        '<REFERS_TO><source m_id="m1"/><target m_id="e1"/></REFERS_TO></Relations></Document>')
    return root, topic / "a.xml"


def _plover(root):
    path = root / "gsr.jsonl"
    path.write_text('{"id": 1' + "0" * 5000 + ', "text": "a", "event": "ASSAULT"}\n')
    return path, path


@pytest.mark.parametrize(("command", "make"), [("seed", _seed), ("news", _news), ("attribution", _polnear),
                                               ("meantime", _meantime), ("plover", _plover)])
def test_a_gold_file_of_another_shape_is_a_cg500_naming_it(tmp_path, command, make):
    given, named = make(tmp_path)
    result = CliRunner().invoke(cli, ["eval", command, str(given)])
    assert result.exit_code == 1 and "[CG500]" in result.output and "CG001" not in result.output, result.output
    assert str(named) in result.output
