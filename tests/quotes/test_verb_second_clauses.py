"""Reported clauses without a complementizer in a verb-second language, through the real
pipeline (the clause is told from an inverted speaker by the verb after the phrase)."""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor
from newsgraph.model import Article
from newsgraph.settings import Settings

pytestmark = pytest.mark.models

TEXT = """Statsminister Jonas Gahr Støre møtte Kinas president Xi Jinping i Beijing mandag.

Støre sier Norge vil fortsette dialogen med Kina.

I går sa han at alt var i orden."""


@pytest.fixture(scope="module")
def article() -> Article:
    return Extractor(Settings()).extract_text(TEXT, lang="nb", published="2024-10-16")


def _speaker(article: Article, words: str) -> str | None:
    quote = next(q for q in article.quotes if words in q.text)
    names = {e.id: e.name for e in article.entities}
    return names.get(quote.speaker or "")


def test_clause_after_sier_without_at_is_reported_speech(article: Article) -> None:
    quote = next(q for q in article.quotes if "fortsette dialogen" in q.text)
    assert quote.text.startswith("Norge vil fortsette")
    assert _speaker(article, "fortsette dialogen") == "Jonas Gahr Støre"


def test_subject_after_the_verb_still_speaks_when_nothing_comes_before(
    article: Article,
) -> None:
    assert _speaker(article, "alt var i orden") == "Jonas Gahr Støre"
