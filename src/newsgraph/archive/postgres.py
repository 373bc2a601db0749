"""PostgreSQL backend through psycopg 3; full-text search with a generated tsvector column.

The only psycopg importer. Statements arrive with `?` placeholders and are rewritten to psycopg's
`%s` once per distinct statement. The 'simple' text-search configuration (no stemming) is used
because the archive holds many languages and matches SQLite's FTS5 tokenizer most closely.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg

from newsgraph.archive.database import Row, query_terms
from newsgraph.archive.migrations import Dialect
from newsgraph.errors import STORAGE_HINT, ArchiveError, StorageError

# Any constant works: it names the lock every newsgraph writer takes.
WRITER_LOCK = 0x6E657773
# SQLSTATE classes of a server that can take no more writes: 53 insufficient resources (disk
# full), 58 system error (I/O); and 25006, a read-only transaction (a standby or read-only role).
STORAGE_STATES = ("53", "58")
READ_ONLY_STATE = "25006"
HEADLINE = "StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=…"


@lru_cache(maxsize=512)
def to_psycopg(sql: str) -> str:
    """Rewrite `?` placeholders as `%s` (and escape literal percent signs)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresDatabase:
    """A connection to an archive in a PostgreSQL database."""

    dialect: Dialect = "postgres"

    def __init__(self, url: str, statement_timeout_s: float = 0.0) -> None:
        self.location = _without_password(url)
        self._url = url
        self._timeout_s = statement_timeout_s
        self._types: dict[tuple[str, tuple[str, ...]], list[int]] = {}
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as error:
            raise ArchiveError(f"cannot connect to {self.location}: {error}") from error
        if statement_timeout_s > 0:
            # The server keeps running a query whose client died; the timeout ends it.
            milliseconds = int(statement_timeout_s * 1000)
            self.execute(f"SET statement_timeout = {milliseconds}")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one statement and return its rows."""
        try:
            with self._conn.cursor() as cursor:
                cursor.execute(to_psycopg(sql), tuple(params))
                return list(cursor.fetchall()) if cursor.description else []
        except psycopg.Error as error:
            raise self._error(error, sql) from error

    def _error(self, error: psycopg.Error, sql: str | None = None) -> ArchiveError:
        """ArchiveError for the statement; StorageError when the server can take no writes."""
        state = error.sqlstate or ""
        if state.startswith(STORAGE_STATES) or state == READ_ONLY_STATE:
            return StorageError(f"{self.location}: cannot write ({error}); {STORAGE_HINT}")
        where = f" (in: {_first_line(sql)})" if sql else ""
        return ArchiveError(f"{self.location}: {error}{where}")

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many parameter rows (pipelined by psycopg)."""
        if not rows:
            return
        try:
            with self._conn.cursor() as cursor:
                cursor.executemany(to_psycopg(sql), rows)
        except psycopg.Error as error:
            raise self._error(error, sql) from error

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """COPY the rows into the table in binary format (the server parses no text; the
        column types come from the catalog, once per table and connection)."""
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN (FORMAT BINARY)"
        try:
            types = self._column_types(table, tuple(columns))
            with self._conn.cursor() as cursor, cursor.copy(sql) as copy:
                copy.set_types(types)
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as error:
            raise self._error(error, sql) from error
        except (TypeError, ValueError, OverflowError) as error:
            # A value the column's binary format cannot hold: the database refuses the row.
            raise ArchiveError(f"{self.location}: {table} cannot store a row ({error})") from error

    def _column_types(self, table: str, columns: tuple[str, ...]) -> list[int]:
        """Type oids of `columns` of `table` (a temporary table included)."""
        key = (table, columns)
        if key not in self._types:
            with self._conn.cursor() as cursor:
                cursor.execute(
                    "SELECT attname, atttypid FROM pg_attribute"
                    " WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                    (table,),
                )
                found = {str(name): int(oid) for name, oid in cursor.fetchall()}
            self._types[key] = [found[column] for column in columns]
        return self._types[key]

    def stage_rows(self, sql: str, rows: Sequence[Sequence[Any]]) -> Callable[[], None]:
        """COPY the rows into a temporary table now; the returned function inserts them all
        with one `INSERT ... SELECT` carrying `sql`'s ON CONFLICT clause."""
        if not rows:
            return lambda: None
        head, tail = sql.split(" VALUES ", 1)
        table, columns = head.removeprefix("INSERT INTO ").strip().split(" ", 1)
        names = columns.strip("() ")
        stage = f"stage_{table}"
        conflict = tail[tail.index(")") + 1 :]
        self.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DELETE ROWS"
            f" AS SELECT {names} FROM {table} WITH NO DATA"
        )
        self.copy_rows(stage, [name.strip() for name in names.split(",")], rows)
        merge = f"INSERT INTO {table} ({names}) SELECT {names} FROM {stage}{conflict}"

        def apply() -> None:
            self.execute(merge)

        return apply

    def clone(self) -> PostgresDatabase:
        """Another connection to the same database and schema."""
        return PostgresDatabase(self._url, self._timeout_s)

    def hold_writer_lock(self) -> None:
        """Take the writers' advisory lock for this session (transactions of it pass it)."""
        self.execute("SELECT pg_advisory_lock(?)", (WRITER_LOCK,))

    def release_writer_lock(self) -> None:
        """Release the session's advisory lock."""
        self.execute("SELECT pg_advisory_unlock(?)", (WRITER_LOCK,))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A transaction that commits on success and rolls back on any error."""
        try:
            with self._conn.transaction():
                yield
        except psycopg.Error as error:
            raise self._error(error) from error

    def lock_writer(self) -> None:
        """Take the writers' advisory lock until the transaction ends."""
        self.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))

    def index_articles(self, first_seq: int, last_seq: int) -> None:
        """Nothing to do: the search vector is a generated column."""

    def search(self, query: str, limit: int, lang: str | None) -> list[Row]:
        """tsvector search ranked by ts_rank; every word or quoted phrase must occur."""
        expression = tsquery_expression(query)
        if not expression:
            return []
        lang_filter = "AND a.lang = ?" if lang else ""
        sql = (
            "WITH hits AS ("
            " SELECT a.seq, a.text, ts_rank(a.search_vector, q) AS score, q"
            " FROM articles a, to_tsquery('simple', ?) q"
            f" WHERE a.search_vector @@ q AND a.is_current = 1 {lang_filter}"
            " ORDER BY score DESC, a.seq LIMIT ?)"
            f" SELECT seq, score, ts_headline('simple', text, q, '{HEADLINE}')"
            " FROM hits ORDER BY score DESC, seq"
        )
        params: list[Any] = [expression, *([lang] if lang else []), limit]
        return self.execute(sql, params)

    def columns(self, table: str) -> list[str]:
        """Column names of a table in the current schema, in order."""
        rows = self.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        return [str(row[0]) for row in rows]

    def size_bytes(self) -> int | None:
        """Total size of the archive's tables and indexes in the current schema."""
        rows = self.execute(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')"
        )
        return int(rows[0][0])

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()


def tsquery_expression(query: str) -> str:
    """A to_tsquery expression: words ANDed, quoted phrases as <-> chains, `word*` as prefix."""
    parts = []
    for term in query_terms(query):
        prefix = term.endswith("*")
        words = ["".join(ch for ch in word if ch.isalnum()) for word in term.rstrip("*").split()]
        words = [word.lower() for word in words if word]
        if not words:
            continue
        lexemes = [f"'{word}'" for word in words]
        if prefix:
            lexemes[-1] += ":*"
        parts.append("(" + " <-> ".join(lexemes) + ")" if len(lexemes) > 1 else lexemes[0])
    return " & ".join(parts)


def _without_password(url: str) -> str:
    """The URL as it may appear in messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
    return url


def _first_line(sql: str) -> str:
    return sql.strip().splitlines()[0][:80]
