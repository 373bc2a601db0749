"""The events endpoint's `min_confidence` filter and the levels on each report."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from archive.builders import MEETING_NB, NORWAY_TALKS, build, levelled_corpus
from fastapi.testclient import TestClient

from newsgraph.archive import open_archive
from newsgraph.service import ArchiveService
from newsgraph.settings import Settings
from newsgraph.web.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("levels") / "archive.db"
    with open_archive(path, Settings()) as archive:
        archive.add_articles(levelled_corpus())
    with ArchiveService(Settings(database=str(path)), today=lambda: date(2024, 10, 20)) as service:
        yield TestClient(create_app(service, token=None))


def _report_levels(client: TestClient, **params: str) -> dict[str, set[str]]:
    response = client.get("/api/v1/events", params={"limit": "50", **params})
    assert response.status_code == 200, response.text
    return {
        story["story_id"]: {r["confidence_level"] for r in story["reports"]}
        for story in response.json()["items"]
    }


def test_every_story_is_listed_without_a_minimum(client: TestClient) -> None:
    stories = _report_levels(client)
    assert set().union(*stories.values()) == {"high", "medium", "low"}


def test_min_confidence_keeps_stories_with_a_report_of_that_level(client: TestClient) -> None:
    everything = _report_levels(client)
    high = _report_levels(client, min_confidence="high")
    medium = _report_levels(client, min_confidence="medium")
    assert high and all("high" in levels for levels in high.values())
    assert set(high) < set(medium) < set(everything)
    assert all(levels & {"medium", "high"} for levels in medium.values())


def test_reports_carry_their_reasons(client: TestClient) -> None:
    response = client.get("/api/v1/events", params={"min_confidence": "high"})
    reports = [r for story in response.json()["items"] for r in story["reports"]]
    meeting = next(r for r in reports if r["article_id"] == build(MEETING_NB).id)
    assert meeting["confidence_reasons"] == ["political_source", "syntax_source", "asserted"]


def test_an_unknown_level_is_400_naming_the_levels(client: TestClient) -> None:
    response = client.get("/api/v1/events", params={"min_confidence": "certain"})
    assert response.status_code == 400
    assert "low, medium, high" in response.json()["detail"]


def test_export_keeps_events_of_the_level(client: TestClient) -> None:
    response = client.get(
        "/api/v1/export", params={"what": "events", "format": "csv", "min_confidence": "medium"}
    )
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {row["confidence_level"] for row in rows} <= {"medium", "high"}
    assert build(NORWAY_TALKS).id not in {row["source_article_id"] for row in rows}


def test_the_stories_page_filters_by_level_and_shows_it(client: TestClient) -> None:
    page = client.get("/stories", params={"min_confidence": "high"})
    assert page.status_code == 200
    assert '<option value="high" selected>' in page.text
    story = client.get("/api/v1/events", params={"min_confidence": "high"}).json()["items"][0]
    detail = client.get(f"/stories/{story['story_id']}")
    assert detail.status_code == 200
    assert "Confidence:</strong> high (political_source, syntax_source, asserted)" in detail.text
    assert client.get("/stories", params={"min_confidence": "certain"}).status_code == 400
