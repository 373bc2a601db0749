"""The matching policy of the actor knowledge, on a small hand-made table."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.knowledge import ActorKnowledge
from newsgraph.knowledge.names import fold, skeleton, within_one_edit
from newsgraph.knowledge.store import Actors, Role


def person(
    pid: str, name: str, country: str, *, aliases: tuple[str, ...] = (), **extra: Any
) -> dict[str, Any]:
    return {"id": pid, "name": name, "country": country, "aliases": list(aliases), **extra}


TABLE: dict[str, Any] = {
    "persons": [
        person(
            "Q1",
            "Jonas Gahr Støre",
            "NOR",
            roles=[["PM", "NOR", "GOV", "2021-10-14", None]],
            top=[["2021-10-14", None]],
        ),
        person(
            "Q2",
            "Volodymyr Zelenskyy",
            "UKR",
            roles=[["President", "UKR", "GOV", "2019-05-20", None]],
            top=[["2019-05-20", None]],
        ),
        person(
            "Q3", "Anna Berg", "SWE", roles=[["Minister", "SWE", "GOV", "2010-01-01", "2014-01-01"]]
        ),
        person("Q4", "Anna Berg", "FIN", roles=[["Minister", "FIN", "GOV", "2020-01-01", None]]),
        person(
            "Q5",
            "Peter Smith",
            "GBR",
            roles=[["PM", "GBR", "GOV", "2001-01-01", "2005-01-01"]],
            top=[["2001-01-01", "2005-01-01"]],
        ),
        person(
            "Q6",
            "Mary Smith",
            "AUS",
            roles=[["PM", "AUS", "GOV", "2003-01-01", "2008-01-01"]],
            top=[["2003-01-01", "2008-01-01"]],
        ),
        person("Q7", "Harald V", "NOR", royal=[["King", "harald"]]),
        person("Q8", "Ola Nordmann", "NOR"),
        person(
            "Q9",
            "Bengt Olav Lie",
            "NOR",
            roles=[["ambassador to Chile", "NOR", "GOV", "1990-01-01", "1995-01-01"]],
        ),
        # "Olav" opens three known names: a given name.
        person("Q10", "Olav Dahl", "NOR"),
        person("Q11", "Olav Haugen", "NOR"),
        person("Q12", "Olav Moen", "NOR"),
    ],
    "organisations": [
        {"name": "United Nations", "country": None, "sector": "IGO", "aliases": ["FN", "UN"]},
        {"name": "Unity Party", "country": "ABC", "sector": "PTY"},
        {"name": "Unity Party", "country": "XYZ", "sector": "PTY"},
    ],
}


@pytest.fixture(scope="module")
def knowledge() -> ActorKnowledge:
    return ActorKnowledge(TABLE)


def test_fold_drops_case_diacritics_and_nordic_letters() -> None:
    assert fold("Jonas Gahr-Støre") == "jonas gahr store"
    assert fold("Nguyễn Phú Trọng") == "nguyen phu trong"


def test_transliteration_variants_share_a_skeleton() -> None:
    assert skeleton("Zelenskyj") == skeleton("Zelenskyy") == skeleton("Selenskyj")
    assert skeleton("Zelensky") == skeleton("Zelenskiy")
    assert skeleton("Berg") != skeleton("Borg")


def test_one_edit_distance() -> None:
    assert within_one_edit("solberg", "solbeg")
    assert within_one_edit("solberg", "solbert")
    assert not within_one_edit("solberg", "solbrge")


def test_exact_full_name_resolves(knowledge: ActorKnowledge) -> None:
    found = knowledge.person("Jonas Gahr Støre", "2024-01-01")
    assert found is not None
    assert (found.actor.id, found.actor.country, found.how) == ("Q1", "NOR", "exact")


def test_token_subset_resolves_to_the_longer_name(knowledge: ActorKnowledge) -> None:
    found = knowledge.person("Gahr Støre", None)
    assert found is not None and (found.actor.id, found.how) == ("Q1", "subset")


def test_name_opening_with_another_given_name_is_only_a_partial_match(
    knowledge: ActorKnowledge,
) -> None:
    # "Olav Lie" may be anyone called Olav Lie, not the ambassador Bengt Olav Lie.
    found = knowledge.person("Olav Lie", None)
    assert found is not None and (found.actor.id, found.how) == ("Q9", "partial")
    # A dropped first name before a double surname is still the known person.
    found = knowledge.person("Gahr Støre", None)
    assert found is not None and found.how == "subset"


def test_known_name_inside_a_longer_written_name_resolves(knowledge: ActorKnowledge) -> None:
    found = knowledge.person("Jonas G. Gahr Støre", None)
    assert found is not None and found.actor.id == "Q1"


def test_spelling_variant_resolves_by_fuzzy_match(knowledge: ActorKnowledge) -> None:
    found = knowledge.person("Volodymyr Selenskyj", None)
    assert found is not None and (found.actor.id, found.how) == ("Q2", "fuzzy")
    assert knowledge.person("Wolodymyr Zelenskyi", None) is not None


def test_short_words_are_not_bent(knowledge: ActorKnowledge) -> None:
    assert knowledge.person("Ola Nordman", None) is not None  # a long word may take one edit
    assert knowledge.person("Ole Nordmann", None) is None  # a short word may not
    assert knowledge.person("Olga Nordmann", None) is None


def test_name_of_two_countries_resolves_only_when_the_date_leaves_one(
    knowledge: ActorKnowledge,
) -> None:
    assert knowledge.person("Anna Berg", None) is None
    found = knowledge.person("Anna Berg", "2022-03-01")
    assert found is not None and found.actor.country == "FIN"


def test_bare_surname_resolves_to_the_top_office_holder_in_office(
    knowledge: ActorKnowledge,
) -> None:
    found = knowledge.surname("Støre", "2023-05-01")
    assert found is not None and (found.actor.id, found.how) == ("Q1", "surname")


def test_bare_surname_outside_the_term_or_without_a_date_stays_unknown(
    knowledge: ActorKnowledge,
) -> None:
    assert knowledge.surname("Støre", "2019-05-01") is None
    assert knowledge.surname("Støre", None) is None


def test_bare_surname_of_a_non_top_office_holder_stays_unknown(knowledge: ActorKnowledge) -> None:
    assert knowledge.surname("Nordmann", "2023-05-01") is None


def test_bare_surname_shared_by_two_countries_leaders_stays_unknown(
    knowledge: ActorKnowledge,
) -> None:
    assert knowledge.surname("Smith", "2004-01-01") is None
    found = knowledge.surname("Smith", "2006-01-01")
    assert found is not None and found.actor.country == "AUS"


def test_titled_surname_resolves_without_a_date_when_the_title_fits_one_country(
    knowledge: ActorKnowledge,
) -> None:
    found = knowledge.titled_surname("Zelenskyy", ["President"])
    assert found is not None and (found.actor.id, found.how) == ("Q2", "surname")
    # No title, or a title no holder of the surname bore: nothing.
    assert knowledge.titled_surname("Zelenskyy", []) is None
    assert knowledge.titled_surname("Zelenskyy", ["Bishop"]) is None


def test_titled_surname_shared_by_two_countries_leaders_stays_unknown(
    knowledge: ActorKnowledge,
) -> None:
    # Both Smiths were PM, of two countries: the title does not tell which.
    assert knowledge.titled_surname("Smith", ["PM"]) is None
    # A minister who never held a top office is not found by surname.
    assert knowledge.titled_surname("Berg", ["Minister"]) is None


def test_surname_spelling_variant_of_a_leader_resolves(knowledge: ActorKnowledge) -> None:
    found = knowledge.surname("Selenskyj", "2023-05-01")
    assert found is not None and found.actor.id == "Q2"


def test_royal_by_title_and_first_name(knowledge: ActorKnowledge) -> None:
    found = knowledge.royal("King", "Harald")
    assert found is not None and found.actor.id == "Q7"
    assert knowledge.royal("Queen", "Harald") is None


def test_international_body_has_no_country_and_sector_igo(knowledge: ActorKnowledge) -> None:
    actor = knowledge.organisation("FN")
    assert actor is not None and (actor.name, actor.country, actor.sector) == (
        "United Nations",
        None,
        "IGO",
    )


def test_organisation_name_of_two_countries_stays_unknown(knowledge: ActorKnowledge) -> None:
    assert knowledge.organisation("Unity Party") is None


def test_equal_titles_dates_and_name_words_are_held_once(knowledge: ActorKnowledge) -> None:
    """Records built from separately parsed JSON share one object per equal value."""
    import copy
    import pickle

    fresh = ActorKnowledge(copy.deepcopy(TABLE))
    peter, mary = fresh.persons[4], fresh.persons[5]
    assert peter.roles[0].title is mary.roles[0].title
    assert fresh.persons[2].roles[0].title is fresh.persons[3].roles[0].title
    assert fresh.by_last["smith"][0][1][-1] is fresh.by_last["smith"][1][1][-1]
    assert not hasattr(fresh, "_interned")
    loaded = pickle.loads(pickle.dumps(fresh))
    assert loaded.persons == knowledge.persons and loaded.names == knowledge.names
    assert loaded.persons[4].roles[0].title is loaded.persons[5].roles[0].title


def test_actors_are_made_from_their_rows_when_first_asked_for() -> None:
    import copy
    import pickle

    fresh = ActorKnowledge(copy.deepcopy(TABLE))
    persons = fresh.persons
    assert isinstance(persons, Actors) and len(persons) == len(TABLE["persons"])
    assert persons._made == {}
    first = persons[0]
    assert persons[0] is first and persons[-len(persons)] is first
    assert (first.id, first.name) == persons.row(0)[:2]
    assert all(isinstance(role, Role) for actor in persons for role in actor.roles)
    assert persons[1:3] == [persons[1], persons[2]]
    loaded = pickle.loads(pickle.dumps(fresh))
    assert loaded.persons._made == {}
    assert loaded.persons == persons and list(loaded.persons) == list(persons)
    assert loaded.persons != persons[:-1]
