"""What a temporal expression says, before it is placed on the calendar.

The grammar fills a `TimeSpec` from the words of one language; `resolve` reads only the spec, so the
arithmetic never sees a word. Fields left `None` are what the text does not state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

SpecKind = Literal[
    "calendar",  # named or numbered calendar fields: 14. oktober 2024, i august, fredag morgen, kl. 15
    "relative",  # a calendar unit counted from the anchor's: forrige måned, next week, i går
    "offset",  # a span away from the anchor: for tre år siden, in two weeks
    "duration",  # a length of time: tre tiår, 15-day, several months
    "set",  # a recurrence: annethvert år, every Monday
    "ref",  # PRESENT_REF / PAST_REF / FUTURE_REF: nå, recently, soon
    "nth",  # the nth weekday/day/week of a month: første tirsdag i oktober, last day of May
    "holiday",  # a named day given by a rule: julaften, Easter Monday
    "decade",  # 1990-tallet, the 1990s
]
WeekdayMode = Literal["after", "week"]


@dataclass(frozen=True)
class TimeSpec:
    """The stated parts of one temporal expression (language-independent)."""

    kind: SpecKind
    year: int | None = None
    year_offset: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    week: int | None = None
    week_offset: int | None = None
    month_offset: int | None = None
    quarter: int | None = None
    season: str | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    ampm: str | None = None
    clock12: bool = False
    rel: int | None = None
    rel_mode: WeekdayMode = "after"
    unit: str | None = None
    offset: int = 0
    amount: float | None = None
    ordinal: int | None = None
    holiday: str | None = None
    ref: str | None = None
    decade: int | None = None
    weekend: bool = False

    @property
    def has_date(self) -> bool:
        """Whether the spec names a day (or a unit containing one) rather than only a clock time."""
        if self.kind == "relative":
            return self.unit == "D"
        if self.kind in ("nth", "holiday"):
            return True
        if self.kind != "calendar":
            return False
        return any(v is not None for v in (self.day, self.weekday)) or (
            self.month is not None and self.day is not None
        )

    @property
    def is_clock(self) -> bool:
        """Whether the spec is only a time of day or part of day (no date of its own)."""
        return (
            self.kind == "calendar"
            and (self.hour is not None or self.part is not None)
            and all(
                v is None
                for v in (self.year, self.month, self.day, self.weekday, self.season, self.quarter)
            )
        )

    def with_clock(self, clock: TimeSpec) -> TimeSpec:
        """This date with the time of day of `clock` added."""
        return replace(
            self,
            hour=clock.hour if clock.hour is not None else self.hour,
            minute=clock.minute if clock.minute is not None else self.minute,
            second=clock.second if clock.second is not None else self.second,
            ampm=clock.ampm or self.ampm,
            clock12=clock.clock12 or self.clock12,
            part=clock.part or self.part,
        )
