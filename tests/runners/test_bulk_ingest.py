"""Runners storing through the bulk loader (`archive_writers`): the single writer's archive."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from archive.conftest import UrlFactory

from newsgraph.archive import Repository, open_archive
from newsgraph.ingest import read_paths
from newsgraph.runners.local import ingest
from newsgraph.runners.policy import IngestReport
from newsgraph.settings import Settings, load_settings

from .test_local import STAGES, article_text, run_child, stored_versions, write_inputs


def bulk_settings(url: str, writers: int) -> Settings:
    return Settings(database=url, stages=STAGES, workers=1, batch_size=3, archive_writers=writers)


def test_bulk_ingest_stores_what_the_single_writer_stores(
    tmp_path: Path, new_url: UrlFactory
) -> None:
    folder = write_inputs(tmp_path / "in", count=11, empty=2)
    single, bulk = new_url(), new_url()
    with open_archive(single) as archive:
        ingest(read_paths([folder]), archive, bulk_settings(single, 0))
    with open_archive(bulk) as archive:
        report = ingest(read_paths([folder]), archive, bulk_settings(bulk, 3))
        assert (report.stored.written, report.stored.failures) == (11, 2)
        assert report.batches == 5
    with open_archive(single) as first, open_archive(bulk) as second:
        assert second.snapshot() == first.snapshot()


def test_bulk_ingest_rerun_skips_everything_and_changes_nothing(
    tmp_path: Path, archive: Repository
) -> None:
    folder = write_inputs(tmp_path / "in", count=7)
    ingest(read_paths([folder]), archive, bulk_settings("unused", 2))
    before = archive.snapshot()
    again = ingest(read_paths([folder]), archive, bulk_settings("unused", 2))
    assert (again.skipped, again.stored.written) == (7, 0)
    assert archive.snapshot() == before


def test_an_article_the_archive_refuses_fails_alone_in_a_bulk_ingest(
    tmp_path: Path, archive: Repository
) -> None:
    folder = write_inputs(tmp_path / "in", count=8)
    (folder / "article-004.txt").write_text(article_text(4) + " REFUSE", encoding="utf-8")
    report = ingest(read_paths([folder]), archive, bulk_settings("unused", 2))
    assert (report.stored.written, report.stored.failures) == (7, 1)
    [failure] = archive.failures()
    assert failure.stage == "archive" and "article-004.txt" in (failure.input_path or "")
    assert archive.stats().counts["versions"] == 7


def test_killed_bulk_ingest_rerun_stores_what_an_uninterrupted_run_stores(
    tmp_path: Path, new_url: UrlFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = 40
    folder = write_inputs(tmp_path / "in", count=count, empty=2)
    whole, resumed = new_url(), new_url()
    with open_archive(whole) as archive:
        ingest(read_paths([folder]), archive, Settings(database=whole, stages=STAGES, workers=1))
    monkeypatch.setenv("NEWSGRAPH_ARCHIVE_WRITERS", "2")
    assert load_settings().archive_writers == 2
    killed = run_child(folder, resumed, start_new_session=True)
    deadline = time.monotonic() + 240
    while stored_versions(resumed) < 8:
        assert killed.poll() is None, "ingest ended before it could be killed"
        assert time.monotonic() < deadline, "ingest stored nothing in time"
        time.sleep(0.05)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=30)
    assert 8 <= stored_versions(resumed) < count, "the kill did not land midway"
    rerun = run_child(folder, resumed)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read().decode()
    with open_archive(whole) as first, open_archive(resumed) as second:
        assert second.stats().counts["versions"] == count
        assert second.snapshot() == first.snapshot()


def test_an_interrupted_bulk_ingest_commits_what_is_in_flight_and_a_rerun_finishes_it(
    tmp_path: Path, new_url: UrlFactory
) -> None:
    # 14 batches: at most the writers' 3 are in flight when the callback interrupts the run.
    folder = write_inputs(tmp_path / "in", count=40)
    whole, resumed = new_url(), new_url()
    with open_archive(whole) as archive:
        ingest(read_paths([folder]), archive, bulk_settings(whole, 0))

    def stop_after_two_batches(report: IngestReport) -> None:
        if report.batches >= 2:
            raise KeyboardInterrupt

    with open_archive(resumed) as archive:
        first = ingest(
            read_paths([folder]), archive, bulk_settings(resumed, 3), stop_after_two_batches
        )
        assert first.interrupted and 6 <= first.stored.written < 40
        assert archive.stats().counts["versions"] == first.stored.written
        second = ingest(read_paths([folder]), archive, bulk_settings(resumed, 3))
        assert second.skipped == first.stored.written
    with open_archive(whole) as expected, open_archive(resumed) as archive:
        assert archive.snapshot() == expected.snapshot()
