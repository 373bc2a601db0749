"""Resource files are read through typed schemas: a misspelled key or a wrong type is an error."""

from __future__ import annotations

from importlib import resources

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events.lexicon import load_lexicon as load_event_lexicon
from newsgraph.events.words import Word
from newsgraph.resources import (
    COMMON,
    function_words,
    load_resource,
    load_typed,
    parse_resource,
    resource_languages,
    schema_of,
)
from newsgraph.resources.schemas import SpeechVerbs, Titles


def shipped_files() -> list[tuple[str, str]]:
    """(folder, name) of every TOML file under resources/."""
    root = resources.files("newsgraph.resources")
    found = []
    for folder in [COMMON, *resource_languages()]:
        for entry in root.joinpath(folder).iterdir():
            if entry.name.endswith(".toml"):
                found.append((folder, entry.name.removesuffix(".toml")))
    return sorted(found)


@pytest.mark.parametrize(("folder", "name"), shipped_files())
def test_every_shipped_resource_file_matches_its_schema(folder: str, name: str) -> None:
    assert load_resource(folder, name), f"resources/{folder}/{name}.toml read as empty"


def test_schema_unknown_key_is_an_error_naming_file_and_key() -> None:
    text = '[grammar]\nverb_secnd = true\ncomplementizers = ["at"]\n'
    with pytest.raises(ConfigError) as raised:
        parse_resource(text, "nb", "quotes")
    message = str(raised.value)
    assert "resources/nb/quotes.toml" in message
    assert "grammar.verb_secnd" in message
    assert "unknown key" in message


def test_schema_wrong_type_is_an_error_naming_file_and_key() -> None:
    text = '[verbs."si"]\npresent = "sier"\n'
    with pytest.raises(ConfigError) as raised:
        parse_resource(text, "nb", "speech_verbs", where="custom/nb/speech_verbs.toml")
    message = str(raised.value)
    assert message.startswith("custom/nb/speech_verbs.toml: ")
    assert "verbs.si.present" in message


def test_schema_wrong_type_inside_a_list_of_tables_names_the_position() -> None:
    text = '[[trigger]]\ncategory = "CONSULT"\nwords = ["møt*"]\nweight = "high"\n'
    with pytest.raises(ConfigError, match=r"trigger\.0\.weight"):
        parse_resource(text, "en", "events")


def test_schema_unknown_resource_name_is_an_error() -> None:
    with pytest.raises(ConfigError, match="no schema for 'speech_verb'"):
        schema_of("nb", "speech_verb")


def test_schema_valid_table_is_returned_unchanged() -> None:
    text = '[titles]\nstatsminister = "prime minister"\n[rules]\ndefinite = [["en", "et"]]\n'
    assert parse_resource(text, "nb", "titles") == {
        "titles": {"statsminister": "prime minister"},
        "rules": {"definite": [["en", "et"]]},
    }


def test_typed_resource_has_defaults_for_a_language_without_the_file() -> None:
    verbs = load_typed("xx", "speech_verbs", SpeechVerbs)
    assert verbs.verbs == {}


def test_typed_resource_must_be_read_with_its_own_schema() -> None:
    with pytest.raises(ConfigError, match="not read as Titles"):
        load_typed("nb", "speech_verbs", Titles)


def _speech_words(lang: str) -> set[str]:
    lexicon = load_event_lexicon(lang)
    return {pattern.source for pattern in lexicon.cue("speech").patterns}


def test_events_speech_cue_holds_the_forms_of_the_shared_speech_verbs() -> None:
    words = _speech_words("nb")
    # Forms only speech_verbs.toml lists (events.toml never named them).
    assert {"fastslo", "presiserte", "gjentok", "forklarer"} <= words
    assert "la til" in words


def test_events_speech_cue_leaves_out_naming_verbs_and_coded_acts() -> None:
    words = _speech_words("en")
    assert "said" in words
    assert "called" not in words  # naming: "called it a disgrace"
    assert "warned" not in words  # a coded act (THREATEN), not a report of speech


def test_events_speech_cue_matches_a_shared_form_in_a_sentence() -> None:
    lexicon = load_event_lexicon("nb")
    tokens = ["Han", "presiserte", "at"]
    words = [Word(i, 4 * i, 4 * i + len(w), w, w.lower()) for i, w in enumerate(tokens)]
    assert [m[0] for m in lexicon.cue("speech").spans(words)] == [1]


def test_function_words_come_from_the_language_and_are_empty_for_an_unknown_one() -> None:
    assert "para" in function_words("es") and "og" in function_words("nn")
    assert function_words("xx") == frozenset() and function_words("zh-hant") == frozenset()
