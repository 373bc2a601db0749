"""The PLOVER ontology file: the 16 categories, their modes, legacy names."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events import load_ontology

PLOVER = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]


def test_ontology_has_exactly_the_sixteen_plover_categories() -> None:
    assert list(load_ontology().categories) == PLOVER


def test_consult_modes_include_visit_meeting_phone_and_multilateral() -> None:
    modes = load_ontology().categories["CONSULT"].modes
    assert {"visit", "meeting", "phone", "multilateral"} <= set(modes)


def test_cooperate_is_undirected_and_visits_are_directed() -> None:
    categories = load_ontology().categories
    assert not categories["COOPERATE"].directed
    assert categories["CONSULT"].directed


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("consult", "CONSULT"),
    ],
)
def test_legacy_plover_names_map_to_current_categories(old: str, new: str) -> None:
    assert load_ontology().canonical(old) == new


def test_unknown_category_and_mode_are_config_errors() -> None:
    ontology = load_ontology()
    assert ontology.canonical("PARTY") is None
    with pytest.raises(ConfigError, match="unknown PLOVER category"):
        ontology.category("PARTY")
    with pytest.raises(ConfigError, match="has no mode"):
        ontology.check_mode("CONSULT", "dinner")
