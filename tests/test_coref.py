"""Coreference scores and the MEANTIME reader."""

import pytest
from conftest import shared_path

from claimgraph.evaluate._coref import coreference_scores


def test_perfect_clustering_scores_one_and_lumping_scores_less():
    gold = {1: "a", 2: "a", 3: "b", 4: "c"}
    perfect = coreference_scores(gold, {1: "x", 2: "x", 3: "y", 4: "z"})
    assert perfect["muc_f1"] == perfect["bcubed_f1"] == perfect["ceaf_e_f1"] == perfect["conll_f1"] == 1.0
    lumped = coreference_scores(gold, {1: "x", 2: "x", 3: "x", 4: "x"})
    assert lumped["muc_r"] == 1.0 and lumped["muc_p"] == pytest.approx(1 / 3, abs=0.001)
    assert lumped["bcubed_p"] == pytest.approx((2 * 0.5 + 0.25 + 0.25) / 4, abs=0.001)
    split = coreference_scores(gold, {1: "x", 2: "y", 3: "z", 4: "w"})
    assert split["muc_f1"] == 0.0 and split["bcubed_p"] == 1.0 and split["bcubed_r"] == 0.75


def test_meantime_articles_give_text_date_and_mentions_with_instances():
    from claimgraph.evaluate._meantime import read_article

    folder = shared_path("eval", "dev", "meantime_en", "intra_cross-doc_annotation", "corpus_airbus")
    document, mentions = read_article(sorted(folder.glob("*.xml"))[0])
    assert document.date == "2008-03-01" and document.text.startswith("Northrop Grumman and Airbus")
    assert mentions and all(document.text[m.start:m.end].split()[0].lower().startswith(m.lemma[:3].lower())
                            or m.lemma == "" for m in mentions[:5])
