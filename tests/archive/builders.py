"""Hand-built, fully layered Articles for the archive tests (texts written for these tests).

The little corpus: a Norwegian report of a defence ministers' meeting in Beijing, an English
translation of it, an independent English report of the same meeting, an English report of a
Norwegian minister's talks in Beijing the same week (same category, other countries), and a
Russian-Chinese meeting a month later (same countries, other dates).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.model import (
    Article,
    Entity,
    Event,
    Location,
    Meta,
    Quote,
    Span,
    TimeExpr,
    Title,
    article_id,
)


@dataclass(frozen=True)
class Person:
    """An entity to find in a text under any of its forms."""

    id: str
    name: str
    type: str
    country: str | None = None
    canonical: str | None = None
    forms: tuple[str, ...] = ()
    titles: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class Happening:
    """An event: category, actor entity ids, date value and the sentence that reports it."""

    type: str
    actors: tuple[str, ...]
    countries: tuple[str, ...]
    date: str | None
    sentence: str
    location: str | None = None


@dataclass(frozen=True)
class Story:
    """Everything needed to build one article."""

    text: str
    url: str
    lang: str
    published: str
    people: tuple[Person, ...] = ()
    quotes: tuple[tuple[str, str], ...] = ()
    times: tuple[tuple[str, str], ...] = ()
    events: tuple[Happening, ...] = ()
    title: str | None = None
    external_id: str | None = None
    publisher: str | None = None
    credited: tuple[str, ...] = field(default_factory=tuple)


def find_all(text: str, phrase: str) -> list[Span]:
    """Every occurrence of `phrase` in `text` as a Span."""
    spans, start = [], text.find(phrase)
    while start >= 0:
        spans.append(Span(start=start, end=start + len(phrase), text=phrase))
        start = text.find(phrase, start + len(phrase))
    return spans


def span_of(text: str, phrase: str) -> Span:
    """The first occurrence of `phrase` (which must occur)."""
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase), text=phrase)


def build(story: Story) -> Article:
    """A processed Article with every layer filled from `story`."""
    text = story.text
    entities = []
    for person in story.people:
        mentions: dict[int, Span] = {}
        for form in person.forms or (person.name,):
            for span in find_all(text, form):
                if not any(m.start <= span.start < m.end for m in mentions.values()):
                    mentions[span.start] = span
        entities.append(
            Entity(
                id=person.id,
                name=person.name,
                type=person.type,  # type: ignore[arg-type]
                country=person.country,
                canonical=person.canonical,
                titles=[Title(text=t, canonical=c) for t, c in person.titles],
                mentions=sorted(mentions.values(), key=lambda s: s.start),
            )
        )
    quotes = []
    for phrase, speaker in story.quotes:
        span = span_of(text, phrase)
        quotes.append(
            Quote(text=phrase, start=span.start, end=span.end, kind="direct", speaker=speaker)
        )
    times = []
    for phrase, value in story.times:
        span = span_of(text, phrase)
        times.append(
            TimeExpr(text=phrase, start=span.start, end=span.end, type="DATE", value=value)
        )
    events = []
    for index, happening in enumerate(story.events):
        sentence = span_of(text, happening.sentence)
        events.append(
            Event(
                id=f"ev{index + 1}",
                type=happening.type,
                actors=list(happening.actors),
                source=list(happening.actors[:1]),
                target=list(happening.actors[1:2]),
                countries=list(happening.countries),
                date=happening.date,
                location=Location(name=happening.location) if happening.location else None,
                start=sentence.start,
                end=sentence.end,
                evidence=[sentence],
                confidence=0.8,
            )
        )
    sentences = [
        Span(start=m.start(), end=m.end(), text=m.group())
        for m in re.finditer(r"[^.!?\s][^.!?]*[.!?]", text)
    ]
    return Article(
        id=article_id(story.url, text),
        lang=story.lang,
        text=text,
        meta=Meta(
            title=story.title,
            published=story.published,
            source_url=story.url,
            external_id=story.external_id,
            publisher=story.publisher,
            credited_sources=list(story.credited),
        ),
        sentences=sentences,
        entities=entities,
        quotes=quotes,
        times=times,
        events=events,
    )


DONG_NB = Person(
    "p1",
    "Dong Jun",
    "PER",
    "CHN",
    "Dong Jun",
    ("Dong Jun", "Dong"),
    (("forsvarsminister", "defence minister"),),
)
BELOUSOV_NB = Person(
    "p2",
    "Andrej Belousov",
    "PER",
    "RUS",
    "Andrey Belousov",
    ("Andrej Belousov", "Belousov"),
    (("forsvarsminister", "defence minister"),),
)
CHINA_NB = Person("g1", "Kina", "GPE", "CHN", "China", ("Kina",))
RUSSIA_NB = Person("g2", "Russland", "GPE", "RUS", "Russia", ("Russland",))
BEIJING = Person("g3", "Beijing", "GPE", "CHN", "Beijing", ("Beijing",))

DONG_EN = Person(
    "p1",
    "Dong Jun",
    "PER",
    "CHN",
    "Dong Jun",
    ("Dong Jun", "Dong"),
    (("defence minister", "defence minister"),),
)
BELOUSOV_EN = Person(
    "p2",
    "Andrey Belousov",
    "PER",
    "RUS",
    "Andrey Belousov",
    ("Andrey Belousov", "Belousov"),
    (("defence minister", "defence minister"),),
)
CHINA_EN = Person("g1", "China", "GPE", "CHN", "China", ("China",))
RUSSIA_EN = Person("g2", "Russia", "GPE", "RUS", "Russia", ("Russia",))

MEETING_NB = Story(
    text=(
        "Kinas forsvarsminister Dong Jun tok mandag imot Russlands forsvarsminister Andrej "
        "Belousov i Beijing. De to ministrene ble enige om at militært samarbeid mellom landene "
        "skal bli tettere. «Forholdet mellom Kina og Russland har aldri vært sterkere», "
        "sa Dong under møtet. Belousov sa at Moskva ønsker flere felles øvelser i Stillehavet. "
        "Besøket er det første Belousov gjør i Kina siden han ble utnevnt i mai."
    ),
    url="https://avis.example.no/utenriks/forsvarsministre-moettes",
    lang="nb",
    published="2024-10-15",
    title="Kina og Russland vil øke militært samarbeid",
    publisher="example.no",
    credited=("NTB",),
    people=(DONG_NB, BELOUSOV_NB, CHINA_NB, RUSSIA_NB, BEIJING),
    quotes=(("Forholdet mellom Kina og Russland har aldri vært sterkere", "p1"),),
    times=(("mandag", "2024-10-14"),),
    events=(
        Happening(
            "CONSULT",
            ("p1", "p2"),
            ("CHN", "RUS"),
            "2024-10-14",
            "Kinas forsvarsminister Dong Jun tok mandag imot Russlands forsvarsminister Andrej "
            "Belousov i Beijing.",
            "Beijing",
        ),
    ),
)

MEETING_EN_TRANSLATION = Story(
    text=(
        "China's defence minister Dong Jun received Russia's defence minister Andrey Belousov in "
        "Beijing on Monday. The two ministers agreed that military cooperation between the "
        'countries should grow closer. "Relations between China and Russia have never been '
        'stronger," Dong said during the meeting. Belousov said Moscow wants more joint '
        "exercises in the Pacific. The visit is the first Belousov has made to China since he "
        "was appointed in May."
    ),
    url="https://translated.example.com/world/defence-ministers-meet",
    lang="en",
    published="2024-10-15",
    title="China and Russia to deepen military cooperation",
    publisher="example.com",
    people=(DONG_EN, BELOUSOV_EN, CHINA_EN, RUSSIA_EN, BEIJING),
    quotes=(("Relations between China and Russia have never been stronger", "p1"),),
    times=(("Monday", "2024-10-14"),),
    events=(
        Happening(
            "CONSULT",
            ("p1", "p2"),
            ("CHN", "RUS"),
            "2024-10-14",
            "China's defence minister Dong Jun received Russia's defence minister Andrey "
            "Belousov in Beijing on Monday.",
            "Beijing",
        ),
    ),
)

MEETING_EN_OTHER = Story(
    text=(
        "Russian Defence Minister Andrey Belousov arrived in the Chinese capital for talks with "
        "his counterpart Dong Jun, the second such meeting this year. Officials in Washington "
        "said they were watching the visit closely. Dong told Belousov that the armed forces of "
        "the two countries would hold more drills together. Analysts say Moscow needs Beijing's "
        "support as the war in Ukraine drags on."
    ),
    url="https://wire.example.org/asia/belousov-visit",
    lang="en",
    published="2024-10-16",
    title="Belousov visits Beijing",
    publisher="example.org",
    people=(
        DONG_EN,
        BELOUSOV_EN,
        Person("g4", "Washington", "GPE", "USA", "Washington", ("Washington",)),
        Person("g5", "Ukraine", "GPE", "UKR", "Ukraine", ("Ukraine",)),
    ),
    quotes=(),
    events=(
        Happening(
            "CONSULT",
            ("p2", "p1"),
            ("RUS", "CHN"),
            None,
            "Russian Defence Minister Andrey Belousov arrived in the Chinese capital for talks "
            "with his counterpart Dong Jun, the second such meeting this year.",
        ),
    ),
)

NORWAY_TALKS = Story(
    text=(
        "Foreign Minister Espen Barth Eide held talks with Wang Yi in Beijing on Tuesday. Eide "
        "said Norway wants a stable trade relationship with China. Wang said China is ready to "
        "open its market further to Norwegian companies."
    ),
    url="https://avis.example.no/english/eide-wang",
    lang="en",
    published="2024-10-15",
    title="Eide meets Wang Yi",
    publisher="example.no",
    people=(
        Person("p1", "Espen Barth Eide", "PER", "NOR", None, ("Espen Barth Eide", "Eide")),
        Person("p2", "Wang Yi", "PER", "CHN", None, ("Wang Yi", "Wang")),
    ),
    quotes=(),
    events=(
        Happening(
            "CONSULT",
            ("p1", "p2"),
            ("NOR", "CHN"),
            "2024-10-15",
            "Foreign Minister Espen Barth Eide held talks with Wang Yi in Beijing on Tuesday.",
        ),
    ),
)

LATER_MEETING = Story(
    text=(
        "Dong Jun and Andrey Belousov spoke again in Moscow on the twentieth of November. The "
        "ministers discussed the exercises planned for next year."
    ),
    url="https://wire.example.org/europe/dong-moscow",
    lang="en",
    published="2024-11-20",
    title="Dong in Moscow",
    publisher="example.org",
    people=(DONG_EN, BELOUSOV_EN),
    events=(
        Happening(
            "CONSULT",
            ("p1", "p2"),
            ("CHN", "RUS"),
            "2024-11-20",
            "Dong Jun and Andrey Belousov spoke again in Moscow on the twentieth of November.",
        ),
    ),
)

CORPUS: tuple[Story, ...] = (
    MEETING_NB,
    MEETING_EN_TRANSLATION,
    MEETING_EN_OTHER,
    NORWAY_TALKS,
    LATER_MEETING,
)


def corpus() -> list[Article]:
    """The five articles of the little corpus, freshly built."""
    return [build(story) for story in CORPUS]


LEVEL_REASONS = {
    "high": ["political_source", "syntax_source", "asserted"],
    "medium": ["political_source", "asserted"],
    "low": ["not_asserted"],
}


def levelled_corpus() -> list[Article]:
    """The little corpus with confidence levels on its events: the Norwegian meeting high, the
    Norway talks low, every other event medium."""
    articles = corpus()
    levels = {build(MEETING_NB).id: "high", build(NORWAY_TALKS).id: "low"}
    for article in articles:
        level = levels.get(article.id, "medium")
        for event in article.events:
            event.confidence_level = level  # type: ignore[assignment]
            event.confidence_reasons = list(LEVEL_REASONS[level])
    return articles


def revised(story: Story, text: str) -> Article:
    """The same story (same URL) with a new text: a changed article."""
    return build(
        Story(
            text=text,
            url=story.url,
            lang=story.lang,
            published=story.published,
            title=story.title,
            publisher=story.publisher,
        )
    )


def articles_with_text(texts: Sequence[tuple[str, str]], lang: str = "en") -> list[Article]:
    """Bare articles (text and URL only) for near-duplicate tests."""
    return [
        build(Story(text=text, url=url, lang=lang, published="2024-10-15")) for url, text in texts
    ]


def _drill_report(url: str, lang: str, text: str, sentence: str, observer: Person) -> Story:
    """A report of one Chinese-Russian drill that also names a third country's observers."""
    return Story(
        text=text,
        url=url,
        lang=lang,
        published="2024-11-05",
        publisher=url.split("/")[2],
        people=(DONG_EN, BELOUSOV_EN, observer),
        events=(
            Happening(
                "COOPERATE",
                ("p1", "p2"),
                ("CHN", "RUS", observer.country or ""),
                "2024-11-05",
                sentence,
            ),
        ),
    )


DRILL_WITH_PYONGYANG = _drill_report(
    "https://wire.example.org/asia/drill-observers",
    "en",
    "Dong Jun and Andrey Belousov opened the Northern Shield drill near Harbin on Tuesday, "
    "with 4000 troops and observers from Pyongyang watching.",
    "Dong Jun and Andrey Belousov opened the Northern Shield drill near Harbin on Tuesday, "
    "with 4000 troops and observers from Pyongyang watching.",
    Person("g7", "Pyongyang", "GPE", "PRK", "Pyongyang", ("Pyongyang",)),
)
DRILL_WITH_MINSK = _drill_report(
    "https://daily.example.com/world/northern-shield",
    "en",
    "The Northern Shield drill near Harbin began on Tuesday as Dong Jun and Andrey Belousov "
    "reviewed 4000 troops; an envoy from Minsk attended.",
    "The Northern Shield drill near Harbin began on Tuesday as Dong Jun and Andrey Belousov "
    "reviewed 4000 troops; an envoy from Minsk attended.",
    Person("g8", "Minsk", "GPE", "BLR", "Minsk", ("Minsk",)),
)


def _protest(url: str, text: str, group: Person, day: str) -> Story:
    """A Norwegian protest: the country and the category are all two of them share."""
    return Story(
        text=text,
        url=url,
        lang="nb",
        published=day,
        publisher="example.no",
        people=(group, Person("g9", "Norge", "GPE", "NOR", "Norway", ("Norge",))),
        events=(Happening("PROTEST", (group.id, "g9"), ("NOR",), day, text),),
    )


FARMERS_PROTEST = _protest(
    "https://avis.example.no/innenriks/bonder-blokkerer",
    "Bondelaget blokkerte veiene utenfor Stortinget i protest mot de nye melkeprisene i Norge.",
    Person("o1", "Bondelaget", "ORG", "NOR", None, ("Bondelaget",)),
    "2024-10-14",
)
STUDENTS_PROTEST = _protest(
    "https://avis.example.no/innenriks/studenter-marsjerer",
    "Studentsamskipnaden marsjerte gjennom Bergen mot høyere semesteravgift i Norge.",
    Person("o2", "Studentsamskipnaden", "ORG", "NOR", None, ("Studentsamskipnaden",)),
    "2024-10-15",
)
