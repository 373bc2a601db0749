"""Names inside hyphenated modifier compounds take no part in events (newsgraph.events.compounds).

Sentences are written for these tests; no model.
"""

from __future__ import annotations

from newsgraph.events import EventCoder, load_lexicon
from newsgraph.events.compounds import modifier_compound, sided_compound
from newsgraph.model import Article, Event

from .builders import Ent, FakeGeo, make_article


def code(article: Article) -> list[Event]:
    return EventCoder(load_lexicon(article.lang), FakeGeo()).code(article)


def _name_at(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_country_before_born_or_based_is_a_modifier_compound() -> None:
    lexicon = load_lexicon("en")
    for text, name in [
        ("A German-born engineer spoke.", "German"),
        ("The Germany-based charity spoke.", "Germany"),
        ("Two US-trained officers spoke.", "US"),
        ("A Soviet-era tank stood there.", "Soviet"),
    ]:
        assert modifier_compound(text, *_name_at(text, name), lexicon), text


def test_country_before_led_or_backed_names_who_acts() -> None:
    lexicon = load_lexicon("en")
    for text, name in [
        ("The US-led coalition struck.", "US"),
        ("Iran-backed militias struck.", "Iran"),
        ("The US and Germany met.", "US"),
    ]:
        assert not modifier_compound(text, *_name_at(text, name), lexicon), text


def test_name_read_together_with_its_modifier_is_a_compound() -> None:
    text = "A German-born engineer spoke."
    assert modifier_compound(text, *_name_at(text, "German-born"), load_lexicon("en"))


def test_norwegian_place_before_basert_is_a_modifier_compound() -> None:
    text = "Den Oslo-baserte organisasjonen protesterte."
    assert modifier_compound(text, *_name_at(text, "Oslo"), load_lexicon("nb"))


def test_country_of_a_based_compound_is_no_participant() -> None:
    text = "A Russia-based charity accused Ukraine of lying."
    article = make_article(text, "en", [Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")])
    accusations = [e for e in code(article) if e.type == "ACCUSE"]
    assert accusations
    for event in accusations:
        assert "RUS" not in event.countries
        assert "UKR" in event.countries


def test_country_leading_a_coalition_stays_its_actor() -> None:
    text = "A Russia-led coalition accused Ukraine of lying."
    article = make_article(text, "en", [Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")])
    accusations = [e for e in code(article) if e.type == "ACCUSE"]
    assert accusations and "RUS" in accusations[0].countries


def test_country_after_pro_is_a_side_not_a_participant() -> None:
    lexicon = load_lexicon("en")
    text = "Pro-Russian separatists attacked Ukraine."
    assert sided_compound(text, *_name_at(text, "Russian"), lexicon)
    assert sided_compound(text, *_name_at(text, "Pro-Russian"), lexicon)
    plain = "Russian separatists attacked Ukraine."
    assert not sided_compound(plain, *_name_at(plain, "Russian"), lexicon)


def test_pro_russian_attackers_are_not_coded_as_russia() -> None:
    text = "Pro-Russia separatists attacked Ukraine on Monday."
    article = make_article(text, "en", [Ent("Russia", "GPE", "RUS"), Ent("Ukraine", "GPE", "UKR")])
    assaults = [e for e in code(article) if e.type == "ASSAULT"]
    assert all("RUS" not in e.countries for e in assaults)
