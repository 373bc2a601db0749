"""Quote-mark scanning: pairs, nesting, apostrophes, unclosed and mismatched marks, dash lines."""

from __future__ import annotations

import pytest

from newsgraph.quotes.lexicon import load_quote_lexicon
from newsgraph.quotes.marks import MarkScanner, dialogue_dash_start


def inner(text: str, lang: str = "nb") -> list[str]:
    scanner = MarkScanner(load_quote_lexicon(lang).mark_pairs)
    return [text[s.inner_start : s.inner_end] for s in scanner.scan(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hun sa «vi kommer» i går.", "nb"),
        ("Hun sa „vi kommer“ i går.", "nb"),
        ("Hun sa “vi kommer” i går.", "nb"),
        ('Hun sa "vi kommer" i går.', "nb"),
        ("Hun sa ‘vi kommer’ i går.", "nb"),
        ("Hun sa ‹vi kommer› i går.", "nb"),
        ("She said “we are coming” today.", "en"),
        ("She said ‘we are coming’ today.", "en"),
        ('She said "we are coming" today.', "en"),
        ("She said 'we are coming' today.", "en"),
    ],
)
def test_marks_every_common_pair_encloses_its_words(text: str, lang: str) -> None:
    assert inner(text, lang) == ["vi kommer" if lang == "nb" else "we are coming"]


def test_marks_nested_quote_lies_inside_the_outer_one() -> None:
    text = "«Han svarte ‘nei’ til oss», sa hun."
    scanner = MarkScanner(load_quote_lexicon("nb").mark_pairs)
    spans = scanner.scan(text, 0, len(text))
    assert [(text[s.inner_start : s.inner_end], s.depth) for s in spans] == [
        ("Han svarte ‘nei’ til oss", 0),
        ("nei", 1),
    ]


def test_marks_apostrophes_inside_words_do_not_close_a_quote() -> None:
    text = "She called it ‘the country’s best chance’ and left."
    assert inner(text, "en") == ["the country’s best chance"]


def test_marks_straight_apostrophe_in_a_word_opens_nothing() -> None:
    assert inner("The ministers' meeting didn't end.", "en") == []


def test_marks_unclosed_quote_opening_the_paragraph_runs_to_its_end() -> None:
    assert inner("“We will go on working. There is more to do.", "en") == [
        "We will go on working. There is more to do."
    ]


def test_marks_stray_opener_inside_a_paragraph_is_dropped() -> None:
    assert inner("Han kalte det «en feil og gikk videre. Det var alt.") == []


def test_marks_mismatched_pair_still_closes() -> None:
    assert inner("She said «we are coming” today.", "en") == ["we are coming"]


def test_marks_scan_stops_at_the_paragraph_end() -> None:
    text = "«Første avsnitt uten slutt\n«Andre avsnitt», sa hun."
    scanner = MarkScanner(load_quote_lexicon("nb").mark_pairs)
    first = scanner.scan(text, 0, text.index("\n"))
    assert all(span.close_end <= text.index("\n") for span in first)


def test_dialogue_dash_gives_where_the_speech_begins() -> None:
    lexicon = load_quote_lexicon("nb")
    text = "– Vi er klare, sier hun."
    start = dialogue_dash_start(
        text, 0, len(text), lexicon.dialogue_dashes, lexicon.weak_dialogue_dashes
    )
    assert start == (2, False)


def test_dialogue_dash_needs_a_space_after_the_dash() -> None:
    lexicon = load_quote_lexicon("nb")
    text = "–Vi er klare."
    assert (
        dialogue_dash_start(
            text, 0, len(text), lexicon.dialogue_dashes, lexicon.weak_dialogue_dashes
        )
        is None
    )


def test_marks_curly_opener_closed_by_a_straight_mark() -> None:
    assert inner('“The year ends well," she said. "We are ready."', "en") == [
        "The year ends well,",
        "We are ready.",
    ]
