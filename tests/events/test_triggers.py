"""Trigger modality (newsgraph.events.triggers): what would or could have happened.

Sentences are written for these tests; no model.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Event

from .builders import Ent, FakeGeo, make_article
from .test_grounding import _parsed

RUSSIA, UKRAINE = Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")


def code(text: str, lang: str, entities: list[Ent]) -> list[Event]:
    return EventCoder(load_lexicon(lang), FakeGeo()).code(make_article(text, lang, entities))


def test_would_have_is_conditional_not_a_plan() -> None:
    events = code("Russia would have attacked Ukraine in May.", "en", [RUSSIA, UKRAINE])
    assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "conditional")]


def test_could_not_have_is_conditional_too() -> None:
    events = code("Russia could not have attacked Ukraine in May.", "en", [RUSSIA, UKRAINE])
    assert [e.factuality for e in events] == ["conditional"]


def test_plain_would_stays_a_planned_threat_and_the_fact_stays_asserted() -> None:
    planned = code("Russia would attack Ukraine in May.", "en", [RUSSIA, UKRAINE])
    fact = code("Russia attacked Ukraine in May.", "en", [RUSSIA, UKRAINE])
    assert [e.factuality for e in planned] == ["planned"]
    assert [(e.type, e.factuality) for e in fact] == [("ASSAULT", "asserted")]


def test_norwegian_ville_ha_is_conditional() -> None:
    entities = [Ent("Russland", "GPE", "RUS"), Ent("Ukraina", "GPE", "UKR")]
    events = code("Russland ville ha angrepet Ukraina i mai.", "nb", entities)
    assert [(e.type, e.factuality) for e in events] == [("ASSAULT", "conditional")]


def test_what_is_demanded_is_conditional_and_the_demand_asserted() -> None:
    swedish = [Ent("Sverige", "GPE", "SWE"), Ent("Palestina", "GPE", "PSE")]
    events = code("Oppositionen kräver att Sverige erkänner Palestina.", "sv", swedish)
    assert sorted((e.type, e.factuality) for e in events) == [
        ("REQUEST", "asserted"),
        ("SUPPORT", "conditional"),
    ]
    norwegian = [Ent("Norge", "GPE", "NOR"), Ent("Palestina", "GPE", "PSE")]
    events = code("Opposisjonen krever at Norge anerkjenner Palestina.", "nb", norwegian)
    assert ("SUPPORT", "conditional") in [(e.type, e.factuality) for e in events]


def test_a_recognition_that_is_reported_stays_asserted() -> None:
    norwegian = [Ent("Norge", "GPE", "NOR"), Ent("Palestina", "GPE", "PSE")]
    events = code("Norge anerkjente Palestina i går.", "nb", norwegian)
    assert [(e.type, e.factuality) for e in events] == [("SUPPORT", "asserted")]


def _meeting_parse(verb: str) -> list[tuple[str, str, str, int]]:
    return [
        ("The", "DET", "det", 1),
        ("meeting", "NOUN", "nsubj:pass", 7),
        ("between", "ADP", "case", 3),
        ("Russia", "PROPN", "nmod", 1),
        ("and", "CCONJ", "cc", 5),
        ("Ukraine", "PROPN", "conj", 3),
        ("was", "AUX", "aux:pass", 7),
        (verb, "VERB", "ROOT", 7),
        (".", "PUNCT", "punct", 7),
    ]


def test_a_meeting_that_was_cancelled_is_no_meeting() -> None:
    text = "The meeting between Russia and Ukraine was cancelled."
    article = _parsed(text, "en", [RUSSIA, UKRAINE], _meeting_parse("cancelled"))
    events = EventCoder(load_lexicon("en"), FakeGeo()).code(article)
    assert "CONSULT" not in [e.type for e in events]


def test_a_meeting_that_was_held_is_a_meeting() -> None:
    text = "The meeting between Russia and Ukraine was held."
    article = _parsed(text, "en", [RUSSIA, UKRAINE], _meeting_parse("held"))
    events = EventCoder(load_lexicon("en"), FakeGeo()).code(article)
    assert "CONSULT" in [e.type for e in events]
