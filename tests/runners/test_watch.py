"""`watch`: files landing in a drop folder are ingested once each, also across restarts (state
file, or the archive's own skip when the state is lost), and `newsgraph watch` end to end."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from newsgraph.archive import open_archive
from newsgraph.runners.watch import STATE_NAME, WatchState, ready_files, watch
from newsgraph.settings import Settings

from .test_local import interruptible

TEXT = "The council approved the new harbour plan on {day} after a long debate in the town hall."
CLI = "from newsgraph.cli import main; main()"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday"]


def settings(tmp_path: Path) -> Settings:
    return Settings(database=str(tmp_path / "a.db"), stages=["clean"], workers=1)


def drop(folder: Path, name: str, text: str) -> None:
    """Write atomically: a temporary name, then a rename into place."""
    partial = folder / (name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.rename(folder / name)


def versions(tmp_path: Path) -> int:
    if not (tmp_path / "a.db").exists():
        return 0
    with open_archive(tmp_path / "a.db") as archive:
        return archive.stats().counts.get("versions", 0)


def wait_for(condition, what: str, process: subprocess.Popen[bytes] | None = None) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 120
    while not condition():
        assert process is None or process.poll() is None, f"watch ended before {what}"
        assert time.monotonic() < deadline, f"no {what} in time"
        time.sleep(0.05)


def state_text(inbox: Path) -> str:
    try:
        return (inbox / STATE_NAME).read_text(encoding="utf-8")
    except OSError:
        return ""


def inbox_with(tmp_path: Path, count: int) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    for number in range(count):
        drop(inbox, f"n{number}.txt", TEXT.format(day=DAYS[number]))
    return inbox


def test_a_file_is_taken_only_once_it_has_stopped_changing(tmp_path: Path) -> None:
    state = WatchState()
    path = tmp_path / "a.txt"
    path.write_text("growing", encoding="utf-8")
    (tmp_path / "b.txt.part").write_text("download in progress", encoding="utf-8")
    assert ready_files(tmp_path, state) == []
    assert ready_files(tmp_path, state) == [path]
    state.done[path] = (path.stat().st_size, path.stat().st_mtime_ns)
    assert ready_files(tmp_path, state) == []


def test_watch_ingests_new_files_and_a_restart_reads_nothing_again(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, 1)
    stop = threading.Event()
    runner = threading.Thread(
        target=watch, args=(inbox, settings(tmp_path)), kwargs={"poll_s": 0.05, "stop": stop}
    )
    runner.start()
    try:
        wait_for(lambda: versions(tmp_path) == 1, "first file stored")
        drop(inbox, "two.txt", TEXT.format(day="Friday"))
        wait_for(lambda: versions(tmp_path) == 2, "second file stored")
    finally:
        stop.set()
        runner.join(timeout=30)
    assert versions(tmp_path) == 2
    saved = json.loads((inbox / STATE_NAME).read_text(encoding="utf-8"))
    assert sorted(saved["done"]) == ["n0.txt", "two.txt"]
    restarted = watch(inbox, settings(tmp_path), poll_s=0.01, rounds=3)
    assert restarted.reports == []
    assert versions(tmp_path) == 2


def test_without_its_state_a_restart_still_stores_nothing_twice(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, 3)
    first = watch(inbox, settings(tmp_path), poll_s=0.01, rounds=2)
    assert first.stored == 3
    (inbox / STATE_NAME).write_text("{broken", encoding="utf-8")
    warnings: list[str] = []
    again = watch(inbox, settings(tmp_path), poll_s=0.01, rounds=2, on_warning=warnings.append)
    assert again.stored == 0 and sum(r.skipped for r in again.reports) == 3
    assert len(warnings) == 1 and "cannot read the watch state" in warnings[0]
    assert versions(tmp_path) == 3


def test_a_file_that_changes_is_read_again(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, 1)
    watch(inbox, settings(tmp_path), poll_s=0.01, rounds=2)
    target = inbox / "n0.txt"
    target.write_text(TEXT.format(day="Sunday") + " It was changed later.", encoding="utf-8")
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 10**9))
    again = watch(inbox, settings(tmp_path), poll_s=0.01, rounds=2)
    assert [report.read for report in again.reports] == [1]
    assert again.stored == 1


def test_files_a_directory_walk_skips_are_listed_not_stored(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, 1)
    (inbox / "README.md").write_text("About this folder: nothing to ingest.", encoding="utf-8")
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4 not an article")
    (inbox / "manifest.csv").write_text("file,url\nn0.txt,https://e.no/a\n", encoding="utf-8")
    state = watch(inbox, settings(tmp_path), poll_s=0.01, rounds=2)
    assert state.stored == 1
    with open_archive(tmp_path / "a.db") as archive:
        reasons = {Path(f.input_path).name: f.reason for f in archive.failures()}
    assert versions(tmp_path) == 1
    assert "documentation" in reasons["README.md"]
    assert "not an input format (.pdf)" in reasons["scan.pdf"]
    assert "manifest" in reasons["manifest.csv"]


def test_a_state_file_that_cannot_be_written_is_one_warning(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, 2)
    warnings: list[str] = []
    state = watch(
        inbox,
        settings(tmp_path),
        poll_s=0.01,
        rounds=2,
        state_file=tmp_path / "no-such-dir" / "state.json",
        on_warning=warnings.append,
    )
    assert state.stored == 2
    assert len(warnings) == 1 and "cannot save the watch state" in warnings[0]


def run_watch(inbox: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", CLI, "watch", str(inbox), "--db"]
    command += [str(tmp_path / "a.db"), "--poll", "0.1", "--workers", "1", "--stages", "clean"]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=interruptible
    )


def test_watch_command_stops_on_sigterm_and_resumes_without_duplicates(tmp_path: Path) -> None:
    inbox = inbox_with(tmp_path, 2)
    child = run_watch(inbox, tmp_path)
    try:
        wait_for(lambda: versions(tmp_path) == 2, "files stored", child)
        wait_for(lambda: (inbox / STATE_NAME).exists(), "state saved", child)
        child.send_signal(signal.SIGTERM)
        # communicate() drains the pipes while waiting, so a full pipe cannot hold the child.
        _, err = child.communicate(timeout=60)
        assert child.returncode == 130
    finally:
        if child.poll() is None:
            child.kill()
    stderr = err.decode()
    assert "Traceback" not in stderr
    assert "interrupted: 2 stored, rerun to resume" in stderr
    drop(inbox, "late.txt", TEXT.format(day="Saturday"))
    again = run_watch(inbox, tmp_path)
    try:
        wait_for(lambda: versions(tmp_path) == 3, "the late file stored", again)
        # Interrupted once the round is over (its state saved), as in the first run.
        wait_for(lambda: "late.txt" in state_text(inbox), "state saved", again)
        again.send_signal(signal.SIGINT)
        _, err = again.communicate(timeout=60)
        assert again.returncode == 130
    finally:
        if again.poll() is None:
            again.kill()
    stderr = err.decode()
    assert "interrupted: 1 stored" in stderr
    assert versions(tmp_path) == 3
