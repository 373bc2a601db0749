"""Danish resources through the real stages: times, cleaning, countries, quotes, titles, events."""

from __future__ import annotations

import pytest

from newsgraph.model import Article
from newsgraph.resources import resource_languages
from newsgraph.stages.nlp import bundled_model_path

from .helpers import cleaned, country_of, entity_named, extract, time_values

ARTICLE = """Danmarks statsminister Mette Frederiksen besøgte Oslo i sidste uge.
Læs også: Regeringen vil købe flere skibe
Annonce
Frederiksen mødtes med den norske udenrigsminister Espen Barth Eide i tirsdags.
– Samarbejdet mellem vores lande har aldrig været stærkere, siger Frederiksen.
Kilde: Ritzau
"""


def test_danish_has_every_resource_file() -> None:
    assert "da" in resource_languages()


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Hun besøgte Stockholm i sidste uge.", "i sidste uge", "2024-W41"),
        ("Hun talte med ministeren i tirsdags.", "i tirsdags", "2024-10-15"),
        ("De mødtes i går aftes.", "i går aftes", "2024-10-15TEV"),
        (
            "Mødet blev holdt den 14. oktober 2024 klokken 15.30.",
            "den 14. oktober 2024 klokken 15.30",
            "2024-10-14T15:30",
        ),
        ("For tre år siden sagde han nej.", "For tre år siden", "2021"),
        ("Han rejser til Berlin på fredag.", "på fredag", "2024-10-18"),
        ("Aftalen gælder i fem år.", "fem år", "P5Y"),
    ],
)
def test_danish_times_normalise(text: str, phrase: str, value: str) -> None:
    assert time_values(text, "da")[phrase] == value


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Læs også: Regeringen vil købe flere skibe", "read more"),
        ("Annonce", "ad marker"),
        ("Kommentarer (3)", "comment counter"),
        ("Kilde: Ritzau", "source credit"),
    ],
)
def test_danish_page_leftovers_are_removed(line: str, reason: str) -> None:
    article = cleaned(f"Ministeren besøgte værftet i går.\n{line}\nHun lovede flere penge.")
    assert line not in article.text
    assert {removed.text: removed.reason for removed in article.meta.removed}[line] == reason


def test_danish_photo_credit_becomes_a_caption() -> None:
    article = cleaned("Ministeren besøgte værftet i går.\nFoto: Mads Nissen / Ritzau Scanpix")
    assert [caption.credit for caption in article.meta.captions] == ["Mads Nissen / Ritzau Scanpix"]


@pytest.mark.parametrize(
    ("surface", "form", "country"),
    [
        ("Danmarks", "genitive", "DNK"),
        ("Ruslands", "genitive", "RUS"),
        ("danske", "adjective", "DNK"),
        ("russiske", "adjective", "RUS"),
        ("amerikansk", "adjective", "USA"),
        ("britiske", "adjective", "GBR"),
    ],
)
def test_danish_country_forms_resolve_to_iso_codes(surface: str, form: str, country: str) -> None:
    assert country_of("da", surface, form) == country


@pytest.fixture(scope="module")
def article() -> Article:
    if bundled_model_path("nb") is None:
        pytest.skip("the bundled nb pipeline is not shipped in this checkout")
    return extract(ARTICLE, "da")


@pytest.mark.models
def test_danish_titles_take_country_from_genitive_and_adjective(article: Article) -> None:
    frederiksen = entity_named(article, "Mette Frederiksen")
    assert frederiksen.country == "DNK"
    assert [title.canonical for title in frederiksen.titles] == ["Prime Minister"]
    eide = entity_named(article, "Espen Barth Eide")
    assert eide.country == "NOR"
    assert [title.canonical for title in eide.titles] == ["Foreign Minister"]


@pytest.mark.models
def test_danish_dash_quote_speaker_is_resolved_by_name(article: Article) -> None:
    quote = next(q for q in article.quotes if q.text.startswith("Samarbejdet"))
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "siger"
    assert quote.speaker == entity_named(article, "Mette Frederiksen").id


@pytest.mark.models
def test_danish_event_triggers_fire_with_dates(article: Article) -> None:
    found = {
        (event.type, event.trigger.text if event.trigger else None, event.date)
        for event in article.events
    }
    assert ("CONSULT", "besøgte", "2024-W41") in found
    assert ("CONSULT", "mødtes", "2024-10-15") in found
