"""The local runner: ingest in order, skip what is stored, record failures, survive a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from archive.conftest import UrlFactory

from newsgraph.archive import Repository, open_archive
from newsgraph.ingest import read_paths
from newsgraph.runners import local
from newsgraph.runners.local import can_fork, ingest, worker_count
from newsgraph.settings import Settings

from . import fake_stage

CHILD = Path(__file__).resolve().parent / "ingest_child.py"
STAGES = ["clean", "language", fake_stage.FakeLayers.name]
PAIRS = [
    ("Kari Holm", "Li Wei"),
    ("Anna Petrova", "Li Wei"),
    ("John Carter", "Marie Dubois"),
    ("Jonas Berg", "Anna Petrova"),
]
CITIES = ["Oslo", "Beijing", "Paris", "Geneva", "Nairobi", "Lima"]
TOPICS = ["fisheries", "trade", "climate finance", "shipping lanes", "vaccine supplies"]


def article_text(number: int) -> str:
    """A short, distinct English news text."""
    first, second = PAIRS[number % len(PAIRS)]
    city, topic = CITIES[number % len(CITIES)], TOPICS[number % len(TOPICS)]
    day = 1 + number % 28
    return (
        f"{first} met {second} in {city} on {day} October to talk about {topic}. "
        f'"We made real progress on {topic} today," {first} said after meeting number {number}. '
        "Officials from both governments will prepare a joint statement before the end of the "
        f"year, and the next round of talks is planned for {city} in the spring."
    )


def write_inputs(folder: Path, count: int, empty: int = 0) -> Path:
    """`count` article files and `empty` empty ones (which ingest must record as failures)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"article-{number:03d}.txt").write_text(article_text(number), encoding="utf-8")
    for number in range(empty):
        (folder / f"empty-{number}.txt").write_text("", encoding="utf-8")
    return folder


def inline_settings(url: str) -> Settings:
    return Settings(database=url, stages=STAGES, workers=1, batch_size=4)


def test_worker_count_is_one_per_core_by_default() -> None:
    assert worker_count(Settings(workers=0)) >= 1
    assert worker_count(Settings(workers=3)) == 3


def test_ingest_stores_every_article_and_records_unreadable_inputs(
    tmp_path: Path, archive: Repository
) -> None:
    folder = write_inputs(tmp_path / "in", count=6, empty=1)
    report = ingest(read_paths([folder]), archive, inline_settings("unused"))
    assert (report.read, report.processed, report.stored.written) == (7, 6, 6)
    assert report.stored.failures == 1
    [failure] = archive.failures()
    assert failure.stage == "input" and failure.input_path.endswith("empty-0.txt")
    assert archive.stats().counts["events"] == 6
    assert {q.speaker for q in archive.quotes(speaker="Kari Holm")} == {"Kari Holm"}


def test_progress_reports_ready_before_any_article_then_every_article(
    tmp_path: Path, archive: Repository
) -> None:
    folder = write_inputs(tmp_path / "in", count=5, empty=1)
    seen: list[tuple[bool, int]] = []
    report = ingest(
        read_paths([folder]),
        archive,
        inline_settings("unused"),
        lambda progress: seen.append((progress.ready, progress.done)),
    )
    assert seen[0] == (True, 0)
    counts = [done for _, done in seen[1:]]
    assert counts == sorted(counts) and set(counts) == {1, 2, 3, 4, 5, 6}
    assert (report.done, report.failed) == (6, 1)
    assert report.setup_s >= 0


def test_rerunning_ingest_skips_stored_inputs_and_changes_nothing(
    tmp_path: Path, archive: Repository
) -> None:
    folder = write_inputs(tmp_path / "in", count=5, empty=1)
    ingest(read_paths([folder]), archive, inline_settings("unused"))
    before = archive.snapshot()
    again = ingest(read_paths([folder]), archive, inline_settings("unused"))
    assert (again.skipped, again.processed, again.stored.written) == (5, 0, 0)
    assert archive.snapshot() == before


def test_an_edited_file_is_stored_as_a_new_version(tmp_path: Path, archive: Repository) -> None:
    folder = write_inputs(tmp_path / "in", count=2)
    ingest(read_paths([folder]), archive, inline_settings("unused"))
    edited = folder / "article-001.txt"
    edited.write_text(article_text(1) + " The meeting ended early.", encoding="utf-8")
    report = ingest(read_paths([folder]), archive, inline_settings("unused"))
    assert (report.skipped, report.stored.written, report.stored.new_versions) == (1, 1, 1)
    assert archive.stats().counts["articles"] == 2
    assert archive.stats().counts["versions"] == 3


def test_an_article_the_archive_refuses_is_a_failure_and_the_batch_goes_on(
    tmp_path: Path, archive: Repository
) -> None:
    folder = write_inputs(tmp_path / "in", count=3)
    (folder / "article-001.txt").write_text(article_text(1) + " REFUSE", encoding="utf-8")
    report = ingest(read_paths([folder]), archive, inline_settings("unused"))
    assert (report.stored.written, report.stored.failures) == (2, 1)
    [failure] = archive.failures()
    assert failure.stage == "archive" and "article-001.txt" in (failure.input_path or "")
    assert archive.known_inputs([]) == set()


def test_an_article_the_worker_cannot_store_is_a_pipeline_failure(
    tmp_path: Path, archive: Repository
) -> None:
    folder = write_inputs(tmp_path / "in", count=2)
    (folder / "article-000.txt").write_text(article_text(0) + " CRASH", encoding="utf-8")
    report = ingest(read_paths([folder]), archive, inline_settings("unused"))
    assert (report.stored.written, report.stored.failures) == (1, 1)
    [failure] = archive.failures()
    assert failure.stage == "pipeline" and failure.reason.startswith("TypeError")
    assert (failure.input_path or "").endswith("article-000.txt")


def run_child(folder: Path, url: str, **popen: object) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        str(CHILD),
        "ingest",
        str(folder),
        "--db",
        url,
        "--workers",
        "2",
        "--batch-size",
        "4",
        "--stages",
        ",".join(STAGES),
    ]
    env = {**os.environ, "FAKE_STAGE_DELAY": "0.08"}
    return subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=interruptible,
        **popen,
    )  # type: ignore[call-overload]


def interruptible() -> None:
    """In the child before it runs: Ctrl-C interrupts it as in a terminal. A shell that runs the
    suite in the background hands its children SIGINT ignored, and Python then keeps it so."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stored_versions(url: str) -> int:
    with open_archive(url) as archive:
        return archive.stats().counts.get("versions", 0)


def test_killed_ingest_rerun_stores_what_an_uninterrupted_run_stores(
    tmp_path: Path, new_url: UrlFactory
) -> None:
    count = 40
    folder = write_inputs(tmp_path / "in", count=count, empty=2)
    whole, resumed = new_url(), new_url()

    # The uninterrupted run goes in-process with one worker: the pool must store the same.
    with open_archive(whole) as archive:
        ingest(read_paths([folder]), archive, inline_settings(whole))

    killed = run_child(folder, resumed, start_new_session=True)
    deadline = time.monotonic() + 240
    while stored_versions(resumed) < 8:
        assert killed.poll() is None, "ingest ended before it could be killed"
        assert time.monotonic() < deadline, "ingest stored nothing in time"
        time.sleep(0.05)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=30)
    partial = stored_versions(resumed)
    assert 8 <= partial < count, "the kill did not land midway"

    rerun = run_child(folder, resumed)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read().decode()
    with open_archive(whole) as first, open_archive(resumed) as second:
        assert second.stats().counts["versions"] == count
        assert second.snapshot() == first.snapshot()


def test_workers_are_spawned_not_forked_while_another_thread_runs() -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait, daemon=True)
    thread.start()
    try:
        assert not can_fork()
    finally:
        release.set()
        thread.join()


@pytest.mark.parametrize("spawned", [False, True], ids=["fork-when-safe", "spawned"])
def test_a_pool_of_two_workers_stores_what_one_worker_stores(
    tmp_path: Path, new_url: UrlFactory, monkeypatch: pytest.MonkeyPatch, spawned: bool
) -> None:
    if spawned:
        # Spawned workers (another thread runs, or not Linux) import the modules whose
        # register_stage calls the parent ran, so the test's stage exists there too.
        monkeypatch.setattr(local, "can_fork", lambda: False)
    folder = write_inputs(tmp_path / "in", count=10, empty=1)
    one, two = new_url(), new_url()
    with open_archive(one) as archive:
        ingest(read_paths([folder]), archive, inline_settings(one))
    pooled = inline_settings(two).model_copy(update={"workers": 2})
    with open_archive(two) as archive:
        report = ingest(read_paths([folder]), archive, pooled)
    assert (report.workers, report.processed) == (2, 10)
    assert local._worker is None, "the parent keeps no pipeline after the run"
    with open_archive(one) as first, open_archive(two) as second:
        assert second.snapshot() == first.snapshot()
