"""A country in the genitive, a title written with capitals and a name: the person speaks, not the
country ("said France's Foreign Minister X", "sagte Frankreichs Außenminister X")."""

from __future__ import annotations

from .quote_builder import Person, find, quotes_of

DUPONT = Person("p1", "Jean Dupont", ["Jean Dupont"])
FRANCE_EN = Person("g1", "France", ["France's"], type="GPE")
FRANCE_DE = Person("g2", "Frankreich", ["Frankreichs"], type="GPE")


def test_english_capitalised_title_after_a_genitive_country_names_the_person() -> None:
    text = '"This is a mistake," said France\'s Foreign Minister Jean Dupont.'
    quote = find(quotes_of(text, "en", DUPONT, FRANCE_EN), "This is a mistake")
    assert quote.speaker == "p1"


def test_german_title_noun_after_a_genitive_country_names_the_person() -> None:
    text = "„Das ist ein Fehler“, sagte Frankreichs Außenminister Jean Dupont am Montag."
    quote = find(quotes_of(text, "de", DUPONT, FRANCE_DE), "Das ist ein Fehler")
    assert quote.speaker == "p1"


def test_capitalised_word_that_is_no_title_keeps_the_country_reading() -> None:
    text = "„Das ist ein Fehler“, sagte Frankreichs Botschaft Jean Dupont zufolge."
    quote = find(quotes_of(text, "de", DUPONT, FRANCE_DE), "Das ist ein Fehler")
    assert quote.speaker != "p1"
