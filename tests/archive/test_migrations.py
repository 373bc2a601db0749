"""Migrations: versioned, ordered, and rendered for each dialect."""

from __future__ import annotations

import contextlib

import pytest

from newsgraph.archive.migrations import MIGRATIONS, TABLES, Migration, check_archive
from newsgraph.errors import ArchiveError


def test_versions_are_consecutive_from_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_dialect_words_are_filled_in() -> None:
    sqlite = " ".join(MIGRATIONS[0].statements("sqlite"))
    postgres = " ".join(MIGRATIONS[0].statements("postgres"))
    assert "WITHOUT ROWID" in sqlite and "BLOB" in sqlite
    assert "WITHOUT ROWID" not in postgres and "BYTEA" in postgres
    assert "{" not in sqlite + postgres


def test_full_text_search_differs_by_dialect() -> None:
    search = next(m for m in MIGRATIONS if m.name == "full-text search")
    assert "fts5" in " ".join(search.statements("sqlite"))
    assert "tsvector" in " ".join(search.statements("postgres"))


def test_every_listed_table_is_created() -> None:
    created = " ".join(" ".join(m.statements("sqlite")) for m in MIGRATIONS)
    assert all(f"CREATE TABLE {table} (" in created for table in TABLES)


def test_statements_split_on_semicolons_at_line_ends() -> None:
    migration = Migration(9, "two", common="CREATE TABLE a (x {real});\nCREATE TABLE b (y TEXT)")
    assert migration.statements("postgres") == [
        "CREATE TABLE a (x DOUBLE PRECISION)",
        "CREATE TABLE b (y TEXT)",
    ]


def test_actor_groups_are_filled_from_an_archive_made_before_them() -> None:
    groups = next(m for m in MIGRATIONS if m.name == "actor groups rollup")
    statements = groups.statements("sqlite")
    assert statements[0].startswith("CREATE TABLE entity_groups")
    assert "INSERT INTO entity_groups" in statements[1] and "is_current = 1" in statements[1]


class HalfCreatedArchive:
    """A SQLite file another process is turning into an archive: its first read of the migration
    table fails (not there yet), and by the next read the table exists."""

    dialect = "sqlite"
    location = "half.db"

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        if "FROM schema_migrations" in sql:
            raise ArchiveError("half.db: no such table: schema_migrations")
        return [("schema_migrations",)]

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()


def test_an_archive_being_created_by_another_process_is_not_taken_for_a_foreign_file() -> None:
    check_archive(HalfCreatedArchive(), create=True)
    with pytest.raises(ArchiveError, match="older newsgraph"):
        check_archive(HalfCreatedArchive(), create=False)
