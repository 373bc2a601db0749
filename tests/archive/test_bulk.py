"""Bulk load (`archive.bulk`): the single writer's archive, written by several connections."""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from typing import Any

import pytest

from newsgraph.archive import FailedInput, Repository, open_archive
from newsgraph.archive.bulk import Plan
from newsgraph.archive.migrations import deferred_indexes
from newsgraph.archive.records import BatchResult
from newsgraph.archive.repository import IngestItem
from newsgraph.archive.rows import PreparedArticle, prepare
from newsgraph.archive.store import SqlRepository
from newsgraph.errors import ArchiveError
from newsgraph.settings import Settings

from .builders import MEETING_NB, articles_with_text, corpus, revised
from .conftest import UrlFactory
from .texts import LIGHTLY_EDITED, ORIGINAL, REWRITE, SAME_TOPIC, SYNDICATED, UNRELATED


def items_of(repository: Repository) -> list[IngestItem]:
    """Articles with stories, translations, copies, a new version, a repeat and failures."""
    assert isinstance(repository, SqlRepository)
    dedup = repository.dedup
    texts = [
        ("https://a.example/original", ORIGINAL),
        ("https://b.example/syndicated", SYNDICATED),
        ("https://c.example/edited", LIGHTLY_EDITED),
        ("https://d.example/rewrite", REWRITE),
        ("https://e.example/same-topic", SAME_TOPIC),
        ("https://f.example/unrelated", UNRELATED),
        ("https://g.example/exact", ORIGINAL),
    ]
    articles = [*corpus(), *articles_with_text(texts)]
    articles.append(revised(MEETING_NB, MEETING_NB.text + " Møtet varte i to timer."))
    items: list[IngestItem] = [prepare(article, dedup) for article in articles]
    items.insert(3, FailedInput(path="inbox/broken.html", reason="no article text"))
    items.append(prepare(corpus()[1], dedup))
    items.append(FailedInput(path="inbox/broken.html", reason="no article text"))
    return items


def batches(items: Sequence[IngestItem], size: int) -> list[list[IngestItem]]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def writer_snapshot(url: str, items: list[IngestItem], size: int) -> dict[str, Any]:
    with open_archive(url, Settings()) as repository:
        for batch in batches(items, size):
            repository.write_batch(batch)
        return repository.snapshot()


def bulk_load(
    repository: Repository, items: list[IngestItem], size: int, writers: int
) -> BatchResult:
    assert isinstance(repository, SqlRepository)
    total = BatchResult()
    loader = repository.bulk_loader(writers)
    try:
        for batch in batches(items, size):
            for result in loader.write(batch):
                total.add(result)
    finally:
        for result in loader.finish():
            total.add(result)
    return total


@pytest.mark.parametrize("size", [1, 3, 50])
@pytest.mark.parametrize("writers", [1, 3])
def test_bulk_load_stores_what_the_writer_stores(
    new_url: UrlFactory, size: int, writers: int
) -> None:
    with open_archive(new_url(), Settings()) as repository:
        items = items_of(repository)
        result = bulk_load(repository, items, size, writers)
        bulk = repository.snapshot()
    expected = writer_snapshot(new_url(), items, size)
    assert bulk == expected
    assert result.written == 13 and result.unchanged == 1 and result.new_versions == 1
    assert result.failures == 1 and result.duplicates >= 3


def test_bulk_load_again_changes_nothing(new_url: UrlFactory) -> None:
    with open_archive(new_url(), Settings()) as repository:
        items = items_of(repository)
        bulk_load(repository, items, 4, 2)
        first = repository.snapshot()
        again = bulk_load(repository, items, 5, 2)
        assert repository.snapshot() == first
    assert again.written == 0 and again.unchanged == len(
        [item for item in items if isinstance(item, PreparedArticle)]
    )


def test_bulk_load_after_a_partial_load_finishes_it_the_same(new_url: UrlFactory) -> None:
    with open_archive(new_url(), Settings()) as repository:
        items = items_of(repository)
        # A load killed after its first batches committed, then run again from the start.
        bulk_load(repository, items[:6], 3, 2)
        bulk_load(repository, items, 3, 2)
        rerun = repository.snapshot()
    assert rerun == writer_snapshot(new_url(), items, 3)


def test_bulk_load_finds_search_hits(new_url: UrlFactory) -> None:
    with open_archive(new_url(), Settings()) as repository:
        bulk_load(repository, items_of(repository), 4, 2)
        hits = repository.search("Belousov")
        assert hits and all("Belousov" in hit.snippet or hit.snippet for hit in hits)
        assert repository.search("forsvarsminister") or repository.search("Dong")


def test_an_article_the_database_refuses_fails_alone(new_url: UrlFactory) -> None:
    with open_archive(new_url(), Settings()) as repository:
        items = items_of(repository)
        good = [item for item in items if isinstance(item, PreparedArticle)][:6]
        bad = good[2]
        # A row no database column takes: the batch fails, the writer stores the others.
        broken = PreparedArticle(**{**bad.__dict__, "article": (*bad.article[:-1], object())})
        batch = [*good[:2], broken, *good[3:]]

        def fallback(batch: list[IngestItem]) -> BatchResult:
            total = BatchResult()
            for item in batch:
                try:
                    total.add(repository.write_batch([item]))
                except ArchiveError as error:
                    failure = FailedInput(path=str(item), reason=str(error), stage="archive")
                    total.add(repository.write_batch([failure]))
            return total

        assert isinstance(repository, SqlRepository)
        loader = repository.bulk_loader(2, fallback)
        results = [*loader.write(batch[:3]), *loader.write(batch[3:]), *loader.finish()]
        stored = {row[0] for row in repository.snapshot()["articles"]}
    assert sum(result.written for result in results) == 5
    assert sum(result.failures for result in results) == 1
    assert len(stored) == 5


def index_names(repository: Repository) -> set[str]:
    assert isinstance(repository, SqlRepository)
    rows = repository.db.execute(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    )
    return {row[0] for row in rows}


ON_POSTGRES = pytest.mark.parametrize("new_url", ["postgres"], indirect=True)


def writer_lock_released(url: str, seconds: float = 30.0) -> None:
    """Wait until no session holds the writers' advisory lock: PostgreSQL releases a closed
    connection's session locks when its backend process exits, which on a loaded machine can come
    after the client has already opened the next connection."""
    import psycopg

    from newsgraph.archive.postgres import WRITER_LOCK

    deadline = time.monotonic() + seconds
    with psycopg.connect(url, autocommit=True) as conn:
        while True:
            row = conn.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                " AND classid = 0 AND objid = %s",
                (WRITER_LOCK,),
            ).fetchone()
            if row is None or row[0] == 0:
                return
            assert time.monotonic() < deadline, "the writers' lock was never released"
            time.sleep(0.05)


@ON_POSTGRES
def test_a_load_into_an_empty_archive_builds_its_deferred_indexes_at_the_end(
    new_url: UrlFactory,
) -> None:
    with open_archive(new_url(), Settings()) as fresh:
        expected = index_names(fresh)
    assert set(deferred_indexes()) <= expected
    with open_archive(new_url(), Settings()) as repository:
        assert isinstance(repository, SqlRepository)
        loader = repository.bulk_loader(2)
        loader.write(items_of(repository)[:5])
        # Deferred while loading: the tables' own rows go in without them.
        assert not set(deferred_indexes()) & index_names(repository)
        loader.finish()
        assert index_names(repository) == expected
        # Into an archive that holds rows, a load keeps every index.
        loader = repository.bulk_loader(2)
        loader.write(items_of(repository)[5:])
        assert index_names(repository) == expected
        loader.finish()


@ON_POSTGRES
def test_an_archive_left_without_its_deferred_indexes_gets_them_back_when_opened(
    new_url: UrlFactory,
) -> None:
    url = new_url()
    with open_archive(url, Settings()) as repository:
        expected = index_names(repository)
        assert isinstance(repository, SqlRepository)
        loader = repository.bulk_loader(1)
        items = items_of(repository)
        loader.write(items[:5])
        assert not set(deferred_indexes()) & index_names(repository)
        # Killed here: the batch committed, the indexes were never built, the lock goes with
        # the connection.
    writer_lock_released(url)
    with open_archive(url, Settings()) as repository:
        assert index_names(repository) == expected
        bulk_load(repository, items, 5, 2)
        rerun = repository.snapshot()
    assert rerun == writer_snapshot(new_url(), items, 5)


def test_a_load_plans_with_the_collector_paused(new_url: UrlFactory) -> None:
    seen: list[bool] = []
    with open_archive(new_url(), Settings()) as repository:
        loader = repository.bulk_loader(1)
        plan = loader.planner.plan

        def watched(*args: Any) -> Plan:
            seen.append(gc.isenabled())
            return plan(*args)

        loader.planner.plan = watched  # type: ignore[method-assign]
        for batch in batches(items_of(repository), 5):
            loader.write(batch)
        loader.finish()
    assert seen and not any(seen)
    assert gc.isenabled()
