"""Build hand-made Articles for entity tests: regex tokens, naive sentences, given NER spans."""

from __future__ import annotations

import itertools
import re

from newsgraph.model import Article, NamedSpan, Span, Token

TOKEN = re.compile(r"\w+(?:-\w+)*|['’]s\b|[^\w\s]")
SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÆØÅ«])")


def build_article(
    text: str,
    lang: str,
    names: list[tuple[str, str]] = (),  # type: ignore[assignment]
    pos: dict[str, str] | None = None,
) -> Article:
    """An Article with tokens, sentences and NER spans.

    `names` lists (surface, label) in text order; each takes the next whole-word occurrence.
    `pos` gives the UPOS of words (by their text); others get no tag, as from a tagger-less model.
    """
    article = Article(id="test", lang=lang, text=text)
    bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    for start, end in itertools.pairwise(bounds):
        stripped_end = start + len(text[start:end].rstrip())
        article.sentences.append(Span(start=start, end=stripped_end, text=text[start:stripped_end]))
    for i, match in enumerate(TOKEN.finditer(text)):
        sent = article.sentence_index(match.start()) or 0
        article.tokens.append(
            Token(
                i=i,
                start=match.start(),
                end=match.end(),
                text=match.group(),
                lemma=match.group().lower(),
                pos=(pos or {}).get(match.group(), ""),
                head=i,
                sent=sent,
            )
        )
    cursor = 0
    for surface, label in names:
        found = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)").search(text, cursor)
        if found is None:
            raise ValueError(f"{surface!r} not found after offset {cursor}")
        start = found.start()
        article.names.append(
            NamedSpan(start=start, end=start + len(surface), text=surface, label=label)
        )
        cursor = start + len(surface)
    return article
