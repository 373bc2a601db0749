"""The engine's view of the text: paragraphs, quote-aware sentences, words."""

from __future__ import annotations

from newsgraph.model import Article, Token
from newsgraph.quotes.document import QuoteText, Word
from newsgraph.quotes.lexicon import load_quote_lexicon
from newsgraph.text import split_paragraphs


def sentences(text: str, lang: str = "nb") -> list[str]:
    doc = QuoteText(Article(text=text, lang=lang), load_quote_lexicon(lang))
    return [text[s.start : s.end] for s in doc.sentences]


def test_document_no_sentence_ends_inside_quote_marks() -> None:
    text = "«Vi er klare. Det er vi», sa hun. Så gikk hun."
    assert sentences(text) == ["«Vi er klare. Det er vi», sa hun.", "Så gikk hun."]


def test_document_sentence_ends_after_a_closing_mark() -> None:
    assert sentences("«Vi er klare.» Hun smilte.") == ["«Vi er klare.»", "Hun smilte."]


def test_document_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Lt. Gen. Mahal and J. Smith met the U.S. envoy. Talks began."
    assert sentences(text, "en") == [
        "Lt. Gen. Mahal and J. Smith met the U.S. envoy.",
        "Talks began.",
    ]


def test_document_dates_with_ordinal_points_do_not_end_a_sentence() -> None:
    assert sentences("Møtet var 14. oktober i Oslo. Det gikk bra.") == [
        "Møtet var 14. oktober i Oslo.",
        "Det gikk bra.",
    ]


def test_document_paragraphs_are_the_non_blank_lines() -> None:
    text = "  Første linje.\n\n\nAndre linje.  \n"
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["Første linje.", "Andre linje."]


def test_document_regex_words_join_an_abbreviation_and_its_full_stop() -> None:
    doc = QuoteText(Article(text="Gen. Mahal said.", lang="en"), load_quote_lexicon("en"))
    assert [w.text for w in doc.words] == ["Gen.", "Mahal", "said", "."]


def test_document_words_from_tokens_keep_tags_and_heads() -> None:
    text = "Hun sa nei."
    tokens = [
        Token(i=0, start=0, end=3, text="Hun", pos="PRON", dep="nsubj", head=1, sent=0),
        Token(i=1, start=4, end=6, text="sa", pos="VERB", dep="ROOT", head=1, sent=0),
        Token(i=2, start=7, end=10, text="nei", pos="INTJ", dep="obj", head=1, sent=0),
        Token(i=3, start=10, end=11, text=".", pos="PUNCT", dep="punct", head=1, sent=0),
    ]
    doc = QuoteText(Article(text=text, lang="nb", tokens=tokens), load_quote_lexicon("nb"))
    assert [(w.text, w.pos, w.head) for w in doc.words] == [
        ("Hun", "PRON", 1),
        ("sa", "VERB", 1),
        ("nei", "INTJ", 1),
        (".", "PUNCT", 1),
    ]


def test_document_tokens_that_do_not_fit_the_text_fall_back_to_regex_words() -> None:
    tokens = [Token(i=0, start=0, end=3, text="XYZ", head=0, sent=0)]
    doc = QuoteText(Article(text="Hun sa nei.", lang="nb", tokens=tokens), load_quote_lexicon("nb"))
    assert [w.text for w in doc.words] == ["Hun", "sa", "nei", "."]


def test_document_word_made_of_a_token_equals_the_word_made_field_by_field() -> None:
    made = Word.of_token(3, 4, 7, "Han", "PRON", "nsubj", 5)
    assert made == Word(3, 4, 7, "Han", "PRON", "nsubj", 5)
    assert hash(made) == hash(Word(3, 4, 7, "Han", "PRON", "nsubj", 5))
    assert (made.lower, made.capitalized, made.is_punct) == ("han", True, False)
