"""Quotations whose opening mark stood in an earlier sentence: a closing mark and a speech verb
with its speaker after it end them, whatever verb the words before hold."""

from __future__ import annotations

from newsgraph.quotes.marks import MarkScanner

from .quote_builder import Person, find, quotes_of

ARNOLD = Person("p1", "Elisabeth Arnold", ["Elisabeth Arnold"])
ANDERSEN = Person("p2", "Ove Andersen", ["Ove Andersen"])
LAEGER = Person("p3", "Lægeforeningen", ["Lægeforeningen"], type="ORG")


def test_clause_running_into_a_closing_frame_is_the_framed_speakers() -> None:
    text = (
        "Lægeforeningen holdt møde i går.\n\n"
        "Men min holdning er, at det vil være langt mere effektivt, hvis lægerne offentligt "
        'erklærer, at de vil bryde tavshedspligten, "siger Elisabeth Arnold.'
    )
    quote = find(quotes_of(text, "da", ARNOLD, LAEGER), "bryde tavshedspligten")
    assert quote.speaker == "p1"
    assert "siger" not in quote.text


def test_text_first_clause_with_an_inner_verb_before_a_closing_frame() -> None:
    text = (
        "Nu er jeg selv medlem, så de kan nok ikke fortælle mig noget, jeg ikke ved, "
        '"sagde Ove Andersen, der fandt det helt i orden.'
    )
    quote = find(quotes_of(text, "da", ANDERSEN), "Nu er jeg selv medlem")
    assert quote.speaker == "p2"


def test_closing_frame_after_a_quoted_word_inside_the_quotation() -> None:
    text = (
        'Jeg har prøvet at søge en masse jobs, men alle steder har jeg fået svaret "nej", '
        '"siger Ove Andersen.'
    )
    quote = find(quotes_of(text, "da", ANDERSEN), "søge en masse jobs")
    assert quote.speaker == "p2"


def test_mark_glued_to_a_speech_verb_does_not_open_a_quotation() -> None:
    scanner = MarkScanner([('"', '"')], frozenset({"siger"}))
    text = 'at de vil bryde den, "siger Elisabeth Arnold, der kalder det "en pligt".'
    spans = scanner.scan(text, 0, len(text))
    assert [text[s.inner_start : s.inner_end] for s in spans] == ["en pligt"]


def test_quotation_left_open_goes_on_into_a_paragraph_closing_with_a_frame() -> None:
    text = (
        "Det skete i går.\n\n"
        '"Det har danskerne altid været, så jeg er optimistisk på jeres vegne.\n\n'
        'Jeg begynder at forstå deres synspunkter, "siger Ove Andersen, der er børnelæge.'
    )
    quote = find(quotes_of(text, "da", ANDERSEN), "optimistisk på jeres vegne")
    assert quote.speaker == "p2"
