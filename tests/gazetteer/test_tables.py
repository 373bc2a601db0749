"""The compiled gazetteer tables: readings kept as plain rows, read back as the records built."""

from __future__ import annotations

import pickle

from newsgraph.gazetteer.tables import Gazetteer, Match, Place

OSLO = Place("city:1", "city", "Oslo", "Oslo", "GPE", "NOR", 59.9, 10.7, 700_000, False)
OSLO_TOWN = Place("city:2", "city", "Oslo", "Oslo", "GPE", "USA", 27.6, -80.3, 2_000, False)
NORWAY = Place("country:NOR", "country", "Norge", "Norway", "GPE", "NOR", 61.0, 9.0, 5_000_000)
NEW_YORK = Place("city:3", "city", "New York", "New York", "GPE", "USA", 40.7, -74.0, 8_000_000)


def built() -> Gazetteer:
    gazetteer = Gazetteer(lang="nb")
    gazetteer.add("Oslo", Match(OSLO_TOWN, "name", "Oslo", False))
    gazetteer.add("Oslo", Match(OSLO, "name", "Oslo", True))
    gazetteer.add("Oslos", Match(OSLO, "genitive", "Oslo", True))
    gazetteer.add("Norge", Match(NORWAY, "name", "Norge", True))
    gazetteer.add("norske", Match(NORWAY, "adjective", "Norge", True))
    gazetteer.add("New  York", Match(NEW_YORK, "name", "New York", True))
    gazetteer.add("Nord-Norge", Match(NORWAY, "name", "Nord-Norge", False))
    gazetteer.countries["NOR"] = NORWAY
    gazetteer.finish()
    return gazetteer


def test_readings_come_back_as_the_records_added_best_first() -> None:
    gazetteer = built()
    assert gazetteer.lookup("Oslo") == [
        Match(OSLO, "name", "Oslo", True),
        Match(OSLO_TOWN, "name", "Oslo", False),
    ]
    assert gazetteer.best("Oslos") == Match(OSLO, "genitive", "Oslo", True)
    assert gazetteer.lookup("Oslo", ("genitive",)) == []
    assert gazetteer.lookup("Bergen") == []


def test_a_pickled_gazetteer_reads_the_same_and_holds_no_builder_state() -> None:
    gazetteer = built()
    gazetteer.lookup("Oslo")
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.forms == {}
    assert copy.lookup("Oslo") == gazetteer.lookup("Oslo")
    assert copy.adjective_country("Norske") == "NOR"
    assert copy.country("NOR") == NORWAY
    assert copy.max_words == 2


def test_may_start_knows_one_word_surfaces_first_words_and_hyphen_heads() -> None:
    gazetteer = built()
    assert gazetteer.may_start("Oslo")
    assert gazetteer.may_start("New")
    assert gazetteer.may_start("Nord")
    assert gazetteer.may_start("Norske")
    assert not gazetteer.may_start("York")
    assert not gazetteer.may_start("New York")
    assert not gazetteer.may_start("Bergen")


def test_remembered_answers_equal_fresh_ones_and_stay_out_of_the_pickle() -> None:
    gazetteer = built()
    words = ("Oslo", "New", "York", "Norske", "norske", "Bergen", "Nord")
    first = [(gazetteer.may_start(w), gazetteer.adjective_country(w)) for w in words]
    assert first[3] == (True, "NOR") and first[5] == (False, None)
    assert [(gazetteer.may_start(w), gazetteer.adjective_country(w)) for w in words] == first
    assert gazetteer._may_start and gazetteer._adjective
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy._may_start == {} and copy._adjective == {}
    assert [(copy.may_start(w), copy.adjective_country(w)) for w in words] == first


BERGEN = Place("city:4", "city", "Bergen", "Bergen", "GPE", "NOR", 60.4, 5.3, 280_000, False)
MAN = Place("city:5", "city", "Man", "Man", "GPE", "CIV", 7.4, -7.6, 150_000, False)
OSLO_STATE = Place("state:NO-03", "state", "Oslo", "Oslo", "GPE", "NOR", localised=False)


def whole() -> Gazetteer:
    """One gazetteer, readings added in the builder's order: countries, cities, local places,
    subdivisions."""
    gazetteer = Gazetteer(lang="nb")
    gazetteer.add("Norge", Match(NORWAY, "name", "Norge", True))
    for place in (OSLO, BERGEN, MAN):
        gazetteer.add(place.name, Match(place, "name", place.name, True))
        gazetteer.add(place.name + "s", Match(place, "genitive", place.name, True))
    gazetteer.add("Oslo", Match(OSLO, "name", "Oslo", False))
    gazetteer.add("Oslo", Match(OSLO_TOWN, "name", "Oslo", False))
    gazetteer.add("Oslo", Match(OSLO_STATE, "name", "Oslo", False))
    gazetteer.remove("Man")
    gazetteer.finish()
    return gazetteer


def layered() -> Gazetteer:
    """The same readings split: city names shared, the rest the language's own."""
    shared = Gazetteer(lang="shared")
    for place in (OSLO, BERGEN, MAN):
        shared.add(place.name, Match(place, "name", place.name, True))
    shared.finish()
    gazetteer = Gazetteer(lang="nb", shared=shared)
    gazetteer.add("Norge", Match(NORWAY, "name", "Norge", True))
    for place in (OSLO, BERGEN, MAN):
        gazetteer.add(place.name + "s", Match(place, "genitive", place.name, True))
    gazetteer.add("Oslo", Match(OSLO, "name", "Oslo", False))
    gazetteer.add("Oslo", Match(OSLO_TOWN, "name", "Oslo", False))
    gazetteer.add("Oslo", Match(OSLO_STATE, "name", "Oslo", False))
    gazetteer.remove("Man")
    gazetteer.finish()
    return gazetteer


def test_a_gazetteer_over_a_shared_one_reads_as_the_whole_one() -> None:
    one, split = whole(), layered()
    for surface in ("Oslo", "Oslos", "Bergen", "Bergens", "Norge", "Man", "Mans", "Tromsø"):
        assert split.lookup(surface) == one.lookup(surface), surface
        assert split.may_start(surface) == one.may_start(surface), surface
    assert split.lookup("Oslo")[0] == Match(OSLO, "name", "Oslo", True)
    assert split.lookup("Man") == []
    assert split.max_words == one.max_words


def test_the_shared_gazetteer_is_not_pickled_with_a_language() -> None:
    split = layered()
    copy = pickle.loads(pickle.dumps(split))
    assert copy.shared is None
    copy.shared = split.shared
    assert copy.lookup("Oslo") == split.lookup("Oslo")


def test_a_language_built_over_the_shared_names_reads_as_one_built_whole() -> None:
    from newsgraph.gazetteer.build import build_gazetteer, build_shared

    shared = build_shared()
    one, split = build_gazetteer("ko"), build_gazetteer("ko", shared)
    assert len(split.readings) < len(one.readings) / 10
    for surface in [*list(one.readings)[::50], "Oslo", "Washington", "Seoul", "Paris"]:
        assert split.lookup(surface) == one.lookup(surface), surface
        assert split.may_start(surface) == one.may_start(surface), surface


HAMA = Place("city:6", "city", "Hama", "Hama", "GPE", "SYR", 35.1, 36.8, 700_000, False)
PARIS = Place("city:7", "city", "Paris", "Paris", "GPE", "FRA", 48.9, 2.4, 2_100_000, False)


def deriving() -> Gazetteer:
    """`layered` with the language's genitive rules: the builder still adds the genitives of
    shared names, `finish` leaves out those the look-up derives. "Hamas" (an organisation) was
    never added as Hama's genitive."""
    shared = Gazetteer(lang="shared")
    for place in (OSLO, BERGEN, MAN, HAMA, PARIS):
        shared.add(place.name, Match(place, "name", place.name, True))
    shared.finish()
    gazetteer = Gazetteer(lang="nb", shared=shared)
    gazetteer.genitive_rules = (("s",), ("s", "x", "z"), ("'",))
    gazetteer.add("Norge", Match(NORWAY, "name", "Norge", True))
    for place in (OSLO, BERGEN, MAN):
        gazetteer.add(place.name + "s", Match(place, "genitive", place.name, True))
    gazetteer.add("Paris'", Match(PARIS, "genitive", "Paris", True))
    gazetteer.add("Oslo", Match(OSLO, "name", "Oslo", False))
    gazetteer.add("Oslo", Match(OSLO_TOWN, "name", "Oslo", False))
    gazetteer.add("Oslo", Match(OSLO_STATE, "name", "Oslo", False))
    gazetteer.remove("Man")
    gazetteer.finish()
    return gazetteer


def test_genitives_of_shared_names_are_derived_at_look_up_not_stored() -> None:
    one, split, derived = whole(), layered(), deriving()
    assert not {"Oslos", "Bergens", "Mans", "Paris'"} & set(derived.readings)
    for surface in ("Oslo", "Oslos", "Bergen", "Bergens", "Norge", "Man", "Mans", "Tromsø"):
        assert derived.lookup(surface) == one.lookup(surface), surface
        assert derived.may_start(surface) == one.may_start(surface), surface
        assert derived.has(surface) == split.has(surface), surface
    assert derived.best("Paris'") == Match(PARIS, "genitive", "Paris", True)
    assert derived.lookup("Pariss") == []
    assert derived.lookup("Hamas") == [] and not derived.has("Hamas")
    assert "Hamas" in derived.underived
    copy = pickle.loads(pickle.dumps(derived))
    copy.shared = derived.shared
    assert copy.lookup("Bergens") == one.lookup("Bergens")
