"""Filter validation: every spelling an analyst uses resolves, anything else names the choices."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.errors import FilterError
from newsgraph.service import filters
from newsgraph.settings import IDENTIFIED_LANGUAGES

VOCAB = filters.vocabulary(tuple(IDENTIFIED_LANGUAGES))
TODAY = date(2024, 3, 31)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("NOR", "NOR"),
        ("no", "NOR"),
        ("Norway", "NOR"),
        ("Norge", "NOR"),
        ("Russland", "RUS"),
        ("Deutschland", "DEU"),
        ("Kina", "CHN"),
        ("united states", "USA"),
        ("Sverige", "SWE"),
    ],
)
def test_country_resolves_codes_and_names_in_supported_languages(value: str, code: str) -> None:
    assert filters.country(value, VOCAB) == code


def test_unknown_country_is_an_error_with_suggestions_and_codes() -> None:
    with pytest.raises(FilterError) as caught:
        filters.country("Norwey", VOCAB)
    assert caught.value.field == "country"
    assert "norway" in str(caught.value)
    assert "NOR" in caught.value.choices


def test_category_accepts_plover_legacy_names_and_cameo_roots() -> None:
    assert filters.categories("consult", VOCAB) == ["CONSULT"]
    assert filters.categories("FIGHT", VOCAB) == ["ASSAULT"]
    assert filters.categories("14", VOCAB) == ["PROTEST"]
    assert filters.categories("CAMEO 190", VOCAB) == ["ASSAULT"]
    assert set(filters.categories("08", VOCAB)) == {"CONCEDE", "RETREAT"}


def test_cameo_root_without_plover_category_is_an_error_saying_so() -> None:
    with pytest.raises(FilterError, match="no PLOVER category"):
        filters.categories("01", VOCAB)


def test_unknown_category_lists_the_plover_categories() -> None:
    with pytest.raises(FilterError) as caught:
        filters.categories("MEET", VOCAB)
    assert "CONSULT" in caught.value.choices and "ASSAULT" in caught.value.choices


def test_mode_must_belong_to_a_chosen_category() -> None:
    assert filters.mode("Visit", ["CONSULT"]) == "visit"
    with pytest.raises(FilterError, match="modes of CONSULT"):
        filters.mode("airstrike", ["CONSULT"])


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2024-10-14", False, "2024-10-14"),
        ("2024-02", True, "2024-02-29"),
        ("2024-02", False, "2024-02-01"),
        ("2023", True, "2023-12-31"),
        ("yesterday", False, "2024-03-30"),
        ("today", False, "2024-03-31"),
        ("7d", False, "2024-03-24"),
        ("2w", False, "2024-03-17"),
        ("1m", False, "2024-02-29"),
        ("1y", False, "2023-03-31"),
        ("2024-10-14T08:30:00+02:00", False, "2024-10-14"),
    ],
)
def test_dates_accept_iso_and_relative_forms(value: str, end: bool, expected: str) -> None:
    assert filters.day(value, TODAY, field="since", end=end) == expected


@pytest.mark.parametrize("value", ["last week", "2024-13-01", "2024-02-30", "14/10/2024", "-3d"])
def test_malformed_dates_are_errors_naming_the_forms(value: str) -> None:
    with pytest.raises(FilterError, match="yesterday, 7d"):
        filters.day(value, TODAY, field="since")


def test_language_accepts_codes_and_names_and_refuses_the_rest() -> None:
    assert filters.language("nb", VOCAB) == "nb"
    assert filters.language("English", VOCAB) == "en"
    assert filters.language("norsk bokmål", VOCAB) == "nb"
    with pytest.raises(FilterError, match="languages: nb"):
        filters.language("klingon", VOCAB)


def test_dyad_splits_codes_and_hyphenated_names() -> None:
    assert filters.dyad("USA-CHN", VOCAB) == ["USA", "CHN"]
    assert filters.dyad("Norway, Russia", VOCAB) == ["NOR", "RUS"]
    assert filters.dyad("Guinea-Bissau-Norway", VOCAB) == ["GNB", "NOR"]
    with pytest.raises(FilterError, match="two countries"):
        filters.dyad("Norway", VOCAB)


def test_duplicate_relation_is_validated() -> None:
    assert filters.relation("Translation") == "translation"
    with pytest.raises(FilterError, match="exact, copy, rewrite, translation"):
        filters.relation("clone")
