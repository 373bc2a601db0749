"""French resources through the real stages. French has no bundled model: the nlp stage gives
spaCy's blank French tokenizer ("qu'il", "a-t-il" split the French way) and no names, so persons
come from the title patterns and places from the gazetteer (no `models` mark needed)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article
from newsgraph.resources import resource_languages

from .helpers import cleaned, country_of, entity_named, extract, time_values

ARTICLE = """Le président français Emmanuel Macron a rencontré mardi le chancelier allemand Olaf Scholz à Berlin.
Lire aussi : La France et l'Allemagne veulent relancer l'Europe
Publicité
« La coopération entre nos deux pays n'a jamais été aussi étroite », a déclaré Emmanuel Macron.
« Nous devons agir ensemble », a-t-il ajouté.
Le ministre des Affaires étrangères Jean-Noël Barrot a critiqué la Russie mercredi.
Il y a trois jours, la police a arrêté deux manifestants à Paris.
« C'est inacceptable », a réagi le Premier ministre britannique Keir Starmer.
"""


def test_french_has_every_resource_file() -> None:
    assert "fr" in resource_languages()


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Macron a rencontré Scholz mardi à Paris.", "mardi", "2024-10-15"),
        ("Il l'a dit mardi dernier.", "mardi dernier", "2024-10-15"),
        (
            "Le sommet aura lieu le 14 novembre 2024 à 15h30.",
            "le 14 novembre 2024 à 15h30",
            "2024-11-14T15:30",
        ),
        ("Les ministres se sont réunis la semaine dernière.", "la semaine dernière", "2024-W41"),
        ("Il y a trois jours, la police a arrêté deux hommes.", "Il y a trois jours", "2024-10-13"),
        ("Il est arrivé hier soir.", "hier soir", "2024-10-15TEV"),
        ("La guerre a commencé en mars 2022.", "en mars 2022", "2022-03"),
        ("Elle reviendra le mois prochain.", "le mois prochain", "2024-11"),
        ("La réunion a duré trois heures.", "trois heures", "PT3H"),
        ("Le traité a été signé le 1er janvier 2020.", "le 1er janvier 2020", "2020-01-01"),
    ],
)
def test_french_times_normalise(text: str, phrase: str, value: str) -> None:
    assert time_values(text, "fr")[phrase] == value


def test_french_given_name_is_no_holiday() -> None:
    assert time_values("Jean-Noël Barrot était à Paris.", "fr") == {}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Lire aussi : La France veut relancer l'Europe", "read more"),
        ("Publicité", "ad marker"),
        ("Abonnez-vous pour lire la suite", "newsletter/subscription prompt"),
        ("Publié le 14 octobre 2024 à 10h30", "publication stamp"),
        ("Source : AFP", "source credit"),
    ],
)
def test_french_page_leftovers_are_removed(line: str, reason: str) -> None:
    article = cleaned(f"La ministre a visité le chantier hier.\n{line}\nElle a promis des fonds.")
    assert line not in article.text
    assert {removed.text: removed.reason for removed in article.meta.removed}[line] == reason


def test_french_photo_credit_becomes_a_caption() -> None:
    article = cleaned("La ministre a visité le chantier.\nLa ministre à Brest. Photo : AFP")
    assert [caption.credit for caption in article.meta.captions] == ["AFP"]


@pytest.mark.parametrize(
    ("surface", "country"),
    [
        ("français", "FRA"),
        ("française", "FRA"),
        ("allemands", "DEU"),
        ("russe", "RUS"),
        ("ukrainienne", "UKR"),
        ("américaines", "USA"),
        ("britannique", "GBR"),
    ],
)
def test_french_adjectives_resolve_to_iso_codes(surface: str, country: str) -> None:
    assert country_of("fr", surface, "adjective") == country


@pytest.fixture(scope="module")
def article() -> Article:
    return extract(ARTICLE, "fr")


def test_french_titles_attach_with_the_adjective_after_them(article: Article) -> None:
    macron = entity_named(article, "Emmanuel Macron")
    assert (macron.country, [t.canonical for t in macron.titles]) == ("FRA", ["President"])
    scholz = entity_named(article, "Olaf Scholz")
    assert (scholz.country, [t.canonical for t in scholz.titles]) == ("DEU", ["Chancellor"])
    barrot = entity_named(article, "Jean-Noël Barrot")
    assert [t.canonical for t in barrot.titles] == ["Foreign Minister"]
    assert entity_named(article, "Berlin").country == "DEU"


def test_french_inverted_frames_find_the_speaker(article: Article) -> None:
    by_text = {quote.text: quote for quote in article.quotes}
    macron = entity_named(article, "Emmanuel Macron").id
    first = by_text["La coopération entre nos deux pays n'a jamais été aussi étroite"]
    assert first.cue is not None and first.cue.text == "déclaré"
    assert first.speaker == macron
    assert by_text["Nous devons agir ensemble"].speaker == macron  # "a-t-il ajouté"
    assert by_text["C'est inacceptable"].speaker == entity_named(article, "Keir Starmer").id


def test_french_reported_clause_after_que() -> None:
    article = extract(
        "Le président français Emmanuel Macron a affirmé que la France enverrait de l'aide.", "fr"
    )
    quote = next(q for q in article.quotes if q.kind == "indirect")
    assert quote.text == "la France enverrait de l'aide"
    assert quote.speaker == entity_named(article, "Emmanuel Macron").id


def test_french_event_triggers_fire_with_dates(article: Article) -> None:
    found = {
        (event.type, event.trigger.text if event.trigger else None, event.date)
        for event in article.events
    }
    assert ("CONSULT", "rencontré", "2024-10-15") in found
    assert ("ACCUSE", "a critiqué", "2024-10-16") in found
    assert ("COERCE", "arrêté", "2024-10-13") in found


def test_french_leftovers_are_gone_from_the_extracted_text(article: Article) -> None:
    assert "Publicité" not in article.text and "Lire aussi" not in article.text
