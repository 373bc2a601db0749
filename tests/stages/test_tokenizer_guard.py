"""The tokenizer guard: long runs without whitespace never reach spaCy's (quadratic) affix
splitting, and the Doc's text and offsets stay those of the input."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from newsgraph.stages.tokenizer_guard import MAX_CHUNK, BoundedTokenizer, guard_tokenizer

TEXTS = [
    'Han sa: "' + '"' * 20_000 + " og gikk.\n\nNy linje.",
    "«»-–—ABC" * 3_000,
    "a" * 1_000 + "  b",
    "Vanlig tekst her, med «sitat» og tall 12.5.",
    "x" * (MAX_CHUNK + 1),
    "-" * 500 + "\n" + "-" * 500 + " ",
]


class SpyTokenizer:
    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.longest = 0

    def __call__(self, text: str) -> Any:
        self.longest = max([self.longest, *(len(chunk) for chunk in text.split())])
        return self.tokenizer(text)


@pytest.mark.parametrize("text", TEXTS, ids=lambda text: repr(text[:10]))
def test_guard_keeps_the_text_and_hides_long_chunks_from_spacy(text: str) -> None:
    nlp = spacy.blank("nb")
    spy = SpyTokenizer(nlp.tokenizer)
    guarded = BoundedTokenizer(spy, nlp.vocab)
    doc = guarded(text)
    assert doc.text == text
    assert spy.longest <= MAX_CHUNK
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text


def test_ordinary_text_is_tokenized_by_spacy_alone() -> None:
    nlp = spacy.blank("en")
    text = "The minister said, “we will sign it.”"
    assert [t.text for t in guard_tokenizer(nlp)(text)] == [t.text for t in spacy.blank("en")(text)]


def test_guarding_twice_wraps_once() -> None:
    nlp = guard_tokenizer(guard_tokenizer(spacy.blank("en")))
    assert not isinstance(nlp.tokenizer.tokenizer, BoundedTokenizer)
