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
    text_tokens,
)

from .builders import (
    BELOUSOV_EN,
    DONG_EN,
    FARMERS_PROTEST,
    LATER_MEETING,
    MEETING_EN_OTHER,
    MEETING_EN_TRANSLATION,
    MEETING_NB,
    NORWAY_TALKS,
    STUDENTS_PROTEST,
    Happening,
    Story,
    build,
    corpus,
)
from .conftest import UrlFactory

RULE = ClusterRule(window_days=3, min_similarity=0.3)
DONG = frozenset({"dong jun", "@CHN"})
BELOUSOV = frozenset({"andrey belousov", "@RUS"})


def signature(
    type_: str = "CONSULT",
    countries: tuple[str, ...] = ("CHN", "RUS"),
    actors: tuple[str, ...] = ("dong jun", "andrey belousov"),
    day: str | None = "2024-10-14",
    source: frozenset[str] = DONG,
    target: frozenset[str] = BELOUSOV,
    evidence: str = "Dong Jun received Andrey Belousov in Beijing for talks on joint exercises.",
    lang: str = "en",
    place: str | None = None,
) -> EventSignature:
    span = date_range(day)
    names, words = text_tokens([evidence], ["Dong Jun", "Andrey Belousov", "Andrej"])
    return EventSignature(
        type=type_,
        countries=frozenset(countries),
        actors=frozenset(actors),
        start=span[0] if span else None,
        end=span[1] if span else None,
        source=source,
        target=target,
        place=place,
        names=names,
        words=words,
        lang=lang,
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


def test_same_dyad_dates_and_evidence_merge_with_every_reason() -> None:
    anchor = StoryAnchor("s1", signature())
    decision = compare(
        signature(
            day="2024-10-16",
            evidence="In Beijing, Dong Jun and Andrey Belousov talked about joint exercises.",
        ),
        anchor,
        RULE,
    )
    assert decision is not None
    assert decision.story_id == "s1"
    assert decision.reason.startswith(
        "same category CONSULT, dyad CHN, dong jun → RUS, andrey belousov, dates 2 days apart,"
        " evidence words overlap 0.60"
    )


def test_a_meeting_reported_either_way_round_merges_but_an_attack_does_not() -> None:
    swapped = {"source": BELOUSOV, "target": DONG}
    assert compare(signature(**swapped), StoryAnchor("s1", signature()), RULE) is not None
    attack = signature(type_="ASSAULT")
    assert compare(signature(type_="ASSAULT", **swapped), StoryAnchor("s1", attack), RULE) is None


def test_unrelated_domestic_reports_sharing_country_and_category_stay_apart() -> None:
    # What the old rule merged: two Norwegian protests in one week, nothing else in common.
    anchor = signature(
        type_="PROTEST",
        countries=("NOR",),
        actors=("norway", "farmers"),
        source=frozenset(),
        target=frozenset(),
        evidence="Farmers blocked roads outside Stortinget over the new milk prices.",
    )
    other = signature(
        type_="PROTEST",
        countries=("NOR",),
        actors=("norway", "students"),
        source=frozenset(),
        target=frozenset(),
        evidence="Students marched through Bergen against higher tuition fees.",
        day="2024-10-15",
    )
    assert compare(other, StoryAnchor("s1", anchor), RULE) is None


def test_same_people_saying_other_things_stay_apart() -> None:
    anchor = signature(type_="ACCUSE", evidence="Dong Jun accused Belousov of leaking the plans.")
    other = signature(
        type_="ACCUSE",
        evidence="Dong Jun blamed Andrey Belousov for the delayed grain shipment to Harbin.",
        day="2024-10-15",
    )
    assert compare(other, StoryAnchor("s1", anchor), RULE) is None


def test_nb_and_en_reports_meet_through_names_and_numbers() -> None:
    anchor = signature(
        evidence="Dong Jun tok imot Andrej Belousov i Beijing, der 3000 soldater deltok.",
        lang="nb",
    )
    other = signature(
        evidence="Dong Jun received Andrey Belousov in Beijing as 3000 troops marched."
    )
    decision = compare(other, StoryAnchor("s1", anchor), RULE)
    assert decision is not None and "evidence names overlap" in decision.reason


@pytest.mark.parametrize(
    "other",
    [
        signature(type_="ACCUSE"),
        signature(
            countries=("NOR", "CHN"),
            actors=("espen barth eide", "wang yi"),
            source=frozenset({"espen barth eide", "@NOR"}),
            target=frozenset({"wang yi", "@CHN"}),
        ),
        signature(day="2024-10-25"),
        signature(day=None),
        signature(place="RUS"),
    ],
    ids=["other category", "other dyad", "outside the window", "no date", "other place"],
)
def test_events_that_differ_do_not_merge(other: EventSignature) -> None:
    assert compare(other, StoryAnchor("s1", signature(place="CHN")), RULE) is None


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
            countries=["RUS", "CHN"], types=["CONSULT"], since="2024-10-01", until="2024-10-14"
        )
    )
    assert story.report_count == 2
    assert story.languages == ["en", "nb"]
    reports = {r.article_id: r for r in story.reports}
    assert reports[build(MEETING_NB).id].reason == "first report"
    assert reports[build(MEETING_EN_TRANSLATION).id].reason.startswith(
        "same category CONSULT, dyad CHN, dong jun → RUS, andrey belousov, overlapping dates"
    )


def test_a_report_sharing_no_detail_beyond_the_dyad_is_its_own_story(
    archive: Repository,
) -> None:
    # "arrived in the Chinese capital" shares no name or number with "i Beijing": the rule
    # cannot see that it is the same meeting, and says so rather than guessing.
    archive.add_articles(corpus())
    stories = archive.events(EventQuery(countries=["RUS", "CHN"], types=["CONSULT"]))
    by_article = {r.article_id: s.story_id for s in stories for r in s.reports}
    assert by_article[build(MEETING_EN_OTHER).id] != by_article[build(MEETING_NB).id]


def test_other_countries_and_a_later_meeting_stay_separate_stories(archive: Repository) -> None:
    archive.add_articles(corpus())
    stories = archive.events(EventQuery(types=["CONSULT"]))
    by_article = {r.article_id: s.story_id for s in stories for r in s.reports}
    meeting = by_article[build(MEETING_NB).id]
    assert by_article[build(NORWAY_TALKS).id] != meeting
    assert by_article[build(LATER_MEETING).id] != meeting
    assert len(stories) == 4
    assert archive.stats().counts["stories"] == 4


def test_unrelated_protests_in_one_country_and_week_are_separate_stories(
    archive: Repository,
) -> None:
    archive.add_articles([build(FARMERS_PROTEST), build(STUDENTS_PROTEST)])
    stories = archive.events(EventQuery(countries=["NOR"], types=["PROTEST"]))
    assert [s.report_count for s in stories] == [1, 1]


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


def test_surname_of_an_initiator_meets_the_full_name() -> None:
    anchor = StoryAnchor("s1", signature(source=frozenset({"donald trump", "@USA"})))
    report = signature(source=frozenset({"trump"}))
    decision = compare(report, anchor, RULE)
    assert decision is not None
    assert "trump" in decision.reason


def test_meeting_of_the_same_initiator_same_day_and_place_merges_without_shared_words() -> None:
    anchor = StoryAnchor(
        "s1",
        signature(
            target=frozenset(),
            evidence="Belousov arrived for an official visit.",
            place="CHN",
            source=BELOUSOV,
        ),
    )
    report = signature(
        countries=("CHN", "RUS", "PRK"),
        target=frozenset(),
        evidence="He hoped his talks would strengthen the partnership.",
        place="CHN",
        source=BELOUSOV,
    )
    decision = compare(report, anchor, RULE)
    assert decision is not None
    assert "same day and place" in decision.reason
    assert "within" in decision.reason
    elsewhere = signature(
        target=frozenset(),
        evidence="He hoped his talks would strengthen the partnership.",
        place="PRK",
        source=BELOUSOV,
    )
    assert compare(elsewhere, anchor, RULE) is None


def test_an_accusation_missing_its_target_meets_the_full_report_only_on_the_same_day() -> None:
    anchor = StoryAnchor(
        "s1",
        signature(
            "ACCUSE",
            ("USA", "CHN"),
            source=frozenset({"lloyd harper", "@USA"}),
            target=frozenset({"@CHN"}),
            evidence="Harper accused China of bullying fishing fleets near the Paracel Islands.",
        ),
    )
    text = "In Hanoi, Harper said the bullying of fishing fleets near the Paracel Islands must end."
    same_day = signature(
        "ACCUSE",
        ("USA",),
        source=frozenset({"lloyd harper", "@USA"}),
        target=frozenset(),
        evidence=text,
    )
    decision = compare(same_day, anchor, RULE)
    assert decision is not None
    assert "initiator lloyd harper, actor countries USA within CHN, USA" in decision.reason
    next_day = signature(
        "ACCUSE",
        ("USA",),
        day="2024-10-15",
        source=frozenset({"lloyd harper", "@USA"}),
        target=frozenset(),
        evidence=text,
    )
    assert compare(next_day, anchor, RULE) is None


def test_an_accusation_by_another_speaker_with_fewer_countries_stays_apart() -> None:
    text = "Harper accused China of bullying fishing fleets near the Paracel Islands."
    anchor = StoryAnchor(
        "s1",
        signature(
            "ACCUSE",
            ("USA", "CHN"),
            source=frozenset({"lloyd harper", "@USA"}),
            target=frozenset(),
            evidence=text,
        ),
    )
    report = signature(
        "ACCUSE",
        ("USA",),
        source=frozenset({"maria olsen", "@USA"}),
        target=frozenset(),
        evidence=text,
    )
    assert compare(report, anchor, RULE) is None


def test_a_call_between_the_same_parties_on_one_day_merges_without_shared_words() -> None:
    anchor = StoryAnchor(
        "s1",
        signature(
            countries=("USA", "UKR"),
            day="2024-07-25",
            source=frozenset({"@USA", "walter grimes"}),
            target=frozenset({"@UKR", "oksana melnyk"}),
            evidence="Aides listened in on Grimes's July 25 call with Melnyk.",
        ),
    )
    report = signature(
        countries=("USA", "UKR"),
        day="2024-07-25",
        source=frozenset({"@USA", "two envoys"}),
        target=frozenset({"@UKR", "oksana melnyk"}),
        evidence="The envoys said that conversation was not in line with policy.",
    )
    decision = compare(report, anchor, RULE)
    assert decision is not None
    assert decision.reason.endswith("dyad USA → UKR, oksana melnyk, same day")
    # The same parties on another day, or only countries in common, are not one call.
    later = signature(
        countries=("USA", "UKR"),
        day="2024-07-26",
        source=frozenset({"@USA", "two envoys"}),
        target=frozenset({"@UKR", "oksana melnyk"}),
        evidence="The envoys said that conversation was not in line with policy.",
    )
    assert compare(later, anchor, RULE) is None
    unnamed = signature(
        countries=("USA", "UKR"),
        day="2024-07-25",
        source=frozenset({"@USA", "two envoys"}),
        target=frozenset({"@UKR", "kyiv officials"}),
        evidence="The envoys said that conversation was not in line with policy.",
    )
    assert compare(unnamed, anchor, RULE) is None


def test_a_meeting_report_naming_fewer_countries_meets_one_sharing_a_named_actor() -> None:
    anchor = StoryAnchor(
        "s1",
        signature(
            countries=("USA", "UKR"),
            day="2024-07-10",
            source=frozenset({"@USA", "rita sandberg"}),
            target=frozenset({"@UKR"}),
            evidence="At the July 10 meeting in the White House Sandberg asked the visitors for help.",
        ),
    )
    report = signature(
        countries=("USA",),
        day="2024-07-10",
        source=frozenset(),
        target=frozenset({"@USA", "rita sandberg"}),
        evidence="A diplomat changed his account of the July 10 meeting with the visitors.",
    )
    decision = compare(report, anchor, RULE)
    assert decision is not None
    assert "actor countries USA within UKR, USA and actors rita sandberg" in decision.reason


def test_shared_content_words_need_more_overlap_than_shared_names() -> None:
    anchor = StoryAnchor(
        "s1",
        signature(
            "ACCUSE",
            ("USA",),
            source=frozenset({"donald trump", "@USA"}),
            target=frozenset(),
            evidence="the impeachment investigation hearings continued against expectations",
        ),
    )
    report = signature(
        "ACCUSE",
        ("USA",),
        source=frozenset({"donald trump", "@USA"}),
        target=frozenset(),
        evidence="critics called impeachment hearings unfair and slowly",
    )
    # two of six stems shared (0.33) would do for names, not for content words
    assert compare(report, anchor, RULE) is None


def test_same_day_meeting_whose_evidence_names_other_things_stays_apart() -> None:
    anchor = StoryAnchor(
        "s1",
        signature(
            countries=("USA", "UKR"),
            day="2024-07-10",
            source=frozenset({"@USA", "rita sandberg"}),
            target=frozenset({"@UKR"}),
            place="UKR",
            evidence="At a meeting in the White House Sandberg told the Odesa delegation to deliver.",
        ),
    )
    other_things = signature(
        countries=("USA", "UKR"),
        day="2024-07-10",
        source=frozenset({"@USA", "rita sandberg"}),
        target=frozenset({"@UKR"}),
        place="UKR",
        evidence="Emails showed talks between Sandberg and Kowalski about Naftogaz and Burisma.",
    )
    assert compare(other_things, StoryAnchor("s1", anchor.signature), RULE) is None
    silent = signature(
        countries=("USA", "UKR"),
        day="2024-07-10",
        source=frozenset({"@USA", "rita sandberg"}),
        target=frozenset({"@UKR"}),
        place="UKR",
        evidence="She said afterwards that the talks had gone well.",
    )
    decision = compare(silent, anchor, RULE)
    assert decision is not None and decision.reason.endswith("same day and place")


def _drill(url: str, text: str, day: str) -> Story:
    return Story(
        text=text,
        url=url,
        lang="en",
        published=day,
        publisher=url.split("/")[2],
        people=(DONG_EN, BELOUSOV_EN),
        events=(Happening("COOPERATE", ("p1", "p2"), ("CHN", "RUS"), day, text),),
    )


def test_a_report_like_only_a_later_member_founds_its_own_story(archive: Repository) -> None:
    # Each report is compared with a story's first report, never with its later members, so
    # a story cannot drift from Harbin to Kazan one shared detail at a time.
    first = _drill(
        "https://one.example.org/drill",
        "Dong Jun and Andrey Belousov opened the Northern Shield drill near Harbin with 4000 troops.",
        "2024-11-05",
    )
    second = _drill(
        "https://two.example.org/drill",
        "The Northern Shield drill near Harbin, with 4000 troops, moved on to Kazan and the Volga"
        " as Dong Jun and Andrey Belousov watched.",
        "2024-11-06",
    )
    third = _drill(
        "https://three.example.org/drill",
        "Dong Jun and Andrey Belousov inspected rail depots in Kazan and on the Volga.",
        "2024-11-06",
    )
    archive.add_articles([build(first), build(second), build(third)])
    stories = archive.events(EventQuery(types=["COOPERATE"]))
    by_article = {r.article_id: s.story_id for s in stories for r in s.reports}
    assert by_article[build(second).id] == by_article[build(first).id]
    assert by_article[build(third).id] != by_article[build(first).id]
