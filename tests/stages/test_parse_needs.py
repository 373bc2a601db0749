"""Which words make a sentence worth a dependency parse: speech verbs, attribution, triggers."""

from __future__ import annotations

from newsgraph.events.words import Word
from newsgraph.stages.parse_needs import parse_needs, scan_words


def _flags(lang: str, sentence: str) -> list[str]:
    words = sentence.lower().split()
    flags = parse_needs(lang).cue_words(words, words)
    return [word for word, flag in zip(words, flags, strict=True) if flag]


def test_speech_verbs_and_attribution_phrases_are_cues() -> None:
    assert _flags("en", "the minister told reporters") == ["told"]
    assert _flags("en", "rain fell according to the forecast") == ["according"]
    assert _flags("nb", "statsministeren sier at skolen stenger") == ["sier"]


def test_a_trigger_pattern_counts_only_when_it_matches_in_full() -> None:
    assert _flags("en", "the minister went to paris") == ["went", "to"]
    assert _flags("en", "the minister went home early") == []


def test_a_sentence_without_any_cue_needs_no_parse() -> None:
    assert _flags("en", "the weather in oslo was grey all week") == []


def test_a_language_without_resources_has_no_cues() -> None:
    assert parse_needs("fi").empty
    assert not parse_needs("nn").empty


def test_scan_words_are_the_records_the_word_constructor_makes() -> None:
    lowers, lemmas = ["she", "said", "went", "ok"], ["she", "say", "go", ""]
    words = scan_words(lowers, lemmas)
    expected = [
        Word(n, 0, 0, lower, lower, lemma)
        for n, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True))
    ]
    assert words == expected
    assert [vars(word) for word in words] == [vars(word) for word in expected]
    assert {hash(word) for word in words} == {hash(word) for word in expected}
    assert words[0] is not words[1] and vars(words[0]) is not vars(words[1])
    assert scan_words([], []) == []
