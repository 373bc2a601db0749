"""Linking across the archive: one canonical id per actor, queried by any name or by the id."""

from __future__ import annotations

import pytest

from newsgraph.archive import Repository, open_archive
from newsgraph.model import Article, Entity, Meta, Quote, Span, article_id
from newsgraph.service import ArchiveService, QuoteRequest
from newsgraph.settings import Settings

from .conftest import UrlFactory


def entity(
    eid: str, text: str, name: str, kind: str, canonical_id: str | None, **extra: str
) -> Entity:
    start = text.index(name)
    return Entity(
        id=eid,
        name=name,
        type=kind,  # type: ignore[arg-type]
        canonical_id=canonical_id,
        mentions=[Span(start=start, end=start + len(name), text=name)],
        **extra,  # type: ignore[arg-type]
    )


def article(url: str, lang: str, day: str, text: str, entities: list[Entity]) -> Article:
    quotes = []
    if "«" in text or '"' in text:
        mark = "«" if "«" in text else '"'
        start = text.index(mark) + 1
        end = text.index("»" if mark == "«" else '"', start)
        quotes.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                kind="direct",
                speaker=next(e.id for e in entities if e.type == "PER"),
            )
        )
    return Article(
        id=article_id(url, text),
        lang=lang,
        text=text,
        meta=Meta(source_url=url, published=day),
        entities=entities,
        quotes=quotes,
    )


NB = "Mark Esper sa at Russland må trekke seg ut. «Vi står sammen», sa Esper."
EN = 'Russia rejected the demand, Trump said. "We will see", he added.'
EN_FULL = "Donald Trump met Mark Esper in Washington."


def linked_articles() -> list[Article]:
    """Three articles in two languages whose actors carry canonical ids."""
    return [
        article(
            "https://example.no/a",
            "nb",
            "2020-01-10",
            NB,
            [
                entity("e1", NB, "Mark Esper", "PER", "Q33190271", country="USA"),
                entity("e2", NB, "Russland", "GPE", "country:RUS", country="RUS"),
            ],
        ),
        article(
            "https://example.com/b",
            "en",
            "2020-01-11",
            EN,
            [
                entity("e1", EN, "Trump", "PER", "Q22686", country="USA"),
                entity("e2", EN, "Russia", "GPE", "country:RUS", country="RUS"),
            ],
        ),
        article(
            "https://example.com/c",
            "en",
            "2020-01-12",
            EN_FULL,
            [
                entity("e1", EN_FULL, "Donald Trump", "PER", "Q22686", country="USA"),
                entity("e2", EN_FULL, "Mark Esper", "PER", "Q33190271", country="USA"),
            ],
        ),
    ]


@pytest.fixture
def linked(archive: Repository) -> Repository:
    archive.add_articles(linked_articles())
    return archive


def test_entity_in_one_language_finds_mentions_in_another(linked: Repository) -> None:
    profile = linked.entity("Russland")
    assert profile is not None
    assert profile.article_count == 2
    assert {c.value for c in profile.names} == {"Russland", "Russia"}


def test_surname_resolved_to_a_known_actor_links_to_the_full_name(linked: Repository) -> None:
    profile = linked.entity("Trump")
    assert profile is not None and profile.article_count == 2
    full = linked.entity("Donald Trump")
    assert full is not None and full.article_count == 2


def test_entity_by_canonical_id(linked: Repository) -> None:
    profile = linked.entity("Q22686")
    assert profile is not None and profile.article_count == 2
    places = linked.entity("country:RUS")
    assert places is not None and places.article_count == 2


def test_quotes_by_surname_find_the_person_named_in_full(linked: Repository) -> None:
    quotes = linked.quotes(speaker="Esper")
    assert [q.speaker for q in quotes] == ["Mark Esper"]
    assert linked.quotes(speaker="Q33190271") == quotes


def test_quotes_by_another_form_of_a_linked_name(linked: Repository) -> None:
    quotes = linked.quotes(speaker="Donald Trump")
    assert [q.speaker for q in quotes] == ["Trump"]


def test_service_quotes_resolve_speakers_like_the_archive(new_url: UrlFactory) -> None:
    url = new_url()
    with open_archive(url, Settings()) as archive:
        archive.add_articles(linked_articles())
    with ArchiveService(Settings(database=url), pool_size=1, create=False) as service:
        by_full_name = service.quotes(QuoteRequest(speaker="Donald Trump")).items
        assert [q.speaker for q in by_full_name] == ["Trump"]
        by_id = service.quotes(QuoteRequest(speaker="Q33190271")).items
        assert [q.speaker for q in by_id] == ["Mark Esper"]


HARBOUR = "Crowds filled the streets of Hong Kong on Sunday."
FAIR = "Victoria Lane opened the school fair on Saturday."


def test_service_entity_prefers_the_name_itself_over_a_place_whose_canonical_it_is(
    new_url: UrlFactory,
) -> None:
    # A city the gazetteer files under another name ("Victoria", canonical "Hong Kong") must not
    # take the place of the entity that is called by that name, even when it sorts first.
    url = new_url()
    place = entity("e1", HARBOUR, "Hong Kong", "GPE", "country:HKG", country="HKG")
    city = entity("e1", FAIR, "Victoria", "GPE", "city:1", country="HKG", canonical="Hong Kong")
    with open_archive(url, Settings()) as archive:
        archive.add_articles(
            [
                article("https://example.com/h", "en", "2020-01-10", HARBOUR, [place]),
                article("https://example.com/v", "en", "2020-01-11", FAIR, [city]),
            ]
        )
    with ArchiveService(Settings(database=url), pool_size=1, create=False) as service:
        assert service.entity("Hong Kong").id == "country:HKG"
        assert service.entity("Victoria").id == "city:1"
