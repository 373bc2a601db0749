"""National institutions named by their own name or seat ("the Kremlin", "Downing Street"):
organisations of their country with a sector, whatever type the NER gave (newsgraph.entities.sources
`institution_mentions`, resources/<lang>/organisations.toml [institutions])."""

from __future__ import annotations

from newsgraph.entities import find_entities
from newsgraph.model import Entity

from .article_builder import build_article


def by_name(entities: list[Entity]) -> dict[str, tuple[str, str | None, str | None]]:
    return {e.name: (e.type, e.country, e.sector) for e in entities}


def test_seat_the_ner_took_for_a_person_is_the_institution() -> None:
    article = build_article(
        "The Kremlin rejected the offer from Oslo on Monday.", "en", [("Kremlin", "PER")]
    )
    assert by_name(find_entities(article))["Kremlin"] == ("ORG", "RUS", "GOV")


def test_seat_the_ner_missed_is_added() -> None:
    article = build_article("Officials at Foggy Bottom welcomed the ceasefire.", "en")
    assert by_name(find_entities(article))["Foggy Bottom"] == ("ORG", "USA", "GOV")


def test_parliament_by_its_own_name_is_legislative() -> None:
    article = build_article("Stortinget vedtok budsjettet i natt.", "nb", [("Stortinget", "LOC")])
    assert by_name(find_entities(article))["Stortinget"] == ("ORG", "NOR", "LEG")


def test_foreign_seat_in_norwegian() -> None:
    article = build_article("Kreml avviste kravet fra Brussel tirsdag.", "nb")
    assert by_name(find_entities(article))["Kreml"][:2] == ("ORG", "RUS")


def test_french_seat_with_its_article() -> None:
    article = build_article(
        "Le Quai d'Orsay a convoqué l'ambassadeur.", "fr", [("Quai d'Orsay", "LOC")]
    )
    assert by_name(find_entities(article))["Quai d'Orsay"] == ("ORG", "FRA", "GOV")


def test_military_institution_is_military() -> None:
    article = build_article("Die Bundeswehr schickt Soldaten nach Litauen.", "de")
    assert by_name(find_entities(article))["Bundeswehr"] == ("ORG", "DEU", "MIL")


def test_common_noun_form_is_not_taken_alone() -> None:
    # "Regjeringen" opening a sentence is the common noun; the NER did not tag it, so no name
    article = build_article("Regjeringen i Kenya la fram en ny plan.", "nb")
    assert "Regjeringen" not in by_name(find_entities(article))


def test_longer_name_holding_the_seat_keeps_its_reading() -> None:
    article = build_article(
        "White House spokesman Tom Hale said nothing.",
        "en",
        [("Tom Hale", "PER")],
    )
    found = by_name(find_entities(article))
    assert found["Tom Hale"][0] == "PER"


def test_name_inside_a_hyphenated_compound_is_no_mention() -> None:
    article = build_article("Ekspertene kaller det en Kreml-vennlig kampanje.", "nb")
    assert "Kreml" not in by_name(find_entities(article))


def test_body_named_again_without_its_country_keeps_it() -> None:
    article = build_article(
        "Iraq's foreign ministry summoned the envoy. The foreign ministry said talks would go on.",
        "en",
    )
    entities = find_entities(article)
    ministries = [e for e in entities if "ministry" in e.name.lower()]
    assert ministries and all(e.country == "IRQ" for e in ministries)
    assert any(m.text == "foreign ministry" for e in ministries for m in e.mentions)


def test_bare_body_after_two_countries_bodies_stays_open() -> None:
    article = build_article(
        "Iraq's foreign ministry and Turkey's foreign ministry met. The foreign ministry said no.",
        "en",
    )
    entities = find_entities(article)
    bare = [m for e in entities for m in e.mentions if m.text == "foreign ministry"]
    assert bare == []


def test_bare_body_with_no_earlier_country_stays_open() -> None:
    article = build_article("The foreign ministry said talks would go on.", "en")
    assert all(e.country is None for e in find_entities(article))


def test_seat_in_the_genitive_is_the_name_without_the_possessive_and_no_part_of_a_longer_word() -> (
    None
):
    article = build_article("The Kremlin's spokesman met Kremlinology students.", "en")
    kremlin = [e for e in find_entities(article) if e.name.startswith("Kremlin")]
    assert [(e.name, e.type, e.country) for e in kremlin] == [("Kremlin", "ORG", "RUS")]
    assert [(m.start, m.end) for m in kremlin[0].mentions] == [(4, 11)]


def test_norwegian_seat_with_a_genitive_s_is_found_and_an_absent_seat_is_not() -> None:
    article = build_article("Kremls talsperson avviste kravet.", "nb")
    names = by_name(find_entities(article))
    assert names.get("Kremls", names.get("Kreml", ("", None, None)))[:2] == ("ORG", "RUS")
    assert "Stortinget" not in names
