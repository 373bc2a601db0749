"""The archive: every processed article stored, deduplicated, clustered into stories, queryable.

    >>> from newsgraph.archive import open_archive, EventQuery
    >>> with open_archive("newsgraph.db") as archive:
    ...     stories = archive.events(EventQuery(countries=["RUS", "CHN"], since="2024-10-01"))

SQLite (a file path or `sqlite:///path`) is the default backend; a `postgresql://` URL selects
PostgreSQL. Both are the same `Repository`.
"""

from __future__ import annotations

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
from newsgraph.settings import Settings, load_settings

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"


def is_postgres(url: str) -> bool:
    """Whether an archive URL names a PostgreSQL database."""
    return url.startswith(POSTGRES_SCHEMES)


def open_archive(url: str | Path | None = None, settings: Settings | None = None) -> Repository:
    """Open (creating and migrating when needed) the archive at `url` or `settings.database`."""
    settings = settings or load_settings()
    location = str(url) if url is not None else settings.database
    # Imported here so that opening a SQLite archive never loads the PostgreSQL driver.
    from newsgraph.archive.store import SqlRepository

    if is_postgres(location):
        from newsgraph.archive.postgres import PostgresDatabase

        return SqlRepository(PostgresDatabase(location), settings)
    from newsgraph.archive.sqlite import SqliteDatabase

    path = location.removeprefix(SQLITE_SCHEME) if location.startswith(SQLITE_SCHEME) else location
    return SqlRepository(SqliteDatabase(Path(path)), settings)


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
