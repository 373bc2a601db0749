"""One view of an article's language: paragraphs, sentences, tokens and offsets, read once.

Entities, quotes, times and events all read the article through a `TextView` instead of each
rebuilding tokens, sentences and paragraphs with its own rules. Tokens come from the nlp layer;
when there is none (bare text, a pipeline run without `nlp`) the one surface tokenizer of this
module stands in. Sentences come from the nlp layer, else from a punctuation rule.

Engines keep their own readings on top (quotes split sentences so that none ends inside quote
marks; events join splits the parser made inside a line); they take the pieces from here.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.model import Article, Span, Token

# The surface tokenizer: words with inner hyphens, apostrophes and dots ("U.S", "Gahr-Støre"),
# and every other non-space character alone.
WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
# Sentence boundaries when the nlp layer gave none: after . ! ? before an upper-case letter, a
# quote or a dash, and at line breaks.
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅÄÖÜ«\"“–-])|\n+")


@dataclass(frozen=True)
class SurfaceWord:
    """A word of the surface tokenizer: offsets into the text."""

    start: int
    end: int
    text: str


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of a text, without their outer whitespace."""
    paragraphs = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            paragraphs.append((start, end))
    return paragraphs


def surface_words(text: str, start: int = 0, end: int | None = None) -> list[SurfaceWord]:
    """The words of text[start:end] by the surface tokenizer."""
    stop = len(text) if end is None else end
    return [
        SurfaceWord(match.start(), match.end(), match.group())
        for match in WORD_RE.finditer(text, start, stop)
    ]


def fallback_sentences(text: str) -> list[Span]:
    """Sentences by punctuation and line breaks, for an article the nlp stage did not split."""
    spans = []
    start = 0
    for boundary in SENTENCE_BREAK.finditer(text):
        if boundary.start() > start:
            spans.append(
                Span(start=start, end=boundary.start(), text=text[start : boundary.start()])
            )
        start = boundary.end()
    if start < len(text):
        spans.append(Span(start=start, end=len(text), text=text[start:]))
    return spans


class TextView:
    """Paragraphs, sentences and tokens of one article, with lookups by character offset."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.paragraphs = split_paragraphs(self.text)
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        # Tokens that are not blank, in text order; `tokens_fit` says whether they spell the text.
        self.tokens: list[Token] = sorted(
            (t for t in article.tokens if t.text.strip()), key=lambda t: t.start
        )
        self.token_starts = [token.start for token in self.tokens]
        self.tokens_fit = bool(self.tokens) and all(
            self.text[token.start : token.end] == token.text for token in article.tokens
        )
        self.parsed_sentences: list[Span] = list(article.sentences)
        self.sentences = self.parsed_sentences or fallback_sentences(self.text)
        self._sentence_starts = [sentence.start for sentence in self.sentences]

    @property
    def has_tokens(self) -> bool:
        """Whether the nlp layer gave tokens."""
        return bool(self.tokens)

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding an offset (the previous one between paragraphs)."""
        return max(bisect_right(self.paragraph_starts, offset) - 1, 0)

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence holding an offset, if any."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return index
        return None

    def line_pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of [start, end) on each paragraph it touches (a span never crosses a line)."""
        first = self.paragraph_of(start)
        pieces = []
        for lo, hi in self.paragraphs[first:]:
            if lo >= end:
                break
            piece = (max(lo, start), min(hi, end))
            text = self.text[piece[0] : piece[1]]
            stripped_start = piece[0] + len(text) - len(text.lstrip())
            stripped_end = piece[1] - (len(text) - len(text.rstrip()))
            if stripped_start < stripped_end:
                pieces.append((stripped_start, stripped_end))
        return pieces

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The non-blank tokens lying wholly inside [start, end)."""
        lo = bisect_left(self.token_starts, start)
        hi = bisect_right(self.token_starts, end)
        return [t for t in self.tokens[lo:hi] if t.start >= start and t.end <= end]

    def token_at(self, offset: int) -> int | None:
        """Index of the token holding a character offset."""
        index = bisect_right(self.token_starts, offset) - 1
        if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
            return index
        return None

    def words(self, start: int, end: int) -> list[SurfaceWord]:
        """The words of [start, end): tokens when the nlp layer gave them, else surface words."""
        if self.tokens:
            return [SurfaceWord(t.start, t.end, t.text) for t in self.tokens_in(start, end)]
        return surface_words(self.text, start, end)


# One view per live article object, while its text, tokens and sentences stay the same. Articles
# are not hashable, so the cache is keyed by identity and each entry leaves with its article.
_VIEWS: dict[int, tuple[weakref.ref[Article], tuple[int, ...], TextView]] = {}


def text_view(article: Article) -> TextView:
    """The article's text view, built once and shared by the stages that read it."""
    key = (
        id(article.text),
        id(article.tokens),
        id(article.sentences),
        len(article.text),
        len(article.tokens),
        len(article.sentences),
    )
    ident = id(article)
    cached = _VIEWS.get(ident)
    if cached is not None and cached[0]() is article and cached[1] == key:
        return cached[2]
    view = TextView(article)
    _VIEWS[ident] = (weakref.ref(article, _forget(ident)), key, view)
    return view


def _forget(ident: int) -> Callable[[weakref.ref[Article]], None]:
    """A callback that drops the cache entry of an article once it is gone."""

    def drop(reference: weakref.ref[Article]) -> None:
        entry = _VIEWS.get(ident)
        if entry is not None and entry[0] is reference:
            del _VIEWS[ident]

    return drop
