"""Property tests: time expressions built from grammar pieces, in sentences, against any anchor.

Whatever the phrase and whatever the report date (none, a year, a month or a day anywhere in
0001-9999), ``find_timexes`` returns well-formed spans and TIMEX3 values and never raises.
"""

from __future__ import annotations

import calendar

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.timex import TIMEX_VALUE, find_timexes

_EXAMPLES = 200  # CI runs these derandomized, so the count is what it costs, every run

DETERMINERS = ["the", "this", "last", "next", "past", "previous", "following", "coming", "early", "mid", "late"]
UNITS = ["day", "week", "weekend", "month", "quarter", "year", "decade", "century", "season"]
DIRECTIONS = ["ago", "later", "earlier", "from now"]
NUMBER_WORDS = ["a", "an", "one", "two", "three", "ten", "twelve", "twenty-five", "a few", "several", "a dozen"]
WEEKDAYS = list(calendar.day_name)
MONTHS = list(calendar.month_name)[1:] + ["Jan.", "Sept.", "Dec."]


def _plural(unit: str, amount: str) -> str:
    if amount in ("a", "an", "one", "1"):
        return unit
    return "centuries" if unit == "century" else unit + "s"


numbers = st.one_of(st.sampled_from(NUMBER_WORDS), st.integers(0, 100_000).map(str))
years = st.integers(1, 9999).map(str)
decades = st.one_of(
    st.integers(100, 999).map(lambda d: f"{d * 10}s"),
    st.integers(0, 9).map(lambda d: f"'{d}0s"),
    st.sampled_from(["twenties", "sixties", "nineties"]),
)


@st.composite
def relative_phrases(draw) -> str:
    """ "the previous decade", "early next year", "mid-2020s"."""
    determiner = draw(st.sampled_from(DETERMINERS))
    second = draw(st.sampled_from(["", "the ", "this ", "last ", "next ", "the following "]))
    target = draw(st.one_of(st.sampled_from(UNITS), decades, years))
    joiner = "-" if determiner == "mid" and draw(st.booleans()) else " "
    return f"{determiner}{joiner}{second}{target}"


@st.composite
def counted_phrases(draw) -> str:
    """ "two centuries ago", "3 weekends later", "a few seasons from now", "for 12 quarters"."""
    amount = draw(numbers)
    unit = _plural(draw(st.sampled_from(UNITS)), amount)
    if draw(st.booleans()):
        return f"{amount} {unit} {draw(st.sampled_from(DIRECTIONS))}"
    return f"{draw(st.sampled_from(['for', 'in', 'over the past', 'the next']))} {amount} {unit}"


@st.composite
def calendar_phrases(draw) -> str:
    """ "last Thursday", "January 26", "26 January 1998", "the 19th century", "Christmas 9999"."""
    month = draw(st.sampled_from(MONTHS))
    day = str(draw(st.integers(0, 40)))
    choices = [
        f"{draw(st.sampled_from(['', 'last ', 'next ', 'this ']))}{draw(st.sampled_from(WEEKDAYS))}",
        f"{month} {day}",
        f"{day} {month}",
        f"{month} {day}, {draw(years)}",
        f"{month} {draw(years)}",
        f"the {draw(st.integers(1, 40))}th century",
        f"{draw(st.sampled_from(['', 'last ', 'next ']))}Christmas",
        f"{draw(st.sampled_from(['yesterday', 'tomorrow', 'today', 'tonight']))}",
        f"the {draw(st.sampled_from(['third', 'first', 'last']))} quarter of {draw(years)}",
    ]
    return draw(st.sampled_from(choices))


phrases = st.one_of(relative_phrases(), counted_phrases(), calendar_phrases())
sentences = st.builds(
    lambda head, phrase, tail: f"{head}{phrase}{tail}",
    st.sampled_from(["", "The talks ended ", "He said ", "Officials will meet ", "In "]),
    phrases,
    st.sampled_from(["", ".", ", officials said.", " and then again.", "'s vote was held."]),
)
texts = st.lists(sentences, min_size=1, max_size=4).map(" ".join)


@st.composite
def anchors(draw) -> str | None:
    """No date, a year, a month or a day, anywhere from 0001 to 9999 (the ends drawn often)."""
    year = draw(st.one_of(st.sampled_from([1, 2, 9998, 9999]), st.integers(1, 9999)))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return draw(st.sampled_from([None, f"{year:04d}", f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-{day:02d}"]))


def _check(text: str, anchor: str | None) -> None:
    previous_end = 0
    for timex in find_timexes(text, anchor):
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        previous_end = timex.end
        assert TIMEX_VALUE.match(timex.value), (timex, anchor)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(texts, anchors())
def test_grammar_phrases_against_any_anchor_give_well_formed_values(text, anchor):
    _check(text, anchor)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(phrases, anchors())
def test_a_bare_phrase_against_any_anchor_never_raises(phrase, anchor):
    _check(phrase, anchor)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(relative_phrases(), st.sampled_from([None, "2022", "2023-01"]))
def test_without_a_full_date_a_relative_value_never_invents_a_day(phrase, anchor):
    """With a month or year only, no day of the month can be known from a relative expression."""
    for timex in find_timexes(f"It happened {phrase}.", anchor):
        assert not _a_day_was_guessed(timex.value), (phrase, anchor, timex)


def _a_day_was_guessed(value: str) -> bool:
    parts = value.partition("T")[0].split("-")
    return len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit()
