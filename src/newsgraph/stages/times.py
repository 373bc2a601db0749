"""The times stage: temporal expressions with TIMEX3 values anchored on the publication date.

Reads `text`, `lang` and `sentences` (tense is read per sentence; tokens help when present) and
fills `article.times`. Without `meta.published`, relative expressions keep a relative value
(`XXXX-08`, `PAST_REF`) and are marked `anchored=False`.
"""

from __future__ import annotations

from typing import ClassVar

from newsgraph.model import Article, Meta, TimeExpr
from newsgraph.pipeline import PerArticle
from newsgraph.resources import base_language, resource_version
from newsgraph.settings import Settings
from newsgraph.temporal import find_times
from newsgraph.temporal.grammar import load_grammar


def caption_times(article: Article) -> list[TimeExpr]:
    """Times written in photo captions, which cleaning keeps out of the body text."""
    found: list[TimeExpr] = []
    for index, caption in enumerate(article.meta.captions):
        if not caption.text:
            continue
        view = Article(
            text=caption.text, lang=article.lang, meta=Meta(published=article.meta.published)
        )
        found.extend(time.model_copy(update={"caption": index}) for time in find_times(view))
    return found


class TimesStage(PerArticle):
    """Find and normalise the article's date and time expressions."""

    name: ClassVar[str] = "times"
    requires: ClassVar[tuple[str, ...]] = ("text", "lang", "sentences")
    provides: ClassVar[tuple[str, ...]] = ("times",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self) -> None:
        """Compile the temporal grammar of the preloaded languages (those of most articles,
        shared by forked workers); another language's compiles on its first article (~30 ms)."""
        for lang in self.settings.preload_languages:
            load_grammar(lang)

    def __call__(self, article: Article) -> Article:
        """Fill `article.times`."""
        article.times = find_times(article) + caption_times(article)
        code = base_language(article.lang)
        article.provenance.lexicons[f"time.{code}"] = resource_version(code, "time")
        return article
