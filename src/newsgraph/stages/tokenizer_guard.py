"""A guard around spaCy's tokenizer for very long runs without whitespace.

spaCy splits affixes off a whitespace-delimited chunk one at a time, copying the rest each time:
a run of 20,000 quote marks or dashes takes it minutes. Chunks longer than MAX_CHUNK are cut
into pieces of at most 50 characters here (such a chunk is a URL, a blob or an attack, not
prose: 20,000 quote marks become 400 tokens for the parser, not 20,000); the text, and so every
offset, stays exactly the same.
"""

from __future__ import annotations

import re
from typing import Any

MAX_CHUNK = 200
LONG_CHUNK = re.compile(rf"\S{{{MAX_CHUNK + 1},}}")
PIECE = re.compile(r"\S{1,50}")


class BoundedTokenizer:
    """Calls the wrapped tokenizer on ordinary text and cuts long chunks itself."""

    def __init__(self, tokenizer: Any, vocab: Any) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab

    def __call__(self, text: str) -> Any:
        """A Doc of `text` whose tokens never take quadratic time to find."""
        if LONG_CHUNK.search(text) is None:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        docs = []
        position = 0
        for match in LONG_CHUNK.finditer(text):
            if match.start() > position:
                docs.append(self.tokenizer(text[position : match.start()]))
            words = PIECE.findall(match.group())
            spaces = [False] * len(words)
            end = match.end()
            if text[end : end + 1] == " ":
                spaces[-1] = True
                end += 1
            docs.append(Doc(self.vocab, words=words, spaces=spaces))
            position = end
        if position < len(text):
            docs.append(self.tokenizer(text[position:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: Any) -> Any:
        """The wrapped tokenizer's serialisation (the guard has no state of its own)."""
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> BoundedTokenizer:
        """Load the wrapped tokenizer's state."""
        self.tokenizer.from_bytes(data, **kwargs)
        return self


def guard_tokenizer(nlp: Any) -> Any:
    """Wrap a spaCy pipeline's tokenizer in a BoundedTokenizer (once)."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, nlp.vocab)
    return nlp
