"""Clause segmentation of a sentence view, from cue words and punctuation (no parse needed).

A clause ends before a subordinator or relative pronoun, before a comma that opens a new clause,
after a speech verb (its complement is a clause of its own), and at semicolons, colons and brackets.
Reporting phrases ("ifølge X", "according to X") are marked so their names are not taken as actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.words import SentenceView, Word

HARD_BREAKS = (";", ":", "(", ")", "–", "—")
NOMINAL_POS = ("NOUN", "PROPN", "ADJ", "DET", "NUM")


@dataclass(frozen=True)
class Clauses:
    """Clause spans [lo, hi) of a view, the words inside reporting phrases, and speech verbs."""

    spans: tuple[tuple[int, int], ...]
    reporting: frozenset[int]
    speech: frozenset[int]

    def span_of(self, index: int) -> tuple[int, int]:
        """The clause holding word `index`."""
        for lo, hi in self.spans:
            if lo <= index < hi:
                return lo, hi
        return 0, 0

    def number_of(self, index: int) -> int:
        """Position of the clause holding word `index`."""
        for number, (lo, hi) in enumerate(self.spans):
            if lo <= index < hi:
                return number
        return -1


def _opens_relative(words: tuple[Word, ...], index: int) -> bool:
    """A relative pronoun opens a clause unless a noun phrase follows ("som forsvarsminister")."""
    following = words[index + 1] if index + 1 < len(words) else None
    if following is None:
        return False
    if following.pos:
        return following.pos not in NOMINAL_POS
    return True


def _break_before(view: SentenceView, index: int, lexicon: Lexicon, speech: set[int]) -> bool:
    words = view.words
    word = words[index]
    if word.text in HARD_BREAKS:
        return True
    if lexicon.cue("clause_breaks").starts_at(words, index):
        return True
    if lexicon.cue("relativizers").matches_word(word) and index > 0:
        return _opens_relative(words, index)
    previous = words[index - 1] if index else None
    if previous is not None and previous.index in speech:
        # "said the six nations had ..." opens a complement; "sa Belousov at" keeps its subject.
        pronoun = lexicon.cue("pronouns").matches_word(word)
        return word.text[:1].islower() and not pronoun
    if word.text == "," and index + 1 < len(words):
        following = words[index + 1]
        return (
            lexicon.cue("clause_breaks").starts_at(words, index + 1) is not None
            or lexicon.cue("relativizers").matches_word(following)
            or following.index in speech
        )
    return False


def _speech_verbs(view: SentenceView, lexicon: Lexicon) -> set[int]:
    return {match[0] for match in lexicon.cue("speech").spans(view.words)}


def _reporting(view: SentenceView, lexicon: Lexicon, spans: list[tuple[int, int]]) -> set[int]:
    marked: set[int] = set()
    for match in lexicon.cue("reporting").spans(view.words):
        start = match[0]
        end = next(hi for lo, hi in spans if lo <= start < hi)
        for index in range(start, end):
            if index > match[-1] and view.words[index].text == ",":
                break
            marked.add(index)
    return marked


def segment(view: SentenceView, lexicon: Lexicon) -> Clauses:
    """Split a sentence view into clauses."""
    speech = _speech_verbs(view, lexicon)
    spans: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(view.words)):
        if _break_before(view, index, lexicon, speech):
            if index > start:
                spans.append((start, index))
            start = index
    spans.append((start, len(view.words)))
    return Clauses(tuple(spans), frozenset(_reporting(view, lexicon, spans)), frozenset(speech))
