"""News outlets and speech sources: organisations, never places."""

from __future__ import annotations

from newsgraph.entities import find_entities
from newsgraph.model import Entity

from .article_builder import build_article


def by_name(entities: list[Entity]) -> dict[str, tuple[str, str | None]]:
    return {e.name: (e.type, e.country) for e in entities}


def test_outlet_the_ner_called_a_place_is_an_organisation_with_its_country() -> None:
    article = build_article(
        "The mayor told CNN that the bridge would reopen.", "en", [("CNN", "LOC")]
    )
    assert by_name(find_entities(article)) == {"CNN": ("ORG", "USA")}


def test_outlet_name_that_is_also_a_town_is_the_outlet() -> None:
    article = build_article(
        "The plan was approved, Xinhua reported on Friday.", "en", [("Xinhua", "GPE")]
    )
    assert by_name(find_entities(article))["Xinhua"] == ("ORG", "CHN")


def test_outlet_the_ner_missed_is_added() -> None:
    article = build_article("Det bekrefter politiet overfor NTB søndag.", "nb")
    assert by_name(find_entities(article)) == {"NTB": ("ORG", "NOR")}


def test_unknown_place_label_after_a_speech_addressee_cue_becomes_organisation() -> None:
    article = build_article(
        "– Vi er klare, sa hun til Morgenposten onsdag.", "nb", [("Morgenposten", "GPE")]
    )
    assert by_name(find_entities(article)) == {"Morgenposten": ("ORG", None)}


def test_untagged_single_name_after_told_becomes_organisation() -> None:
    article = build_article("The minister told Kvitfjell Radio nothing, he told Lokalposten.", "en")
    found = by_name(find_entities(article))
    assert found == {"Lokalposten": ("ORG", None)}


def test_untagged_name_after_an_inverted_speech_verb_stays_unknown() -> None:
    article = build_article("The talks failed, said Hargreave.", "en")
    assert find_entities(article) == []


def test_country_as_source_stays_a_country() -> None:
    article = build_article("According to Russia, the ship sank.", "en", [("Russia", "GPE")])
    assert by_name(find_entities(article)) == {"Russia": ("GPE", "RUS")}


def test_person_after_told_stays_a_person() -> None:
    article = build_article(
        "Anna Berg called. He told Berg the news.",
        "en",
        [("Anna Berg", "PER")],
    )
    entities = find_entities(article)
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [("Anna Berg", "PER", 2)]


def test_german_plain_noun_after_laut_is_no_organisation() -> None:
    text = "Bis 2030 würden laut Marktprognosen viele Flugzeuge gebaut."
    assert "Marktprognosen" not in by_name(find_entities(build_article(text, "de")))


def test_german_recurring_word_after_laut_is_an_organisation() -> None:
    text = "Das sei laut Bundesrechnungsamt illegal. Das Bundesrechnungsamt prüft den Fall."
    found = by_name(find_entities(build_article(text, "de")))
    assert found.get("Bundesrechnungsamt", ("", None))[0] == "ORG"


def test_german_acronym_after_laut_is_an_organisation() -> None:
    text = "Laut WDR ist die Strecke gesperrt."
    assert by_name(find_entities(build_article(text, "de"))).get("WDR", ("", None))[0] == "ORG"
