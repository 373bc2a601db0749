"""The gazetteer: country names, genitives and adjectives in nb and en, cities, seas, regions."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import gazetteer
from newsgraph.gazetteer import load_adjectives, load_gazetteer, nationality_adjectives
from newsgraph.resources.compiled import CACHE_ENV


def country_of(lang: str, surface: str, form: str) -> str | None:
    match = load_gazetteer(lang).best(surface, (form,))  # type: ignore[arg-type]
    return match.place.country if match else None


@pytest.mark.parametrize(
    ("surface", "country"),
    [("Russlands", "RUS"), ("Kinas", "CHN"), ("USAs", "USA"), ("Norges", "NOR"), ("Laos'", "LAO")],
)
def test_norwegian_genitives_name_their_country(surface: str, country: str) -> None:
    assert country_of("nb", surface, "genitive") == country


def test_norwegian_genitive_reads_back_to_the_base_name() -> None:
    match = load_gazetteer("nb").best("Russlands")
    assert match is not None
    assert (match.form, match.base, match.place.name) == ("genitive", "Russland", "Russland")
    assert match.place.canonical == "Russia"


@pytest.mark.parametrize(
    ("surface", "country"),
    [
        ("russiske", "RUS"),
        ("russisk", "RUS"),
        ("kinesiske", "CHN"),
        ("amerikanske", "USA"),
        ("britiske", "GBR"),
        ("nordkoreanske", "PRK"),
        ("vietnamesiske", "VNM"),
        ("laotiske", "LAO"),
        ("kambodsjanske", "KHM"),
        ("palestinske", "PSE"),
    ],
)
def test_norwegian_nationality_adjectives_name_their_country(surface: str, country: str) -> None:
    assert country_of("nb", surface, "adjective") == country


@pytest.mark.parametrize(
    ("surface", "country"),
    [
        ("Chinese", "CHN"),
        ("Russian", "RUS"),
        ("North Korean", "PRK"),
        ("American", "USA"),
        ("Ukrainian", "UKR"),
        ("French", "FRA"),
        ("Nepali", "NPL"),
    ],
)
def test_english_nationality_adjectives_name_their_country(surface: str, country: str) -> None:
    assert country_of("en", surface, "adjective") == country


@pytest.mark.parametrize(
    ("surface", "country"),
    [("Russia's", "RUS"), ("China’s", "CHN"), ("North Korea's", "PRK")],
)
def test_english_genitives_name_their_country(surface: str, country: str) -> None:
    assert country_of("en", surface, "genitive") == country


@pytest.mark.parametrize(
    ("lang", "surface", "country"),
    [("en", "U.S.", "USA"), ("en", "Britain", "GBR"), ("nb", "Storbritannia", "GBR")],
)
def test_short_and_common_country_names_come_from_the_lexicon(
    lang: str, surface: str, country: str
) -> None:
    assert country_of(lang, surface, "name") == country


def test_words_that_only_look_like_adjectives_are_not_adjectives() -> None:
    gazetteer = load_gazetteer("nb")
    assert gazetteer.best("nye taiwanske") is None
    assert gazetteer.adjective_country("thai") is None


def test_cities_carry_their_country_and_coordinates_and_exonyms() -> None:
    gazetteer = load_gazetteer("nb")
    moscow = gazetteer.best("Moskva")
    assert moscow is not None
    assert moscow.place.kind == "city"
    assert moscow.place.country == "RUS"
    assert moscow.place.canonical == "Moscow"
    assert moscow.place.lat == pytest.approx(55.75, abs=0.1)
    peking = gazetteer.best("Peking")
    assert peking is not None
    assert peking.place.canonical == "Beijing"


def test_oceans_are_locations_without_country_in_both_languages() -> None:
    nb = load_gazetteer("nb").best("Stillehavet")
    en = load_gazetteer("en").best("Pacific Ocean")
    assert nb is not None and en is not None
    assert nb.place.key == en.place.key
    assert (nb.place.type, nb.place.country, nb.place.canonical) == ("LOC", None, "Pacific Ocean")
    assert nb.place.lat is not None


def test_continents_have_local_names() -> None:
    europe = load_gazetteer("nb").best("Europa")
    assert europe is not None
    assert europe.place.kind == "continent"


def test_countries_get_a_population_centre_and_names_per_language() -> None:
    russia_nb = load_gazetteer("nb").country("RUS")
    russia_en = load_gazetteer("en").country("RUS")
    assert russia_nb is not None and russia_en is not None
    assert (russia_nb.name, russia_en.name, russia_nb.canonical) == ("Russland", "Russia", "Russia")
    assert russia_nb.lat is not None and russia_nb.lon is not None


def test_english_names_are_understood_in_norwegian_text() -> None:
    assert country_of("nb", "Ukraine", "name") == "UKR"


def test_nynorsk_uses_the_bokmal_gazetteer() -> None:
    assert load_gazetteer("nn") is load_gazetteer("nb")


def test_nationality_adjectives_lists_base_forms() -> None:
    assert nationality_adjectives("en", "RUS") == ("Russian",)
    assert "amerikansk" in nationality_adjectives("nb", "USA")


def test_nationality_adjectives_are_read_back_from_the_resource_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    gazetteer._adjectives.cache_clear()
    try:
        load_adjectives("en")
        assert len(list(tmp_path.glob("adjectives-en-*.pickle"))) == 1
        gazetteer._adjectives.cache_clear()
        assert nationality_adjectives("en", "RUS") == ("Russian",)
    finally:
        gazetteer._adjectives.cache_clear()


def test_language_without_resources_gets_cldr_names() -> None:
    assert country_of("fr", "Russie", "name") == "RUS"
    assert country_of("fr", "Allemagne", "name") == "DEU"


def test_language_unknown_to_cldr_gets_the_english_gazetteer() -> None:
    assert load_gazetteer("qqq") is load_gazetteer("en")


def test_us_states_are_places_in_the_united_states_ranked_after_cities() -> None:
    gazetteer = load_gazetteer("en")
    texas = gazetteer.best("Texas")
    assert texas is not None
    assert (texas.place.kind, texas.place.country) == ("state", "USA")
    assert texas.place.lat is not None
    washington = gazetteer.best("Washington")
    assert washington is not None and washington.place.kind == "city"


def test_first_level_subdivisions_give_their_country_without_diacritics() -> None:
    gazetteer = load_gazetteer("en")
    state = gazetteer.best("Uttarakhand")
    assert state is not None
    assert (state.place.kind, state.place.country, state.salient) == ("state", "IND", False)
    province = gazetteer.best("Guangdong")
    assert province is not None and province.place.country == "CHN"


def test_subdivisions_never_displace_cities_or_take_ordinary_words() -> None:
    gazetteer = load_gazetteer("en")
    berlin = gazetteer.best("Berlin")
    assert berlin is not None and berlin.place.kind == "city"
    assert all(m.place.kind != "state" for m in gazetteer.lookup("Western"))


def test_white_house_is_not_a_translated_city_name() -> None:
    assert load_gazetteer("en").lookup("White House") == []


def test_counties_newer_than_the_iso_data_are_norwegian_subdivisions() -> None:
    gazetteer = load_gazetteer("nb")
    for county in ("Troms", "Finnmark", "Akershus"):
        found = gazetteer.best(county)
        assert found is not None
        assert (found.place.kind, found.place.country, found.salient) == ("state", "NOR", False)


def test_small_towns_of_the_home_country_type_places_but_are_not_salient() -> None:
    found = load_gazetteer("nb").best("Kautokeino")
    assert found is not None
    assert (found.place.kind, found.place.country, found.salient) == ("city", "NOR", False)
    assert found.place.population < 15_000
    # English news has no one home country: its gazetteer keeps to cities of 15,000+.
    assert load_gazetteer("en").best("Kautokeino") is None


def test_a_city_own_name_beats_an_alternate_name_of_a_bigger_city() -> None:
    found = load_gazetteer("en").best("Islamabad")
    assert found is not None and found.place.country == "PAK"
    moscow = load_gazetteer("nb").best("Moskva")
    assert moscow is not None and moscow.place.country == "RUS"


@pytest.mark.parametrize(
    ("lang", "surface", "country"),
    [("nb", "Krim-halvøya", "UKR"), ("nb", "Krym-halvøya", "UKR"), ("de", "Gaza-Streifen", "PSE")],
)
def test_compound_with_a_generic_place_noun_names_its_first_part(
    lang: str, surface: str, country: str
) -> None:
    gazetteer = load_gazetteer(lang)
    assert gazetteer.lookup(surface) == []
    found = gazetteer.compound(surface)
    assert found is not None and found.place.country == country


def test_compound_with_another_last_part_names_nothing() -> None:
    gazetteer = load_gazetteer("nb")
    assert gazetteer.compound("Russland-kritikken") is None
    assert gazetteer.compound("halvøya") is None


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_known_organisations_name_is_no_other_spelling_or_genitive_of_a_city(lang: str) -> None:
    gazetteer = load_gazetteer(lang)
    # GeoNames spells Hamm "Hamas" in some language; in Norwegian "Hamas" is also Hama's genitive.
    assert gazetteer.lookup("Hamas") == []
    hamm = gazetteer.best("Hamm")
    assert hamm is not None and hamm.place.country == "DEU"
    hama = gazetteer.best("Hama")
    assert hama is not None and hama.place.country == "SYR"


@pytest.mark.parametrize(
    ("lang", "surface", "form", "country"),
    [
        ("en", "PRC", "name", "CHN"),
        ("en", "Macedonia", "name", "MKD"),
        ("en", "Macedonian", "adjective", "MKD"),
        ("en", "East Timor", "name", "TLS"),
        ("en", "East Timorese", "adjective", "TLS"),
        ("en", "Kampuchea", "name", "KHM"),
        ("nb", "Makedonia", "name", "MKD"),
        ("sv", "Makedonien", "name", "MKD"),
        ("de", "Mazedonien", "name", "MKD"),
        ("fr", "Macédoine", "name", "MKD"),
    ],
)
def test_former_and_short_country_names_still_common_in_news(
    lang: str, surface: str, form: str, country: str
) -> None:
    assert country_of(lang, surface, form) == country


def test_a_phrase_whose_first_word_starts_no_surface_names_nothing_without_a_look_up() -> None:
    found = load_gazetteer("nb")
    looked_up: list[str] = []
    matches = found._matches

    def counted(surface):  # type: ignore[no-untyped-def]
        looked_up.append(surface)
        return matches(surface)

    found._matches = counted  # type: ignore[method-assign]
    try:
        assert found.lookup("i går sa") == []
        assert found.best("Statsministeren  i Kina") is None
        assert looked_up == []
        assert found.best("Nord-Korea") is not None
        assert [m.place.country for m in found.lookup("New  York")][:1] == ["USA"]
        assert looked_up == ["Nord-Korea", "New York"]
    finally:
        del found._matches
