"""English rule families, resolved against a Monday anchor (2024-10-14) unless stated."""

from __future__ import annotations

import pytest

from newsgraph.temporal import Anchor, normalise_phrase, tag

ANCHOR = "2024-10-14"


def value(phrase: str, tense: str | None = None, anchor: str | None = ANCHOR) -> str | None:
    found = normalise_phrase(phrase, "en", anchor, tense)  # type: ignore[arg-type]
    return found.value if found else None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("March 3, 2024", "2024-03-03"),
        ("3 March 2024", "2024-03-03"),
        ("the 4th of July 2020", "2020-07-04"),
        ("Monday, Oct 14, 2024", "2024-10-14"),
        ("10/31/1974", "1974-10-31"),
        ("31/10/1974", "1974-10-31"),
    ],
)
def test_full_dates(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "tense", "expected"),
    [
        ("3 March", "past", "2024-03-03"),
        ("March 3", "future", "2025-03-03"),
        ("October 30", "future", "2024-10-30"),
        ("early July", "past", "2024-07"),
        ("in June", "future", "2025-06"),
        ("May last year", None, "2023-05"),
        ("October 2014", None, "2014-10"),
    ],
)
def test_dates_and_months_without_a_year(phrase: str, tense: str | None, expected: str) -> None:
    assert value(phrase, tense) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("last week", "2024-W41"),
        ("this week", "2024-W42"),
        ("next month", "2024-11"),
        ("earlier this month", "2024-10"),
        ("last year", "2023"),
        ("this year", "2024"),
        ("this quarter", "2024-Q4"),
        ("last weekend", "2024-W41-WE"),
        ("the end of the month", "2024-10"),
    ],
)
def test_units_counted_from_the_anchor(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("today", "2024-10-14"),
        ("yesterday", "2024-10-13"),
        ("tomorrow", "2024-10-15"),
        ("tonight", "2024-10-14TNI"),
        ("this morning", "2024-10-14TMO"),
        ("last night", "2024-10-13TNI"),
        ("yesterday evening", "2024-10-13TEV"),
    ],
)
def test_deictic_days(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "tense", "expected"),
    [
        ("on Tuesday", "past", "2024-10-08"),
        ("on Tuesday", "future", "2024-10-15"),
        ("Saturday", None, "2024-10-12"),
        ("last Sunday", None, "2024-10-13"),
        ("next Tuesday", None, "2024-10-22"),
        ("Monday morning", "past", "2024-10-14TMO"),
    ],
)
def test_weekdays_follow_the_tense(phrase: str, tense: str | None, expected: str) -> None:
    assert value(phrase, tense) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("two years ago", "2022"),
        ("a week ago", "2024-W41"),
        ("10 days ago", "2024-10-04"),
        ("in three months", "2025-01"),
        ("a few days ago", "PAST_REF"),
    ],
)
def test_offsets(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected_type", "expected"),
    [
        ("15-day", "DURATION", "P15D"),
        ("three decades", "DURATION", "P30Y"),
        ("several months", "DURATION", "PXM"),
        ("the past two days", "DURATION", "P2D"),
        ("every other year", "SET", "P2Y"),
        ("annually", "SET", "P1Y"),
        ("every Monday", "SET", "XXXX-WXX-1"),
    ],
)
def test_durations_and_sets(phrase: str, expected_type: str, expected: str) -> None:
    found = normalise_phrase(phrase, "en", ANCHOR)
    assert found is not None and (found.type, found.value) == (expected_type, expected)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("3pm", "2024-10-14T15:00"),
        ("at 9:30 a.m.", "2024-10-14T09:30"),
        ("a quarter past 3pm", "2024-10-14T15:15"),
        ("noon", "2024-10-14T12:00"),
        ("tomorrow at 5pm", "2024-10-15T17:00"),
        ("8 tonight", "2024-10-14T20:00"),
        ("Saturday morning at 9", "2024-10-12T09:00"),
    ],
)
def test_clock_times(phrase: str, expected: str) -> None:
    assert value(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "tense", "expected"),
    [
        ("since 2018", None, "2018"),
        ("the 1990s", None, "199"),
        ("summer 2023", None, "2023-SU"),
        ("last winter", None, "2024-WI"),
        ("third quarter", None, "2024-Q3"),
        ("Christmas Day", "future", "2024-12-25"),
        ("Easter Monday 2013", None, "2013-04-01"),
        ("thanksgiving", "future", "2024-11-28"),
        ("first Tuesday of November", "future", "2024-11-05"),
    ],
)
def test_years_seasons_quarters_holidays(phrase: str, tense: str | None, expected: str) -> None:
    assert value(phrase, tense) == expected


def test_may_and_march_in_lowercase_are_words_not_months() -> None:
    text = "Troops may march in may, officials said."
    assert tag(text, "en", Anchor.parse(ANCHOR)) == []


def test_ordinals_that_are_not_dates_stay_untagged() -> None:
    text = "The 15th annual exercise drew 3000 troops from 12 countries."
    assert tag(text, "en", Anchor.parse(ANCHOR)) == []


def test_decimal_numbers_are_not_clock_times() -> None:
    assert tag("Growth was 10.25 percent.", "en", Anchor.parse(ANCHOR)) == []


def test_ranges_of_numbers_are_not_clock_times() -> None:
    found = tag("Delivery takes 3 to 4 days.", "en", Anchor.parse(ANCHOR))
    assert [(t.text, t.type) for t in found] == [("4 days", "DURATION")]


def test_capitalised_frequency_words_inside_names_are_names() -> None:
    assert tag("She wrote for The Washington Monthly.", "en", Anchor.parse(ANCHOR)) == []


def test_a_weekday_that_fits_no_nearby_year_does_not_move_the_date_years_away() -> None:
    assert value("Saturday Nov 5th", "past") == "2023-11-05"


def test_a_year_after_around_is_a_year_not_a_clock_time() -> None:
    text = "Emissions must fall to zero around 2050 and warming may reach 3C about 2100."
    found = [(t.text, t.type, t.value) for t in tag(text, "en", Anchor.parse(ANCHOR))]
    # "about" is no year context: "about 2100" stays untagged rather than becoming 21:00.
    assert found == [("2050", "DATE", "2050")]


def test_a_clock_time_after_around_is_still_read() -> None:
    assert value("around 1030") == "2024-10-14T10:30"
    text = "Shots were heard around 2130 GMT."
    found = [(t.type, t.value) for t in tag(text, "en", Anchor.parse(ANCHOR))]
    assert found == [("TIME", "2024-10-14T21:30")]


def test_an_expression_does_not_run_into_the_next_heading_or_list_item() -> None:
    found = tag("Day 22\nDay 64\nThe seeds grew.", "en", Anchor.parse(ANCHOR))
    assert [t.value for t in found] == []
    wrapped = tag("The talks lasted for 22\ndays in all.", "en", Anchor.parse(ANCHOR))
    assert [(t.type, t.value) for t in wrapped] == [("DURATION", "P22D")]
