"""The five query kinds (search, events, quotes, entity, stats) on every backend."""

from __future__ import annotations

import pytest

from newsgraph.archive import EventQuery, Repository

from .builders import (
    DRILL_WITH_MINSK,
    DRILL_WITH_PYONGYANG,
    LATER_MEETING,
    MEETING_EN_TRANSLATION,
    MEETING_NB,
    NORWAY_TALKS,
    build,
    corpus,
)


@pytest.fixture
def filled(archive: Repository) -> Repository:
    archive.add_articles(corpus())
    return archive


def test_search_finds_norwegian_words_in_the_text(filled: Repository) -> None:
    [hit] = filled.search("militært samarbeid")
    assert hit.article_id == build(MEETING_NB).id
    assert "militært" in hit.snippet and "[" in hit.snippet


def test_search_covers_quotes_and_entity_names(filled: Repository) -> None:
    assert {h.article_id for h in filled.search("sterkere")} == {build(MEETING_NB).id}
    assert {h.article_id for h in filled.search("Wang Yi")} == {build(NORWAY_TALKS).id}


def test_search_requires_every_word_and_honours_phrases(filled: Repository) -> None:
    assert filled.search("militært fotball") == []
    # Four: three English texts, and the Norwegian one through the entity's canonical name.
    assert len(filled.search('"Andrey Belousov"')) == 4
    assert filled.search('"Jun Dong"') == []


def test_search_filters_by_language_and_ignores_query_syntax(filled: Repository) -> None:
    assert {h.lang for h in filled.search("Belousov", lang="en")} == {"en"}
    assert filled.search('" AND OR ( * ') == []
    assert filled.search("Dong* (") != []


def test_events_filter_by_country_type_and_date(filled: Repository) -> None:
    october = EventQuery(countries=["RUS", "CHN"], types=["CONSULT"], since="2024-10-01")
    assert [s.date_start for s in filled.events(october)] == [
        "2024-11-20",
        "2024-10-16",
        "2024-10-14",
    ]
    only_later = EventQuery(countries=["rus", "chn"], since="2024-11-01")
    assert [s.report_count for s in filled.events(only_later)] == [1]
    with_norway = EventQuery(countries=["NOR", "CHN"])
    [story] = filled.events(with_norway)
    assert story.reports[0].article_id == build(NORWAY_TALKS).id
    assert filled.events(EventQuery(types=["ASSAULT"])) == []
    assert filled.events(EventQuery(countries=["RUS"], until="2024-10-01")) == []


def test_country_filter_needs_one_report_involving_every_country(archive: Repository) -> None:
    archive.add_articles([build(DRILL_WITH_PYONGYANG), build(DRILL_WITH_MINSK)])
    [story] = archive.events(EventQuery(countries=["PRK"]))
    assert story.report_count == 2
    assert story.countries == ["BLR", "CHN", "PRK", "RUS"]
    assert archive.events(EventQuery(countries=["PRK", "RUS"])) == [story]
    # North Korea is in one report and Belarus in the other: no report involves both.
    assert archive.events(EventQuery(countries=["PRK", "BLR"])) == []


def test_events_filter_by_actor_name_in_any_language(filled: Repository) -> None:
    stories = filled.events(EventQuery(entity="andrey belousov"))
    assert len(stories) == 3
    assert {s.story_id for s in filled.events(EventQuery(entity="Wang Yi"))} != {
        s.story_id for s in stories
    }


def test_events_carry_actors_evidence_and_can_leave_reports_out(filled: Repository) -> None:
    [story] = filled.events(EventQuery(since="2024-11-01"))
    assert story.actors == ["Andrey Belousov", "Dong Jun"]
    assert story.reports[0].evidence.startswith("Dong Jun and Andrey Belousov spoke again")
    assert story.reports[0].article_id == build(LATER_MEETING).id
    [bare] = filled.events(EventQuery(since="2024-11-01"), reports=False)
    assert bare.reports == [] and bare.report_count == 1


def test_quotes_by_speaker_come_from_every_language(filled: Repository) -> None:
    quotes = filled.quotes(speaker="Dong Jun")
    assert {(q.lang, q.speaker) for q in quotes} == {("nb", "Dong Jun"), ("en", "Dong Jun")}
    assert filled.quotes(speaker="dong  JUN") == quotes
    assert filled.quotes(speaker="Wang Yi") == []


def test_quotes_containing_a_phrase(filled: Repository) -> None:
    [quote] = filled.quotes(contains="never been stronger")
    assert quote.article_id == build(MEETING_EN_TRANSLATION).id
    assert filled.quotes(speaker="Dong Jun", contains="aldri vært") != []
    assert filled.quotes(contains="never been weaker") == []


def test_entity_profile_gathers_names_titles_quotes_and_events(filled: Repository) -> None:
    profile = filled.entity("Andrey Belousov")
    assert profile is not None
    assert (profile.type, profile.country) == ("PER", "RUS")
    assert {c.value for c in profile.names} == {"Andrey Belousov", "Andrej Belousov"}
    assert profile.article_count == 4
    assert profile.titles[0].value == "defence minister"
    assert [p.month for p in profile.timeline] == ["2024-10", "2024-11"]
    assert len(profile.events) == 3
    assert profile.quotes == []
    dong = filled.entity("Dong Jun")
    assert dong is not None and len(dong.quotes) == 2


def test_unknown_entity_has_no_profile(filled: Repository) -> None:
    assert filled.entity("Nobody Atall") is None


def test_queries_on_an_empty_archive_answer_nothing(archive: Repository) -> None:
    assert archive.search("anything") == []
    assert archive.events(EventQuery()) == []
    assert archive.quotes(speaker="Dong Jun") == []
    assert archive.entity("Dong Jun") is None
    assert archive.stats().counts == {}
    assert archive.failures() == [] and archive.duplicates() == []
