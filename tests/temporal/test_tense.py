"""Tense around an expression: listed forms without tokens, verb endings with tokens."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.model import Token
from newsgraph.temporal.grammar import load_grammar
from newsgraph.temporal.tense import (
    PerGrammar,
    TenseMarker,
    TenseWords,
    tense_markers,
    tense_near,
)


def _tense_of(
    text: str, expression: str, lang: str, tokens: list[Token] | None = None
) -> str | None:
    start = text.index(expression)
    markers = tense_markers(load_grammar(lang), text, 0, len(text), tokens or [])
    return tense_near(markers, start, start + len(expression))


def test_listed_past_form_without_tokens() -> None:
    assert _tense_of("Ministeren møtte kollegaen torsdag.", "torsdag", "nb") == "past"


def test_future_auxiliary_without_tokens() -> None:
    assert _tense_of("Hun skal besøke Oslo torsdag.", "torsdag", "nb") == "future"
    assert _tense_of("The talks will resume on Friday.", "Friday", "en") == "future"


def test_multiword_future_marker() -> None:
    assert _tense_of("Prisene kommer til å stige i mars.", "i mars", "nb") == "future"


def test_english_ed_ending_counts_without_tokens() -> None:
    assert _tense_of("Rebels attacked the town on Sunday.", "Sunday", "en") == "past"


def test_no_marker_means_no_tense() -> None:
    assert _tense_of("Møte i Bergen torsdag.", "torsdag", "nb") is None


def test_nearest_marker_decides() -> None:
    text = "Hun sier at hun møtte ham torsdag."
    assert _tense_of(text, "torsdag", "nb") == "past"


def _token(i: int, text: str, start: int, lemma: str, pos: str) -> Token:
    return Token(
        i=i, start=start, end=start + len(text), text=text, lemma=lemma, pos=pos, head=i, sent=0
    )


def test_verb_endings_count_with_tokens() -> None:
    text = "Styret godkjente planen fredag."
    tokens = [
        _token(0, "Styret", 0, "styre", "NOUN"),
        _token(1, "godkjente", 7, "godkjenne", "VERB"),
        _token(2, "planen", 17, "plan", "NOUN"),
        _token(3, "fredag", 24, "fredag", "NOUN"),
    ]
    assert _tense_of(text, "fredag", "nb", tokens) == "past"


def test_nouns_with_verb_endings_do_not_count_with_tokens() -> None:
    text = "Møtet fredag."
    tokens = [_token(0, "Møtet", 0, "møte", "NOUN"), _token(1, "fredag", 6, "fredag", "NOUN")]
    assert _tense_of(text, "fredag", "nb", tokens) is None


def test_future_wins_a_tie() -> None:
    markers = [TenseMarker(0, 3, "past"), TenseMarker(10, 13, "future")]
    assert tense_near(markers, 5, 8) == "future"


def test_tables_derived_from_a_grammar_are_built_once_per_grammar() -> None:
    grammar = load_grammar("en")
    assert TenseWords.of(grammar) is TenseWords.of(grammar)
    assert TenseWords.of(grammar) == TenseWords.read(grammar)
    built: list[str] = []
    derived = PerGrammar(lambda g: built.append(g.lang) or g.lang)
    other = replace(grammar, lang="xx")
    assert [derived(grammar), derived(grammar), derived(other), derived(grammar)] == [
        "en",
        "en",
        "xx",
        "en",
    ]
    assert built == ["en", "xx"]


def test_future_phrases_are_markers_wherever_they_stand() -> None:
    text = "She is going to visit Oslo, and IS GOING TO stay."
    markers = tense_markers(load_grammar("en"), text, 0, len(text))
    phrases = [m for m in markers if text[m.start : m.end].lower() == "is going to"]
    assert [(m.start, m.tense) for m in phrases] == [(4, "future"), (32, "future")]
