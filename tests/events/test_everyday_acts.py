"""Everyday acts: a phone call or an offer is a political event only when the doer the roles name
is political (`political_doer` trigger rules in resources/<lang>/events.toml, EventCoder).

Sentences are written for these tests; the articles carry no parse, so word order gives the roles.
"""

from __future__ import annotations

import pytest

from newsgraph.events import EventCoder, load_lexicon

from .builders import Ent, FakeGeo, make_article

ENTITIES = [
    Ent("Olav Hansen", "PER"),
    Ent("Jonas Gahr Støre", "PER", "NOR", titles=("prime minister",)),
    Ent("Forsvaret", "ORG", "NOR"),
    Ent("Russland", "GPE", "RUS"),
    Ent("Norge", "GPE", "NOR"),
    Ent("Joe Biden", "PER", "USA", titles=("president",)),
    Ent("Vladimir Putin", "PER", "RUS", titles=("president",)),
    Ent("Mary Jones", "PER"),
    Ent("Delta Air Lines", "ORG", "USA"),
    Ent("Pentagon", "ORG", "USA"),
    Ent("Ukraine", "GPE", "UKR"),
    Ent("Ukraina", "GPE", "UKR"),
    Ent("Mette Frederiksen", "PER", "DNK", titles=("prime minister",)),
    Ent("Lars Jensen", "PER"),
    Ent("Ulf Kristersson", "PER", "SWE", titles=("prime minister",)),
    Ent("Anna Svensson", "PER"),
    Ent("Olaf Scholz", "PER", "DEU", titles=("chancellor",)),
    Ent("Peter Müller", "PER"),
    Ent("Telenor", "ORG", "NOR"),
]


def categories(text: str, lang: str) -> list[str]:
    """The categories coded in one unparsed sentence."""
    article = make_article(text, lang, [e for e in ENTITIES if e.name in text])
    return [e.type for e in EventCoder(load_lexicon(lang), FakeGeo()).code(article)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Olav Hansen ringte Forsvaret i går og sa at han var syk.", "nb"),
        ("Mary Jones phoned the Pentagon on Monday to ask about her son.", "en"),
        ("Lars Jensen ringede til Forsvaret i går.", "da"),
        ("Anna Svensson ringde till Forsvaret i går.", "sv"),
        ("Peter Müller telefonierte am Montag mit Olaf Scholz.", "de"),
    ],
)
def test_phone_call_by_private_person_is_no_consultation(text: str, lang: str) -> None:
    assert "CONSULT" not in categories(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Jonas Gahr Støre ringte Vladimir Putin i går.", "nb"),
        ("Joe Biden phoned Vladimir Putin on Monday.", "en"),
        ("Mette Frederiksen ringede til Vladimir Putin i går.", "da"),
        ("Ulf Kristersson ringde till Vladimir Putin i går.", "sv"),
        ("Olaf Scholz telefonierte am Montag mit Vladimir Putin.", "de"),
    ],
)
def test_phone_call_between_leaders_is_a_consultation(text: str, lang: str) -> None:
    assert "CONSULT" in categories(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Delta Air Lines offered the Pentagon a deal on Monday.", "en"),
    ],
)
def test_firm_offering_a_deal_to_an_agency_is_no_agreement(text: str, lang: str) -> None:
    assert "AGREE" not in categories(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russia offered Ukraine talks on Monday.", "en"),
    ],
)
def test_offer_between_states_is_an_agreement(text: str, lang: str) -> None:
    assert "AGREE" in categories(text, lang)
