"""The archive: every processed article stored, deduplicated, clustered into stories, queryable.

    >>> from newsgraph.archive import open_archive, EventQuery
    >>> with open_archive("newsgraph.db") as archive:
    ...     stories = archive.events(EventQuery(countries=["RUS", "CHN"], since="2024-10-01"))

SQLite (a file path or `sqlite:///path`) is the default backend; a `postgresql://` URL selects
PostgreSQL. Both are the same `Repository`.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsgraph.archive.records import (
    ArchiveStats,
    BatchResult,
    Count,
    DuplicateLink,
    EntityProfile,
    EventQuery,
    FailedInput,
    FailureRecord,
    QuoteHit,
    SearchHit,
    StoryEvent,
    StoryReport,
    TimelinePoint,
)
from newsgraph.archive.repository import Repository
from newsgraph.errors import ArchiveError
from newsgraph.settings import Settings, load_settings

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
# Anything that looks like `scheme://` and is neither of ours is refused, not taken as a file name.
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SQLITE_SCHEME = "sqlite:///"


def is_postgres(url: str) -> bool:
    """Whether an archive URL names a PostgreSQL database."""
    return url.startswith(POSTGRES_SCHEMES)


def open_archive(
    url: str | Path | None = None, settings: Settings | None = None, *, create: bool = True
) -> Repository:
    """Open the archive at `url` or `settings.database`, creating and migrating it when needed.

    With `create=False` (queries) the archive must already exist: a missing file, a database that
    is not a newsgraph archive or an unknown URL scheme is an ArchiveError, nothing is created, and
    a SQLite archive is opened read-only (so one on a read-only disk can be queried).
    """
    settings = settings or load_settings()
    location = str(url) if url is not None else settings.database
    # Imported here so that opening a SQLite archive never loads the PostgreSQL driver.
    from newsgraph.archive.store import SqlRepository

    if is_postgres(location):
        from newsgraph.archive.postgres import PostgresDatabase

        database = PostgresDatabase(location, settings.statement_timeout_s)
        return SqlRepository(database, settings, create=create)
    if SCHEME.match(location) and not location.startswith(SQLITE_SCHEME):
        scheme = location.split(":", 1)[0]
        raise ArchiveError(
            f"unsupported archive address {scheme}://…: use a SQLite file path, "
            "sqlite:///path or a postgresql:// URL"
        )
    from newsgraph.archive.sqlite import SqliteDatabase

    path = Path(location.removeprefix(SQLITE_SCHEME))
    if not create and not path.is_file():
        reason = "is not a file" if path.exists() else "does not exist"
        raise ArchiveError(
            f"no archive at {path}: it {reason} (check --db, or run `newsgraph ingest` first)"
        )
    return SqlRepository(SqliteDatabase(path, read_only=not create), settings, create=create)


__all__ = [
    "ArchiveStats",
    "BatchResult",
    "Count",
    "DuplicateLink",
    "EntityProfile",
    "EventQuery",
    "FailedInput",
    "FailureRecord",
    "QuoteHit",
    "Repository",
    "SearchHit",
    "StoryEvent",
    "StoryReport",
    "TimelinePoint",
    "is_postgres",
    "open_archive",
]
