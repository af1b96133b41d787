"""The model as claimgraph loads it (attribute rules by lookup, products by NumPy) gives exactly spaCy's own annotations
(part of speech, morphology, lemma, parse, entities), and a rule the lookup cannot say keeps spaCy's Matcher."""

import json
from pathlib import Path

import pytest

from claimgraph.extract._attribute_rules import use_lookup
from claimgraph.extract._nlp import MODEL_NAME, UNUSED_COMPONENTS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples/corpus"
# Sentences that reach the exception rules: contractions, "y'all", "nothin'", auxiliaries, determiners as pronouns.
TRICKY = ("Y'all ain't seen nothin' yet, and I'd say that's what they'll do. Gonna go? "
          "Those were the days; that is all. He can't and she won't, but it's theirs, not ours.\n\n  Whose is it?")


@pytest.fixture(scope="module")
def stock():
    spacy = pytest.importorskip("spacy")
    return spacy.load(MODEL_NAME, exclude=list(UNUSED_COMPONENTS))


def _texts() -> list[str]:
    lines = (EXAMPLES / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    return [TRICKY] + [json.loads(line)["text"] for line in lines if line.strip()]


@pytest.fixture(scope="module")
def parsed(stock, nlp):
    """Each text as claimgraph's model reads it and as the stock model does, parsed once for every test here."""
    return [(nlp(text), stock(text)) for text in _texts()]


def test_the_pinned_models_rules_all_fit_the_lookup(stock):
    import spacy

    ruler = spacy.load(MODEL_NAME, exclude=list(UNUSED_COMPONENTS)).get_pipe("attribute_ruler")
    assert use_lookup(ruler)
    assert len(ruler.patterns) == len(stock.get_pipe("attribute_ruler").patterns)  # still answers what it holds


def test_lookup_annotations_are_spacys_own(parsed):
    for ours, theirs in parsed:
        assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_) for t in theirs]


def test_a_rule_the_lookup_cannot_say_keeps_spacys_matcher():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "can"}]], {"POS": "AUX"})
    ruler.add([[{"LENGTH": {">": 3}, "OP": "+"}]], {"POS": "NOUN"})
    matcher = ruler.matcher
    assert not use_lookup(ruler) and ruler.matcher is matcher
    assert [t.pos_ for t in nlp("can longer")] == ["AUX", "NOUN"]


def test_lookup_keeps_the_rules_order_later_wins():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "strike"}]], {"POS": "VERB"})
    ruler.add([[{"LOWER": {"IN": ["strike", "strikes"]}}, {"IS_SPACE": False}]], {"POS": "NOUN"}, index=0)
    ruler.add([[{"LOWER": {"REGEX": "^drone"}}]], {"POS": "PROPN"})
    assert use_lookup(ruler)
    assert [t.pos_ for t in nlp("strike drones strike")] == ["NOUN", "PROPN", "VERB"]


def test_the_numpy_products_give_the_stock_models_parse_and_entities(parsed, nlp):
    from claimgraph.extract._matmul_ops import MatmulOps

    assert isinstance(nlp.get_pipe("ner").model.ops, MatmulOps)
    for ours, theirs in parsed:
        assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in ours] == \
            [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in theirs]


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True), (True, True)])
def test_the_numpy_product_is_thincs(trans1, trans2):
    numpy = pytest.importorskip("numpy")
    from thinc.api import NumpyOps

    from claimgraph.extract._matmul_ops import MatmulOps

    rng = numpy.random.default_rng(7)
    x, y = rng.random((6, 6), dtype="float32"), rng.random((6, 6), dtype="float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert numpy.allclose(MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2), expected, rtol=1e-5)
    out = numpy.zeros_like(expected)
    assert MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.allclose(out, expected, rtol=1e-5)
