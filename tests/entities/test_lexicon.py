"""Title and organisation-noun readings, and role pattern parsing."""

from __future__ import annotations

import pytest

from newsgraph.entities.lexicon import load_lexicon
from newsgraph.entities.patterns import parse_pattern
from newsgraph.errors import ConfigError


@pytest.mark.parametrize(
    ("phrase", "canonical", "definite", "base"),
    [
        ("forsvarsminister", "Defence Minister", False, "forsvarsminister"),
        ("forsvarsministeren", "Defence Minister", True, "forsvarsminister"),
        ("presidenten", "President", True, "president"),
        ("kongen", "King", True, "konge"),
        ("visestatsminister", "Deputy Prime Minister", False, "visestatsminister"),
        ("helseminister", "Health Minister", False, "helseminister"),
        ("fungerende sentralbanksjef", "Acting Central Bank Governor", False, None),
        ("Nato-sjef", "Chief", False, "Nato-sjef"),
    ],
)
def test_norwegian_titles_read_definite_compound_and_modified_forms(
    phrase: str, canonical: str, definite: bool, base: str | None
) -> None:
    reading = load_lexicon("nb").title(phrase)
    assert reading is not None
    assert (reading.canonical, reading.definite) == (canonical, definite)
    assert reading.base == (base or phrase)


@pytest.mark.parametrize(
    ("phrase", "canonical"),
    [
        ("Secretary of State", "Secretary of State"),
        ("Deputy Foreign Minister", "Deputy Foreign Minister"),
        ("Lt Gen", "Lieutenant General"),
        ("President", "President"),
    ],
)
def test_english_titles_read_multiword_forms(phrase: str, canonical: str) -> None:
    reading = load_lexicon("en").title(phrase)
    assert reading is not None
    assert reading.canonical == canonical


def test_ordinary_words_are_not_titles() -> None:
    assert load_lexicon("nb").title("samtaler") is None
    assert load_lexicon("en").title("meeting") is None


def test_organisation_nouns_read_genitives_and_compounds() -> None:
    lexicon = load_lexicon("nb")
    ministry = lexicon.org_noun("forsvarsdepartementet")
    navy = lexicon.org_noun("marinens")
    compound = lexicon.org_noun("kulturdepartementet")
    assert ministry is not None and ministry.canonical == "Ministry of Defence"
    assert navy is not None and navy.genitive
    assert compound is not None and compound.canonical == "Ministry"


def test_institution_lookup_accepts_the_genitive() -> None:
    institution = load_lexicon("nb").institution("Forsvarets")
    assert institution is not None and institution.country == "NOR"


def test_pattern_with_unknown_slot_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown slot"):
        parse_pattern("{nation} {title} {person}")


def test_pattern_without_person_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"no \{person\}"):
        parse_pattern("{country_gen} {title}")


def test_pattern_literals_take_alternatives_and_optional_marks() -> None:
    pattern = parse_pattern("den|det top? {adj} {title_def} {person}")
    assert pattern.elements[0].words == frozenset({"den", "det"})
    assert pattern.elements[1].optional
    assert pattern.person_index == 4


def test_a_phrase_opening_with_no_word_of_a_longer_title_is_no_title_without_reading_it() -> None:
    from dataclasses import replace

    lexicon = replace(load_lexicon("en"), title_cache={})
    read: list[str] = []
    read_title = lexicon._read_title

    def counted(phrase: str):  # type: ignore[no-untyped-def]
        read.append(phrase)
        return read_title(phrase)

    object.__setattr__(lexicon, "_read_title", counted)
    assert lexicon.title("said on Monday") is None
    assert lexicon.title("the  President") is None
    assert read == []
    for phrase in ("Secretary of State", "Deputy Foreign Minister", "Lt Gen", "Minister"):
        assert lexicon.title(phrase) is not None, phrase
    assert read[0] == "Secretary of State"
