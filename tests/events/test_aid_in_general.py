"""Aid named by a noun alone needs a recipient (`recipient_categories` in
resources/common/grounding.toml, EventCoder._aid_in_general): "norsk bistand tapte tre milliarder"
and "the peacekeeping force was unpopular" name aid in general, "ga bistand til Ukraina" and "en ekstrabevilgning på 380 millioner" one act.

Sentences and parses are written for these tests.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article

from .builders import Ent, FakeGeo, parsed_article

Parse = list[tuple[str, str, str, str, int]]
NORGE = Ent("Norge", "GPE", "NOR")
UKRAINA = Ent("Ukraina", "GPE", "UKR")
JAPAN = Ent("Japan", "GPE", "JPN")
PHILIPPINES = Ent("Philippines", "GPE", "PHL")


def types(article: Article) -> list[str]:
    return [e.type for e in EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)]


def test_aid_as_a_spending_item_with_no_recipient_is_no_event() -> None:
    text = "Norge sin bistand tapte tre milliarder kroner i fjor."
    parse: Parse = [
        ("Norge", "norge", "PROPN", "nmod:poss", 2),
        ("sin", "sin", "DET", "det", 2),
        ("bistand", "bistand", "NOUN", "nsubj", 3),
        ("tapte", "tape", "VERB", "ROOT", 3),
        ("tre", "tre", "NUM", "nummod", 5),
        ("milliarder", "milliard", "NOUN", "obj", 3),
        ("kroner", "krone", "NOUN", "nmod", 5),
        ("i", "i", "ADP", "case", 8),
        ("fjor", "fjor", "NOUN", "obl", 3),
        (".", ".", "PUNCT", "punct", 3),
    ]
    assert "AID" not in types(parsed_article(text, "nb", [NORGE], parse))


def test_aid_to_a_named_recipient_is_an_event() -> None:
    text = "Norge ga bistand til Ukraina i fjor."
    parse: Parse = [
        ("Norge", "norge", "PROPN", "nsubj", 1),
        ("ga", "gi", "VERB", "ROOT", 1),
        ("bistand", "bistand", "NOUN", "obj", 1),
        ("til", "til", "ADP", "case", 4),
        ("Ukraina", "ukraina", "PROPN", "obl", 1),
        ("i", "i", "ADP", "case", 6),
        ("fjor", "fjor", "NOUN", "obl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert "AID" in types(parsed_article(text, "nb", [NORGE, UKRAINA], parse))


def test_english_assistance_with_no_recipient_is_no_event() -> None:
    text = "Japan cut its assistance last year."
    parse: Parse = [
        ("Japan", "japan", "PROPN", "nsubj", 1),
        ("cut", "cut", "VERB", "ROOT", 1),
        ("its", "its", "PRON", "nmod:poss", 3),
        ("assistance", "assistance", "NOUN", "obj", 1),
        ("last", "last", "ADJ", "amod", 5),
        ("year", "year", "NOUN", "obl:tmod", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert "AID" not in types(parsed_article(text, "en", [JAPAN], parse))


def test_english_assistance_to_a_named_recipient_is_an_event() -> None:
    text = "Japan gave assistance to the Philippines."
    parse: Parse = [
        ("Japan", "japan", "PROPN", "nsubj", 1),
        ("gave", "give", "VERB", "ROOT", 1),
        ("assistance", "assistance", "NOUN", "obj", 1),
        ("to", "to", "ADP", "case", 5),
        ("the", "the", "DET", "det", 5),
        ("Philippines", "philippines", "PROPN", "obl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert "AID" in types(parsed_article(text, "en", [JAPAN, PHILIPPINES], parse))


def test_a_grant_of_a_stated_sum_is_an_event_without_a_named_recipient() -> None:
    text = "Norge ga en ekstrabevilgning på 380 millioner kroner."
    parse: Parse = [
        ("Norge", "norge", "PROPN", "nsubj", 1),
        ("ga", "gi", "VERB", "ROOT", 1),
        ("en", "en", "DET", "det", 3),
        ("ekstrabevilgning", "ekstrabevilgning", "NOUN", "obj", 1),
        ("på", "på", "ADP", "case", 6),
        ("380", "380", "NUM", "nummod", 6),
        ("millioner", "million", "NOUN", "nmod", 3),
        ("kroner", "krone", "NOUN", "nmod", 6),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert "AID" in types(parsed_article(text, "nb", [NORGE], parse))
