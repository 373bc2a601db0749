"""`watch`: files landing in a drop folder are ingested once each, also across restarts."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from newsgraph.archive import open_archive
from newsgraph.runners.watch import WatchState, ready_files, watch
from newsgraph.settings import Settings

TEXT = "The council approved the new harbour plan on {day} after a long debate in the town hall."


def settings(tmp_path: Path) -> Settings:
    return Settings(database=str(tmp_path / "a.db"), stages=["clean"], workers=1)


def drop(folder: Path, name: str, text: str) -> None:
    """Write atomically: a temporary name, then a rename into place."""
    partial = folder / (name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.rename(folder / name)


def versions(tmp_path: Path) -> int:
    with open_archive(tmp_path / "a.db") as archive:
        return archive.stats().counts.get("versions", 0)


def test_a_file_is_taken_only_once_it_has_stopped_changing(tmp_path: Path) -> None:
    state = WatchState()
    path = tmp_path / "a.txt"
    path.write_text("growing", encoding="utf-8")
    (tmp_path / "b.txt.part").write_text("download in progress", encoding="utf-8")
    assert ready_files(tmp_path, state) == []
    assert ready_files(tmp_path, state) == [path]
    state.done[path] = (path.stat().st_size, path.stat().st_mtime_ns)
    assert ready_files(tmp_path, state) == []


def test_watch_ingests_new_files_and_a_restart_stores_nothing_twice(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    drop(inbox, "one.txt", TEXT.format(day="Monday"))
    stop = threading.Event()
    runner = threading.Thread(
        target=watch, args=(inbox, settings(tmp_path)), kwargs={"poll_s": 0.05, "stop": stop}
    )
    runner.start()
    try:
        deadline = time.monotonic() + 60
        while versions(tmp_path) < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        drop(inbox, "two.txt", TEXT.format(day="Tuesday"))
        while versions(tmp_path) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        runner.join(timeout=30)
    assert versions(tmp_path) == 2
    restarted = watch(inbox, settings(tmp_path), poll_s=0.01, rounds=3)
    assert restarted.stored == 0
    assert sum(report.skipped for report in restarted.reports) == 2
    assert versions(tmp_path) == 2
