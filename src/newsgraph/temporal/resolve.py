"""Place a TimeSpec on the calendar: anchor + direction in, TIMEX3 type and value out.

Without an anchor, what the text states absolutely keeps its value (`august 2020` is `2020-08`);
the rest keeps a relative form (`XXXX-08`, `XXXX-WXX-1`, `PAST_REF`) and is marked unanchored.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from newsgraph.temporal import normalise as n
from newsgraph.temporal.spec import TimeSpec


@dataclass(frozen=True)
class Resolved:
    """A normalised expression: TIMEX3 type and value, and whether it needed an absent anchor."""

    type: str
    value: str
    anchored: bool = True


def resolve(spec: TimeSpec, anchor: n.Anchor | None, direction: n.Direction) -> Resolved | None:
    """Normalise a spec; None when the stated fields cannot form a date (e.g. 31 February)."""
    if spec.kind == "duration":
        return Resolved("DURATION", n.duration_value(spec.amount, spec.unit or "D"))
    if spec.kind == "set":
        return _resolve_set(spec)
    if spec.kind == "ref":
        return Resolved("DATE", spec.ref or "PRESENT_REF", anchor is not None)
    if spec.kind == "decade" and spec.decade is not None:
        return Resolved("DATE", f"{spec.decade:03d}")
    if spec.kind == "relative":
        return _resolve_relative(spec, anchor, direction)
    if spec.kind == "offset":
        return _resolve_offset(spec, anchor)
    if spec.kind == "nth":
        return _resolve_nth(spec, anchor, direction)
    if spec.kind == "holiday":
        return _resolve_holiday(spec, anchor, direction)
    return _resolve_calendar(spec, anchor, direction)


def _unanchored_ref(offset: int) -> str:
    if offset < 0:
        return "PAST_REF"
    return "FUTURE_REF" if offset > 0 else "PRESENT_REF"


def _resolve_set(spec: TimeSpec) -> Resolved:
    if spec.weekday is not None:
        value = f"XXXX-WXX-{spec.weekday}"
        if spec.part:
            value += f"T{spec.part}"
        return Resolved("SET", value)
    return Resolved("SET", n.duration_value(spec.amount or 1, spec.unit or "D"))


def _with_time(day: dt.date, spec: TimeSpec) -> tuple[str, str] | None:
    """Add the clock time or part of day of a spec to a day; None when the time is invalid."""
    if spec.hour is not None:
        hour = _hour_24(spec)
        if hour is None or not 0 <= (spec.minute or 0) <= 59 or not 0 <= (spec.second or 0) <= 59:
            return None
        day += dt.timedelta(days=hour // 24)
        return "TIME", n.format_time(day, hour % 24, spec.minute or 0, spec.second)
    if spec.part:
        return "TIME", f"{n.format_day(day)}T{spec.part}"
    return "DATE", n.format_day(day)


def _hour_24(spec: TimeSpec) -> int | None:
    """The hour on a 24-hour clock; 24 stands for midnight at the end of the day."""
    hour = spec.hour
    if hour is None or not 0 <= hour <= 24:
        return None
    if spec.ampm == "pm" and hour < 12:
        return hour + 12
    if spec.ampm == "am" and hour == 12:
        return 0
    if spec.ampm is None and hour < 12 and spec.part in ("AF", "EV") and hour >= 1:
        return hour + 12
    if spec.ampm is None and spec.part == "NI" and 6 <= hour < 12:
        return hour + 12
    return hour


def _clock_day(
    anchor: n.Anchor, spec: TimeSpec, direction: n.Direction
) -> tuple[dt.date, TimeSpec]:
    """The day a bare clock time falls on: the anchor's, or the next when it has passed already."""
    if anchor.time is None or direction != "future" or spec.hour is None:
        return anchor.date, spec
    # A time in the anchor's own hour still counts as ahead (Duckling reads "4:23" at 4:30 so).
    now = anchor.time.hour
    hour = _hour_24(spec)
    if hour is None:
        return anchor.date, spec
    candidates = [hour]
    if spec.clock12 and spec.ampm is None and spec.part is None and hour < 12:
        candidates.append(hour + 12)
    for candidate in candidates:
        if candidate >= now:
            return anchor.date, replace(spec, hour=candidate)
    return anchor.date + dt.timedelta(days=1), spec


def _resolve_relative(
    spec: TimeSpec, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    unit = spec.unit or "D"
    if anchor is None:
        return Resolved("DATE", _unanchored_ref(spec.offset), anchored=False)
    if unit == "D" and spec.offset == 0 and spec.hour is not None:
        day, timed_spec = _clock_day(anchor, spec, direction)
        return _timed(day, timed_spec)
    if unit == "D":
        timed = _with_time(n.shift(anchor.date, "D", spec.offset), spec)
        return None if timed is None else Resolved(timed[0], timed[1])
    return Resolved("DATE", n.relative_value(anchor.date, unit, spec.offset))


def _resolve_offset(spec: TimeSpec, anchor: n.Anchor | None) -> Resolved | None:
    unit = spec.unit or "D"
    sign = -1 if spec.offset < 0 else 1
    if spec.amount is None or anchor is None:
        return Resolved("DATE", _unanchored_ref(sign), anchored=anchor is not None)
    amount = spec.amount
    if unit in ("H", "MIN", "S"):
        seconds = amount * {"H": 3600, "MIN": 60, "S": 1}[unit]
        if anchor.time is None:
            # The hour of publication is unknown: whole days only, rounded toward the anchor.
            day = anchor.date + dt.timedelta(days=int(sign * seconds / 86400))
            return Resolved("DATE", n.format_day(day))
        start = dt.datetime.combine(anchor.date, anchor.time)
        moment = start + dt.timedelta(seconds=sign * seconds)
        second = moment.second if unit == "S" else None
        return Resolved("TIME", n.format_time(moment.date(), moment.hour, moment.minute, second))
    if not float(amount).is_integer():
        finer = {"Y": ("M", 12), "Q": ("M", 3), "M": ("D", 30), "W": ("D", 7)}.get(unit)
        if finer is None:
            return Resolved("DATE", _unanchored_ref(sign))
        unit, factor = finer
        amount = round(amount * factor)
    moved = n.shift(anchor.date, unit, int(sign * amount))
    return Resolved("DATE", n.value_at_unit(moved, unit))


def _resolve_nth(
    spec: TimeSpec, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    fixed = _with_month_offset(spec, anchor)
    if fixed is None:
        return Resolved("DATE", "XXXX-XX", anchored=False)
    spec = fixed
    if spec.month is None or spec.ordinal is None:
        return None
    year = spec.year
    if year is None:
        if anchor is None:
            return Resolved("DATE", f"XXXX-{spec.month:02d}", anchored=False)
        year = n.resolve_month_year(anchor.date, spec.month, direction)
    day = _nth_day(year, spec)
    if day is None:
        return None
    if spec.unit == "W":
        return Resolved("DATE", n.format_week(day))
    if spec.unit == "WE":
        return Resolved("DATE", n.format_weekend(day))
    return Resolved("DATE", n.format_day(day))


def _nth_day(year: int, spec: TimeSpec) -> dt.date | None:
    month, nth = spec.month or 1, spec.ordinal or 1
    if spec.weekday is not None:
        return n.nth_weekday_of_month(year, month, spec.weekday, nth)
    if spec.unit == "W":
        mondays = [
            day
            for day in (n.nth_weekday_of_month(year, month, 1, k) for k in range(1, 6))
            if day is not None
        ]
        if nth < 0:
            mondays = [d for d in mondays if (d + dt.timedelta(days=6)).month == month]
        if not mondays or abs(nth) > len(mondays):
            return None
        return mondays[nth - 1] if nth > 0 else mondays[nth]
    days = calendar.monthrange(year, month)[1]
    index = nth if nth > 0 else days + 1 + nth
    return dt.date(year, month, index) if 1 <= index <= days else None


def _resolve_holiday(
    spec: TimeSpec, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    rule = spec.holiday or ""
    year = spec.year
    if year is None and spec.year_offset is not None and anchor is not None:
        year = anchor.date.year + spec.year_offset
    if year is not None:
        day = n.holiday_date(rule, year)
    elif anchor is None:
        fixed = rule[:5] if len(rule) == 5 and rule[2] == "-" else "XX-XX"
        return Resolved("DATE", f"XXXX-{fixed}", anchored=False)
    else:
        if spec.rel:
            direction = "future" if spec.rel > 0 else "past"
        day = n.resolve_holiday(anchor.date, rule, direction)
    if day is None:
        return None
    timed = _with_time(day, spec)
    return None if timed is None else Resolved(timed[0], timed[1])


def _calendar_year(spec: TimeSpec, anchor: n.Anchor | None) -> int | None:
    if spec.year is not None:
        return spec.year
    if spec.year_offset is not None and anchor is not None:
        return anchor.date.year + spec.year_offset
    return None


def _with_month_offset(spec: TimeSpec, anchor: n.Anchor | None) -> TimeSpec | None:
    """Fix "the 20th of next month" to a month and year; None when no anchor can."""
    if spec.month_offset is None:
        return spec
    if anchor is None:
        return None
    month = n.add_months(anchor.date.replace(day=1), spec.month_offset)
    return replace(spec, year=month.year, month=month.month, month_offset=None)


def _resolve_calendar(
    spec: TimeSpec, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    fixed = _with_month_offset(spec, anchor)
    if fixed is None:
        return Resolved("DATE", "XXXX-XX" if spec.day is None else f"XXXX-XX-{spec.day:02d}", False)
    spec = fixed
    year = _calendar_year(spec, anchor)
    if spec.month is not None and spec.day is not None:
        return _resolve_month_day(spec, year, anchor, direction)
    if spec.month is not None:
        return _resolve_month(spec, year, anchor, direction)
    if spec.season is not None:
        return _resolve_season(spec, year, anchor, direction)
    if spec.quarter is not None:
        return _resolve_quarter(spec, year, anchor)
    if spec.week is not None:
        return _resolve_week_number(spec, year, anchor)
    if spec.day is not None:
        return _resolve_day_alone(spec, anchor, direction)
    if spec.weekday is not None:
        return _resolve_weekday(spec, anchor, direction)
    if year is not None and spec.hour is None and spec.part is None:
        return Resolved("DATE", n.format_year(year), spec.year is not None or anchor is not None)
    if spec.hour is not None or spec.part is not None:
        return _resolve_clock(spec, anchor, direction)
    return None


def _timed(day: dt.date, spec: TimeSpec) -> Resolved | None:
    timed = _with_time(day, spec)
    return None if timed is None else Resolved(timed[0], timed[1])


def _unanchored(spec: TimeSpec, date_part: str) -> Resolved:
    if spec.hour is not None:
        hour = _hour_24(spec)
        hour = 0 if hour is None else hour % 24
        suffix = f"T{hour:02d}:{spec.minute or 0:02d}"
        if spec.second is not None:
            suffix += f":{spec.second:02d}"
        return Resolved("TIME", date_part + suffix, anchored=False)
    if spec.part:
        return Resolved("TIME", f"{date_part}T{spec.part}", anchored=False)
    return Resolved("DATE", date_part, anchored=False)


def _resolve_month_day(
    spec: TimeSpec, year: int | None, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    month, day = spec.month or 1, spec.day or 1
    if year is not None:
        if not n.valid_day(year, month, day):
            return None
        return _timed(dt.date(year, month, day), spec)
    if anchor is None:
        if not n.valid_day(2000, month, day):
            return None
        return _unanchored(spec, f"XXXX-{month:02d}-{day:02d}")
    if spec.weekday is not None:
        matching = [
            dt.date(anchor.date.year + k, month, day).toordinal()
            for k in (-1, 0, 1)
            if n.valid_day(anchor.date.year + k, month, day)
            and dt.date(anchor.date.year + k, month, day).isoweekday() == spec.weekday
        ]
        if matching:
            chosen = n.pick(matching, anchor.date.toordinal(), direction)
            return _timed(dt.date.fromordinal(chosen), spec)
    resolved = n.resolve_month_day(anchor.date, month, day, direction)
    return None if resolved is None else _timed(resolved, spec)


def _resolve_month(
    spec: TimeSpec, year: int | None, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    month = spec.month or 1
    if not 1 <= month <= 12:
        return None
    if year is None:
        if anchor is None:
            return Resolved("DATE", f"XXXX-{month:02d}", anchored=False)
        if spec.rel:
            step: n.Direction = "future" if spec.rel > 0 else "past"
            year = n.resolve_month_year(anchor.date, month, step, strict=True)
            year += spec.rel - (1 if spec.rel > 0 else -1)
        else:
            year = n.resolve_month_year(anchor.date, month, direction)
    return Resolved("DATE", n.format_month(year, month))


def _resolve_season(
    spec: TimeSpec, year: int | None, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    season = spec.season or "SU"
    if year is not None:
        return Resolved("DATE", n.format_season(year, season))
    if anchor is None:
        return Resolved("DATE", f"XXXX-{season}", anchored=False)
    label, code = n.resolve_season(anchor.date, season, direction, spec.rel)
    return Resolved("DATE", n.format_season(label, code))


def _resolve_quarter(spec: TimeSpec, year: int | None, anchor: n.Anchor | None) -> Resolved | None:
    quarter = spec.quarter or 1
    if not 1 <= quarter <= 4:
        return None
    if year is None and anchor is not None:
        year = anchor.date.year
    if year is None:
        return Resolved("DATE", f"XXXX-Q{quarter}", anchored=False)
    return Resolved("DATE", n.format_quarter(year, quarter))


def _resolve_week_number(
    spec: TimeSpec, year: int | None, anchor: n.Anchor | None
) -> Resolved | None:
    week = spec.week or 1
    if not 1 <= week <= 53:
        return None
    if year is None and anchor is not None:
        year = anchor.date.isocalendar().year
    if year is None:
        return Resolved("DATE", f"XXXX-W{week:02d}", anchored=False)
    return Resolved("DATE", f"{year:04d}-W{week:02d}")


def _resolve_weekday(
    spec: TimeSpec, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    weekday = spec.weekday or 1
    if anchor is None:
        return _unanchored(spec, f"XXXX-WXX-{weekday}")
    if spec.week_offset is not None:
        day = n.weekday_in_week(anchor.date, weekday, spec.week_offset)
    elif spec.rel is not None and spec.rel != 0:
        if spec.rel_mode == "week":
            day = n.weekday_in_week(anchor.date, weekday, spec.rel)
        else:
            step: n.Direction = "future" if spec.rel > 0 else "past"
            day = n.resolve_weekday(anchor.date, weekday, step, strict=True)
            extra = spec.rel - (1 if spec.rel > 0 else -1)
            day += dt.timedelta(weeks=extra)
    else:
        day = n.resolve_weekday(anchor.date, weekday, direction)
    return _timed(day, spec)


def _resolve_day_alone(
    spec: TimeSpec, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    day_number = spec.day or 1
    if anchor is None:
        return _unanchored(spec, f"XXXX-XX-{day_number:02d}")
    if spec.weekday is not None:
        first = anchor.date.replace(day=1)
        months = (n.add_months(first, k) for k in range(-12, 13))
        matching = [
            month.replace(day=day_number).toordinal()
            for month in months
            if n.valid_day(month.year, month.month, day_number)
            and month.replace(day=day_number).isoweekday() == spec.weekday
        ]
        if not matching:
            return None
        chosen = n.pick(matching, anchor.date.toordinal(), direction)
        return _timed(dt.date.fromordinal(chosen), spec)
    day = n.resolve_day_of_month(anchor.date, day_number, direction)
    return None if day is None else _timed(day, spec)


def _resolve_clock(
    spec: TimeSpec, anchor: n.Anchor | None, direction: n.Direction
) -> Resolved | None:
    if anchor is None:
        return _unanchored(spec, "XXXX-XX-XX")
    day, chosen = _clock_day(anchor, spec, direction)
    return _timed(day, chosen)
