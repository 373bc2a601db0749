"""Temporal expressions of a whole Article: sentence-scoped tense, anchored on `meta.published`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from newsgraph.model import Article, Span, TimeExpr
from newsgraph.model.article import TimeType
from newsgraph.temporal import normalise as n
from newsgraph.temporal.grammar import load_grammar
from newsgraph.temporal.tagger import tag
from newsgraph.temporal.tense import Tense, TenseMarker, tense_markers, tense_near

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«\"“–-])|\n+")


def fallback_sentences(text: str) -> list[Span]:
    """Rough sentences for tense scoping when the nlp stage gave none."""
    spans = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.start() > start:
            spans.append(
                Span(start=start, end=boundary.start(), text=text[start : boundary.start()])
            )
        start = boundary.end()
    if start < len(text):
        spans.append(Span(start=start, end=len(text), text=text[start:]))
    return spans


class _TenseIndex:
    """Tense markers per sentence, computed once each."""

    def __init__(self, article: Article, sentences: list[Span]) -> None:
        self.article = article
        self.sentences = sentences
        self.grammar = load_grammar(article.lang)
        self._markers: dict[int, list[TenseMarker]] = {}

    def sentence_of(self, offset: int) -> int | None:
        for index, sentence in enumerate(self.sentences):
            if sentence.start <= offset < sentence.end:
                return index
        return None

    def tense_at(self, start: int, end: int) -> Tense | None:
        index = self.sentence_of(start)
        if index is None:
            return None
        if index not in self._markers:
            sentence = self.sentences[index]
            self._markers[index] = tense_markers(
                self.grammar, self.article.text, sentence.start, sentence.end, self.article.tokens
            )
        return tense_near(self._markers[index], start, end)


@lru_cache(maxsize=1)
def _time_types() -> frozenset[str]:
    return frozenset(TimeType.__args__)  # type: ignore[attr-defined]


def find_times(article: Article, default: n.Direction = "nearest") -> list[TimeExpr]:
    """Every temporal expression of the article, normalised against its publication date."""
    anchor = n.Anchor.parse(article.meta.published)
    sentences = article.sentences or fallback_sentences(article.text)
    index = _TenseIndex(article, sentences)
    times = []
    for found in tag(article.text, article.lang, anchor, index.tense_at, default):
        if found.type not in _time_types():
            continue
        times.append(
            TimeExpr(
                text=found.text,
                start=found.start,
                end=found.end,
                type=cast(TimeType, found.type),
                value=found.value,
                anchored=found.anchored,
            )
        )
    return times
