"""Actor resolution in the entities stage: knowledge, home country, country_from, canonical ids.

Sentences written for these tests; the knowledge is the shipped resources/common/actors.json.gz.
"""

from __future__ import annotations

from newsgraph.entities import find_entities
from newsgraph.model import Article, Entity

from .article_builder import build_article


def named(entities: list[Entity], name: str) -> Entity:
    return next(e for e in entities if e.name == name)


def dated(article: Article, day: str, publisher: str | None = None) -> Article:
    article.meta.published = day
    article.meta.publisher = publisher
    return article


def test_full_name_gets_country_sector_and_id_from_knowledge() -> None:
    article = build_article(
        "Erna Solberg holdt tale i Bergen om skolen.",
        "nb",
        [("Erna Solberg", "PER"), ("Bergen", "GPE")],
    )
    solberg = named(find_entities(article), "Erna Solberg")
    assert (solberg.country, solberg.country_from) == ("NOR", "knowledge")
    assert solberg.sector == "GOV"
    assert solberg.canonical_id is not None and solberg.canonical_id.startswith("Q")


def test_token_subset_of_a_known_name_resolves() -> None:
    article = build_article(
        "Gahr Støre svarte ikke på spørsmålene i går.", "nb", [("Gahr Støre", "PER")]
    )
    store = named(find_entities(article), "Gahr Støre")
    assert (store.country, store.canonical) == ("NOR", "Jonas Gahr Støre")


def test_transliteration_variants_share_one_canonical_id() -> None:
    nb = build_article(
        "Volodymyr Selenskyj ba om flere våpen.", "nb", [("Volodymyr Selenskyj", "PER")]
    )
    en = build_article(
        "Volodymyr Zelensky asked for more weapons.", "en", [("Volodymyr Zelensky", "PER")]
    )
    first = named(find_entities(nb), "Volodymyr Selenskyj")
    second = named(find_entities(en), "Volodymyr Zelensky")
    assert first.country == second.country == "UKR"
    assert first.canonical_id == second.canonical_id is not None


def test_bare_surname_of_a_leader_in_office_resolves_by_the_article_date() -> None:
    text = "Putin sa at samtalene fortsetter."
    article = dated(build_article(text, "nb", [("Putin", "PER")]), "2023-03-01")
    putin = named(find_entities(article), "Putin")
    assert (putin.country, putin.country_from) == ("RUS", "knowledge")


def test_bare_surname_without_a_date_stays_without_country() -> None:
    article = build_article("Putin sa at samtalene fortsetter.", "nb", [("Putin", "PER")])
    assert named(find_entities(article), "Putin").country is None


def test_bare_surname_of_an_ordinary_minister_stays_without_country() -> None:
    text = "Huitfeldt sa at samtalene fortsetter."
    article = dated(build_article(text, "nb", [("Huitfeldt", "PER")]), "2023-03-01")
    assert named(find_entities(article), "Huitfeldt").country is None


def test_surname_joins_the_full_name_in_the_same_article() -> None:
    text = "Anniken Huitfeldt var i Kyiv. Huitfeldt sa at støtten fortsetter."
    article = build_article(
        text, "nb", [("Anniken Huitfeldt", "PER"), ("Kyiv", "GPE"), ("Huitfeldt", "PER")]
    )
    huitfeldt = named(find_entities(article), "Anniken Huitfeldt")
    assert huitfeldt.country == "NOR" and len(huitfeldt.mentions) == 2


def test_text_stated_country_is_never_overridden_by_knowledge() -> None:
    article = build_article(
        "Den svenske utenriksministeren Erna Solberg kom til Oslo.",
        "nb",
        [("Erna Solberg", "PER"), ("Oslo", "GPE")],
    )
    solberg = named(find_entities(article), "Erna Solberg")
    assert (solberg.country, solberg.country_from) == ("SWE", "title")
    assert solberg.canonical_id != "Q291644"


def test_bare_national_title_takes_the_outlets_country() -> None:
    text = "Forsvarsminister Kari Hansen besøkte leiren i går."
    article = dated(build_article(text, "da", [("Kari Hansen", "PER")]), "2024-05-02", "avisa.se")
    hansen = named(find_entities(article), "Kari Hansen")
    assert (hansen.country, hansen.country_from) == ("SWE", "home")


def test_home_country_falls_back_to_the_language() -> None:
    text = "Forsvarsminister Kari Hansen besøkte leiren i går."
    article = build_article(text, "nb", [("Kari Hansen", "PER")])
    hansen = named(find_entities(article), "Kari Hansen")
    assert (hansen.country, hansen.country_from) == ("NOR", "home")


def test_national_title_of_a_known_foreign_minister_keeps_the_knowledge_country() -> None:
    text = "Utenriksminister Wang Yi møtte pressen i går."
    article = build_article(text, "nb", [("Wang Yi", "PER")])
    wang = named(find_entities(article), "Wang Yi")
    assert (wang.country, wang.country_from) == ("CHN", "knowledge")


def test_english_prime_minister_without_country_or_home_stays_unknown() -> None:
    text = "Prime Minister Kari Hansen visited the camp on Monday."
    article = build_article(text, "en", [("Kari Hansen", "PER")])
    assert named(find_entities(article), "Kari Hansen").country is None


def test_bare_generic_minister_title_gets_no_home_country() -> None:
    text = "Ministerin Kari Hansen besuchte das Lager."
    article = build_article(text, "de", [("Kari Hansen", "PER")])
    assert named(find_entities(article), "Kari Hansen").country is None


def test_person_without_title_or_knowledge_gets_no_home_country() -> None:
    text = "Kari Hansen besøkte leiren i går."
    article = build_article(text, "nb", [("Kari Hansen", "PER")])
    hansen = named(find_entities(article), "Kari Hansen")
    assert (hansen.country, hansen.country_from) == (None, None)
    assert hansen.canonical_id == "per:kari-hansen"


def test_international_body_has_sector_igo_and_no_country() -> None:
    article = build_article("FN ba om våpenhvile.", "nb", [("FN", "ORG")])
    un = named(find_entities(article), "FN")
    assert (un.country, un.sector, un.canonical) == (None, "IGO", "United Nations")


def test_places_record_the_gazetteer_and_a_language_neutral_id() -> None:
    nb = build_article("Russland svarte ikke.", "nb", [("Russland", "GPE")])
    en = build_article("Russia did not answer.", "en", [("Russia", "GPE")])
    first = named(find_entities(nb), "Russland")
    second = named(find_entities(en), "Russia")
    assert first.country_from == "gazetteer"
    assert first.canonical_id == second.canonical_id == "country:RUS"


def test_royal_by_title_and_first_name() -> None:
    text = "Til stede var kong Harald og mange andre."
    article = build_article(text, "nb", [("Harald", "PER")])
    harald = named(find_entities(article), "Harald")
    assert (harald.country, harald.country_from) == ("NOR", "knowledge")


def test_namesake_of_a_minor_office_holder_gets_no_country_without_a_clue() -> None:
    text = "Patrick Simmons played the guitar solo on Friday."
    article = build_article(text, "en", [("Patrick Simmons", "PER")])
    assert named(find_entities(article), "Patrick Simmons").country is None


def test_minor_office_holder_resolves_when_the_article_names_the_country() -> None:
    text = "Patrick Simmons spoke in Grenada on Friday."
    article = build_article(text, "en", [("Patrick Simmons", "PER"), ("Grenada", "GPE")])
    simmons = named(find_entities(article), "Patrick Simmons")
    assert (simmons.country, simmons.country_from) == ("GRD", "knowledge")


def test_private_namesake_sharing_the_end_of_an_officials_name_gets_no_role() -> None:
    # The knowledge holds an ambassador "Bengt Olav Johansen"; this Olav Johansen is a private
    # person in a Norwegian outlet and must not inherit the office's sector.
    text = "Olav Johansen fra Sandnes møtte naboen sin i går."
    article = build_article(text, "nb", [("Olav Johansen", "PER"), ("Sandnes", "GPE")])
    johansen = named(find_entities(article), "Olav Johansen")
    assert johansen.sector is None
    assert johansen.canonical_id is not None and not johansen.canonical_id.startswith("Q")


def test_partial_name_with_the_officials_title_resolves() -> None:
    text = "Ambassadør Olav Johansen møtte utenriksministeren i Bern."
    article = build_article(text, "nb", [("Olav Johansen", "PER"), ("Bern", "GPE")])
    johansen = named(find_entities(article), "Olav Johansen")
    assert (johansen.country, johansen.sector) == ("NOR", "GOV")
