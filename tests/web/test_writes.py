"""Writes through the API with the token: extract (nothing stored) and extract-and-store.

Runs the shipped pipeline, so it is marked `models`."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.service import ArchiveService
from newsgraph.settings import Settings
from newsgraph.web.app import create_app

TOKEN = "writer-token-0123456789"
TEXT = (
    "Oslo (NTB) – Norway's foreign minister met his Swedish counterpart in Stockholm on "
    'Tuesday. "We agreed to work more closely on energy," the minister said after the talks.'
)


@pytest.mark.models
def test_extract_stores_nothing_and_store_makes_it_readable(tmp_path: Path) -> None:
    settings = Settings(database=str(tmp_path / "archive.db"))
    with ArchiveService(settings) as service:
        client = TestClient(create_app(service, token=TOKEN))
        auth = {"Authorization": f"Bearer {TOKEN}"}
        extracted = client.post("/api/v1/extract", json={"text": TEXT}, headers=auth)
        assert extracted.status_code == 200, extracted.text
        assert extracted.json()["entities"]
        assert client.get("/api/v1/articles").json()["items"] == []
        stored = client.post(
            "/api/v1/articles",
            json={"text": TEXT, "published": "2024-10-15", "source_url": "https://example.no/a"},
            headers=auth,
        )
        assert stored.status_code == 201, stored.text
        article_id = stored.json()["article"]["id"]
        assert stored.json()["result"]["written"] == 1
        detail = client.get(f"/api/v1/articles/{article_id}").json()
        assert (
            detail["article"]["text"].startswith("Norway") or "Norway" in detail["article"]["text"]
        )
        page = client.get(f"/articles/{article_id}")
        assert page.status_code == 200 and 'class="entity' in page.text
