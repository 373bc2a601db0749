"""Who may stand as an event's party, end to end with the shipped models: a dateline's place, a
country closing a firm's name, the names of a photo credit and a private namesake of an office
holder are no political actors (newsgraph.events.actors, newsgraph.entities.actors).

Each sentence is written for these tests; each rejected one was coded before the rule that rejects
it, and the real events beside them must survive.
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor

pytestmark = pytest.mark.models


def categories(extractor: Extractor, lang: str, text: str) -> list[str]:
    return [e.type for e in extractor.extract_text(text, lang=lang).events]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A firm's national branch is named by its country.
        ("nb", "Telenor Sverige lover kundene raskere nett."),
        ("en", "Considering how Lexus Philippines offers almost all models locally, buyers wait."),
        # The dateline says where the report was filed, not who took part.
        (
            "en",
            "ST CATHERINE, Jamaica — A female police inspector was assaulted and hit in the head "
            "with a stone by another woman on Friday.",
        ),
        # A photo credit glued to the sentence names the photographer, not a visitor.
        ("nb", "Foto Terje Pedersen, NTB | Forrige uke fikk bygda besøk av et filmteam fra Oslo."),
        # A private Olav Johansen is not the ambassador Bengt Olav Johansen of the knowledge.
        ("nb", "Olav Johansen møtte naboen sin i Bergen i går."),
    ],
)
def test_no_political_party_no_event(extractor: Extractor, lang: str, text: str) -> None:
    assert categories(extractor, lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "category"),
    [
        (
            "en",
            "WASHINGTON (Reuters) — Russia threatened Ukraine with new strikes on Monday.",
            "THREATEN",
        ),
        ("en", "On Monday Russia attacked Ukraine with drones.", "ASSAULT"),
        ("en", "Air France cancelled flights after Russia threatened Ukraine.", "THREATEN"),
        (
            "en",
            "KYIV, Ukraine — Russian forces attacked the city of Kharkiv overnight, officials said.",
            "ASSAULT",
        ),
        ("nb", "Statsminister Gahr Støre møtte Ola Borten Moe i Oslo i går.", "CONSULT"),
        ("de", "Die Regierung Frankreich kritisierte Russland scharf.", "ACCUSE"),
    ],
)
def test_political_parties_still_make_events(
    extractor: Extractor, lang: str, text: str, category: str
) -> None:
    assert category in categories(extractor, lang, text)


def test_nynorsk_name_of_norway_is_a_state(extractor: Extractor) -> None:
    """Nynorsk is coded with the Bokmål resources: "Noreg" is Norway."""
    article = extractor.extract_text(
        "Noreg møtte Sverige saman med Danmark i Stockholm.", lang="nn"
    )
    assert [sorted(e.countries) for e in article.events] == [["DNK", "NOR", "SWE"]]
