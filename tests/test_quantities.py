import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.extract._quantities import _parse_value


def _by_text(extraction):
    return {q.text: q for q in extraction.quantities}


def test_counts_and_part_whole(report_extraction):
    found = _by_text(report_extraction)
    whole, convicts, contractors = found["50,000"], found["40,000"], found["10,000"]
    assert whole.approximate and whole.counts == "fighters"
    assert convicts.part_of == whole.id and contractors.part_of == whole.id
    assert convicts.counts == "convicts" and contractors.counts == "contractors"


def test_vague_amounts_are_approximate(read):
    found = _by_text(read("The strikes killed dozens of civilians after Moscow bought millions of shells and rockets."))
    assert found["dozens"].value == 24 and found["dozens"].approximate
    assert found["dozens"].counts == "civilians"
    assert found["millions"].counts == "shells and rockets"


def test_spelled_out_numbers_and_scales(read):
    found = _by_text(read("Two soldiers were hurt and 1.5 million people fled."))
    assert found["Two"].value == 2 and found["Two"].counts == "soldiers"
    assert found["1.5 million"].value == 1_500_000


@pytest.mark.parametrize(("text", "value"), [("10 to 15", 10), ("two to three thousand", 2000), ("50-60", 50),
                                             ("50 \u2013 60", 50), ("two or three", 2), ("1 000 000", 1_000_000),
                                             ("1,5 million", 1_500_000)])
def test_a_range_is_its_low_end_and_approximate_and_spaced_thousands_are_one_number(text, value):
    """Before: the ends of a range were added ("10 to 15": 25), spaced groups too ("1 000": 1)."""
    assert _parse_value(text) == (value, text not in ("1 000 000", "1,5 million"))


def test_a_range_in_a_report_is_not_a_sum(read):
    found = _by_text(read("Two to three thousand troops crossed the border, and up to 300 drones were sent."))
    assert (found["Two to three thousand"].value, found["Two to three thousand"].approximate) == (2000, True)
    assert found["300"].value == 300 and found["300"].approximate


def test_parts_must_add_up(read):
    found = _by_text(read("Of the 900 troops, 300 went north and 200 went south."))
    assert all(q.part_of is None for q in found.values())


def test_dates_are_not_quantities(read):
    assert read("The deal was signed in 2022 and renewed on 3 March.").quantities == []


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_commas_parse_back(number):
    assert _parse_value(f"{number:,}") == (number, False)


@given(st.text(max_size=30))
def test_parse_value_never_raises(text):
    value, vague = _parse_value(text)
    assert value is None or value >= 0
