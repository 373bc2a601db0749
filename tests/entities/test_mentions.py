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
