"""NER spans become mentions: other label schemes map in, edges are trimmed, junk is dropped."""

from __future__ import annotations

from newsgraph.entities import find_entities

from .article_builder import build_article


def test_other_label_schemes_map_to_entity_types() -> None:
    article = build_article(
        "Maria Costa flew to Lisbon for Web Summit with French officials.",
        "en",
        [
            ("Maria Costa", "PERSON"),
            ("Lisbon", "GPE_LOC"),
            ("Web Summit", "EVENT"),
            ("French", "NORP"),
        ],
    )
    found = {e.name: e.type for e in find_entities(article)}
    assert found == {"Maria Costa": "PER", "Lisbon": "GPE", "Web Summit": "EVT"}


def test_punctuation_around_a_span_is_trimmed_but_abbreviation_dots_stay() -> None:
    article = build_article(
        '"Kari Nordmann," she said of the U.S.',
        "en",
        [('"Kari Nordmann,"', "PER"), ("U.S.", "LOC")],
    )
    found = [(e.name, [m.text for m in e.mentions]) for e in find_entities(article)]
    assert found == [("Kari Nordmann", ["Kari Nordmann"]), ("United States", ["U.S."])]


def test_agency_mark_glued_to_a_dash_is_cut_from_the_front_of_a_name() -> None:
    article = build_article(
        "AFP- Maria Costa said on Saturday that Nord- og Sør-Korea must talk.",
        "en",
        [("AFP- Maria Costa", "PER"), ("Nord- og Sør-Korea", "LOC")],
    )
    found = [[m.text for m in e.mentions] for e in find_entities(article)]
    assert ["Maria Costa"] in found
    assert not any("- Maria" in text for mentions in found for text in mentions)
    assert any(text.startswith("Nord-") for mentions in found for text in mentions)


def test_derived_names_are_not_entities() -> None:
    article = build_article("Oslo-mannen kom hjem.", "nb", [("Oslo-mannen", "DRV")])
    assert find_entities(article) == []


def test_untagged_repeat_of_a_known_surname_becomes_a_mention() -> None:
    article = build_article(
        "Statsminister Olav Dahl kom i går. Dahl sa at alt gikk bra.",
        "nb",
        [("Olav Dahl", "PER")],
    )
    dahl = next(e for e in find_entities(article) if e.type == "PER")
    assert [m.text for m in dahl.mentions] == ["Olav Dahl", "Dahl"]


def test_mislabelled_name_after_a_title_becomes_a_person() -> None:
    article = build_article(
        "Hun møtte utenriksminister Wei Tan i går.", "nb", [("Wei Tan", "PROD")]
    )
    tan = next(iter(find_entities(article)))
    assert (tan.type, tan.titles[0].canonical) == ("PER", "Foreign Minister")


def test_sentence_initial_function_word_tagged_as_a_name_is_dropped() -> None:
    article = build_article(
        "Under møtet talte Kari Lund.",
        "nb",
        [("Under", "ORG"), ("Kari Lund", "PER")],
        pos={"Under": "ADP"},
    )
    assert [e.name for e in find_entities(article)] == ["Kari Lund"]


def test_title_and_name_swallowed_into_an_organisation_span_becomes_a_titled_person() -> None:
    article = build_article(
        "Polish Foreign Minister Jan Nowak said talks failed.",
        "en",
        [("Polish Foreign Minister Jan Nowak", "ORG")],
    )
    nowak = next(iter(find_entities(article)))
    assert (nowak.name, nowak.type, nowak.country) == ("Jan Nowak", "PER", "POL")
    assert nowak.titles[0].canonical == "Foreign Minister"


def test_full_name_mistyped_as_organisation_joins_the_person_seen_elsewhere() -> None:
    article = build_article(
        "Han ble avløst av Lin Bo, som kom i mai. Men Lins karriere ble kort.",
        "nb",
        [("Lin Bo", "ORG"), ("Lins", "PER")],
        pos={"karriere": "NOUN"},
    )
    people = [e for e in find_entities(article) if e.type == "PER"]
    assert [(p.name, [m.text for m in p.mentions]) for p in people] == [
        ("Lin Bo", ["Lin Bo", "Lins"])
    ]


def test_language_without_resources_still_finds_places() -> None:
    article = build_article("La délégation est allée de Moscou en Allemagne.", "fr")
    found = {(e.name, e.type, e.country) for e in find_entities(article)}
    assert found == {("Moscou", "GPE", "RUS"), ("Allemagne", "GPE", "DEU")}


def test_small_home_towns_and_place_compounds_get_their_country() -> None:
    article = build_article(
        "Soldatene kom fra Kirkenes til Troms. Skipet lå ved Krym-halvøya.",
        "nb",
        [("Kirkenes", "GPE_LOC"), ("Troms", "GPE_LOC"), ("Krym-halvøya", "LOC")],
    )
    found = {e.mentions[0].text: (e.name, e.type, e.country) for e in find_entities(article)}
    assert found == {
        "Kirkenes": ("Kirkenes", "GPE", "NOR"),
        "Troms": ("Troms", "GPE", "NOR"),
        "Krym-halvøya": ("Krim", "GPE", "UKR"),
    }


def test_a_capitalised_function_word_is_no_place_from_the_gazetteer() -> None:
    # "Para" opens the Spanish sentence ("for"); the gazetteer also knows Pará in Brazil.
    article = build_article("Para ello, el gobierno de Cuba convocó a los ministros.", "es", [])
    assert [e.name for e in find_entities(article)] == ["Cuba"]


def test_a_place_written_in_capitals_is_kept_even_when_its_letters_spell_a_function_word() -> None:
    article = build_article("US officials met in Geneva.", "en", [])
    assert "United States" in [e.name for e in find_entities(article)]


def test_a_province_of_a_named_country_taken_for_a_person_is_a_place() -> None:
    article = build_article(
        "Floods hit Guangdong on Tuesday, officials in China said.",
        "en",
        [("Guangdong", "PER"), ("China", "GPE")],
    )
    found = {e.name: (e.type, e.country) for e in find_entities(article)}
    assert found["Guangdong"] == ("GPE", "CHN")


def test_a_province_named_like_a_known_person_stays_a_person_without_its_country() -> None:
    article = build_article(
        "Victoria said on Tuesday that the talks would go on.", "en", [("Victoria", "PER")]
    )
    assert [(e.name, e.type) for e in find_entities(article)] == [("Victoria", "PER")]


def test_place_name_opening_a_longer_name_is_no_place_in_a_language_without_a_name_model() -> None:
    speech = build_article("La diputada Victoria Moreno Sanz habló ayer en Buenos Aires.", "es")
    assert [e.name for e in find_entities(speech)] == ["Buenos Aires"]
    trip = build_article("Mañana la diputada viaja a Victoria con Sanz.", "es")
    assert [e.name for e in find_entities(trip)] == ["Victoria"]
