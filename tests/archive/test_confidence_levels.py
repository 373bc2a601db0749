"""Event confidence levels in the archive: stored with their reasons, exported, filtered."""

from __future__ import annotations

import pytest

from newsgraph.archive import Repository
from newsgraph.archive.migrations import MIGRATIONS
from newsgraph.errors import ConfigError

from .builders import LEVEL_REASONS, MEETING_NB, NORWAY_TALKS, build, corpus, levelled_corpus


@pytest.fixture
def filled(archive: Repository) -> Repository:
    archive.add_articles(levelled_corpus())
    return archive


def test_the_schema_has_a_migration_for_levels() -> None:
    assert any("confidence level" in migration.name for migration in MIGRATIONS)


def test_every_event_is_stored_and_exported_with_its_level_and_reasons(
    filled: Repository,
) -> None:
    rows = list(filled.export_rows("events"))
    assert len(rows) == 5
    by_article = {row["source_article_id"]: row for row in rows}
    meeting = by_article[build(MEETING_NB).id]
    assert meeting["confidence_level"] == "high"
    assert meeting["confidence_reasons"] == LEVEL_REASONS["high"]
    assert by_article[build(NORWAY_TALKS).id]["confidence_level"] == "low"


def test_min_confidence_keeps_events_of_that_level_or_higher(filled: Repository) -> None:
    high = [r["confidence_level"] for r in filled.export_rows("events", min_confidence="high")]
    medium = [r["confidence_level"] for r in filled.export_rows("events", min_confidence="Medium")]
    low = [r["confidence_level"] for r in filled.export_rows("events", min_confidence="low")]
    assert high == ["high"]
    assert sorted(medium) == ["high", "medium", "medium", "medium"]
    assert len(low) == 5


def test_an_unknown_level_is_an_error_naming_the_levels(filled: Repository) -> None:
    with pytest.raises(ConfigError, match="low, medium, high"):
        list(filled.export_rows("events", min_confidence="certain"))
    with pytest.raises(ConfigError, match="events only"):
        list(filled.export_rows("articles", min_confidence="high"))


def test_events_coded_before_levels_have_none_and_pass_no_minimum(archive: Repository) -> None:
    articles = corpus()
    for article in articles:
        for event in article.events:
            event.confidence_level = None
    archive.add_articles(articles)
    rows = list(archive.export_rows("events"))
    assert rows and all(r["confidence_level"] is None for r in rows)
    assert all(r["confidence_reasons"] == [] for r in rows)
    assert list(archive.export_rows("events", min_confidence="low")) == []
