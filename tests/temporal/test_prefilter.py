"""The opening prefilter finds exactly the matches a plain scan of every rule finds."""

from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.temporal.grammar import load_grammar
from newsgraph.temporal.prefilter import OpeningIndex, finditer_at, openings
from newsgraph.temporal.tagger import find_matches

SENTENCES = {
    "nb": [
        "Møtet ble holdt tirsdag 14. oktober 2025 klokken 17.30, og neste uke kommer svaret.",
        "I fjor sommer, for tre år siden og i morgen tidlig: ÅRETS MØTE er 1.–3. mars.",
        "Kl. 09:15 i går kveld (ifølge NTB) skjedde det; 2018-valget teller ikke.",
    ],
    "en": [
        "On Friday, March 3rd, 2023 at 7:30 in the evening the ministers met again.",
        "Last WEEK, two years ago and early next month; the 1990s and Q3 2024.",
        "Monday's deal (signed 12/05/2021) ends on the 15th, sources said on Thursday.",
        "A ſtrange İstanbul text from 1 Ꭺpril with Kelvin K and ſeptember 5, on 3 May 2024.",
    ],
    "de": ["Am Montag, dem 3. März 2025, um 14 Uhr, und im vergangenen Jahr."],
}


def plain_scan(lang: str, text: str, start: int, stop: int) -> list[tuple[str, int, int]]:
    grammar = load_grammar(lang)
    return [
        (rule.name, match.start(), match.end())
        for rule in grammar.rules
        for match in rule.regex.finditer(text, start, stop)
    ]


def filtered_scan(lang: str, text: str, start: int, stop: int) -> list[tuple[str, int, int]]:
    grammar = load_grammar(lang)
    assert grammar.index is not None
    positions = grammar.index.candidates(text, start, stop)
    found = []
    for number, rule in enumerate(grammar.rules):
        if positions is None or number in grammar.index.everywhere:
            matches = list(rule.regex.finditer(text, start, stop))
        else:
            matches = list(finditer_at(rule.regex, text, positions.get(number, []), stop))
        found += [(rule.name, match.start(), match.end()) for match in matches]
    return found


@pytest.mark.parametrize(("lang", "text"), [(k, s) for k, v in SENTENCES.items() for s in v])
def test_same_matches_as_plain_scan(lang: str, text: str) -> None:
    assert filtered_scan(lang, text, 0, len(text)) == plain_scan(lang, text, 0, len(text))
    assert filtered_scan(lang, text, 5, len(text) - 7) == plain_scan(lang, text, 5, len(text) - 7)
    assert find_matches(load_grammar(lang), text)  # every sentence has a time in it


def test_every_rule_gets_openings() -> None:
    for lang in ("nb", "en"):
        grammar = load_grammar(lang)
        assert grammar.index is not None
        assert grammar.index.everywhere == []


def test_cached_index_equals_one_built_from_the_rules_and_survives_pickling() -> None:
    for lang in ("nb", "en"):
        grammar = load_grammar(lang)
        built = OpeningIndex([openings(rule.regex) for rule in grammar.rules])
        for index in (grammar.index, pickle.loads(pickle.dumps(built))):
            assert index.table == built.table
            assert index.everywhere == built.everywhere
            assert index.scanner is not None and built.scanner is not None
            assert index.scanner.pattern == built.scanner.pattern
            assert index.scanner == built.scanner


def test_openings_of_simple_patterns() -> None:
    months = re.compile(r"(?<![\w])(?:jan|feb)\.?\s+\d+", re.IGNORECASE)
    assert openings(months) == frozenset({"jan.", "jan ", "feb.", "feb "})
    assert openings(re.compile(r"(?<![\w])\d\d:\d\d")) == frozenset({"00:0"})
    # Not anchored at a word start, or opening with any character: scanned everywhere.
    assert openings(re.compile(r"\d+ days")) is None
    assert openings(re.compile(r"(?<![\w]).?x")) is None
    index = OpeningIndex([openings(months), None])
    assert index.everywhere == [1]
    assert index.candidates("møtet 1. Feb 3 og jan. 4", 0, 24) == {0: [9, 18]}
    # A character the regex engine folds its own way ("ſ" ~ "s"): the plain scan.
    assert index.candidates("Jan 3 ſ", 0, 7) is None


PLAIN_WORDS = ["i", "går", "mandag", "14.", "mars", "2024", "kl.", "17", "neste", "uke", "I"]
OTHER_WORDS = ["MORGEN", "May", "3rd", "ago", "two", "years", ",", "(", "–", "12/05/21", "\n"]
ODD_CHARACTERS = ["ſ", "İ", "K"]
WORDS = st.sampled_from([*PLAIN_WORDS, *OTHER_WORDS, *ODD_CHARACTERS])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=14), st.sampled_from(["nb", "en", "fr"]))
def test_random_word_salad(words: list[str], lang: str) -> None:
    text = " ".join(words)
    assert filtered_scan(lang, text, 0, len(text)) == plain_scan(lang, text, 0, len(text))
