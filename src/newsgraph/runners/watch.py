"""`newsgraph watch DIR`: ingest files as they land in a drop folder.

A file is taken once its size and modification time have stayed the same for one poll (so a
file still being copied is not read half-written; writers that rename a finished file into
place are picked up at once). Files whose names end in `.part`, `.tmp` or `.crdownload`, and
hidden files, are in-progress downloads and are left alone. Files a directory walk would skip
(README, a manifest, `.pdf`, …) are listed once in `newsgraph failures` with the reason.

What has been done is kept in a state file (by default `DIR/.newsgraph-watch.json`: each file's
size and modification time once stored), written atomically after every stored batch: a
restarted watcher does not read again what it finished, and a file that changes is read again.
Every file also goes through the ordinary `ingest`, which skips inputs the archive already holds,
so even without the state file (lost, or a folder the watcher cannot write) nothing is stored
twice.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.archive import open_archive
from newsgraph.ingest import InputFailure, read_paths, skip_reason
from newsgraph.ingest.containers import display_path
from newsgraph.model import Article
from newsgraph.runners.local import IngestReport, ingest
from newsgraph.settings import Settings

IN_PROGRESS_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial")
STATE_NAME = ".newsgraph-watch.json"
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

    def load(self, path: Path, folder: Path) -> str | None:
        """Read the files done from a state file; a warning when it cannot be read."""
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            for name, (size, mtime) in data["done"].items():
                self.done[folder / name] = (int(size), int(mtime))
        except (OSError, ValueError, KeyError, TypeError) as error:
            self.done.clear()
            return (
                f"{path}: cannot read the watch state ({type(error).__name__}); "
                "reading the folder again (nothing is stored twice)"
            )
        return None

    def save(self, path: Path, folder: Path) -> str | None:
        """Write the files done atomically; a warning when it cannot be written."""
        done = {}
        for file, signature in sorted(self.done.items()):
            if file.exists():
                done[os.fsdecode(file.relative_to(folder))] = list(signature)
        temporary = path.with_name(path.name + ".tmp")
        try:
            temporary.write_text(json.dumps({"done": done}, indent=1), encoding="utf-8")
            temporary.replace(path)
        except OSError as error:
            return (
                f"{path}: cannot save the watch state ({error.strerror}); "
                "a restart reads the folder again (nothing is stored twice)"
            )
        return None


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
    state_file: Path | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> WatchState:
    """Poll `folder` and ingest stable new files until `stop` is set (or after `rounds` polls).

    `state_file` (default `folder/.newsgraph-watch.json`) keeps the files done across restarts.
    """
    stop = stop or threading.Event()
    state = WatchState()
    state_path = state_file or folder / STATE_NAME
    warned = False

    def warn(message: str | None) -> None:
        nonlocal warned
        if message and not warned and on_warning is not None:
            on_warning(message)
        warned = warned or bool(message)

    warn(state.load(state_path, folder))
    done_rounds = 0
    with open_archive(settings.database, settings) as repository:
        while not stop.is_set():
            files = ready_files(folder, state)
            if files:
                # As read: a file that changes while it is ingested is read again next poll.
                signatures = {path: _signature(path) for path in files}
                report = ingest(_inputs(files, settings.max_input_bytes), repository, settings)
                state.reports.append(report)
                if on_report is not None:
                    on_report(report)
                if report.interrupted:
                    break
                for path, signature in signatures.items():
                    if signature is not None:
                        state.done[path] = signature
                warn(state.save(state_path, folder))
            done_rounds += 1
            if rounds is not None and done_rounds >= rounds:
                break
            stop.wait(poll_s)
    return state


def _inputs(files: list[Path], max_bytes: int) -> Iterator[Article | InputFailure]:
    """A failure for each file a directory walk skips, then what the other files give."""
    readable = []
    for path in files:
        reason = skip_reason(path)
        if reason is None:
            readable.append(path)
        else:
            yield InputFailure(display_path(path), reason)
    if readable:
        yield from read_paths(readable, max_bytes)
