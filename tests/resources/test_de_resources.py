"""German resources through the real stages. German has no trained pipeline: the nlp stage gives
a blank tokenizer and sentencizer without names, so persons, places and organisations here come
from the gazetteer, the institution list and the title patterns alone (no `models` mark needed)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article
from newsgraph.resources import resource_languages

from .helpers import cleaned, country_of, entity_named, extract, time_values

ARTICLE = """Bundeskanzler Olaf Scholz besuchte am Dienstag Paris.
Lesen Sie auch: Die Regierung plant neue Schiffe
Anzeige
Scholz traf den französischen Präsidenten Emmanuel Macron im Élysée-Palast.
„Die Zusammenarbeit zwischen unseren Ländern war nie enger“, sagte Scholz.
Deutschlands Außenministerin Annalena Baerbock kritisierte Russland am Mittwoch scharf.
Kommentare (3)
Quelle: dpa
"""


def test_german_has_every_resource_file() -> None:
    assert "de" in resource_languages()


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Scholz traf Macron am Dienstag in Paris.", "am Dienstag", "2024-10-15"),
        ("Am Dienstag wird Scholz nach Paris reisen.", "Am Dienstag", "2024-10-22"),
        (
            "Die Minister trafen sich in der vergangenen Woche.",
            "in der vergangenen Woche",
            "2024-W41",
        ),
        (
            "Die Sitzung fand am 14. Oktober 2024 um 15.30 Uhr statt.",
            "am 14. Oktober 2024 um 15.30 Uhr",
            "2024-10-14T15:30",
        ),
        ("Vor drei Jahren sagte er nein.", "Vor drei Jahren", "2021"),
        ("Er kam gestern Abend an.", "gestern Abend", "2024-10-15TEV"),
        ("Am Montagmorgen besuchte sie Kiew.", "Am Montagmorgen", "2024-10-14TMO"),
        ("Morgen reist sie nach Berlin.", "Morgen", "2024-10-17"),
        ("Im März 2022 begann der Einsatz.", "Im März 2022", "2022-03"),
    ],
)
def test_german_times_normalise(text: str, phrase: str, value: str) -> None:
    assert time_values(text, "de")[phrase] == value


def test_german_morning_is_not_tomorrow() -> None:
    assert time_values("Am Morgen reiste sie nach Berlin.", "de") == {}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Lesen Sie auch: Die Regierung plant neue Schiffe", "read more"),
        ("Anzeige", "ad marker"),
        ("Kommentare (3)", "comment counter"),
        ("Quelle: dpa", "source credit"),
    ],
)
def test_german_page_leftovers_are_removed(line: str, reason: str) -> None:
    article = cleaned(
        f"Die Ministerin besuchte gestern die Werft.\n{line}\nSie versprach mehr Geld."
    )
    assert line not in article.text
    assert {removed.text: removed.reason for removed in article.meta.removed}[line] == reason


def test_german_photo_credit_becomes_a_caption() -> None:
    article = cleaned("Die Ministerin besuchte die Werft.\nDie Ministerin in Kiel. Bild: dpa")
    assert [caption.credit for caption in article.meta.captions] == ["dpa"]


def test_german_source_address_is_lifted() -> None:
    article = cleaned("Die Ministerin besuchte die Werft.\nQuelle: https://example.org/artikel")
    assert article.meta.source_url == "https://example.org/artikel"


@pytest.mark.parametrize(
    ("surface", "form", "country"),
    [
        ("Deutschlands", "genitive", "DEU"),
        ("Russlands", "genitive", "RUS"),
        ("deutsche", "adjective", "DEU"),
        ("deutschen", "adjective", "DEU"),
        ("deutscher", "adjective", "DEU"),
        ("russischen", "adjective", "RUS"),
        ("chinesische", "adjective", "CHN"),
        ("amerikanischen", "adjective", "USA"),
        ("Frankreich", "name", "FRA"),
    ],
)
def test_german_country_forms_resolve_to_iso_codes(surface: str, form: str, country: str) -> None:
    assert country_of("de", surface, form) == country


@pytest.fixture(scope="module")
def article() -> Article:
    return extract(ARTICLE, "de")


def test_german_places_get_their_countries(article: Article) -> None:
    assert entity_named(article, "Paris").country == "FRA"
    assert entity_named(article, "Russland").country == "RUS"
    assert entity_named(article, "Deutschland").country == "DEU"


def test_german_titles_attach_with_country(article: Article) -> None:
    scholz = entity_named(article, "Olaf Scholz")
    assert [title.canonical for title in scholz.titles] == ["Chancellor"]
    macron = entity_named(article, "Emmanuel Macron")
    assert macron.country == "FRA"
    assert [title.canonical for title in macron.titles] == ["President"]
    baerbock = entity_named(article, "Annalena Baerbock")
    assert baerbock.country == "DEU"
    assert [title.canonical for title in baerbock.titles] == ["Foreign Minister"]


def test_german_quote_speaker_is_resolved_by_name(article: Article) -> None:
    quote = next(q for q in article.quotes if q.text.startswith("Die Zusammenarbeit"))
    assert quote.kind == "direct"
    assert quote.cue is not None and quote.cue.text == "sagte"
    assert quote.speaker == entity_named(article, "Olaf Scholz").id


def test_german_event_triggers_fire_with_dates(article: Article) -> None:
    found = {
        (event.type, event.trigger.text if event.trigger else None, event.date)
        for event in article.events
    }
    assert ("CONSULT", "besuchte", "2024-10-15") in found
    assert ("ACCUSE", "kritisierte", "2024-10-16") in found


def test_german_leftovers_are_gone_from_the_extracted_text(article: Article) -> None:
    assert "Anzeige" not in article.text and "Quelle" not in article.text
    assert "dpa" not in {entity.name for entity in article.entities}


def test_german_publication_stamp_is_removed_but_english_stand_is_kept() -> None:
    article = cleaned(
        "Die Ministerin besuchte die Werft.\nStand: 14.10.2024, 15:30 Uhr\n"
        "Stand with Ukraine rally on 5 March"
    )
    assert [removed.reason for removed in article.meta.removed] == ["publication stamp"]
    assert article.text.endswith("Stand with Ukraine rally on 5 March")
