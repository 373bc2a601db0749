"""The shared text view: one reading of paragraphs, sentences and tokens for every engine."""

from __future__ import annotations

from newsgraph.entities.document import Document
from newsgraph.entities.lexicon import load_lexicon
from newsgraph.events.words import sentence_views
from newsgraph.gazetteer import load_gazetteer
from newsgraph.model import Article, Span, Token
from newsgraph.quotes.document import QuoteText
from newsgraph.quotes.lexicon import load_quote_lexicon
from newsgraph.text import fallback_sentences, surface_words, text_view

TEXT = "Støre kom til Oslo.\n\n  Han sa at «det går bra».\n"


def tokenised(text: str) -> Article:
    """An article whose tokens are its whitespace-separated pieces (no parse)."""
    tokens = []
    position = 0
    for number, piece in enumerate(text.split()):
        start = text.index(piece, position)
        position = start + len(piece)
        tokens.append(Token(i=number, start=start, end=position, text=piece, head=number, sent=0))
    return Article(text=text, lang="nb", tokens=tokens)


def test_text_view_paragraphs_are_non_blank_lines_without_outer_spaces() -> None:
    view = text_view(Article(text=TEXT, lang="nb"))
    assert [TEXT[s:e] for s, e in view.paragraphs] == [
        "Støre kom til Oslo.",
        "Han sa at «det går bra».",
    ]
    assert view.paragraph_of(TEXT.index("Han")) == 1
    assert view.paragraph_of(TEXT.index("Oslo")) == 0


def test_text_view_without_nlp_layer_splits_sentences_by_punctuation() -> None:
    text = "Eide reiste til Kina. Der møtte han Wang.\nNy linje"
    view = text_view(Article(text=text, lang="nb"))
    assert [s.text for s in view.sentences] == [
        "Eide reiste til Kina.",
        "Der møtte han Wang.",
        "Ny linje",
    ]
    assert view.sentence_of(text.index("Wang")) == 1
    assert fallback_sentences(text) == view.sentences


def test_text_view_keeps_the_sentences_of_the_nlp_layer() -> None:
    text = "A b. C d."
    sentences = [Span(start=0, end=9, text=text)]
    view = text_view(Article(text=text, lang="en", sentences=sentences))
    assert view.sentences == sentences


def test_surface_tokenizer_keeps_inner_dots_hyphens_and_apostrophes() -> None:
    words = [w.text for w in surface_words("U.S. envoy's Gahr-Støre, 10.")]
    assert words == ["U.S", ".", "envoy's", "Gahr-Støre", ",", "10", "."]


def test_text_view_is_built_once_per_article_and_rebuilt_when_its_text_changes() -> None:
    article = Article(text="Første setning.", lang="nb")
    assert text_view(article) is text_view(article)
    first = text_view(article)
    article.text = "En annen tekst."
    assert text_view(article) is not first
    assert text_view(article).text == "En annen tekst."


def test_engines_read_the_same_words_from_the_text_view() -> None:
    article = tokenised("Eide møtte Wang i Beijing .\nDe snakket lenge .")
    view = text_view(article)
    entity_words = [
        t.text for t in Document(article, load_gazetteer("nb"), load_lexicon("nb")).tokens
    ]
    quote_words = [w.text for w in QuoteText(article, load_quote_lexicon("nb")).words]
    event_words = [w.text for s in sentence_views(article) for w in s.words]
    expected = [t.text for t in view.tokens]
    assert entity_words == quote_words == event_words == expected


def test_engines_agree_on_paragraph_numbers() -> None:
    article = Article(text="Første avsnitt.\n\nAndre avsnitt her.", lang="nb")
    quotes = QuoteText(article, load_quote_lexicon("nb"))
    offset = article.text.index("Andre")
    views = sentence_views(article)
    assert quotes.paragraph_of(offset) == text_view(article).paragraph_of(offset) == 1
    assert [view.paragraph for view in views] == [0, 1]


def test_text_view_cache_lets_go_of_a_dropped_article() -> None:
    from newsgraph.text import view as module

    article = Article(text="Kortlivet artikkel.", lang="nb")
    text_view(article)
    ident = id(article)
    assert ident in module._VIEWS
    del article
    assert ident not in module._VIEWS


def parsed(text: str) -> Article:
    """An article with lemmas, tags and a parse on its whitespace-separated pieces, blank tokens
    included, numbered out of text order as a token layer may be."""
    tokens = []
    position = 0
    for number, piece in enumerate(text.split(" ")):
        start = text.index(piece, position)
        position = start + len(piece)
        tokens.append(
            Token(
                i=number,
                start=start,
                end=position,
                text=piece,
                lemma=piece.upper(),
                pos="NOUN" if piece[:1].isupper() else "VERB",
                dep="ROOT" if number == 1 else "nsubj",
                head=1,
                sent=0,
            )
        )
    return Article(text=text, lang="nb", tokens=list(reversed(tokens)))


def test_events_and_quotes_take_tags_and_heads_from_the_token_layer() -> None:
    article = parsed("Støre Sier  Nei")
    words = sentence_views(article)[0].words
    assert [(w.lower, w.lemma, w.pos, w.dep, w.head) for w in words] == [
        ("støre", "støre", "NOUN", "nsubj", 1),
        ("sier", "sier", "NOUN", "ROOT", None),
        ("nei", "nei", "NOUN", "nsubj", 1),
    ]
    quote_words = QuoteText(article, load_quote_lexicon("nb")).words
    assert [(w.text, w.dep, w.head) for w in quote_words] == [
        ("Støre", "nsubj", 1),
        ("Sier", "ROOT", 1),
        ("Nei", "nsubj", 1),
    ]
