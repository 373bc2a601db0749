"""French speakers through the whole pipeline, where spaCy's French tokenizer splits elided
articles ("l'", "qu'") from the word after them."""

from __future__ import annotations

import pytest

from newsgraph.api import Extractor
from newsgraph.model import Article
from newsgraph.settings import Settings

pytestmark = pytest.mark.models


def _speakers(text: str) -> dict[str, str | None]:
    article: Article = Extractor(Settings()).extract_text(text, lang="fr")
    names = {entity.id: entity.name for entity in article.entities}
    return {quote.text: names.get(quote.speaker or "") for quote in article.quotes}


def test_role_after_an_elided_article_joins_the_name_after_an_inverted_verb() -> None:
    speakers = _speakers("« Le risque reste faible », explique l'économiste Claire Montandon.")
    assert speakers == {"Le risque reste faible": "Claire Montandon"}


def test_participle_takes_the_elided_pronoun_subject_of_its_clause() -> None:
    speakers = _speakers(
        "Le maire Paul Girard a réuni la presse lundi. « Une honte », c'est ainsi qu'il a "
        "décrit la décision du tribunal, estimant que les juges devaient partir."
    )
    assert speakers["Une honte"] == "Paul Girard"
