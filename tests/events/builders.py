"""Hand-built articles for the event coder's tests: text, sentences, entities, times; no model."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.model import Article, Entity, Location, Meta, Span, TimeExpr, Title, Token


@dataclass
class Ent:
    """An entity to place in the text: every occurrence of its name and aliases becomes a mention."""

    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None


@dataclass
class Time:
    """A time expression to place at its first occurrence in the text."""

    text: str
    value: str
    type: str = "DATE"
    anchored: bool = True


@dataclass
class FakeGeo:
    """A tiny gazetteer: nationality words, country names and places for the tests."""

    adjectives: dict[str, str] = field(
        default_factory=lambda: {
            "russiske": "RUS",
            "russisk": "RUS",
            "kinesiske": "CHN",
            "kinesisk": "CHN",
            "norske": "NOR",
            "norsk": "NOR",
            "amerikanske": "USA",
            "ukrainske": "UKR",
            "Russian": "RUS",
            "Chinese": "CHN",
            "North Korean": "PRK",
            "American": "USA",
            "Ukrainian": "UKR",
            "Indian": "IND",
            "Nepali": "NPL",
            "Iranian": "IRN",
            "japanske": "JPN",
            "indiske": "IND",
            "Japanese": "JPN",
            "Egyptian": "EGY",
        }
    )
    countries: dict[str, str] = field(
        default_factory=lambda: {
            "Russland": "RUS",
            "Russlands": "RUS",
            "Kina": "CHN",
            "Kinas": "CHN",
            "Norge": "NOR",
            "Russia": "RUS",
            "China": "CHN",
            "Ukraine": "UKR",
            "Ukraina": "UKR",
        }
    )
    places: dict[str, tuple[str, float, float]] = field(
        default_factory=lambda: {
            "Beijing": ("CHN", 39.9, 116.4),
            "Oslo": ("NOR", 59.9, 10.7),
            "Singapore": ("SGP", 1.3, 103.8),
            "Kyiv": ("UKR", 50.4, 30.5),
        }
    )
    capitals: dict[str, str] = field(
        default_factory=lambda: {"Beijing": "CHN", "Oslo": "NOR", "Kyiv": "UKR"}
    )

    def adjective(self, text: str) -> str | None:
        """Country of a nationality word, also capitalised at a sentence start."""
        return self.adjectives.get(text) or self.adjectives.get(text[:1].lower() + text[1:])

    def country(self, text: str) -> str | None:
        """Country of a country name or genitive."""
        return self.countries.get(text)

    def capital(self, text: str) -> str | None:
        """Country of a national capital named in `capitals`."""
        return self.capitals.get(text)

    def place(self, name: str) -> Location | None:
        """Geocode a place name."""
        if name not in self.places:
            return None
        country, lat, lon = self.places[name]
        return Location(name=name, country=country, lat=lat, lon=lon)


def _sentences(text: str) -> list[Span]:
    spans = []
    for match in re.finditer(r".+?(?:[.!?](?=\s+[A-ZÆØÅ«\"“]|\s*$)|(?=\n)|$)", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            spans.append(Span(start=start, end=end, text=text[start:end]))
    return spans


def _mentions(text: str, names: tuple[str, ...]) -> list[Span]:
    found: list[Span] = []
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(m.start <= match.start() < m.end for m in found):
                continue
            found.append(Span(start=match.start(), end=match.end(), text=match.group()))
    return sorted(found, key=lambda m: m.start)


def make_article(
    text: str,
    lang: str,
    entities: Sequence[Ent] = (),
    times: Sequence[Time] = (),
    published: str | None = None,
    dateline: str | None = None,
) -> Article:
    """An article as the stages before `events` would leave it, without tokens."""
    built = []
    for number, ent in enumerate(entities, start=1):
        built.append(
            Entity(
                id=f"e{number}",
                name=ent.name,
                type=ent.type,  # type: ignore[arg-type]
                country=ent.country,
                titles=[Title(text=t) for t in ent.titles],
                mentions=_mentions(text, (ent.name, *ent.aliases)),
                lat=ent.lat,
                lon=ent.lon,
            )
        )
    expressions = []
    for time in times:
        start = text.index(time.text)
        expressions.append(
            TimeExpr(
                text=time.text,
                start=start,
                end=start + len(time.text),
                type=time.type,  # type: ignore[arg-type]
                value=time.value,
                anchored=time.anchored,
            )
        )
    return Article(
        id="test",
        lang=lang,
        text=text,
        meta=Meta(published=published, dateline=dateline),
        sentences=_sentences(text),
        entities=built,
        times=expressions,
    )


ParseRow = tuple[str, str, str, str, int]


def rows(parse: str) -> list[ParseRow]:
    """A parse written one "word POS dep head" per line; the lemma is the lower-cased word."""
    found = []
    for line in parse.strip().splitlines():
        word, pos, dep, head = line.split()
        found.append((word, word.lower(), pos, dep, int(head)))
    return found


def parsed_article(
    text: str,
    lang: str,
    entities: Sequence[Ent],
    parse: Sequence[ParseRow],
    times: Sequence[Time] = (),
) -> Article:
    """An article whose tokens carry the given (text, lemma, pos, dep, head) parse, in text order
    (an empty lemma stands for a model that does not lemmatise)."""
    article = make_article(text, lang, entities, times)
    tokens, position = [], 0
    for number, (word, lemma, pos, dep, head) in enumerate(parse):
        start = text.index(word, position)
        position = start + len(word)
        tokens.append(
            Token(
                i=number,
                start=start,
                end=position,
                text=word,
                lemma=lemma,
                pos=pos,
                dep=dep,
                head=head,
                sent=0,
            )
        )
    article.tokens = tokens
    return article


def actor_names(article: Article) -> set[str]:
    """The names of every entity an event of the article has as actor, source or target."""
    return {
        entity.name
        for event in article.events
        for i in (*event.actors, *event.source, *event.target)
        if (entity := article.entity(i)) is not None
    }


def coded(article: Article, category: str) -> list[str]:
    """The trigger texts of the article's events of one category."""
    return [e.trigger.text for e in article.events if e.type == category and e.trigger]
