"""Temporal expressions of a whole Article: sentence-scoped tense, anchored on `meta.published`."""

from __future__ import annotations

from functools import lru_cache
from typing import cast

from newsgraph.model import Article, TimeExpr
from newsgraph.model.article import TimeType
from newsgraph.temporal import normalise as n
from newsgraph.temporal.grammar import load_grammar
from newsgraph.temporal.tagger import tag
from newsgraph.temporal.tense import Tense, TenseMarker, tense_markers, tense_near
from newsgraph.text import TextView, text_view


class _TenseIndex:
    """Tense markers per sentence, computed once each."""

    def __init__(self, article: Article, view: TextView) -> None:
        self.view = view
        self.grammar = load_grammar(article.lang)
        self._markers: dict[int, list[TenseMarker]] = {}

    def tense_at(self, start: int, end: int) -> Tense | None:
        index = self.view.sentence_of(start)
        if index is None:
            return None
        if index not in self._markers:
            sentence = self.view.sentences[index]
            self._markers[index] = tense_markers(
                self.grammar,
                self.view.text,
                sentence.start,
                sentence.end,
                self.view.tokens_in(sentence.start, sentence.end),
            )
        return tense_near(self._markers[index], start, end)


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
