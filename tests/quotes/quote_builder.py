"""Hand-made Articles for quote tests: text plus entities whose mentions are found in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.model import Article, Entity, Quote, Span, Title
from newsgraph.quotes import extract_quotes


@dataclass
class Person:
    """An entity to place in a test article: every whole-word occurrence of a surface is a mention."""

    id: str
    name: str
    surfaces: list[str]
    type: str = "PER"
    country: str | None = None
    titles: list[Title] = field(default_factory=list)


def build(text: str, lang: str, *entities: Person) -> Article:
    """An Article with entities and no NLP layer (the quotes engine's surface path)."""
    article = Article(id="test", lang=lang, text=text)
    for spec in entities:
        mentions = []
        for surface in spec.surfaces:
            pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
            for match in pattern.finditer(text):
                mentions.append(Span(start=match.start(), end=match.end(), text=match.group()))
        if not mentions:
            raise ValueError(f"no mention of {spec.name!r} in the test text")
        taken = {(m.start, m.end) for e in article.entities for m in e.mentions}
        mentions = [m for m in mentions if (m.start, m.end) not in taken]
        article.entities.append(
            Entity(
                id=spec.id,
                name=spec.name,
                type=spec.type,  # type: ignore[arg-type]
                country=spec.country,
                titles=spec.titles,
                mentions=sorted(mentions, key=lambda m: m.start),
            )
        )
    return article


def quotes_of(text: str, lang: str, *entities: Person) -> list[Quote]:
    """The quotes the engine finds in a hand-made article."""
    return extract_quotes(build(text, lang, *entities))


def find(quotes: list[Quote], words: str) -> Quote:
    """The one quote whose text holds `words` (fails loudly when none or several do)."""
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, f"{len(found)} quotes hold {words!r}: {[q.text for q in quotes]}"
    return found[0]


def check_offsets(article_text: str, quotes: list[Quote]) -> None:
    """Every quote's text is exactly its span of the article, inside the text."""
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(article_text)
        assert article_text[quote.start : quote.end] == quote.text
        if quote.cue is not None:
            assert article_text[quote.cue.start : quote.cue.end] == quote.cue.text
