"""Storage: migrations, round trips, idempotency, versions and failures, on every backend."""

from __future__ import annotations

import dataclasses
import time

import pytest

from newsgraph.archive import FailedInput, Repository, open_archive
from newsgraph.archive.migrations import MIGRATIONS, latest_version
from newsgraph.archive.rows import prepare, raw_key
from newsgraph.archive.store import SqlRepository, deduplicator
from newsgraph.errors import ArchiveError
from newsgraph.model import StageFailure
from newsgraph.settings import Settings

from .builders import MEETING_EN_TRANSLATION, MEETING_NB, build, corpus, revised
from .conftest import UrlFactory

DEDUP = deduplicator(Settings())


def test_new_archive_records_every_migration(archive: Repository) -> None:
    assert archive.schema_version() == latest_version() == MIGRATIONS[-1].version
    assert archive.stats().schema_version == latest_version()


def test_reopening_an_archive_keeps_its_data_and_applies_nothing_twice(
    new_url: UrlFactory,
) -> None:
    url = new_url()
    with open_archive(url) as first:
        first.add_articles(corpus())
        before = first.snapshot()
    with open_archive(url) as second:
        assert second.snapshot() == before
        assert second.schema_version() == latest_version()


def test_stored_article_comes_back_with_every_layer(archive: Repository) -> None:
    article = build(MEETING_NB)
    archive.add_articles([article])
    stored = archive.get_article(article.id)
    assert stored is not None
    assert stored.to_json() == article.to_json()
    assert archive.get_article("no-such-id") is None


def test_adding_the_same_articles_again_changes_nothing(archive: Repository) -> None:
    first = archive.add_articles(corpus())
    before = archive.snapshot()
    again = archive.add_articles(corpus())
    assert (first.written, again.written, again.unchanged) == (5, 0, 5)
    assert archive.snapshot() == before


def test_changed_article_at_the_same_url_becomes_a_new_version(archive: Repository) -> None:
    archive.add_articles([build(MEETING_NB)])
    new_text = (
        MEETING_NB.text.replace("mandag", "tirsdag") + " Saken er oppdatert med nye opplysninger."
    )
    result = archive.add_articles([revised(MEETING_NB, new_text)])
    assert (result.written, result.new_versions) == (1, 1)
    stats = archive.stats()
    assert stats.counts["articles"] == 1
    assert stats.counts["versions"] == 2
    [hit] = archive.search("oppdatert")
    assert hit.article_id == revised(MEETING_NB, new_text).id
    assert archive.search("mandag") == []


def test_known_inputs_are_the_raw_keys_of_stored_articles(archive: Repository) -> None:
    article = build(MEETING_NB)
    key = raw_key("file.txt", "raw text")
    archive.write_batch([prepare(article, DEDUP, key)])
    assert archive.known_inputs([key, raw_key("other.txt", "raw")]) == {key}


def test_input_and_stage_failures_are_recorded_once_with_their_reason(
    archive: Repository,
) -> None:
    article = build(MEETING_NB)
    article.failures.append(StageFailure(stage="quotes", message="ValueError: bad offsets"))
    bad_input = FailedInput(path="inbox/broken.html", reason="HTML page with no article text")
    archive.write_batch([bad_input, prepare(article, DEDUP)])
    archive.write_batch([bad_input])
    failures = {(f.stage, f.input_path, f.article_id, f.reason) for f in archive.failures()}
    assert failures == {
        ("input", "inbox/broken.html", None, "HTML page with no article text"),
        ("quotes", None, article.id, "ValueError: bad offsets"),
    }
    assert archive.stats().counts["failures"] == 2


def test_a_failing_batch_leaves_the_archive_as_it_was(archive: Repository) -> None:
    archive.add_articles([build(MEETING_NB)])
    before = archive.snapshot()
    good = prepare(build(MEETING_EN_TRANSLATION), DEDUP)
    # A quote without text breaks the schema, so the batch fails after its article row went in.
    bad_quote = (0, None, 0, 1, "direct", None, None, None)
    broken = dataclasses.replace(good, quotes=(bad_quote,))
    with pytest.raises(ArchiveError):
        archive.write_batch([broken])
    assert archive.snapshot() == before


def test_stats_count_what_was_stored(archive: Repository) -> None:
    archive.add_articles(corpus())
    stats = archive.stats()
    assert stats.counts["articles"] == 5
    assert stats.counts["events"] == 5
    assert stats.counts["quotes"] == 2
    assert stats.counts["merged_stories"] == 1
    assert stats.counts["multilingual_stories"] == 1
    assert [(c.value, c.count) for c in stats.languages] == [("en", 4), ("nb", 1)]
    assert (stats.first_published, stats.last_published) == ("2024-10-15", "2024-11-20")
    assert stats.size_bytes is not None and stats.size_bytes > 0


def test_repeated_entity_and_event_ids_keep_the_first(archive: Repository) -> None:
    article = build(MEETING_NB)
    article.entities.append(article.entities[0].model_copy(update={"name": "Someone Else"}))
    article.events.append(article.events[0].model_copy(update={"type": "ACCUSE"}))
    archive.add_articles([article])
    profile = archive.entity("Dong Jun")
    assert profile is not None and profile.article_count == 1
    assert archive.entity("Someone Else") is None
    assert [row["category"] for row in archive.export_rows("events")] == ["CONSULT"]


def test_opening_and_querying_do_not_wait_for_a_writer(new_url: UrlFactory) -> None:
    url = new_url()
    with open_archive(url) as writer:
        assert isinstance(writer, SqlRepository)
        with writer.db.transaction():
            writer.db.lock_writer()
            writer.db.execute("UPDATE counters SET value = value")
            started = time.monotonic()
            with open_archive(url) as reader:
                assert reader.stats().counts == {}
            assert time.monotonic() - started < 5


@pytest.mark.parametrize("same_batch", [False, True], ids=["later batch", "same batch"])
def test_a_superseded_version_leaves_the_entity_rollups_and_quotes(
    archive: Repository, same_batch: bool
) -> None:
    new_text = "Saken er trukket tilbake og erstattet av en oppdatert versjon."
    first, second = build(MEETING_NB), revised(MEETING_NB, new_text)
    if same_batch:
        archive.add_articles([first, second])
    else:
        archive.add_articles([first])
        archive.add_articles([second])
    assert archive.entity("Andrej Belousov") is None
    assert archive.quotes(speaker="Dong Jun") == []
    assert archive.stats().counts["versions"] == 2
