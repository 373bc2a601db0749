"""A capitalised trigger right after a name's link word and a capitalised word ends a name
("the Court of Appeal"), not an act (`[cues].name_links`, newsgraph.events.coder._in_name).

Sentences are written for these tests; no parse (no model).
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.model import Article

from .builders import Ent, FakeGeo, make_article

RUSSIA = Ent("Russia", "GPE", "RUS")


def types(article: Article) -> list[str]:
    return [e.type for e in EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)]


def test_trigger_ending_a_name_after_of_is_no_act() -> None:
    text = "Judges at the Court of Appeal in the capital heard the case against Russia again."
    assert "REQUEST" not in types(make_article(text, "en", [RUSSIA]))


def test_trigger_after_of_in_lower_case_is_still_an_act() -> None:
    text = "Russia filed an appeal of the ruling."
    assert "REQUEST" in types(make_article(text, "en", [RUSSIA]))
