"""Temporal expressions of a whole Article: sentence-scoped tense, anchored on `meta.published`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from newsgraph.model import Article, TimeExpr, Token
from newsgraph.model.article import TimeType
from newsgraph.temporal import normalise as n
from newsgraph.temporal.grammar import load_grammar
from newsgraph.temporal.tagger import tag
from newsgraph.temporal.tense import (
    Tense,
    TenseMarker,
    clause_boundaries,
    governing_tense,
    is_parsed,
    tense_markers,
    tense_near,
)
from newsgraph.text import TextView, text_view


@dataclass(frozen=True)
class _SentenceTense:
    """What one sentence tells about tense: markers, clause boundaries and its tokens."""

    markers: list[TenseMarker]
    boundaries: list[int]
    tokens: list[Token]
    parsed: bool


class _TenseIndex:
    """Tense markers per sentence, computed once each."""

    def __init__(self, article: Article, view: TextView) -> None:
        self.view = view
        self.grammar = load_grammar(article.lang)
        self._sentences: dict[int, _SentenceTense] = {}

    def _sentence(self, index: int) -> _SentenceTense:
        if index not in self._sentences:
            sentence = self.view.sentences[index]
            text = self.view.text
            tokens = self.view.tokens_in(sentence.start, sentence.end)
            self._sentences[index] = _SentenceTense(
                markers=tense_markers(self.grammar, text, sentence.start, sentence.end, tokens),
                boundaries=clause_boundaries(text, sentence.start, sentence.end, tokens),
                tokens=tokens,
                parsed=is_parsed(tokens),
            )
        return self._sentences[index]

    def tense_at(self, start: int, end: int) -> Tense | None:
        """The governing verb's tense where the parse names it, else the nearest marker's."""
        index = self.view.sentence_of(start)
        if index is None:
            return None
        sentence = self._sentence(index)
        if sentence.parsed:
            tense = governing_tense(
                self.grammar, sentence.tokens, sentence.markers, start, end, sentence.boundaries
            )
            if tense is not None:
                return tense
        return tense_near(sentence.markers, start, end, sentence.boundaries)


@lru_cache(maxsize=1)
def _time_types() -> frozenset[str]:
    return frozenset(TimeType.__args__)  # type: ignore[attr-defined]


def find_times(article: Article, default: n.Direction = "nearest") -> list[TimeExpr]:
    """Every temporal expression of the article, normalised against its publication date."""
    anchor = n.Anchor.parse(article.meta.published)
    index = _TenseIndex(article, text_view(article))
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
