"""English group subjects through the whole pipeline, where the tagger tells nouns from names."""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor
from newsgraph.model import Article, Quote
from newsgraph.settings import Settings

pytestmark = pytest.mark.models


def _quote(text: str, words: str) -> tuple[Quote, Article]:
    article: Article = Extractor(Settings()).extract_text(text, lang="en")
    found = [quote for quote in article.quotes if words in quote.text]
    assert len(found) == 1, [quote.text for quote in article.quotes]
    return found[0], article


def test_adverb_between_commas_does_not_cut_the_subject_off() -> None:
    quote, _ = _quote(
        "Tariffs have strengthened the leverage of the United States, said Scott Paul, who "
        "heads the Alliance for American Manufacturing. Most mainstream economists, however, "
        "argue that consumers are the primary victims of tariffs.",
        "primary victims",
    )
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert "economists" in quote.speaker_description.text


def test_unknown_capitalised_head_of_a_complement_is_described_with_it() -> None:
    quote, _ = _quote(
        "Backers of tariffs say that they help American companies become more competitive.",
        "more competitive",
    )
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "Backers of tariffs"


def test_a_place_glued_to_a_modifier_by_a_hyphen_is_no_speaker() -> None:
    quote, article = _quote(
        "“The firm has dodged this for years,” noted Maryland-based product liability lawyer "
        "Jim Dunham in an interview.",
        "dodged",
    )
    speaker = next((e.name for e in article.entities if e.id == quote.speaker), None)
    assert speaker != "Maryland"
