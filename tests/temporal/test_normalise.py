"""Date arithmetic and TIMEX3 formatting: examples and properties over any anchor date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.temporal import normalise as n

ANCHORS = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31))
OFFSETS = st.integers(min_value=-40, max_value=40)
WEEKDAYS = st.integers(min_value=1, max_value=7)
DIRECTIONS = st.sampled_from(["past", "future", "nearest"])


def test_relative_month_is_a_month_not_a_day() -> None:
    assert n.relative_value(dt.date(2024, 10, 14), "M", -1) == "2024-09"


def test_relative_week_uses_iso_weeks() -> None:
    assert n.relative_value(dt.date(2024, 10, 14), "W", 1) == "2024-W43"
    assert n.relative_value(dt.date(2022, 3, 25), "W", -1) == "2022-W11"


def test_iso_week_year_can_differ_from_calendar_year() -> None:
    assert n.format_week(dt.date(2021, 1, 1)) == "2020-W53"


def test_relative_weekend_season_decade() -> None:
    assert n.relative_value(dt.date(2013, 2, 12), "WE", -1) == "2013-W06-WE"
    assert n.relative_value(dt.date(2013, 2, 12), "SEASON", -1) == "2012-FA"
    assert n.relative_value(dt.date(2024, 10, 14), "DE", 0) == "202"


def test_durations_in_timex3_units() -> None:
    assert n.duration_value(3, "D") == "P3D"
    assert n.duration_value(3, "DE") == "P30Y"
    assert n.duration_value(2.5, "H") == "PT2.5H"
    assert n.duration_value(None, "M") == "PXM"
    assert n.duration_value(15, "MIN") == "PT15M"


def test_add_months_clamps_the_day() -> None:
    assert n.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)


def test_season_of_names_winter_after_its_january() -> None:
    assert n.season_of(dt.date(2012, 12, 30)) == (2013, "WI")
    assert n.season_of(dt.date(2013, 2, 12)) == (2013, "WI")
    assert n.season_of(dt.date(2024, 10, 14)) == (2024, "FA")


def test_holiday_rules() -> None:
    assert n.holiday_date("12-24", 2024) == dt.date(2024, 12, 24)
    assert n.holiday_date("11-4-4", 2013) == dt.date(2013, 11, 28)  # 4th Thursday of November
    assert n.holiday_date("05-1--1", 2024) == dt.date(2024, 5, 27)  # last Monday of May
    assert n.holiday_date("easter+1", 2013) == dt.date(2013, 4, 1)
    assert n.holiday_date("orthodox", 2018) == dt.date(2018, 4, 8)
    assert n.holiday_date("not a rule", 2018) is None


def test_anchor_parses_dates_and_datetimes() -> None:
    assert n.Anchor.parse("2024-10-14") == n.Anchor(dt.date(2024, 10, 14))
    moment = n.Anchor.parse("2024-10-14T10:15:00+02:00")
    assert moment is not None and moment.time == dt.time(10, 15)
    assert n.Anchor.parse("yesterday") is None
    assert n.Anchor.parse(None) is None


@pytest.mark.parametrize(
    "value",
    [
        "2024",
        "2024-09",
        "2024-W42",
        "2024-W42-WE",
        "2024-10-14",
        "2024-10-14TEV",
        "2024-SU",
        "2024-Q3",
        "2024-10-14T10:25",
        "XXXX-08",
        "XXXX-WXX-1",
        "P3D",
        "P30Y",
        "PT2H",
        "PXM",
        "PAST_REF",
        "199",
        "20",
    ],
)
def test_valid_timex_values(value: str) -> None:
    assert n.is_valid_timex(value)


@pytest.mark.parametrize("value", ["2024-13", "P", "14. oktober", "2024-10-14T", "P3", "yesterday"])
def test_invalid_timex_values(value: str) -> None:
    assert not n.is_valid_timex(value)


@given(ANCHORS, OFFSETS)
def test_day_offsets_round_trip(anchor: dt.date, offset: int) -> None:
    value = n.relative_value(anchor, "D", offset)
    assert n.is_valid_timex(value)
    assert (dt.date.fromisoformat(value) - anchor).days == offset


@given(ANCHORS, OFFSETS)
def test_week_offsets_round_trip(anchor: dt.date, offset: int) -> None:
    value = n.relative_value(anchor, "W", offset)
    assert n.is_valid_timex(value)
    year, week = int(value[:4]), int(value[6:])
    monday = dt.date.fromisocalendar(year, week, 1)
    anchor_monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1)
    assert (monday - anchor_monday).days == 7 * offset


@given(ANCHORS, OFFSETS)
def test_month_offsets_round_trip(anchor: dt.date, offset: int) -> None:
    value = n.relative_value(anchor, "M", offset)
    assert n.is_valid_timex(value) and len(value) == 7
    year, month = int(value[:4]), int(value[5:])
    assert (year * 12 + month) - (anchor.year * 12 + anchor.month) == offset


@given(ANCHORS, OFFSETS)
def test_year_and_quarter_offsets_round_trip(anchor: dt.date, offset: int) -> None:
    assert int(n.relative_value(anchor, "Y", offset)) == anchor.year + offset
    quarter = n.relative_value(anchor, "Q", offset)
    assert n.is_valid_timex(quarter)
    index = int(quarter[:4]) * 4 + int(quarter[-1]) - 1
    assert index - (anchor.year * 4 + n.quarter_of(anchor) - 1) == offset


@given(ANCHORS, WEEKDAYS, DIRECTIONS)
def test_weekday_resolution_respects_direction(
    anchor: dt.date, weekday: int, direction: str
) -> None:
    day = n.resolve_weekday(anchor, weekday, direction)  # type: ignore[arg-type]
    assert day.isoweekday() == weekday
    assert abs((day - anchor).days) <= 6
    if direction == "past":
        assert day <= anchor
    if direction == "future":
        assert day >= anchor


@given(ANCHORS, WEEKDAYS)
def test_strict_weekday_never_returns_the_anchor(anchor: dt.date, weekday: int) -> None:
    assert n.resolve_weekday(anchor, weekday, "future", strict=True) > anchor
    assert n.resolve_weekday(anchor, weekday, "past", strict=True) < anchor


@given(ANCHORS, st.integers(1, 12), st.integers(1, 28), DIRECTIONS)
def test_month_day_resolution_respects_direction(
    anchor: dt.date, month: int, day: int, direction: str
) -> None:
    resolved = n.resolve_month_day(anchor, month, day, direction)  # type: ignore[arg-type]
    assert resolved is not None and (resolved.month, resolved.day) == (month, day)
    assert abs((resolved - anchor).days) <= 366
    if direction == "past":
        assert resolved <= anchor
    if direction == "future":
        assert resolved >= anchor


@given(st.integers(1900, 2099))
def test_easter_matches_dateutil(year: int) -> None:
    easter = pytest.importorskip("dateutil.easter")
    assert n.easter_sunday(year) == easter.easter(year, easter.EASTER_WESTERN)
    assert n.easter_sunday(year, orthodox=True) == easter.easter(year, easter.EASTER_ORTHODOX)


@given(
    st.one_of(st.none(), st.floats(0.5, 500).map(lambda x: round(x, 1))),
    st.sampled_from(["S", "MIN", "H", "D", "W", "M", "Q", "Y", "DE", "CE"]),
)
def test_durations_are_valid_timex(amount: float | None, unit: str) -> None:
    assert n.is_valid_timex(n.duration_value(amount, unit))
