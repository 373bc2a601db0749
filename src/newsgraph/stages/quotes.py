"""The quotes stage: direct, partial and indirect quotations with speaker and addressee entities.

The work is done by `newsgraph.quotes`; this module only plugs it into the pipeline. Tokens and
dependencies are used when the NLP layer gave them, and the engine falls back to surface patterns
on bare text, so a failed or missing parse degrades attribution rather than stopping it.
"""

from __future__ import annotations

from typing import ClassVar

from newsgraph.model import Article
from newsgraph.pipeline import PerArticle
from newsgraph.quotes import extract_quotes, load_quote_lexicon
from newsgraph.resources import resource_languages_of
from newsgraph.settings import Settings


class QuotesStage(PerArticle):
    """Finds every quotation and attributes it to the entity who said it (and to whom)."""

    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ("text", "lang", "sentences", "tokens", "entities")
    provides: ClassVar[tuple[str, ...]] = ("quotes",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self) -> None:
        """Load the lexicon of the preloaded languages; others load on first use."""
        for lang in resource_languages_of(self.settings.preload_languages):
            load_quote_lexicon(lang)

    def __call__(self, article: Article) -> Article:
        """Fill `article.quotes`."""
        lexicon = load_quote_lexicon(article.lang)
        article.quotes = extract_quotes(article, lexicon)
        article.provenance.lexicons[f"quotes:{lexicon.lang}"] = lexicon.version
        return article
