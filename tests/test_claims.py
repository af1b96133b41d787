"""Claims: every speaker's word on an event, denials on the events they deny, outlets that relay, one event per
happening in a report. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from claimgraph.model import Attribution, Claim, Document, Entity, Event, Span, Speaker
from claimgraph.resolve.claims import STATUS_ORDER, summary_status
from claimgraph.resolve.claims._merge import merge_report_events


@pytest.fixture
def reading(pipeline):
    def run(text: str, date: str | None = "2023-01-11", outlet: str | None = "Harbor Post"):
        return pipeline(Document(text=text, date=date, outlet=outlet, source="<test>"))

    return run


def _events_of(extraction, kind):
    return [e for e in extraction.events if e.type == kind]


def _claims(event):
    return {(c.status, c.speaker.name if c.speaker else None) for c in event.claims}


def test_a_denial_of_the_report_is_a_claim_on_the_delivery_it_denies(reading):
    x = reading("The United States says North Korea delivered rockets to Wagner. "
                "Pyongyang called the report groundless.")
    (aid,) = _events_of(x, "AID")
    assert ("denied", "North Korea") in _claims(aid)
    assert not _events_of(x, "REJECT"), "a denial of what was said is not a rejection of a proposal"


def test_dismissing_reports_denies_the_event_the_denier_takes_part_in(reading):
    x = reading("Iran shipped drones to Russia in August. Moscow had previously dismissed such reports.")
    (aid,) = _events_of(x, "AID")
    assert ("denied", "Russia") in _claims(aid)
    assert aid.status == "asserted", "the summary stays the strongest claim that it happened"


def test_a_denied_clause_is_an_event_whose_only_claim_is_the_denial(reading):
    x = reading("Tehran denied that it had supplied any drones to Moscow.")
    (aid,) = _events_of(x, "AID")
    assert aid.status == "denied"
    assert [c.status for c in aid.claims] == ["denied"]


def test_the_reports_own_voice_is_a_claim_by_its_outlet(reading):
    x = reading("Russia launched a drone attack on Kyiv on Monday.")
    (attack,) = _events_of(x, "ASSAULT")
    (claim,) = attack.claims
    assert claim.status == "asserted" and claim.speaker.name == "Harbor Post" and claim.speaker.start is None
    assert claim.said_on == "2023-01-11" and claim.attribution is None


def test_an_outlet_credited_with_the_report_claims_it_as_reported(reading):
    x = reading("Iran sent drones to Russia last month, according to Reuters.")
    (aid,) = _events_of(x, "AID")
    assert ("reported", "Reuters") in _claims(aid)


def test_an_outlet_told_is_a_reported_claim_beside_the_speaker(reading):
    x = reading("An official told CNN that Washington is considering sanctions on the Wagner Group.")
    (sanction,) = _events_of(x, "SANCTION")
    statuses = {c.status for c in sanction.claims}
    assert {"considered", "reported"} <= statuses
    assert sanction.status == "considered", "an outlet relaying the official does not make it reported"


def test_a_claimant_asserts_its_own_deed(reading):
    x = reading("Yevgeny Prigozhin claimed that his fighters had taken control of the town of Soledar.")
    seizures = [e for e in x.events if e.mode == "seize"]
    assert seizures and seizures[0].actor[0]["name"] == "Yevgeny Prigozhin"
    assert seizures[0].status == "asserted"


def test_a_town_taken_is_the_place_and_its_holder_the_recipient(reading):
    x = reading("Russian troops took control of Ukraine's eastern town of Soledar, the ministry said.")
    (seizure,) = [e for e in x.events if e.mode == "seize"]
    assert [r["name"] for r in seizure.recipient] == ["Ukrainian Armed Forces"]  # ground is taken from an army
    assert seizure.roles["location"]["text"] == "Soledar"


def test_a_town_taken_from_an_unnamed_holder_is_taken_from_the_other_side(reading):
    x = reading("Ukraine says it still holds Bakhmut. Wagner fighters have taken the town of Soledar, Prigozhin said.")
    (seizure,) = [e for e in x.events if e.mode == "seize"]
    assert [r["name"] for r in seizure.recipient] == ["Ukrainian Armed Forces"]  # ground is taken from an army
    assert seizure.recipient[0]["inferred"] == "other side"


def test_a_described_speaker_is_the_person_named_in_the_description(reading):
    x = reading("The head of Wagner, Yevgeny Prigozhin, said his units had captured the salt mines.")
    speakers = {c.speaker.entity for e in x.events for c in e.claims if c.speaker}
    assert any(s and "prigozhin" in s for s in speakers)


def test_a_headline_caption_does_not_run_into_the_next_sentence(reading):
    x = reading("Iran admits sending drones\nPhoto: AP\n\nPresident Zelensky accused Iran of lying on Saturday.")
    (accuse,) = _events_of(x, "ACCUSE")
    assert [a["name"] for a in accuse.actor] == ["Volodymyr Zelenskyy"]


def test_claim_ids_are_unique_in_the_report(reading):
    x = reading("Kyiv says Moscow fired missiles at Odesa. The Kremlin denied the claims. "
                "Iran shipped drones to Russia, according to the Washington Post.")
    ids = [c.id for e in x.events for c in e.claims]
    assert ids and len(ids) == len(set(ids))


# --- the summary status and merging, on hand-made events ------------------------------------------------


def _event(eid, statuses, actor="Q1", recipient="Q2", time=None, **roles):
    claims = [Claim(f"{eid}.c{n}", Speaker(None, f"s{n}", None, None), s, None, None, None, Span(0, 1, "x"))
              for n, s in enumerate(statuses)]
    return Event(eid, "AID", None, [{"entity": actor, "name": actor}], [{"entity": recipient, "name": recipient}],
                 statuses[0], time, Span(0, 1, "x"), [], dict(roles), claims)


def test_the_summary_is_the_strongest_claim_that_it_happened():
    assert summary_status(_event("e1", ["denied", "alleged", "asserted"])) == "asserted"
    assert summary_status(_event("e1", ["denied", "planned"])) == "planned"
    assert STATUS_ORDER[0] == "confirmed" and STATUS_ORDER[-1] == "negated"


def test_one_happening_told_twice_is_one_event_with_both_claims():
    first, again = _event("e1", ["asserted"]), _event("e4", ["denied"])
    (merged,) = merge_report_events([first, again])
    assert [c.status for c in merged.claims] == ["asserted", "denied"] and merged.roles["merged"] == ["e4"]


def test_a_plan_and_its_fulfilment_stay_two_events():
    assert len(merge_report_events([_event("e1", ["planned"]), _event("e2", ["asserted"])])) == 2


def test_two_shipments_of_different_sizes_stay_two_events():
    small = _event("e1", ["asserted"], quantity={"value": 10})
    large = _event("e2", ["asserted"], quantity={"value": 300})
    assert len(merge_report_events([small, large])) == 2


def test_other_recipients_make_another_happening():
    assert len(merge_report_events([_event("e1", ["asserted"]), _event("e2", ["asserted"], recipient="Q3")])) == 2


def test_link_claims_names_claim_speakers():
    from claimgraph.resolve import link_claims

    text = "Kirby said Iran sent drones."
    kirby = Entity("cg:john-kirby", "John Kirby", "PERSON", None, ["Kirby"], [(0, 5)])
    said = Attribution("a1", Speaker(None, "Kirby", 0, 5), Span(6, 10, "said"), Span(11, 28, text[11:]), [])
    event = _event("e1", ["asserted"])
    event.claims[0].speaker = Speaker(None, "Kirby", 0, 5)
    event.roles["trigger"] = {"start": 16, "end": 20, "text": "sent"}
    link_claims([event], [said], [kirby], outlet=None)
    assert event.claims[0].speaker.entity == "cg:john-kirby" and event.attributions == ["a1"]


def test_every_denial_word_is_a_string():
    # YAML 1.1 reads a bare false, no or on as a boolean: such a word would silently never match.
    from claimgraph.extract.events import lexicon

    lists = lexicon().status_data["denials"].values()
    assert all(isinstance(word, str) for words in lists for word in words)


def test_a_quoted_source_speaks_and_the_outlet_relays(reading):
    x = reading("The drones were sent before the war, Reuters quoted Iran's foreign minister Hossein "
                "Amir-Abdollahian as saying.")
    (aid,) = _events_of(x, "AID")
    claims = _claims(aid)
    assert ("reported", "Reuters") in claims
    assert any(name and "Amir-Abdollahian" in name for _, name in claims)


def test_a_relayed_denial_is_the_deniers(reading):
    x = reading("The newspaper noted that Tehran denied that it had delivered missiles to Russia.")
    (aid,) = _events_of(x, "AID")
    assert ("denied", "Iran") in _claims(aid)
    assert aid.status == "denied"


def test_the_accuser_is_the_speaker_of_an_accusation(reading):
    x = reading("Zelensky accused Tehran of lying about the drones.")
    (accuse,) = _events_of(x, "ACCUSE")
    assert ("asserted", "Volodymyr Zelenskyy") in _claims(accuse)


def test_a_charge_denied_in_a_relative_clause(reading):
    x = reading("Kyiv accused Iran of supplying drones to Russia, a charge Tehran denies.")
    (aid,) = _events_of(x, "AID")
    assert ("denied", "Iran") in _claims(aid)
    assert not _events_of(x, "REJECT")


def test_as_per_an_agency_is_a_reported_claim(reading):
    (aid,) = _events_of(reading("Iran sent drones to Russia, as per Reuters."), "AID")
    assert ("reported", "Reuters") in _claims(aid)


def test_a_paper_relays_a_plan_and_the_planner_plans(reading):
    (aid,) = _events_of(reading("Tokyo Shimbun reported that Japan plans to send ammunition to Ukraine."), "AID")
    assert {("reported", "Tokyo Shimbun"), ("planned", "Japan")} <= _claims(aid)
    assert aid.status == "planned"


def test_the_day_a_claim_was_made_is_its_said_on(reading):
    x = reading("North Korea has delivered rockets to Russia for use by Wagner, Kirby said Thursday.",
                date="2022-12-22")
    (aid,) = _events_of(x, "AID")
    (kirby,) = [c for c in aid.claims if c.speaker and c.speaker.name == "John Kirby"]
    assert kirby.said_on == "2022-12-22" and kirby.cue.text == "said"


def test_pronoun_speakers_take_the_last_fitting_speaker(reading):
    x = reading("Tokyo Shimbun reported that Japan will send shells to Kyiv. It had said the first shells would be "
                "sent to Ukraine in March. Kirby said Iran sent drones to Russia. He added that Iran had sent missiles "
                "to Russia too.")
    speakers = [a.speaker.name for a in x.attributions]
    assert "It" not in speakers and "He" not in speakers
    assert speakers.count("Tokyo Shimbun") == 2


@pytest.mark.parametrize("text", ["STORY: Russia shelled Kharkiv on Monday, officials said.",
                                  "Thursday said the drones were sent to Russia."])
def test_kickers_and_weekdays_are_no_speakers(reading, text):
    speakers = {a.speaker.name for a in reading(text).attributions}
    assert not speakers & {"STORY", "Thursday"}


@pytest.mark.parametrize("text", [
    "Russia says it will not accept the oil price cap.",
    "Moscow rejected the Ukrainian peace proposal on Tuesday.",
    "Pyongyang called the new Japanese security strategy wrong and dangerous.",
    "Moscow dismissed the US decision to send air defence missiles to Ukraine.",
    "The soldiers were jailed for refusing to fight in Ukraine, the court said.",
])
def test_refusing_rejecting_and_criticising_are_no_denials(reading, text):
    denied = [c for e in reading(text).events for c in e.claims if c.status == "denied"]
    assert not denied, [(c.speaker.name if c.speaker else None, c.evidence.text) for c in denied]


def test_a_credit_that_points_back_is_a_claim_on_the_event_before_it(reading):
    x = reading("Russia fired missiles at Odesa on Sunday. CNN reported it on Monday.")
    (attack,) = _events_of(x, "ASSAULT")
    assert ("reported", "CNN") in _claims(attack)


def test_denying_it_is_a_denial_not_a_credit(reading):
    (aid,) = _events_of(reading("Iran shipped drones to Russia in August. Moscow denied it on Tuesday."), "AID")
    assert ("denied", "Russia") in _claims(aid) and ("asserted", "Russia") not in _claims(aid)


def test_he_said_after_a_quote_is_the_last_speaker(reading):
    x = reading('"We took the town," Yevgeny Prigozhin said in a statement. "The streets are full of the bodies of '
                'soldiers from Kyiv," he said.')
    assert [a.speaker.name for a in x.attributions][-1] == "Yevgeny Prigozhin"


def test_a_third_party_saying_it_did_not_happen_denies_it(read):
    x = read("Lena Hart said Russia has not taken Vuhledar.")
    (seizure,) = [e for e in x.events if e.mode == "seize"]
    assert ("denied", "Lena Hart") in _claims(seizure)


def test_a_promise_not_to_act_stays_negated(read):
    x = read("Iran said it will not send drones to Russia.")
    (aid,) = [e for e in x.events if e.type == "AID"]
    assert {c.status for c in aid.claims} == {"negated"}


def test_doubt_above_outweighs_a_stressing_adverb(read):
    x = read('"We do not estimate that the Russians have actually taken over both towns," Lena Hart said.')
    (seizure,) = [e for e in x.events if e.mode == "seize"]
    assert seizure.status != "confirmed"
    assert ("denied", "Lena Hart") in _claims(seizure)


@pytest.mark.parametrize(("outlet", "source"), [
    ("Harbor Post (Reuters feed)", "Reuters"),
    ("Harbor Post (cites CNN)", "CNN"),
    ("Harbor Post (AFP-derived snippet)", "AFP"),
    ("Harbor Post (summary of New York Times)", "New York Times"),
    ("Harbor Post (Sputnik/RIA text)", "Sputnik"),
    ("Harbor Post (CDN mirror)", None),
    ("Harbor Post (PR Newswire)", "PR Newswire"),
    ("Harbor Post", None),
    (None, None),
])
def test_an_agency_copy_names_its_source(outlet, source):
    from claimgraph.extract.claims import copied_from

    assert copied_from(outlet) == source


def test_every_event_of_an_agency_copy_is_reported_by_its_source(pipeline):
    from claimgraph.model import Document

    x = pipeline(Document(text="Iran sent drones to Russia, Lena Hart said.", date="2022-10-20",
                          outlet="Harbor Post (Reuters feed)", source="<test>"))
    (aid,) = [e for e in x.events if e.type == "AID"]
    assert ("reported", "Reuters") in _claims(aid)


def test_a_country_in_brackets_is_where_the_outlet_is(pipeline):
    from claimgraph.model import Document

    x = pipeline(Document(text="Iran sent drones to Russia.", date="2022-10-20", outlet="Harbor Post (India)",
                          source="<test>"))
    (aid,) = [e for e in x.events if e.type == "AID"]
    assert "India" not in {c.speaker.name for c in aid.claims if c.speaker}


def test_an_outlet_reporting_after_an_aside_reports_the_clause(read):
    x = read("The Harbor Post reported, citing two unnamed officials, that Iran had sent drones to Russia.")
    (aid,) = [e for e in x.events if e.type == "AID"]
    assert any("Harbor Post" in c.speaker.name and c.status == "reported" for c in aid.claims if c.speaker)


def test_a_transfer_of_things_already_named_is_the_same_transfer(read):
    x = read("Iran admitted it supplied Russia with drones. However, the drones were delivered before the war, "
             "the minister Reza Tavana was quoted as saying.")
    aids = [e for e in x.events if e.type == "AID"]
    assert len(aids) == 1
    assert [a["name"] for a in aids[0].actor] == ["Iran"] and [r["name"] for r in aids[0].recipient] == ["Russia"]


def test_a_quotation_resumed_after_its_cue_is_the_speakers_claim(read):
    x = read('"They are pretending the town is theirs," Lena Hart said in a video address. "But fighting '
             'continues in Soledar."')
    fights = [e for e in x.events if e.type == "ASSAULT"]
    assert fights and "Lena Hart" in {c.speaker.name for c in fights[0].claims if c.speaker}
    assert len(x.attributions) == 1  # the attribution layer keeps one content span per cue


def test_a_quotation_in_the_next_paragraph_is_not_resumed(read):
    x = read('"They are pretending," Lena Hart said.\n\n"Fighting continues in Soledar," a soldier told us.')
    fights = [e for e in x.events if e.type == "ASSAULT"]
    assert fights and "Lena Hart" not in {c.speaker.name for c in fights[0].claims if c.speaker}


def test_mentioning_an_event_in_ones_words_presupposes_it(read):
    x = read("Wagner said it had taken Soledar on Tuesday. The capture of Soledar opens the way west, according "
             "to Lena Hart.")
    (seizure,) = [e for e in x.events if e.mode == "seize"]
    assert ("asserted", "Lena Hart") in _claims(seizure)


def test_a_reference_with_no_event_of_its_kind_claims_nothing(read):
    x = read("The capture of the town opens the way west, according to Lena Hart.")
    assert all("Lena Hart" not in {c.speaker.name for c in e.claims if c.speaker} for e in x.events
               if e.mode == "seize")


def test_who_rejects_claims_that_it_happened_denies_it(read):
    x = read("Kyiv rejected claims that Russia had seized the town.")
    (seizure,) = [e for e in x.events if e.mode == "seize"]
    assert {c.status for c in seizure.claims if c.speaker and c.speaker.name == "Ukraine"} == {"denied"}


def test_an_agency_copy_of_a_plan_stays_a_plan(pipeline):
    from claimgraph.model import Document

    x = pipeline(Document(text="Iran will send drones to Russia next month, Lena Hart said.", date="2022-10-20",
                          outlet="Harbor Post (Reuters feed)", source="<test>"))
    (aid,) = [e for e in x.events if e.type == "AID"]
    assert aid.status == "planned"
    assert ("planned", "Reuters") in _claims(aid)


def test_an_event_expected_to_change_nothing_is_not_denied(read):
    x = read("North Korea's arms delivery to the Wagner Group is not expected to change the war, officials said.")
    assert all(c.status != "denied" for e in x.events if e.type == "AID" for c in e.claims)


def test_sanctions_expected_to_be_imposed_are_planned(read):
    x = read("New sanctions on Iran are expected to be imposed next week.")
    (sanction,) = [e for e in x.events if e.type == "SANCTION"]
    assert sanction.status == "planned"
