"""The tense around a temporal expression, from verb forms listed in the grammar's [tense] table.

With tokens (UPOS and lemmas from the nlp stage) inflected verbs are read by their endings; without
tokens only the listed word forms and auxiliaries count.

With a dependency parse the verb the expression attaches to decides (`governing_tense`): its own
form, its auxiliaries and a future phrase around them, the perfect ("har sagt", "hat angekündigt",
"a annoncé": the perfect auxiliaries of the events cues) counting as past. "The ministry announced
on November 12 that aid will be provided" is past: "will" belongs to another clause. Without a
parse, or when the governing verb shows no tense, the marker nearest the expression decides, one in
the same clause (no comma, colon or subordinating conjunction between) before any other:
"Eide hadde mandag samtaler" is past, "vil holde en pressekonferanse 10.25" is future.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Literal, TypeVar

from newsgraph.model import Token
from newsgraph.resources import base_language, load_resource
from newsgraph.temporal.grammar import Grammar
from newsgraph.text import surface_words

Tense = Literal["past", "present", "future"]
VERB_TAGS = ("VERB", "AUX")
# Dependents that belong to a verb's own tense: auxiliaries, copula, infinitive marker.
GROUP_DEPS = ("aux", "cop", "mark")
# A verb without tense of its own takes its head's: "is expected to arrive on Monday".
NONFINITE_DEPS = ("xcomp", "conj")
CLAUSE_PUNCTUATION = re.compile(r"[,;:()–—]")
# Grammars whose derived tables `PerGrammar` keeps (one per language met).
MAX_GRAMMARS = 64

T = TypeVar("T")


class PerGrammar(Generic[T]):
    """A value derived from a grammar, built once per grammar object: the grammar of a language
    is loaded once and kept, and its tables are dicts, so it cannot key an lru_cache."""

    def __init__(self, build: Callable[[Grammar], T]) -> None:
        self.build = build
        self.known: dict[int, tuple[Grammar, T]] = {}

    def __call__(self, grammar: Grammar) -> T:
        entry = self.known.get(id(grammar))
        # The entry holds the grammar itself, so its id is never reused while the entry lives.
        if entry is None or entry[0] is not grammar:
            if len(self.known) >= MAX_GRAMMARS:
                self.known.clear()
            entry = self.known[id(grammar)] = (grammar, self.build(grammar))
        return entry[1]


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
    perfect: frozenset[str]
    suffixes_without_pos: bool
    min_suffix_word: int
    suffixes: tuple[tuple[Tense, tuple[str, ...]], ...]

    @classmethod
    def of(cls, grammar: Grammar) -> TenseWords:
        """The tense words of a grammar (read once per grammar)."""
        return _tense_words(grammar)

    @classmethod
    def read(cls, grammar: Grammar) -> TenseWords:
        """Read the tense words of a grammar."""
        listed: tuple[Tense, ...] = ("future", "past", "present")
        inflected: tuple[Tense, ...] = ("past", "present")
        return cls(
            listed=tuple((tense, _words(grammar, tense)) for tense in listed),
            not_verbs=_words(grammar, "not_verbs"),
            perfect=_perfect_auxiliaries(grammar.lang),
            suffixes_without_pos=bool(grammar.tense.get("suffixes_without_pos")),
            min_suffix_word=int(grammar.tense.get("min_suffix_word", 4)),
            suffixes=tuple(
                (tense, tuple(str(s) for s in grammar.tense.get(f"{tense}_suffixes", [])))
                for tense in inflected
            ),
        )


_tense_words = PerGrammar(TenseWords.read)


def _words(grammar: Grammar, name: str) -> frozenset[str]:
    return frozenset(str(word).lower() for word in grammar.tense.get(name, []))


@lru_cache(maxsize=32)
def _perfect_auxiliaries(lang: str | None) -> frozenset[str]:
    """The perfect auxiliaries ("har", "has", "hat", "a"), kept once in the events cues."""
    cues = load_resource(base_language(lang), "events").get("cues", {})
    return frozenset(str(word).lower() for word in cues.get("perfect", []))


# Between a future auxiliary and the verb it carries: at most one word ("will be held").
_CHAIN_GAP = re.compile(r"\s+(?:\w+\s+)?")


def _verb_chains(text: str, markers: list[TenseMarker]) -> list[TenseMarker]:
    """A verb form right after a future auxiliary is future too: "held" in "will be held"."""
    chained: list[TenseMarker] = []
    for marker in sorted(markers, key=lambda m: (m.start, m.end)):
        previous = chained[-1] if chained else None
        if (
            previous is not None
            and previous.tense == "future"
            and marker.tense != "future"
            and previous.end <= marker.start
            and _CHAIN_GAP.fullmatch(text, previous.end, marker.start)
        ):
            marker = TenseMarker(marker.start, marker.end, "future")
        chained.append(marker)
    return chained


def _phrase_markers(grammar: Grammar, text: str, offset: int) -> list[TenseMarker]:
    """Multi-word markers ("kommer til å", "is going to") anywhere in the text."""
    markers = []
    for tense, pattern in _phrase_patterns(grammar):
        for match in pattern.finditer(text):
            markers.append(TenseMarker(offset + match.start(), offset + match.end(), tense))
    return markers


def _compile_phrases(grammar: Grammar) -> tuple[tuple[Tense, re.Pattern[str]], ...]:
    """The grammar's tense phrases as regexes, by tense (past, present, future) in table order."""
    tenses: tuple[Tense, ...] = ("past", "present", "future")
    return tuple(
        (
            tense,
            re.compile(
                r"(?<!\w)" + r"\s+".join(map(re.escape, str(phrase).split())) + r"(?!\w)",
                re.IGNORECASE,
            ),
        )
        for tense in tenses
        for phrase in grammar.tense.get(f"{tense}_phrases", [])
    )


# Compiled once per grammar rather than built and looked up in re's cache for every sentence.
_phrase_patterns = PerGrammar(_compile_phrases)


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
        # Without parts of speech a present ending ("-s") is mostly a plural noun ("rockets").
        if is_verb is None and tense == "present":
            continue
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
        # A lemma equal to the word says "not inflected" only where the model lemmatises at all.
        lemmatised = any(
            token.lemma and token.lemma.lower() != token.text.lower() for token in inside
        )
        for token in inside:
            is_verb = token.pos in VERB_TAGS if token.pos else None
            lemma = token.lemma if lemmatised else ""
            tense = _word_tense(words, token.text, is_verb, lemma)
            if tense is not None:
                markers.append(TenseMarker(token.start, token.end, tense))
        return _verb_chains(text, markers)
    for word in surface_words(text, start, end):
        tense = _word_tense(words, word.text, None)
        if tense is not None:
            markers.append(TenseMarker(word.start, word.end, tense))
    return _verb_chains(text, markers)


def tense_near(
    markers: Sequence[TenseMarker], start: int, end: int, boundaries: Sequence[int] = ()
) -> Tense | None:
    """The tense of the marker closest to text[start:end]; future auxiliaries win a tie.

    A marker with a clause boundary (an offset in `boundaries`) between it and the expression
    counts only when no marker of the expression's own clause does."""
    best: tuple[int, int, int, Tense] | None = None
    for marker in markers:
        if marker.end <= start:
            distance = start - marker.end
            low, high = marker.end, start
        elif marker.start >= end:
            distance = marker.start - end
            low, high = end, marker.start
        else:
            continue
        crossed = 1 if any(low <= offset < high for offset in boundaries) else 0
        rank = (crossed, distance, 0 if marker.tense == "future" else 1, marker.tense)
        if best is None or rank[:3] < best[:3]:
            best = rank
    return None if best is None else best[3]


def clause_boundaries(text: str, start: int, end: int, tokens: Sequence[Token] = ()) -> list[int]:
    """Offsets in text[start:end] where a clause may begin: punctuation that separates clauses and,
    with tokens, subordinating conjunctions ("that", "at", "dass", "que")."""
    offsets = [m.start() for m in CLAUSE_PUNCTUATION.finditer(text, start, end)]
    offsets += [token.start for token in tokens if token.pos == "SCONJ"]
    return sorted(offsets)


def is_parsed(tokens: Sequence[Token]) -> bool:
    """Whether the tokens carry a dependency parse."""
    return any(token.dep for token in tokens)


def governing_tense(
    grammar: Grammar,
    tokens: Sequence[Token],
    markers: Sequence[TenseMarker],
    start: int,
    end: int,
    boundaries: Sequence[int] = (),
) -> Tense | None:
    """The tense of the verb text[start:end] attaches to in the dependency parse (the sentence's
    tokens), or None when the parse names no verb or the verb shows no tense.

    A verb behind a clause boundary while the expression's own clause has a tense marker is taken
    for a misattachment ("will be held on November 12, the ministry said" with the date hung on
    "said"): None, so that the nearest marker decides."""
    verb, tense = _governing(grammar, tokens, markers, start, end)
    if verb is None or tense is None:
        return None
    low, high = (verb.end, start) if verb.end <= start else (end, verb.start)
    if any(low <= offset < high for offset in boundaries) and _own_clause_marker(
        markers, start, end, boundaries
    ):
        return None
    return tense


def _own_clause_marker(
    markers: Sequence[TenseMarker], start: int, end: int, boundaries: Sequence[int]
) -> bool:
    for marker in markers:
        low, high = (marker.end, start) if marker.end <= start else (end, marker.start)
        if low <= high and not any(low <= offset < high for offset in boundaries):
            return True
    return False


def _governing(
    grammar: Grammar,
    tokens: Sequence[Token],
    markers: Sequence[TenseMarker],
    start: int,
    end: int,
) -> tuple[Token | None, Tense | None]:
    by_index = {token.i: token for token in tokens}
    inside = {token.i for token in tokens if token.start < end and token.end > start}
    if not inside:
        return None, None
    head = _head_outside(by_index, inside)
    perfect = TenseWords.of(grammar).perfect
    for _ in range(8):
        if head is None:
            return None, None
        if head.pos in VERB_TAGS:
            tense = _group_tense(by_index, head, markers, perfect)
            if tense is not None or head.dep not in NONFINITE_DEPS:
                return head, tense
        elif head.head == head.i:
            # A root that is no verb ("the meeting is on Monday"): its copula and auxiliaries.
            return head, _group_tense(by_index, head, markers, perfect)
        head = _parent(by_index, head)
    return None, None


def _parent(by_index: dict[int, Token], token: Token) -> Token | None:
    return None if token.head == token.i else by_index.get(token.head)


def _head_outside(by_index: dict[int, Token], inside: set[int]) -> Token | None:
    """The first token outside the expression that a token of the expression depends on; the
    expression's own root when it holds the sentence's root."""
    for index in sorted(inside):
        token = by_index[index]
        if token.head == token.i:
            return token
        if token.head not in inside:
            return by_index.get(token.head)
    return None


def _group_tense(
    by_index: dict[int, Token],
    verb: Token,
    markers: Sequence[TenseMarker],
    perfect: frozenset[str],
) -> Tense | None:
    """Tense of a verb with its auxiliaries: future first, then the perfect (a past), past,
    present."""
    group = [verb] + [
        token
        for token in by_index.values()
        if token.head == verb.i and token.i != verb.i and token.dep.split(":")[0] in GROUP_DEPS
    ]
    spans = [(token.start, token.end) for token in group]
    found = {
        marker.tense
        for marker in markers
        if any(marker.start < e and marker.end > s for s, e in spans)
    }
    if "future" in found:
        return "future"
    has_perfect = any(
        token.dep.split(":")[0] == "aux" and token.text.lower() in perfect for token in group
    )
    if has_perfect or "past" in found:
        return "past"
    return "present" if "present" in found else None
