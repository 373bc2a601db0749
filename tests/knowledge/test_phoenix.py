"""Reading the TABARI actor format of the Phoenix dictionaries (lines written for this test)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.knowledge.phoenix import display_name, parse_code, read_entries

DICTIONARY = """# a comment
KARI_NORDLAND_  # CountryInfo.txt
+K._NORDLAND_
\t[NORGOV 050301-100131]
\t[NORMIL >100201]
EXAMPLE_TREATY_ORGANIZATION_ [IGOWSTNAT]
ROMANIA_  [ROM]
"""


def test_entries_keep_synonyms_codes_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    person, body, country = list(read_entries(path))
    assert (person.name, person.aliases, person.dated) == ("Kari Nordland", ["K. Nordland"], True)
    assert [(c.country, c.sector, c.start, c.end) for c in person.codes] == [
        ("NOR", "GOV", "2005-03-01", "2010-01-31"),
        ("NOR", "MIL", "2010-02-01", None),
    ]
    assert (body.name, body.codes[0].country, body.codes[0].sector) == (
        "Example Treaty Organization",
        None,
        "IGO",
    )
    assert country.codes[0].country == "ROU"


def test_until_date_and_two_digit_years() -> None:
    code = parse_code("RUSGOV", "<991231", None)
    assert (code.start, code.end) == (None, "1999-12-31")
    assert parse_code("CHNGOV", "20021115", "20130314").end == "2013-03-14"


def test_display_name_from_underscored_upper_case() -> None:
    assert display_name("HU_JINTAO_") == "Hu Jintao"


def test_codes_that_name_no_country_give_none() -> None:
    # Phoenix also writes regional and private prefixes (Western European Union, a party code)
    # where a country would stand: they must not become countries of an actor.
    assert parse_code("WEUIGO", None, None).country is None
    assert parse_code("KKLPTY", None, None).country is None
    assert parse_code("ANGREB", None, None).country == "AGO"
    assert parse_code("KSVGOV", None, None).country == "XKX"
    assert parse_code("NORGOV", None, None).country == "NOR"
