"""Pure date arithmetic: anchors, directions, calendar shifts and TIMEX3 value strings.

Nothing here knows a language. The grammar turns words into a `TimeSpec`; `newsgraph.temporal.resolve`
turns a spec plus an anchor into a TIMEX3 value using the functions below. Every value is written at
the granularity the text states: "forrige måned" is a month (`2024-09`), never a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Direction = Literal["past", "future", "nearest"]
Unit = Literal["Y", "Q", "M", "W", "D", "H", "MIN", "S"]

# Seasons in TIMEX3 order with the (month, day) each starts on; winter is named after the year of
# its January, so the winter of Dec 2012 - Mar 2013 is `2013-WI`.
SEASON_STARTS: dict[str, tuple[int, int]] = {
    "SP": (3, 20),
    "SU": (6, 21),
    "FA": (9, 23),
    "WI": (12, 21),
}
SEASON_ORDER = ("WI", "SP", "SU", "FA")
PARTS_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

# Calendar units expressed in months or days; decades and centuries are years times ten.
UNIT_YEARS = {"DE": 10, "CE": 100}

_YEAR = r"(?:\d{4}|XXXX)"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_PART = r"(?:MO|MI|AF|EV|NI|DT)"
_CLOCK = r"(?:[01]\d|2[0-4]):[0-5]\d(?::[0-5]\d)?"
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_TIMEX_PATTERNS = (
    r"(PRESENT|PAST|FUTURE)_REF",
    # centuries, decades and years; then seasons, quarters, halves, months, weeks, days, times
    r"\d{2,3}|" + _YEAR,
    _YEAR + r"-(?:SP|SU|FA|WI|Q[1-4]|H[12])",
    _YEAR + "-" + _MONTH,
    _YEAR + "-W" + _WEEK + r"(?:-(?:[1-7]|WE)(?:T" + _PART + ")?)?",
    _YEAR + "-" + _MONTH + "-" + _DAY + r"(?:T(?:" + _PART + "|" + _CLOCK + "))?",
    # durations: P3D, P30Y, PT2H, PXM, P2.5Y
    r"P(?:" + _AMOUNT + r"[YMWD])+(?:T(?:" + _AMOUNT + r"[HMS])+)?",
    r"PT(?:" + _AMOUNT + r"[HMS])+",
)
_TIMEX_RE = re.compile("^(?:" + "|".join(_TIMEX_PATTERNS) + ")$")


@dataclass(frozen=True)
class Anchor:
    """The reference point of an article: its publication date, with a time of day when known."""

    date: dt.date
    time: dt.time | None = None

    @classmethod
    def parse(cls, text: str | None) -> Anchor | None:
        """Read an ISO 8601 date or datetime; None when absent or unreadable."""
        if not text:
            return None
        cleaned = text.strip().replace("Z", "+00:00")
        try:
            if len(cleaned) <= 10:
                return cls(dt.date.fromisoformat(cleaned))
            moment = dt.datetime.fromisoformat(cleaned)
        except ValueError:
            return None
        return cls(moment.date(), moment.time().replace(tzinfo=None))


def direction_for_tense(tense: str | None, default: Direction = "nearest") -> Direction:
    """Where an under-specified date lies: before the anchor in the past tense, after in the future."""
    if tense == "past":
        return "past"
    if tense == "future":
        return "future"
    if tense == "present":
        return "nearest"
    return default


def add_months(day: dt.date, months: int) -> dt.date:
    """Shift by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """Move a date by `amount` units (Y, Q, M, W, D, DE, CE)."""
    if unit in UNIT_YEARS:
        return add_months(day, 12 * UNIT_YEARS[unit] * amount)
    if unit == "Y":
        return add_months(day, 12 * amount)
    if unit == "Q":
        return add_months(day, 3 * amount)
    if unit == "M":
        return add_months(day, amount)
    if unit == "W":
        return day + dt.timedelta(weeks=amount)
    if unit == "D":
        return day + dt.timedelta(days=amount)
    raise ValueError(f"cannot shift a date by unit {unit!r}")


def format_year(year: int) -> str:
    """A year as four digits."""
    return f"{year:04d}"


def format_month(year: int, month: int) -> str:
    """A month: 2024-09."""
    return f"{year:04d}-{month:02d}"


def format_day(day: dt.date) -> str:
    """A day: 2024-10-14."""
    return day.isoformat()


def format_week(day: dt.date) -> str:
    """The ISO week holding a date: 2024-W42 (the ISO year may differ from the calendar year)."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def format_weekend(day: dt.date) -> str:
    """The weekend of the ISO week holding a date: 2024-W42-WE."""
    return format_week(day) + "-WE"


def format_quarter(year: int, quarter: int) -> str:
    """A quarter: 2024-Q3."""
    return f"{year:04d}-Q{quarter}"


def format_season(year: int, season: str) -> str:
    """A season: 2024-SU."""
    return f"{year:04d}-{season}"


def format_time(day: dt.date, hour: int, minute: int, second: int | None = None) -> str:
    """A clock time on a day: 2024-10-14T15:20 (seconds only when the text gives them)."""
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    return value if second is None else f"{value}:{second:02d}"


def quarter_of(day: dt.date) -> int:
    """Quarter (1-4) holding a date."""
    return (day.month - 1) // 3 + 1


def season_of(day: dt.date) -> tuple[int, str]:
    """(year label, season code) of the astronomical season holding a date."""
    for code in ("WI", "FA", "SU", "SP"):
        month, start = SEASON_STARTS[code]
        if (day.month, day.day) >= (month, start):
            return (day.year + 1, "WI") if code == "WI" else (day.year, code)
    return day.year, "WI"


def season_index(year: int, season: str) -> int:
    """A running number for seasons, so that neighbours differ by one."""
    return year * 4 + SEASON_ORDER.index(season)


def season_from_index(index: int) -> tuple[int, str]:
    """Inverse of `season_index`."""
    year, position = divmod(index, 4)
    return year, SEASON_ORDER[position]


def pick(candidates: list[int], target: int, direction: Direction, strict: bool = False) -> int:
    """Choose among candidate positions relative to `target` (e.g. month indices) by direction.

    past: the latest candidate not after the target; future: the earliest not before it; nearest:
    the closest, the earlier one on a tie (news reports more than it announces). With `strict`,
    the target itself is excluded.
    """
    ordered = sorted(candidates)
    if direction == "past":
        before = [c for c in ordered if c < target or (c == target and not strict)]
        return before[-1] if before else ordered[0]
    if direction == "future":
        after = [c for c in ordered if c > target or (c == target and not strict)]
        return after[0] if after else ordered[-1]
    usable = [c for c in ordered if not (strict and c == target)]
    return min(usable, key=lambda c: (abs(c - target), c))


def resolve_weekday(
    anchor: dt.date, weekday: int, direction: Direction, strict: bool = False
) -> dt.date:
    """The day with ISO `weekday` (1 = Monday) nearest the anchor in the given direction."""
    delta = weekday - anchor.isoweekday()
    candidates = [delta - 7, delta, delta + 7]
    chosen = pick(candidates, 0, direction, strict)
    return anchor + dt.timedelta(days=chosen)


def weekday_in_week(anchor: dt.date, weekday: int, week_offset: int) -> dt.date:
    """The given weekday inside the ISO week `week_offset` weeks from the anchor's."""
    monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1)
    return monday + dt.timedelta(weeks=week_offset, days=weekday - 1)


def resolve_month_year(
    anchor: dt.date, month: int, direction: Direction, strict: bool = False
) -> int:
    """Year of the month named without a year, chosen by direction."""
    target = anchor.year * 12 + anchor.month - 1
    candidates = [(anchor.year + k) * 12 + month - 1 for k in (-1, 0, 1)]
    return pick(candidates, target, direction, strict) // 12


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether the day exists in that month of that year."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def resolve_month_day(
    anchor: dt.date, month: int, day: int, direction: Direction
) -> dt.date | None:
    """The date of a day and month named without a year, chosen by direction."""
    target = anchor.toordinal()
    options = {
        dt.date(anchor.year + k, month, day).toordinal(): anchor.year + k
        for k in (-1, 0, 1)
        if valid_day(anchor.year + k, month, day)
    }
    if not options:
        return None
    return dt.date.fromordinal(pick(list(options), target, direction))


def resolve_day_of_month(anchor: dt.date, day: int, direction: Direction) -> dt.date | None:
    """The date of a day of the month named alone ("den 15."), in this or a neighbouring month."""
    options = []
    for months in (-1, 0, 1):
        first = add_months(anchor.replace(day=1), months)
        if valid_day(first.year, first.month, day):
            options.append(first.replace(day=day).toordinal())
    if not options:
        return None
    return dt.date.fromordinal(pick(options, anchor.toordinal(), direction))


def resolve_season(
    anchor: dt.date, season: str, direction: Direction, relative: int | None = None
) -> tuple[int, str]:
    """(year, season) of a season named without a year; `relative` counts seasons of that name."""
    year, current = season_of(anchor)
    now = season_index(year, current)
    candidates = [season_index(anchor.year + k, season) for k in (-1, 0, 1, 2)]
    if relative:
        base = pick(candidates, now, "future" if relative > 0 else "past", strict=True)
        return season_from_index(base + 4 * (relative - (1 if relative > 0 else -1)))
    return season_from_index(pick(candidates, now, direction))


def nth_weekday_of_month(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The nth (1-based; -1 for the last) given weekday of a month."""
    days = [
        dt.date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, d).isoweekday() == weekday
    ]
    if nth == 0 or abs(nth) > len(days):
        return None
    return days[nth - 1] if nth > 0 else days[nth]


def easter_sunday(year: int, orthodox: bool = False) -> dt.date:
    """Easter Sunday (Gregorian computus; Julian computus shifted to Gregorian when `orthodox`)."""
    if orthodox:
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        julian = dt.date(year, month, day + 1)
        return julian + dt.timedelta(days=year // 100 - year // 400 - 2)
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_HOLIDAY_RE = re.compile(
    r"^(?:(?P<fixed>\d{2}-\d{2})"
    r"|(?P<nmonth>\d{2})-(?P<wd>[1-7])-(?P<nth>-?\d)"
    r"|(?P<easter>easter|orthodox))(?P<shift>[+-]\d+)?$"
)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """Date of a holiday rule in a year.

    Rules are data: `12-24` (fixed day), `11-4-4` (4th Thursday of November), `easter-2`
    (two days before Easter Sunday), `orthodox+1`; an optional +N/-N shifts any of them.
    """
    match = _HOLIDAY_RE.match(rule)
    if match is None:
        return None
    base: dt.date | None
    if match["fixed"]:
        month, day = (int(part) for part in match["fixed"].split("-"))
        base = dt.date(year, month, day) if valid_day(year, month, day) else None
    elif match["nmonth"]:
        base = nth_weekday_of_month(year, int(match["nmonth"]), int(match["wd"]), int(match["nth"]))
    else:
        base = easter_sunday(year, orthodox=match["easter"] == "orthodox")
    if base is None:
        return None
    return base + dt.timedelta(days=int(match["shift"] or 0))


def resolve_holiday(anchor: dt.date, rule: str, direction: Direction) -> dt.date | None:
    """Date of a holiday named without a year, chosen by direction."""
    options = [holiday_date(rule, anchor.year + k) for k in (-1, 0, 1)]
    ordinals = [day.toordinal() for day in options if day is not None]
    if not ordinals:
        return None
    return dt.date.fromordinal(pick(ordinals, anchor.toordinal(), direction))


def format_number(amount: float) -> str:
    """A count as TIMEX3 writes it: 3, 2.5."""
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, P30Y (three decades), PT2H, PXM for an unknown count."""
    if unit in UNIT_YEARS:
        return "PXY" if amount is None else f"P{format_number(amount * UNIT_YEARS[unit])}Y"
    if unit == "Q":
        return "PXM" if amount is None else f"P{format_number(amount * 3)}M"
    count = "X" if amount is None else format_number(amount)
    if unit in ("H", "MIN", "S"):
        letter = {"H": "H", "MIN": "M", "S": "S"}[unit]
        return f"PT{count}{letter}"
    return f"P{count}{unit}"


def value_at_unit(day: dt.date, unit: str) -> str:
    """The calendar unit holding a date, written at that unit's granularity."""
    if unit == "CE":
        return f"{day.year // 100:02d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "Y":
        return format_year(day.year)
    if unit == "Q":
        return format_quarter(day.year, quarter_of(day))
    if unit == "M":
        return format_month(day.year, day.month)
    if unit == "W":
        return format_week(day)
    if unit == "WE":
        return format_weekend(day)
    if unit == "D":
        return format_day(day)
    raise ValueError(f"no calendar value for unit {unit!r}")


def relative_value(anchor: dt.date, unit: str, offset: int) -> str:
    """The unit `offset` steps from the anchor's: ("M", -1) on 2024-10-14 is 2024-09."""
    if unit == "WE":
        return format_weekend(shift(anchor, "W", offset))
    if unit == "SEASON":
        year, season = season_of(anchor)
        return format_season(*season_from_index(season_index(year, season) + offset))
    return value_at_unit(shift(anchor, unit, offset), unit)


def is_valid_timex(value: str) -> bool:
    """Whether a string is a TIMEX3 value newsgraph writes (dates, weeks, times, durations, refs)."""
    return bool(_TIMEX_RE.match(value))
