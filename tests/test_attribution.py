"""Attribution finding: who said what, with which cue, through which outlets.

Every sentence here was written for these tests. Tests that read ../shared skip when it is absent.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract.attribution import ALGORITHM, find_attributions, outlet_pattern


@pytest.fixture(scope="module")
def attributions(nlp):
    def run(text: str, outlet: str | None = None):
        return find_attributions(nlp(text), outlet=outlet)

    return run


def only(found):
    assert len(found) == 1, [(a.speaker.name, a.cue.text, a.content.text) for a in found]
    return found[0]


def test_fronted_content_then_speaker_and_cue(attributions):
    a = only(attributions("The convoy crossed the river at dawn, Harlan Voss said."))
    assert (a.speaker.name, a.cue.text, a.content.text) == (
        "Harlan Voss",
        "said",
        "The convoy crossed the river at dawn",
    )
    assert a.id == "a1" and a.outlet_chain == []


def test_speaker_cue_then_that_clause(attributions):
    a = only(attributions("Voss said that the depot had been emptied before the inspectors arrived."))
    assert a.speaker.name == "Voss" and a.cue.text == "said"
    assert a.content.text == "that the depot had been emptied before the inspectors arrived"


def test_news_lead_where_the_parser_leaves_the_cue_without_a_subject(attributions):
    text = (
        "Minsk quietly moved fuel trucks to a depot run by the Eastfield Group, a logistics firm based in "
        "Belarus, Defense Ministry spokesperson Anna Petrova told reporters on Monday."
    )
    a = only(attributions(text))
    assert a.speaker.name == "Anna Petrova"
    assert text[a.speaker.start : a.speaker.end] == "Anna Petrova"  # the name, not the title before it
    assert a.cue.text == "told reporters"  # a generic addressee stays in the cue
    assert a.content.text.startswith("Minsk quietly moved fuel trucks")
    assert "Petrova" not in a.content.text and a.outlet_chain == []


def test_added_after_the_content(attributions):
    a = only(attributions("The trucks will return to their base within a week, Petrova added."))
    assert (a.speaker.name, a.cue.text) == ("Petrova", "added")
    assert a.content.text == "The trucks will return to their base within a week"


def test_according_to_an_outlet_with_a_clause_about_it(attributions):
    a = only(attributions("The depot was emptied in October, according to Reuters, which broke the story first."))
    assert (a.speaker.name, a.cue.text) == ("Reuters", "according to")
    assert a.content.text == "The depot was emptied in October"
    assert a.outlet_chain == ["Reuters"]


def test_reporter_of_an_outlet_reports(attributions):
    text = "The ministry quietly extended the contract last spring, Bloomberg's Tom Archer reports."
    a = only(attributions(text))
    assert (a.speaker.name, a.cue.text) == ("Tom Archer", "reports")
    assert a.content.text == "The ministry quietly extended the contract last spring"
    assert a.outlet_chain == ["Bloomberg"]


def test_described_source_told_an_outlet(attributions):
    a = only(attributions("A diplomat told CNN last week the talks had collapsed."))
    assert (a.speaker.name, a.cue.text, a.content.text) == ("A diplomat", "told", "the talks had collapsed")
    assert a.outlet_chain == ["CNN"]


def test_outlet_chain_runs_from_the_speaker_outwards(attributions):
    found = attributions("A diplomat told CNN the talks had collapsed, according to Reuters.")
    by_cue = {a.cue.text: a for a in found}
    assert by_cue["told"].outlet_chain == ["CNN", "Reuters"]
    assert by_cue["according to"].outlet_chain == ["Reuters"]
    assert [a.id for a in found] == ["a1", "a2"] and found[0].cue.start < found[1].cue.start


def test_the_documents_own_outlet_counts_as_an_outlet(attributions):
    a = only(attributions("A diplomat told the Harbour Ledger that the talks had collapsed.", outlet="Harbour Ledger"))
    assert a.outlet_chain == ["Harbour Ledger"]


def test_said_in_a_statement(attributions):
    a = only(attributions("The ministry said in a statement that the exercise was routine."))
    assert (a.speaker.name, a.cue.text) == ("The ministry", "said in a statement")
    assert a.content.text == "that the exercise was routine"


def test_quotation_the_parser_split_into_two_sentences(attributions):
    a = only(attributions("“We will not allow this. The shipments must stop now,” Voss said."))
    assert a.content.text == "“We will not allow this. The shipments must stop now,”"


def test_quotation_after_a_colon(attributions):
    a = only(attributions("The governor added: “We are ready for anything.”"))
    assert (a.speaker.name, a.cue.text, a.content.text) == ("The governor", "added", "“We are ready for anything.”")


def test_inverted_speaker_after_a_quotation(attributions):
    a = only(attributions("“The road is open again,” said Harlan Voss, a regional governor."))
    assert (a.speaker.name, a.content.text) == ("Harlan Voss", "“The road is open again,”")


def test_unbalanced_quote_marks_stay_inside_the_sentence(attributions):
    text = "“The talks failed,” he said. “Nobody expected more."
    a = only(attributions(text))
    assert a.content.text == "“The talks failed,”" and a.content.end <= text.index(". “") + 1


def test_pronoun_keeps_its_span_and_takes_the_nearest_person_as_name(attributions):
    text = "Anna Petrova visited the depot on Monday. “Harlan Voss lied to us,” she said."
    a = only(attributions(text))
    assert text[a.speaker.start : a.speaker.end] == "she"
    assert a.speaker.name == "Anna Petrova"  # not Harlan Voss, who is inside the quotation


def test_sourceless_hedges_are_not_attributions(attributions):
    assert (
        attributions("Trucks were reportedly seen near the border. It was reported that the convoy turned back.") == []
    )


def test_passive_report_with_an_agent(attributions):
    a = only(attributions("It was reported by Reuters that the convoy turned back."))
    assert (a.speaker.name, a.cue.text, a.content.text) == ("Reuters", "reported", "that the convoy turned back")


def test_stance_holder_is_the_speaker(attributions):
    a = only(attributions("Officials are reportedly worried that the convoy will return."))
    assert (a.speaker.name, a.cue.text, a.content.text) == ("Officials", "worried", "that the convoy will return")


def test_only_the_outermost_report_is_kept(attributions):
    a = only(attributions("Voss said the ministry believes the depot is empty."))
    assert a.speaker.name == "Voss" and a.content.text == "the ministry believes the depot is empty"


def test_first_person_inside_a_quotation_is_not_a_speaker(attributions):
    a = only(attributions("“I think the talks will fail,” Voss said."))
    assert a.speaker.name == "Voss"


def test_possessive_noun_cue_and_headline_colon(attributions):
    a = only(attributions("Voss’s call for a ceasefire was rejected by the council."))
    assert (a.speaker.name, a.cue.text, a.content.text) == ("Voss", "call for", "a ceasefire")
    b = only(attributions("Petrova: The depot is empty and the trucks have left."))
    assert (b.speaker.name, b.cue.text) == ("Petrova", ":")


def test_spans_match_the_text_and_the_algorithm_is_versioned(attributions):
    text = "Voss said the road was closed. “It will reopen soon,” Petrova told reporters, according to Reuters."
    for a in attributions(text):
        for span in (a.cue, a.content):
            assert text[span.start : span.end] == span.text
        assert 0 <= a.speaker.start < a.speaker.end <= len(text)
    assert re.fullmatch(r"attribution\.[a-z-]+/[0-9]+", ALGORITHM)


def test_outlet_names_match_whole_words_with_their_case():
    pattern = outlet_pattern(("AP", "state media"))
    assert pattern.search("an AP reporter") and pattern.search("State media said")
    assert not pattern.search("a map of the gap") and not pattern.search("APEC")


def test_empty_and_unparsed_documents(nlp):
    assert find_attributions(nlp("")) == []
    assert find_attributions(nlp.make_doc("Voss said the road was closed.")) == []


_WORDS = st.sampled_from(
    ["said", "told", "reporters", "according", "to", "Reuters", "he", "she", "who", "Voss", "“", "”", '"', "'",
     ":", ",", ".", "\n\n", "that", "the", "ministry", "reports", "added", "in", "a", "statement", "call", "for"]
)  # fmt: skip
_TEXT = st.one_of(st.text(max_size=120), st.lists(_WORDS, max_size=40).map(" ".join))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT)
def test_any_text_gives_spans_in_bounds(nlp, text):
    found = find_attributions(nlp(text))
    for number, a in enumerate(found, start=1):
        assert a.id == f"a{number}"
        for span in (a.cue, a.content):
            assert 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text
        assert 0 <= a.speaker.start < a.speaker.end <= len(text) and a.speaker.name
    assert [a.cue.start for a in found] == sorted(a.cue.start for a in found)


def test_seed_attributions(attributions):
    from conftest import shared_path

    directory = shared_path("eval", "dev", "seed")
    text = next(directory.glob("*.txt")).read_text(encoding="utf-8")
    text = text.split(" ", 3)[3] if text.startswith(" date ") else text  # the seed header: " date YYYY-MM-DD "
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))["attributions"]
    found = attributions(text)
    right = [g for g in gold if any(_agrees(g, a) for a in found)]
    assert len(right) >= 8, [g for g in gold if g not in right]


def _agrees(gold: dict, found) -> bool:
    names = {found.speaker.name, f"John {found.speaker.name}"}  # "Kirby" is John Kirby
    outlet = gold.get("outlet")
    return (
        gold["speaker"] in names
        and found.cue.text.startswith(gold["cue"])
        and gold["content_contains"] in found.content.text
        and (outlet is None or outlet in found.outlet_chain)
    )


def test_the_one_quoted_as_saying_speaks(nlp):
    from claimgraph.extract.attribution import find_attributions

    doc = nlp("Ukrainian forces have left the town, spokesman Taras Bondar was quoted as saying on Wednesday.")
    (found,) = find_attributions(doc, None)
    assert found.speaker.name == "Taras Bondar"
    assert found.content.text.startswith("Ukrainian forces have left the town")
