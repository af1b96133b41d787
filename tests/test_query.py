import pytest
from conftest import REPORT

from claimgraph.errors import NotFound
from claimgraph.model import Document
from claimgraph.query import entity_detail, list_entities, sentence_bounds
from claimgraph.store import Store


@pytest.fixture
def store(db, pipeline):
    with Store(db) as store:
        store.add(pipeline(Document(text=REPORT, date="2022-12-22", outlet="Harbor Post")))
        store.add(pipeline(Document(text="Kirby spoke again on Friday about Pyongyang.", date="2022-12-23")))
        yield store


def test_entity_found_by_alias_with_nearby_times(store):
    detail = entity_detail(store, "Kirby")
    assert detail.entity.name == "John Kirby" and detail.entity.documents == 2
    values = {near.timex.text: near.timex.value for near in detail.times}
    assert values["Thursday"] == "2022-12-22" and values["last month"] == "2022-11"


def test_unknown_entity_suggests_close_names(store):
    with pytest.raises(NotFound, match="Did you mean: North Korea"):
        entity_detail(store, "North Koreaa")


def test_entities_by_type(store):
    people = list_entities(store, type="person")
    assert people and all(e.type == "PERSON" for e in people)


def test_sentence_bounds():
    text = "One. Two words here! Three."
    assert text[slice(*sentence_bounds(text, 6))].strip() == "Two words here!"


def test_entity_detail_lists_the_events_it_takes_part_in(store):
    detail = entity_detail(store, "Pyongyang")
    assert any(e.event.type == "AID" and e.event.actor[0]["name"] == "North Korea" for e in detail.events)
