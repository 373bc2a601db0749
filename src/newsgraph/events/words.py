"""Sentence views: the words of one sentence with their parse, from the token layer or the surface.

The event coder works on these views so it runs the same way whether the nlp stage gave tokens with
dependencies or nothing at all (then words come from the surface tokenizer of the shared text view,
`newsgraph.text`, and carry no parse). Paragraphs, tokens and sentences are the text view's. A view never crosses a line break: captions and headlines glued to a sentence by the
sentence splitter become views of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.model import Article, Span
from newsgraph.text import TextView, split_paragraphs, text_view
from newsgraph.text.records import filled
from newsgraph.text.view import WORD_RE

__all__ = ["WORD_RE", "SentenceView", "Word", "paragraph_starts", "quoted_ranges", "sentence_views"]


@dataclass(frozen=True)
class Word:
    """One word of a sentence view; `head` indexes the view's words (None: root or no parse)."""

    index: int
    start: int
    end: int
    text: str
    lower: str
    lemma: str = ""
    pos: str = ""
    dep: str = ""
    head: int | None = None

    @classmethod
    def of_token(
        cls,
        index: int,
        start: int,
        end: int,
        text: str,
        lemma: str,
        pos: str,
        dep: str,
        head: int | None,
    ) -> Word:
        """The word of a token, equal to `Word(...)` with the same fields (`lower` from `text`),
        made without the frozen dataclass's __init__ (`newsgraph.text.records.filled`)."""
        return filled(
            cls,
            index=index,
            start=start,
            end=end,
            text=text,
            lower=text.lower(),
            lemma=lemma,
            pos=pos,
            dep=dep,
            head=head,
        )


@dataclass(frozen=True)
class SentenceView:
    """The words of one sentence (or line of it) and where it sits in the article."""

    index: int
    start: int
    end: int
    paragraph: int
    words: tuple[Word, ...]
    has_deps: bool

    def word_at(self, offset: int) -> int | None:
        """Index of the word covering character `offset`, if any."""
        for word in self.words:
            if word.start <= offset < word.end:
                return word.index
        return None

    def words_in(self, start: int, end: int) -> list[int]:
        """Indices of the words that overlap the character range [start, end)."""
        return [w.index for w in self.words if w.start < end and start < w.end]

    def dependents(self, head: int, deps: tuple[str, ...] | None = None) -> list[Word]:
        """The words the parse hangs on word `head` (by one of `deps`, when given); a root that
        points at itself is not its own dependent."""
        return [
            w
            for w in self.words
            if w.head == head and w.index != head and (deps is None or w.dep in deps)
        ]


# A run of words with at least this share of capitalised words (of four letters or more) is
# headline case.
HEADLINE_SHARE = 0.6


def headline_case(words: Iterable[Word]) -> bool:
    """Whether most of the longer words (four letters or more) are capitalised, as in a headline:
    at least two of them and HEADLINE_SHARE of all."""
    long = [w for w in words if w.text.isalpha() and len(w.text) > 3]
    return sum(w.text[:1].isupper() for w in long) >= max(2, HEADLINE_SHARE * len(long))


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs (non-blank lines) begin, numbered as the views number them."""
    return [start for start, _ in split_paragraphs(text)]


def _surface_words(view: TextView, start: int, end: int) -> tuple[Word, ...]:
    return tuple(
        Word(index=n, start=w.start, end=w.end, text=w.text, lower=w.text.lower())
        for n, w in enumerate(view.words(start, end))
    )


def _token_words(view: TextView, start: int, end: int) -> tuple[tuple[Word, ...], bool]:
    """Words from the token layer inside [start, end), heads remapped into the view."""
    chosen = view.tokens_in(start, end)
    local = {token.i: number for number, token in enumerate(chosen)}
    has_deps = any(token.dep for token in chosen)
    words = []
    of_token = Word.of_token
    for number, token in enumerate(chosen):
        head = local.get(token.head)
        if head == number or token.dep == "ROOT":
            head = None
        words.append(
            of_token(
                number,
                token.start,
                token.end,
                token.text,
                token.lemma.lower(),
                token.pos,
                token.dep,
                head,
            )
        )
    return tuple(words), has_deps


SENTENCE_END = tuple(".!?…:;»”\"')]")


def _sentence_spans(article: Article) -> list[Span]:
    """The sentence layer, with splits the splitter made inside a line without any sentence-final
    punctuation joined again ("… sending oil survey ship | Haiyang Dizhi 8 and its escorts …")."""
    if not article.sentences:
        return [article.span(0, len(article.text))] if article.text else []
    spans: list[Span] = []
    for sentence in article.sentences:
        if spans:
            previous = spans[-1]
            gap = article.text[previous.end : sentence.start]
            if "\n" not in gap and not previous.text.rstrip().endswith(SENTENCE_END):
                spans[-1] = article.span(previous.start, sentence.end)
                continue
        spans.append(sentence)
    return spans


def sentence_views(article: Article) -> list[SentenceView]:
    """One view per sentence line, using tokens (and their parse) where the article has them."""
    text = text_view(article)
    views: list[SentenceView] = []
    for number, sentence in enumerate(_sentence_spans(article)):
        for start, end in text.line_pieces(sentence.start, sentence.end):
            if text.has_tokens:
                words, has_deps = _token_words(text, start, end)
            else:
                words, has_deps = _surface_words(text, start, end), False
            if not words:
                continue
            views.append(
                SentenceView(
                    index=number,
                    start=start,
                    end=end,
                    paragraph=text.paragraph_of(start),
                    words=words,
                    has_deps=has_deps,
                )
            )
    return views


QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'), ("„", "“"))
QUOTE_DASHES = ("–", "—", "-")


def _opens_statement(text: str, index: int) -> bool:
    """Whether a quotation mark starts a statement: at a line or sentence start, or after ":"."""
    before = text[:index].rstrip(" \t–—-")
    return not before or before[-1] in "\n.!?:"


def quoted_ranges(article: Article, dash_quotes: bool) -> list[tuple[int, int]]:
    """Character ranges of direct quotations: the quotes layer's, paired quotation marks that open
    a statement, and (where the language writes them so) paragraphs opening with a dash."""
    text = article.text
    ranges = [(quote.start, quote.end) for quote in article.quotes if quote.kind == "direct"]
    for opening, closing in QUOTE_PAIRS:
        position = 0
        while (start := text.find(opening, position)) >= 0:
            end = text.find(closing, start + 1)
            if end < 0:
                break
            if _opens_statement(text, start):
                ranges.append((start, end + 1))
            position = end + 1
    if dash_quotes:
        for match in re.finditer(r"[^\n]+", text):
            line = match.group()
            if line.lstrip().startswith(QUOTE_DASHES) and line.lstrip()[1:2].isspace():
                ranges.append((match.start(), match.end()))
    return ranges
