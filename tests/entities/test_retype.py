"""Types from the knowledge, the gazetteer and organisation heads win over the NER's label."""

from __future__ import annotations

from newsgraph.entities import find_entities
from newsgraph.model import Article

from .article_builder import build_article


def _types(article: Article) -> dict[str, str]:
    return {entity.name: entity.type for entity in find_entities(article)}


def _dated(article: Article, day: str) -> Article:
    article.meta.published = day
    return article


def test_ruler_surname_typed_as_a_place_is_a_person() -> None:
    article = _dated(
        build_article(
            "Regjeringen svarte Macron i går. Frankrike vil ha mer støtte.",
            "nb",
            [("Macron", "LOC"), ("Frankrike", "GPE")],
        ),
        "2023-05-02",
    )
    assert _types(article)["Macron"] == "PER"


def test_known_full_name_typed_as_organisation_is_a_person() -> None:
    article = _dated(
        build_article(
            "Talks ended after Olaf Scholz left Berlin early.",
            "en",
            [("Olaf Scholz", "ORG"), ("Berlin", "GPE")],
        ),
        "2023-05-02",
    )
    assert _types(article)["Olaf Scholz"] == "PER"


def test_unknown_name_after_a_title_is_a_person() -> None:
    article = build_article(
        "The ministry's spokesperson Tendai Morake said the letter was sent.",
        "en",
        [("Tendai Morake", "ORG")],
    )
    assert _types(article)["Tendai Morake"] == "PER"


def test_name_opening_with_a_known_given_name_is_a_person() -> None:
    article = build_article(
        "Borgermesteren i byen, Tomasz Wierzba, meldte om skader.",
        "nb",
        [("Tomasz Wierzba", "ORG")],
    )
    assert _types(article)["Tomasz Wierzba"] == "PER"


def test_organisation_head_makes_an_organisation_and_the_name_grows_over_its_rest() -> None:
    article = build_article(
        "Aid came from the Coastal Development Centre for Fisheries and the Red Sea Council.",
        "en",
        [("Coastal Development Centre", "LOC"), ("Red Sea Council", "PER")],
    )
    found = _types(article)
    assert found["Coastal Development Centre for Fisheries"] == "ORG"
    assert found["Red Sea Council"] == "ORG"


def test_possessive_and_head_after_a_cut_name_join_it() -> None:
    article = build_article(
        "The Mountain Farmers’s Union protested in the capital.",
        "en",
        [("Mountain Farmers", "ORG")],
    )
    assert _types(article) == {"Mountain Farmers’s Union": "ORG"}


def test_compound_head_makes_a_norwegian_party_an_organisation() -> None:
    article = build_article(
        "Lederen i Bondepartiet møtte pressen.", "nb", [("Bondepartiet", "PER")]
    )
    assert _types(article)["Bondepartiet"] == "ORG"


def test_known_organisation_the_ner_missed_is_found() -> None:
    article = build_article(
        "Researchers from Human Rights Watch and the Norwegian Refugee Council visited the camp.",
        "en",
        [],
    )
    found = _types(article)
    assert found["Human Rights Watch"] == "ORG"
    assert found["Norwegian Refugee Council"] == "ORG"


def test_sentence_opening_article_is_not_part_of_a_known_organisation() -> None:
    article = build_article(
        "The European Union sent doctors, and the Norwegian Refugee Council sent tents.",
        "en",
        [],
    )
    found = _types(article)
    assert found.get("European Union") == "ORG"
    assert not any(name.startswith("The ") for name in found)


def test_known_organisation_replaces_the_piece_the_ner_found() -> None:
    article = build_article(
        "Staff of the World Health Organization arrived.",
        "en",
        [("World Health", "LOC")],
    )
    assert _types(article) == {"World Health Organization": "ORG"}


def test_organisation_name_in_lower_case_is_no_mention() -> None:
    article = build_article("They watch human rights watch lists closely.", "en", [])
    assert _types(article) == {}


def test_big_city_of_a_named_country_typed_as_a_person_is_the_city() -> None:
    article = build_article(
        "Droner angrep Lviv i natt. Ukraina ber om mer luftvern.",
        "nb",
        [("Lviv", "PER"), ("Ukraina", "GPE")],
    )
    assert _types(article)["Lviv"] == "GPE"


def test_city_name_stays_a_person_where_its_country_is_not_named() -> None:
    article = build_article(
        "Lviv sa at han ville komme tilbake til Oslo.",
        "nb",
        [("Lviv", "PER"), ("Oslo", "GPE")],
    )
    assert _types(article)["Lviv"] == "PER"


def test_place_the_gazetteer_knows_keeps_its_type_after_a_given_name_rule() -> None:
    article = build_article(
        "Flyktninger kom fra Santa Cruz og Oslo.", "nb", [("Santa Cruz", "GPE"), ("Oslo", "GPE")]
    )
    assert _types(article)["Santa Cruz"] == "GPE"


def test_name_running_into_an_open_parenthesis_ends_before_it() -> None:
    article = build_article(
        "The Harbour Relief Team (medical staff arrived on Monday.",
        "en",
        [("Harbour Relief Team (medical staff", "ORG")],
    )
    assert _types(article) == {"Harbour Relief Team": "ORG"}


def test_title_after_a_place_genitive_is_cut_off() -> None:
    article = build_article(
        "Vi møtte Bergens ordfører etter flommen.", "nb", [("Bergens ordfører", "LOC")]
    )
    assert _types(article) == {"Bergen": "GPE"}


def test_acronym_holding_the_initials_in_order_joins_the_name() -> None:
    article = build_article(
        "The Northern Children's Fund (NOCEF) sent tents. NOCEF staff stayed a week.",
        "en",
        [("Northern Children's Fund", "ORG"), ("NOCEF", "ORG"), ("NOCEF", "ORG")],
    )
    entities = find_entities(article)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Northern Children's Fund", 3)]


def test_surname_without_its_hyphened_particle_joins_the_full_name() -> None:
    article = build_article(
        "Karim Yusuf al-Haddad was hurt. Haddad was taken to hospital.",
        "en",
        [("Karim Yusuf al-Haddad", "PER"), ("Haddad", "PER")],
    )
    persons = [e for e in find_entities(article) if e.type == "PER"]
    assert [(e.name, len(e.mentions)) for e in persons] == [("Karim Yusuf al-Haddad", 2)]


def test_unknown_place_label_before_a_speech_verb_is_a_person() -> None:
    article = build_article(
        "His aunt, Zarifa, told reporters the house shook.",
        "en",
        [("Zarifa", "LOC")],
    )
    assert _types(article)["Zarifa"] == "PER"


def test_known_place_before_a_speech_verb_stays_a_place() -> None:
    article = build_article("Norway said the talks would go on.", "en", [("Norway", "GPE")])
    assert _types(article)["Norway"] == "GPE"


def test_dateline_in_capitals_names_a_salient_place_the_ner_missed() -> None:
    article = build_article("PORTUGAL (News) - The talks ended on Friday.", "en", [])
    assert _types(article) == {"Portugal": "GPE"}


def test_place_before_an_inverted_speech_verb_stays_a_place() -> None:
    article = build_article(
        "Det skjer her i Skibotn, sier Kari Holm.",
        "nb",
        [("Skibotn", "LOC"), ("Kari Holm", "PER")],
    )
    assert _types(article)["Skibotn"] == "LOC"


def test_place_label_on_a_name_opening_with_a_given_name_stays_a_place() -> None:
    article = build_article(
        "Skipet seilte videre til Ivan Sound i går.", "nb", [("Ivan Sound", "LOC")]
    )
    assert _types(article)["Ivan Sound"] == "LOC"


def test_fan_club_named_after_a_person_is_an_organisation_apart_from_the_person() -> None:
    article = build_article(
        "Mira Holt spoke to reporters on Monday. A group called Mira Holt Fan Club now has "
        "2,000 members, and Holt said she was surprised.",
        "en",
        [("Mira Holt", "PER"), ("Mira Holt Fan Club", "PER"), ("Holt", "PER")],
    )
    entities = {entity.name: entity for entity in find_entities(article)}
    assert entities["Mira Holt Fan Club"].type == "ORG"
    assert entities["Mira Holt"].type == "PER"
    assert len(entities["Mira Holt"].mentions) == 2
