"""Impersonal closing frames that name their source after the verb: "hieß es in einer Erklärung
des Ministeriums", "hedder det i en pressemeddelelse fra …", "lyder det fra …"."""

from __future__ import annotations

from .quote_builder import Person, find, quotes_of

MINISTERIUM = Person("o1", "Vereinigungsministerium", ["Vereinigungsministerium"], type="ORG")
MILJO = Person("o1", "Miljøministeriet", ["Miljøministeriet"], type="ORG")
VENSTRE = Person("o1", "Venstre", ["Venstre"], type="ORG")
REGERINGEN = Person("o1", "Regeringen", ["Regeringen"], type="ORG")


def test_german_hiess_es_in_a_statement_of_the_source() -> None:
    text = (
        "„Grundlose Berichte haben Verwirrung gestiftet“, hieß es in einer Erklärung des "
        "Vereinigungsministerium."
    )
    assert find(quotes_of(text, "de", MINISTERIUM), "Verwirrung").speaker == "o1"


def test_german_hiess_es_with_an_unnamed_source_describes_it() -> None:
    text = (
        "Das Vereinigungsministerium bestätigte den Auftritt. „Grundlose Berichte haben "
        "Verwirrung gestiftet“, hieß es in einer Erklärung des Ministeriums."
    )
    quote = find(quotes_of(text, "de", MINISTERIUM), "Verwirrung")
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "Ministeriums"


def test_danish_hedder_det_i_a_press_release_from_the_source() -> None:
    text = "»Vi har ikke fået nogen klager«, hedder det i en pressemeddelelse fra Miljøministeriet."
    assert find(quotes_of(text, "da", MILJO), "klager").speaker == "o1"


def test_norwegian_dash_line_closed_by_lyder_det_fra() -> None:
    quote = find(
        quotes_of("– Dette er en stor dag for oss, lyder det fra Venstre.", "nb", VENSTRE),
        "stor dag",
    )
    assert (quote.speaker, quote.text) == ("o1", "Dette er en stor dag for oss")


def test_swedish_dash_line_closed_by_heter_det_i() -> None:
    text = "– Vi ser allvarligt på saken, heter det i ett pressmeddelande från Regeringen."
    assert find(quotes_of(text, "sv", REGERINGEN), "allvarligt").speaker == "o1"
