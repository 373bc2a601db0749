"""Swedish resources through the real stages: times, cleaning, countries, quotes, titles, events."""

from __future__ import annotations

import pytest

from newsgraph.model import Article
from newsgraph.resources import resource_languages
from newsgraph.stages.nlp import bundled_model_path

from .helpers import cleaned, country_of, entity_named, extract, time_values

ARTICLE = """Sveriges försvarsminister Pål Jonson besökte Helsingfors i förra veckan.
Läs också: Regeringen vill köpa fler fartyg
Annons
Jonson träffade sin finska kollega Antti Häkkänen i tisdags.
– Samarbetet mellan våra länder har aldrig varit starkare, säger Jonson.
Källa: TT
"""


def test_swedish_has_every_resource_file() -> None:
    assert "sv" in resource_languages()


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Han besökte Oslo i förra veckan.", "i förra veckan", "2024-W41"),
        ("Hon träffade ministern i tisdags.", "i tisdags", "2024-10-15"),
        ("Hon reser till Berlin på fredag.", "på fredag", "2024-10-18"),
        (
            "Mötet hölls den 14 oktober 2024 klockan 15.30.",
            "den 14 oktober 2024 klockan 15.30",
            "2024-10-14T15:30",
        ),
        ("Han kom hem i går kväll.", "i går kväll", "2024-10-15TEV"),
        ("För tre år sedan sade han nej.", "För tre år sedan", "2021"),
        ("Avtalet gäller i fem år.", "fem år", "P5Y"),
    ],
)
def test_swedish_times_normalise(text: str, phrase: str, value: str) -> None:
    assert time_values(text, "sv")[phrase] == value


def test_swedish_capitalised_month_name_mid_sentence_is_not_a_date() -> None:
    assert time_values("Hon pratade med Maj om saken.", "sv") == {}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Läs också: Regeringen vill köpa fler fartyg", "read more"),
        ("Annons", "ad marker"),
        ("Kommentarer (3)", "comment counter"),
        ("Källa: TT", "source credit"),
    ],
)
def test_swedish_page_leftovers_are_removed(line: str, reason: str) -> None:
    article = cleaned(f"Ministern besökte varvet i går.\n{line}\nHon lovade mer pengar.")
    assert line not in article.text
    assert {removed.text: removed.reason for removed in article.meta.removed}[line] == reason


@pytest.mark.parametrize(
    ("surface", "form", "country"),
    [
        ("Sveriges", "genitive", "SWE"),
        ("Rysslands", "genitive", "RUS"),
        ("svenska", "adjective", "SWE"),
        ("svenskt", "adjective", "SWE"),
        ("kinesiska", "adjective", "CHN"),
        ("amerikanska", "adjective", "USA"),
    ],
)
def test_swedish_country_forms_resolve_to_iso_codes(surface: str, form: str, country: str) -> None:
    assert country_of("sv", surface, form) == country


@pytest.fixture(scope="module")
def article() -> Article:
    if bundled_model_path("nb") is None:
        pytest.skip("the bundled nb pipeline is not shipped in this checkout")
    return extract(ARTICLE, "sv")


@pytest.mark.models
def test_swedish_title_and_country_genitive_attach_to_the_person(article: Article) -> None:
    jonson = entity_named(article, "Pål Jonson")
    assert jonson.country == "SWE"
    assert [title.canonical for title in jonson.titles] == ["Defence Minister"]


@pytest.mark.models
def test_swedish_dash_quote_speaker_is_resolved_by_name(article: Article) -> None:
    quote = next(q for q in article.quotes if q.text.startswith("Samarbetet"))
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "säger"
    assert quote.speaker == entity_named(article, "Pål Jonson").id


@pytest.mark.models
def test_swedish_event_triggers_fire_with_dates(article: Article) -> None:
    found = {
        (event.type, event.trigger.text if event.trigger else None, event.date)
        for event in article.events
    }
    assert ("CONSULT", "besökte", "2024-W41") in found
    assert ("CONSULT", "träffade", "2024-10-15") in found


@pytest.mark.models
def test_swedish_leftovers_are_gone_from_the_extracted_text(article: Article) -> None:
    assert "Annons" not in article.text and "Läs också" not in article.text
    assert "Källa" not in article.text
