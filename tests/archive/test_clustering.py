"""Story clustering: reports of one event merge across articles and languages, with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.archive import EventQuery, Repository, open_archive
from newsgraph.archive.clustering import (
    ClusterRule,
    EventSignature,
    StoryAnchor,
    compare,
    date_range,
    decide,
)

from .builders import (
    LATER_MEETING,
    MEETING_EN_OTHER,
    MEETING_EN_TRANSLATION,
    MEETING_NB,
    NORWAY_TALKS,
    build,
    corpus,
)
from .conftest import UrlFactory

RULE = ClusterRule(window_days=3, min_overlap=0.6)


def signature(
    type_: str = "CONSULT",
    countries: tuple[str, ...] = ("CHN", "RUS"),
    actors: tuple[str, ...] = ("dong jun", "andrey belousov"),
    day: str | None = "2024-10-14",
) -> EventSignature:
    span = date_range(day)
    return EventSignature(
        type=type_,
        countries=frozenset(countries),
        actors=frozenset(actors),
        start=span[0] if span else None,
        end=span[1] if span else None,
    )


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2024-10-14", "2024-10-14", "2024-10-14"),
        ("2024-10-14T09:30", "2024-10-14", "2024-10-14"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2024-12", "2024-12-01", "2024-12-31"),
        ("2024-W42", "2024-10-14", "2024-10-20"),
        ("2024", "2024-01-01", "2024-12-31"),
    ],
)
def test_date_range_covers_the_days_a_timex_value_names(value: str, first: str, last: str) -> None:
    assert date_range(value) == (date.fromisoformat(first), date.fromisoformat(last))


@pytest.mark.parametrize("value", [None, "", "P3D", "PRESENT_REF", "2024-13", "2024-02-30"])
def test_date_range_of_durations_and_nonsense_is_none(value: str | None) -> None:
    assert date_range(value) is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_date_range_of_any_day_is_that_day(day: date) -> None:
    assert date_range(day.isoformat()) == (day, day)


def test_same_category_countries_and_dates_merge_with_reason() -> None:
    anchor = StoryAnchor("s1", signature())
    decision = compare(signature(day="2024-10-16", actors=()), anchor, RULE)
    assert decision is not None
    assert decision.story_id == "s1"
    assert decision.reason == (
        "same category CONSULT, actor countries CHN, RUS, dates 2 days apart"
    )


def test_shared_actors_merge_even_when_countries_are_unknown() -> None:
    anchor = StoryAnchor("s1", signature())
    decision = compare(signature(countries=()), anchor, RULE)
    assert decision is not None and "actors andrey belousov, dong jun" in decision.reason


@pytest.mark.parametrize(
    "other",
    [
        signature(type_="ACCUSE"),
        signature(countries=("NOR", "CHN"), actors=("espen barth eide", "wang yi")),
        signature(day="2024-10-25"),
        signature(day=None),
    ],
    ids=["other category", "other actors", "outside the window", "no date"],
)
def test_events_that_differ_do_not_merge(other: EventSignature) -> None:
    assert compare(other, StoryAnchor("s1", signature()), RULE) is None


def test_decide_prefers_the_closest_story_and_founds_one_when_none_fits() -> None:
    near = StoryAnchor("near", signature(day="2024-10-14"))
    far = StoryAnchor("far", signature(day="2024-10-11"))
    assert decide(signature(), [far, near], RULE).story_id == "near"
    fresh = decide(signature(type_="ASSAULT"), [far, near], RULE)
    assert (fresh.story_id, fresh.reason) == (None, "first report")


def test_norwegian_and_english_reports_of_one_meeting_count_once(archive: Repository) -> None:
    archive.add_articles(corpus())
    [story] = archive.events(
        EventQuery(
            countries=["RUS", "CHN"], types=["CONSULT"], since="2024-10-01", until="2024-10-31"
        )
    )
    assert story.report_count == 3
    assert story.languages == ["en", "nb"]
    assert (story.date_start, story.date_end) == ("2024-10-14", "2024-10-16")
    reports = {r.article_id: r for r in story.reports}
    assert reports[build(MEETING_NB).id].reason == "first report"
    assert reports[build(MEETING_EN_TRANSLATION).id].reason.startswith("same category CONSULT")
    # The third report has no date of its own: its publication date stands in for it.
    assert "2 days apart" in reports[build(MEETING_EN_OTHER).id].reason


def test_other_countries_and_a_later_meeting_stay_separate_stories(archive: Repository) -> None:
    archive.add_articles(corpus())
    stories = archive.events(EventQuery(types=["CONSULT"]))
    by_article = {r.article_id: s.story_id for s in stories for r in s.reports}
    meeting = by_article[build(MEETING_NB).id]
    assert by_article[build(NORWAY_TALKS).id] != meeting
    assert by_article[build(LATER_MEETING).id] != meeting
    assert len(stories) == 3
    assert archive.stats().counts["stories"] == 3


def test_translation_is_linked_but_an_independent_report_is_not(archive: Repository) -> None:
    archive.add_articles(corpus())
    links = archive.duplicates(relation="translation")
    assert [(link.article_id, link.original_id) for link in links] == [
        (build(MEETING_EN_TRANSLATION).id, build(MEETING_NB).id)
    ]
    assert "same 1 of 1 stories" in links[0].reason


def test_clustering_does_not_depend_on_batch_boundaries(
    archive: Repository, new_url: UrlFactory
) -> None:
    for article in corpus():
        archive.add_articles([article])
    with open_archive(new_url()) as together:
        together.add_articles(corpus())
        assert together.snapshot() == archive.snapshot()


def test_an_event_dated_only_to_a_month_founds_its_own_story() -> None:
    anchor = StoryAnchor("s1", signature())
    decision = decide(signature(day="2024-10"), [anchor], RULE)
    assert (decision.story_id, decision.reason) == (None, "first report (dated only to 31 days)")


def test_a_story_founded_by_a_vaguely_dated_report_anchors_nothing(archive: Repository) -> None:
    vague = build(MEETING_NB)
    vague.events[0].date = "2024-10"
    vague.meta.published = None
    archive.add_articles([vague, build(MEETING_EN_TRANSLATION)])
    stories = archive.events(EventQuery(countries=["RUS", "CHN"]))
    assert sorted(s.report_count for s in stories) == [1, 1]
