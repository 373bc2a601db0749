"""The service over a real archive: pages, validated filters, read-only readers, one writer.

Every test runs on SQLite and, when NEWSGRAPH_TEST_POSTGRES is set, on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from archive.builders import DRILL_WITH_MINSK, DRILL_WITH_PYONGYANG, build, corpus
from archive.conftest import UrlFactory

from newsgraph.archive import open_archive
from newsgraph.errors import ArchiveError, FilterError, NotFoundError
from newsgraph.model import Translation
from newsgraph.service import (
    ArchiveService,
    ArticleRequest,
    DuplicateRequest,
    EntityRequest,
    EventRequest,
    QuoteRequest,
    SearchRequest,
)
from newsgraph.settings import Settings


@pytest.fixture
def service(new_url: UrlFactory) -> Iterator[ArchiveService]:
    """The service over the little corpus, on SQLite and (when configured) PostgreSQL."""
    url = new_url()
    with open_archive(url, Settings()) as archive:
        archive.add_articles(corpus())
    with ArchiveService(Settings(database=url), today=lambda: date(2024, 11, 30)) as found:
        yield found


def test_events_country_filter_needs_one_report_involving_every_country(
    new_url: UrlFactory,
) -> None:
    url = new_url()
    with open_archive(url, Settings()) as archive:
        archive.add_articles([build(DRILL_WITH_PYONGYANG), build(DRILL_WITH_MINSK)])
    with ArchiveService(Settings(database=url), today=lambda: date(2024, 11, 30)) as found:
        [story] = found.events(EventRequest(country=["PRK"])).items
        assert story.report_count == 2
        assert found.events(EventRequest(country=["North Korea", "Russia"])).items == [story]
        # North Korea is in one report and Belarus in the other: no report involves both.
        assert found.events(EventRequest(country=["PRK", "BLR"])).items == []
        assert found.events(EventRequest(dyad="North Korea-Belarus")).items == []


def test_articles_page_through_every_article_once(service: ArchiveService) -> None:
    first = service.articles(ArticleRequest(limit=2))
    second = service.articles(ArticleRequest(limit=2, offset=2))
    third = service.articles(ArticleRequest(limit=2, offset=4))
    ids = [a.article_id for page in (first, second, third) for a in page.items]
    assert len(ids) == len(set(ids)) == 5
    assert first.next_offset == 2 and third.next_offset is None


def test_events_filter_by_country_names_in_another_language(service: ArchiveService) -> None:
    by_name = service.events(EventRequest(country=["Kina", "Russland"], reports=False))
    by_code = service.events(EventRequest(country=["CHN", "RUS"], reports=False))
    assert [s.story_id for s in by_name.items] == [s.story_id for s in by_code.items]
    assert by_name.items


def test_events_filter_by_language_and_relative_date(service: ArchiveService) -> None:
    norwegian = service.events(EventRequest(lang="nb", reports=False)).items
    assert norwegian and all("nb" in s.languages for s in norwegian)
    recent = service.events(EventRequest(since="15d", reports=False)).items
    assert recent and all((s.date_end or "") >= "2024-11-15" for s in recent)


def test_events_by_cameo_root_equal_its_plover_category(service: ArchiveService) -> None:
    cameo = service.events(EventRequest(category=["04"], reports=False)).items
    plover = service.events(EventRequest(category=["CONSULT"], reports=False)).items
    assert cameo and [s.story_id for s in cameo] == [s.story_id for s in plover]


def test_filter_that_cannot_match_is_an_error_not_an_empty_page(service: ArchiveService) -> None:
    with pytest.raises(FilterError):
        service.events(EventRequest(country=["Atlantis"]))
    with pytest.raises(FilterError):
        service.articles(ArticleRequest(since="2024-12-01", until="2024-11-01"))
    with pytest.raises(FilterError):
        service.entities(EntityRequest(type="ALIEN"))
    with pytest.raises(FilterError):
        service.duplicates(DuplicateRequest(relation="clone"))


def test_a_name_no_entity_bears_is_an_error_for_speaker_and_actor_filters(
    service: ArchiveService,
) -> None:
    with pytest.raises(FilterError, match="speaker"):
        service.quotes(QuoteRequest(speaker="Nobody Atall"))
    with pytest.raises(FilterError, match="entity"):
        service.events(EventRequest(entity="Nobody Atall"))
    # A name that is stored answers, even a surname alone.
    assert service.quotes(QuoteRequest(speaker="Dong Jun")).items
    service.quotes(QuoteRequest(speaker="Jun"))


def test_quotes_filter_by_language_and_words(service: ArchiveService) -> None:
    english = service.quotes(QuoteRequest(lang="en")).items
    assert english and all(q.lang == "en" for q in english)
    found = service.quotes(QuoteRequest(contains="never been stronger")).items
    assert [q.speaker for q in found] == ["Dong Jun"]


def test_search_pages_and_entity_prefix(service: ArchiveService) -> None:
    assert service.search(SearchRequest(q="Beijing", limit=1)).next_offset == 1
    names = [e.name for e in service.entities(EntityRequest(name="dong")).items]
    assert names == ["Dong Jun"]


def test_missing_items_raise_not_found(service: ArchiveService) -> None:
    with pytest.raises(NotFoundError):
        service.article("0000000000000000")
    with pytest.raises(NotFoundError):
        service.story("nope")
    with pytest.raises(NotFoundError):
        service.entity("Nobody Atall")


def test_readers_cannot_write(service: ArchiveService) -> None:
    with service.pool.reader() as archive, pytest.raises(ArchiveError, match=r"(?i)read-?only"):
        archive.db.execute("DELETE FROM articles")


def test_article_detail_links_events_to_stories(service: ArchiveService) -> None:
    first = service.events(EventRequest(limit=1)).items[0]
    detail = service.article(first.reports[0].article_id)
    assert first.story_id in {link.story_id for link in detail.stories}


def _story_of(service: ArchiveService, url: str) -> str:
    stories = service.events(EventRequest(limit=50)).items
    return next(s.story_id for s in stories if any(r.source_url == url for r in s.reports))


def test_independent_sources_count_a_translated_copy_with_its_original(
    new_url: UrlFactory,
) -> None:
    url = new_url()
    with open_archive(url, Settings()) as archive:
        archive.add_articles(corpus())
    with ArchiveService(Settings(database=url), today=lambda: date(2024, 11, 30)) as service:
        two_publishers = [
            s.story_id
            for s in service.events(EventRequest(limit=50)).items
            if len({r.publisher for r in s.reports}) >= 2
        ]
        # The Norwegian report and its English translation on another site: one source.
        assert len(two_publishers) == 1
        assert service.events(EventRequest(independent_sources=True)).items == []
    with open_archive(url, Settings()) as archive, archive.db.transaction():
        archive.db.execute("DELETE FROM duplicates")
    with ArchiveService(Settings(database=url), today=lambda: date(2024, 11, 30)) as service:
        found = service.events(EventRequest(independent_sources=True, reports=False)).items
        assert [s.story_id for s in found] == two_publishers


def test_exclude_translations_drops_stories_reported_only_in_translation(
    new_url: UrlFactory,
) -> None:
    articles = corpus()
    translated = articles[-1]
    translated.meta.translation = Translation(original_lang="vi", evidence=["a sign"])
    url = new_url()
    with open_archive(url, Settings()) as archive:
        archive.add_articles(articles)
    with ArchiveService(Settings(database=url), today=lambda: date(2024, 11, 30)) as service:
        story = _story_of(service, translated.meta.source_url or "")
        everything = service.events(EventRequest(reports=False, limit=50)).items
        kept = service.events(EventRequest(exclude_translations=True, reports=False, limit=50))
        kept_ids = {s.story_id for s in kept.items}
        assert story in {s.story_id for s in everything}
        assert story not in kept_ids
        assert len(kept_ids) == len(everything) - 1
        stored = service.article(translated.id).article.meta.translation
        assert stored is not None and stored.original_lang == "vi"
        for what, key in (("events", "source_article_id"), ("articles", "article_id")):
            request = EventRequest(exclude_translations=True)
            exported = {row[key] for row in service.export_rows(what, request)}
            assert exported and translated.id not in exported
            assert translated.id in {row[key] for row in service.export_rows(what, EventRequest())}
