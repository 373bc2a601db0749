"""Referring phrases around a speech verb as the tagger reads them: a capitalised word opening a
sentence that no entity holds, which the tagger takes for a name, and a title abbreviation before
a name that it takes for a function word."""

from __future__ import annotations

import re

from newsgraph.model import Token
from newsgraph.quotes import extract_quotes

from .quote_builder import Person, build, find


def _tagged(text: str, tags: dict[str, str]) -> list[Token]:
    """Regex tokens, each word tagged with the part of speech `tags` gives it (else none)."""
    matches = list(re.finditer(r"\w+|[^\w\s]", text))
    return [
        Token(
            i=i,
            start=m.start(),
            end=m.end(),
            text=m.group(),
            pos=tags.get(m.group(), ""),
            head=i,
            sent=0,
        )
        for i, m in enumerate(matches)
    ]


def test_danish_sentence_opening_noun_tagged_as_a_name_describes_the_speaker() -> None:
    text = "Bankfolk siger, at renten stiger igen til sommer."
    article = build(text, "da")
    article.tokens = _tagged(text, {"Bankfolk": "PROPN", "siger": "VERB"})
    quote = find(extract_quotes(article), "renten stiger")
    assert quote.speaker is None
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "Bankfolk"


def test_swedish_sentence_opening_word_tagged_as_a_name_describes_the_speaker() -> None:
    text = "Vissa anser att skatten borde sänkas. Kritiker hävdar att skolan behöver mer pengar."
    article = build(text, "sv")
    article.tokens = _tagged(text, {"Kritiker": "PROPN", "hävdar": "VERB"})
    quote = find(extract_quotes(article), "skolan behöver")
    assert quote.speaker_description is not None
    assert quote.speaker_description.text == "Kritiker"


def test_german_noun_tagged_as_a_name_opening_a_sentence_stays_no_description() -> None:
    # German capitalises every noun: a capital says nothing about the sentence's opening.
    text = "Bankkreise sagen, dass die Zinsen steigen."
    article = build(text, "de")
    article.tokens = _tagged(text, {"Bankkreise": "PROPN", "sagen": "VERB"})
    quote = find(extract_quotes(article), "die Zinsen steigen")
    assert quote.speaker_description is None


def test_title_abbreviation_the_tagger_calls_a_conjunction_stays_with_the_name() -> None:
    text = "Lena Ekberg leder studien. Nedgången beror enligt dr Ekberg på flera orsaker."
    article = build(text, "sv", Person("p1", "Lena Ekberg", ["Lena Ekberg", "Ekberg"]))
    article.tokens = _tagged(text, {"dr": "SCONJ"})
    quote = find(extract_quotes(article), "Nedgången beror")
    assert quote.speaker == "p1"


def test_short_word_the_tagger_calls_a_conjunction_before_no_name_is_no_title() -> None:
    text = "Lena Ekberg leder studien. Nedgången beror enligt dr Pettersson på flera orsaker."
    article = build(text, "sv", Person("p1", "Lena Ekberg", ["Lena Ekberg", "Ekberg"]))
    article.tokens = _tagged(text, {"dr": "SCONJ"})
    quote = find(extract_quotes(article), "Nedgången beror")
    assert quote.speaker is None
