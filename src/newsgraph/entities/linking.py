"""Linking API for later stages: which entity does a pronoun, role noun or offset point to?

The quotes stage resolves "sa den kinesiske forsvarsministeren" with `resolve_role_noun` and
"sa han" with `last_person_before`; both read only the Article's entities, tokens and sentences.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from newsgraph.entities.lexicon import load_lexicon
from newsgraph.gazetteer import load_gazetteer
from newsgraph.model import Article, Entity


def entity_at(article: Article, offset: int) -> str | None:
    """Id of the entity with a mention covering a character offset."""
    for entity in article.entities:
        if any(m.start <= offset < m.end for m in entity.mentions):
            return entity.id
    return None


def _within(article: Article, mention_start: int, offset: int, max_sentences: int | None) -> bool:
    if max_sentences is None:
        return True
    here, there = article.sentence_index(offset), article.sentence_index(mention_start)
    if here is None or there is None:
        return True
    return here - there <= max_sentences


def last_person_before(
    article: Article,
    offset: int,
    *,
    max_sentences: int | None = None,
    exclude: Collection[str] = (),
) -> str | None:
    """Id of the person mentioned last before `offset` (optionally at most N sentences back)."""
    best: tuple[int, str] | None = None
    for entity in article.entities:
        if entity.type != "PER" or entity.id in exclude:
            continue
        for mention in entity.mentions:
            if (
                mention.end <= offset
                and _within(article, mention.start, offset, max_sentences)
                and (best is None or mention.end > best[0])
            ):
                best = (mention.end, entity.id)
    return best[1] if best else None


def _role_reading(article: Article, words: Sequence[str]) -> tuple[str | None, str | None]:
    """(canonical title, country) of a role noun phrase's words."""
    lexicon = load_lexicon(article.lang)
    gazetteer = load_gazetteer(article.lang)
    country = None
    for word in words:
        match = gazetteer.best(word, ("genitive", "name"))
        found = gazetteer.adjective_country(word) or (match.place.country if match else None)
        country = country or found
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            reading = lexicon.title(" ".join(words[first : first + size]))
            if reading is not None:
                return reading.canonical, country
    return None, country


def _holds_title(entity: Entity, canonical: str, country: str | None) -> bool:
    wanted = canonical.casefold()
    for title in entity.titles:
        held = (title.canonical or title.text).casefold()
        same = held == wanted or held.endswith(" " + wanted) or wanted.endswith(" " + held)
        if same and (country is None or country in (entity.country, title.country)):
            return True
    return False


def _closest(entities: list[Entity], offset: int) -> str:
    """The entity mentioned last before `offset`, else the one mentioned first after it."""

    def rank(entity: Entity) -> tuple[int, int]:
        before = [offset - m.end for m in entity.mentions if m.end <= offset]
        if before:
            return (0, min(before))
        return (1, min((m.start - offset for m in entity.mentions), default=0))

    return min(entities, key=rank).id


def resolve_role_noun(
    article: Article, offset: int, title_words: Sequence[str] | str
) -> str | None:
    """Id of the person a role noun refers to ("den kinesiske forsvarsministeren" -> Dong Jun).

    The phrase's title must match one of the person's titles (canonically: "forsvarsministeren"
    matches "Defence Minister") and its country, when it names one, the person's country. Among
    several, the one mentioned last before `offset` wins.
    """
    words = title_words.split() if isinstance(title_words, str) else list(title_words)
    canonical, country = _role_reading(article, words)
    if canonical is None:
        return None
    people = [
        e for e in article.entities if e.type == "PER" and _holds_title(e, canonical, country)
    ]
    return _closest(people, offset) if people else None
