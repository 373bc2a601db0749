"""The narrow boundary between the archive and a database driver.

`SqlRepository` speaks portable SQL with `?` placeholders through this protocol; the adapters in
`sqlite.py` and `postgres.py` are the only modules that import a driver, and they turn its
exceptions into ArchiveError. The few things SQL cannot say portably (full-text search, the
writer lock, the size on disk) are methods here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from newsgraph.archive.migrations import Dialect
from newsgraph.errors import QueryError

Row = tuple[Any, ...]
QUOTED = re.compile(r'"([^"]*)"')
TERM = re.compile(r"[\w*]+")
# Full-text engines spend time superlinear in the number of ANDed terms (4,000 terms took 27 s):
# a query is a few words and phrases, so more than this is refused with a clear error.
MAX_QUERY_TERMS = 64
MAX_TERM_CHARS = 200


class Database(Protocol):
    """A connection to one archive database."""

    dialect: Dialect
    location: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one statement (`?` placeholders) and return its rows."""

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for many parameter rows."""

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Add rows to a table as fast as the database takes them (COPY where it has one)."""

    def stage_rows(self, sql: str, rows: Sequence[Sequence[Any]]) -> Callable[[], None]:
        """Inside a transaction: prepare running the `INSERT ... VALUES (?, ...) [ON CONFLICT
        ...]` statement `sql` for every row; the returned function runs it (COPY into a
        staging table, then one INSERT ... SELECT, where the database has COPY)."""

    def clone(self) -> Database:
        """Another connection to the same database (for parallel writers)."""

    def hold_writer_lock(self) -> None:
        """Outside transactions: take the writers' lock for this connection until released."""

    def release_writer_lock(self) -> None:
        """Release what `hold_writer_lock` took."""

    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction: commits on success, rolls back on error."""

    def lock_writer(self) -> None:
        """Inside a transaction: wait until no other process is writing."""

    def index_articles(self, first_seq: int, last_seq: int) -> None:
        """Add articles with seq in [first_seq, last_seq] to the full-text index."""

    def search(self, query: str, limit: int, lang: str | None) -> list[Row]:
        """Full-text search over current articles: (seq, score, snippet), best first."""

    def columns(self, table: str) -> list[str]:
        """Column names of a table, in order."""

    def size_bytes(self) -> int | None:
        """Space the archive takes on disk, when the database can tell."""

    def close(self) -> None:
        """Close the connection."""


def query_terms(query: str) -> list[str]:
    """Distinct phrases (in double quotes) and words of a user's search query, in order.

    Raises QueryError when the query holds more than MAX_QUERY_TERMS distinct terms or a term
    longer than MAX_TERM_CHARS.
    """
    terms = [phrase.strip() for phrase in QUOTED.findall(query) if phrase.strip()]
    rest = QUOTED.sub(" ", query)
    terms.extend(TERM.findall(rest))
    distinct = list(dict.fromkeys(terms))
    if len(distinct) > MAX_QUERY_TERMS:
        raise QueryError(
            f"search query has {len(distinct):,} distinct words and phrases; "
            f"at most {MAX_QUERY_TERMS} are allowed"
        )
    if any(len(term) > MAX_TERM_CHARS for term in distinct):
        raise QueryError(f"search term longer than {MAX_TERM_CHARS} characters")
    return distinct
