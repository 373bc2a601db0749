"""Required words of a regex: a text without any of them cannot match, so its regex need not run."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.stages.clean import load_rules
from newsgraph.text.needles import (
    CASELESS_ASCII_LOOKALIKES,
    NeedleIndex,
    fold,
    may_hold,
    required_words,
)


def test_the_lookalikes_are_every_non_ascii_character_ignorecase_takes_for_an_ascii_letter() -> (
    None
):
    letter = re.compile("(?i)[a-z]")
    found = {
        chr(code)
        for code in range(128, sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF and letter.fullmatch(chr(code))
    }
    assert found == set(CASELESS_ASCII_LOOKALIKES)


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"^(?P<c>.*?)[\s.]*\b(photo|picture|image)\s*:", ("image", "photo", "picture")),
        (r"(Vis|Skjul) faktaboks", (" faktaboks",)),
        (r"du (trenger|må ha) javascript", (" javascript",)),
        (r"\b(?i:ifølge|til)\s+NTB", ("ntb",)),
        (r"\b(?i:ifølge|til)\s+", ("lge", "til")),
        (r"(?:a|b)+c?", None),
        (r"^\d+$", None),
        (r"x|", None),
    ],
)
def test_required_words_are_read_from_the_parsed_pattern(
    pattern: str, words: tuple[str, ...] | None
) -> None:
    assert required_words(pattern, re.IGNORECASE) == words


def test_a_text_with_a_lookalike_is_not_folded_and_always_tried() -> None:
    words = required_words("image", re.IGNORECASE)
    assert re.search("(?i)image", "\u0130mage")
    assert fold("\u0130mage") is None and may_hold(words, fold("\u0130mage"))
    assert not may_hold(words, fold("no picture here"))
    assert may_hold(words, fold("An IMAGE of it"))


LINES = st.text(
    alphabet=st.sampled_from(list("aeiouptsklnrgv :/.,()-ØøéÉ") + list(CASELESS_ASCII_LOOKALIKES)),
    max_size=40,
)


@given(LINES, st.sampled_from(["Photo: NTB", "Foto: Scanpix", "ifølge NTB", " Vis faktaboks"]))
def test_no_cleaning_rule_is_skipped_on_a_line_it_matches(line: str, insert: str) -> None:
    for text in (line, insert + line, line + insert, line.upper() + insert.upper()):
        folded = fold(text)
        for rule in load_rules():
            if rule.pattern.search(text):
                assert rule.may_match(folded), (rule.name, text)


def test_needle_index_lists_the_regexes_whose_words_a_text_holds_and_those_without_words() -> None:
    index = NeedleIndex([("photo", "image"), None, ("image",), ("ntb",)])
    assert index.candidates(fold("An IMAGE of it")) == [0, 1, 2]
    assert index.candidates(fold("Photo: NTB")) == [0, 1, 3]
    assert index.candidates(fold("nothing here")) == [1]
    assert index.candidates(fold("\u0130mage")) == [0, 1, 2, 3]


@given(
    LINES, st.sampled_from(["Photo: NTB", "Foto: Scanpix", "ifølge NTB", " Min side", "Annonse"])
)
def test_needle_index_of_the_cleaning_rules_agrees_with_may_match(line: str, insert: str) -> None:
    rules = load_rules()
    index = NeedleIndex([rule.words for rule in rules])
    for text in (line, insert + line, line + insert, line.upper() + insert.upper()):
        folded = fold(text)
        expected = [number for number, rule in enumerate(rules) if rule.may_match(folded)]
        assert index.candidates(folded) == expected
