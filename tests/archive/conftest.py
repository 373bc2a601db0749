"""Every archive test runs against SQLite and, when NEWSGRAPH_TEST_POSTGRES holds a URL, PostgreSQL.

Each PostgreSQL test gets a schema of its own (dropped afterwards), selected through the URL's
`options=-csearch_path=...`, so tests never see each other's data.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from newsgraph.archive import Repository, open_archive
from newsgraph.settings import Settings

POSTGRES_ENV = "NEWSGRAPH_TEST_POSTGRES"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]

UrlFactory = Callable[[], str]


def postgres_base() -> str:
    """The PostgreSQL URL from the environment, or skip."""
    url = os.environ.get(POSTGRES_ENV, "")
    if not url:
        pytest.skip(f"set {POSTGRES_ENV} to a PostgreSQL URL to run the postgres variant")
    return url


def with_schema(url: str, schema: str) -> str:
    """`url` with its search_path set to `schema`."""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(params=BACKENDS)
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[UrlFactory]:
    """A factory of URLs of fresh, empty archives on the parametrised backend."""
    made: list[str] = []
    if request.param == "sqlite":

        def sqlite_url() -> str:
            made.append(str(tmp_path / f"archive-{len(made)}.db"))
            return made[-1]

        yield sqlite_url
        return
    import psycopg

    base = postgres_base()

    def postgres_url() -> str:
        schema = f"test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        made.append(schema)
        return with_schema(base, schema)

    yield postgres_url
    with psycopg.connect(base, autocommit=True) as conn:
        for schema in made:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture
def settings() -> Settings:
    """Default settings (no file, no environment)."""
    return Settings()


@pytest.fixture
def archive(new_url: UrlFactory, settings: Settings) -> Iterator[Repository]:
    """An open, empty archive on the parametrised backend."""
    with open_archive(new_url(), settings) as repository:
        yield repository
