"""A name inside a short quoted title or slogan is no actor (newsgraph.events.actors:
`_quoted_title`): protesters chanting “Free Palestine” are not Palestine, a group called «Barna
først» is not the children. A name quoted alone stays.

Sentences are written for these tests and run through the whole pipeline with the shipped models.
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor

from .builders import actor_names


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "outsiders"),
    [
        (
            "en",
            "Hundreds of protesters chanted “Free Palestine” outside the Israeli embassy in London.",
            {"Palestine"},
        ),
        ("nn", "Demonstrantane ropte «Noreg ut av NATO» utanfor Stortinget.", {"Norge", "NATO"}),
    ],
)
def test_a_name_in_a_quoted_slogan_is_no_actor(
    extractor: Extractor, lang: str, text: str, outsiders: set[str]
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert [e for e in article.events if e.type == "PROTEST"]
    assert not actor_names(article) & outsiders


@pytest.mark.models
def test_a_name_quoted_alone_stays_an_actor_en(extractor: Extractor) -> None:
    article = extractor.extract_text(
        "Police said the “Taliban” attacked a checkpoint in Kandahar on Monday.", lang="en"
    )
    assert "Taliban" in actor_names(article)
