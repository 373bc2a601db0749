"""The life of an ingest run's processes: stopping cleanly, never leaving orphans, time budgets.

- Ctrl-C and SIGTERM take one path: the main process gets KeyboardInterrupt, kills its workers
  at once (their work in flight is redone by the next run, which skips what is stored) and
  reports what was stored. Workers ignore SIGINT, so a terminal's Ctrl-C, sent to the whole
  process group, prints no worker tracebacks.
- Workers die with their parent: on Linux the kernel sends them SIGKILL when it dies
  (PR_SET_PDEATHSIG); elsewhere, and as a second line, a thread watches the parent's pid.
- A per-article time budget: SIGALRM interrupts the pipeline (Python's regex engine, spaCy's
  tokenizer and pure-Python loops all check for signals) and the article becomes a failure
  naming the stage it was in.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# From <linux/prctl.h>.
PR_SET_PDEATHSIG = 1
# From glibc's <malloc.h>.
M_MMAP_THRESHOLD = -3
PARENT_POLL_S = 0.5
STAGE_MODULES = "newsgraph.stages."


class ArticleTimeout(BaseException):
    """An article ran past its time budget.

    A BaseException so that a stage's or the pipeline's `except Exception` cannot record it as
    an ordinary stage failure and carry on with the next stage.
    """

    def __init__(self, seconds: float, stage: str) -> None:
        self.seconds = seconds
        self.stage = stage
        super().__init__(f"took longer than the {seconds:g} s time budget (in stage {stage!r})")


def stage_of(frame: FrameType | None) -> str:
    """The pipeline stage a frame runs in: the outermost `newsgraph.stages.*` module on the stack."""
    stage = "pipeline"
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if module.startswith(STAGE_MODULES):
            stage = module.removeprefix(STAGE_MODULES).split(".")[0]
        frame = frame.f_back
    return stage


def _can_use_signals() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ArticleTimeout in the body once it has run `seconds` (0 or no signals: no budget)."""
    if seconds <= 0 or not _can_use_signals():
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise ArticleTimeout(seconds, stage_of(frame))

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space; past it allocations raise MemoryError (0: no cap)."""
    if megabytes <= 0 or not hasattr(resource, "RLIMIT_AS"):
        return
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _glibc() -> Any:
    """This process's C library when it is glibc (its malloc has `mallopt`), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return None
        return ctypes.CDLL(None)
    except (OSError, ValueError):
        return None


def tune_allocator(mmap_threshold_kb: int, libc: Any = None) -> bool:
    """Have glibc map every heap block of at least `mmap_threshold_kb` KiB on its own, so that
    its pages go back to the system as soon as it is freed; whether it was set (0, or no glibc:
    nothing is changed, and False).

    glibc starts at 128 KiB but raises the threshold to the size of each mapped block it frees (up
    to 32 MiB), after which the nlp stage's arrays of a few MB come from the heap, where freed
    blocks of mixed sizes are reused only in part. One worker, the 181 full pages: peak 593 MB
    with glibc's threshold, 573 with 4 MiB, 557 with 2 MiB, 555 with 1 MiB; the smaller the
    threshold, the more page faults (0.30, 0.42, 0.59, 1.0 million: 2 MiB costs ~0.4 s of
    system CPU over the 181 pages, 1 MiB ~2 s). A fixed threshold also keeps the heap's trim
    threshold at glibc's default, so a freed top of the heap goes back too. Only where blocks
    live changes, never a result."""
    libc = libc if libc is not None else _glibc()
    if mmap_threshold_kb <= 0 or libc is None:
        return False
    return bool(libc.mallopt(M_MMAP_THRESHOLD, mmap_threshold_kb * 1024))


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's `malloc_trim`; elsewhere nothing).

    The nlp stage's arrays of a few MB each come from the heap once glibc has raised its mmap
    threshold, and their freed pages stay resident: a worker held ~120 MB more after 181 full
    pages. Trimming after each chunk costs ~0.1 ms an article and changes no output."""
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def die_with_parent(parent_pid: int) -> None:
    """Make this worker process end when the process `parent_pid` ends, however it ends."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:
        # The parent died before the line above took effect.
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_S)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def protect_worker(parent_pid: int, memory_mb: int = 0) -> None:
    """Set up a worker process: die with the parent, leave Ctrl-C to it, cap its memory."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent_pid)
    limit_memory(memory_mb)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signal.Signals(signum).name}")


@contextmanager
def interruptible() -> Iterator[None]:
    """Within the body, SIGTERM raises KeyboardInterrupt as Ctrl-C does."""
    if not _can_use_signals():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """End a process pool now: drop queued work and kill its workers instead of waiting."""
    # The executor has no public way to end running tasks; its process table is the only handle.
    processes: list[Any] = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=1)
