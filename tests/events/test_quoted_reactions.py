"""Who reacts to an act stays no side of it when quotation marks around the words throw the
parse ("said he was ‘appalled’ by the “allegations”"): a word of reaction right before the
preposition of the trigger noun's phrase, past determiners, adjectives and quotation marks, is
read as without them (newsgraph.events.arguments._reaction_before).

Sentences are written for these tests and run through the whole pipeline with the shipped models.
"""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor


@pytest.mark.models
@pytest.mark.parametrize(
    ("lang", "text", "reacting"),
    [
        (
            "en",
            "Prime Minister Boris Johnson said he was ‘appalled’ by the “allegations” of torture.",
            "Boris Johnson",
        ),
        (
            "nb",
            "Statsminister Jonas Gahr Støre sa han var «sjokkert» over «de alvorlige anklagene».",
            "Jonas Gahr Støre",
        ),
    ],
)
def test_who_reacts_in_quotation_marks_is_no_accuser(
    extractor: Extractor, lang: str, text: str, reacting: str
) -> None:
    article = extractor.extract_text(text, lang=lang)
    assert any(e.name == reacting for e in article.entities)
    accusers = {
        entity.name
        for event in article.events
        if event.type == "ACCUSE"
        for i in (*event.actors, *event.source)
        if (entity := article.entity(i)) is not None
    }
    assert reacting not in accusers
