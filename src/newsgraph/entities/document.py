"""A working view of one article for entity finding: the shared text view's tokens, plus
segments, gazetteer and lexicon look-ups.

Mentions here are the stage's scratch records; they become `Entity.mentions` once merged.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from newsgraph.entities.lexicon import Lexicon
from newsgraph.gazetteer import Gazetteer, Match
from newsgraph.model import Article, Title
from newsgraph.text import text_view

if TYPE_CHECKING:
    from newsgraph.entities.evidence import WordEvidence

# Parts of speech that never belong to a name or a title.
FUNCTION_POS = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART", "PUNCT"})
# Longest place name the n-gram scan tries, in tokens.
MAX_PLACE_TOKENS = 6
# Tokens that end a stretch of text no pattern may cross (a line break does too).
STOPS = frozenset({".", "!", "?", "…"})


@dataclass
class Mention:
    """One mention of a would-be entity, found by the NER, the gazetteer or a pattern."""

    start: int
    end: int
    text: str
    label: str
    source: str
    place: Match | None = None
    country: str | None = None
    canonical: str | None = None
    titles: list[Title] = field(default_factory=list)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether this mention shares a character with [start, end)."""
        return self.start < end and start < self.end


class Document:
    """Tokens of an article with offset lookups, plus the language's gazetteer and lexicon."""

    def __init__(self, article: Article, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.article = article
        self.view = text_view(article)
        self.text = self.view.text
        self.tokens = self.view.tokens
        self.starts = self.view.token_starts
        self.segments = self._segments()
        # Asked several times about every token by the passes over the article (the tokens
        # never change): read once.
        self.capitalised = [bool(token.text) and token.text[0].isupper() for token in self.tokens]
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        # Gazetteer surfaces per starting token: the mention pass and each place slot of the role
        # patterns ask about the same tokens (half of the questions are repeats).
        self._place_spans: dict[int, list[tuple[int, Match]]] = {}

    def _segments(self) -> list[int]:
        """Segment number per token; segments end at full stops and line breaks.

        Patterns stay within a segment rather than a parsed sentence, since a parser's sentence
        splits can fall inside a name ("Russlands forsvarsminister | Andrey Belousov").
        """
        segments = []
        current = 0
        for index, token in enumerate(self.tokens):
            if index > 0:
                previous = self.tokens[index - 1]
                if previous.text in STOPS or "\n" in self.text[previous.end : token.start]:
                    current += 1
            segments.append(current)
        return segments

    def __len__(self) -> int:
        return len(self.tokens)

    @cached_property
    def evidence(self) -> WordEvidence:
        """How the article writes each word (read by several steps; the tokens never change)."""
        from newsgraph.entities.evidence import WordEvidence

        return WordEvidence(self)

    @cached_property
    def after_determiners(self) -> frozenset[str]:
        """Capitalised words the article writes right after a definite article ("der", "das"),
        in one sentence and not glued to it (read for every lone person name; computed once)."""
        determiners = self.lexicon.determiners
        tokens = self.tokens
        return frozenset(
            tokens[i].text
            for i in range(1, len(tokens))
            if tokens[i - 1].text.lower() in determiners
            and self.is_capitalised(i)
            and not self.joined(i)
            and self.same_sentence(i - 1, i + 1)
        )

    def token_at(self, offset: int) -> int | None:
        """Index of the token holding a character offset."""
        return self.view.token_at(offset)

    def next_token(self, offset: int) -> int | None:
        """Index of the first token starting at or after a character offset."""
        index = bisect_left(self.starts, offset)
        return index if index < len(self.tokens) else None

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range [first, last + 1) covering a character span."""
        first = bisect_right(self.starts, start) - 1
        first = max(first, 0)
        while first < len(self.tokens) and self.tokens[first].end <= start:
            first += 1
        last = first
        while last < len(self.tokens) and self.tokens[last].start < end:
            last += 1
        return (first, last) if last > first else None

    def slice(self, first: int, last: int) -> str:
        """Text from the start of token `first` to the end of token `last - 1`."""
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]

    def same_sentence(self, first: int, last: int) -> bool:
        """Whether tokens first..last-1 lie in one segment (no full stop or line break between)."""
        return self.segments[first] == self.segments[last - 1]

    def joined(self, index: int) -> bool:
        """Whether token `index` follows the previous one with no space between them."""
        return index > 0 and self.tokens[index - 1].end == self.tokens[index].start

    def is_capitalised(self, index: int) -> bool:
        """Whether a token starts with an upper-case letter."""
        return self.capitalised[index]

    def is_function_word(self, index: int) -> bool:
        """Whether the tagger marks a token as a function word or verb."""
        return self.tokens[index].pos in FUNCTION_POS

    def places(self, first: int, last: int) -> list[Match]:
        """Gazetteer readings of the text of tokens first..last-1."""
        return self.gazetteer.lookup(self.slice(first, last))

    def place_spans(self, first: int) -> list[tuple[int, Match]]:
        """(end token, reading) of every gazetteer surface that starts at token `first` (the list
        is shared between callers: read it, never change it)."""
        known = self._place_spans.get(first)
        if known is None:
            known = self._place_spans[first] = self._find_place_spans(first)
        return known

    def _find_place_spans(self, first: int) -> list[tuple[int, Match]]:
        found: list[tuple[int, Match]] = []
        if not self.gazetteer.may_start(self.tokens[first].text):
            return found
        limit = min(len(self.tokens), first + min(self.gazetteer.max_words * 2, MAX_PLACE_TOKENS))
        for last in range(first + 1, limit + 1):
            if not self.same_sentence(first, last):
                break
            for match in self.places(first, last):
                found.append((last, match))
        return found
