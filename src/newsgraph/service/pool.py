"""Connections for the service: a bounded pool of read-only readers and one writer.

Queries borrow a reader for the length of one request; readers are opened read-only (SQLite
`query_only`, PostgreSQL read-only transactions), so a query path can never write. Ingest writes go
through the single writer under a lock, one batch per transaction, as the archive expects.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newsgraph.archive import open_archive
from newsgraph.archive.store import SqlRepository
from newsgraph.errors import ArchiveError
from newsgraph.settings import Settings

WAIT_SECONDS = 30.0


class ArchivePool:
    """Up to `size` reader connections, opened on demand and reused; one writer."""

    def __init__(self, settings: Settings, size: int = 8, *, create: bool = True) -> None:
        self.settings = settings
        self.size = size
        self.create = create
        self._idle: queue.LifoQueue[SqlRepository] = queue.LifoQueue()
        self._opened = 0
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._writer: SqlRepository | None = None
        # Opening migrates the archive: done once, by a writable connection, before readers. A
        # pool for queries only (create=False) never creates or migrates: the archive must exist.
        if create:
            with self.writer():
                pass

    def _open(self, *, create: bool = True) -> SqlRepository:
        repository = open_archive(self.settings.database, self.settings, create=create)
        if not isinstance(repository, SqlRepository):
            raise ArchiveError("the service needs a SQL archive (SQLite or PostgreSQL)")
        return repository

    def _open_reader(self) -> SqlRepository:
        repository = self._open(create=self.create)
        if repository.backend == "sqlite":
            repository.db.execute("PRAGMA query_only = 1")
        else:
            repository.db.execute("SET default_transaction_read_only = on")
        return repository

    @contextmanager
    def reader(self) -> Iterator[SqlRepository]:
        """A read-only archive connection for one request."""
        repository = self._borrow()
        try:
            yield repository
        finally:
            self._idle.put(repository)

    def _borrow(self) -> SqlRepository:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._opened < self.size:
                self._opened += 1
                try:
                    return self._open_reader()
                except BaseException:
                    self._opened -= 1
                    raise
        try:
            return self._idle.get(timeout=WAIT_SECONDS)
        except queue.Empty as error:
            raise ArchiveError(f"no archive connection free after {WAIT_SECONDS:.0f} s") from error

    @contextmanager
    def writer(self) -> Iterator[SqlRepository]:
        """The writable archive connection, one user at a time."""
        with self._write_lock:
            if self._writer is None:
                self._writer = self._open()
            yield self._writer

    def close(self) -> None:
        """Close every connection."""
        with self._write_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break
        self._opened = 0
