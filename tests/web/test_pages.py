"""The web UI pages: every page renders, links connect them, hostile text stays text."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

PAGES = [
    "/",
    "/stories",
    "/timeline?dyad=CHN-RUS",
    "/map",
    "/network",
    "/quotes",
    "/entities",
    "/articles",
    "/search?q=Beijing",
]


def test_every_page_renders_with_navigation(client: TestClient) -> None:
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert 'aria-current="page"' in response.text or path.startswith("/search"), path


def test_story_page_links_to_the_article_evidence(client: TestClient) -> None:
    stories = client.get("/stories").text
    story_path = re.search(r'href="(/stories/[0-9a-f]+)"', stories)
    assert story_path
    story = client.get(story_path.group(1)).text
    link = re.search(r'href="(/articles/[0-9a-f]+)#(event-[^"]+)"', story)
    assert link
    article = client.get(link.group(1)).text
    assert f'id="{link.group(2)}"' in article
    assert 'class="evidence' in article or "evidence" in article.split('id="article-text"')[1]


def test_bad_filter_in_a_page_is_a_400_page_with_the_choices(client: TestClient) -> None:
    response = client.get("/stories", params={"country": "Atlantis"})
    assert response.status_code == 400 and "ISO 3166" in response.text


def test_hostile_article_is_shown_as_text(client: TestClient) -> None:
    hits = client.get("/api/v1/search", params={"q": "minister Oslo"}).json()["items"]
    article_id = next(h["article_id"] for h in hits if "Oslo" in (h["title"] or ""))
    page = client.get(f"/articles/{article_id}").text
    assert "<script>window.pwned" not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "<img" not in page and 'onerror="' not in page
    assert 'href="javascript:' not in page and "<b onmouseover" not in page
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script src="/static/app.js" defer>']
    for path in ("/quotes", "/entities", "/search?q=Oslo", "/articles", "/stories", "/network"):
        text = client.get(path).text
        assert "<script>window" not in text and "<b onmouseover" not in text, path
