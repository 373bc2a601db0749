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
