"""Entities by canonical id in the API and the UI: grouping across languages, profiles, entity
pages, links to them, and the actor network of canonical actors."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from archive.builders import Happening, Person, Story, build
from fastapi.testclient import TestClient

from newsgraph.archive import open_archive
from newsgraph.model import Article
from newsgraph.service import ArchiveService, EntityRequest
from newsgraph.settings import Settings

# name -> (canonical id, sector, country source), as the actor knowledge would set them.
LINKS: dict[str, tuple[str, str | None, str | None]] = {
    "Russia": ("country:RUS", None, "gazetteer"),
    "Russland": ("country:RUS", None, "gazetteer"),
    "Norway": ("country:NOR", None, "gazetteer"),
    "Oslo": ("Q900010", None, "gazetteer"),
    "Charkiw": ("Q900011", None, "gazetteer"),
    "Mira Halvorsen": ("Q900002", "GOV", "knowledge"),
    "Pavel Orlov": ("Q900001", None, "text"),
    "Pawel Orlow": ("Q900001", "MIL", "title"),
}

EN = Story(
    text=(
        "Russia and Norway signed a fisheries deal in Oslo on Monday. "
        "Prime minister Mira Halvorsen met general Pavel Orlov. "
        '"We keep talking," Halvorsen said.'
    ),
    url="https://example.org/en/fish",
    lang="en",
    published="2024-11-04",
    title="Fisheries deal signed",
    people=(
        Person("e1", "Russia", "GPE", "RUS", "Russia"),
        Person("e2", "Norway", "GPE", "NOR", "Norway"),
        Person("e3", "Oslo", "GPE", "NOR", "Oslo"),
        Person("e4", "Mira Halvorsen", "PER", "NOR", "Mira Halvorsen", ("Mira Halvorsen",)),
        Person("e5", "Pavel Orlov", "PER", "RUS", "Pavel Orlov"),
    ),
    quotes=(("We keep talking,", "e4"),),
    events=(
        Happening(
            "AGREE",
            ("e1", "e2", "e4", "e5"),
            ("RUS", "NOR"),
            "2024-11-04",
            "Russia and Norway signed a fisheries deal in Oslo on Monday.",
            "Oslo",
        ),
    ),
)

DE = Story(
    text=(
        "Russland griff am Dienstag die Stadt Charkiw an. "
        "General Pawel Orlow sagte: »Wir machen weiter.«"
    ),
    url="https://example.org/de/angriff",
    lang="de",
    published="2024-11-05",
    title="Angriff auf Charkiw",
    people=(
        Person("e1", "Russland", "GPE", "RUS", "Russia"),
        Person("e2", "Charkiw", "GPE", "UKR", "Kharkiv"),
        Person("e3", "Pawel Orlow", "PER", "RUS", "Pavel Orlov"),
    ),
    quotes=(("Wir machen weiter.", "e3"),),
    events=(
        Happening(
            "ASSAULT",
            ("e1", "e2", "e3"),
            ("RUS", "UKR"),
            "2024-11-05",
            "Russland griff am Dienstag die Stadt Charkiw an.",
        ),
    ),
)


def linked(article: Article) -> Article:
    """The article with canonical ids, sectors and country sources on its entities."""
    entities = []
    for entity in article.entities:
        canonical_id, sector, country_from = LINKS[entity.name]
        entities.append(
            entity.model_copy(
                update={
                    "canonical_id": canonical_id,
                    "sector": sector,
                    "country_from": country_from,
                }
            )
        )
    return article.model_copy(update={"entities": entities})


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of two hand-written reports, in English and German, with linked actors."""
    path = tmp_path_factory.mktemp("entities") / "archive.db"
    with open_archive(path, Settings()) as archive:
        archive.add_articles([linked(build(EN)), linked(build(DE))])
    return path


def entity_list(client: TestClient, **params: str) -> dict[str, dict[str, object]]:
    response = client.get("/api/v1/entities", params=params)
    assert response.status_code == 200, response.text
    return {item["id"]: item for item in response.json()["items"]}


def test_entities_are_grouped_by_canonical_id_across_languages(client: TestClient) -> None:
    found = entity_list(client)
    russia = found["country:RUS"]
    assert russia["name"] == "Russia"
    assert set(russia["names"]) == {"Russia", "Russland"}  # type: ignore[arg-type]
    assert russia["articles"] == 2
    assert russia["country"] == "RUS"
    orlov = found["Q900001"]
    assert set(orlov["names"]) == {"Pavel Orlov", "Pawel Orlow"}  # type: ignore[arg-type]
    assert orlov["type"] == "PER"
    assert orlov["sector"] == "MIL"
    assert found["Q900002"]["country_from"] == "knowledge"
    assert not {"Russland", "russland", "Pawel Orlow"} & set(found)


def test_entity_name_search_matches_any_language_and_the_id(client: TestClient) -> None:
    assert list(entity_list(client, name="russl")) == ["country:RUS"]
    assert list(entity_list(client, name="pawel")) == ["Q900001"]
    assert list(entity_list(client, name="Q900002")) == ["Q900002"]
    assert entity_list(client, name="zzz") == {}


def test_entity_profile_by_id_or_any_name_is_the_archive_profile(
    client: TestClient, archive_path: Path
) -> None:
    by_id = client.get("/api/v1/entities/country:RUS").json()
    by_name = client.get("/api/v1/entities/Russland").json()
    assert by_id == by_name
    assert by_id["id"] == "country:RUS"
    assert by_id["article_count"] == 2
    assert {story["type"] for story in by_id["events"]} == {"AGREE", "ASSAULT"}
    with open_archive(archive_path, Settings()) as archive:
        cli = archive.entity("Russland", limit=20)
    assert cli is not None
    assert {k: by_id[k] for k in cli.model_dump()} == cli.model_dump(mode="json")
    orlov = client.get("/api/v1/entities/Pawel Orlow").json()
    assert orlov["id"] == "Q900001"
    assert orlov["sector"] == "MIL"
    assert {q["text"] for q in orlov["quotes"]} == {"Wir machen weiter."}


def test_unknown_entity_is_404_in_api_and_ui(client: TestClient) -> None:
    assert client.get("/api/v1/entities/Q404404").status_code == 404
    assert client.get("/api/v1/entities/Nobody Atall").status_code == 404
    page = client.get("/entities/Q404404")
    assert page.status_code == 404
    assert "Q404404" in page.text


def test_entity_page_is_keyed_by_canonical_id(client: TestClient) -> None:
    moved = client.get("/entities/Russland", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == "/entities/country:RUS"
    page = client.get("/entities/Q900002")
    assert page.status_code == 200
    assert '<code id="entity-id">Q900002</code>' in page.text
    assert '<dd id="sector">GOV</dd>' in page.text
    assert "(from knowledge)" in page.text


def test_article_and_quote_links_reach_entity_pages(client: TestClient) -> None:
    articles = client.get("/api/v1/articles", params={"lang": "de"}).json()["items"]
    page = client.get(f"/articles/{articles[0]['article_id']}").text
    links = set(re.findall(r'href="(/entities/[^"]+)"', page))
    assert "/entities/country%3ARUS" in links
    assert "/entities/Q900001" in links
    for link in links:
        assert client.get(link).status_code == 200, link
    quotes = client.get("/quotes").text
    for link in set(re.findall(r'href="(/entities/[^"]+)"', quotes)):
        assert client.get(link).status_code == 200, link


def test_network_nodes_are_canonical_actors_with_quad_class_edges(client: TestClient) -> None:
    page = client.get("/network").text
    nodes = set(re.findall(r'data-node="([^"]+)"', page))
    assert nodes == {"RUS", "NOR", "UKR", "Q900001", "Q900002"}
    labels = set(re.findall(r"<text [^>]*>([^<]+)</text>", page))
    assert "Russland" not in labels and "Oslo" not in labels
    assert "Pavel Orlov" in labels
    edges = re.findall(r'class="edge (\w+)" data-edge="([^"]+)"', page)
    kinds = {edge: kind for kind, edge in edges}
    assert kinds["RUS UKR"] == "conflict"
    assert kinds["NOR RUS"] == "cooperation"


def test_a_new_version_of_an_article_replaces_its_actor_counts(tmp_path: Path) -> None:
    path = tmp_path / "versions.db"
    edited = replace(EN, text=EN.text + " Both sides called the talks useful.")
    with open_archive(path, Settings()) as archive:
        archive.add_articles([linked(build(EN))])
        archive.add_articles([linked(build(edited))])
    with ArchiveService(Settings(database=str(path)), pool_size=1) as service:
        found = {item.id: item for item in service.entities(EntityRequest()).items}
    assert found["country:RUS"].articles == 1
    assert found["Q900002"].mentions >= 1
