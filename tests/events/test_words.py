"""Sentence views: words per sentence from the token layer."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.events.words import Word, sentence_views
from newsgraph.model import Article, Span, Token


def article_with_tokens(text: str, reverse: bool = False) -> Article:
    tokens = []
    position = sentence = 0
    for number, piece in enumerate(text.split()):
        start = text.index(piece, position)
        position = start + len(piece)
        tokens.append(
            Token(
                i=number,
                start=start,
                end=position,
                text=piece,
                lemma=piece.lower(),
                head=number,
                sent=sentence,
            )
        )
        sentence += piece == "."
    ends = [i + 1 for i, ch in enumerate(text) if ch == "."]
    starts = [0] + [end + 1 for end in ends[:-1]]
    sentences = [Span(start=s, end=e, text=text[s:e]) for s, e in zip(starts, ends, strict=True)]
    return Article(
        text=text, sentences=sentences, tokens=tokens[::-1] if reverse else tokens, lang="nb"
    )


def view_words(article: Article) -> list[list[str]]:
    return [[word.text for word in view.words] for view in sentence_views(article)]


def test_sentence_views_take_the_tokens_of_each_sentence() -> None:
    article = article_with_tokens("Eide møtte Ding . De snakket lenge .")
    assert view_words(article) == [["Eide", "møtte", "Ding", "."], ["De", "snakket", "lenge", "."]]


def test_sentence_views_put_tokens_out_of_text_order_in_text_order() -> None:
    article = article_with_tokens("Eide møtte Ding . De snakket lenge .", reverse=True)
    assert view_words(article) == [["Eide", "møtte", "Ding", "."], ["De", "snakket", "lenge", "."]]


def test_a_word_made_of_a_token_equals_the_word_made_field_by_field() -> None:
    made = Word.of_token(2, 10, 15, "Møtte", "møte", "VERB", "ROOT", None)
    assert made == Word(2, 10, 15, "Møtte", "møtte", "møte", "VERB", "ROOT", None)
    assert hash(made) == hash(Word(2, 10, 15, "Møtte", "møtte", "møte", "VERB", "ROOT", None))
    assert repr(made).startswith("Word(index=2, start=10, end=15, text='Møtte', lower='møtte'")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.lower = "x"  # type: ignore[misc]


def test_sentence_view_words_carry_lower_case_forms_lemmas_and_heads() -> None:
    article = article_with_tokens("Eide møtte Ding .")
    words = sentence_views(article)[0].words
    assert [(w.lower, w.lemma, w.head) for w in words] == [
        ("eide", "eide", None),
        ("møtte", "møtte", None),
        ("ding", "ding", None),
        (".", ".", None),
    ]
