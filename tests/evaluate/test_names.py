from newsgraph.evaluate.names import GoldNames, entity_names, normalise

from .builders import HOLM


def test_normalise_folds_case_width_and_whitespace() -> None:
    assert normalise("  KARI\u00a0\n Holm ") == "kari holm"
    assert normalise("ＯＳＬＯ") == "oslo"


def test_entity_names_include_name_and_mention_texts() -> None:
    assert entity_names(HOLM) == {"kari holm", "holm"}


def test_gold_names_expand_a_name_to_its_entity_aliases() -> None:
    names = GoldNames([{"name": "Kari Holm", "aliases": ["Holm", "K. Holm"]}])
    assert names.expand("kari holm") == {"kari holm", "holm", "k. holm"}
    assert names.expand("Somebody Else") == {"somebody else"}


def test_gold_names_match_through_an_alias() -> None:
    names = GoldNames([{"name": "Kari Holm", "aliases": ["Holm"]}])
    assert names.matches("Kari Holm", [{"holm"}])
    assert not names.matches("Kari Holm", [{"berg"}])
