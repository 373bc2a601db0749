"""Records that one backend would refuse are stored the same way on every backend."""

from __future__ import annotations

import pytest

from archive.builders import articles_with_text
from archive.conftest import UrlFactory
from newsgraph.archive import Repository, open_archive
from newsgraph.errors import ArchiveError
from newsgraph.settings import Settings


def test_nul_characters_are_stored_alike_on_every_backend(archive: Repository) -> None:
    text = "The harbour\x00 plan was approved on Monday after a long debate in the hall."
    [article] = articles_with_text([("https://example.com/nul", text)])
    article.meta.title = "Harbour\x00plan"
    archive.add_articles([article])
    stored = archive.get_article(article.id)
    assert stored is not None
    assert "\x00" not in stored.text and len(stored.text) == len(text)
    assert stored.text.replace("\ufffd", "\x00") == text
    assert stored.meta.title == "Harbour\ufffdplan"
    [hit] = archive.search("harbour")
    assert hit.article_id == article.id


def test_queries_need_an_existing_archive_on_every_backend(new_url: UrlFactory) -> None:
    url = new_url()
    with pytest.raises(ArchiveError, match=r"not a newsgraph archive|no archive at"):
        open_archive(url, Settings(), create=False)
    with open_archive(url, Settings()) as archive:
        archive.add_articles(articles_with_text([("https://e.com/a", "A harbour plan text.")]))
    with open_archive(url, Settings(), create=False) as archive:
        assert archive.stats().counts["versions"] == 1


@pytest.mark.postgres
def test_postgres_statements_end_at_the_statement_timeout() -> None:
    from archive.conftest import postgres_base
    from newsgraph.archive.postgres import PostgresDatabase

    database = PostgresDatabase(postgres_base(), statement_timeout_s=0.2)
    try:
        with pytest.raises(ArchiveError, match="statement timeout"):
            database.execute("SELECT pg_sleep(5)")
    finally:
        database.close()
