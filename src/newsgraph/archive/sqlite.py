"""SQLite backend: one file in WAL mode, FTS5 for full-text search. The only sqlite3 importer."""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsgraph.archive.database import Row, query_terms
from newsgraph.archive.migrations import Dialect
from newsgraph.errors import STORAGE_HINT, ArchiveError, StorageError

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    # With WAL, NORMAL loses no committed transaction when the process is killed.
    "PRAGMA synchronous = NORMAL",
    "PRAGMA busy_timeout = 60000",
    "PRAGMA cache_size = -65536",
    "PRAGMA temp_store = MEMORY",
)
# SQLITE_READONLY, SQLITE_IOERR (a write refused by the OS: EFBIG, EIO) and SQLITE_FULL.
STORAGE_CODES = frozenset({8, 10, 13})
SNIPPET = "snippet(article_fts, 1, '[', ']', '…', 16)"


class SqliteDatabase:
    """A connection to an archive file."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.location = str(path)
        try:
            if read_only:
                self._conn = _connect_read_only(path)
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are opened explicitly by `transaction()`.
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._refuse_foreign()
            for pragma in PRAGMAS:
                self._conn.execute(pragma)
        except (OSError, sqlite3.Error) as error:
            raise ArchiveError(f"cannot open the archive {path}: {error}") from error

    def _refuse_foreign(self) -> None:
        """Never turn another program's SQLite file into an archive (not even its journal mode)."""
        rows = self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        names = {str(row[0]) for row in rows}
        if names and "schema_migrations" not in names:
            self._conn.close()
            raise ArchiveError(
                f"{self.location} is not a newsgraph archive (it holds other tables, "
                f"such as {sorted(names)[0]!r}); choose another --db"
            )

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one statement and return its rows."""
        try:
            return self._conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as error:
            raise self._error(error, sql) from error

    def _error(self, error: sqlite3.Error, sql: str) -> ArchiveError:
        """ArchiveError for the statement; StorageError when the storage itself failed."""
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code in STORAGE_CODES:
            return StorageError(f"{self.location}: cannot write ({error}); {STORAGE_HINT}")
        return ArchiveError(f"{self.location}: {error} (in: {_first_line(sql)})")

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many parameter rows."""
        if not rows:
            return
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.Error as error:
            raise self._error(error, sql) from error

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert the rows with one prepared statement (SQLite has no COPY)."""
        marks = ", ".join("?" for _ in columns)
        self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def stage_rows(self, sql: str, rows: Sequence[Sequence[Any]]) -> Callable[[], None]:
        """The statement run for every row, later (SQLite's prepared statements are fast)."""
        return lambda: self.executemany(sql, rows)

    def clone(self) -> SqliteDatabase:
        """Another connection to the same file."""
        return SqliteDatabase(Path(self.location))

    def hold_writer_lock(self) -> None:
        """Nothing to hold: every write transaction takes the file's lock (BEGIN IMMEDIATE)."""

    def release_writer_lock(self) -> None:
        """Nothing was held."""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE takes the write lock up front, so one writer runs at a time."""
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.rollback()
            raise
        self.execute("COMMIT")

    def lock_writer(self) -> None:
        """BEGIN IMMEDIATE already holds the database's write lock."""

    def index_articles(self, first_seq: int, last_seq: int) -> None:
        """Add a range of articles to the FTS5 index (its content stays in `articles`)."""
        self.execute(
            "INSERT INTO article_fts (rowid, title, text, quote_text, entity_names) "
            "SELECT seq, title, text, quote_text, entity_names FROM articles "
            "WHERE seq BETWEEN ? AND ?",
            (first_seq, last_seq),
        )

    def search(self, query: str, limit: int, lang: str | None) -> list[Row]:
        """FTS5 search with bm25 ranking (titles and names weigh more than body text)."""
        expression = fts5_expression(query)
        if not expression:
            return []
        lang_filter = "AND a.lang = ?" if lang else ""
        sql = (
            f"SELECT a.seq, -bm25(article_fts, 4.0, 1.0, 2.0, 2.0), {SNIPPET} "
            "FROM article_fts JOIN articles a ON a.seq = article_fts.rowid "
            f"WHERE article_fts MATCH ? AND a.is_current = 1 {lang_filter} "
            "ORDER BY bm25(article_fts, 4.0, 1.0, 2.0, 2.0) LIMIT ?"
        )
        params: list[Any] = [expression, *([lang] if lang else []), limit]
        return self.execute(sql, params)

    def columns(self, table: str) -> list[str]:
        """Column names of a table, in order."""
        return [str(row[1]) for row in self.execute(f"PRAGMA table_info({table})")]

    def size_bytes(self) -> int | None:
        """Pages in use times page size (committed pages still in the WAL included, once)."""
        pages = self.execute("PRAGMA page_count")[0][0]
        size = self.execute("PRAGMA page_size")[0][0]
        return int(pages) * int(size)

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; on a read-only disk (no WAL index can be made) an immutable one."""
    uri = "file:" + urllib.parse.quote(str(path.absolute()))
    try:
        return _open_uri(f"{uri}?mode=ro")
    except sqlite3.OperationalError:
        return _open_uri(f"{uri}?mode=ro&immutable=1")


def _open_uri(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 60000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def fts5_expression(query: str) -> str:
    """A safe FTS5 query: every word or quoted phrase must occur; `word*` matches a prefix."""
    parts = []
    for term in query_terms(query):
        prefix = term.endswith("*")
        term = term.rstrip("*").replace('"', "")
        if term:
            parts.append(f'"{term}"' + ("*" if prefix else ""))
    return " ".join(parts)


def _first_line(sql: str) -> str:
    return sql.strip().splitlines()[0][:80]
