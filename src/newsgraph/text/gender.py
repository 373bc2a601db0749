"""Whether a person in an article is known to be a woman or a man, and whether a pronoun is.

A gendered pronoun ("elle", "sie", "hun", "hon", "she") never means a person known to be of the
other gender; a person whose gender is unknown stays eligible. A person's gender comes from the
article and from data, never from a guess: a word right before a mention or a title ("Frau
Schulze", "Mme Borne", "la ministre", "Mr Smith"), a title whose form is a woman's ("die
Ministerin", "kronprinsessen", "la directrice"), and the first word of the name when the given-name
table built from Wikidata office holders knows it (`newsgraph.knowledge.given_names`). A bare
"statsministeren" or "der Minister" says nothing. Evidence that disagrees leaves the gender
unknown. The words are per language (`resources/<lang>/quotes.toml`, `[pronouns]`).
"""

from __future__ import annotations

import re

from newsgraph.knowledge.given_names import Gender, gender_of_name
from newsgraph.model import Article, Entity
from newsgraph.resources import base_language, load_typed
from newsgraph.resources.schemas import Pronouns, Quotes

_WORD_AT = re.compile(r"[\w'’.-]+")
_LAST_WORD = re.compile(r"([\w'’.-]+)\s*$")
# How far before a mention or title a marker word is looked for.
MARKER_REACH = 24


def pronoun_words(lang: str | None) -> Pronouns:
    """The pronoun lexicon of a language (English's when none is known)."""
    return load_typed(base_language(lang), "quotes", Quotes).pronouns


def pronoun_gender(text: str, offset: int, pronouns: Pronouns) -> Gender | None:
    """The gender of the pronoun starting at `offset`, or None for another word."""
    found = _WORD_AT.match(text, offset)
    if found is None:
        return None
    word = found.group().casefold().rstrip(".")
    if word in pronouns.feminine:
        return "f"
    if word in pronouns.masculine:
        return "m"
    return None


def _marker_before(text: str, start: int, pronouns: Pronouns) -> Gender | None:
    found = _LAST_WORD.search(text[max(0, start - MARKER_REACH) : start])
    if found is None:
        return None
    word = found.group(1).casefold()
    if word in pronouns.feminine_markers:
        return "f"
    if word in pronouns.masculine_markers:
        return "m"
    return None


def _title_gender(title: str, pronouns: Pronouns) -> Gender | None:
    words = title.split()
    last = words[-1].casefold() if words else ""
    endings = pronouns.feminine_title_endings
    if len(last) > 4 and any(last.endswith(ending) for ending in endings):
        return "f"
    return None


def entity_gender(article: Article, entity: Entity, pronouns: Pronouns) -> Gender | None:
    """A person's gender from markers, title forms and the given-name table; None when unknown
    or when the evidence disagrees."""
    found: set[Gender] = set()
    for mention in entity.mentions:
        marker = _marker_before(article.text, mention.start, pronouns)
        if marker is not None:
            found.add(marker)
    for title in entity.titles:
        by_form = _title_gender(title.text, pronouns)
        if by_form is not None:
            found.add(by_form)
        if title.start is not None:
            marker = _marker_before(article.text, title.start, pronouns)
            if marker is not None:
                found.add(marker)
    names = [entity.name] + [article.text[m.start : m.end] for m in entity.mentions]
    for name in names:
        by_name = gender_of_name(name)
        if by_name is not None:
            found.add(by_name)
            break
    return found.pop() if len(found) == 1 else None


class PersonGenders:
    """The known gender of each person of an article, and who a gendered pronoun cannot mean."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.pronouns = pronoun_words(article.lang)
        self.genders: dict[str, Gender] = {}
        for entity in article.entities:
            if entity.type != "PER":
                continue
            gender = entity_gender(article, entity, self.pronouns)
            if gender is not None:
                self.genders[entity.id] = gender

    def gender(self, entity_id: str) -> Gender | None:
        """The person's gender when the article or the data say it."""
        return self.genders.get(entity_id)

    def excluded(self, offset: int) -> frozenset[str]:
        """The persons the pronoun at `offset` cannot mean: those of the other known gender."""
        wanted = pronoun_gender(self.article.text, offset, self.pronouns)
        if wanted is None:
            return frozenset()
        return frozenset(e for e, gender in self.genders.items() if gender != wanted)
