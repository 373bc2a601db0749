"""Whole invented articles, scored like the shared gold: every quote found and attributed.

The texts are written for these tests (people and events are invented). Each expectation is a
gold-style quote: words the quote must contain, the speaker's name (None: unattributable), the
addressee where the text names one, and the kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.evaluate.layers import score_quotes
from newsgraph.model import Title
from newsgraph.quotes import extract_quotes

from .quote_builder import Person, build

NB_TEXT = """Helseminister Anne Lund varslet onsdag en ny plan for sykehusene i Nord-Norge.

– Vi kan ikke vente lenger. Pasientene fortjener bedre, sa Lund på en pressekonferanse i Tromsø.

Hun la til at regjeringen vil bruke to milliarder kroner på nye sengeplasser.

Fylkesordfører Per Holm (Sp) er ikke imponert.

– Dette er for lite og for sent, sier Holm til Nordlys.

Ifølge Helse Nord mangler regionen over 300 sykepleiere. Helse Nord kalte situasjonen «svært krevende» i en rapport i fjor.

«Vi har bedt om hjelp i flere år», skriver direktør Kari Moe i en e-post til avisen. «Nå håper vi det skjer noe.»

Lund avviste kritikken.

– Vi gjør mer enn noen regjering før oss, sier helseministeren.
"""

NB_ENTITIES = [
    Person("p1", "Anne Lund", ["Anne Lund", "Lund"], titles=[Title(text="helseminister")]),
    Person("p2", "Per Holm", ["Per Holm", "Holm"], titles=[Title(text="fylkesordfører")]),
    Person("p3", "Kari Moe", ["Kari Moe"], titles=[Title(text="direktør")]),
    Person("o1", "Helse Nord", ["Helse Nord"], type="ORG"),
    Person("o2", "Nordlys", ["Nordlys"], type="ORG"),
    Person("g1", "Tromsø", ["Tromsø"], type="GPE"),
]

NB_GOLD = [
    ("Vi kan ikke vente lenger. Pasientene fortjener bedre", "Anne Lund", None, "direct"),
    ("regjeringen vil bruke to milliarder kroner", "Anne Lund", None, "indirect"),
    ("Dette er for lite og for sent", "Per Holm", "Nordlys", "direct"),
    ("mangler regionen over 300 sykepleiere", "Helse Nord", None, "indirect"),
    ("svært krevende", "Helse Nord", None, "partial"),
    ("Vi har bedt om hjelp i flere år", "Kari Moe", None, "direct"),
    ("Nå håper vi det skjer noe", "Kari Moe", None, "direct"),
    ("Vi gjør mer enn noen regjering før oss", "Anne Lund", None, "direct"),
]

EN_TEXT = """WELLINGTON (Wire) - New Zealand's trade minister, Tom Harris, said on Tuesday that talks with the European Union on dairy quotas had "stalled" and would not resume before June.

"We have made our position clear," Harris told reporters in Wellington. "The ball is in their court."

According to officials familiar with the talks, the two sides remain far apart on beef and lamb.

A spokeswoman for the European Commission, Clara Vogt, said the EU remained "fully committed" to a deal.

"Nobody wants this to drag on," she said, adding that negotiators would meet again next month.

Farmers' groups were less patient. "Every month of delay costs us money," said Jane Miller, head of the Dairy Farmers Association.

The minister later said he was hopeful.
"""

EN_ENTITIES = [
    Person("p1", "Tom Harris", ["Tom Harris", "Harris"], titles=[Title(text="trade minister")]),
    Person("p2", "Clara Vogt", ["Clara Vogt"]),
    Person("p3", "Jane Miller", ["Jane Miller"]),
    Person("o1", "European Union", ["European Union", "EU"], type="ORG"),
    Person("o2", "European Commission", ["European Commission"], type="ORG"),
    Person("o3", "Dairy Farmers Association", ["Dairy Farmers Association"], type="ORG"),
    Person("g1", "Wellington", ["Wellington", "WELLINGTON"], type="GPE"),
]

EN_GOLD = [
    ("stalled", "Tom Harris", None, "partial"),
    ("We have made our position clear", "Tom Harris", None, "direct"),
    ("The ball is in their court", "Tom Harris", None, "direct"),
    ("the two sides remain far apart", None, None, "indirect"),
    ("fully committed", "Clara Vogt", None, "partial"),
    ("Nobody wants this to drag on", "Clara Vogt", None, "direct"),
    ("negotiators would meet again next month", "Clara Vogt", None, "indirect"),
    ("Every month of delay costs us money", "Jane Miller", None, "direct"),
    ("he was hopeful", "Tom Harris", None, "indirect"),
]


def gold_of(entities: list[Person], quotes: list[tuple[Any, ...]]) -> dict[str, Any]:
    return {
        "entities": [{"name": e.name, "aliases": e.surfaces, "type": e.type} for e in entities],
        "quotes": [
            {"contains": c, "speaker": s, "kind": k, **({"addressee": a} if a else {})}
            for c, s, a, k in quotes
        ],
    }


@pytest.mark.parametrize(
    ("text", "lang", "entities", "expected"),
    [(NB_TEXT, "nb", NB_ENTITIES, NB_GOLD), (EN_TEXT, "en", EN_ENTITIES, EN_GOLD)],
    ids=["nb", "en"],
)
def test_article_every_quote_found_attributed_and_typed(
    text: str, lang: str, entities: list[Person], expected: list[tuple[Any, ...]]
) -> None:
    article = build(text, lang, *entities)
    article.quotes = extract_quotes(article)
    result = score_quotes(article, gold_of(entities, expected))
    assert (result.counts.fn, result.counts.fp) == (0, 0), (result.missed, result.spurious)
    assert result.attributes["quote_speaker"].total == len(expected)
    assert not result.wrong, result.wrong
