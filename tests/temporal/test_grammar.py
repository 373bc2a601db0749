"""The grammar files: every rule compiles and matches its own examples; the loader's contract."""

from __future__ import annotations

import re

import pytest

from newsgraph.errors import ConfigError
from newsgraph.resources import resource_languages
from newsgraph.temporal import grammar as g

LANGUAGES = [lang for lang in resource_languages() if g.has_grammar(lang)]


def _examples(lang: str) -> list[tuple[str, str]]:
    return [
        (rule.name, example) for rule in g.load_grammar(lang).rules for example in rule.examples
    ]


def test_nb_and_en_have_grammars() -> None:
    assert {"nb", "en"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_lists_examples(lang: str) -> None:
    missing = [rule.name for rule in g.load_grammar(lang).rules if not rule.examples]
    assert not missing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_matches_its_rule_in_full_and_fills_a_spec(lang: str) -> None:
    grammar = g.load_grammar(lang)
    for rule in grammar.rules:
        for example in rule.examples:
            match = rule.regex.fullmatch(example)
            assert match is not None, f"{lang}: {rule.name!r} does not match {example!r}"
            spec = g.build_spec(grammar, rule, match)
            assert spec.kind == rule.kind


def test_a_language_without_a_file_gets_the_common_numeric_rules() -> None:
    grammar = g.load_grammar("pl")
    assert not g.has_grammar("pl")
    assert any(rule.regex.fullmatch("2024-10-14") for rule in grammar.rules)


def test_nynorsk_falls_back_to_bokmaal() -> None:
    assert g.load_grammar("nn").lang == "nb"


def test_placeholders_become_named_groups_and_bare_classes_do_not() -> None:
    words = {"month": {"mai": 5}, "modifier": ["tidlig"]}
    pattern, classes = g._expand("{:modifier} {month} {day=day}", words, {}, "xx")
    assert "(?P<month>" in pattern and "(?P<day>" in pattern
    assert "modifier" not in classes and classes["month"] == ("month",)


def test_unknown_table_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown word table"):
        g._expand("{nosuchtable}", {}, {}, "xx")


def test_rule_setting_unknown_fields_is_a_config_error() -> None:
    raw = {"name": "bad", "pattern": "x", "set": {"colour": "red"}}
    with pytest.raises(ConfigError, match="unknown fields"):
        g._compile_rule(raw, 0, {"words": {}}, "xx")


def test_rule_that_does_not_compile_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="does not compile"):
        g._compile_rule({"name": "bad", "pattern": "(unclosed"}, 0, {"words": {}}, "xx")


def test_a_rule_that_does_not_compile_is_named_when_the_whole_grammar_compiles() -> None:
    data = {
        "words": {},
        "rules": [{"name": "fine", "pattern": "i dag"}, {"name": "bad", "pattern": "(x"}],
    }
    with pytest.raises(ConfigError, match="'bad' does not compile"):
        g._compile_rules(data, "xx")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_rule_regexes_equal_those_re_compile_gives(lang: str) -> None:
    for rule in g.load_grammar(lang).rules:
        assert rule.regex == re.compile(rule.regex.pattern, rule.regex.flags)


def test_alternation_is_the_same_text_whatever_the_order_of_its_phrases() -> None:
    phrases = ["mai", "juni", "jan", "i morgen", "feb"]
    first = g._alternation(phrases)
    assert first == g._alternation(list(reversed(phrases)))
    assert first == r"(?:i\s+morgen|juni|feb|jan|mai)"
