"""Clause segmentation of a sentence view, from cue words and punctuation (no parse needed).

A clause ends before a subordinator or relative pronoun, before a comma that opens a new clause,
after a speech verb that introduces its complement, and at semicolons, colons and dashes. Words in
reporting phrases ("ifølge X", "according to X") and in parentheses ("Eide (Ap)") are marked as
excluded, so their names are not taken as actors; parentheses do not end the clause around them.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.words import SentenceView, Word

HARD_BREAKS = (";", ":", "–", "—")
OPEN_BRACKETS = ("(", "[")
CLOSE_BRACKETS = (")", "]")
NOUN_PHRASE_POS = ("NOUN", "ADJ", "DET", "NUM")
FINITE_POS = ("VERB", "AUX")
NAME_POS = ("PROPN", "NOUN")
ATTRIBUTION_WORDS = 10


@dataclass(frozen=True)
class Clauses:
    """Clause spans [lo, hi) of a view, words not to take actors from, and speech verbs."""

    spans: tuple[tuple[int, int], ...]
    excluded: frozenset[int]
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


def _opens_relative(words: tuple[Word, ...], index: int, lexicon: Lexicon) -> bool:
    """A relative pronoun opens a clause unless a bare noun phrase follows ("som forsvarsminister",
    "as part of"); "som Eide og Wang diskuterte" does open one. Without a parse, a relative
    pronoun that is also an article ("der", "die", "das") opens one only after a comma: "mit der
    Ukraine" is a noun phrase, ", die Kiew angriff" a relative clause."""
    following = words[index + 1] if index + 1 < len(words) else None
    if following is None:
        return False
    if following.pos:
        return following.pos not in NOUN_PHRASE_POS
    if lexicon.cue("determiners").matches_word(words[index]):
        return words[index - 1].text == ","
    return True


@dataclass(frozen=True)
class _Openers:
    """Word indices of a view where a clause-break phrase may start, and where a relativizer
    stands: every other word is answered without asking the cue lists."""

    breaks: frozenset[int]
    relativizers: frozenset[int]

    @classmethod
    def of(cls, words: tuple[Word, ...], lexicon: Lexicon) -> _Openers:
        """The indices, from one scan of each cue list's index of opening words."""
        size = len(words)
        breaks = lexicon.cue("clause_breaks").starts.candidates(words, 0, size)
        relativizers = lexicon.cue("relativizers").single_words.candidates(words, 0, size)
        return cls(frozenset(i for _, i in breaks), frozenset(i for _, i in relativizers))


def _break_before(
    view: SentenceView,
    index: int,
    lexicon: Lexicon,
    speech: set[int],
    clause_start: int,
    openers: _Openers,
) -> bool:
    words = view.words
    word = words[index]
    if word.text in HARD_BREAKS:
        return True
    if index in openers.breaks and lexicon.cue("clause_breaks").starts_at(words, index):
        return True
    if index in openers.relativizers and index > 0:
        return _opens_relative(words, index, lexicon)
    previous = words[index - 1] if index else None
    if previous is not None and previous.index in speech:
        # "said the six nations had ..." opens a complement; "sa Belousov at" keeps its subject.
        pronoun = lexicon.cue("pronouns").matches_word(word)
        return word.text[:1].islower() and not pronoun
    if word.text == "," and index + 1 < len(words):
        following = words[index + 1]
        return (
            (
                index + 1 in openers.breaks
                and lexicon.cue("clause_breaks").starts_at(words, index + 1) is not None
            )
            or index + 1 in openers.relativizers
            or following.index in speech
            or (following.pos in FINITE_POS and _has_verb(words, clause_start, index))
            or _trailing_attribution(words, index, speech)
        )
    return False


def _has_verb(words: tuple[Word, ...], lo: int, hi: int) -> bool:
    """Whether words[lo:hi] hold a verb: "Etter møtet med Ding, reiste Eide" is one clause."""
    return any(word.pos in FINITE_POS for word in words[lo:hi])


def _trailing_attribution(words: tuple[Word, ...], comma: int, speech: set[int]) -> bool:
    """ ", Ukrainian Foreign Minister Pavlo Klimkin has said." closes the sentence: the speaker
    is not a participant of what comes before."""
    rest = words[comma + 1 :]
    if any(w.text == "," for w in rest) or len(rest) > ATTRIBUTION_WORDS:
        return False
    return any(w.index in speech for w in rest)


def _speech_verbs(view: SentenceView, lexicon: Lexicon) -> set[int]:
    """Speech verbs of the view; a capitalised word inside the sentence or a word the parse calls
    a name or noun is none ("the United States and Jordan", "a report says")."""
    found = set()
    for match in lexicon.cue("speech").spans(view.words):
        word = view.words[match[0]]
        if match[0] > 0 and word.text[:1].isupper():
            continue
        if word.pos in NAME_POS:
            continue
        found.add(match[0])
    return found


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


def _parenthesised(view: SentenceView) -> set[int]:
    marked: set[int] = set()
    depth = 0
    for word in view.words:
        if word.text in OPEN_BRACKETS:
            depth += 1
        if depth:
            marked.add(word.index)
        if word.text in CLOSE_BRACKETS and depth:
            depth -= 1
    return marked


def segment(view: SentenceView, lexicon: Lexicon) -> Clauses:
    """Split a sentence view into clauses."""
    speech = _speech_verbs(view, lexicon)
    openers = _Openers.of(view.words, lexicon)
    spans: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(view.words)):
        if _break_before(view, index, lexicon, speech, start, openers):
            if index > start:
                spans.append((start, index))
            start = index
    spans.append((start, len(view.words)))
    excluded = _reporting(view, lexicon, spans) | _parenthesised(view)
    return Clauses(tuple(spans), frozenset(excluded), frozenset(speech))
