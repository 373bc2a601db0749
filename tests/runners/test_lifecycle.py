"""Process lifecycle: Ctrl-C/SIGTERM stop with a summary, workers die with their parent, an article
over its time budget becomes a failure naming its stage and the batch goes on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsgraph.archive import open_archive
from newsgraph.archive.records import FailedInput
from newsgraph.ingest import read_paths
from newsgraph.model import Article, Meta
from newsgraph.runners import lifecycle
from newsgraph.runners.local import _Worker, ingest
from newsgraph.settings import Settings
from newsgraph.stages import clean

from .test_local import run_child, stored_versions, write_inputs


def children_of(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found.update(int(child) for child in text.split())
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def wait_until_stored(url: str, process: subprocess.Popen[bytes], count: int) -> None:
    deadline = time.monotonic() + 240
    while stored_versions(url) < count:
        assert process.poll() is None, "ingest ended before the test could stop it"
        assert time.monotonic() < deadline, "ingest stored nothing in time"
        time.sleep(0.05)


def busy(
    raw: str, site_lines: set[str] | None = None, authors: Sequence[str] = ()
) -> clean.CleanResult:
    while True:
        pass


def test_article_over_its_budget_is_a_failure_naming_the_stage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clean, "clean_text", busy)
    worker = _Worker(Settings(stages=["clean"], article_time_budget_s=0.2))
    article = Article(raw="Ein tekst.", meta=Meta(input_path="slow.txt"))
    result = worker.process((article, "key"))
    assert isinstance(result, FailedInput)
    assert result.stage == "clean" and result.path == "slow.txt"
    assert "0.2 s time budget" in result.reason


def test_batch_goes_on_after_an_article_over_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = clean.clean_text
    # Rules and lexicons load on first use; that must not happen under the short budget.
    clean.CleanStage(Settings())(Article(raw="Kari Holm met Li Wei in Oslo on 3 October."))

    def slow_on_marker(
        raw: str, site_lines: set[str] | None = None, authors: Sequence[str] = ()
    ) -> clean.CleanResult:
        return busy(raw) if "SLOW" in raw else original(raw, site_lines, authors)

    monkeypatch.setattr(clean, "clean_text", slow_on_marker)
    folder = write_inputs(tmp_path / "in", count=3)
    (folder / "article-001.txt").write_text("SLOW text that never finishes.", encoding="utf-8")
    settings = Settings(stages=["clean"], workers=1, article_time_budget_s=0.3)
    with open_archive(tmp_path / "a.db") as archive:
        report = ingest(read_paths([folder]), archive, settings)
        [failure] = archive.failures()
    assert report.stored.written == 2
    assert failure.stage == "clean" and failure.input_path.endswith("article-001.txt")


def test_stage_of_is_the_outermost_stage_module() -> None:
    def inner() -> str:
        import sys

        return lifecycle.stage_of(sys._getframe())

    assert lifecycle.stage_of(None) == "pipeline"
    assert inner() == "pipeline"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_signal_stops_ingest_with_a_summary_and_a_rerun_finishes(
    tmp_path: Path, signum: signal.Signals
) -> None:
    # Enough articles that a loaded machine cannot finish them all between the fourth stored
    # article and the signal (with 60, and after the session-6 speed-ups with 240, a run under a
    # loaded full suite ended normally before the signal arrived).
    count = 600
    folder = write_inputs(tmp_path / "in", count=count)
    url = str(tmp_path / "a.db")
    child = run_child(folder, url)
    wait_until_stored(url, child, 4)
    workers = children_of(child.pid)
    child.send_signal(signum)
    # communicate() drains the pipes while waiting: a child whose progress output filled an unread
    # pipe could not finish writing its summary (a loaded machine makes more progress lines).
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    stderr = err.decode()
    assert "Traceback" not in stderr, stderr
    assert "interrupted:" in stderr and "rerun to resume" in stderr
    time.sleep(0.5)
    assert not [pid for pid in workers if alive(pid)], "workers outlived the run"
    partial = stored_versions(url)
    assert partial < count
    rerun = run_child(folder, url)
    assert rerun.wait(timeout=300) == 0
    assert stored_versions(url) == count


def test_workers_die_when_their_parent_is_killed(tmp_path: Path) -> None:
    folder = write_inputs(tmp_path / "in", count=60)
    url = str(tmp_path / "a.db")
    child = run_child(folder, url)
    wait_until_stored(url, child, 4)
    workers = children_of(child.pid)
    assert len(workers) >= 2
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    orphans = [pid for pid in workers if alive(pid)]
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
    assert orphans == []


def test_memory_cap_turns_a_huge_allocation_into_memory_error() -> None:
    import sys

    code = (
        "from newsgraph.runners.lifecycle import limit_memory\n"
        "limit_memory(2048)\n"
        "try:\n"
        "    block = bytearray(4 * 1024**3)\n"
        "except MemoryError:\n"
        "    print('refused')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert result.stdout.decode().strip() == "refused", result.stderr.decode()


def _resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_release_free_memory_returns_freed_heap_pages() -> None:
    from newsgraph.runners.lifecycle import release_free_memory

    # 100 kB blocks come from the heap (below glibc's mmap threshold); the last one, kept, stops
    # the heap's top from shrinking on its own when the others are freed.
    blocks = [bytearray(100_000) for _ in range(1500)]
    kept = blocks[-1]
    del blocks
    before = _resident_mb()
    release_free_memory()
    assert len(kept) == 100_000
    assert _resident_mb() < before - 50


class _RecordingLibc:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def mallopt(self, option: int, value: int) -> int:
        self.calls.append((option, value))
        return 1


def test_tune_allocator_sets_glibcs_mmap_threshold_in_bytes() -> None:
    libc = _RecordingLibc()
    assert lifecycle.tune_allocator(128, libc) is True
    assert libc.calls == [(lifecycle.M_MMAP_THRESHOLD, 128 * 1024)]


def test_tune_allocator_changes_nothing_when_off_or_without_glibc(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    libc = _RecordingLibc()
    assert lifecycle.tune_allocator(0, libc) is False
    assert libc.calls == []
    monkeypatch.setattr(lifecycle.sys, "platform", "darwin")
    assert lifecycle.tune_allocator(128) is False


def test_pipeline_worker_tunes_the_allocator_before_loading_models(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsgraph.runners import policy

    order: list[str] = []
    monkeypatch.setattr(
        lifecycle, "tune_allocator", lambda kb, libc=None: order.append(f"tune {kb}") or True
    )
    real_setup = policy.Pipeline.setup
    monkeypatch.setattr(
        policy.Pipeline, "setup", lambda self: order.append("setup") or real_setup(self)
    )
    _Worker(Settings(stages=["clean"], malloc_mmap_threshold_kb=256))
    assert order == ["tune 256", "setup"]


# A block from the heap when glibc's threshold has risen past it, and not when it is fixed: after
# one freed 4 MB block glibc's adaptive threshold is 4 MB, so 200 kB blocks come from the heap and
# their pages stay resident once freed (the last block, kept, stops the heap's top shrinking).
FREED_BLOCKS_SCRIPT = """
import sys
from newsgraph.runners.lifecycle import tune_allocator
def resident_mb():
    with open("/proc/self/status", encoding="ascii") as status:
        return int(next(l for l in status if l.startswith("VmRSS:")).split()[1]) / 1024
tuned = tune_allocator(int(sys.argv[1]))
raised = bytearray(4_000_000)
del raised
blocks = [bytearray(200_000) for _ in range(750)]
kept = blocks[-1]
before = resident_mb()
del blocks
print(tuned, round(before - resident_mb()))
"""


@pytest.mark.skipif(not os.confstr("CS_GNU_LIBC_VERSION"), reason="glibc's malloc")
def test_tuned_allocator_returns_freed_blocks_at_once() -> None:
    def freed_mb(threshold_kb: int) -> tuple[str, int]:
        result = subprocess.run(
            [sys.executable, "-c", FREED_BLOCKS_SCRIPT, str(threshold_kb)],
            capture_output=True,
            timeout=60,
            check=True,
        )
        tuned, freed = result.stdout.decode().split()
        return tuned, int(freed)

    tuned, freed = freed_mb(128)
    assert tuned == "True" and freed > 100
    untuned, kept = freed_mb(0)
    assert untuned == "False" and kept < 20
