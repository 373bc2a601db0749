"""The bulk loader's writers: decided batches (`archive.bulk.Plan`) stored through several
connections, committed in batch order (see `archive.bulk` for the whole design)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence

from newsgraph.archive import dedup, migrations
from newsgraph.archive.bulk import (
    COPY_TABLES,
    COUNTERS_UPSERT,
    STORY_GROWTH,
    UPSERTS,
    Fallback,
    IngestItem,
    Plan,
    Planner,
    SupersedesInFlight,
)
from newsgraph.archive.database import Database
from newsgraph.archive.links import Linker
from newsgraph.archive.records import BatchResult
from newsgraph.archive.writer import WriterRules
from newsgraph.collector import collector_paused
from newsgraph.errors import ArchiveError, StorageError


class _Abandon(Exception):
    """A batch ahead of this one failed: roll this one back too."""


def write_plan(
    db: Database,
    plan: Plan,
    rules: WriterRules,
    dedup_rule: dedup.Deduplicator,
    turn: Callable[[], None],
) -> None:
    """Store a decided batch in one transaction: its own rows first, then (after `turn`
    returns, in batch order) the rows it shares with other batches."""
    with db.transaction():
        for table, rows in plan.copy.items():
            if rows:
                db.copy_rows(table, COPY_TABLES[table], rows)
        if plan.seqs:
            db.index_articles(plan.seqs[0], plan.seqs[-1])
        merges = [db.stage_rows(sql, plan.upserts[table]) for table, sql in UPSERTS.items()]
        turn()
        db.executemany(
            "UPDATE articles SET is_current = 0 WHERE seq = ?", [(seq,) for seq in plan.superseded]
        )
        db.executemany(
            STORY_GROWTH,
            [
                (*story.row[6:10], story.row[0])
                for story in plan.stories.values()
                if story.founded_in != plan.number
            ],
        )
        for merge in merges:
            merge()
        linker = Linker(db, dedup_rule, rules.translation_min_overlap)
        links = sum(linker.link_translations(seq, item) for seq, item in plan.multilingual)
        plan.result.duplicates += links
        counts = plan.counts.copy()
        if plan.multilingual:
            counts["duplicates"] += links
        db.executemany(COUNTERS_UPSERT, sorted(counts.items()))


class BulkLoader:
    """Plans batches in order and writes them through `writers` connections (see module doc).

    `write(items)` returns the results of the batches finished so far, `finish()` the rest.
    The archive's writer lock is held from the first batch to `finish()`.
    """

    def __init__(
        self,
        db: Database,
        dedup_rule: dedup.Deduplicator,
        rules: WriterRules,
        fallback: Fallback,
        writers: int = 1,
    ) -> None:
        self.db = db
        self.planner = Planner(db, dedup_rule, rules)
        self.rules = rules
        self.dedup = dedup_rule
        self.fallback = fallback
        self.writers = max(1, writers) if db.dialect == "postgres" else 1
        self.lock = threading.Condition()
        self.in_flight: list[Plan] = []
        self.done: list[BatchResult] = []
        self.number = 0
        self.next_commit = 0
        self.failed = False
        self.next_seq = 0
        self.locked = False
        self.deferred = False
        self.threads: list[_WriterThread] = []

    def _start(self) -> None:
        if self.locked:
            return
        self.db.hold_writer_lock()
        self.locked = True
        self.next_seq = self.planner.next_seq()
        if self.next_seq == 1 and self.db.dialect == "postgres":
            # An empty archive: its secondary indexes are built once, by `finish`.
            migrations.defer_indexes(self.db)
            self.deferred = True
        else:
            migrations.restore_indexes(self.db, wait=True)
        if self.writers > 1 and not self.threads:
            self.threads = [_WriterThread(self, self.db.clone()) for _ in range(self.writers)]

    def write(self, items: Sequence[IngestItem]) -> list[BatchResult]:
        """Decide one batch and hand it to a writer; results of finished batches."""
        self._start()
        self._wait(lambda: len(self.in_flight) < self.writers or self._finished_any())
        self._settle()
        with self.lock:
            pending = [plan for plan in self.in_flight if not plan.committed]
        if not self.threads:
            # One writer: nothing is in flight, and the archive knows the next seq.
            self.next_seq = self.planner.next_seq()
        try:
            with collector_paused():
                plan = self.planner.plan(self.number, items, self.next_seq, pending)
        except SupersedesInFlight:
            self._wait(lambda: all(p.committed or p.error for p in self.in_flight))
            self._settle()
            with collector_paused():
                plan = self.planner.plan(self.number, items, self.next_seq, [])
        self.number += 1
        if plan.seqs:
            self.next_seq = plan.seqs[-1] + 1
        with self.lock:
            self.in_flight.append(plan)
        if self.threads:
            self.threads[plan.number % self.writers].queue_plan(plan)
        else:
            self._write(self.db, plan)
        self._settle()
        return self._take()

    def finish(self) -> list[BatchResult]:
        """Wait for every batch, build the deferred indexes, release the lock and the writers;
        the remaining results."""
        try:
            self._wait(lambda: all(p.committed or p.error for p in self.in_flight))
            self._settle()
        finally:
            for thread in self.threads:
                thread.stop()
            self.threads = []
            try:
                if self.deferred:
                    self.deferred = False
                    migrations.restore_indexes(self.db, wait=True)
            finally:
                if self.locked:
                    self.db.release_writer_lock()
                    self.locked = False
        return self._take()

    def _take(self) -> list[BatchResult]:
        done, self.done = self.done, []
        return done

    def _finished_any(self) -> bool:
        return any(plan.committed or plan.error for plan in self.in_flight)

    def _wait(self, ready: Callable[[], bool]) -> None:
        with self.lock:
            while not ready():
                self.lock.wait(0.5)

    def _settle(self) -> None:
        """Collect committed batches; after a failure, redo the failed ones article by article."""
        with self.lock:
            while self.in_flight and self.in_flight[0].committed:
                self.done.append(self.in_flight.pop(0).result)
            if not any(plan.error for plan in self.in_flight):
                return
        self._wait(lambda: all(p.committed or p.error for p in self.in_flight))
        with self.lock:
            plans, self.in_flight = self.in_flight, []
        for plan in plans:
            error = plan.error
            if error is not None and not isinstance(error, _Abandon | ArchiveError):
                raise error
            if isinstance(error, StorageError):
                raise error
        # The single writer redoes the failed batches (and those rolled back behind them); it
        # takes the writer lock this session already holds.
        for plan in plans:
            self.done.append(plan.result if plan.committed else self.fallback(plan.items))
        with self.lock:
            self.failed = False
            self.next_commit = self.number
        self.next_seq = self.planner.next_seq()

    def _write(self, db: Database, plan: Plan) -> None:
        """Write one plan on `db` (called by a writer thread, or inline for one writer)."""
        try:
            write_plan(db, plan, self.rules, self.dedup, lambda: self._turn(plan))
        except BaseException as error:
            with self.lock:
                plan.error = error
                if not isinstance(error, _Abandon):
                    self.failed = True
                self.next_commit = max(self.next_commit, plan.number + 1)
                self.lock.notify_all()
            if not isinstance(error, (ArchiveError, _Abandon)):
                raise
            return
        with self.lock:
            plan.committed = True
            self.next_commit = plan.number + 1
            self.lock.notify_all()

    def _turn(self, plan: Plan) -> None:
        """Wait until every batch ahead has committed; abandon when one of them failed."""
        with self.lock:
            while self.next_commit < plan.number and not self.failed:
                self.lock.wait(0.5)
            if self.failed:
                raise _Abandon


class _WriterThread:
    """One writer connection and the thread that feeds it plans."""

    def __init__(self, loader: BulkLoader, db: Database) -> None:
        import queue

        self.loader = loader
        self.db = db
        self.plans: queue.Queue[Plan | None] = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="bulk-writer", daemon=True)
        self.thread.start()

    def queue_plan(self, plan: Plan) -> None:
        self.plans.put(plan)

    def _run(self) -> None:
        while (plan := self.plans.get()) is not None:
            try:
                self.loader._write(self.db, plan)
            except BaseException as error:
                plan.error = plan.error or error

    def stop(self) -> None:
        self.plans.put(None)
        self.thread.join()
        self.db.close()
