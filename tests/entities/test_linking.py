"""The linking API the quotes stage uses for role nouns and pronouns."""

from __future__ import annotations

from newsgraph.entities import entity_at, find_entities, last_person_before, resolve_role_noun
from newsgraph.model import Article

from .article_builder import build_article

TEXT = (
    "Russlands forsvarsminister Igor Volkov møtte den kinesiske forsvarsministeren Li Ming. "
    "Kinas president Zhou Hua var ikke til stede. "
    "Han sa at samarbeidet er godt, sa den kinesiske forsvarsministeren."
)


def article() -> Article:
    built = build_article(
        TEXT, "nb", [("Igor Volkov", "PER"), ("Li Ming", "PER"), ("Zhou Hua", "PER")]
    )
    built.entities = find_entities(built)
    return built


def test_role_noun_resolves_to_the_person_with_that_title_and_country() -> None:
    built = article()
    offset = TEXT.rindex("den kinesiske")
    found = resolve_role_noun(built, offset, ["den", "kinesiske", "forsvarsministeren"])
    assert found is not None
    assert built.entity(found).name == "Li Ming"  # type: ignore[union-attr]


def test_role_noun_country_rules_out_other_holders_of_the_title() -> None:
    built = article()
    found = resolve_role_noun(built, len(TEXT), "den russiske forsvarsministeren")
    assert built.entity(found).name == "Igor Volkov"  # type: ignore[union-attr]


def test_role_noun_without_a_holder_resolves_to_none() -> None:
    assert resolve_role_noun(article(), len(TEXT), "statsministeren") is None
    assert resolve_role_noun(article(), len(TEXT), "samarbeidet") is None


def test_last_person_before_an_offset() -> None:
    built = article()
    found = last_person_before(built, TEXT.index("Han sa"))
    assert built.entity(found).name == "Zhou Hua"  # type: ignore[union-attr]
    assert last_person_before(built, 0) is None


def test_last_person_before_can_exclude_and_limit_distance() -> None:
    built = article()
    zhou = entity_at(built, TEXT.index("Zhou"))
    offset = TEXT.index("Han sa")
    found = last_person_before(built, offset, exclude={zhou})  # type: ignore[arg-type]
    assert built.entity(found).name == "Li Ming"  # type: ignore[union-attr]
    assert last_person_before(built, offset, max_sentences=0) is None


def test_entity_at_finds_the_entity_of_a_mention() -> None:
    built = article()
    found = entity_at(built, TEXT.index("Volkov"))
    assert built.entity(found).name == "Igor Volkov"  # type: ignore[union-attr]
    assert entity_at(built, TEXT.index("møtte")) is None
