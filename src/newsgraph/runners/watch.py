"""`newsgraph watch DIR`: ingest files as they land in a drop folder.

A file is taken once its size and modification time have stayed the same for one poll (so a
file still being copied is not read half-written; writers that rename a finished file into
place are picked up at once). Files whose names end in `.part`, `.tmp` or `.crdownload`, and
hidden files, are in-progress downloads and are left alone. Every file goes through the ordinary
`ingest`, which skips inputs the archive already holds: a restarted watcher stores nothing twice.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.archive import open_archive
from newsgraph.runners.local import IngestReport, ingest
from newsgraph.settings import Settings

IN_PROGRESS_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial")
Signature = tuple[int, int]


@dataclass
class WatchState:
    """What the watcher has seen: the signature of each file at the last poll, and what it did."""

    pending: dict[Path, Signature] = field(default_factory=dict)
    done: dict[Path, Signature] = field(default_factory=dict)
    reports: list[IngestReport] = field(default_factory=list)

    @property
    def stored(self) -> int:
        """Articles stored so far in this watch."""
        return sum(report.stored.written for report in self.reports)


def _signature(path: Path) -> Signature | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _candidates(folder: Path) -> list[Path]:
    found = []
    for root, directories, files in os.walk(folder):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not name.lower().endswith(IN_PROGRESS_SUFFIXES):
                found.append(Path(root) / name)
    return found


def ready_files(folder: Path, state: WatchState) -> list[Path]:
    """Files whose size and time have not changed since the previous poll and are not done."""
    ready = []
    for path in _candidates(folder):
        signature = _signature(path)
        if signature is None or state.done.get(path) == signature:
            continue
        if state.pending.get(path) == signature:
            ready.append(path)
            del state.pending[path]
        else:
            state.pending[path] = signature
    return ready


def watch(
    folder: Path,
    settings: Settings,
    *,
    poll_s: float = 2.0,
    stop: threading.Event | None = None,
    rounds: int | None = None,
    on_report: Callable[[IngestReport], None] | None = None,
) -> WatchState:
    """Poll `folder` and ingest stable new files until `stop` is set (or after `rounds` polls)."""
    from newsgraph.ingest import read_paths

    stop = stop or threading.Event()
    state = WatchState()
    done_rounds = 0
    with open_archive(settings.database, settings) as repository:
        while not stop.is_set():
            files = ready_files(folder, state)
            if files:
                report = ingest(read_paths(files, settings.max_input_bytes), repository, settings)
                state.reports.append(report)
                if on_report is not None:
                    on_report(report)
                if report.interrupted:
                    break
                for path in files:
                    signature = _signature(path)
                    if signature is not None:
                        state.done[path] = signature
            done_rounds += 1
            if rounds is not None and done_rounds >= rounds:
                break
            stop.wait(poll_s)
    return state
