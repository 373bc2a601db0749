"""Statements by national institutions named by their seat or own name ("The Kremlin condemned
…", "Kreml fordømte …") code with the institution's country, end to end with the shipped models
(newsgraph.entities.sources `institution_mentions`). Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor

pytestmark = pytest.mark.models


@pytest.mark.parametrize(
    ("lang", "text", "category", "country"),
    [
        (
            "en",
            "The Kremlin condemned the sanctions imposed by Britain on Monday.",
            "ACCUSE",
            "RUS",
        ),
        ("en", "Downing Street rejected the proposal from Brussels.", "REJECT", "GBR"),
        ("en", "Foggy Bottom condemned the attack on the embassy in Kabul.", "ACCUSE", "USA"),
        ("nb", "Kreml fordømte sanksjonene fra Storbritannia mandag.", "ACCUSE", "RUS"),
        ("fr", "Le Quai d'Orsay a condamné l'attaque contre Kiev.", "ACCUSE", "FRA"),
        ("sv", "Kreml fördömde sanktionerna från Sverige.", "ACCUSE", "RUS"),
    ],
)
def test_institution_speaks_for_its_country(
    extractor: Extractor, lang: str, text: str, category: str, country: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    sources = {
        article.entity(ref).country  # type: ignore[union-attr]
        for event in article.events
        if event.type == category
        for ref in event.source
    }
    assert country in sources


def test_ministry_named_again_speaks_for_the_country_named_first(extractor: Extractor) -> None:
    text = (
        "Iraq's foreign ministry summoned the Turkish envoy on Monday. "
        "The foreign ministry condemned the strikes on Sinjar."
    )
    article = extractor.extract_text(text, lang="en")
    second = [e for e in article.events if e.start >= text.index("The foreign")]
    assert [e.type for e in second] == ["ACCUSE"]
    assert "IRQ" in second[0].countries


def _countries(extractor: Extractor, text: str) -> set[str]:
    article = extractor.extract_text(text, lang="nb")
    return {c for event in article.events for c in event.countries}


def test_bare_government_noun_is_the_home_country_in_national_news(extractor: Extractor) -> None:
    text = "Flere ble drept ved grensen søndag. Regjeringen fordømte angrepet på Somalia."
    assert "NOR" in _countries(extractor, text)


def test_bare_government_noun_in_a_report_filed_abroad_is_not_the_home_country(
    extractor: Extractor,
) -> None:
    text = "NAIROBI (NTB): Flere ble drept ved grensen søndag. Regjeringen fordømte angrepet på Somalia."
    assert "NOR" not in _countries(extractor, text)
