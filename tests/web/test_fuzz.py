"""Property-based fuzzing of the API from its own OpenAPI document: no input gives a 5xx.

Bounded for CI: 25 generated requests per operation. The write operations are fuzzed without a
token (they must refuse with a 4xx), so the extraction pipeline is never loaded here. The archive
is built when the module is collected, since schemathesis reads the schema from the live app.
"""

from __future__ import annotations

import atexit
import tempfile
from datetime import date
from pathlib import Path

import schemathesis
from archive.builders import corpus
from hypothesis import HealthCheck, settings
from schemathesis.generation.case import Case

from newsgraph.archive import open_archive
from newsgraph.service import ArchiveService
from newsgraph.settings import Settings
from newsgraph.web.app import create_app
from web.hostile import hostile_article


def _app() -> object:
    folder = tempfile.TemporaryDirectory(prefix="newsgraph-fuzz-")
    atexit.register(folder.cleanup)
    path = Path(folder.name) / "archive.db"
    with open_archive(path, Settings()) as archive:
        archive.add_articles([*corpus(), hostile_article()])
    service = ArchiveService(Settings(database=str(path)), today=lambda: date(2024, 10, 20))
    atexit.register(service.close)
    return create_app(service, token="fuzz-token")


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_answers_with_a_server_error(case: Case) -> None:
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}"
    if case.method == "POST" and case.operation.method.upper() == "POST":
        assert 400 <= response.status_code < 500, case.formatted_path
