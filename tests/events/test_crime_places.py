"""A country named only as the scene of a crime report or as where someone came from grounds no
arrest, charge or sentence (law_enforcement_categories, EventCoder._where_or_whence); a state
that acts still does.

Sentences are written for these tests; the articles carry no parse, so word order gives the roles.
"""

from __future__ import annotations

import pytest

from newsgraph.events import EventCoder, load_lexicon

from .builders import Ent, FakeGeo, make_article

ENTITIES = [
    Ent("Litauen", "GPE", "LTU"),
    Ent("Lithuania", "GPE", "LTU"),
    Ent("Spania", "GPE", "ESP"),
    Ent("Spain", "GPE", "ESP"),
    Ent("Nord-Korea", "GPE", "PRK"),
    Ent("North Korea", "GPE", "PRK"),
    Ent("Polen", "GPE", "POL"),
]


def categories(text: str, lang: str) -> list[str]:
    """The categories coded in one unparsed sentence."""
    article = make_article(text, lang, [e for e in ENTITIES if e.name in text])
    return [e.type for e in EventCoder(load_lexicon(lang), FakeGeo()).code(article)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Politiet pågrep tre menn fra Litauen i går.", "nb"),
        ("Police arrested three men from Lithuania on Monday.", "en"),
        ("En mann ble pågrepet i Spania for tyveri.", "nb"),
        ("A man was arrested in Spain for theft.", "en"),
        ("Politiet anholdt tre mænd fra Polen i går.", "da"),
    ],
)
def test_country_as_scene_or_origin_grounds_no_arrest(text: str, lang: str) -> None:
    assert "COERCE" not in categories(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nord-Korea arresterte to journalister i går.", "nb"),
        ("North Korea arrested two journalists on Monday.", "en"),
        ("Two journalists were arrested by North Korea on Monday.", "en"),
    ],
)
def test_state_that_arrests_grounds_the_arrest(text: str, lang: str) -> None:
    assert "COERCE" in categories(text, lang)
