"""The JSON API over HTTP: pages, filters as 4xx, token-guarded writes, limits, headers."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from .conftest import TOKEN


def test_health_reports_the_archive(client: TestClient) -> None:
    body = client.get("/api/v1/health").json()
    assert body["status"] == "ok" and body["backend"] == "sqlite" and body["articles"] == 6


def test_articles_are_paginated_with_a_maximum(client: TestClient) -> None:
    page = client.get("/api/v1/articles", params={"limit": 4}).json()
    assert len(page["items"]) == 4 and page["next_offset"] == 4
    assert client.get("/api/v1/articles", params={"limit": 5000}).status_code == 422


def test_events_accept_a_dyad_of_names_and_a_cameo_root(client: TestClient) -> None:
    response = client.get(
        "/api/v1/events", params={"dyad": "China-Russia", "category": "04", "reports": "false"}
    )
    assert response.status_code == 200
    stories = response.json()["items"]
    assert stories and all({"CHN", "RUS"} <= set(s["countries"]) for s in stories)


def test_unknown_filter_values_are_400_with_the_choices(client: TestClient) -> None:
    for params, choice in [
        ({"country": "Atlantis"}, "NOR"),
        ({"category": "MEET"}, "CONSULT"),
        ({"since": "last tuesday"}, "yesterday"),
        ({"lang": "xx"}, "nb"),
    ]:
        response = client.get("/api/v1/events", params=params)
        assert response.status_code == 400, params
        assert choice in response.json()["detail"]


def test_unknown_parameters_are_refused(client: TestClient) -> None:
    assert client.get("/api/v1/events", params={"contry": "NOR"}).status_code == 422


def test_search_with_fts_operators_never_fails(client: TestClient) -> None:
    for q in ['"unclosed', "NEAR(a b", "a OR AND", "*", "col:umn", "^x"]:
        assert client.get("/api/v1/search", params={"q": q}).status_code in (200, 400), q


def test_one_article_has_all_layers_and_stories(client: TestClient) -> None:
    story = client.get("/api/v1/events", params={"limit": 1}).json()["items"][0]
    article_id = story["reports"][0]["article_id"]
    body = client.get(f"/api/v1/articles/{article_id}").json()
    assert body["article"]["entities"] and body["article"]["events"]
    assert story["story_id"] in {link["story_id"] for link in body["stories"]}
    assert client.get("/api/v1/articles/unknown").status_code == 404


def test_export_streams_filtered_csv(client: TestClient) -> None:
    response = client.get("/api/v1/export", params={"what": "events", "country": "NOR"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and all("NOR" in row["countries"] for row in rows)
    assert client.get("/api/v1/export", params={"country": "Atlantis"}).status_code == 400


def test_writes_need_the_token(client: TestClient, read_only_client: TestClient) -> None:
    body = {"text": "Norway's prime minister visited Sweden on Monday."}
    assert client.post("/api/v1/articles", json=body).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert client.post("/api/v1/extract", json=body, headers=wrong).status_code == 401
    right = {"Authorization": f"Bearer {TOKEN}"}
    assert read_only_client.post("/api/v1/articles", json=body, headers=right).status_code == 403


def test_large_bodies_are_refused(client: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    response = client.post("/api/v1/extract", content=b"x" * 2_100_000, headers=headers)
    assert response.status_code == 413


def test_every_response_has_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/api/v1/stats", "/api/v1/articles/unknown", "/openapi.json"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style")[0]
        assert "frame-ancestors 'none'" in policy


def test_openapi_lists_the_versioned_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/articles",
        "/api/v1/search",
        "/api/v1/events",
        "/api/v1/stories",
        "/api/v1/quotes",
        "/api/v1/entities",
        "/api/v1/stats",
        "/api/v1/duplicates",
        "/api/v1/export",
        "/api/v1/extract",
        "/api/v1/health",
    ):
        assert path in paths, path
    assert "swagger-ui-bundle.js" in client.get("/docs").text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_timeline_counts_every_matching_story_by_month_and_quad(client: TestClient) -> None:
    months = client.get("/api/v1/timeline", params={"dyad": "CHN-RUS"}).json()
    stories = client.get("/api/v1/events", params={"dyad": "CHN-RUS", "limit": 200}).json()
    assert sum(m["cooperation"] + m["conflict"] for m in months) == len(stories["items"])
    assert [m["month"] for m in months] == sorted(m["month"] for m in months)
