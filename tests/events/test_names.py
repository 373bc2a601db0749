"""Trigger words inside names of events and works report no act (newsgraph.events.names).

Sentences are written for these tests; no model.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article, Title

from .builders import Ent, FakeGeo, make_article

RUSSIA, UKRAINE = Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")


def types(article: Article) -> list[str]:
    return [e.type for e in EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)]


def test_trigger_inside_the_name_of_a_past_event_is_no_event() -> None:
    text = "After the Kharkiv offensive of Russia, Ukraine changed its army."
    named = Ent("Kharkiv offensive", "EVT")
    assert "ASSAULT" not in types(make_article(text, "en", [named, RUSSIA, UKRAINE]))


def test_same_words_without_an_event_name_are_coded() -> None:
    text = "Russia attacked Ukraine near Kharkiv."
    assert "ASSAULT" in types(make_article(text, "en", [RUSSIA, UKRAINE]))


def test_trigger_inside_a_quoted_title_is_no_event() -> None:
    text = "Russia banned the Ukrainian book “Why We Protest” on Monday."
    coded = types(make_article(text, "en", [RUSSIA]))
    assert "COERCE" in coded and "PROTEST" not in coded


def test_quoted_speech_in_lower_case_is_no_title() -> None:
    text = "Ukraine said “we protest against Russia” on Monday."
    assert "PROTEST" in types(make_article(text, "en", [RUSSIA, UKRAINE]))


def _envoy(with_title_offsets: bool) -> Article:
    text = "The envoy for peace talks Ann Lee praised Russia on Monday."
    article = make_article(text, "en", [Ent("Ann Lee", "PER", "USA"), RUSSIA])
    person = next(e for e in article.entities if e.name == "Ann Lee")
    title = "envoy for peace talks"
    start = text.index(title)
    person.titles = [
        Title(
            text=title,
            start=start if with_title_offsets else None,
            end=start + len(title) if with_title_offsets else None,
        )
    ]
    return article


def test_trigger_inside_a_persons_title_is_no_event() -> None:
    assert "CONSULT" in types(_envoy(with_title_offsets=False))
    assert "CONSULT" not in types(_envoy(with_title_offsets=True))


NORWAY, RUSSLAND, UKRAINA = (
    Ent("Norge", "GPE", "NOR"),
    Ent("Russland", "GPE", "RUS"),
    Ent("Ukraina", "GPE", "UKR"),
)


def test_trigger_inside_the_quoted_title_of_a_regulation_is_no_event() -> None:
    text = "Norge vedtok fredag en forskrift «om tiltak mot Russland som angriper Ukraina»."
    assert "ASSAULT" not in types(make_article(text, "nb", [NORWAY, RUSSLAND, UKRAINA]))


def test_the_same_quotation_as_speech_is_coded() -> None:
    text = "Norge sa fredag: «Russland angriper Ukraina»."
    assert "ASSAULT" in types(make_article(text, "nb", [NORWAY, RUSSLAND, UKRAINA]))


def test_trigger_inside_the_quoted_title_of_a_law_is_no_event() -> None:
    text = "Ukraine passed a law “on punishing Russia for attacking Ukraine” on Monday."
    assert "ASSAULT" not in types(make_article(text, "en", [RUSSIA, UKRAINE]))
    said = "Ukraine said “Russia is attacking Ukraine” on Monday."
    assert "ASSAULT" in types(make_article(said, "en", [RUSSIA, UKRAINE]))
