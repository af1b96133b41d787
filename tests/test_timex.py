"""Time expressions: each family of expression, normalised against a fixed document date.

The document date in most tests is Thursday 2022-12-22 (ISO week 51, fourth quarter).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.timex import TIMEX_VALUE, find_timexes

DATE = "2022-12-22"


def tagged(text: str, date: str | None = DATE) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, date)]


def only(text: str, date: str | None = DATE) -> tuple[str, str, str]:
    found = tagged(text, date)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was signed on Dec. 22, 2022 in Kyiv.", ("Dec. 22, 2022", "DATE", "2022-12-22")),
        ("Talks resume on 3 January 2023, officials said.", ("3 January 2023", "DATE", "2023-01-03")),
        ("The filing is dated 2021-06-30.", ("2021-06-30", "DATE", "2021-06-30")),
        ("The plant opened in 1998 near the river.", ("1998", "DATE", "1998")),
        ("Prices were lower in the 1990s.", ("the 1990s", "DATE", "199")),
        ("Output peaked in March 2019.", ("March 2019", "DATE", "2019-03")),
        ("The treaty dates from the 19th century.", ("the 19th century", "DATE", "18")),
        (
            "He recalled the winter of nineteen ninety-four.",
            ("the winter of nineteen ninety-four", "DATE", "1994-WI"),
        ),
    ],
)
def test_explicit_dates(text, expected):
    assert only(text) == expected


def test_a_date_without_a_year_takes_the_nearest_one():
    assert only("The vote is set for Jan. 5.")[2] == "2023-01-05"
    assert only("The shipment left on Nov. 30.")[2] == "2022-11-30"
    assert only("The ceasefire began in October.")[2] == "2022-10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today we can confirm the transfer.", ("Today", "DATE", "2022-12-22")),
        ("The minister resigned yesterday.", ("yesterday", "DATE", "2022-12-21")),
        ("The court rules tomorrow.", ("tomorrow", "DATE", "2022-12-23")),
        ("The shipment was completed last month.", ("last month", "DATE", "2022-11")),
        ("Sanctions follow next year.", ("next year", "DATE", "2023")),
        ("Envoys met twice this week.", ("this week", "DATE", "2022-W51")),
        ("Earlier this year, the ministry bought shells.", ("Earlier this year", "DATE", "2022")),
        ("The convoy left two weeks ago.", ("two weeks ago", "DATE", "2022-W49")),
        ("The mine closed three years ago.", ("three years ago", "DATE", "2019")),
        ("Ties worsened last spring.", ("last spring", "DATE", "2022-SP")),
    ],
)
def test_expressions_relative_to_the_document_date(text, expected):
    assert only(text) == expected


def test_a_weekday_in_the_past_tense_is_the_latest_one():
    assert tagged("Kirby told reporters on Thursday.") == [("Thursday", "DATE", "2022-12-22")]
    assert only("The envoy said Monday that talks had stalled.")[2] == "2022-12-19"


def test_a_weekday_in_the_future_tense_is_the_next_one():
    assert only("The council will meet on Monday.")[2] == "2022-12-26"
    assert only("Ministers are scheduled to vote Saturday.")[2] == "2022-12-24"
    assert only("The talks will resume next Thursday.")[2] == "2022-12-29"
    assert only("He arrived last Thursday.")[2] == "2022-12-15"


def test_the_parse_can_decide_the_tense():
    class Token:  # just enough of a spaCy token for the tense lookup
        def __init__(self, text, idx, pos, tense=(), children=()):
            self.text, self.lower_, self.idx, self.pos_ = text, text.lower(), idx, pos
            self.head, self.dep_, self.children = self, "ROOT", list(children)
            self.morph = {"Tense": list(tense)}

        def __len__(self):
            return len(self.text)

    class Morph(dict):
        def get(self, key, default=()):
            return super().get(key, list(default))

    text = "They meet Friday."
    verb = Token("meet", 5, "VERB")
    friday = Token("Friday", 10, "PROPN")
    will = Token("will", 0, "AUX")
    will.dep_ = "aux"
    for token in (verb, friday, will):
        token.morph = Morph(token.morph)
    friday.head, verb.children = verb, [will]
    found = find_timexes(text, DATE, doc=[verb, friday])
    assert [(t.text, t.value) for t in found] == [("Friday", "2022-12-23")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sanctions will be announced in the coming weeks.", ("the coming weeks", "DATE", "FUTURE_REF")),
        ("Wagner currently holds the town.", ("currently", "DATE", "PRESENT_REF")),
        ("The group recently bought rockets.", ("recently", "DATE", "PAST_REF")),
        ("Such deals were rare in the past.", ("the past", "DATE", "PAST_REF")),
    ],
)
def test_vague_references(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose over the past three years.", ("the past three years", "DURATION", "P3Y")),
        ("The siege lasted 18 months.", ("18 months", "DURATION", "P18M")),
        ("It was a five-hour meeting.", ("five-hour", "DURATION", "PT5H")),
        ("The strike went on for a few days.", ("a few days", "DURATION", "PXD")),
        ("The talks ran two and a half hours.", ("two and a half hours", "DURATION", "PT2H30M")),
        ("Fighting has raged for years.", ("years", "DURATION", "PXY")),
        ("Output fell in recent years.", ("recent years", "DURATION", "PXY")),
    ],
)
def test_durations(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patrols go out every week.", ("every week", "SET", "P1W")),
        ("Flights leave daily.", ("daily", "SET", "P1D")),
        ("Markets open each Monday.", ("each Monday", "SET", "XXXX-WXX-1")),
        ("Fees rise 3 percent a year.", ("a year", "SET", "P1Y")),
    ],
)
def test_sets(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2022-Q3")),
        ("Third-quarter sales fell.", ("Third-quarter", "DATE", "2022-Q3")),
        ("The fourth quarter of 2019 was weak.", ("The fourth quarter of 2019", "DATE", "2019-Q4")),
        ("Revenue in fiscal 2021 grew.", ("fiscal 2021", "DATE", "2021")),
        ("Exports slowed in the first half.", ("the first half", "DATE", "2022-H1")),
    ],
)
def test_quarters_and_fiscal_periods(text, expected):
    assert only(text) == expected


def test_a_year_earlier_refers_back_to_the_quarter_in_question():
    found = tagged("Third-quarter profit rose to $5 million from $4 million a year earlier.")
    assert found == [("Third-quarter", "DATE", "2022-Q3"), ("a year earlier", "DATE", "2021-Q3")]
    assert only("Exports fell from a year earlier.")[2] == "2021"


def test_the_next_day_follows_the_day_last_mentioned():
    found = tagged("The rebels entered the city on Nov. 3. The next day they withdrew.")
    assert found[-1] == ("The next day", "DATE", "2022-11-04")
    assert only("They left the previous day.")[2] == "2022-12-21"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast came at 10:35 a.m. on the bridge.", ("10:35 a.m.", "TIME", "2022-12-22T10:35")),
        ("Shelling resumed this morning.", ("this morning", "TIME", "2022-12-22TMO")),
        ("The strike hit 9 p.m. Tuesday.", ("9 p.m. Tuesday", "TIME", "2022-12-20T21:00")),
        ("Sirens sounded last night.", ("last night", "TIME", "2022-12-21TNI")),
        ("They met at noon.", ("noon", "TIME", "2022-12-22T12:00")),
    ],
)
def test_times_of_day(text, expected):
    assert only(text) == expected


def test_seasons_and_holidays():
    assert only("Offensives stalled over the winter.")[2] == "2022-WI"
    assert only("The truce will hold through Christmas.")[2] == "2022-12-25"
    assert only("Fighting paused last Christmas.")[2] == "2021-12-25"
    assert only("The vote was held on Thanksgiving.")[2] == "2022-11-24"


def test_without_a_document_date_anchored_values_stay_unresolved():
    assert tagged("He arrived Thursday and left last month.", None) == [
        ("Thursday", "DATE", "XXXX-WXX-4"),
        ("last month", "DATE", "XXXX-XX"),
    ]
    assert only("The talks ended on Dec. 22.", None)[2] == "XXXX-12-22"
    assert only("The talks ended in 1994.", None)[2] == "1994"


def test_month_names_that_are_words_or_names_are_not_dates():
    assert tagged("Officials may march on the capital.") == []
    assert tagged("Theresa May spoke to reporters.") == []
    assert tagged("The crowd joined the March of the Mothers.") == []


def test_spans_follow_timeml_conventions():
    assert tagged("Since Friday's vote, turnout fell.")[0][0] == "Friday"  # no possessive 's
    assert only("He has lived here for nearly two years.")[0] == "nearly two years"
    assert tagged("A 52-year-old man was held.") == []  # ages are not time expressions


def test_the_seed_article_expressions():
    text = (
        "North Korea recently supplied rockets, officials told reporters on Thursday. "
        "\u201cToday we can confirm it,\u201d he said Thursday. The shipment was completed last month. "
        'New sanctions follow "in the coming weeks." Earlier this year, the ministry bought shells. '
        "An official said last month the U.S. currently weighs a designation."
    )
    found = [(t.text, t.value) for t in find_timexes(text, DATE)]
    assert found == [
        ("recently", "PAST_REF"),
        ("Thursday", DATE),
        ("Today", DATE),
        ("Thursday", DATE),
        ("last month", "2022-11"),
        ("the coming weeks", "FUTURE_REF"),
        ("Earlier this year", "2022"),
        ("last month", "2022-11"),
        ("currently", "PRESENT_REF"),
    ]


def test_a_repeated_paragraph_gives_the_same_expressions_each_time():
    # Speed is measured by bench/throughput.py against bare spaCy, never asserted in a test.
    paragraph = (
        "The envoy said on Thursday that 40,000 convicts had been recruited since March, and that "
        "talks would resume in the coming weeks, two years after the first round. "
    )
    once = [t.value for t in find_timexes(paragraph, DATE)]
    assert once and [t.value for t in find_timexes(paragraph * 40, DATE)] == once * 40


_WORDS = st.sampled_from(
    [
        "the",
        "last",
        "next",
        "this",
        "week",
        "month",
        "year",
        "years",
        "ago",
        "Friday",
        "Monday",
        "May",
        "March",
        "Dec.",
        "22",
        "1998",
        "2022-12-22",
        "10:35",
        "a.m.",
        "quarter",
        "third-quarter",
        "fiscal",
        "early",
        "late",
        "every",
        "daily",
        "two",
        "three",
        "a",
        "few",
        "days",
        "earlier",
        "later",
        "today",
        "yesterday",
        "now",
        "recently",
        "coming",
        "weeks",
        "summer",
        "the 1990s",
        "'90s",
        "noon",
        "night",
        "morning",
        ",",
        ".",
        "'s",
        "-",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=30).map(" ".join)),
    st.sampled_from([DATE, None, "1999-03-01", "2000-02-29"]),
)
def test_any_text_gives_well_formed_expressions(text, date):
    found = find_timexes(text, date)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end  # sorted and non-overlapping
        previous_end = timex.end
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert TIMEX_VALUE.match(timex.value), timex
        assert not re.match(r"\s", timex.text) and not re.search(r"\s$", timex.text)


def test_the_seed_article_from_shared_data():
    import json

    from conftest import shared_path

    folder = shared_path("eval", "dev", "seed")
    raw = (folder / "000_d1322c347d95e836.txt").read_text(encoding="utf-8")
    header = re.match(r" date (\d{4}-\d\d-\d\d) ", raw)
    text = raw[header.end() :]
    found = find_timexes(text, header[1])
    for gold in json.loads((folder / "gold.json").read_text(encoding="utf-8"))["timexes"]:
        values = gold["value"] if isinstance(gold["value"], list) else [gold["value"]]
        hits = [t for t in found if t.text == gold["text"] and t.value in values]
        if gold.get("required", True):
            assert len(hits) == gold["count"], (gold, [(t.text, t.value) for t in found])
    assert [t.value for t in found if t.text == "currently"] == ["PRESENT_REF", "PRESENT_REF"]


def test_floating_holidays_counted_from_the_end_of_the_month():
    # Memorial Day is the last Monday of May: its rule carries a negative nth.
    (timex,) = find_timexes("They met again on Memorial Day.", "2004-06-10")
    assert timex.value == "2004-05-31"


def test_a_past_tense_month_stays_in_the_past():
    # December report, past tense: "March" is the March just gone, not the next one.
    (timex,) = find_timexes("The talks were held in March.", "2022-12-22")
    assert timex.value == "2022-03"


# ---- reports dated to a month, a year or not at all --------------------------------------------------


def test_the_algorithm_label_names_the_second_rule_set():
    from claimgraph.extract.timex import ALGORITHM

    assert ALGORITHM == "timex.rules/2"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices fell last month.", "XXXX-XX"),
        ("The envoy arrived on Thursday.", "XXXX-WXX-4"),
        ("The minister quit yesterday.", "XXXX-XX-XX"),
        ("Exports grew this year.", "XXXX"),
        ("The convoy left two weeks ago.", "XXXX-WXX"),
        ("Trade grew in the previous decade.", "XXX"),
    ],
)
def test_an_undated_report_leaves_relative_expressions_unresolved(text, value):
    assert only(text, None)[2] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Exports grew last year.", "2021"),
        ("Exports grew this year.", "2022"),
        ("Exports will grow next year.", "2023"),
        ("Prices fell this month.", "2022-XX"),  # some month of 2022
        ("Prices fell last month.", "XXXX-XX"),  # in January, last month was in 2021
        ("The minister quit yesterday.", "XXXX-XX-XX"),  # on 1 January, yesterday was in 2021
        ("The envoy arrived on Thursday.", "XXXX-WXX-4"),
    ],
)
def test_a_report_dated_to_a_year_resolves_only_what_the_year_decides(text, value):
    assert only(text, "2022")[2] == value


@pytest.mark.parametrize(
    ("date", "text", "value"),
    [
        ("2023-01", "Prices fell last month.", "2022-12"),
        ("2023-01", "Prices fell this month.", "2023-01"),
        ("2023-01", "Exports grew last year.", "2022"),
        ("2023-01", "The minister quit yesterday.", "XXXX-XX-XX"),  # on the 1st it is 2022-12-31
        ("2023-03", "The minister quit yesterday.", "2023-XX-XX"),
        ("2023-03", "The envoy spoke on Thursday.", "2023-WXX-4"),
    ],
)
def test_a_report_dated_to_a_month_resolves_only_what_the_month_decides(date, text, value):
    assert only(text, date)[2] == value


@pytest.mark.parametrize(
    ("date", "value"),
    [("2022", "2022-01-26"), (None, "XXXX-01-26"), ("2022-12-22", "2023-01-26"), ("2023-02", "2023-01-26")],
)
def test_a_date_without_a_year_takes_the_anchor_year_or_none(date, value):
    assert only("The hearing is on January 26.", date)[2] == value
    assert only("The hearing is on 26 January.", date)[2] == value


@pytest.mark.parametrize("date", [None, "2022", "2023-01", DATE])
def test_vague_references_do_not_depend_on_the_anchor(date):
    found = [value for _, _, value in tagged("Wagner now holds the town; it recently lost ground.", date)]
    assert found == ["PRESENT_REF", "PAST_REF"]
    assert only("Talks may resume in the near future.", date)[2] == "FUTURE_REF"


def test_a_full_timestamp_and_an_impossible_day_still_anchor_what_they_can():
    assert only("The minister quit yesterday.", "2022-12-22T10:00")[2] == "2022-12-21"
    assert only("Prices fell last month.", "2023-02-30")[2] == "2023-01"  # February 2023 is still known
    assert only("Prices fell last month.", "not a date")[2] == "XXXX-XX"


# ---- nothing fails a report ---------------------------------------------------------------------------


@pytest.mark.parametrize("date", [None, "2022", "2023-01", DATE, "0001-01-01", "9999-12-31"])
@pytest.mark.parametrize(
    "text",
    ["They met again the following weekend.", "Trade doubled in the previous decade.", "It grew over the past decade."],
)
def test_weekend_and_decade_anaphora_no_longer_fail(text, date):
    (timex,) = find_timexes(text, date)
    assert TIMEX_VALUE.match(timex.value)


def test_weekend_and_decade_anaphora_count_from_the_report_date():
    assert only("They met again the following weekend.")[2] == "2022-W51-WE"
    assert only("Trade doubled in the previous decade.")[2] == "201"
    assert only("It grew over the past decade.")[1:] == ("DURATION", "P10Y")


@pytest.mark.parametrize(
    ("date", "text", "value"),
    [
        ("0001-01-01", "The minister quit yesterday.", "XXXX-XX-XX"),
        ("9999-12-31", "The court rules tomorrow.", "XXXX-XX-XX"),
        ("9999-06-01", "Sanctions follow next year.", "XXXX"),
        ("0001-03-01", "The mine closed three years ago.", "XXXX"),
        ("9999-12-31", "The talks ended. The next day they resumed.", "XXXX-XX-XX"),
        ("0001", "Exports grew last year.", "XXXX"),  # no year 0
    ],
)
def test_dates_at_the_ends_of_the_calendar_stay_unresolved_rather_than_fail(date, text, value):
    assert only(text, date)[2] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices were lower in the 1990s.", "199"),
        ("Demand should peak by mid-2020s.", "202"),
        ("Two centuries ago the town was a village.", "18"),
        ("Borders were redrawn last century.", "19"),
        ("Two decades ago the plant closed.", "2002"),
        ("The mines closed two weekends ago.", "2022-W49-WE"),
        ("Harvests were poor last season.", "2022-FA"),
        ("Results improved the following quarter.", "2023-Q1"),
    ],
)
def test_decades_centuries_weekends_seasons_and_quarters(text, value):
    assert only(text)[2] == value
