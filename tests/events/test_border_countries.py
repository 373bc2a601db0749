"""A country right after a border noun and its preposition only says at which border something
happened; it takes no part in the act (newsgraph.events.arguments.border_country).

Sentences are written for these tests and run through the whole pipeline with the shipped
models. In nn and da the cue is there too, but no sentence written for this round had its
country coded as an actor before the rule, so none is tested.
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor

from .builders import actor_names


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("en", "Rebels attacked a village on the border with Sudan.", "Sudan"),
        ("nb", "Væpnede menn drepte tolv bønder ved grensen mot Sudan mandag.", "Sudan"),
        ("nb", "Tolv bønder ble drept ved grensen mot Sudan i går.", "Sudan"),
        ("sv", "Beväpnade män dödade tolv bönder vid gränsen mot Sudan i måndags.", "Sudan"),
    ],
)
def test_the_country_across_the_border_is_no_actor(
    extractor: Extractor, lang: str, text: str, country: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert any(e.name == country for e in article.entities)
    assert country not in actor_names(article)


@pytest.mark.models
def test_a_border_the_act_names_keeps_the_neighbour_en(extractor: Extractor) -> None:
    """Turkey closed the border with Syria: the border is the act's own word, Syria its target."""
    article = extractor.extract_text("Turkey closed the border with Syria on Monday.", lang="en")
    assert "Syria" in actor_names(article)
