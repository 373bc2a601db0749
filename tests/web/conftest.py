"""An archive with the archive tests' little corpus plus a hostile article, served in-process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from archive.builders import corpus
from fastapi.testclient import TestClient

from newsgraph.archive import open_archive
from newsgraph.service import ArchiveService
from newsgraph.settings import Settings
from newsgraph.web.app import create_app
from web.hostile import hostile_article

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A filled SQLite archive shared by a module's tests (they only read it)."""
    path = tmp_path_factory.mktemp("web") / "archive.db"
    with open_archive(path, Settings()) as archive:
        archive.add_articles([*corpus(), hostile_article()])
    return path


@pytest.fixture(scope="module")
def service(archive_path: Path) -> Iterator[ArchiveService]:
    """The service over the archive, with a fixed today for relative dates."""
    with ArchiveService(
        Settings(database=str(archive_path)), today=lambda: date(2024, 10, 20)
    ) as found:
        yield found


@pytest.fixture(scope="module")
def client(service: ArchiveService) -> TestClient:
    """An HTTP client of the app with a write token configured."""
    return TestClient(create_app(service, token=TOKEN))


@pytest.fixture(scope="module")
def read_only_client(service: ArchiveService) -> TestClient:
    """An HTTP client of the app without a write token."""
    return TestClient(create_app(service, token=None))
