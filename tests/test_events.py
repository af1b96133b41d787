"""Events: PLOVER type and mode, actor and recipient, status with its cue, time, domain roles.

Every sentence here was written for these tests. The seed test at the end reads ../shared and
skips without it.
"""

from __future__ import annotations

import json

import pytest
from conftest import shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract import extract_steps, find_events
from claimgraph.extract.events import lexicon, noun_forms, verb_forms
from claimgraph.model import Document, Extraction

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
STATUSES = {"asserted", "confirmed", "believed", "reported", "alleged", "denied", "planned", "considered",
            "possible", "hypothetical", "negated"}


MENTION_LAYER = ("mentions", "timexes", "quantities")


def mention_steps():
    """The steps whose output the event finder reads (not the claim steps, so these tests test only events)."""
    return [step for step in extract_steps() if step.sets[0] in MENTION_LAYER]


@pytest.fixture(scope="module")
def events(nlp):
    def run(text: str, date: str = "2022-12-22"):
        doc = nlp(text)
        extraction = Extraction(document=Document(text=text, date=date), nlp_doc=doc)
        for step in mention_steps():
            step.run(extraction)
        return find_events(doc, extraction.timexes, extraction.mentions, extraction.quantities)

    return run


def only(found, kind):
    matching = [e for e in found if e.type == kind]
    assert len(matching) == 1, [(e.type, e.roles["trigger"]["text"]) for e in found]
    return matching[0]


def names(arguments):
    return [a["name"] for a in arguments]


# --- the data files ---------------------------------------------------------------------------

def test_lexicon_lists_the_16_types_with_modes_and_a_cameo_mapping():
    data = lexicon().data
    assert set(data["types"]) == PLOVER_TYPES == set(data["triggers"])
    assert "military" in data["types"]["AID"]["modes"] and "drone" in data["types"]["ASSAULT"]["modes"]
    assert data["cameo_roots"]["16"] == ["SANCTION"] and data["cameo_codes"]["0874"][:2] == ["RETREAT", "disarm"]
    assert set(lexicon().status_data["statuses"]) == STATUSES


def test_every_trigger_mode_is_a_mode_of_its_type():
    data = lexicon().data
    for kind, entries in data["triggers"].items():
        for entry in entries:
            modes = [entry.get("mode"), *(entry.get("modes") or {}).values()]
            assert all(m is None or m in data["types"][kind]["modes"] for m in modes), (kind, entry)


def test_yaml_words_are_strings_not_yaml_booleans():
    for kind in lexicon().data["types"].values():
        assert all(isinstance(p, str) for p in kind["recipient_preps"])


def test_inflections_are_generated_from_lemmas():
    assert {"supplies", "supplied", "supplying"} <= verb_forms("supply")
    assert {"planned", "planning"} <= verb_forms("plan")
    assert "sent" in verb_forms("send", {"send": {"sent"}})
    assert {"sanction", "sanctions"} <= noun_forms("sanction") and "air strikes" in noun_forms("air strike")


# --- types, actors, recipients -------------------------------------------------------------------

def test_transfer_with_intermediary_end_user_item_quantity_and_delivery(events):
    text = "Iran delivered 300 attack drones to Russia for use by the Wagner Group last week, an official said."
    event = only(events(text), "AID")
    assert (event.mode, names(event.actor)) == ("military", ["Iran"])
    assert names(event.recipient) == ["Russia", "the Wagner Group"]
    assert names(event.roles["intermediary"]) == ["Russia"] and names(event.roles["end_user"]) == ["the Wagner Group"]
    assert event.roles["item"]["text"] == "300 attack drones" and event.roles["quantity"]["value"] == 300
    assert event.roles["weapon_class"]["value"] == ["drones"]
    assert event.roles["delivery_status"]["value"] == "delivered"
    assert event.time is not None and event.time.text == "last week"  # not the time it was said


def test_purchase_reverses_the_roles_and_reads_the_maker(events):
    found = events("Last spring Hungary purchased rifles made by Serbia.")
    event = only(found, "AID")
    assert names(event.actor) == ["Serbia"] and names(event.recipient) == ["Hungary"]
    assert event.roles["delivery_status"]["value"] == "ordered"


def test_coordinated_verb_takes_the_subject_of_the_clause_it_really_joins(events):
    text = "The EU is worried Belarus is preparing to send weapons to Russia and urged Minsk to stop, a spokesman said."
    request = only(events(text), "REQUEST")
    assert names(request.actor) == ["EU"] and names(request.recipient) == ["Minsk"]
    assert request.status == "asserted"


def test_pronoun_subject_takes_the_last_named_subject_of_the_sentence_before(events):
    found = events("Germany announced a new aid package for Ukraine on Monday. It has also sent tanks to Kyiv.")
    sent = [e for e in found if e.roles["trigger"]["text"] == "sent"][0]
    assert names(sent.actor) == ["Germany"] and sent.actor[0]["anaphor"]["text"] == "It"
    assert names(sent.recipient) == ["Kyiv"]


def test_a_definite_description_of_a_group_names_the_last_organisation(events):
    event = only(events("The Wagner Group recruits prisoners. Belarus sold rifles to the mercenary group."), "AID")
    assert names(event.recipient) == ["The Wagner Group"]
    assert event.recipient[0]["anaphor"]["text"] == "the mercenary group"


def test_accusation_and_the_alleged_transfer_inside_it(events):
    found = events("Ukraine accused Iran of supplying drones to Russia.")
    accuse, aid = only(found, "ACCUSE"), only(found, "AID")
    assert (names(accuse.actor), names(accuse.recipient)) == (["Ukraine"], ["Iran"])
    assert accuse.roles["about"]["text"] == "supplying drones to Russia"
    assert (names(aid.actor), names(aid.recipient), aid.status) == (["Iran"], ["Russia"], "alleged")


def test_reported_demand_is_a_request_of_the_speaker(events):
    request = only(events("Russia said that Moldova must withdraw its request."), "REQUEST")
    assert names(request.actor) == ["Russia"] and names(request.recipient) == ["Moldova"]


def test_attack_with_instrument_casualties_and_no_second_attack_for_killing(events):
    found = events("Russia used drones against Ukrainian cities on Tuesday, killing 12 civilians.")
    attack = only(found, "ASSAULT")
    assert (attack.mode, names(attack.actor)) == ("drone", ["Russia"])
    assert attack.recipient and attack.roles["instrument"]["text"] == "drones"
    assert attack.roles["casualties"]["value"]["value"] == 12


def test_sanction_kind_legal_basis_and_authority(events):
    found = events("The Treasury Department imposed sanctions on the Wagner Group under Executive Order 14024.")
    event = only(found, "SANCTION")
    assert names(event.recipient) == ["the Wagner Group"]
    assert event.roles["kind"]["value"] == "sanctions"
    assert event.roles["legal_basis"]["text"] == "Executive Order 14024"
    assert event.roles["authority"]["name"] == "The Treasury Department"


def test_limits_on_trade_are_sanctions_and_designations_read_their_kind(events):
    curbs = only(events("The United States announced new restrictions on exports of technology to the Wagner Group."),
                 "SANCTION")
    assert curbs.roles["kind"]["value"] == "export_controls"
    assert not [e for e in events("The government eased restrictions on movement in the capital.")
                if e.type == "SANCTION"]  # a restriction that limits no trade is not one
    listing = only(events("The Biden administration is considering whether to designate the Wagner Group, a Russian "
                          "mercenary outfit, a foreign terrorist organization."), "SANCTION")
    assert listing.roles["kind"]["value"] == "designation_terrorist"  # the second object says which designation
    criminal = only(events("The US Treasury designated the Wagner Group a significant transnational criminal "
                           "organization on Thursday."), "SANCTION")
    assert criminal.roles["kind"]["value"] == "designation_criminal"


def test_deployment_with_force_size_parts_and_location(events):
    text = ("Moscow has deployed 30,000 soldiers to Belarus. Of the 30,000 soldiers, 20,000 are conscripts and "
            "10,000 are reservists.")
    event = only(events(text), "MOBILIZE")
    assert event.mode == "troops" and event.recipient == []
    assert event.roles["force_size"]["value"] == 30000
    assert [p["value"] for p in event.roles["force_parts"]] == [20000, 10000]
    assert event.roles["location"]["value"] == ["Belarus"]


def test_noun_events_need_a_support_verb(events):
    assert [e.type for e in events("The shipment surprised everyone.")] == []
    talks = only(events("Talks between Russia and Ukraine began in Istanbul on Monday."), "CONSULT")
    assert names(talks.actor) == ["Russia", "Ukraine"]


# --- status ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "kind", "status", "cue"),
    [
        ('"We can confirm that Iran has delivered drones to Russia," the spokesman said.', "AID", "confirmed",
         "confirm"),
        ("Officials believe the Wagner Group has deployed 5,000 fighters to Mali.", "MOBILIZE", "believed",
         "believe"),
        ("The European Union will impose new sanctions on Belarus in the coming weeks.", "SANCTION", "planned",
         "will"),
        ("Britain is considering whether to designate the group as a terrorist organisation.", "SANCTION",
         "considered", "considering"),
        ("Iran denied supplying drones to Russia.", "AID", "denied", "denied"),
        ("Belarus did not deliver the tanks to Russia.", "AID", "negated", "not"),
        ("China is planning to send more weapons to Russia.", "AID", "planned", "planning"),
        ("Serbia may send troops to the border.", "MOBILIZE", "possible", "may"),
        ("Kosovo police reportedly arrested three men.", "COERCE", "reported", "reportedly"),
        ("If Minsk sends troops, Kyiv will respond.", "MOBILIZE", "hypothetical", "If"),
        ("Turkey is willing to withdraw its troops from Syria.", "RETREAT", "planned", "willing"),
        ("Serbian police arrested two activists in Belgrade on Sunday.", "COERCE", "asserted", None),
    ],
)
def test_status_and_cue(events, text, kind, status, cue):
    event = only(events(text), kind)
    assert event.status == status
    assert (event.roles["status_cue"] or {}).get("text") == cue


def test_designation_kind_and_considered_status(events):
    event = only(events("Britain is considering whether to designate the group as a terrorist organisation."),
                 "SANCTION")
    assert event.roles["kind"]["value"] == "designation_terrorist" and names(event.actor) == ["Britain"]


# --- time ----------------------------------------------------------------------------------------

def test_time_is_the_events_own_not_the_time_of_saying(events):
    event = only(events("Belarus sent 20 tanks to Russia in March 2022, officials said on Friday."), "AID")
    assert event.time.value == "2022-03"


def test_a_later_dated_definite_noun_dates_the_earlier_event(events):
    text = "Pyongyang supplied artillery shells to Moscow. The shipment, which was completed in October, was big."
    assert only(events(text), "AID").time.value == "2022-10"


def test_a_planned_event_is_not_dated_by_a_completed_shipment(events):
    text = "Pyongyang is planning to send shells to Moscow. The shipment, which was completed in October, was big."
    assert only(events(text), "AID").time is None


def test_considered_event_takes_the_time_of_the_report_when_the_cue_is_present_tense(events):
    text = "An aide told the BBC last week that Britain is considering whether to sanction the group."
    event = only(events(text), "SANCTION")
    assert event.status == "considered" and event.time.text == "last week"


def test_forward_window_is_the_time_of_a_planned_event(events):
    event = only(events("The European Union will impose new sanctions on Belarus in the coming weeks."), "SANCTION")
    assert event.time.value == "FUTURE_REF"


def test_a_speech_act_takes_the_speakers_dated_statement(events):
    text = ("Jones said Germany urged Serbia to stop. Jones said on Tuesday that the talks had failed.")
    request = only(events(text), "REQUEST")
    assert request.time is not None and request.time.text == "Tuesday"


def test_an_event_without_a_time_has_none(events):
    assert only(events("Thousands of farmers protested against the new tax."), "PROTEST").time is None


# --- output contract -----------------------------------------------------------------------------

def test_ids_are_in_text_order_and_spans_equal_their_text(events):
    text = "Chad expelled two French diplomats. Niger later arrested a journalist in Niamey."
    found = events(text)
    assert [e.id for e in found] == [f"e{n}" for n in range(1, len(found) + 1)] and len(found) >= 2
    assert [e.roles["trigger"]["start"] for e in found] == sorted(e.roles["trigger"]["start"] for e in found)
    for event in found:
        _assert_spans_match(text, event)


def _assert_spans_match(text, event):
    assert event.type in PLOVER_TYPES and event.status in STATUSES
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    for argument in event.actor + event.recipient:
        assert text[argument["start"] : argument["end"]] == argument["name"]
    if event.time is not None:
        assert text[event.time.start : event.time.end] == event.time.text
    for value in event.roles.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and "start" in item and "text" in item:
                assert text[item["start"] : item["end"]] == item["text"], item
    json.dumps(event.roles)  # roles serialise as they are


WORDS = ["Russia", "sent", "arms", "to", "the", "group", "It", "will", "not", "sanctions", "against", "Iran",
         "accused", "of", "buying", "drones", "killing", "dozens", "said", "on", "Monday", "and", "urged", "is",
         "considering", "whether", "designate", "as", "terrorist", '"', ",", ".", "shipment", "which", "was",
         "completed", "last", "month", "talks", "began", "must", "withdraw", "troops", "\n\n", "'s", "for", "use", "by"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=120), st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)))
def test_arbitrary_text_never_crashes_and_spans_stay_in_bounds(events, text):
    for event in events(text):
        _assert_spans_match(text, event)
        assert 0 <= event.evidence.start <= event.evidence.end <= len(text)


# --- the seed article (../shared) ----------------------------------------------------------------

def _canonical(name: str) -> str:
    from claimgraph.resolve import default_gazetteer

    entry = default_gazetteer().lookup(name)
    return entry.name if entry is not None else name


def _matches(gold: dict, event) -> bool:
    if event.type != gold["type"] or event.status not in gold["status"]:
        return False
    actors = {_canonical(a["name"]) for a in event.actor}
    recipients = {_canonical(a["name"]) for a in event.recipient}
    if not actors & set(gold["actor"]):
        return False
    if (gold["recipient"] is None) != (not recipients):
        return False
    if gold["recipient"] and not recipients & set(gold["recipient"]):
        return False
    return not gold["time"] or (event.time is not None and event.time.value in gold["time"])


def test_seed_required_events(nlp):
    from claimgraph.ingest import read_paths

    folder = shared_path("eval", "dev", "seed")
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    document = next(iter(read_paths([folder / gold["document"]["file"]])))
    doc = nlp(document.text)
    extraction = Extraction(document=document, nlp_doc=doc)
    for step in mention_steps():
        step.run(extraction)
    found = find_events(doc, extraction.timexes, extraction.mentions, extraction.quantities)
    required = [g for g in gold["events"] if g.get("required")]
    hits = {g["id"]: any(_matches(g, e) for e in found) for g in required}
    assert sum(hits.values()) >= 9, hits
    assert hits["E13"] and hits["E6"], hits


# --- participants that are not participants ---------------------------------------------------

def test_an_adjective_before_a_trigger_noun_is_no_actor(events):
    event = only(events("Further sanctions on the Atlas Brigade are expected, an aide said."), "SANCTION")
    assert event.actor == [] and names(event.recipient) == ["the Atlas Brigade"]
    assert only(events("The bloc said no such deal had taken place."), "AGREE").actor == []


def test_a_question_word_phrase_is_no_actor(events):
    found = events("The aide did not say which agency would impose the sanctions on the Atlas Brigade.")
    assert all("which" not in name for e in found for name in names(e.actor))


def test_things_and_events_are_no_actors(events):
    found = events("Analysts say the shipment violated the embargo. The rifles arrived in March.")
    spans = [name.lower() for e in found for name in names(e.actor) + names(e.recipient)]
    assert not any(word in name for name in spans for word in ("shipment", "rifles"))


def test_a_people_noun_read_as_a_verb_triggers_nothing(events):
    found = events("The militia has some 9,000 fighters, about 7,000 of them convicts.")
    found += events("Wagner has around 50,000 people there, 40,000 of them convicts.")
    assert not [e for e in found if e.type == "SANCTION"]


def test_a_participle_after_urge_takes_the_urgers_subject(events):
    text = "Canada on Monday urged Norland to halt the convoys, accusing Norland of breaking the truce."
    event = only(events(text), "ACCUSE")
    assert names(event.actor) == ["Canada"] and names(event.recipient) == ["Norland"]
