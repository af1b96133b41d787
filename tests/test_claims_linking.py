from claimgraph.model import Attribution, Entity, Event, Span, Speaker
from claimgraph.resolve import link_claims

TEXT = "Pyongyang sent shells to Moscow, Kirby said. Russia denied buying them."


def _entities():
    return [Entity("Q423", "North Korea", "GPE", "Q423", ["Pyongyang"], [(0, 9)]),
            Entity("Q159", "Russia", "GPE", "Q159", ["Moscow"], [(25, 31), (45, 51)]),
            Entity("cg:john-kirby", "John Kirby", "PERSON", None, ["Kirby"], [(33, 38)])]


def _event(eid, actor, recipient, evidence, trigger):
    return Event(eid, "AID", "military", [actor], [recipient] if recipient else [], "asserted", None,
                 Span(evidence[0], evidence[1], TEXT[evidence[0]:evidence[1]]), [],
                 {"trigger": {"start": trigger[0], "end": trigger[1], "text": TEXT[trigger[0]:trigger[1]]}})


def test_participants_speakers_and_sources_are_linked():
    said = Attribution("a1", Speaker(None, "Kirby", 33, 38), Span(39, 43, "said"), Span(0, 31, TEXT[:31]), [])
    carried = _event("e1", {"entity": None, "name": "Pyongyang", "start": 0, "end": 9},
                     {"entity": None, "name": "Moscow", "start": 25, "end": 31}, (0, 44), (10, 14))
    own = _event("e2", {"entity": None, "name": "Russia", "start": 45, "end": 51}, None, (45, 71), (52, 58))
    link_claims([carried, own], [said], _entities(), outlet="Harbor Post")
    assert said.speaker.entity == "cg:john-kirby" and said.speaker.name == "John Kirby"
    assert carried.actor[0] == {"entity": "Q423", "name": "North Korea", "start": 0, "end": 9}
    assert carried.recipient[0]["name"] == "Russia"
    assert carried.attributions == ["a1"] and "source" not in carried.roles
    assert own.attributions == [] and own.roles["source"]["outlet"] == "Harbor Post"


def test_unknown_participant_keeps_its_surface():
    event = _event("e1", {"entity": None, "name": "the rebels", "start": 52, "end": 58}, None, (45, 71), (52, 58))
    link_claims([event], [], _entities(), outlet=None)
    assert event.actor[0]["entity"] is None and event.actor[0]["name"] == "the rebels"


def test_a_description_is_not_the_country_it_names():
    text = "A US official told CNN the plan is on hold."
    us = Entity("Q30", "United States", "GPE", "Q30", ["US"], [(2, 4)])
    said = Attribution("a1", Speaker(None, "A US official", 0, 13), Span(14, 18, "told"), Span(23, 42, text[23:42]),
                       ["CNN"])
    link_claims([], [said], [us], outlet=None)
    assert said.speaker.entity is None and said.speaker.name == "A US official"


def test_actor_roles_are_linked_too():
    event = _event("e1", {"entity": None, "name": "Pyongyang", "start": 0, "end": 9}, None, (0, 44), (10, 14))
    event.roles["intermediary"] = {"entity": None, "name": "Moscow", "start": 25, "end": 31}
    event.roles["item"] = {"start": 15, "end": 21, "text": "shells"}
    link_claims([event], [], _entities(), outlet=None)
    assert event.roles["intermediary"]["entity"] == "Q159" and event.roles["intermediary"]["name"] == "Russia"
    assert "entity" not in event.roles["item"]


def test_a_described_ministry_is_the_fuller_named_one_and_stays_so(pipeline):
    from claimgraph.model import Document

    text = ("The Russian Defense Ministry said its troops were advancing. Two days later, the Ministry of Defense "
            "announced that the town had been taken by Russian forces.")
    x = pipeline(Document(text=text, date="2023-01-13", source="<test>"))
    speakers = {c.speaker.name for e in x.events for c in e.claims if c.speaker}
    assert "Russian Ministry of Defence" in speakers and "Ministry of Defense" not in speakers
