"""The tense around a temporal expression, from verb forms listed in the grammar's [tense] table.

With tokens (UPOS and lemmas from the nlp stage) inflected verbs are read by their endings; without
tokens only the listed word forms and auxiliaries count. The marker nearest the expression decides:
"Eide hadde mandag samtaler" is past, "vil holde en pressekonferanse 10.25" is future.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from newsgraph.model import Token
from newsgraph.temporal.grammar import Grammar
from newsgraph.text import surface_words

Tense = Literal["past", "present", "future"]
VERB_TAGS = ("VERB", "AUX")


@dataclass(frozen=True)
class TenseMarker:
    """A word that shows the tense of its clause, at a text offset."""

    start: int
    end: int
    tense: Tense


@dataclass(frozen=True)
class TenseWords:
    """The grammar's [tense] table as sets and tuples, read once per sentence rather than once
    per word."""

    listed: tuple[tuple[Tense, frozenset[str]], ...]
    not_verbs: frozenset[str]
    suffixes_without_pos: bool
    min_suffix_word: int
    suffixes: tuple[tuple[Tense, tuple[str, ...]], ...]

    @classmethod
    def of(cls, grammar: Grammar) -> TenseWords:
        """Read the tense words of a grammar."""
        listed: tuple[Tense, ...] = ("future", "past", "present")
        inflected: tuple[Tense, ...] = ("past", "present")
        return cls(
            listed=tuple((tense, _words(grammar, tense)) for tense in listed),
            not_verbs=_words(grammar, "not_verbs"),
            suffixes_without_pos=bool(grammar.tense.get("suffixes_without_pos")),
            min_suffix_word=int(grammar.tense.get("min_suffix_word", 4)),
            suffixes=tuple(
                (tense, tuple(str(s) for s in grammar.tense.get(f"{tense}_suffixes", [])))
                for tense in inflected
            ),
        )


def _words(grammar: Grammar, name: str) -> frozenset[str]:
    return frozenset(str(word).lower() for word in grammar.tense.get(name, []))


def _phrase_markers(grammar: Grammar, text: str, offset: int) -> list[TenseMarker]:
    """Multi-word markers ("kommer til å", "is going to") anywhere in the text."""
    markers = []
    for tense in ("past", "present", "future"):
        for phrase in grammar.tense.get(f"{tense}_phrases", []):
            pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, str(phrase).split())) + r"(?!\w)"
            for match in re.finditer(pattern, text, re.IGNORECASE):
                markers.append(TenseMarker(offset + match.start(), offset + match.end(), tense))
    return markers


def _word_tense(
    words: TenseWords, word: str, is_verb: bool | None, lemma: str = ""
) -> Tense | None:
    """Tense of one word: listed forms first, then endings (only for words known to be verbs)."""
    lower = word.lower()
    for tense, forms in words.listed:
        if lower in forms:
            return tense
    if lower in words.not_verbs:
        return None
    use_suffixes = is_verb is True or (is_verb is None and words.suffixes_without_pos)
    if not use_suffixes or (lemma and lemma.lower() == lower):
        return None
    if len(lower) < words.min_suffix_word:
        return None
    for tense, suffixes in words.suffixes:
        if lower.endswith(suffixes):
            return tense
    return None


def tense_markers(
    grammar: Grammar, text: str, start: int, end: int, tokens: Sequence[Token] = ()
) -> list[TenseMarker]:
    """Tense markers in text[start:end] (a sentence), from tokens when given, else from words."""
    markers = _phrase_markers(grammar, text[start:end], start)
    words = TenseWords.of(grammar)
    inside = [token for token in tokens if start <= token.start and token.end <= end]
    if inside:
        for token in inside:
            is_verb = token.pos in VERB_TAGS if token.pos else None
            tense = _word_tense(words, token.text, is_verb, token.lemma)
            if tense is not None:
                markers.append(TenseMarker(token.start, token.end, tense))
        return markers
    for word in surface_words(text, start, end):
        tense = _word_tense(words, word.text, None)
        if tense is not None:
            markers.append(TenseMarker(word.start, word.end, tense))
    return markers


def tense_near(markers: Sequence[TenseMarker], start: int, end: int) -> Tense | None:
    """The tense of the marker closest to text[start:end]; future auxiliaries win a tie."""
    best: tuple[int, int, Tense] | None = None
    for marker in markers:
        if marker.end <= start:
            distance = start - marker.end
        elif marker.start >= end:
            distance = marker.start - end
        else:
            continue
        rank = (distance, 0 if marker.tense == "future" else 1, marker.tense)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return None if best is None else best[2]
