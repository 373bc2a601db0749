"""The language layer every engine reads: one text view per article and one pronoun resolver."""

from newsgraph.text.view import (
    SurfaceWord,
    TextView,
    fallback_sentences,
    split_paragraphs,
    surface_words,
    text_view,
)

__all__ = [
    "SurfaceWord",
    "TextView",
    "fallback_sentences",
    "split_paragraphs",
    "surface_words",
    "text_view",
]
