"""The event coder's gazetteer answers: remembered per word, the same as the gazetteer's own."""

from __future__ import annotations

from newsgraph.events.geo import MEMO_SIZE, GazetteerGeo
from newsgraph.gazetteer import load_gazetteer


def test_remembered_answers_equal_the_gazetteer_answers_asked_again() -> None:
    geo = GazetteerGeo("en")
    gazetteer = load_gazetteer("en")
    for word in ("Chinese", "chinese", "Norwegian", "Thai", "teacher", "North Korean"):
        first, again = geo.adjective(word), geo.adjective(word)
        assert first == again == gazetteer.adjective_country(word), word
    assert geo.adjective("Norwegian") == "NOR"
    assert geo.adjective("teacher") is None
    assert geo.country("Norway") == geo.country("Norway") == "NOR"
    assert geo.country("Oslo") is None


def test_the_memory_is_bounded() -> None:
    geo = GazetteerGeo("nb")
    for number in range(MEMO_SIZE + 5):
        geo.adjective(f"ord{number}")
    assert len(geo._adjectives) <= MEMO_SIZE
    assert geo.adjective("norske") == "NOR"


def test_a_capital_in_any_language_names_its_country_and_other_towns_none() -> None:
    assert GazetteerGeo("nb").capital("Moskva") == "RUS"
    assert GazetteerGeo("fr").capital("Pékin") == "CHN"
    assert GazetteerGeo("en").capital("Washington") == "USA"
    assert GazetteerGeo("en").capital("Columbus") is None
    assert GazetteerGeo("en").capital("Russia") is None


def test_a_phrase_whose_first_word_starts_no_place_name_is_answered_without_a_look_up() -> None:
    geo = GazetteerGeo("en")
    gazetteer = load_gazetteer("en")
    looked_up: list[str] = []
    matches = gazetteer._matches

    def counted(surface):  # type: ignore[no-untyped-def]
        looked_up.append(surface)
        return matches(surface)

    gazetteer._matches = counted  # type: ignore[method-assign]
    try:
        assert geo.adjective("the teacher said") is None
        assert geo.country("Yesterday the ministry") is None
        assert looked_up == []
        assert geo.adjective("North Korean") == "PRK"
        assert geo.country("North Korea") == "PRK"
        assert geo.country("New Zealand's") == "NZL"
        assert looked_up
    finally:
        del gazetteer._matches
