"""Story-level events: reports of the same happening, across articles and languages, merged.

The rule is deliberately simple so every merge can say why it happened. An event joins a story
when it has the same PLOVER category, its dates overlap the story's first report within a window
of days, and it shares enough of the first report's actor countries or actor entities. Comparing
with the first report (the story's anchor) rather than the growing story keeps stories from
drifting one small step at a time into something else.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")
# An event dated only to a month or a year could be any meeting in it: it gets a story of its own.
MAX_ANCHOR_DAYS = 7


@dataclass(frozen=True)
class ClusterRule:
    """The knobs of the merge rule."""

    window_days: int = 3
    min_overlap: float = 0.6


@dataclass(frozen=True)
class EventSignature:
    """What the rule looks at in one reported event."""

    type: str
    countries: frozenset[str]
    actors: frozenset[str]
    start: date | None
    end: date | None


@dataclass(frozen=True)
class StoryAnchor:
    """A story as the rule sees it: the signature of its first report."""

    story_id: str
    signature: EventSignature


@dataclass(frozen=True)
class Decision:
    """Where an event goes: an existing story (with the reason) or a new one."""

    story_id: str | None
    reason: str
    score: float = 0.0


def date_range(value: str | None) -> tuple[date, date] | None:
    """First and last day a TIMEX3 value covers (day, week, month, year); None otherwise."""
    if not value:
        return None
    try:
        if match := DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return day, day
        if match := MONTH.match(value):
            first = date(int(match[1]), int(match[2]), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if match := WEEK.match(value):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + timedelta(days=6)
        if match := YEAR.match(value):
            year = int(match[1])
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def days_apart(first: EventSignature, second: EventSignature) -> int | None:
    """Days between two date ranges (0 when they overlap); None when either has no date."""
    if first.start is None or first.end is None or second.start is None or second.end is None:
        return None
    if first.start <= second.end and second.start <= first.end:
        return 0
    gap = second.start - first.end if first.end < second.start else first.start - second.end
    return gap.days


def overlap(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard overlap of two sets; 0 when either is empty."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def compare(event: EventSignature, anchor: StoryAnchor, rule: ClusterRule) -> Decision | None:
    """Why `event` belongs to the story of `anchor`, or None when the rule says it does not."""
    story = anchor.signature
    if event.type != story.type:
        return None
    gap = days_apart(event, story)
    if gap is None or gap > rule.window_days:
        return None
    countries = overlap(event.countries, story.countries)
    actors = overlap(event.actors, story.actors)
    reasons = []
    if countries >= rule.min_overlap:
        reasons.append(f"actor countries {_listed(event.countries & story.countries)}")
    if actors >= rule.min_overlap:
        reasons.append(f"actors {_listed(event.actors & story.actors)}")
    if not reasons:
        return None
    when = "overlapping dates" if gap == 0 else f"dates {gap} day{'s' if gap > 1 else ''} apart"
    reason = f"same category {event.type}, {' and '.join(reasons)}, {when}"
    score = countries + actors - gap / (rule.window_days + 1)
    return Decision(anchor.story_id, reason, score)


def decide(event: EventSignature, candidates: Sequence[StoryAnchor], rule: ClusterRule) -> Decision:
    """The best story for `event` among `candidates`, or a new story when none fits."""
    if event.start is None or event.end is None:
        return Decision(None, "first report (no date to compare)")
    if is_vague(event):
        return Decision(None, f"first report (dated only to {span_days(event)} days)")
    best: Decision | None = None
    for anchor in candidates:
        decision = compare(event, anchor, rule)
        if decision is not None and (best is None or decision.score > best.score):
            best = decision
    if best is not None:
        return best
    return Decision(None, "first report")


def span_days(event: EventSignature) -> int:
    """How many days the event's date covers (0 when it has none)."""
    if event.start is None or event.end is None:
        return 0
    return (event.end - event.start).days + 1


def is_vague(event: EventSignature) -> bool:
    """Whether the event's date is too coarse to merge it with other reports."""
    return span_days(event) > MAX_ANCHOR_DAYS


def story_id(article_id: str, event_id: str) -> str:
    """Stable id of a story founded by one event of one article."""
    return hashlib.sha256(f"{article_id}/{event_id}".encode()).hexdigest()[:16]


def _listed(values: frozenset[str]) -> str:
    return ", ".join(sorted(values))
